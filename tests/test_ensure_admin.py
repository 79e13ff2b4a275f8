"""`manage.py ensure_admin`, run by `make run`: the first admin account, once."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_creates_admin_from_environment(monkeypatch, capsys):
    monkeypatch.setenv("UIP_ADMIN_PASSWORD", "from-the-environment-1")
    call_command("ensure_admin")
    out = capsys.readouterr().out
    assert "from-the-environment-1" not in out
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("from-the-environment-1")


def test_generates_and_prints_password_once(monkeypatch, capsys):
    monkeypatch.delenv("UIP_ADMIN_PASSWORD", raising=False)
    call_command("ensure_admin")
    password = capsys.readouterr().out.split("password: ")[1].split()[0]
    assert get_user_model().objects.get(username="admin").check_password(password)
    call_command("ensure_admin")
    assert "no admin account created" in capsys.readouterr().out
    assert get_user_model().objects.count() == 1
