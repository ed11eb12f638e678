"""Hypotheses, goals and the follow-up of a consultation or observation visit; who gave a score; a
counsellor corrects a session or a goal's wording, or deletes a session made by mistake."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from opvoedwijzer.contacts import rollup
from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.core.models import Municipality, Role
from opvoedwijzer.retention.run import purge_expired
from opvoedwijzer.taxonomy.models import Theme
from opvoedwijzer.trajectories import services
from opvoedwijzer.trajectories.models import Consultation, Goal, GoalScore, Hypothesis, TrajectorySession
from opvoedwijzer.trajectories.selectors import suggestion_examples, trajectory_numbers
from tests.factories import make_member

BASE = "/o/zuid-limburg/trajectories/"


@pytest.fixture
def consultation_by(zuid, days_ago):
    """`consultation_by(sam, days=3)`: an observation visit in childcare, held `days` ago."""

    def make(membership, days=3, follow_up_on=None):
        return services.record_consultation(
            membership,
            {
                "kind": "observation_visit",
                "professional_kind": "childcare",
                "date": days_ago(days),
                "duration": "gt60",
                "municipality": Municipality.objects.get(code="71053"),
                "themes": [Theme.objects.get(organisation=zuid, code="tantrums")],
                "question": "Een peuter die bijt.",
                "observed": "Bijten bij drukte aan de tafel.",
                "advice": "Kleinere groepjes aan tafel.",
                "follow_up_on": follow_up_on,
            },
        )

    return make


@pytest.fixture
def traj(sam, open_trajectory_for, days_ago):
    return open_trajectory_for(sam, started_on=days_ago(20))


def page_of(consultation):
    return f"{BASE}consultations/{consultation.pk}/"


# Hypotheses and goals of a consultation


def test_a_consultation_forms_and_tests_hypotheses_and_agrees_goals(sam, consultation_by, days_ago):
    visit = consultation_by(sam)
    hypothesis = services.add_hypothesis(visit, text="Te veel kinderen tegelijk aan tafel")
    services.update_hypothesis(hypothesis, status="confirmed", support="Rustiger in kleine groepjes.")
    goal = services.add_goal(visit, text="Rustig eten in kleine groepjes", score=3, date=days_ago(3))

    hypothesis.refresh_from_db()
    assert (hypothesis.consultation, hypothesis.trajectory, hypothesis.status) == (visit, None, "confirmed")
    assert (goal.consultation, goal.trajectory, goal.position) == (visit, None, 1)
    assert list(visit.goals.get().scores.values_list("score", "by_parent")) == [(3, True)]


def test_a_hypothesis_or_goal_has_exactly_one_owner(traj, consultation_by, sam, today):
    visit = consultation_by(sam)
    for model, fields in ((Hypothesis, {"formed_on": today}), (Goal, {})):
        with pytest.raises(IntegrityError), transaction.atomic():
            model.objects.create(trajectory=traj, consultation=visit, text="x", **fields)
        with pytest.raises(IntegrityError), transaction.atomic():
            model.objects.create(text="x", **fields)


def test_a_consultations_goals_do_not_count_as_trajectory_goals(zuid, sam, traj, consultation_by, days_ago):
    services.add_goal(traj, text="Rustig ontbijten", score=3, date=days_ago(20))
    visit = consultation_by(sam)
    before = trajectory_numbers(zuid, days_ago(30), days_ago(0))
    services.add_goal(visit, text="Rustig eten", score=3, date=days_ago(3))
    services.record_follow_up(visit, {"held_on": days_ago(1), "notes": "Beter.", "scores": {}})
    assert trajectory_numbers(zuid, days_ago(30), days_ago(0)) == before
    assert before["goals"] == 1 and before["consultations_total"] == 1


def test_sam_adds_a_hypothesis_and_a_goal_on_the_consultation_page(sam, client_for, consultation_by):
    visit = consultation_by(sam)
    client = client_for(sam)
    response = client.post(f"{page_of(visit)}hypotheses/", {"hypothesis-text": "Te druk aan tafel"})
    assert response["Location"] == f"{page_of(visit)}#hypotheses"
    hypothesis = visit.hypotheses.get()
    client.post(f"{page_of(visit)}hypotheses/{hypothesis.pk}/", {f"h{hypothesis.pk}-status": "rejected"})
    response = client.post(
        f"{page_of(visit)}goals/",
        {"goal-text": "Rustig eten", "goal-score": "4", "goal-scored_by": "counsellor"},
    )
    assert response["Location"] == f"{page_of(visit)}#goals"
    hypothesis.refresh_from_db()
    assert hypothesis.status == "rejected"
    assert list(GoalScore.objects.values_list("goal__consultation", "score", "by_parent")) == [
        (visit.pk, 4, False)
    ]
    page = client.get(page_of(visit)).content.decode()
    assert "Te druk aan tafel" in page and "Rustig eten" in page and "score-estimate" in page


def test_a_goal_off_the_scale_comes_back_with_what_was_typed(sam, client_for, consultation_by):
    visit = consultation_by(sam)
    page = client_for(sam).post(f"{page_of(visit)}goals/", {"goal-text": "Rustig eten", "goal-score": "11"})
    assert page.status_code == 200 and "error-summary" in page.content.decode()
    assert "Rustig eten" in page.content.decode() and not Goal.objects.exists()


# The follow-up


def test_sam_records_what_came_of_the_follow_up(sam, client_for, consultation_by, days_ago, today):
    visit = consultation_by(sam, days=30, follow_up_on=days_ago(2))
    goal = services.add_goal(visit, text="Rustig eten", score=3, date=days_ago(30))
    response = client_for(sam).post(
        f"{page_of(visit)}follow-up/",
        {
            "follow_up-held_on": today.isoformat(),
            "follow_up-notes": "Het bijten is bijna weg.",
            "follow_up-advice": "Zo doorgaan.",
            f"follow_up-score_{goal.pk}": "8",
        },
    )
    assert response["Location"] == f"{page_of(visit)}#follow-up"
    visit.refresh_from_db()
    assert (visit.follow_up_held_on, visit.follow_up_notes, visit.follow_up_advice) == (
        today,
        "Het bijten is bijna weg.",
        "Zo doorgaan.",
    )
    assert visit.texts_purge_on == today + datetime.timedelta(days=365)
    assert list(goal.scores.values_list("score", "by_parent")) == [(3, True), (8, True)]
    assert "Het bijten is bijna weg." in client_for(sam).get(page_of(visit)).content.decode()


def test_a_follow_up_with_a_phone_number_or_before_the_visit_comes_back(
    sam, client_for, consultation_by, days_ago
):
    visit = consultation_by(sam, days=3)
    data = {"follow_up-held_on": days_ago(1).isoformat(), "follow_up-notes": "Bel juf op 0470 12 34 56"}
    page = client_for(sam).post(f"{page_of(visit)}follow-up/", data)
    assert page.status_code == 200 and 'name="notes_pii_redact"' in page.content.decode()
    early = dict(data, **{"follow_up-held_on": days_ago(4).isoformat(), "follow_up-notes": "Rustig."})
    page = client_for(sam).post(f"{page_of(visit)}follow-up/", early)
    assert page.status_code == 200 and "error-summary" in page.content.decode()
    visit.refresh_from_db()
    assert visit.follow_up_held_on is None and visit.follow_up_notes == ""


def test_only_its_counsellor_and_coordinators_record_the_follow_up(
    sam, ilse, vera, zuid, client_for, consultation_by, today
):
    visit = consultation_by(sam)
    data = {"follow_up-held_on": today.isoformat(), "follow_up-notes": "Rustiger."}
    colleague = make_member(zuid, "kim@zuid.test", Role.STAFF)
    assert client_for(colleague).post(f"{page_of(visit)}follow-up/", data).status_code == 404
    assert client_for(vera).post(f"{page_of(visit)}follow-up/", data).status_code == 403
    assert client_for(ilse).post(f"{page_of(visit)}follow-up/", data).status_code == 302
    assert Consultation.objects.get().follow_up_notes == "Rustiger."


def test_a_consultations_hypotheses_goals_and_follow_up_go_with_its_texts(sam, consultation_by, days_ago):
    visit = consultation_by(sam, days=400)
    services.add_hypothesis(visit, text="Te druk aan tafel", support="Gezien op de middag.")
    services.add_goal(visit, text="Rustig eten", score=3, date=days_ago(400))
    services.record_follow_up(
        visit, {"held_on": days_ago(380), "notes": "Beter.", "advice": "Zo doorgaan.", "scores": {}}
    )
    assert purge_expired()["consultation texts removed"] == 1
    visit.refresh_from_db()
    assert (visit.follow_up_notes, visit.follow_up_advice, visit.follow_up_held_on) == ("", "", days_ago(380))
    assert list(Hypothesis.objects.values_list("text", "support")) == [("", "")]
    assert Goal.objects.get().text == "Doel 1" and GoalScore.objects.get().score == 3


# Who gave a score


def test_scores_are_the_parents_own_unless_the_counsellor_estimated_them(sam, client_for, traj, today):
    client = client_for(sam)
    client.post(f"{BASE}{traj.pk}/goals/", {"goal-text": "Rustig ontbijten", "goal-score": "3"})
    goal = traj.goals.get()
    client.post(
        f"{BASE}{traj.pk}/sessions/",
        {
            "session-date": today.isoformat(),
            "session-kind": "phone",
            "session-duration": "5to15",
            f"session-score_{goal.pk}": "5",
            "session-scored_by": "counsellor",
        },
    )
    client.post(
        f"{BASE}{traj.pk}/close/",
        {"close-date": today.isoformat(), "close-outcome": "goals_reached", f"close-score_{goal.pk}": "9"},
    )
    assert list(goal.scores.values_list("score", "by_parent")) == [(3, True), (5, False), (9, True)]
    page = client.get(f"{BASE}{traj.pk}/")
    assert [row["cells"] for row in page.context["score_rows"]] == [[(3, False), (5, True), (9, False)]]
    html = page.content.decode()
    assert html.count('class="score-estimate"') == 1 and 'id="scores-legend"' in html


def test_the_legend_of_the_star_is_shown_only_when_a_score_is_an_estimate(sam, client_for, traj):
    services.add_goal(traj, text="Rustig ontbijten", score=3)  # the parent's own

    html = client_for(sam).get(f"{BASE}{traj.pk}/").content.decode()

    assert 'class="score-estimate"' not in html and 'id="scores-legend"' not in html


def test_the_session_and_close_forms_ask_who_gave_the_score(sam, client_for, traj):
    services.add_goal(traj, text="Rustig ontbijten", score=3)
    html = client_for(sam).get(f"{BASE}{traj.pk}/").content.decode()
    for prefix in ("goal", "session", "close"):
        assert f'name="{prefix}-scored_by" value="parent"' in html
        assert f'name="{prefix}-scored_by" value="counsellor"' in html


# Correcting mistakes


def session_of(traj, sam, days_ago, **overrides):
    data = {"date": days_ago(2), "kind": "phone", "duration": "5to15", "notes": "Kort gebeld."}
    return services.add_session(traj, sam, data | overrides)


def test_sam_corrects_a_session_and_its_contact_follows(sam, zuid, client_for, traj, days_ago):
    goal = services.add_goal(traj, text="Rustig ontbijten", score=3, date=days_ago(20))
    session = session_of(traj, sam, days_ago, scores={goal.pk: 5})
    response = client_for(sam).post(
        f"{BASE}{traj.pk}/sessions/{session.pk}/",
        {
            f"s{session.pk}-date": days_ago(3).isoformat(),
            f"s{session.pk}-kind": "home_visit",
            f"s{session.pk}-duration": "gt60",
            f"s{session.pk}-notes": "Op huisbezoek.",
        },
    )
    assert response["Location"] == f"{BASE}{traj.pk}/#sessions"
    session.refresh_from_db()
    assert (session.date, session.kind, session.duration, session.notes) == (
        days_ago(3),
        "home_visit",
        "gt60",
        "Op huisbezoek.",
    )
    contact = Contact.objects.get()
    assert (contact.date, contact.channel.code, contact.duration) == (days_ago(3), "home_visit", "gt60")
    assert rollup.check(zuid) == {}, "the report counts stay exact"
    assert list(session.scores.values_list("date", "score")) == [(days_ago(3), 5)]


def test_a_correction_with_errors_comes_back_with_what_was_typed(sam, client_for, traj, days_ago):
    session = session_of(traj, sam, days_ago)
    data = {f"s{session.pk}-date": "", f"s{session.pk}-kind": "phone", f"s{session.pk}-duration": "5to15"}
    data[f"s{session.pk}-notes"] = "Nog eens gebeld."
    page = client_for(sam).post(f"{BASE}{traj.pk}/sessions/{session.pk}/", data)
    assert page.status_code == 200 and "Nog eens gebeld." in page.content.decode()
    assert TrajectorySession.objects.get().notes == "Kort gebeld."


def test_sam_deletes_a_session_made_by_mistake_and_its_contact_goes_too(
    sam, zuid, client_for, traj, days_ago
):
    goal = services.add_goal(traj, text="Rustig ontbijten", score=3, date=days_ago(20))
    session = session_of(traj, sam, days_ago, scores={goal.pk: 5})
    response = client_for(sam).post(f"{BASE}{traj.pk}/sessions/{session.pk}/delete/")
    assert response["Location"] == f"{BASE}{traj.pk}/#sessions"
    assert not TrajectorySession.objects.exists() and not Contact.objects.exists()
    assert list(goal.scores.values_list("score", flat=True)) == [3]
    assert rollup.check(zuid) == {}, "the report counts stay exact"


def test_after_the_edit_window_only_a_coordinator_corrects_a_session(
    sam, ilse, client_for, traj, days_ago, settings
):
    session = session_of(traj, sam, days_ago)
    Contact.objects.update(registered_on=days_ago(settings.CONTACT_EDIT_DAYS + 1))
    page = client_for(sam).get(f"{BASE}{traj.pk}/").content.decode()
    assert f"/sessions/{session.pk}/delete/" not in page
    assert client_for(sam).post(f"{BASE}{traj.pk}/sessions/{session.pk}/delete/").status_code == 403
    traj.counsellors.add(ilse.user)
    assert f"/sessions/{session.pk}/delete/" in client_for(ilse).get(f"{BASE}{traj.pk}/").content.decode()
    assert client_for(ilse).post(f"{BASE}{traj.pk}/sessions/{session.pk}/delete/").status_code == 302
    assert not TrajectorySession.objects.exists()


def test_another_counsellors_session_is_not_sams_to_correct(sam, ilse, client_for, traj, days_ago):
    traj.counsellors.add(ilse.user)
    session = session_of(traj, ilse, days_ago)
    assert client_for(sam).post(f"{BASE}{traj.pk}/sessions/{session.pk}/delete/").status_code == 403
    assert TrajectorySession.objects.exists()


def test_sam_corrects_a_goals_wording(sam, client_for, traj):
    goal = services.add_goal(traj, text="Rustig ontbjten", score=3)
    response = client_for(sam).post(
        f"{BASE}{traj.pk}/goals/{goal.pk}/", {f"g{goal.pk}-text": "Rustig ontbijten"}
    )
    assert response["Location"] == f"{BASE}{traj.pk}/#goals"
    goal.refresh_from_db()
    assert goal.text == "Rustig ontbijten" and goal.scores.count() == 1


# For issue 20


def test_the_request_field_asks_for_theme_suggestions(sam, client_for):
    assert "data-suggest-themes" in client_for(sam).get(f"{BASE}new/").content.decode()


def test_suggestion_examples_are_each_trajectorys_request_with_its_themes_main_first(
    zuid, noord, noor, sam, open_trajectory_for, django_assert_num_queries
):
    open_trajectory_for(sam, themes=["sleep", "bullying", "anxiety"], request="Ze slaapt slecht.")
    open_trajectory_for(sam, themes=["bullying"], request="")
    open_trajectory_for(noor, themes=["sleep"], request="Elders.", municipality="unknown")
    with django_assert_num_queries(1):
        examples = list(suggestion_examples(zuid))
    assert examples == [("Ze slaapt slecht.", ["sleep", "anxiety", "bullying"])]
