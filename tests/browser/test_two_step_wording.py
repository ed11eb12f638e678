"""The authenticator-app set-up in a real browser: the secret can be copied (with a button, or by
selecting the readonly field without JavaScript), and the recovery codes lead back to work."""

from playwright.sync_api import expect

from tests.browser.test_two_step_login import confirm_password_if_asked
from tests.factories import authenticator_code


def open_set_up(page, check_a11y):
    page.goto("/accounts/2fa/totp/activate/")
    confirm_password_if_asked(page, check_a11y)
    return page.locator("#authenticator_secret")


def test_sam_copies_the_secret_with_the_button_and_goes_on_to_work(sam, logged_in, check_a11y):
    page = logged_in(sam)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    secret_field = open_set_up(page, check_a11y)
    secret = secret_field.input_value()
    expect(secret_field).to_have_attribute("readonly", "")
    copy = page.get_by_role("button", name="Kopiëren")
    expect(copy).to_be_visible()
    check_a11y(page, "mfa-totp-activate-copy")
    copy.click()
    expect(page.get_by_role("button", name="Gekopieerd")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == secret

    page.fill("input[name=code]", authenticator_code(secret))
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert page.url.endswith("/accounts/2fa/recovery-codes/")
    check_a11y(page, "mfa-recovery-codes")
    with page.expect_navigation():
        page.get_by_role("link", name="Verder naar je werk").click()
    assert "/o/zuid-limburg/" in page.url


def test_without_javascript_the_secret_is_a_field_to_select_and_there_is_no_dead_button(
    sam, logged_in, check_a11y
):
    page = logged_in(sam, js=False)
    secret_field = open_set_up(page, check_a11y)
    expect(secret_field).to_be_editable(editable=False)
    assert len(secret_field.input_value()) >= 16
    expect(page.get_by_role("button", name="Kopiëren")).to_have_count(0)
    check_a11y(page, "mfa-totp-activate-no-js")


def test_the_set_up_fits_a_phone(sam, logged_in):
    page = logged_in(sam)
    page.set_viewport_size({"width": 390, "height": 844})
    open_set_up(page, lambda *a: None)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
