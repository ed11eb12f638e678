"""Sam opens Zuid-Limburg's home in the morning and sees what to do today; on her phone, without
JavaScript, the menu groups open and lead to the same pages under the same names."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from opvoedwijzer.policy.models import Signal
from opvoedwijzer.questions.models import Question
from opvoedwijzer.questions.services import ask_question
from tests.factories import ContactFactory, signed_up_tonight

PHONE = {"width": 390, "height": 844}


def todays_work(zuid, sam):
    today = timezone.localdate()
    q, _secret = ask_question(zuid, text="Mijn zoon van 14 wil niet meer naar school.")
    Question.objects.filter(pk=q.pk).update(due_on=today - datetime.timedelta(days=1), assigned_to=sam.user)
    signed_up_tonight(zuid, title="Pubers in huis", capacity=12, sessions=1)
    Signal.objects.create(organisation=zuid, title="Slaapproblemen bij peuters", description="…")
    ContactFactory(membership=sam)
    return q


@pytest.mark.parametrize("js", [True, False], ids=["with-js", "without-js"])
def test_sam_sees_todays_work_on_her_phone_and_finds_every_page_in_the_menu(
    zuid, sam, logged_in, check_a11y, js
):
    tag = "js" if js else "nojs"
    q = todays_work(zuid, sam)
    page = logged_in(sam, js=js)
    page.set_viewport_size(PHONE)
    page.goto("/o/zuid-limburg/")

    expect(page.locator("#today-questions")).to_contain_text(q.code)
    expect(page.locator("#today-questions")).to_contain_text("van jou")
    expect(page.locator("#today-sessions")).to_contain_text("Pubers in huis")
    expect(page.locator("#today-sessions")).to_contain_text("2 ingeschreven / 12")
    expect(page.locator("#today-signals")).to_contain_text("1 nieuw signaal")
    expect(page.locator("#today-registrations dd").first).to_have_text("1")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    check_a11y(page, f"home-sam-phone-{tag}")

    menu = page.get_by_role("navigation", name="Hoofdmenu")
    expect(menu.get_by_role("link", name="Groepsaanbod")).to_be_hidden()
    menu.get_by_text("Het werk").click()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    check_a11y(page, f"home-sam-phone-menu-open-{tag}")
    with page.expect_navigation():
        menu.get_by_role("link", name="Groepsaanbod").click()
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator("nav a[aria-current=page]")).to_have_text("Groepsaanbod")
    expect(page.locator("nav .site-nav__current > summary")).to_have_text("Het werk")


def test_ilse_sees_the_team_and_her_settings_on_a_wide_screen(zuid, ilse, sam, logged_in, check_a11y):
    todays_work(zuid, sam)
    page = logged_in(ilse)
    page.goto("/o/zuid-limburg/")
    expect(page.locator("#today-registrations")).to_contain_text("Team vandaag")
    for group in ["Registreren", "Het werk", "Cijfers", "Instellingen"]:
        expect(page.locator("main h2", has_text=group)).to_be_visible()
    check_a11y(page, "home-ilse-wide")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_text("Instellingen").click()
    check_a11y(page, "home-ilse-wide-settings-open")


def test_fons_the_funder_sees_only_the_numbers(zuid, fons, logged_in, check_a11y):
    page = logged_in(fons)
    page.set_viewport_size(PHONE)
    page.goto("/o/zuid-limburg/")
    expect(page.locator("#today")).to_have_count(0)
    expect(page.locator("main .card")).to_have_count(1)
    expect(page.locator("main .card")).to_contain_text("Overzicht")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    check_a11y(page, "home-fons-phone")
