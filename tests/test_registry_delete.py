"""Deleting: confirmation on GET, deletion only on POST, logged before the row goes."""

import pytest
from django.contrib.admin.models import DELETION, LogEntry
from django.urls import reverse

from registries.models import Registry

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(registry_factory):
    return registry_factory("docker.io", "exampleorg")


def url(entry):
    return reverse("registry-delete", args=[entry.pk])


def test_anonymous_is_sent_to_sign_in(client, entry):
    assert client.post(url(entry))["Location"].startswith("/accounts/login/")
    assert Registry.objects.exists()


def test_without_delete_permission_is_403(client, user_factory, entry):
    client.force_login(user_factory(perms=["view_registry", "change_registry"]))
    assert client.post(url(entry)).status_code == 403
    assert Registry.objects.exists()


def test_wrong_method_is_405(operator_client, entry):
    assert operator_client.put(url(entry)).status_code == 405
    assert Registry.objects.exists()


def test_get_asks_for_confirmation_and_warns(operator_client, entry):
    response = operator_client.get(url(entry))
    page = response.content.decode()
    assert "Delete registry" in page and "docker.io/exampleorg" in page
    assert "fail to pull" in page
    assert Registry.objects.exists()


def test_post_deletes_logs_and_says_so(operator_client, entry):
    response = operator_client.post(url(entry), follow=True)
    assert "Deleted registry docker.io/exampleorg." in response.content.decode()
    assert not Registry.objects.exists()
    log = LogEntry.objects.get()
    assert (log.action_flag, log.object_repr, log.object_id) == (
        DELETION,
        "docker.io/exampleorg",
        str(entry.pk),
    )
