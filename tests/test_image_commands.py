"""`registry_credentials` and `export_pull_secret`: the platform's view of the entries."""

import base64
import json
import stat

import pytest
from django.core.management import CommandError, call_command

from tests.appserver import manage, run_manage

pytestmark = pytest.mark.django_db


class TestRegistryCredentials:
    def test_match_prints_entry_and_username_never_password(self, registry_factory, capsys):
        registry_factory("docker.io", "exampleorg", username="robot", password="canary-pw")
        call_command("registry_credentials", "exampleorg/app:1")
        out = capsys.readouterr().out
        assert "Registry:   docker.io" in out
        assert "Repository: exampleorg/app" in out
        assert "Entry:      docker.io/exampleorg (username robot)" in out
        assert "canary-pw" not in out

    def test_json_output(self, registry_factory, capsys):
        registry_factory("docker.io", "exampleorg", username="robot")
        call_command(
            "registry_credentials", "docker.io/exampleorg/privaterepo:imagetag123", "--json"
        )
        assert json.loads(capsys.readouterr().out) == {
            "image": "docker.io/exampleorg/privaterepo:imagetag123",
            "server": "docker.io",
            "repository": "exampleorg/privaterepo",
            "entry": "docker.io/exampleorg",
            "username": "robot",
        }

    def test_no_match_exits_1(self, capsys):
        with pytest.raises(SystemExit) as exit_:
            call_command("registry_credentials", "quay.io/team/app", "--json")
        assert exit_.value.code == 1
        assert json.loads(capsys.readouterr().out)["entry"] is None

    def test_invalid_reference_exits_2(self):
        with pytest.raises(CommandError, match="must be lowercase") as error:
            call_command("registry_credentials", "Nginx")
        assert error.value.returncode == 2


def test_exit_codes_from_a_real_process(tmp_path):
    env = {"UIP_VAR_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    manage(env, "migrate", "-v0")
    invalid = run_manage(env, "registry_credentials", "Nginx")
    assert invalid.returncode == 2
    assert "Traceback" not in invalid.stderr and "must be lowercase" in invalid.stderr
    none = run_manage(env, "registry_credentials", "nginx")
    assert none.returncode == 1 and "Entry:      none" in none.stdout


class TestExportPullSecret:
    def test_writes_dockerconfigjson_with_mode_0600(self, registry_factory, tmp_path, capsys):
        registry_factory("docker.io", "exampleorg", username="robot", password="pa:ss")
        registry_factory("quay.io", "", username="q", password="qq")
        path = tmp_path / "auth.json"
        call_command("export_pull_secret", "--output", str(path))
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        auths = json.loads(path.read_text())["auths"]
        assert set(auths) == {"docker.io/exampleorg", "quay.io"}
        assert auths["docker.io/exampleorg"]["username"] == "robot"
        assert base64.b64decode(auths["docker.io/exampleorg"]["auth"]) == b"robot:pa:ss"
        out = capsys.readouterr().out
        assert "Wrote 2 entries" in out and "pa:ss" not in out

    def test_existing_file_needs_force(self, registry_factory, tmp_path):
        registry_factory()
        path = tmp_path / "auth.json"
        path.write_text("keep me")
        with pytest.raises(CommandError, match="--force"):
            call_command("export_pull_secret", "--output", str(path))
        assert path.read_text() == "keep me"
        call_command("export_pull_secret", "--output", str(path), "--force")
        assert "auths" in json.loads(path.read_text())
        assert stat.S_IMODE(path.stat().st_mode) == 0o600

    def test_stdout_only_with_dash(self, registry_factory, capsys):
        registry_factory("docker.io", "", password="pw")
        call_command("export_pull_secret", "--output", "-")
        assert json.loads(capsys.readouterr().out)["auths"]["docker.io"]["password"] == "pw"

    def test_default_file_is_in_var(self, registry_factory, settings, tmp_path):
        settings.VAR_DIR = tmp_path
        registry_factory()
        call_command("export_pull_secret")
        assert (tmp_path / "dockerconfig.json").exists()
