"""The Check-an-image page, and the Add form pre-filled from an image."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
URL = reverse("registry-check")


def test_anonymous_is_sent_to_sign_in(client):
    assert client.get(URL)["Location"].startswith("/accounts/login/")


def test_needs_view_permission(staff_client):
    assert staff_client.get(URL).status_code == 403


def test_wrong_method_is_405(operator_client):
    assert operator_client.put(URL).status_code == 405


def test_empty_page_shows_the_form(operator_client):
    response = operator_client.get(URL)
    assert response.status_code == 200
    assert b'name="image"' in response.content and b"check-result" not in response.content


def test_match_links_to_the_entry(operator_client, registry_factory):
    entry = registry_factory("docker.io", "exampleorg", username="robot")
    response = operator_client.get(URL, {"image": "docker.io/exampleorg/privaterepo:imagetag123"})
    page = response.content.decode()
    assert 'data-testid="match"' in page
    assert reverse("registry-edit", args=[entry.pk]) in page
    assert "robot" in page and "exampleorg/privaterepo" in page


def test_no_match_warns_and_offers_prefilled_add(operator_client):
    response = operator_client.get(URL, {"image": "quay.io/team/sub/app:1"})
    page = response.content.decode()
    assert "if this image is private, adapters using it will fail to start" in page.lower()
    assert reverse("registry-add") + "?server=quay.io&amp;organization=team%2Fsub" in page


def test_invalid_reference_is_explained(operator_client):
    response = operator_client.get(URL, {"image": "Nginx"})
    assert response.status_code == 200
    assert "must be lowercase" in response.content.decode()


def test_markup_in_the_reference_is_escaped(operator_client):
    response = operator_client.get(URL, {"image": "<script>alert(1)</script>"})
    assert b"<script>alert(1)" not in response.content


def test_add_form_prefilled_from_image(operator_client):
    response = operator_client.get(reverse("registry-add"), {"image": "exampleorg/app:1"})
    assert response.context["form"].initial == {"server": "docker.io", "organization": "exampleorg"}


def test_add_form_with_invalid_image_warns(operator_client):
    response = operator_client.get(reverse("registry-add"), {"image": "Bad"})
    assert response.status_code == 200
    assert "must be lowercase" in response.content.decode()
