"""The live checks in the pages: Test connection, Test before saving, Check pull access.
A failed check never prevents saving."""

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from registries.models import Registry

pytestmark = pytest.mark.django_db


def test_test_connection_stores_and_shows_the_outcome(trusted, operator_client, registry_factory):
    entry = registry_factory(trusted.basic, "", username="robot", password="wrong")
    response = operator_client.post(reverse("registry-test", args=[entry.pk]), follow=True)
    page = response.content.decode()
    assert f"Test of {trusted.basic}: Credentials rejected." in page
    assert 'data-testid="check-badge"' in page and ">Credentials rejected</span>" in page
    entry.refresh_from_db()
    assert entry.last_check_outcome == "auth_failed"
    assert not LogEntry.objects.exists()  # a test is not a change


def test_test_connection_returns_to_a_local_next_only(trusted, operator_client, registry_factory):
    entry = registry_factory(trusted.basic, "", username="robot", password="robot-pass")
    url = reverse("registry-test", args=[entry.pk])
    edit = reverse("registry-edit", args=[entry.pk])
    assert operator_client.post(url, {"next": edit})["Location"] == edit
    assert operator_client.post(url, {"next": "https://evil.example/"})["Location"] == reverse(
        "registry-list"
    )


def test_test_connection_access(client, user_factory, registry_factory):
    entry = registry_factory()
    url = reverse("registry-test", args=[entry.pk])
    assert client.post(url)["Location"].startswith("/accounts/login/")
    client.force_login(user_factory(perms=["view_registry"]))
    assert client.post(url).status_code == 403
    client.force_login(user_factory(perms=["view_registry", "change_registry"]))
    assert client.get(url).status_code == 405


def typed(trusted, password):
    return {
        "server": trusted.basic,
        "organization": "team",
        "username": "robot",
        "password": password,
        "action": "test",
    }


def test_test_before_saving_answers_json_and_saves_nothing(trusted, operator_client):
    response = operator_client.post(
        reverse("registry-add"),
        typed(trusted, "robot-pass"),
        headers={"Accept": "application/json"},
    )
    assert response.json()["outcome"] == "ok" and response.json()["css"] == "success"
    assert not Registry.objects.exists()


def test_test_before_saving_without_script_rerenders(trusted, operator_client):
    response = operator_client.post(reverse("registry-add"), typed(trusted, "wrong"))
    page = response.content.decode()
    assert "Credentials rejected." in page and "wrong" not in page.split("test-result")[1][:50]
    assert not Registry.objects.exists()


def test_test_before_saving_reports_form_errors(trusted, operator_client):
    data = {**typed(trusted, "x"), "server": "Docker.io"}
    response = operator_client.post(
        reverse("registry-add"), data, headers={"Accept": "application/json"}
    )
    assert response.status_code == 400
    assert "docker.io" in response.json()["errors"]["server"][0]["message"]


def test_test_before_saving_on_edit_uses_stored_password(
    trusted, operator_client, registry_factory
):
    entry = registry_factory(trusted.basic, "team", username="robot", password="robot-pass")
    data = {"username": "robot", "password": "", "action": "test"}
    response = operator_client.post(
        reverse("registry-edit", args=[entry.pk]), data, headers={"Accept": "application/json"}
    )
    assert response.json()["outcome"] == "ok"


def test_failed_check_never_prevents_saving(trusted, operator_client):
    data = typed(trusted, "wrong")
    del data["action"]
    response = operator_client.post(reverse("registry-add"), data)
    assert response.status_code == 302
    assert Registry.objects.get().password == "wrong"


def test_check_pull_access_on_the_check_page(trusted, operator_client, registry_factory):
    registry_factory(trusted.token, "team", username="outsider", password="outsider-pass")
    response = operator_client.post(
        reverse("registry-check"), {"image": f"{trusted.token}/team/app:1.0"}
    )
    page = response.content.decode()
    assert 'data-testid="pull-result"' in page and "No pull access." in page
