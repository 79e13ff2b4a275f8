"""The Django admin: same rules, write-only password, locked keys, read-only audit log."""

import pytest
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.urls import reverse

from registries.models import Registry

pytestmark = pytest.mark.django_db


def test_admin_add_applies_the_model_rules(admin_client):
    url = reverse("admin:registries_registry_add")
    data = {"server": "Docker.io", "organization": "", "username": "u", "password": "p"}
    response = admin_client.post(url, data)
    assert "Use lowercase letters only: enter docker.io." in response.content.decode()
    assert not Registry.objects.exists()


def test_admin_add_saves_encrypted_and_logs(admin_client):
    url = reverse("admin:registries_registry_add")
    data = {"server": "docker.io", "organization": "exampleorg", "username": "u", "password": "p"}
    assert admin_client.post(url, data).status_code == 302
    entry = Registry.objects.get()
    assert entry.password == "p" and entry.updated_by.username == "admin"
    assert LogEntry.objects.get().action_flag == ADDITION


def test_admin_duplicate_add_says_edit_instead(admin_client, registry_factory):
    registry_factory("docker.io", "exampleorg")
    url = reverse("admin:registries_registry_add")
    data = {"server": "docker.io", "organization": "exampleorg", "username": "u", "password": "p"}
    response = admin_client.post(url, data)
    assert "exists already: edit that entry instead" in response.content.decode()
    assert Registry.objects.count() == 1


def test_admin_change_locks_keys_and_keeps_blank_password(admin_client, registry_factory):
    entry = registry_factory("docker.io", "exampleorg", password="stored-pw")
    url = reverse("admin:registries_registry_change", args=[entry.pk])
    page = admin_client.get(url).content.decode()
    assert 'name="server"' not in page and "stored-pw" not in page
    data = {"server": "evil.example", "username": "new", "password": ""}
    assert admin_client.post(url, data).status_code == 302
    entry.refresh_from_db()
    assert (entry.server, entry.username, entry.password) == ("docker.io", "new", "stored-pw")
    log = LogEntry.objects.get()
    assert log.action_flag == CHANGE and "Password" not in log.get_change_message()


def test_audit_log_is_read_only_and_filterable(admin_client, registry_factory):
    admin_client.post(
        reverse("registry-add"),
        {"server": "docker.io", "organization": "", "username": "u", "password": "p"},
    )
    url = reverse("admin:registries_auditlogentry_changelist")
    response = admin_client.get(url, {"action_flag__exact": ADDITION})
    assert response.status_code == 200
    assert "docker.io" in response.content.decode()
    entry = LogEntry.objects.get()
    assert admin_client.get(reverse("admin:registries_auditlogentry_add")).status_code == 403
    delete = reverse("admin:registries_auditlogentry_delete", args=[entry.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert LogEntry.objects.filter(pk=entry.pk).exists()


def test_list_links_to_audit_log_filtered_to_registries(admin_client):
    response = admin_client.get(reverse("registry-list"))
    assert response.context["audit_log_url"].startswith(
        reverse("admin:registries_auditlogentry_changelist") + "?content_type__id__exact="
    )
