"""The Registries list: access, search, pagination, empty state, query bound."""

import pytest
from django.urls import reverse

from registries.models import Registry

pytestmark = pytest.mark.django_db
URL = reverse("registry-list")


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_staff_without_view_permission_gets_403(staff_client):
    assert staff_client.get(URL).status_code == 403


def test_wrong_method_is_405(operator_client):
    assert operator_client.post(URL).status_code == 405


def test_lists_entries_with_last_change(operator_client, registry_factory, user_factory):
    registry_factory("docker.io", "exampleorg", username="puller", updated_by=user_factory("bob"))
    response = operator_client.get(URL)
    page = response.content.decode()
    assert "docker.io" in page and "exampleorg" in page and "puller" in page
    assert "by bob" in page
    assert 'href="/administration/registries/add/"' in page


def test_empty_state_explains_what_an_entry_is_for(operator_client):
    response = operator_client.get(URL)
    assert response.status_code == 200
    assert b"No registry credentials yet" in response.content
    assert b"retries" in response.content


@pytest.mark.parametrize("query", ["quay", "teamx", "robot"])
def test_search_matches_server_organization_or_username(operator_client, registry_factory, query):
    registry_factory("quay.io", "teamx", username="robot")
    registry_factory("docker.io", "other", username="someone")
    response = operator_client.get(URL, {"q": query})
    assert [str(r) for r in response.context["object_list"]] == ["quay.io/teamx"]


@pytest.mark.parametrize("query", ["\x00", "a\x00b", "%", "_", "'; --", "<b>x</b>", "é" * 500])
def test_any_search_text_is_answered(operator_client, registry_factory, query):
    registry_factory()
    response = operator_client.get(URL, {"q": query})
    assert response.status_code == 200
    assert b"<b>x</b>" not in response.content


def test_search_without_match_says_so(operator_client, registry_factory):
    registry_factory()
    response = operator_client.get(URL, {"q": "nothing"})
    assert b"No entry matches" in response.content


def test_fifty_rows_a_page(operator_client):
    Registry.objects.bulk_create(
        Registry(server=f"r{i:03}.example", username="u", password="p") for i in range(120)
    )
    response = operator_client.get(URL, {"page": 3})
    assert len(response.context["object_list"]) == 20
    assert b"Page 3 of 3" in response.content


def test_query_count_does_not_grow_with_rows(operator_client, django_assert_max_num_queries):
    Registry.objects.bulk_create(
        Registry(server=f"r{i:03}.example", username="u", password="p") for i in range(60)
    )
    with django_assert_max_num_queries(6):
        operator_client.get(URL)


def test_list_never_decrypts_a_password(operator_client, registry_factory, monkeypatch):
    registry_factory()
    field = Registry._meta.get_field("password")
    monkeypatch.setattr(field, "from_db_value", lambda *a: pytest.fail("decrypted"))
    assert operator_client.get(URL).status_code == 200


def test_rows_offer_only_the_actions_the_user_may_take(client, user_factory, registry_factory):
    entry = registry_factory()
    client.force_login(user_factory(perms=["view_registry"]))
    page = client.get(URL).content.decode()
    assert reverse("registry-edit", args=[entry.pk]) not in page
    assert reverse("registry-delete", args=[entry.pk]) not in page
    assert "Add registry" not in page


def test_query_count_is_the_same_for_few_and_many_rows(operator_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert operator_client.get(URL).status_code == 200
        return len(captured)

    Registry.objects.bulk_create(
        Registry(server=f"a{i}.example", username="u", password="p") for i in range(3)
    )
    few = queries()
    Registry.objects.bulk_create(
        Registry(server=f"b{i:03}.example", username="u", password="p") for i in range(150)
    )
    assert queries() == few <= 6


def test_admin_changelist_never_decrypts_either(admin_client, registry_factory, monkeypatch):
    registry_factory()
    field = Registry._meta.get_field("password")
    monkeypatch.setattr(field, "from_db_value", lambda *a: pytest.fail("decrypted"))
    assert admin_client.get(reverse("admin:registries_registry_changelist")).status_code == 200


def test_row_actions_link_to_each_entry(operator_client, registry_factory):
    entries = [registry_factory(f"r{i}.example") for i in range(3)]
    page = operator_client.get(URL).content.decode()
    for entry in entries:
        for name in ("edit", "delete", "test"):
            assert f'"{reverse(f"registry-{name}", args=[entry.pk])}"' in page
