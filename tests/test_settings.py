"""Settings read from the environment fail loudly and keep secrets across restarts."""

import stat

import pytest
from django.core.exceptions import ImproperlyConfigured

from uip_admin.env import env_bool, env_list, persisted_secret


@pytest.mark.parametrize(
    "raw, expected", [("true", True), ("1", True), ("Off", False), ("", False)]
)
def test_env_bool_reads_common_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("X_FLAG", raw)
    assert env_bool("X_FLAG") is expected


def test_env_bool_refuses_anything_else(monkeypatch):
    monkeypatch.setenv("X_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="use true or false"):
        env_bool("X_FLAG")


def test_env_list_splits_on_commas(monkeypatch):
    monkeypatch.setenv("X_HOSTS", "a.example, b.example,")
    assert env_list("X_HOSTS", []) == ["a.example", "b.example"]


def test_persisted_secret_is_created_once_with_mode_0600(tmp_path):
    path = tmp_path / "var" / "key"
    first = persisted_secret(path, lambda: "first")
    second = persisted_secret(path, lambda: "second")
    assert first == second == "first"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_fernet_keys_are_independent_of_secret_key(settings):
    assert settings.FERNET_KEYS
    assert settings.SECRET_KEY not in settings.FERNET_KEYS


def test_bad_database_url_fails_loudly(tmp_path):
    from tests.appserver import run_manage

    env = {"DATABASE_URL": "nosuch://x", "UIP_VAR_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    result = run_manage(env, "check")
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr
