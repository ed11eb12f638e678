"""Sofie, the site administrator, creates Opvoedingswinkel Hasselt; Hanne, its coordinator, opens the
link, chooses a password and finds her first steps. Every page passes axe and fits a 390 px phone."""

import re

from playwright.sync_api import expect

from opvoedwijzer.core.models import Organisation, User
from opvoedwijzer.onboarding.models import SetupMark
from tests.browser.conftest import SCREENSHOTS
from tests.factories import PASSWORD

PHONE = {"width": 390, "height": 844}
NEW_PASSWORD = "Opvoeden-in-Hasselt-26"


def fits_a_phone(page, name):
    page.set_viewport_size(PHONE)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name.replace(' ', '-')}-390px.png", full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{name} is {width} px wide on a 390 px phone"
    page.set_viewport_size({"width": 1280, "height": 900})


def submit(page, selector):
    with page.expect_navigation():
        page.click(selector)


def test_a_site_administrator_creates_an_organisation_and_its_coordinator_starts(new_page, check_a11y):
    User.objects.create_superuser(email="sofie@beheer.test", password=PASSWORD)
    page = new_page()
    page.goto("/accounts/login/")
    page.fill("input[name=login]", "sofie@beheer.test")
    page.fill("input[name=password]", PASSWORD)
    submit(page, "main form button[type=submit]")
    page.goto("/")
    submit(page, "main a[href='/site-admin/']")
    check_a11y(page, "site-admin-organisations")
    fits_a_phone(page, "the list of organisations")

    submit(page, "main a[href='/site-admin/new/']")
    page.fill("#id_name", "Opvoedingswinkel Hasselt")
    expect(page.locator("#id_slug")).to_have_value("opvoedingswinkel-hasselt")
    page.fill("#id_municipalities", "Hasselt\n3600\nAtlantis")
    submit(page, "button[formaction$='/look-up/']")
    expect(page.locator("#municipality-lookup")).to_contain_text("Genk")
    expect(page.locator("#municipality-lookup")).to_contain_text("Atlantis")
    expect(page.locator("#id_name")).to_have_value("Opvoedingswinkel Hasselt")
    check_a11y(page, "site-admin-lookup")

    page.fill("#id_coordinator_email", "hanne@hasselt.test")
    submit(page, "main form button[type=submit]:not([formaction])")
    expect(page.locator(".error-summary")).to_contain_text("Atlantis")
    expect(page.locator("#id_coordinator_email")).to_have_value("hanne@hasselt.test")
    check_a11y(page, "site-admin-new-errors")
    fits_a_phone(page, "the new organisation form")

    page.fill("#id_municipalities", "Hasselt\n3600")
    submit(page, "main form button[type=submit]:not([formaction])")
    link = page.locator("code.token").inner_text()
    assert re.search(r"/invite/[\w-]+/$", link)
    assert Organisation.objects.get(slug="opvoedingswinkel-hasselt").municipalities.count() == 2
    check_a11y(page, "site-admin-created")
    fits_a_phone(page, "the organisation created page")

    # Hanne, on her own computer and without JavaScript: the core flow works without it.
    hanne = new_page(js=False)
    hanne.goto("/invite/" + link.split("/invite/", 1)[1])
    check_a11y(hanne, "coordinator-invitation")
    hanne.fill("#id_new_password1", NEW_PASSWORD)
    hanne.fill("#id_new_password2", NEW_PASSWORD)
    submit(hanne, "main form button[type=submit]")
    assert hanne.url.endswith("/o/opvoedingswinkel-hasselt/")
    expect(
        hanne.locator("main .panel--warning a[href='/accounts/2fa/']")
    ).to_be_visible()  # two-step login asked
    expect(hanne.locator("#setup-left li")).to_have_count(4)
    check_a11y(hanne, "coordinator-home-with-steps")
    fits_a_phone(hanne, "the home page with the steps left")

    submit(hanne, "#setup-left a[href$='/setup/']")
    expect(hanne.locator(".setup-step--done")).to_have_count(1)
    check_a11y(hanne, "first-run")
    fits_a_phone(hanne, "the first-run page")

    submit(hanne, "#step-taxonomy form[action$='/steps/done/'] button")
    expect(hanne.locator("#step-taxonomy")).to_have_class(re.compile("setup-step--done"))
    expect(hanne.locator("#step-taxonomy form[action$='/steps/not-done/'] button")).to_be_visible()
    assert SetupMark.objects.filter(step="taxonomy", marked_by__email="hanne@hasselt.test").exists()
    check_a11y(hanne, "first-run-marked")
