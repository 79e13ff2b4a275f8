"""Adding an entry, and adding one whose Server + Organization exists already."""

import pytest
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.urls import reverse

from registries.models import Registry

pytestmark = pytest.mark.django_db
URL = reverse("registry-add")
VALID = {"server": "docker.io", "organization": "exampleorg", "username": "u", "password": "p w "}


def test_anonymous_is_sent_to_sign_in(client):
    assert client.post(URL, VALID)["Location"].startswith("/accounts/login/")
    assert not Registry.objects.exists()


def test_without_add_permission_is_403(client, user_factory):
    client.force_login(user_factory(perms=["view_registry", "change_registry"]))
    assert client.get(URL).status_code == 403
    assert client.post(URL, VALID).status_code == 403
    assert not Registry.objects.exists()


def test_wrong_method_is_405(operator_client):
    assert operator_client.put(URL).status_code == 405


def test_add_saves_logs_and_redirects_with_message(operator_client):
    response = operator_client.post(URL, VALID, follow=True)
    assert response.redirect_chain == [(reverse("registry-list"), 302)]
    assert "Added registry docker.io/exampleorg." in response.content.decode()
    entry = Registry.objects.get()
    assert (entry.server, entry.organization, entry.username) == ("docker.io", "exampleorg", "u")
    assert entry.password == "p w "  # not stripped
    assert entry.updated_by.username == "operator"
    log = LogEntry.objects.get()
    assert (log.action_flag, log.object_repr, log.user.username) == (
        ADDITION,
        "docker.io/exampleorg",
        "operator",
    )


def test_uppercase_server_is_refused_with_the_lowercase_form(operator_client):
    response = operator_client.post(URL, {**VALID, "server": "Docker.io"})
    assert response.status_code == 200
    assert "Use lowercase letters only: enter docker.io." in response.content.decode()
    assert not Registry.objects.exists()
    assert not LogEntry.objects.exists()


@pytest.mark.parametrize("missing", ["server", "username", "password"])
def test_required_fields(operator_client, missing):
    response = operator_client.post(URL, {**VALID, missing: ""})
    assert "This field is required." in response.content.decode()
    assert not Registry.objects.exists()


def test_typed_password_is_not_rendered_back_on_error(operator_client):
    response = operator_client.post(URL, {**VALID, "server": "Docker.io", "password": "canary-x"})
    assert b"canary-x" not in response.content


def test_duplicate_add_updates_existing(operator_client, registry_factory):
    entry = registry_factory("docker.io", "exampleorg", username="old", password="old-pw")
    response = operator_client.post(URL, VALID, follow=True)
    assert "existed already" in response.content.decode()
    entry.refresh_from_db()
    assert (entry.username, entry.password) == ("u", "p w ")
    assert Registry.objects.count() == 1
    log = LogEntry.objects.get()
    assert log.action_flag == CHANGE
    assert log.get_change_message() == "Changed Username and Password."


def test_duplicate_add_with_same_credentials_changes_nothing(operator_client, registry_factory):
    registry_factory("docker.io", "exampleorg", username="u", password="p w ")
    response = operator_client.post(URL, VALID, follow=True)
    assert "nothing changed" in response.content.decode()
    assert not LogEntry.objects.exists()


def test_duplicate_add_needs_change_permission(client, user_factory, registry_factory):
    entry = registry_factory("docker.io", "exampleorg", username="old", password="old-pw")
    client.force_login(user_factory(perms=["view_registry", "add_registry"]))
    response = client.post(URL, VALID)
    assert response.status_code == 403
    assert "permission to change registries" in response.content.decode()
    entry.refresh_from_db()
    assert (entry.username, entry.password) == ("old", "old-pw")


def test_same_server_other_organization_is_a_new_entry(operator_client, registry_factory):
    registry_factory("docker.io", "")
    operator_client.post(URL, VALID)
    assert sorted(map(str, Registry.objects.all())) == ["docker.io", "docker.io/exampleorg"]


def test_form_is_prefilled_from_query(operator_client):
    response = operator_client.get(URL, {"server": "quay.io", "organization": "team"})
    assert response.context["form"].initial == {"server": "quay.io", "organization": "team"}


def test_csrf_is_enforced(client, user_factory):
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(user_factory(perms=["add_registry", "view_registry"]))
    assert csrf_client.post(URL, VALID).status_code == 403
    assert not Registry.objects.exists()
