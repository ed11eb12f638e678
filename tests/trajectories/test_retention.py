"""A year after the closure the texts of a trajectory are gone on their day; its numbers stay."""

import datetime

import pytest

from opvoedwijzer.core.models import Municipality
from opvoedwijzer.retention.run import purge_expired
from opvoedwijzer.taxonomy.models import Theme
from opvoedwijzer.trajectories import services
from opvoedwijzer.trajectories.models import Consultation, Trajectory
from opvoedwijzer.trajectories.selectors import goal_changes


@pytest.fixture
def closed_trajectory(sam, open_trajectory_for, days_ago):
    """Sam's trajectory with every kind of text, closed `closed` days ago."""

    def make(closed):
        trajectory = open_trajectory_for(sam, started_on=days_ago(closed + 40), themes=["sleep", "crying"])
        goal = services.add_goal(
            trajectory, text="Ze slaapt in haar eigen bed", score=2, date=days_ago(closed + 40)
        )
        services.add_hypothesis(
            trajectory, text="Het avondritueel is te kort", formed_on=days_ago(closed + 35)
        )
        services.update_plan(trajectory, "Een vast ritueel van een half uur.")
        services.add_network_member(trajectory, role="grootmoeder", how="past op vrijdag op")
        services.add_session(
            trajectory,
            sam,
            {
                "date": days_ago(closed + 20),
                "kind": "home_visit",
                "duration": "gt60",
                "notes": "Het ritueel loopt.",
                "scores": {goal.pk: 6},
            },
        )
        return services.close_trajectory(
            trajectory,
            date=days_ago(closed),
            outcome="goals_reached",
            scores={goal.pk: 9},
            evaluation="We slapen weer.",
        )

    return make


def texts_of(trajectory):
    trajectory.refresh_from_db()
    return {
        "request": trajectory.request,
        "plan": trajectory.plan,
        "evaluation": trajectory.evaluation,
        "notes": [s.notes for s in trajectory.sessions.all()],
        "hypotheses": [(h.text, h.support) for h in trajectory.hypotheses.all()],
        "goals": [g.text for g in trajectory.goals.all()],
        "network": [(m.role, m.how) for m in trajectory.network.all()],
    }


def numbers_of(trajectory):
    trajectory.refresh_from_db()
    return {
        "dates": (trajectory.started_on, trajectory.closed_on),
        "kind": trajectory.kind,
        "outcome": trajectory.outcome,
        "themes": sorted(t.code for t in trajectory.themes.all()),
        "sessions": [(s.date, s.kind, s.duration) for s in trajectory.sessions.all()],
        "changes": [(c.first, c.last) for c in goal_changes([trajectory])],
        "hypotheses": [h.status for h in trajectory.hypotheses.all()],
    }


def test_the_day_before_its_purge_day_a_trajectory_keeps_its_texts(closed_trajectory):
    trajectory = closed_trajectory(364)
    purge_expired()
    assert texts_of(trajectory)["request"].startswith("Onze zoon")
    assert texts_of(trajectory)["goals"] == ["Ze slaapt in haar eigen bed"]


def test_a_year_after_the_closure_the_texts_are_gone_and_the_numbers_stay(closed_trajectory, days_ago):
    trajectory = closed_trajectory(365)
    assert trajectory.texts_purge_on == days_ago(0)
    numbers = numbers_of(trajectory)

    counts = purge_expired()

    assert counts["trajectory texts removed"] == 1
    assert texts_of(trajectory) == {
        "request": "",
        "plan": "",
        "evaluation": "",
        "notes": [""],
        "hypotheses": [("", "")],
        "goals": ["Doel 1"],
        "network": [("", "")],
    }
    assert numbers_of(trajectory) == numbers
    assert numbers["changes"] == [(2, 9)] and numbers["outcome"] == "goals_reached"
    assert Trajectory.objects.get().texts_purged
    assert purge_expired()["trajectory texts removed"] == 0


def test_a_shorter_retention_moves_the_purge_day(closed_trajectory, settings, days_ago):
    settings.RETENTION_DAYS = {**settings.RETENTION_DAYS, "trajectory_texts": 30}
    trajectory = closed_trajectory(30)
    assert trajectory.texts_purge_on == days_ago(0)
    purge_expired()
    assert texts_of(trajectory)["plan"] == ""


def test_an_open_trajectory_keeps_its_texts_however_old(sam, open_trajectory_for, days_ago):
    trajectory = open_trajectory_for(sam, started_on=days_ago(800))
    purge_expired()
    assert texts_of(trajectory)["request"] != "" and trajectory.texts_purge_on is None


def test_a_consultations_texts_go_a_year_after_its_follow_up(sam, zuid, days_ago):
    consultation = services.record_consultation(
        sam,
        {
            "kind": "observation_visit",
            "professional_kind": "childcare",
            "date": days_ago(400),
            "duration": "gt60",
            "municipality": Municipality.objects.get(code="73022"),
            "themes": [Theme.objects.get(organisation=zuid, code="tantrums")],
            "question": "Een peuter die bijt.",
            "observed": "Bijten bij drukte aan de tafel.",
            "advice": "Kleinere groepjes aan tafel.",
            "follow_up_on": days_ago(366),
        },
    )
    assert consultation.texts_purge_on == days_ago(366) + datetime.timedelta(days=365)

    assert purge_expired()["consultation texts removed"] == 1

    consultation = Consultation.objects.get()
    assert (consultation.question, consultation.observed, consultation.advice) == ("", "", "")
    assert (consultation.kind, consultation.professional_kind, consultation.main_theme.code) == (
        "observation_visit",
        "childcare",
        "tantrums",
    )
