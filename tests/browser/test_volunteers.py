"""Ilse, the coordinator, runs the volunteer programme on her phone: she makes Nour's profile (Arabic and
Dutch, Sint-Truiden), makes a training module, plans its session, records that Nour came and makes her
active — refused first, while the module was still to follow. Every page passes axe and fits a 390 px
phone, with and without JavaScript. (Elements are found by name, id and address: the new strings may
not be in Dutch yet.)"""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from opvoedwijzer.volunteers.models import Status, TrainingModule, TrainingSession, Volunteer

PHONE = {"width": 390, "height": 844}
BASE = "/o/zuid-limburg/volunteers/"


def fits(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def submit(page, selector="main form[method=post] button[type=submit]"):
    with page.expect_navigation():
        page.click(selector)


def shots(check_a11y, suffix):
    """check_a11y with the screenshot's name marked for the run without JavaScript."""
    return lambda page, name: check_a11y(page, f"{name}{suffix}")


def looks_right(page, check_a11y, name):
    fits(page)
    check_a11y(page, name)


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_ilse_recruits_trains_and_activates_nour_on_her_phone(ilse, sam, zuid, logged_in, check_a11y, js):
    sint_truiden = zuid.municipalities.get(code="71053")
    page = logged_in(ilse, js=js)
    page.set_viewport_size(PHONE)
    check_a11y = shots(check_a11y, "" if js else "-no-js")

    page.goto(BASE)
    looks_right(page, check_a11y, "volunteers-overview-empty-phone")
    page.goto(f"{BASE}new/")
    looks_right(page, check_a11y, "volunteer-new-phone")
    page.fill("#id_name", "Nour")
    page.check(f"input[name=neighbourhoods][value='{sint_truiden.pk}']")
    page.check("input[name=languages][value=ar]")
    page.check("input[name=languages][value=nl]")
    page.fill("#id_availability", "Dinsdagnamiddag, schoolpoort De Linde")
    submit(page)
    nour = Volunteer.objects.get()
    assert page.url.endswith(f"{BASE}{nour.pk}/")
    looks_right(page, check_a11y, "volunteer-profile-candidate-phone")

    page.goto(f"{BASE}training/new/")
    looks_right(page, check_a11y, "training-module-new-phone")
    page.fill("#id_title", "Puberteit")
    page.fill("#id_hours", "3")
    expect(page.locator("#id_required")).to_be_checked()
    submit(page)
    module = TrainingModule.objects.get()
    assert page.url.endswith(f"{BASE}training/{module.pk}/")
    looks_right(page, check_a11y, "training-module-phone")

    # Active is refused while the module is still to follow: the page names it.
    page.goto(f"{BASE}{nour.pk}/")
    page.select_option("#id_status", "active")
    submit(page, "#status form button[type=submit]")
    expect(page.locator(f"a[href='{BASE}{nour.pk}/completions/new/?module={module.pk}']")).to_have_count(1)
    looks_right(page, check_a11y, "volunteer-activation-refused-phone")
    nour.refresh_from_db()
    assert nour.status == Status.CANDIDATE

    page.goto(f"{BASE}training/{module.pk}/sessions/new/")
    looks_right(page, check_a11y, "training-session-new-phone")
    page.fill("#id_date", (timezone.localdate() - datetime.timedelta(days=1)).isoformat())
    page.fill("#id_trainer", "CAW Limburg")
    submit(page)
    session = TrainingSession.objects.get()
    assert page.url.endswith(f"{BASE}training/sessions/{session.pk}/")
    page.check(f"input[name=attendees][value='{nour.pk}']")
    submit(page)
    assert list(session.attendees.all()) == [nour] and nour.completions.get().session == session
    expect(page.locator(f"input[name=attendees][value='{nour.pk}']")).to_be_checked()
    looks_right(page, check_a11y, "training-session-attendance-phone")

    page.goto(f"{BASE}training/")
    looks_right(page, check_a11y, "training-phone")

    page.goto(f"{BASE}{nour.pk}/")
    page.select_option("#id_status", "active")
    submit(page, "#status form button[type=submit]")
    nour.refresh_from_db()
    assert nour.status == Status.ACTIVE and nour.started_on == timezone.localdate()
    looks_right(page, check_a11y, "volunteer-profile-active-phone")

    # Sam, a colleague, finds who speaks Arabic in Sint-Truiden.
    page = logged_in(sam, js=js)
    page.set_viewport_size(PHONE)
    page.goto(BASE)
    page.select_option("#id_language", "ar")
    page.select_option("#id_neighbourhood", str(sint_truiden.pk))
    with page.expect_navigation():
        page.click("form.volunteer-filter button[type=submit]")
    expect(page.locator(f"table a[href='{BASE}{nour.pk}/']")).to_have_count(1)
    looks_right(page, check_a11y, "volunteers-overview-filtered-phone")
