"""A counsellor runs a trajectory from the first call to closure; each session counts once as a contact."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError

from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.core.models import AuditAction, AuditEvent, Municipality
from opvoedwijzer.privacy.audit import PIIConfirmation
from opvoedwijzer.taxonomy.models import Theme
from opvoedwijzer.trajectories import services
from opvoedwijzer.trajectories.models import CODE_ALPHABET, Consultation, GoalScore, Trajectory
from opvoedwijzer.trajectories.selectors import goal_changes


def test_sam_runs_a_trajectory_from_the_first_call_to_closure(sam, open_trajectory_for, days_ago):
    trajectory = open_trajectory_for(sam, started_on=days_ago(60), themes=["bullying", "anxiety"])
    assert re.fullmatch(f"TR-[{CODE_ALPHABET}]{{4}}", trajectory.code)
    assert trajectory.is_open and trajectory.main_theme.code == "bullying"
    assert list(trajectory.counsellors.all()) == [sam.user]

    going = services.add_goal(trajectory, text="Hij gaat elke dag naar school", score=2, date=days_ago(60))
    sleeping = services.add_goal(trajectory, text="Hij slaapt door", score=4, date=days_ago(60))
    services.add_hypothesis(trajectory, text="De angst zit in de speeltijd", formed_on=days_ago(55))
    services.update_plan(trajectory, "Elke week een gesprek; de klasleerkracht betrekken.")
    services.add_network_member(trajectory, role="grootmoeder", how="brengt hem op woensdag naar school")
    data = {"date": days_ago(30), "kind": "conversation", "duration": "30to60", "notes": "Gaat beter."}
    services.add_session(trajectory, sam, data | {"scores": {going.pk: 5, sleeping.pk: 5}})

    services.close_trajectory(
        trajectory, date=days_ago(1), outcome="goals_reached", scores={going.pk: 9, str(sleeping.pk): 6}
    )

    trajectory.refresh_from_db()
    assert not trajectory.is_open and trajectory.outcome == "goals_reached"
    assert trajectory.texts_purge_on == days_ago(1) + datetime.timedelta(days=365)
    assert [(c.first, c.last, c.change) for c in goal_changes([trajectory])] == [(2, 9, 7), (4, 6, 2)]


def test_a_session_is_counted_once_as_a_contact_with_the_trajectorys_terms(
    sam, open_trajectory_for, days_ago
):
    trajectory = open_trajectory_for(sam, kind="bridging", themes=["anxiety", "sleep"], asker_role="father")
    data = {"date": days_ago(2), "kind": "home_visit", "duration": "gt60", "notes": "Rustig gesprek."}

    session = services.add_session(trajectory, sam, data)

    contact = Contact.objects.with_details().get()
    assert session.contact == contact and contact.author == sam.user
    assert contact.channel.code == "home_visit" and contact.duration == "gt60"
    assert [t.code for t in contact.themes_in_order()] == ["anxiety", "sleep"]
    assert [o.code for o in contact.offers.all()] == ["bridging"]
    assert contact.asker_role.code == "father" and contact.municipality.code == "71053"
    assert contact.request_kind == "parenting" and contact.note == ""
    assert [s.code for s in contact.life_stages.all()] == ["primary"]


@pytest.mark.parametrize(
    ("kind", "channel"),
    [("conversation", "in_person"), ("phone", "phone"), ("video", "video"), ("observation", "in_person")],
)
def test_each_kind_of_session_is_registered_through_its_channel(
    sam, open_trajectory_for, today, kind, channel
):
    trajectory = open_trajectory_for(sam, kind="advice_series")
    services.add_session(trajectory, sam, {"date": today, "kind": kind, "duration": "15to30"})
    contact = Contact.objects.get()
    assert contact.channel.code == channel
    assert [o.code for o in contact.offers.all()] == ["advice_conversation"]


def test_a_family_outside_the_region_is_counted_outside(sam, open_trajectory_for, today):
    trajectory = open_trajectory_for(sam, municipality="outside")
    services.add_session(trajectory, sam, {"date": today, "kind": "phone", "duration": "5to15"})
    assert trajectory.municipality is None and Contact.objects.get().area == "outside"


def test_the_scores_of_a_session_belong_to_that_session(sam, open_trajectory_for, today):
    trajectory = open_trajectory_for(sam)
    goal = services.add_goal(trajectory, text="Minder ruzie aan tafel", score=3, by_parent=False)
    session = services.add_session(
        trajectory, sam, {"date": today, "kind": "phone", "duration": "15to30", "scores": {goal.pk: 6}}
    )
    assert [(s.score, s.session, s.by_parent) for s in goal.scores.all()] == [
        (3, None, False),
        (6, session, True),
    ]


def test_a_score_of_another_trajectorys_goal_or_off_the_scale_is_refused(sam, open_trajectory_for, today):
    mine, other = open_trajectory_for(sam), open_trajectory_for(sam)
    foreign = services.add_goal(other, text="Rustiger slapen", score=3)
    session = {"date": today, "kind": "phone", "duration": "15to30"}
    with pytest.raises(ValidationError):
        services.add_session(mine, sam, session | {"scores": {foreign.pk: 6}})
    with pytest.raises(ValidationError):
        services.add_goal(mine, text="Samen spelen", score=11)
    assert Contact.objects.count() == 0 and GoalScore.objects.count() == 1


def test_closing_twice_is_refused(sam, open_trajectory_for, today):
    trajectory = open_trajectory_for(sam)
    services.close_trajectory(trajectory, date=today, outcome="moved")
    with pytest.raises(ValidationError):
        services.close_trajectory(Trajectory.objects.get(), date=today, outcome="goals_reached")
    assert Trajectory.objects.get().outcome == "moved"


def test_a_closed_trajectory_takes_no_more_sessions(sam, open_trajectory_for, today):
    trajectory = open_trajectory_for(sam)
    services.close_trajectory(trajectory, date=today, outcome="stopped_by_parent")
    with pytest.raises(ValidationError):
        services.add_session(trajectory, sam, {"date": today, "kind": "phone", "duration": "5to15"})
    assert Contact.objects.count() == 0


def test_codes_are_unique_in_an_organisation(sam, open_trajectory_for, monkeypatch):
    first = open_trajectory_for(sam)
    codes = iter([first.code, first.code, "TR-ABCD"])
    monkeypatch.setattr(services, "new_code", lambda: next(codes))
    assert open_trajectory_for(sam).code == "TR-ABCD"


def test_ilse_sees_all_trajectories_sam_those_he_counsels_vera_fons_and_noor_none(
    ilse, sam, vera, fons, noor, open_trajectory_for
):
    sams = open_trajectory_for(sam)
    ilses = open_trajectory_for(ilse)
    both = open_trajectory_for(ilse, counsellors=[ilse.user, sam.user])

    def visible(member):
        return set(Trajectory.objects.visible_to(member))

    assert visible(ilse) == {sams, ilses, both}
    assert visible(sam) == {sams, both}
    assert visible(vera) == visible(fons) == visible(noor) == set()


def test_opening_a_trajectory_page_leaves_one_audit_row_with_its_code(sam, open_trajectory_for):
    trajectory = open_trajectory_for(sam)
    services.note_trajectory_opened(trajectory, sam.user)
    event = AuditEvent.objects.get(action=AuditAction.TRAJECTORY_OPENED)
    assert (event.actor, event.organisation, event.detail) == (
        sam.user,
        sam.organisation,
        {"code": trajectory.code},
    )


def test_what_sam_confirmed_is_no_personal_data_is_in_the_audit_log(sam, open_trajectory_for):
    confirmation = PIIConfirmation(sam.user, sam.organisation, "trajectory", "request", ["name"], "a street")
    open_trajectory_for(sam, pii_confirmations=[confirmation])
    assert AuditEvent.objects.filter(action=AuditAction.PII_CONFIRMED, detail__field="request").count() == 1


def test_a_case_consultation_is_registered_as_a_contact_with_the_teacher_as_asker(sam, zuid, days_ago):
    themes = list(
        Theme.objects.filter(organisation=zuid, code__in=["bullying", "emotions"]).order_by("-code")
    )
    consultation = services.record_consultation(
        sam,
        {
            "kind": "case_consultation",
            "professional_kind": "school",
            "date": days_ago(3),
            "duration": "30to60",
            "municipality": Municipality.objects.get(code="71017"),
            "themes": themes,
            "question": "Een kind in het derde leerjaar trekt zich terug.",
            "advice": "Een vast moment per dag om te praten.",
            "follow_up_on": days_ago(-30),
        },
    )
    contact = Contact.objects.with_details().get()
    assert consultation.contact == contact and consultation.main_theme.code == "emotions"
    assert (contact.asker_role.code, contact.channel.code) == ("teacher", "in_person")
    assert [o.code for o in contact.offers.all()] == ["case_consultation"]
    assert consultation.texts_purge_on == days_ago(-30) + datetime.timedelta(days=365)
    assert Consultation.objects.for_org(zuid).count() == 1


@pytest.mark.parametrize(("professional", "asker"), [("childcare", "childcare"), ("clb", "social_worker")])
def test_an_observation_visit_asks_as_the_professionals_kind(sam, zuid, today, professional, asker):
    services.record_consultation(
        sam,
        {
            "kind": "observation_visit",
            "professional_kind": professional,
            "date": today,
            "duration": "gt60",
            "municipality": "unknown",
            "themes": [Theme.objects.get(organisation=zuid, code="tantrums")],
            "observed": "Veel onrust bij de overgang naar buiten spelen.",
        },
    )
    contact = Contact.objects.get()
    assert contact.asker_role.code == asker and [o.code for o in contact.offers.all()] == ["observation"]
