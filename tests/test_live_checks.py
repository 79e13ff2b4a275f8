"""Live checks against real peers on loopback: every outcome comes from a real registry,
token issuer or proxy."""

import pytest

from registries.images import parse_image
from registries.registry_client import Outcome, check_credentials, check_entry, check_image_pull
from tests.appserver import free_port

pytestmark = pytest.mark.django_db


class TestBasicAuthRegistry:
    def test_good_credentials(self, trusted):
        result = check_credentials(trusted.basic, "robot", "robot-pass")
        assert result.outcome == Outcome.OK, result.message

    def test_wrong_password(self, trusted):
        result = check_credentials(trusted.basic, "robot", "wrong")
        assert result.outcome == Outcome.AUTH_FAILED
        assert "rejected the username and password" in result.message

    def test_image_pulls_with_the_resolved_entry(self, trusted, registry_factory):
        registry_factory(trusted.basic, "team", username="robot", password="robot-pass")
        result = check_image_pull(parse_image(f"{trusted.basic}/team/app:1.0"))
        assert result.outcome == Outcome.OK, result.message
        assert result.entry == f"{trusted.basic}/team"

    def test_image_by_digest(self, trusted, registry_factory):
        registry_factory(trusted.basic, "", username="robot", password="robot-pass")
        result = check_image_pull(parse_image(f"{trusted.basic}/team/app@{trusted.digest}"))
        assert result.outcome == Outcome.OK, result.message

    def test_missing_tag(self, trusted, registry_factory):
        registry_factory(trusted.basic, "team", username="robot", password="robot-pass")
        result = check_image_pull(parse_image(f"{trusted.basic}/team/app:nope"))
        assert result.outcome == Outcome.NOT_FOUND
        assert "team/app:nope" in result.message

    def test_wrong_password_for_pull(self, trusted, registry_factory):
        registry_factory(trusted.basic, "team", username="robot", password="wrong")
        result = check_image_pull(parse_image(f"{trusted.basic}/team/app:1.0"))
        assert result.outcome == Outcome.AUTH_FAILED

    def test_no_entry(self, trusted):
        result = check_image_pull(parse_image(f"{trusted.basic}/team/app:1.0"))
        assert result.outcome == Outcome.NO_CREDENTIALS
        assert "add one" in result.message


class TestTokenAuthRegistry:
    def test_good_credentials(self, trusted):
        result = check_credentials(trusted.token, "robot", "robot-pass")
        assert result.outcome == Outcome.OK, result.message

    def test_wrong_password_is_tried_once(self, trusted):
        before = len(trusted.issuer.requests_seen)
        result = check_credentials(trusted.token, "robot", "wrong")
        assert result.outcome == Outcome.AUTH_FAILED
        assert len(trusted.issuer.requests_seen) - before == 1

    def test_pull_with_access(self, trusted, registry_factory):
        registry_factory(trusted.token, "team", username="robot", password="robot-pass")
        result = check_image_pull(parse_image(f"{trusted.token}/team/app:1.0"))
        assert result.outcome == Outcome.OK, result.message

    def test_signed_in_without_pull_access_is_denied(self, trusted, registry_factory):
        registry_factory(trusted.token, "team", username="outsider", password="outsider-pass")
        result = check_image_pull(parse_image(f"{trusted.token}/team/app:1.0"))
        assert result.outcome == Outcome.DENIED
        assert "outsider signed in, but may not pull team/app" in result.message

    def test_anonymous_pull_needs_credentials(self, trusted):
        result = check_image_pull(parse_image(f"{trusted.token}/team/app:1.0"))
        assert result.outcome == Outcome.NO_CREDENTIALS


class TestNetwork:
    def test_proxy_allows_listed_host(self, trusted, settings, registry_factory):
        settings.UIP_REGISTRY_PROXY = trusted.proxy_url
        registry_factory(trusted.basic, "team", username="robot", password="robot-pass")
        result = check_image_pull(parse_image(f"{trusted.basic}/team/app:1.0"))
        assert result.outcome == Outcome.OK, result.message

    def test_proxy_refuses_other_host(self, trusted, settings):
        settings.UIP_REGISTRY_PROXY = trusted.proxy_url
        other = trusted.basic.replace("127.0.0.1", "localhost")
        result = check_credentials(other, "robot", "robot-pass")
        assert result.outcome == Outcome.PROXY_REFUSED
        assert f"add {other} to the proxy's allow list" in result.message

    def test_standard_proxy_variables_and_no_proxy(self, trusted, monkeypatch):
        other = trusted.basic.replace("127.0.0.1", "localhost")
        monkeypatch.setenv("HTTPS_PROXY", trusted.proxy_url)
        monkeypatch.setenv("NO_PROXY", "")
        assert check_credentials(other, "robot", "robot-pass").outcome == Outcome.PROXY_REFUSED
        monkeypatch.setenv("NO_PROXY", "localhost")
        assert check_credentials(other, "robot", "robot-pass").outcome == Outcome.OK

    def test_unreachable_proxy_is_named_without_its_password(self, trusted, settings):
        settings.UIP_REGISTRY_PROXY = f"http://proxyuser:proxy-secret@127.0.0.1:{free_port()}"
        result = check_credentials(trusted.basic, "robot", "robot-pass")
        assert result.outcome == Outcome.UNREACHABLE
        assert "http://127.0.0.1:" in result.message and "proxy-secret" not in result.message

    def test_untrusted_certificate(self, trusted, settings, monkeypatch):
        settings.UIP_REGISTRY_CA_BUNDLE = ""
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", trusted.ca_path)  # must not be what decides
        result = check_credentials(trusted.basic, "robot", "robot-pass")
        assert result.outcome == Outcome.TLS_ERROR
        assert "UIP_REGISTRY_CA_BUNDLE" in result.message

    def test_ca_bundle_wins_over_requests_ca_bundle(self, trusted, monkeypatch):
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt")
        assert check_credentials(trusted.basic, "robot", "robot-pass").outcome == Outcome.OK

    def test_closed_port(self, trusted):
        result = check_credentials(f"127.0.0.1:{free_port()}", "robot", "robot-pass")
        assert result.outcome == Outcome.UNREACHABLE

    def test_not_a_registry(self, trusted):
        result = check_credentials(trusted.issuer_host, "robot", "robot-pass")
        assert result.outcome == Outcome.NOT_A_REGISTRY
        assert "404" in result.message


def test_check_entry_stores_the_outcome(trusted, registry_factory):
    entry = registry_factory(trusted.basic, "", username="robot", password="wrong")
    updated_at = entry.updated_at
    assert check_entry(entry).outcome == Outcome.AUTH_FAILED
    entry.refresh_from_db()
    assert entry.last_check_outcome == "auth_failed" and entry.last_check_at
    assert entry.updated_at == updated_at
