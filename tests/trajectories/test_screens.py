"""The counsellor's screens: the list, a new trajectory, the trajectory page and each action on it, the
consultations for professionals; who may see what."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.core.models import AuditAction, AuditEvent, Role
from opvoedwijzer.trajectories import services
from opvoedwijzer.trajectories.models import Consultation, Goal, Hypothesis, NetworkMember, Trajectory
from tests.factories import make_member

BASE = "/o/zuid-limburg/trajectories/"


def new_form(today, **overrides):
    data = {
        "kind": "short",
        "asker_role": "mother",
        "municipality": "71053",
        "life_stages": ["primary"],
        "main_theme": "bullying",
        "themes": ["sleep"],
        "request": "Onze zoon wil 's morgens niet naar school.",
        "started_on": today.isoformat(),
    }
    data.update(overrides)
    return data


@pytest.fixture
def traj(sam, open_trajectory_for, days_ago):
    return open_trajectory_for(sam, started_on=days_ago(20))


@pytest.fixture
def with_goals(traj, days_ago):
    first = services.add_goal(traj, text="Rustig ontbijten", score=3, date=days_ago(20))
    second = services.add_goal(traj, text="Zelf naar de bus", score=2, date=days_ago(20))
    return traj, first, second


def page_of(trajectory):
    return f"{BASE}{trajectory.pk}/"


# The list


def test_the_list_shows_my_trajectories_open_first_with_their_numbers(
    sam, client_for, traj, open_trajectory_for
):
    closed = open_trajectory_for(sam, themes=["sleep"])
    services.close_trajectory(closed, date=closed.started_on, outcome="moved")
    services.add_session(
        traj,
        sam,
        {"date": traj.started_on, "kind": "phone", "duration": "5to15", "notes": "", "scores": {}},
    )
    page = client_for(sam).get(BASE)
    assert page.status_code == 200
    rows = list(page.context["trajectories"])
    assert rows == [traj, closed]
    assert rows[0].session_count == 1 and rows[0].last_session == traj.started_on
    html = page.content.decode()
    assert traj.code in html and f'href="{page_of(traj)}"' in html


def test_staff_see_only_what_they_counsel_and_a_coordinator_sees_all(
    sam, ilse, client_for, open_trajectory_for
):
    ilses = open_trajectory_for(ilse)
    sams = open_trajectory_for(sam)
    assert list(client_for(sam).get(BASE).context["trajectories"]) == [sams]
    assert set(client_for(ilse).get(BASE).context["trajectories"]) == {ilses, sams}


def test_the_menu_has_trajectories_for_staff_and_coordinators_only(sam, vera, fons, client_for):
    assert "Trajecten" in client_for(sam).get("/o/zuid-limburg/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert BASE not in client_for(vera).get("/o/zuid-limburg/").content.decode()


@pytest.mark.parametrize("who", ["vera", "fons"])
def test_volunteers_and_funders_get_403_on_the_whole_section(who, request, client_for, traj):
    client = client_for(request.getfixturevalue(who))
    for url in (BASE, f"{BASE}new/", page_of(traj), f"{BASE}consultations/", f"{BASE}consultations/new/"):
        assert client.get(url).status_code == 403, url
    assert client.post(f"{BASE}{traj.pk}/goals/", {"goal-text": "x", "goal-score": "3"}).status_code == 403
    assert not Goal.objects.exists()


# A new trajectory


def test_a_new_trajectory_opens_on_its_page_with_its_code_large(sam, client_for, today):
    client = client_for(sam)
    response = client.post(f"{BASE}new/", new_form(today))
    trajectory = Trajectory.objects.get()
    assert response.status_code == 302 and response["Location"] == page_of(trajectory)
    assert trajectory.main_theme.code == "bullying"
    assert {t.code for t in trajectory.themes.all()} == {"bullying", "sleep"}
    assert list(trajectory.counsellors.all()) == [sam.user]
    assert trajectory.municipality.code == "71053" and trajectory.started_on == today
    page = client.get(response["Location"]).content.decode()
    assert "trajectory-code--large" in page and trajectory.code in page


def test_a_new_trajectory_with_errors_comes_back_with_what_was_typed(sam, client_for, today):
    page = client_for(sam).post(f"{BASE}new/", new_form(today, main_theme="", started_on="2999-01-01"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "error-summary" in html and "Onze zoon wil" in html
    assert not Trajectory.objects.exists()


def test_a_request_with_an_email_address_is_refused_until_replaced(sam, client_for, today):
    client = client_for(sam)
    data = new_form(today, request="Mail de mama op an.peeters@example.com")
    html = client.post(f"{BASE}new/", data).content.decode()
    assert 'name="request_pii_redact"' in html and not Trajectory.objects.exists()
    client.post(f"{BASE}new/", dict(data, request_pii_redact="1"))
    assert "example.com" not in Trajectory.objects.get().request


# The trajectory page


def test_opening_the_page_writes_one_audit_row_with_the_code(sam, client_for, traj):
    client_for(sam).get(page_of(traj))
    event = AuditEvent.objects.get(action=AuditAction.TRAJECTORY_OPENED)
    assert event.actor == sam.user and event.organisation == sam.organisation
    assert traj.code in str(event.detail)


def test_the_page_shows_goals_as_a_chart_and_a_table_of_the_same_numbers(
    sam, client_for, with_goals, days_ago
):
    traj, first, second = with_goals
    data = {"date": days_ago(10), "kind": "conversation", "duration": "30to60", "notes": ""}
    services.add_session(traj, sam, dict(data, scores={first.pk: 6, second.pk: 4}))
    page = client_for(sam).get(page_of(traj))
    html = page.content.decode()
    assert "<svg" in html and html.count("<polyline") == 2
    rows = page.context["score_rows"]
    assert [(r["first"], r["last"], r["change"]) for r in rows] == [(3, 6, 3), (2, 4, 2)]
    assert "Rustig ontbijten" in html and "+3" in html


def test_the_chart_gives_each_session_of_one_day_its_own_point_and_numbers_with_a_dot_in_dutch(
    sam, client_for, with_goals, today
):
    traj, first, _second = with_goals
    for score in (4, 5):
        data = {"date": today, "kind": "phone", "duration": "5to15", "notes": ""}
        services.add_session(traj, sam, dict(data, scores={first.pk: score}))
    page = client_for(sam).get(page_of(traj), HTTP_ACCEPT_LANGUAGE="nl")
    assert [r["scores"] for r in page.context["score_rows"]] == [[3, 4, 5], [2, None, None]]
    html = page.content.decode()
    assert 'lang="nl"' in html and 'cx="' in html
    assert not re.search(r'(cx|cy|y1|y2|x1|x2|x|y)="[0-9]+,[0-9]', html)  # SVG wants 12.5, not 12,5


def test_the_page_costs_a_fixed_number_of_queries(
    sam, client_for, with_goals, days_ago, django_assert_max_num_queries
):
    traj, first, second = with_goals
    for n in range(3):
        data = {"date": days_ago(10 - n), "kind": "phone", "duration": "5to15", "notes": "kort"}
        services.add_session(traj, sam, dict(data, scores={first.pk: 4 + n, second.pk: 3 + n}))
        services.add_hypothesis(traj, text=f"Hypothese {n}")
        services.add_network_member(traj, role="grootmoeder", how="haalt op")
    client = client_for(sam)
    client.get(page_of(traj))  # warm the term cache
    # Session, user, membership, the menu's check, the trajectory and its six prefetches, goals and
    # scores, which sessions sam may still correct, the audit row (in a savepoint): the same with 1 or
    # 30 sessions.
    with django_assert_max_num_queries(17):
        assert client.get(page_of(traj)).status_code == 200


def test_a_colleague_who_does_not_counsel_it_gets_404_and_a_coordinator_sees_it(
    sam, ilse, zuid, client_for, open_trajectory_for
):
    ilses = open_trajectory_for(ilse)
    assert client_for(sam).get(page_of(ilses)).status_code == 404
    assert client_for(sam).post(f"{BASE}{ilses.pk}/plan/", {"plan-plan": "x"}).status_code == 404
    other = make_member(zuid, "kim@zuid.test", Role.STAFF)
    assert client_for(other).get(page_of(ilses)).status_code == 404
    assert client_for(ilse).get(page_of(open_trajectory_for(sam))).status_code == 200


def test_another_organisation_gets_404(noor, client_for, traj):
    client = client_for(noor)
    assert client.get(f"/o/noord-limburg/trajectories/{traj.pk}/").status_code == 404
    assert client.get(page_of(traj)).status_code == 404


# Each action on the page


def test_add_a_goal_with_its_start_score(sam, client_for, traj, today):
    response = client_for(sam).post(
        f"{BASE}{traj.pk}/goals/", {"goal-text": "Rustig slapen", "goal-score": "4"}
    )
    assert response.status_code == 302 and response["Location"].endswith("#goals")
    goal = Goal.objects.get()
    assert goal.text == "Rustig slapen" and [(s.score, s.date) for s in goal.scores.all()] == [(4, today)]


def test_a_goal_with_a_score_of_eleven_comes_back_with_its_error_and_text(sam, client_for, traj):
    page = client_for(sam).post(f"{BASE}{traj.pk}/goals/", {"goal-text": "Rustig slapen", "goal-score": "11"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "error-summary" in html and "Rustig slapen" in html
    assert len(page.context["goal_form"].errors["score"]) == 1  # said once
    assert not Goal.objects.exists()


def test_add_a_session_registers_one_contact_and_the_scores(sam, client_for, with_goals, today):
    traj, first, second = with_goals
    data = {
        "session-date": today.isoformat(),
        "session-kind": "home_visit",
        "session-duration": "30to60",
        "session-notes": "Ochtendritueel besproken.",
        f"session-score_{first.pk}": "5",
        f"session-score_{second.pk}": "",
    }
    response = client_for(sam).post(f"{BASE}{traj.pk}/sessions/", data)
    assert response.status_code == 302
    session = traj.sessions.get()
    assert (session.kind, session.duration, session.notes) == (
        "home_visit",
        "30to60",
        "Ochtendritueel besproken.",
    )
    assert Contact.objects.get() == session.contact
    page = client_for(sam).get(page_of(traj)).content.decode()
    assert f"/o/zuid-limburg/map/refer/{session.contact_id}/" in page  # a warm referral, one click away
    assert [s.score for s in first.scores.all()] == [3, 5] and second.scores.count() == 1


def test_a_session_with_errors_comes_back_open_with_what_was_typed(sam, client_for, with_goals):
    traj, _first, _second = with_goals
    data = {
        "session-date": "",
        "session-kind": "phone",
        "session-duration": "5to15",
        "session-notes": "Kort gebeld",
    }
    page = client_for(sam).post(f"{BASE}{traj.pk}/sessions/", data)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Kort gebeld" in html and "error-summary" in html
    assert not traj.sessions.exists() and not Contact.objects.exists()


def test_a_session_note_with_a_phone_number_is_caught(sam, client_for, traj, today):
    data = {
        "session-date": today.isoformat(),
        "session-kind": "phone",
        "session-duration": "5to15",
        "session-notes": "Terugbellen op 0470 12 34 56",
    }
    page = client_for(sam).post(f"{BASE}{traj.pk}/sessions/", data)
    # The guard's own fields are named without the form's prefix (privacy/pii_actions.html).
    assert page.status_code == 200 and 'name="notes_pii_redact"' in page.content.decode()
    assert not traj.sessions.exists()
    client_for(sam).post(f"{BASE}{traj.pk}/sessions/", dict(data, notes_pii_redact="1"))
    assert "0470" not in traj.sessions.get().notes


def test_add_and_confirm_a_hypothesis(sam, client_for, traj):
    client = client_for(sam)
    client.post(f"{BASE}{traj.pk}/hypotheses/", {"hypothesis-text": "Spanning bij de overgang naar school"})
    hypothesis = Hypothesis.objects.get()
    assert hypothesis.status == "open"
    url = f"{BASE}{traj.pk}/hypotheses/{hypothesis.pk}/"
    response = client.post(
        url, {f"h{hypothesis.pk}-status": "confirmed", f"h{hypothesis.pk}-support": "Na de vakantie erger"}
    )
    assert response.status_code == 302
    hypothesis.refresh_from_db()
    assert (hypothesis.status, hypothesis.support) == ("confirmed", "Na de vakantie erger")


def test_a_bad_hypothesis_update_comes_back_with_its_error(sam, client_for, traj):
    hypothesis = services.add_hypothesis(traj, text="Te weinig slaap")
    page = client_for(sam).post(
        f"{BASE}{traj.pk}/hypotheses/{hypothesis.pk}/",
        {f"h{hypothesis.pk}-status": "maybe", f"h{hypothesis.pk}-support": "iets"},
    )
    assert page.status_code == 200 and "error-summary" in page.content.decode()
    hypothesis.refresh_from_db()
    assert hypothesis.status == "open"


def test_another_trajectorys_hypothesis_is_not_found(sam, client_for, traj, open_trajectory_for):
    other = services.add_hypothesis(open_trajectory_for(sam), text="Elders")
    response = client_for(sam).post(
        f"{BASE}{traj.pk}/hypotheses/{other.pk}/", {f"h{other.pk}-status": "rejected"}
    )
    assert response.status_code == 404


def test_update_the_plan(sam, client_for, traj):
    response = client_for(sam).post(
        f"{BASE}{traj.pk}/plan/", {"plan-plan": "Drie gesprekken, dan evalueren."}
    )
    assert response.status_code == 302
    traj.refresh_from_db()
    assert traj.plan == "Drie gesprekken, dan evalueren."


def test_the_plan_only_takes_a_post(sam, client_for, traj):
    assert client_for(sam).get(f"{BASE}{traj.pk}/plan/").status_code == 405


def test_add_and_remove_a_network_member(sam, client_for, traj):
    client = client_for(sam)
    client.post(
        f"{BASE}{traj.pk}/network/", {"network-role": "grootmoeder", "network-how": "haalt op woensdag"}
    )
    member = NetworkMember.objects.get()
    assert (member.role, member.how) == ("grootmoeder", "haalt op woensdag")
    assert "grootmoeder" in client.get(page_of(traj)).content.decode()
    client.post(f"{BASE}{traj.pk}/network/{member.pk}/remove/")
    assert not NetworkMember.objects.exists()


def test_a_network_member_without_a_role_comes_back_with_its_error(sam, client_for, traj):
    page = client_for(sam).post(f"{BASE}{traj.pk}/network/", {"network-role": "", "network-how": "helpt"})
    assert page.status_code == 200 and "helpt" in page.content.decode()
    assert not NetworkMember.objects.exists()


def test_close_with_final_scores_and_the_evaluation(sam, client_for, with_goals, today):
    traj, first, second = with_goals
    data = {
        "close-date": today.isoformat(),
        "close-outcome": "goals_reached",
        f"close-score_{first.pk}": "8",
        f"close-score_{second.pk}": "9",
        "close-evaluation": "Het gaat veel beter.",
    }
    client = client_for(sam)
    assert client.post(f"{BASE}{traj.pk}/close/", data).status_code == 302
    traj.refresh_from_db()
    assert (traj.closed_on, traj.outcome, traj.evaluation) == (today, "goals_reached", "Het gaat veel beter.")
    assert [s.score for s in first.scores.all()] == [3, 8]
    page = client.get(page_of(traj)).content.decode()
    assert "Het gaat veel beter." in page and 'action="' + f"{BASE}{traj.pk}/close/" not in page
    # Closed: nothing more is added, a second closing changes nothing.
    client.post(f"{BASE}{traj.pk}/goals/", {"goal-text": "Nog een", "goal-score": "3"})
    assert traj.goals.count() == 2
    client.post(f"{BASE}{traj.pk}/close/", dict(data, **{"close-outcome": "moved"}))
    traj.refresh_from_db()
    assert traj.outcome == "goals_reached"


def test_closing_before_the_start_comes_back_with_its_error(sam, client_for, traj):
    before = (traj.started_on - datetime.timedelta(days=1)).isoformat()
    page = client_for(sam).post(f"{BASE}{traj.pk}/close/", {"close-date": before, "close-outcome": "moved"})
    assert page.status_code == 200 and "error-summary" in page.content.decode()
    traj.refresh_from_db()
    assert traj.is_open


# Consultations for professionals


def consultation_form(today, **overrides):
    data = {
        "kind": "observation_visit",
        "professional_kind": "childcare",
        "date": today.isoformat(),
        "duration": "30to60",
        "municipality": "71017",
        "life_stages": ["toddler"],
        "main_theme": "bullying",
        "themes": [],
        "question": "Een peuter bijt andere kinderen.",
        "observed": "Bijten bij drukte aan tafel.",
        "advice": "Rustige hoek, vaste begeleider.",
        "follow_up_on": "",
    }
    data.update(overrides)
    return data


def test_record_an_observation_visit_and_see_it_listed(sam, client_for, today):
    client = client_for(sam)
    response = client.post(f"{BASE}consultations/new/", consultation_form(today))
    consultation = Consultation.objects.get()
    assert response["Location"] == f"{BASE}consultations/{consultation.pk}/"
    assert consultation.contact is not None and consultation.counsellor == sam.user
    assert "Rustige hoek" in client.get(response["Location"]).content.decode()
    listing = client.get(f"{BASE}consultations/")
    assert list(listing.context["consultations"]) == [consultation]
    assert list(client.get(BASE).context["consultations"]) == [consultation]


def test_a_consultation_with_errors_comes_back_with_what_was_typed(sam, client_for, today):
    page = client_for(sam).post(f"{BASE}consultations/new/", consultation_form(today, professional_kind=""))
    assert page.status_code == 200 and "Een peuter bijt" in page.content.decode()
    assert not Consultation.objects.exists()


def test_a_consultation_is_seen_by_its_counsellor_and_coordinators_only(
    sam, ilse, noor, zuid, client_for, today
):
    client_for(sam).post(f"{BASE}consultations/new/", consultation_form(today))
    url = f"{BASE}consultations/{Consultation.objects.get().pk}/"
    assert client_for(ilse).get(url).status_code == 200
    assert client_for(make_member(zuid, "kim@zuid.test", Role.STAFF)).get(url).status_code == 404
    assert client_for(noor).get(url).status_code == 404


def test_the_list_costs_the_same_queries_for_one_trajectory_or_ten(ilse, client_for, open_trajectory_for):
    client = client_for(ilse)

    def queries_of_the_list():
        client.get(BASE)  # warm the term cache
        with CaptureQueriesContext(connection) as captured:
            assert client.get(BASE).status_code == 200
        return len(captured)

    open_trajectory_for(ilse)
    one = queries_of_the_list()
    for _n in range(9):
        open_trajectory_for(ilse, themes=["sleep"])
    assert queries_of_the_list() == one


def test_every_opening_writes_an_audit_row_the_second_and_a_coordinators_too(sam, ilse, client_for, traj):
    client_for(sam).get(page_of(traj))
    client_for(sam).get(page_of(traj))
    client_for(ilse).get(page_of(traj))
    events = AuditEvent.objects.filter(action=AuditAction.TRAJECTORY_OPENED).order_by("id")
    assert [(e.actor, e.detail) for e in events] == [
        (sam.user, {"code": traj.code}),
        (sam.user, {"code": traj.code}),
        (ilse.user, {"code": traj.code}),
    ]
