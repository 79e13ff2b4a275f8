"""`check_registry` and `check_image` against the real registry: exit 0 only for ok."""

import json

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def run(capsys, *args):
    code = 0
    try:
        call_command(*args)
    except SystemExit as exit_:
        code = exit_.code
    return code, capsys.readouterr().out


def test_check_registry_ok_and_stored(trusted, registry_factory, capsys):
    entry = registry_factory(trusted.basic, "team", username="robot", password="robot-pass")
    code, out = run(capsys, "check_registry", f"{trusted.basic}/team", "--json")
    assert code == 0
    assert json.loads(out) == {
        "outcome": "ok",
        "message": f"Signed in to {trusted.basic} as robot.",
        "entry": f"{trusted.basic}/team",
    }
    entry.refresh_from_db()
    assert entry.last_check_outcome == "ok"


def test_check_registry_wrong_password_exits_1_without_printing_it(
    trusted, registry_factory, capsys
):
    registry_factory(trusted.basic, "", username="robot", password="canary-wrong")
    code, out = run(capsys, "check_registry", trusted.basic)
    assert code == 1
    assert "Credentials rejected (auth_failed)" in out and "canary-wrong" not in out


def test_check_registry_unknown_entry(trusted):
    with pytest.raises(CommandError, match="No registry entry") as error:
        call_command("check_registry", "quay.io/none")
    assert error.value.returncode == 1


def test_check_image_ok(trusted, registry_factory, capsys):
    registry_factory(trusted.token, "team", username="robot", password="robot-pass")
    code, out = run(capsys, "check_image", f"{trusted.token}/team/app:1.0", "--json")
    assert code == 0 and json.loads(out)["outcome"] == "ok"


def test_check_image_denied(trusted, registry_factory, capsys):
    registry_factory(trusted.token, "team", username="outsider", password="outsider-pass")
    code, out = run(capsys, "check_image", f"{trusted.token}/team/app:1.0", "--json")
    assert code == 1 and json.loads(out)["outcome"] == "denied"


def test_check_image_invalid_reference(trusted):
    with pytest.raises(CommandError, match="must be lowercase"):
        call_command("check_image", "Bad")
