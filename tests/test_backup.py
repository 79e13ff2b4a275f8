"""Backup packages: accounts, groups, permissions and the audit log — never registry
entries — and restoring them."""

import json
import stat

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import Group, Permission, User
from django.core.management import CommandError, call_command

from registries import audit
from registries.models import Registry

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(user_factory, registry_factory):
    group = Group.objects.create(name="operators")
    group.permissions.add(Permission.objects.get(codename="view_registry"))
    alice = user_factory("alice", perms=["add_registry"], password="alice-pass-1")
    alice.groups.add(group)
    entry = registry_factory("docker.io", "exampleorg", password="canary-registry-pw")
    audit.record(alice, entry, ADDITION, [{"added": {}}])
    return alice


def test_backup_holds_accounts_and_audit_never_registries(site, tmp_path, capsys):
    path = tmp_path / "backup.json"
    call_command("backup", "--output", str(path))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = path.read_text()
    assert "canary-registry-pw" not in text
    package = json.loads(text)
    models = {o["model"] for o in package["objects"]}
    assert models == {"auth.permission", "auth.group", "auth.user", "admin.logentry"}
    assert package["not_included"] == ["registries.registry"]
    out = capsys.readouterr().out
    assert "Registry entries are not in backup packages" in out


def test_restore_into_an_empty_installation(site, tmp_path):
    path = tmp_path / "backup.json"
    call_command("backup", "--output", str(path))
    LogEntry.objects.all().delete()
    User.objects.all().delete()
    Group.objects.all().delete()
    Registry.objects.all().delete()

    call_command("restore", str(path))
    alice = User.objects.get(username="alice")
    assert alice.check_password("alice-pass-1")
    assert alice.has_perm("registries.add_registry") and alice.has_perm("registries.view_registry")
    log = LogEntry.objects.get()
    assert log.user == alice and log.object_repr == "docker.io/exampleorg"
    assert not Registry.objects.exists()
    # The sequence moved past the restored ids: new audit entries still save.
    entry = Registry.objects.create(server="quay.io", username="u", password="p")
    audit.record(alice, entry, ADDITION)
    assert LogEntry.objects.count() == 2


def test_restore_twice_is_idempotent(site, tmp_path):
    path = tmp_path / "backup.json"
    call_command("backup", "--output", str(path))
    call_command("restore", str(path))
    call_command("restore", str(path))
    assert User.objects.filter(username="alice").count() == 1
    assert LogEntry.objects.count() == 1


@pytest.mark.parametrize(
    "content, message",
    [
        ("not json", "not JSON"),
        ('{"format": "other"}', "not a UIP Administration backup"),
        ('{"format": "uip-admin-backup", "version": 9, "objects": []}', "version 9"),
        (
            '{"format": "uip-admin-backup", "version": 1, "objects": '
            '[{"model": "registries.registry", "fields": {}}]}',
            "unexpected data",
        ),
    ],
)
def test_restore_refuses_what_is_not_a_backup(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(path))


def test_backup_does_not_overwrite_without_force(site, tmp_path):
    path = tmp_path / "backup.json"
    path.write_text("keep")
    with pytest.raises(CommandError, match="--force"):
        call_command("backup", "--output", str(path))
    assert path.read_text() == "keep"
