"""Vera, a volunteer, raises a signal on her phone: parents of toddlers in Sint-Truiden keep asking about
sleep. Ilse, the coordinator, turns it into a theme meeting there — first with a wrong date, then
right — and the signal and the list show what came of it. Every page passes axe and fits a 390 px
phone. (Elements are found by name, id and address: the new strings may not be in Dutch yet.)"""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from opvoedwijzer.activities.models import Activity, Kind
from opvoedwijzer.policy.models import Signal
from opvoedwijzer.socialmap import services as socialmap
from opvoedwijzer.taxonomy.models import Theme

PHONE = {"width": 390, "height": 844}
SIGNALS = "/o/zuid-limburg/policy/signals/"
# "Themabijeenkomst: …" once the Dutch catalogue has it, "Theme meeting: …" until then.
PREFILLED_TITLE = re.compile(r"^[\w ]+: Veel vragen over slapen bij peuters$")


def fits(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def submit(page, selector):
    with page.expect_navigation():
        page.click(selector)


def test_veras_signal_becomes_a_theme_meeting_in_her_neighbourhood(vera, ilse, zuid, logged_in, check_a11y):
    partner = socialmap.create_map_organisation(zuid, {"name": "Stad Sint-Truiden"})
    sint_truiden = zuid.municipalities.get(code="71053")
    buurthuis = socialmap.create_location(
        zuid, {"map_organisation": partner, "name": "Buurthuis De Schans", "municipality": sint_truiden}
    )
    sleep = Theme.objects.get(organisation=zuid, code="sleep")
    day = timezone.localdate() + datetime.timedelta(days=21)

    page = logged_in(vera)
    page.set_viewport_size(PHONE)
    page.goto(f"{SIGNALS}new/")
    fits(page)
    check_a11y(page, "signal-new-volunteer-phone")
    page.fill("#id_title", "Veel vragen over slapen bij peuters")
    page.select_option("#id_theme", str(sleep.pk))
    page.select_option("#id_municipality", str(sint_truiden.pk))
    page.fill(
        "#id_description", "Aan de schoolpoort vragen ouders van peuters hoe het inslapen rustiger kan."
    )
    submit(page, "main form button[type=submit]")
    signal = Signal.objects.get()
    assert signal.raised_by == vera.user
    theme_meeting_url = f"{SIGNALS}{signal.pk}/theme-meeting/"
    expect(page.locator(f"a[href='{theme_meeting_url}']")).to_have_count(0)  # not for a volunteer
    fits(page)
    check_a11y(page, "signal-volunteer-phone")

    page = logged_in(ilse)
    page.set_viewport_size(PHONE)
    page.goto(SIGNALS)
    row = page.locator("tbody tr", has_text="Veel vragen over slapen bij peuters")
    expect(row.locator("strong")).to_be_visible()  # from a volunteer
    fits(page)
    check_a11y(page, "signals-coordinator-phone")
    with page.expect_navigation():
        row.get_by_role("link").click()
    with page.expect_navigation():
        page.locator(f"a[href='{theme_meeting_url}']").click()

    expect(page.locator("#id_title")).to_have_value(PREFILLED_TITLE)
    expect(page.locator("#id_themes")).to_have_values(["sleep"])
    fits(page)
    check_a11y(page, "theme-meeting-form-phone")

    page.fill("#id_day", "2027-02-30")  # no such day
    page.select_option("#id_location", str(buurthuis.pk))
    page.fill("#id_capacity", "25")
    submit(page, "main form button[type=submit]")
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("#id_title")).to_have_value(PREFILLED_TITLE)
    expect(page.locator("#id_location")).to_have_value(str(buurthuis.pk))
    assert not Activity.objects.exists()
    fits(page)
    check_a11y(page, "theme-meeting-form-error-phone")

    page.fill("#id_day", day.isoformat())
    page.check("#id_publish")
    submit(page, "main form button[type=submit]")
    activity = Activity.objects.get()
    assert activity.kind == Kind.THEME_MEETING and activity.published
    assert list(activity.themes.all()) == [sleep]
    assert [timezone.localtime(s.starts_at).date() for s in activity.sessions.all()] == [day]
    assert page.url.endswith(f"{SIGNALS}{signal.pk}/")
    meeting = page.locator("#theme-meeting")
    expect(meeting).to_contain_text(activity.title)
    expect(meeting.locator(f"a[href='/o/zuid-limburg/activities/{activity.pk}/']")).to_be_visible()
    expect(page.locator(f"a[href='{theme_meeting_url}']")).to_have_count(0)
    fits(page)
    check_a11y(page, "signal-with-theme-meeting-phone")

    page.goto(f"{SIGNALS}?status=all")
    expect(page.locator("tbody tr", has_text="Veel vragen over slapen bij peuters")).to_contain_text(
        str(day.year)
    )
    fits(page)
    check_a11y(page, "signals-with-theme-meeting-phone")
