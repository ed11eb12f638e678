"""The organisation's home answers "what do I do today" for the member's role, and its grouped
navigation names every page the same way as the menu."""

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from opvoedwijzer.policy.models import Signal, SignalStatus
from opvoedwijzer.questions.models import Question, Status
from opvoedwijzer.questions.services import ask_question

from ..factories import ContactFactory, make_activity, signed_up_tonight

HOME = "/o/zuid-limburg/"
# A coordinator's home: the request's own (session, user, membership, two-step login), the first-run steps
# left, one query per "today" block. The same with one row or hundreds.
HOME_QUERIES = 10


def question(org, *, due_on, assigned_to=None, status=Status.NEW):
    q, _secret = ask_question(org, text="Mijn dochter slaapt slecht.")
    Question.objects.filter(pk=q.pk).update(
        due_on=due_on, assigned_to=assigned_to, status=Status.ASSIGNED if assigned_to else status
    )
    if status == Status.ANSWERED:
        Question.objects.filter(pk=q.pk).update(status=status)
    return Question.objects.get(pk=q.pk)


def get_home(client):
    return client.get(HOME, headers={"accept-language": "en"})


def test_sam_sees_the_web_questions_due_today_and_overdue_with_hers_first(
    sam, ilse, noor, client_for, today, days_ago
):
    overdue_for_ilse = question(sam.organisation, due_on=days_ago(2), assigned_to=ilse.user)
    due_today_for_nobody = question(sam.organisation, due_on=today)
    due_today_for_sam = question(sam.organisation, due_on=today, assigned_to=sam.user)
    question(sam.organisation, due_on=today + datetime.timedelta(days=1))  # not due yet
    question(sam.organisation, due_on=days_ago(5), status=Status.ANSWERED)  # done
    question(noor.organisation, due_on=days_ago(1))  # another organisation's

    page = get_home(client_for(sam))

    assert page.context["questions"] == [due_today_for_sam, overdue_for_ilse, due_today_for_nobody]
    html = page.content.decode()
    assert "overdue since" in html and "yours" in html and "nobody yet" in html


def test_sam_sees_her_referrals_to_follow_up_this_weeks_sessions_and_the_signals_waiting(
    sam, zuid, client_for, today
):
    evening = signed_up_tonight(zuid, title="Pubers in huis", capacity=12, sessions=2)
    later = make_activity(zuid, title="Later dit jaar", first=today + datetime.timedelta(days=30))
    Signal.objects.create(organisation=zuid, title="Slaapproblemen bij peuters", description="…")
    Signal.objects.create(
        organisation=zuid, title="Al besproken", description="…", status=SignalStatus.REVIEWED
    )

    page = get_home(client_for(sam))

    sessions = page.context["sessions"]
    week_start = today - datetime.timedelta(days=today.weekday())
    assert [s.activity for s in sessions] == [evening]  # the second evening is next week
    assert sessions[0].starts_at.date() >= week_start
    assert sessions[0].taken == 2
    assert later not in [s.activity for s in sessions]
    assert page.context["signals_waiting"] == 1
    html = page.content.decode()
    assert "Pubers in huis" in html and "2 signed up / 12" in html
    assert "1 new signal waiting for review." in html


def test_ilse_sees_the_teams_registrations_beside_her_own_and_sam_only_his(
    ilse, sam, client_for, today, days_ago
):
    ContactFactory(membership=ilse)
    ContactFactory(membership=sam)
    ContactFactory(membership=sam, date=days_ago(today.weekday() + 1))  # last week: not counted

    ilses = get_home(client_for(ilse)).context["registrations"]
    assert (ilses["mine_today"], ilses["team_today"]) == (1, 2)
    assert ilses["team_week"] == 2

    sams = get_home(client_for(sam)).context["registrations"]
    assert (sams["mine_today"], sams["mine_week"]) == (1, 1)
    assert "team_today" not in sams


def test_vera_the_volunteer_sees_her_work_but_no_web_questions(vera, client_for, today):
    question(vera.organisation, due_on=today)

    page = get_home(client_for(vera))

    assert "questions" not in page.context
    assert "referrals" in page.context and "registrations" in page.context
    assert "/questions/" not in page.content.decode()


def test_fons_the_funder_sees_the_numbers_and_nothing_to_register(fons, client_for):
    page = get_home(client_for(fons))

    html = page.content.decode()
    assert 'id="today"' not in html
    assert "/o/zuid-limburg/overview/" in html
    assert "/contacts/" not in html and "/questions/" not in html


def test_noor_of_noord_limburg_gets_404_on_zuid_limburgs_home(noor, client_for):
    assert client_for(noor).get(HOME).status_code == 404


def test_every_page_on_the_home_is_in_the_menu_under_the_same_name(ilse, client_for):
    html = get_home(client_for(ilse)).content.decode()
    nav, main = html.split('<main id="main"', 1)
    menu = dict(re.findall(r'<li><a href="(/o/zuid-limburg/[^"]*)"[^>]*>([^<]+)</a></li>', nav))
    cards = dict(re.findall(r'<a class="card" href="([^"]+)"><strong>([^<]+)</strong>', main))
    assert len(cards) >= 15
    assert cards == menu
    for group in ["Registering", "The work", "Numbers", "Settings"]:
        assert f"<summary>{group}</summary>" in nav and f">{group}</h2>" in main


def test_the_home_asks_the_database_the_same_number_of_times_however_much_there_is(
    ilse, sam, zuid, client_for, today
):
    client = client_for(ilse)
    get_home(client)  # warm: session, caches

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert get_home(client).status_code == 200
        return len(captured)

    few = queries()
    for _ in range(8):
        question(zuid, due_on=today, assigned_to=sam.user)
        ContactFactory(membership=sam)
        signed_up_tonight(zuid, sessions=1, people=1)
        Signal.objects.create(organisation=zuid, title="x", description="y")
    many = queries()

    assert few == many == HOME_QUERIES


def test_the_dutch_home_writes_dates_with_dutch_month_names(sam, client_for, days_ago):
    overdue = question(sam.organisation, due_on=days_ago(40), assigned_to=sam.user)
    html = client_for(sam).get(HOME, headers={"accept-language": "nl"}).content.decode()
    month = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
             "oktober", "november", "december"][overdue.due_on.month - 1]  # fmt: skip
    assert f"te laat sinds {overdue.due_on.day} {month}" in html
