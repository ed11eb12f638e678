"""The volunteers' section of the reports: the conversations volunteers registered (not staff), their
training and reflection meetings, exact for a small programme, suppressed for a funder, in three queries."""

import datetime
import decimal
import io
import re

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from opvoedwijzer.core.models import Municipality
from opvoedwijzer.reports import yearly
from opvoedwijzer.reports.services import request_yearly_report
from opvoedwijzer.volunteers.models import (
    IntervisionCase,
    ReflectionMeeting,
    Status,
    TrainingCompletion,
    TrainingModule,
    Volunteer,
    VolunteerLanguage,
)
from opvoedwijzer.volunteers.report import volunteer_summary, volunteer_tables
from tests.factories import ContactFactory


@pytest.fixture
def places(zuid):
    sint_truiden = zuid.municipalities.get(code="71053")
    brustem = Municipality.objects.create(
        organisation=zuid, code="brustem", name_nl="Brustem", part_of=sint_truiden
    )
    zuid.municipalities.add(brustem)
    return {
        "sint_truiden": sint_truiden,
        "gingelom": zuid.municipalities.get(code="71017"),
        "heers": zuid.municipalities.get(code="73022"),
        "brustem": brustem,
    }


@pytest.fixture
def programme(zuid, noord, places, days_ago):
    """Five volunteers of Zuid-Limburg — Amal (active, Sint-Truiden, both required modules), Bart (active,
    Gingelom, one), Eva (active, Brustem in Sint-Truiden, both a year ago), Chris (in training, Sint-Truiden,
    an optional module) and Dani (stopped, Heers) —, two reflection meetings this month and one last
    year; and Noord-Limburg's own volunteer and meeting, which never count for Zuid-Limburg."""

    def volunteer(name, status, place, languages=()):
        v = Volunteer.objects.create(organisation=zuid, name=name, status=status, started_on=days_ago(500))
        v.neighbourhoods.add(places[place])
        VolunteerLanguage.objects.bulk_create([VolunteerLanguage(volunteer=v, language=c) for c in languages])
        return v

    amal = volunteer("Amal", Status.ACTIVE, "sint_truiden", ["ar", "nl"])
    bart = volunteer("Bart", Status.ACTIVE, "gingelom", ["nl"])
    eva = volunteer("Eva", Status.ACTIVE, "brustem", ["pl"])
    chris = volunteer("Chris", Status.IN_TRAINING, "sint_truiden", ["tr"])
    dani = volunteer("Dani", Status.STOPPED, "heers")
    puberty = TrainingModule.objects.create(organisation=zuid, title="Puberty", hours=3)
    radicalisation = TrainingModule.objects.create(
        organisation=zuid, title="Radicalisation", hours=decimal.Decimal("2.5")
    )
    social_map = TrainingModule.objects.create(
        organisation=zuid, title="The social map", hours=2, required=False
    )
    TrainingModule.objects.create(organisation=zuid, title="Old module", archived=True)
    for who, module, day in [
        (amal, puberty, days_ago(10)),
        (amal, radicalisation, days_ago(9)),
        (bart, puberty, days_ago(10)),
        (chris, social_map, days_ago(5)),
        (eva, puberty, days_ago(400)),
        (eva, radicalisation, days_ago(400)),
    ]:
        TrainingCompletion.objects.create(volunteer=who, module=module, completed_on=day)
    this_month = ReflectionMeeting.objects.create(organisation=zuid, date=days_ago(20), expert="police")
    this_month.attendees.add(amal, bart, chris)
    IntervisionCase.objects.create(meeting=this_month, situation="A father at the school gate.")
    IntervisionCase.objects.create(meeting=this_month, situation="A mother who feels alone.")
    only_bart = ReflectionMeeting.objects.create(organisation=zuid, date=days_ago(3))
    only_bart.attendees.add(bart)
    IntervisionCase.objects.create(meeting=only_bart, situation="Grandparents raising a child.")
    last_year = ReflectionMeeting.objects.create(organisation=zuid, date=days_ago(400))
    last_year.attendees.add(amal, bart, eva, chris, dani)
    elsewhere = Volunteer.objects.create(organisation=noord, name="Noa", status=Status.ACTIVE)
    ReflectionMeeting.objects.create(organisation=noord, date=days_ago(2)).attendees.add(elsewhere)
    return {"amal": amal, "bart": bart, "eva": eva, "chris": chris, "dani": dani}


@pytest.fixture
def conversations(vera, sam, days_ago):
    """Vera, a volunteer, registered ten conversations, nine of them this month: six in Sint-Truiden
    (three in Arabic, two without a language, one in Turkish; four about bullying, two about sleep), two in
    Gingelom (Dutch, puberty) and one from outside the region (French). Sam, staff, registered three."""
    for language, theme in [("ar", "bullying")] * 3 + [("", "bullying"), ("", "sleep"), ("tr", "sleep")]:
        ContactFactory(membership=vera, date=days_ago(2), language=language, main_theme=theme)
    for _ in range(2):
        ContactFactory(
            membership=vera, date=days_ago(4), municipality="71017", language="nl", main_theme="puberty"
        )
    ContactFactory(membership=vera, date=days_ago(6), municipality="outside", language="fr")
    ContactFactory(membership=vera, date=days_ago(40), language="ar")
    for _ in range(3):
        ContactFactory(membership=sam, date=days_ago(1), language="ar")


def rows(table):
    return [(r["code"], r["cells"][0]) for r in table["rows"]]


def test_the_section_counts_the_volunteers_conversations_training_and_meetings_of_the_period(
    zuid, programme, conversations, days_ago, today
):
    figures = volunteer_summary(zuid, days_ago(30), today)

    assert figures["total"] == 9, "Vera's nine of this month; Sam's three are staff work"
    (places, *_), (themes, *_), (languages, *_) = figures["reach_tables"]
    assert rows(places) == [("71053", 6), ("71017", 2), ("outside", 1)]
    assert dict(rows(themes)) == {"bullying": 5, "puberty": 2, "sleep": 2}
    assert dict(rows(languages)) == {"ar": 3, "": 2, "nl": 2, "fr": 1, "tr": 1}
    assert rows(languages)[0] == ("ar", 3), "the most spoken first"
    assert rows(figures["statuses"]) == [
        ("candidate", 0),
        ("in_training", 1),
        ("active", 3),
        ("paused", 0),
        ("stopped", 1),
    ]
    assert figures["statuses"]["total"] == 5
    assert figures["training"] == {"completed": 4, "hours": decimal.Decimal("10.5"), "ready": 2}
    assert figures["meetings"] == {"meetings": 2, "attendance": 4, "average_attendance": 2.0, "cases": 3}
    assert not figures["suppressed"]


def test_a_municipality_counts_its_conversations_and_the_volunteers_who_work_there(
    zuid, programme, conversations, places, days_ago, today
):
    figures = volunteer_summary(zuid, days_ago(30), today, [places["sint_truiden"]])

    assert figures["total"] == 6
    assert rows(figures["statuses"])[1:3] == [("in_training", 1), ("active", 2)], (
        "Amal, Eva in Brustem; Chris"
    )
    assert figures["training"] == {"completed": 3, "hours": decimal.Decimal("7.5"), "ready": 2}
    assert figures["meetings"] == {"meetings": 1, "attendance": 2, "average_attendance": 2.0, "cases": 2}


def test_a_funder_sees_small_numbers_hidden(zuid, programme, conversations, places, days_ago, today):
    figures = volunteer_summary(zuid, days_ago(30), today, [places["sint_truiden"]], outside=True)

    (places_table, *_), (themes, *_), (languages, *_) = figures["reach_tables"]
    assert figures["total"] == 6
    assert rows(places_table) == [("71053", 6)]
    assert dict(rows(languages)) == {"ar": None, "": None, "tr": None}
    assert dict(rows(themes)) == {"bullying": None, "sleep": None}
    assert [r["cells"][0] for r in figures["statuses"]["rows"]] == [0, None, None, 0, 0]
    assert figures["training"] == {"completed": None, "hours": None, "ready": None}
    assert figures["meetings"] == {"meetings": 1, "attendance": None, "average_attendance": None, "cases": 2}
    assert figures["suppressed"]


def test_funder_fons_reads_last_years_section_on_the_overview_with_x_for_small_numbers(
    fons, vera, places, client_for, today
):
    """Vera spoke with seven families of Sint-Truiden last year, five in Arabic and two in Turkish, and
    with one of Gingelom; Fons funds Sint-Truiden."""
    last_year = datetime.date(today.year - 1, 6, 15)
    for language in ["ar"] * 5 + ["tr"] * 2:
        ContactFactory(membership=vera, date=last_year, language=language)
    ContactFactory(membership=vera, date=last_year, municipality="71017")
    fons.municipalities.add(places["sint_truiden"])
    period = {"start": f"{today.year - 1}-01-01", "end": f"{today.year - 1}-12-31"}
    text = client_for(fons).get("/o/zuid-limburg/overview/", period).content.decode()

    section = text[text.index('id="volunteers"') :]
    assert "7 gesprekken geregistreerd door vrijwilligers" in section
    languages = section[section.index('id="volunteers-per-language"') :]
    languages = languages[: languages.index("</table>")]
    # Turkish (2) is hidden, and so is Arabic (5): else 7 − 5 would give Turkish away.
    assert re.findall(r"<td>(?:<abbr[^>]*>)?(\w+)", languages) == ["x", "x", "7"]
    places = section[section.index('id="volunteers-per-municipality"') :]
    assert re.findall(r"<td>(?:<abbr[^>]*>)?(\w+)", places[: places.index("</table>")]) == ["7", "7"]
    assert "Gingelom" not in section


def test_the_section_is_a_sheet_of_the_export_and_in_the_api(
    sam, programme, conversations, client_for, bearer, days_ago, today
):
    period = {"start": days_ago(30), "end": today}
    response = client_for(sam).get("/o/zuid-limburg/overview/export.xlsx", period)
    sheet = load_workbook(io.BytesIO(response.content))["Het vrijwilligersprogramma"]
    cells = list(sheet.iter_rows(values_only=True))
    assert ("Gevolgde uren vorming", 10.5) in cells
    assert ("Gemiddeld aantal aanwezigen per reflectiemoment", 2) in cells

    answer = bearer(sam).get("/api/v1/reports/sections", **{"from": period["start"], "to": today}).json()
    keys = [s["key"] for s in answer["sections"]]
    assert keys.index("volunteers") == keys.index("trajectories") + 1
    volunteers = answer["sections"][keys.index("volunteers")]
    assert volunteers["tables"][0]["rows"][-1][1] == 9


def test_the_tables_write_hidden_numbers_as_none_and_hours_as_numbers(
    zuid, programme, conversations, places, days_ago, today
):
    outside = volunteer_tables(
        volunteer_summary(zuid, days_ago(30), today, [places["sint_truiden"]], outside=True)
    )
    inside = volunteer_tables(volunteer_summary(zuid, days_ago(30), today))

    assert outside[2].rows[0][1] is None and outside[2].rows[-1][1] == 6
    assert inside[4].rows[1][1] == 10.5


def test_an_organisation_without_volunteers_says_so(sam, client_for):
    page = client_for(sam).get("/o/zuid-limburg/overview/").content.decode()
    assert "Geen vrijwilligerswerk in deze periode." in page


@pytest.mark.parametrize("chosen", [None, ["sint_truiden"]])
def test_the_section_asks_the_database_three_times_however_big_the_programme(
    zuid, programme, conversations, places, days_ago, today, django_assert_num_queries, chosen
):
    municipalities = None if chosen is None else [places[p] for p in chosen]
    with django_assert_num_queries(3):
        figures = volunteer_summary(zuid, days_ago(30), today, municipalities, outside=bool(chosen))
    assert figures["any"]


def test_a_past_period_counts_the_volunteers_who_had_started(zuid, programme, days_ago):
    Volunteer.objects.create(organisation=zuid, name="Fatma", status=Status.ACTIVE, started_on=days_ago(5))
    Volunteer.objects.create(organisation=zuid, name="Gert", status=Status.CANDIDATE)
    a_year_ago = days_ago(365)
    figures = volunteer_summary(zuid, a_year_ago - datetime.timedelta(days=60), a_year_ago)

    assert figures["statuses"]["total"] == 5, "not Fatma, who started last week, nor Gert, entered today"
    assert figures["training"]["completed"] == 2, "Eva's two modules"
    assert figures["meetings"]["attendance"] == 5


def test_the_yearly_report_of_sint_truiden_has_the_volunteers_reach(ilse, vera, zuid, today):
    last_year = datetime.date(today.year - 1, 9, 1)
    for language in ["ar"] * 6 + ["tr"] * 5:
        ContactFactory(membership=vera, date=last_year, language=language)
    sint_truiden = zuid.municipalities.get(code="71053")
    report = request_yearly_report(zuid, municipality=sint_truiden, year=today.year - 1, user=ilse.user)

    pdf = PdfReader(io.BytesIO(yearly.build_yearly_report(report)))
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert re.search(r"11 (conversations registered by volunteers|gesprekken)", text)
    assert re.search(r"\n\w+ 6 ?\n\w+ 5 ?\n\w+ 11", text), "Arabic 6, Turkish 5, total 11"
