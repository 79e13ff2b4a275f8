"""In Chromium: About → Configure → Add (a refused uppercase server first) → Edit → Delete."""

import pytest

from registries.models import Registry

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_add_edit_delete_journey(signed_in_page, screenshot):
    page = signed_in_page
    page.get_by_role("link", name="Configure", exact=True).click()
    page.wait_for_url("**/administration/registries/")
    assert page.get_by_test_id("empty-state").is_visible()
    screenshot("10-registries-empty")

    page.get_by_role("link", name="Add registry").first.click()
    page.get_by_label("Server").fill("Docker.io")
    page.get_by_label("Organization").fill("exampleorg")
    page.get_by_label("Username").fill("robot")
    page.locator("#id_password").fill("first-secret")
    page.get_by_role("button", name="Add registry").click()
    error = page.locator(".invalid-feedback", has_text="Use lowercase letters only")
    assert error.inner_text().strip() == "Use lowercase letters only: enter docker.io."
    assert page.locator("#id_password").input_value() == ""
    screenshot("11-add-refused-uppercase")
    assert not Registry.objects.exists()

    page.get_by_label("Server").fill("docker.io")
    page.locator("#id_password").fill("first-secret")
    page.get_by_role("button", name="Show password").click()
    assert page.locator("#id_password").get_attribute("type") == "text"
    page.get_by_role("button", name="Hide password").click()
    page.get_by_role("button", name="Add registry").click()
    page.wait_for_url("**/administration/registries/")
    assert page.get_by_role("alert").filter(has_text="Added registry docker.io/exampleorg.")
    assert page.get_by_test_id("registry-row").count() == 1
    screenshot("12-registries-list")

    page.get_by_role("link", name="Edit docker.io/exampleorg").click()
    assert page.get_by_label("Server").is_disabled()
    assert page.get_by_label("Organization").is_disabled()
    assert page.locator("#id_password").input_value() == ""
    page.get_by_label("Username").fill("robot2")
    screenshot("13-edit")
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url("**/administration/registries/")
    assert "robot2" in page.get_by_test_id("registry-row").inner_text()
    assert Registry.objects.get().password == "first-secret"

    page.get_by_role("link", name="Delete docker.io/exampleorg").click()
    assert page.get_by_text("fail to pull").is_visible()
    screenshot("14-delete-confirm")
    page.get_by_role("button", name="Delete").click()
    page.wait_for_url("**/administration/registries/")
    assert page.get_by_role("alert").filter(has_text="Deleted registry docker.io/exampleorg.")
    assert not Registry.objects.exists()


def test_check_an_image_then_add_what_is_missing(signed_in_page, screenshot):
    page = signed_in_page
    page.get_by_role("link", name="Check an image").click()
    page.get_by_label("Image").fill("docker.io/exampleorg/privaterepo:imagetag123")
    page.get_by_role("button", name="Check").click()
    assert page.get_by_test_id("no-match").is_visible()
    screenshot("20-check-no-match")

    page.get_by_role("link", name="Add registry for docker.io/exampleorg").click()
    assert page.get_by_label("Server").input_value() == "docker.io"
    assert page.get_by_label("Organization").input_value() == "exampleorg"
    page.get_by_label("Username").fill("robot")
    page.locator("#id_password").fill("secret")
    page.get_by_role("button", name="Add registry").click()
    page.wait_for_url("**/administration/registries/")

    page.get_by_role("link", name="Check an image").click()
    page.get_by_label("Image").fill("exampleorg/privaterepo:imagetag123")
    page.get_by_role("button", name="Check").click()
    assert "docker.io/exampleorg" in page.get_by_test_id("match").inner_text()
    screenshot("21-check-match")


def test_live_checks_in_the_browser(signed_in_page, screenshot, trusted):
    page = signed_in_page
    page.goto("/administration/registries/add/")
    page.get_by_label("Server").fill(trusted.basic)
    page.get_by_label("Organization").fill("team")
    page.get_by_label("Username").fill("robot")
    page.locator("#id_password").fill("wrong")
    page.get_by_role("button", name="Test before saving").click()
    result = page.get_by_test_id("test-result")
    result.get_by_text("Credentials rejected.").wait_for()
    assert page.locator("#id_password").input_value() == "wrong"  # still typed
    screenshot("30-test-before-saving-rejected")

    page.locator("#id_password").fill("robot-pass")
    page.get_by_role("button", name="Test before saving").click()
    result.get_by_text("OK.").wait_for()
    page.get_by_role("button", name="Add registry").click()
    page.wait_for_url("**/administration/registries/")
    assert Registry.objects.get().password == "robot-pass"

    page.get_by_role("button", name=f"Test connection to {trusted.basic}/team").click()
    page.wait_for_url("**/administration/registries/")
    assert page.get_by_test_id("check-badge").inner_text() == "OK"
    screenshot("31-list-with-status")

    page.goto("/administration/registries/check/")
    page.get_by_label("Image").fill(f"{trusted.basic}/team/app:missing")
    page.get_by_role("button", name="Check", exact=True).click()
    page.get_by_role("button", name="Check pull access").click()
    assert "Not found." in page.get_by_test_id("pull-result").inner_text()
    screenshot("32-check-pull-access")


def test_django_admin_pages_obey_the_content_security_policy(signed_in_page, registry_factory):
    """The admin shares our CSP (no inline script or style): its pages must not break."""
    entry = registry_factory("docker.io", "exampleorg")
    page = signed_in_page
    for url in (
        "/admin/",
        "/admin/registries/registry/",
        f"/admin/registries/registry/{entry.pk}/change/",
        "/admin/registries/registry/add/",
        "/admin/registries/auditlogentry/",
    ):
        response = page.goto(url)
        assert response.status == 200, url
        assert page.locator("#site-name").is_visible()
