"""In Chromium: sign in, About, Configure, Registries; a screenshot of each page."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sign_in_about_configure_registries(page, screenshot, user_factory):
    user_factory("operator", password="operator-pass-1", is_superuser=True)
    page.goto("/")
    page.wait_for_url("**/accounts/login/?next=/administration/about/")
    screenshot("01-sign-in")

    page.get_by_label("Username").fill("operator")
    page.get_by_label("Password").fill("operator-pass-1")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/administration/about/")
    assert page.get_by_test_id("current-user").inner_text() == "operator"
    # Bootstrap's stylesheet is applied: the top bar is dark.
    nav_bg = page.locator("nav.navbar").evaluate("n => getComputedStyle(n).backgroundColor")
    assert nav_bg == "rgb(33, 37, 41)"
    screenshot("02-about")

    page.get_by_role("link", name="Configure", exact=True).click()
    page.wait_for_url("**/administration/registries/")
    assert page.get_by_role("heading", name="Registries").is_visible()
    screenshot("03-registries")

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/accounts/login/")
