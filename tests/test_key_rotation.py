"""Fernet key rotation: new,old → rotate → new alone reads everything; entries no key
can read are reported, never crash a page, and can be repaired."""

import pytest
from cryptography.fernet import Fernet
from django.core.checks import run_checks
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse

from registries.fields import UNREADABLE
from registries.models import Registry

pytestmark = pytest.mark.django_db
OLD, NEW, LOST = (Fernet.generate_key().decode() for _ in range(3))


def raw_passwords():
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, password FROM registries_registry ORDER BY id")
        return {pk: bytes(value) for pk, value in cursor.fetchall()}


def test_rotation_loses_nothing(settings, registry_factory, capsys):
    settings.FERNET_KEYS = [OLD]
    for i in range(7):
        registry_factory(f"r{i}.example", password=f"secret-{i}")
    before = raw_passwords()

    settings.FERNET_KEYS = [NEW, OLD]
    call_command("rotate_registry_keys", "--batch-size", "3")
    assert "Re-encrypted 7 entries" in capsys.readouterr().out
    after = raw_passwords()
    assert all(before[pk] != after[pk] for pk in before)

    settings.FERNET_KEYS = [NEW]
    passwords = dict(Registry.objects.values_list("server", "password"))
    assert passwords == {f"r{i}.example": f"secret-{i}" for i in range(7)}


def test_rotation_keeps_updated_at(settings, registry_factory):
    settings.FERNET_KEYS = [OLD]
    entry = registry_factory()
    settings.FERNET_KEYS = [NEW, OLD]
    call_command("rotate_registry_keys")
    assert Registry.objects.get().updated_at == entry.updated_at


@pytest.fixture
def lost_entry(settings, registry_factory):
    settings.FERNET_KEYS = [LOST]
    entry = registry_factory("lost.example", "team", password="gone")
    settings.FERNET_KEYS = [NEW]
    registry_factory("fine.example", password="fine")
    return Registry.objects.get(pk=entry.pk)


def test_unreadable_entries_are_reported_by_rotation(lost_entry):
    assert lost_entry.password is UNREADABLE
    with pytest.raises(CommandError, match="1 entry could not be decrypted.*lost.example/team"):
        call_command("rotate_registry_keys")
    assert Registry.objects.get(server="fine.example").password == "fine"


def test_system_check_warns_with_a_count(lost_entry):
    messages = run_checks(databases=["default"])
    warning = next(m for m in messages if m.id == "registries.W001")
    assert warning.msg.startswith("1 registry entry cannot be decrypted")


def test_pages_survive_an_unreadable_entry(lost_entry, admin_client):
    assert admin_client.get(reverse("registry-list")).status_code == 200
    image = reverse("registry-check") + "?image=lost.example/team/app"
    assert admin_client.get(image).status_code == 200
    edit = reverse("registry-edit", args=[lost_entry.pk])
    page = admin_client.get(edit).content.decode()
    assert "cannot be decrypted with the configured keys" in page


def test_edit_asks_for_a_new_password_and_repairs(lost_entry, admin_client):
    edit = reverse("registry-edit", args=[lost_entry.pk])
    response = admin_client.post(edit, {"username": "puller", "password": ""})
    assert "This field is required." in response.content.decode()
    response = admin_client.post(edit, {"username": "puller", "password": "typed-again"})
    assert response.status_code == 302
    assert Registry.objects.get(pk=lost_entry.pk).password == "typed-again"


def test_export_leaves_out_unreadable_entries(lost_entry, capsys):
    call_command("export_pull_secret", "--output", "-")
    captured = capsys.readouterr()
    assert "lost.example" not in captured.out and "fine.example" in captured.out
    assert "Left out lost.example/team" in captured.err


def test_unreadable_password_cannot_be_saved(lost_entry):
    lost_entry.username = "other"
    with pytest.raises(ValueError, match="set a new one first"):
        lost_entry.save()
