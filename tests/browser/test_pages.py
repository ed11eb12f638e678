"""The other screens pass axe with zero violations (and leave a screenshot to look at)."""

import pytest
from playwright.sync_api import expect

from opvoedwijzer.core.models import Invitation
from tests.factories import turn_on_authenticator_app

PIXEL = "data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=="


def test_the_login_page_is_accessible_also_with_an_error(new_page, check_a11y, sam):
    page = new_page()
    page.goto("/accounts/login/")
    expect(page.locator("#id_login")).to_be_visible()
    check_a11y(page, "login")

    page.fill("#id_login", sam.user.email)
    page.fill("#id_password", "not-the-password")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("#id_login")).to_have_value(sam.user.email)
    check_a11y(page, "login-error")


@pytest.mark.parametrize(
    "name, path",
    [
        ("org-home", "/o/zuid-limburg/"),
        ("taxonomy", "/o/zuid-limburg/taxonomy/"),
        ("members", "/o/zuid-limburg/members/"),
        ("profile", "/profile/"),
        ("municipalities", "/o/zuid-limburg/municipalities/"),
        ("municipalities-search", "/o/zuid-limburg/municipalities/?q=38"),
        ("audit-log", "/o/zuid-limburg/audit/"),
        ("audit-log-filtered", "/o/zuid-limburg/audit/?action=login&start=2026-01-01"),
    ],
)
def test_the_coordinators_pages_are_accessible(ilse, sam, logged_in, check_a11y, name, path):
    page = logged_in(ilse)
    response = page.goto(path)
    assert response.status == 200
    expect(page.locator("h1")).to_be_visible()
    check_a11y(page, name)


def test_a_coordinator_invites_a_colleague(ilse, logged_in, check_a11y):
    page = logged_in(ilse)
    page.goto("/o/zuid-limburg/members/")
    page.fill("#id_email", "nieuw@zuid.test")
    page.select_option("#id_role", "volunteer")
    with page.expect_navigation():
        page.click("main form.narrow button[type=submit]")

    assert Invitation.objects.get().email == "nieuw@zuid.test"
    expect(page.locator(".message--success")).to_contain_text("nieuw@zuid.test")
    expect(page.locator("main")).to_contain_text("nieuw@zuid.test")
    check_a11y(page, "members-invited")


def test_a_member_makes_an_api_token_on_the_profile_page(sam, logged_in, check_a11y):
    page = logged_in(sam)
    turn_on_authenticator_app(sam.user)  # a token needs two-step login for staff
    page.goto("/profile/")
    page.fill("#id_name", "Rekenblad")
    with page.expect_navigation():
        page.click("main form.narrow button[type=submit]")

    token = page.locator("code.token")
    expect(token).to_contain_text("ow_")
    expect(page.locator("main table")).to_contain_text("Rekenblad")
    check_a11y(page, "profile-token")


@pytest.mark.parametrize("js", [True, False], ids=["with-javascript", "without-javascript"])
def test_check_a11y_itself_fails_on_a_page_with_violations(new_page, check_a11y, live_server, js):
    """So that a green run means something, also for pages without JavaScript."""
    page = new_page(js=js)
    page.route(
        "**/axe-self-check/",
        lambda route: route.fulfill(
            content_type="text/html",
            body=f"<!doctype html><title>x</title><main><img src='{PIXEL}'><input></main>",
        ),
    )
    page.goto(f"{live_server.url}/axe-self-check/")
    with pytest.raises(pytest.fail.Exception, match=r"image-alt[\s\S]*label|label[\s\S]*image-alt"):
        check_a11y(page, "axe-self-check")
