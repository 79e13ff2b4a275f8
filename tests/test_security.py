"""Hardening: security headers, CSP without inline code, sign-in throttling, sessions,
and `check --deploy` with DJANGO_HTTPS=true."""

import pytest
from django.urls import reverse

from tests.appserver import run_manage

pytestmark = pytest.mark.django_db


def test_security_headers(staff_client):
    response = staff_client.get(reverse("about"))
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy


@pytest.mark.parametrize(
    "name", ["about", "registry-list", "registry-add", "registry-check", "login"]
)
def test_pages_have_no_inline_script_or_style(admin_client, name):
    page = admin_client.get(reverse(name)).content.decode()
    assert "<style" not in page and " style=" not in page
    for tag in page.split("<script")[1:]:
        assert tag.lstrip().startswith("src=")


def test_sign_in_locks_out_after_five_failures(client, user_factory):
    user_factory("victim", password="right-password-1")
    for _ in range(5):
        response = client.post(
            reverse("login"), {"username": "victim", "password": "wrong"}, REMOTE_ADDR="10.9.9.9"
        )
    assert response.status_code == 429
    assert "Too many failed sign-ins" in response.content.decode()
    response = client.post(
        reverse("login"),
        {"username": "victim", "password": "right-password-1"},
        REMOTE_ADDR="10.9.9.9",
    )
    assert response.status_code == 429  # locked even with the right password


def test_good_sign_in_works_and_wrong_one_says_so(client, user_factory):
    user_factory("alice", password="right-password-1")
    response = client.post(reverse("login"), {"username": "alice", "password": "nope"})
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()
    response = client.post(reverse("login"), {"username": "alice", "password": "right-password-1"})
    assert response.status_code == 302


def test_sessions_expire(settings, staff_client):
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert staff_client.session.get_expiry_age() <= 8 * 60 * 60


def test_check_deploy_is_clean_with_https(tmp_path):
    env = {
        "PATH": "/usr/bin:/bin",
        "UIP_VAR_DIR": str(tmp_path),
        "DJANGO_HTTPS": "true",
        "DJANGO_ALLOWED_HOSTS": "uip.example.com",
    }
    result = run_manage(env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_https_mode_redirects_and_secures_cookies(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    response = client.get(reverse("login"))
    assert response.status_code == 301 and response["Location"].startswith("https://")
    assert client.get(reverse("login"), HTTP_X_FORWARDED_PROTO="https").status_code == 200
