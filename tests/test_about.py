"""The About page, the redirect from /, and who may see them."""

import pytest
from django.db import connection
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_root_redirects_to_about(staff_client):
    response = staff_client.get("/")
    assert response.status_code == 302
    assert response["Location"] == reverse("about")


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(reverse("about"))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_non_staff_user_gets_styled_403(client, user_factory):
    client.force_login(user_factory(is_staff=False))
    response = client.get(reverse("about"))
    assert response.status_code == 403
    assert b"This page is for staff accounts" in response.content


def test_about_shows_runtime_facts_and_configure_button(staff_client):
    response = staff_client.get(reverse("about"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Configure Registries" in page
    assert f'href="{reverse("registry-list")}"' in page
    assert "not included in backup packages" in page
    assert response.context["product_version"] == "0.1.0"
    assert response.context["database_engine"] == connection.display_name


def test_logout_is_post_only(staff_client):
    assert staff_client.get("/accounts/logout/").status_code == 405
    response = staff_client.post("/accounts/logout/")
    assert response.status_code == 302
    assert staff_client.get(reverse("about")).status_code == 302


def test_login_page_is_styled(client):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert b"bootstrap/css/bootstrap.min.css" in response.content


def test_unknown_page_is_styled_404(staff_client):
    response = staff_client.get("/administration/nothing-here/")
    assert response.status_code == 404
    assert b"Page not found" in response.content
