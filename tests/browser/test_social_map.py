"""The social map in a real browser: find a partner, refer warmly, follow up, see it in the numbers;
the public page on a phone, with and without JavaScript."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.socialmap.models import Referral
from tests.mapdata import make_social_map

from .test_registration import register_typical_contact_by_keyboard


@pytest.fixture
def social_map(zuid):
    return make_social_map(zuid)


def test_staff_find_the_partner_for_bullying_and_register_a_warm_referral_that_shows_in_the_numbers(
    sam, social_map, logged_in, check_a11y
):
    page = logged_in(sam)
    page.goto("/o/zuid-limburg/map/")
    check_a11y(page, "map-search")
    # One box: the words, the age and the place, as a colleague says them on the phone.
    page.fill("#id_q", "pesten, 10 jaar, Sint-Truiden")
    first = page.locator("#results .service-card").first
    expect(first).to_contain_text("Aanpak van pesten op school")  # live, while typing (htmx)
    expect(page.locator("#results")).not_to_contain_text("Weerbaarheid voor tieners")
    check_a11y(page, "map-results")

    # Register the call, then refer: the map opens with the contact's place, theme and age.
    page.goto("/o/zuid-limburg/contacts/new/")
    register_typical_contact_by_keyboard(page)
    contact = Contact.objects.get()
    page.goto(f"/o/zuid-limburg/map/refer/{contact.pk}/")
    check_a11y(page, "refer")
    expect(page.locator("#results .service-card").first).to_contain_text("Aanpak van pesten op school")
    expect(page.locator("input[name=service]").first).to_be_checked()
    page.check("input[name=warm][value='1']")
    with page.expect_navigation():
        page.click("#results form button[type=submit]")
    referral = Referral.objects.get()
    assert referral.warm and referral.service == social_map["clb"] and referral.follow_up_on

    # Later: the follow-up.
    Referral.objects.filter(pk=referral.pk).update(follow_up_on=timezone.localdate())
    page.goto("/o/zuid-limburg/map/referrals/")
    check_a11y(page, "referrals")
    page.select_option(f"#outcome-due-{referral.pk}", "started")
    with page.expect_navigation():
        page.click(f"form[action$='/referrals/{referral.pk}/outcome/'] button")
    referral.refresh_from_db()
    assert referral.outcome == "started"

    # The numbers: to whom, with what outcome.
    page.goto("/o/zuid-limburg/overview/")
    table = page.locator("table", has=page.locator("caption", has_text="organisati"))
    expect(table.locator("tbody tr").first).to_contain_text("Vrij CLB Limburg")
    check_a11y(page, "overview-referrals")


def test_staff_keep_a_service_up_to_date(sam, social_map, logged_in, check_a11y):
    page = logged_in(sam)
    service = social_map["awel"]
    page.goto(f"/o/zuid-limburg/map/services/{service.pk}/")
    check_a11y(page, "map-service")
    page.click(f"a[href$='/services/{service.pk}/edit/']")
    check_a11y(page, "map-service-edit")
    page.fill("#id_opening_hours", "ma-vr 16-22\nza-zo 14u-22u")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    expect(page.locator("main")).to_contain_text("14:00")
    page.goto("/o/zuid-limburg/map/unchecked/")
    check_a11y(page, "map-unchecked")
    page.goto("/o/zuid-limburg/map/organisations/")
    check_a11y(page, "map-organisations")
    page.goto("/o/zuid-limburg/map/import/")
    check_a11y(page, "map-import")


@pytest.mark.parametrize("js", [True, False], ids=["with-js", "without-js"])
def test_a_parent_on_a_phone_finds_help_on_the_public_page(zuid, social_map, new_page, check_a11y, js):
    page = new_page(js=js)
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/zuid-limburg/map/")
    check_a11y(page, f"public-map-phone-{'js' if js else 'nojs'}")
    page.fill("#id_q", "pesten 10 jaar")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    expect(page.locator("#results .service-card").first).to_contain_text("pesten")
    expect(page.locator("#results")).not_to_contain_text("Weerbaarheid voor tieners")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the page is wider than the phone: {width}px"
    with page.expect_navigation():
        page.locator("#results .service-card a").first.click()
    check_a11y(page, f"public-service-phone-{'js' if js else 'nojs'}")
