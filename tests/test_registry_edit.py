"""Editing: Server and Organization locked, a blank password keeps the stored one."""

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(registry_factory):
    return registry_factory("docker.io", "exampleorg", username="old", password="stored-pw")


def url(entry):
    return reverse("registry-edit", args=[entry.pk])


def test_anonymous_is_sent_to_sign_in(client, entry):
    assert client.get(url(entry))["Location"].startswith("/accounts/login/")


def test_without_change_permission_is_403(client, user_factory, entry):
    client.force_login(user_factory(perms=["view_registry", "add_registry"]))
    assert client.post(url(entry), {"username": "x"}).status_code == 403
    entry.refresh_from_db()
    assert entry.username == "old"


def test_wrong_method_is_405(operator_client, entry):
    assert operator_client.delete(url(entry)).status_code == 405


def test_unknown_entry_is_404(operator_client):
    assert operator_client.get(reverse("registry-edit", args=[999])).status_code == 404


def test_shows_locked_fields_and_never_the_password(operator_client, entry):
    response = operator_client.get(url(entry))
    page = response.content.decode()
    assert 'name="server" value="docker.io"' in page and "disabled" in page
    assert "A password is stored" in page
    assert "stored-pw" not in page


def test_posted_server_and_organization_are_ignored(operator_client, entry):
    data = {"server": "evil.example", "organization": "other", "username": "new", "password": ""}
    response = operator_client.post(url(entry), data)
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.server, entry.organization, entry.username) == ("docker.io", "exampleorg", "new")


def test_blank_password_keeps_the_stored_one(operator_client, entry):
    operator_client.post(url(entry), {"username": "new", "password": ""})
    entry.refresh_from_db()
    assert entry.password == "stored-pw"
    assert LogEntry.objects.get().get_change_message() == "Changed Username."


def test_new_password_replaces_the_stored_one(operator_client, entry):
    response = operator_client.post(
        url(entry), {"username": "old", "password": "new-pw"}, follow=True
    )
    assert "changed password" in response.content.decode()
    entry.refresh_from_db()
    assert entry.password == "new-pw"
    log = LogEntry.objects.get()
    assert log.action_flag == CHANGE and log.get_change_message() == "Changed Password."


def test_no_change_logs_nothing(operator_client, entry):
    response = operator_client.post(
        url(entry), {"username": "old", "password": "stored-pw"}, follow=True
    )
    assert "No changes" in response.content.decode()
    assert not LogEntry.objects.exists()


def test_blank_username_is_refused(operator_client, entry):
    response = operator_client.post(url(entry), {"username": "", "password": "x"})
    assert "This field is required." in response.content.decode()
    entry.refresh_from_db()
    assert entry.password == "stored-pw"
