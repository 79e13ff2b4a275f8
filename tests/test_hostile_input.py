"""Arbitrary values posted to the add form: never a 5xx, nothing stored unless valid,
markup always escaped."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from registries.models import Registry

pytestmark = pytest.mark.django_db

MARKUP = st.sampled_from(["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "{{ x }}"])
VALUES = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=40),
    st.just("\x00"),
    st.text(min_size=5000, max_size=5000, alphabet="ab"),
    MARKUP,
    st.sampled_from(["docker.io", "Docker.io", "exampleorg", "a/b", "localhost:5000"]),
)


def is_valid(data: dict) -> bool:
    entry = Registry(**{k: v for k, v in data.items()})
    try:
        entry.full_clean(validate_constraints=False)
    except ValidationError:
        return False
    return "\x00" not in data["username"] + data["password"] and len(data["password"]) <= 10_000


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(server=VALUES, organization=VALUES, username=VALUES, password=VALUES)
def test_add_form_withstands_arbitrary_input(
    admin_client, server, organization, username, password
):
    data = {
        "server": server,
        "organization": organization,
        "username": username,
        "password": password,
    }
    response = admin_client.post(reverse("registry-add"), data)
    assert response.status_code in (200, 302)
    assert (response.status_code == 302) == is_valid(data)
    stored = Registry.objects.filter(pk__isnull=False)
    if response.status_code == 302:
        assert is_valid(data)
        assert stored.count() == 1
    else:
        assert stored.count() == 0
        page = response.content.decode()
        for value in (server, organization, username):
            if "<" in value:
                assert value not in page  # escaped, never echoed as markup
        assert "<script>alert(1)</script>" not in page
    stored.delete()
