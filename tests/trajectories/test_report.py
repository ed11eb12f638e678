"""A coordinator sees goal attainment per theme in the reports; a funder sees only suppressed numbers."""

import datetime
import io

import pytest
from django.utils import timezone, translation

from opvoedwijzer.core.models import Municipality
from opvoedwijzer.reports.sections import SECTIONS
from opvoedwijzer.socialmap.models import Referral, Service
from opvoedwijzer.socialmap.services import refer_contact
from opvoedwijzer.taxonomy.models import Theme
from opvoedwijzer.trajectories import services
from opvoedwijzer.trajectories.report import SECTION, trajectory_summary
from opvoedwijzer.trajectories.selectors import trajectory_numbers
from tests.mapdata import make_social_map

YEAR = timezone.localdate().year - 1  # a whole past year: what a funder may read
YEAR_START, YEAR_END = datetime.date(YEAR, 1, 1), datetime.date(YEAR, 12, 31)


def day(month, d):
    return datetime.date(YEAR, month, d)


@pytest.fixture
def a_year_of_trajectories(sam, ilse, open_trajectory_for):
    """Last year in Zuid-Limburg: six trajectories about bullying in Sint-Truiden (five closed with their
    goals reached, one still running), one about sleep in Heers (stopped by the parent) and one from the
    year before about sleep closed in January; a case consultation for a school and an observation
    visit in childcare."""

    def run(start, close, outcome, scores, *, theme="bullying", municipality="71053"):
        trajectory = open_trajectory_for(sam, started_on=start, themes=[theme], municipality=municipality)
        goal = services.add_goal(trajectory, text="Met plezier naar school", score=scores[0], date=start)
        services.add_session(
            trajectory,
            sam,
            {"date": start, "kind": "conversation", "duration": "30to60", "scores": {goal.pk: scores[1]}},
        )
        if close:
            services.close_trajectory(trajectory, date=close, outcome=outcome, scores={goal.pk: scores[2]})
        return trajectory

    for month in range(2, 7):
        run(day(month, 3), day(month + 3, 1), "goals_reached", (2, 5, 9))
    run(day(11, 2), None, "", (4, 5, 5))
    run(day(3, 9), day(4, 20), "stopped_by_parent", (3, 3, 3), theme="sleep", municipality="73022")
    run(datetime.date(YEAR - 1, 11, 5), day(1, 30), "partly_reached", (2, 4, 6), theme="sleep")
    themes = list(Theme.objects.filter(organisation=ilse.organisation, code="homework"))
    for kind, professional in (("case_consultation", "school"), ("observation_visit", "childcare")):
        services.record_consultation(
            ilse,
            {
                "kind": kind,
                "professional_kind": professional,
                "date": day(5, 12),
                "duration": "gt60",
                "municipality": Municipality.objects.get(code="71053"),
                "themes": themes,
                "question": "Hoe helpen we een kind dat vastloopt?",
            },
        )


def rows(table):
    return {r["code"]: r["cells"] for r in table["rows"]}


def test_the_numbers_of_a_year_count_trajectories_sessions_outcomes_and_goals(zuid, a_year_of_trajectories):
    numbers = trajectory_numbers(zuid, YEAR_START, YEAR_END)
    assert (numbers["started"], numbers["running"], numbers["closed"]) == (7, 1, 7)
    assert numbers["sessions"] == 7 and numbers["durations"] == {"30to60": 7}
    assert numbers["outcomes"]["goals_reached"] == 5 and numbers["outcomes"]["partly_reached"] == 1
    assert (numbers["goals"], numbers["goals_measured"], numbers["goals_reached"]) == (8, 8, 5)
    # changes: five of +7, one of +1 (running), one of 0, one of +4 → 40 / 8
    assert numbers["mean_goal_change"] == 5.0 and numbers["share_goals_reached"] == 0.62
    assert numbers["consultations"]["school"] == {"case_consultation": 1, "observation_visit": 0}
    assert numbers["consultations_total"] == 2


def test_a_goal_scored_after_the_period_does_not_count_in_it(zuid, a_year_of_trajectories):
    spring = trajectory_numbers(zuid, day(2, 1), day(3, 31))
    # Feb. and March trajectories measured by their first session only: 2 → 5 (+3); sleep 3 → 3; the
    # 2025 one 2 → 4, closed in January so not running in spring.
    assert spring["goals_measured"] == 3 and spring["mean_goal_change"] == 2.0


def test_ilse_sees_goal_attainment_per_main_theme(zuid, a_year_of_trajectories):
    figures = trajectory_summary(zuid, YEAR_START, YEAR_END)
    bullying, sleep = (Theme.objects.get(organisation=zuid, code=c).pk for c in ("bullying", "sleep"))
    by_theme = {r["code"]: r["cells"] + r["goals"] for r in figures["by_theme"]["rows"]}
    # started, running at the end, closed, measured goals, mean change, % reached
    assert by_theme == {bullying: [6, 1, 5, 6, 6.0, 83], sleep: [1, 0, 2, 2, 2.0, 0]}
    assert rows(figures["by_municipality"]) == {"71053": [6, 1, 6], "73022": [1, 0, 1]}
    assert rows(figures["outcomes"]) == {
        "goals_reached": [5],
        "partly_reached": [1],
        "stopped_by_parent": [1],
    }
    assert figures["goals"] == {"goals": 8, "measured": 8, "mean_goal_change": 5.0, "share_goals_reached": 62}
    assert not figures["suppressed"]


def test_fons_the_funder_sees_small_numbers_hidden(zuid, a_year_of_trajectories):
    figures = trajectory_summary(zuid, YEAR_START, YEAR_END, list(zuid.municipalities.all()), outside=True)
    assert figures["suppressed"]
    # Heers' one trajectory is hidden, and so is Sint-Truiden's six, from which it follows (7 − 6).
    assert rows(figures["by_municipality"]) == {"71053": [None, None, None], "73022": [None, 0, None]}
    assert [c["total"] for c in figures["by_municipality"]["columns"]] == [7, None, 7]
    assert rows(figures["outcomes"]) == {
        "goals_reached": [5],
        "partly_reached": [None],
        "stopped_by_parent": [None],
    }
    assert [r["goals"] for r in figures["by_theme"]["rows"]] == [[None, None, None]] * 2
    assert figures["goals"] == {"goals": 8, "measured": 8, "mean_goal_change": 5.0, "share_goals_reached": 62}
    assert figures["consultations"]["total"] is None


def test_the_section_is_in_every_report_with_its_tables(zuid, a_year_of_trajectories):
    assert SECTION in SECTIONS
    with translation.override("en"):
        tables = SECTION.tables(SECTION.build(zuid, YEAR_START, YEAR_END, outside=True))
    assert [t.title for t in tables] == [
        "Trajectories per municipality",
        "Trajectories and goal attainment per main theme",
        "Outcomes of the trajectories closed",
        "Sessions per duration",
        "Referrals out of trajectories",
        "Consultations and observation visits per kind of professional",
    ]
    assert tables[1].lines()[-1] == ["Total", 7, "x", 7, 8, 5.0, 62]
    assert tables[3].lines()[1:] == [["30–60 minutes", 7], ["Total", 7]]


def test_the_overview_shows_the_section_to_sam_and_its_hidden_numbers_to_fons(
    sam, fons, client_for, a_year_of_trajectories
):
    params = {"start": YEAR_START.isoformat(), "end": YEAR_END.isoformat()}
    page = client_for(sam).get("/o/zuid-limburg/overview/", params).content.decode()
    assert 'id="trajectories-per-theme"' in page and 'id="trajectories-consultations"' in page
    assert "<abbr" not in page.split('id="trajectories"')[1]
    fons.municipalities.set(fons.organisation.municipalities.all())
    page = client_for(fons).get("/o/zuid-limburg/overview/", params).content.decode()
    assert 'id="trajectories-per-theme"' in page and "<abbr" in page.split('id="trajectories"')[1]


def test_referrals_out_of_a_trajectory_are_counted_warm_and_cold(zuid, sam, open_trajectory_for):
    make_social_map(zuid)
    first, second = Service.objects.filter(organisation=zuid)[:2]
    trajectory = open_trajectory_for(sam, started_on=day(3, 1))
    session = services.add_session(
        trajectory, sam, {"date": day(3, 1), "kind": "conversation", "duration": "30to60", "scores": {}}
    )
    refer_contact(session.contact, first, warm=True, author=sam.user)
    refer_contact(session.contact, second, warm=False, author=sam.user)
    Referral.objects.update(date=day(3, 2))
    numbers = trajectory_numbers(zuid, YEAR_START, YEAR_END)
    assert numbers["referrals"] == {"warm": 1, "cold": 1}
    figures = trajectory_summary(zuid, YEAR_START, YEAR_END)
    assert rows(figures["referrals"]) == {"warm": [1], "cold": [1]}
    outside = trajectory_summary(zuid, YEAR_START, YEAR_END, outside=True)
    assert rows(outside["referrals"]) == {"warm": [None], "cold": [None]}


@pytest.fixture
def a_year_in_sint_truiden(sam, open_trajectory_for):
    """Last year in Sint-Truiden: seven trajectories about bullying (each goal 2 → 9), six about sleep
    (each goal 4 → 6) and one about crying (3 → 4), all closed."""

    def run(theme, scores, month):
        trajectory = open_trajectory_for(sam, started_on=day(month, 3), themes=[theme])
        goal = services.add_goal(trajectory, text="Een doel", score=scores[0], date=day(month, 3))
        services.add_session(
            trajectory,
            sam,
            {"date": day(month, 10), "kind": "conversation", "duration": "30to60", "scores": {goal.pk: 5}},
        )
        services.close_trajectory(
            trajectory, date=day(month + 1, 1), outcome="goals_reached", scores={goal.pk: scores[1]}
        )

    for month in range(1, 7):
        run("bullying", (2, 9), month)
        run("sleep", (4, 6), month + 3)
    run("bullying", (2, 9), 7)
    run("crying", (3, 4), 5)


def run_queued_tasks():
    """What the task runner does with every task that is due."""
    from dbtasks.models import ScheduledTask

    for scheduled in ScheduledTask.objects.filter(status="READY", periodic=False):
        scheduled.run_and_update()


def test_ilse_reads_goal_attainment_per_theme_in_the_yearly_report_pdf(
    ilse, zuid, client_for, a_year_in_sint_truiden
):
    from pypdf import PdfReader

    client = client_for(ilse)
    sint_truiden = zuid.municipalities.get(code="71053")
    response = client.post(
        "/o/zuid-limburg/overview/yearly/", {"municipality": sint_truiden.pk, "year": YEAR}
    )
    run_queued_tasks()
    download = client.get(f"{response.url}report.pdf")  # the download, as ilse gets it
    assert download["Content-Type"] == "application/pdf"
    pdf = b"".join(download.streaming_content) if download.streaming else download.content
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    section = text.split("Trajecten en doelbereik per hoofdthema")[1].split("Totaal")[0]
    lines = {line.split()[0]: line.split()[1:] for line in section.splitlines() if line.strip()}
    # started, running at the end, closed, measured goals, mean change, % reached
    assert lines["Pesten"] == ["7", "0", "7", "7", "7,0", "100", "%"]
    # One trajectory about crying is hidden, and so is sleep, from which it would follow (14 − 7 − 6).
    assert lines["Huilen"] == lines["Slapen"] == ["x", "0", "x", "x", "x", "x"]
