"""Two-step login in a real browser: Sam (staff) sets up an authenticator app, Ilse (coordinator) a
passkey on Chromium's virtual authenticator; both then log in with it."""

from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.factories import PASSWORD, authenticator_code


def confirm_password_if_asked(page, check_a11y):
    """Adding a second factor asks for the password again when the login is not recent."""
    if "/accounts/reauthenticate/" in page.url:
        check_a11y(page, "mfa-reauthenticate")
        page.fill("input[name=password]", PASSWORD)
        with page.expect_navigation():
            page.click("main form button[type=submit]")


def test_staff_sets_up_an_authenticator_app_and_then_needs_its_code(sam, new_page, check_a11y):
    page = log_in(new_page(), sam)
    expect(page.locator(".panel--warning a[href='/accounts/2fa/']")).to_be_visible()
    check_a11y(page, "mfa-grace-banner")

    page.goto("/accounts/2fa/")
    check_a11y(page, "mfa-index")
    page.goto("/accounts/2fa/totp/activate/")
    confirm_password_if_asked(page, check_a11y)
    secret = page.locator("#authenticator_secret").input_value()
    check_a11y(page, "mfa-totp-activate")
    page.fill("input[name=code]", authenticator_code(secret))
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert "/accounts/2fa/" in page.url
    assert sam.user.authenticator_set.filter(type="totp").exists(), "the app was not activated"
    check_a11y(page, "mfa-after-activation")

    with page.expect_navigation():
        page.click("header form button[type=submit]")  # log out
    page.goto("/accounts/login/")
    page.fill("input[name=login]", sam.user.email)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert page.url.endswith("/accounts/2fa/authenticate/")
    check_a11y(page, "mfa-authenticate")
    page.fill("input[name=code]", authenticator_code(secret))
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert "/o/zuid-limburg/" in page.url
    expect(page.locator(".panel--warning")).to_have_count(0)


def test_a_coordinator_adds_a_passkey_and_logs_in_with_it_alone(ilse, new_page, check_a11y):
    page = log_in(new_page(), ilse)
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    page.goto("/accounts/2fa/webauthn/add/?passwordless")
    confirm_password_if_asked(page, check_a11y)
    check_a11y(page, "mfa-passkey-add")
    page.fill("input[name=name]", "Laptop")
    passwordless = page.locator("input[name=passwordless]")
    if passwordless.count():
        passwordless.check()
    with page.expect_navigation():
        page.click("#mfa_webauthn_add")
    assert ilse.user.authenticator_set.filter(type="webauthn").exists()

    # Her passkeys: the list (a 500 until humanize was installed), on a phone too, and renaming one.
    page.goto("/accounts/2fa/webauthn/")
    expect(page.locator("main table")).to_contain_text("Laptop")
    check_a11y(page, "mfa-passkey-list")
    page.set_viewport_size({"width": 390, "height": 844})
    check_a11y(page, "mfa-passkey-list-phone")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.set_viewport_size({"width": 1280, "height": 900})
    with page.expect_navigation():
        page.click("main table a[href$='/edit/']")
    confirm_password_if_asked(page, check_a11y)
    check_a11y(page, "mfa-passkey-rename")
    page.fill("input[name=name]", "Werklaptop")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert page.url.endswith("/accounts/2fa/webauthn/")
    expect(page.locator("main table")).to_contain_text("Werklaptop")

    with page.expect_navigation():
        page.click("header form button[type=submit]")  # log out
    page.goto("/accounts/login/")
    with page.expect_navigation():
        page.click("#passkey_login")
    assert "/o/zuid-limburg/" in page.url, page.url


def test_after_the_grace_period_the_account_only_explains_what_to_do(sam, logged_in, check_a11y):
    import datetime

    from django.utils import timezone

    page = logged_in(sam)
    sam.user.mfa_setup_deadline = timezone.now() - datetime.timedelta(minutes=1)
    sam.user.save(update_fields=["mfa_setup_deadline"])
    page.goto("/o/zuid-limburg/contacts/new/")
    assert page.url.endswith("/accounts/2fa/required/")
    expect(page.locator("main h1")).to_be_visible()
    expect(page.locator("nav a[href*='/contacts/']")).to_have_count(0)
    check_a11y(page, "mfa-required")


def test_a_coordinator_gives_a_funder_their_municipality(ilse, fons, logged_in, check_a11y):
    page = logged_in(ilse)
    page.goto("/o/zuid-limburg/members/")
    page.click(f"a[href='/o/zuid-limburg/members/{fons.pk}/']")
    check_a11y(page, "member-edit")
    page.get_by_label("Sint-Truiden").check()
    with page.expect_navigation():
        page.click("main form button[type=submit] >> nth=0")
    assert page.url.endswith("/o/zuid-limburg/members/")
    assert [m.code for m in fons.municipalities.all()] == ["71053"]
