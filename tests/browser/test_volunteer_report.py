"""The volunteers' section of the overview in a real browser, on a phone: Sam reads this year's reach,
training and reflection meetings; Fons, a funder, reads last year's with small numbers hidden. Each page
passes axe and fits 390 px."""

import datetime

from playwright.sync_api import expect

from opvoedwijzer.volunteers.models import (
    IntervisionCase,
    ReflectionMeeting,
    Status,
    TrainingCompletion,
    TrainingModule,
    Volunteer,
)
from tests.factories import ContactFactory

PHONE = {"width": 390, "height": 844}


def rows(page, table_id):
    return page.locator(f"#{table_id} tbody tr").evaluate_all(
        "rows => rows.map(r => [...r.cells].map(c => c.textContent.trim()))"
    )


def fits(page, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_staff_read_the_volunteer_programme_on_a_phone(sam, vera, zuid, logged_in, check_a11y):
    today = datetime.date.today()
    sint_truiden = zuid.municipalities.get(code="71053")
    volunteers = [
        Volunteer.objects.create(organisation=zuid, name=name, status=Status.ACTIVE, started_on=today)
        for name in ["Amal", "Emre"]
    ]
    for volunteer in volunteers:
        volunteer.neighbourhoods.add(sint_truiden)
    module = TrainingModule.objects.create(organisation=zuid, title="Puberty", hours=3)
    TrainingCompletion.objects.create(volunteer=volunteers[0], module=module, completed_on=today)
    meeting = ReflectionMeeting.objects.create(organisation=zuid, date=today, expert="police")
    meeting.attendees.add(*volunteers)
    IntervisionCase.objects.create(meeting=meeting, situation="A father at the school gate.")
    for language in ["ar", "ar", "tr"]:
        ContactFactory(membership=vera, language=language)
    ContactFactory(membership=sam, language="ar")  # staff work: not the volunteers'

    page = logged_in(sam)
    page.set_viewport_size(PHONE)
    page.goto("/o/zuid-limburg/overview/")
    section = page.locator("#volunteers")
    section.scroll_into_view_if_needed()
    expect(section).to_be_visible()
    assert [r[1] for r in rows(page, "volunteers-per-language")] == ["2", "1"]
    assert [r[1] for r in rows(page, "volunteers-per-municipality")] == ["3"]
    assert [r[1] for r in rows(page, "volunteers-training")] == ["1", "3", "1"]
    assert [r[1] for r in rows(page, "volunteers-reflection")] == ["1", "2", "2,0", "1"]
    fits(page, PHONE["width"])
    check_a11y(page, "overview-volunteers-phone")


def test_a_funder_reads_last_years_volunteer_numbers_with_small_ones_hidden_on_a_phone(
    fons, vera, zuid, logged_in, check_a11y
):
    fons.municipalities.set([zuid.municipalities.get(code="71053")])
    last_year = datetime.date(datetime.date.today().year - 1, 4, 1)
    for language in ["ar"] * 6 + ["pl"]:
        ContactFactory(membership=vera, date=last_year, language=language)
    ContactFactory(membership=vera, date=last_year, municipality="73022")  # Heers: not Fons's

    page = logged_in(fons)
    page.set_viewport_size(PHONE)
    page.goto("/o/zuid-limburg/overview/")
    expect(page.locator("#volunteers")).to_be_visible()
    assert rows(page, "volunteers-per-municipality")[0][1] == "7"
    assert [r[1] for r in rows(page, "volunteers-per-language")] == ["x", "x"]
    fits(page, PHONE["width"])
    check_a11y(page, "overview-volunteers-funder-phone")
