"""The group offer in the numbers: activities, sessions, sign-ups, attendance by municipality and who
attended, and evaluation scores — for staff, for Fons the funder (small numbers hidden) and in the
yearly report of Sint-Truiden.

Last year in Zuid-Limburg (Sint-Truiden, Gingelom, Heers):

- "Pubers in huis", a parent course: four evenings in March at OC Sint-Truiden; 8 people with a place,
  3 waiting, 2 cancelled; six evaluations.
- "Slapen", an information evening in Gingelom: 12 people; three evaluations.
- "Schermtijd", an information evening in Sint-Truiden: 4 people; two evaluations.
- "Nieuwjaarsbrunch", a workshop at 00:30 on 1 January in Sint-Truiden — still last year in Brussels,
  though the day before in UTC; "Oudejaarsfeest", a workshop at 00:30 on 1 January this year, is not.
- "Samen spelen", a parent–child course in Gingelom cancelled on 10 September: two of its three
  sessions were held. "Weerbaar", a workshop cancelled before its session: nothing counts.
"""

import datetime
import io
import re
import secrets

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext
from pypdf import PdfReader

from opvoedwijzer.activities.models import Activity, Attendance, Evaluation, Session, SignUp
from opvoedwijzer.activities.report import group_offer_summary
from opvoedwijzer.contacts.models import Area
from opvoedwijzer.socialmap.models import Location
from opvoedwijzer.taxonomy.models import AskerRole

SINT_TRUIDEN, GINGELOM, HEERS = "71053", "71017", "73022"
LAST_YEAR = datetime.date.today().year - 1
YEAR_START, YEAR_END = datetime.date(LAST_YEAR, 1, 1), datetime.date(LAST_YEAR, 12, 31)


def at(day, hour=19, minute=30):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=timezone.get_default_timezone())


class GroupOffer:
    """Builds activities with the ORM: sessions, sign-ups, head counts and evaluations."""

    def __init__(self, org):
        self.org = org
        self.municipality = {m.code: m for m in org.municipalities.all()}
        self.roles = {r.code: r for r in AskerRole.objects.for_org(org)}
        self.location = {
            code: Location.objects.create(
                organisation=org,
                name=f"Zaal {self.municipality[code].name}",
                municipality=self.municipality[code],
            )
            for code in (SINT_TRUIDEN, GINGELOM)
        }

    def activity(self, title, kind, place, starts, cancelled_on=None, signups=(), waiting=(), cancelled=()):
        activity = Activity.objects.create(
            organisation=self.org,
            kind=kind,
            title=title,
            capacity=20,
            published=True,
            cancelled_on=cancelled_on,
        )
        for start in starts:
            Session.objects.create(
                activity=activity,
                starts_at=start,
                ends_at=start + datetime.timedelta(hours=2),
                location=self.location.get(place),
            )
        for status, groups in (("confirmed", signups), ("waiting", waiting), ("cancelled", cancelled)):
            for people in groups:
                SignUp.objects.create(
                    activity=activity, people=people, status=status, token_hash=secrets.token_hex(32)
                )
        return activity

    def attended(self, session, who, place, count):
        if place in (Area.OUTSIDE, Area.UNKNOWN):
            area, municipality = place, None
        else:
            area, municipality = Area.MUNICIPALITY, self.municipality[place]
        Attendance.objects.create(
            session=session, who=self.roles[who], area=area, municipality=municipality, count=count
        )

    @staticmethod
    def evaluated(session, *scores):
        for overall, useful, atmosphere in scores:
            Evaluation.objects.create(session=session, overall=overall, useful=useful, atmosphere=atmosphere)


@pytest.fixture
def group_offer(zuid):
    g = GroupOffer(zuid)
    march = [datetime.date(LAST_YEAR, 3, day) for day in (3, 10, 17, 24)]
    course = g.activity(
        "Pubers in huis",
        "parent_course",
        SINT_TRUIDEN,
        [at(day) for day in march],
        signups=[2, 2, 2, 2],
        waiting=[3],
        cancelled=[2],
    )
    first, second = course.sessions.order_by("starts_at")[:2]
    g.attended(first, "mother", SINT_TRUIDEN, 6)
    g.attended(first, "father", SINT_TRUIDEN, 2)
    g.attended(first, "mother", Area.OUTSIDE, 1)
    g.attended(second, "mother", SINT_TRUIDEN, 5)
    g.attended(second, "grandparent", Area.UNKNOWN, 1)
    g.evaluated(first, (5, 4, 5), (4, 4, 5), (4, 4, 5))
    g.evaluated(second, (5, 4, 5), (3, 4, 5), (4, 4, 4))

    sleep = g.activity(
        "Slapen", "info_evening", GINGELOM, [at(datetime.date(LAST_YEAR, 5, 12))], signups=[2] * 6
    )
    evening = sleep.sessions.get()
    g.attended(evening, "mother", GINGELOM, 7)
    g.attended(evening, "father", GINGELOM, 3)
    g.attended(evening, "mother", SINT_TRUIDEN, 2)  # people of Sint-Truiden in Gingelom
    g.evaluated(evening, (3, 2, 4), (4, 3, 4), (5, 4, 4))

    screens = g.activity(
        "Schermtijd", "info_evening", SINT_TRUIDEN, [at(datetime.date(LAST_YEAR, 10, 6))], signups=[2, 2]
    )
    g.attended(screens.sessions.get(), "mother", SINT_TRUIDEN, 4)
    g.evaluated(screens.sessions.get(), (4, 5, 3), (4, 5, 3))

    brunch = g.activity("Nieuwjaarsbrunch", "workshop", SINT_TRUIDEN, [at(YEAR_START, 0, 30)])
    g.attended(brunch.sessions.get(), "father", SINT_TRUIDEN, 1)
    too_late = g.activity(
        "Oudejaarsfeest",
        "workshop",
        SINT_TRUIDEN,
        [at(datetime.date(LAST_YEAR + 1, 1, 1), 0, 30)],
        signups=[9],
    )
    g.attended(too_late.sessions.get(), "mother", SINT_TRUIDEN, 50)

    play = g.activity(
        "Samen spelen",
        "parent_child_course",
        GINGELOM,
        [at(datetime.date(LAST_YEAR, 9, day), 10) for day in (1, 8, 15)],
        cancelled_on=datetime.date(LAST_YEAR, 9, 10),
        signups=[2, 2],
    )
    g.attended(play.sessions.order_by("starts_at").first(), "mother", GINGELOM, 5)
    g.activity(
        "Weerbaar",
        "workshop",
        SINT_TRUIDEN,
        [at(datetime.date(LAST_YEAR, 6, 10))],
        cancelled_on=datetime.date(LAST_YEAR, 6, 1),
        signups=[5],
    )
    return g


def per_kind(summary):
    table = summary["by_kind"]
    columns = [c["code"] for c in table["columns"]]
    rows = {r["code"]: dict(zip(columns, r["cells"], strict=True)) for r in table["rows"]}
    return rows, {c["code"]: c["total"] for c in table["columns"]}


def matrix(summary):
    table = summary["attendance"]
    columns = [c["code"] for c in table["columns"]]
    cells = {
        r["code"]: {**dict(zip(columns, r["cells"], strict=True)), "total": r["total"]} for r in table["rows"]
    }
    return cells, {c["code"]: c["total"] for c in table["columns"]}, table["total"]


def averages(summary):
    table = summary["evaluations"]
    rows = {
        r["code"]: (r["n"], *(str(v) if v is not None else None for v in r["averages"]))
        for r in table["rows"]
    }
    rows["all"] = (table["n"], *(str(v) if v is not None else None for v in table["averages"]))
    return rows


def test_activities_sessions_sign_ups_and_attendance_per_kind(zuid, group_offer):
    rows, totals = per_kind(group_offer_summary(zuid, YEAR_START, YEAR_END))
    assert rows == {
        "info_evening": {"activities": 2, "sessions": 2, "signed_up": 16, "waiting": 0, "attendance": 16},
        "workshop": {"activities": 1, "sessions": 1, "signed_up": 0, "waiting": 0, "attendance": 1},
        "parent_course": {"activities": 1, "sessions": 4, "signed_up": 8, "waiting": 3, "attendance": 15},
        "parent_child_course": {
            "activities": 1,
            "sessions": 2,
            "signed_up": 4,
            "waiting": 0,
            "attendance": 5,
        },
    }
    assert list(rows) == ["info_evening", "workshop", "parent_course", "parent_child_course"]  # Kind order
    assert totals == {"activities": 5, "sessions": 9, "signed_up": 28, "waiting": 3, "attendance": 37}


def test_a_session_counts_in_the_year_of_its_local_start_day(zuid, group_offer):
    """00:30 on 1 January in Brussels is 31 December in UTC."""
    rows, _ = per_kind(group_offer_summary(zuid, YEAR_START, YEAR_START))
    assert rows == {
        "workshop": {"activities": 1, "sessions": 1, "signed_up": 0, "waiting": 0, "attendance": 1}
    }
    last_day = datetime.date(LAST_YEAR, 12, 31)
    assert per_kind(group_offer_summary(zuid, last_day, last_day))[0] == {}


def test_only_sessions_that_were_held_count(sam, zuid, today):
    g = GroupOffer(zuid)
    now = timezone.now()
    g.activity("Vanochtend", "workshop", SINT_TRUIDEN, [now - datetime.timedelta(hours=1)], signups=[2])
    g.activity("Straks", "meeting", SINT_TRUIDEN, [now + datetime.timedelta(hours=1)], signups=[3])
    rows, _ = per_kind(group_offer_summary(zuid, today - datetime.timedelta(days=30), today))
    assert list(rows) == ["workshop"]


def test_attendance_per_municipality_and_who_attended(zuid, group_offer):
    cells, columns, total = matrix(group_offer_summary(zuid, YEAR_START, YEAR_END))
    assert list(cells) == [GINGELOM, HEERS, SINT_TRUIDEN, "outside", "unknown"]  # by name, then the rest
    assert cells == {
        SINT_TRUIDEN: {"mother": 17, "father": 3, "grandparent": 0, "total": 20},
        GINGELOM: {"mother": 12, "father": 3, "grandparent": 0, "total": 15},
        HEERS: {"mother": 0, "father": 0, "grandparent": 0, "total": 0},
        "outside": {"mother": 1, "father": 0, "grandparent": 0, "total": 1},
        "unknown": {"mother": 0, "father": 0, "grandparent": 1, "total": 1},
    }
    assert columns == {"mother": 30, "father": 6, "grandparent": 1} and total == 37


def test_evaluation_averages_per_kind_and_over_all_with_one_decimal(zuid, group_offer):
    assert averages(group_offer_summary(zuid, YEAR_START, YEAR_END)) == {
        "info_evening": (5, "4.0", "3.8", "3.6"),  # 20/5, 19/5, 18/5
        "parent_course": (6, "4.2", "4.0", "4.8"),  # 25/6, 24/6, 29/6
        "all": (11, "4.1", "3.9", "4.3"),  # 45/11, 43/11, 47/11
    }


def test_a_municipality_means_sessions_held_there_and_people_living_there(zuid, group_offer):
    gingelom = [zuid.municipalities.get(code=GINGELOM)]
    summary = group_offer_summary(zuid, YEAR_START, YEAR_END, gingelom)
    rows, _ = per_kind(summary)
    assert rows == {
        "info_evening": {"activities": 1, "sessions": 1, "signed_up": 12, "waiting": 0, "attendance": 10},
        "parent_child_course": {
            "activities": 1,
            "sessions": 2,
            "signed_up": 4,
            "waiting": 0,
            "attendance": 5,
        },
    }
    cells, _, total = matrix(summary)
    assert cells == {GINGELOM: {"mother": 12, "father": 3, "total": 15}} and total == 15
    assert averages(summary) == {"info_evening": (3, "4.0", "3.0", "4.0"), "all": (3, "4.0", "3.0", "4.0")}


def test_outside_the_service_small_numbers_of_people_and_their_averages_are_hidden(zuid, group_offer):
    """What Fons (Sint-Truiden) and the yearly report of Sint-Truiden get."""
    sint_truiden = [zuid.municipalities.get(code=SINT_TRUIDEN)]
    summary = group_offer_summary(zuid, YEAR_START, YEAR_END, sint_truiden, outside=True)
    rows, totals = per_kind(summary)
    assert rows == {
        # Activities and sessions are the organisation's own (public) offer: never hidden.
        "info_evening": {"activities": 1, "sessions": 1, "signed_up": None, "waiting": 0, "attendance": None},
        "workshop": {"activities": 1, "sessions": 1, "signed_up": 0, "waiting": 0, "attendance": None},
        "parent_course": {
            "activities": 1,
            "sessions": 4,
            "signed_up": None,
            "waiting": None,
            "attendance": 13,
        },
    }
    # 4 sign-ups hidden, so 8 too (12 − 8); 1 attendance hidden, so 6 too; 3 waiting is the total.
    assert totals == {"activities": 3, "sessions": 6, "signed_up": 12, "waiting": None, "attendance": 20}
    assert summary["by_kind"]["suppressed"]
    cells, columns, total = matrix(summary)
    assert cells == {SINT_TRUIDEN: {"mother": None, "father": None, "total": 20}}  # 3 fathers, so 17 too
    assert columns == {"mother": None, "father": None} and total == 20
    # 2 evaluations of the information evening: no averages, nor of the course (8 − 2).
    assert averages(summary) == {
        "info_evening": (None, None, None, None),
        "parent_course": (None, None, None, None),
        "all": (8, "4.1", "4.3", "4.4"),  # 33/8, 34/8 (halves up), 35/8
    }


def test_staff_see_the_group_offer_on_the_overview(sam, group_offer, client_for):
    page = (
        client_for(sam)
        .get("/o/zuid-limburg/overview/", {"start": YEAR_START, "end": YEAR_END})
        .content.decode()
    )
    assert 'id="group-offer"' in page
    per_kind_table = section(page, "group-offer-per-kind")
    assert "<caption>" in per_kind_table
    assert row_cells(per_kind_table, "tfoot") == ["5", "9", "28", "3", "37"]
    attendance = section(page, "group-offer-attendance")
    assert "Sint-Truiden" in attendance and "Gingelom" in attendance
    assert row_cells(attendance, "tfoot") == ["30", "6", "1", "37"]
    evaluations = section(page, "group-offer-evaluations")
    assert row_cells(evaluations, "tfoot") == ["11", "4,1", "3,9", "4,3"]  # Dutch decimals


def test_the_funder_sees_the_group_offer_of_their_municipality_with_small_numbers_hidden(
    fons, zuid, group_offer, client_for
):
    fons.municipalities.set([zuid.municipalities.get(code=SINT_TRUIDEN)])
    page = client_for(fons).get("/o/zuid-limburg/overview/").content.decode()  # last year by default
    attendance = section(page, "group-offer-attendance")
    assert "Gingelom" not in attendance and "Buiten de regio" not in attendance
    assert row_cells(attendance, "tbody") == ["x", "x", "20"]
    assert row_cells(section(page, "group-offer-per-kind"), "tfoot") == ["3", "6", "12", "x", "20"]
    assert row_cells(section(page, "group-offer-evaluations"), "tfoot") == ["8", "4,1", "4,3", "4,4"]


def test_an_overview_with_the_group_offer_keeps_to_a_fixed_number_of_queries(
    sam, group_offer, client_for, django_assert_max_num_queries
):
    client = client_for(sam)
    for by in ["theme", "channel", "month"]:
        # The overview's 16, the group offer: sessions, sign-ups, attendance, municipalities; and the
        # trajectories: trajectories, consultations; the volunteers (3).
        with django_assert_max_num_queries(25):
            response = client.get(
                "/o/zuid-limburg/overview/", {"start": YEAR_START, "end": YEAR_END, "by": by}
            )
        assert 'id="group-offer-attendance"' in response.content.decode()


def test_the_yearly_report_has_a_chapter_on_the_group_offer(ilse, zuid, group_offer):
    from opvoedwijzer.reports.services import request_yearly_report
    from tests.reports.test_yearly import run_queued_tasks

    report = request_yearly_report(
        zuid, municipality=zuid.municipalities.get(code=SINT_TRUIDEN), year=LAST_YEAR, user=ilse.user
    )
    run_queued_tasks()
    report.refresh_from_db()
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(bytes(report.pdf))).pages)
    with translation.override("nl"):
        assert gettext("Group offer") in text
    lines = [re.sub(r"\s+", " ", line).strip() for line in text.splitlines()]
    # Per kind: activities, sessions, signed up, waiting, attendance — as the funder sees them.
    assert any(line.endswith(" 1 4 x x 13") for line in lines), lines
    assert any(line.endswith(" 3 6 12 x 20") for line in lines), lines
    assert "Sint-Truiden x x 20" in lines
    assert any(line.endswith(" 8 4,1 4,3 4,4") for line in lines), lines
    assert "Gingelom" not in text


def section(page, table_id):
    start = page.index(f'id="{table_id}"')
    return page[start : page.index("</table>", start)]


def row_cells(table, part):
    """The cells (td) of the first row of the table's tbody or tfoot, without tags."""
    body = table[table.index(f"<{part}>") :]
    row = body[: body.index("</tr>")]
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
