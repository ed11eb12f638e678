"""Writes on trajectories and consultations: each a verb-first function in one transaction.

A session and a consultation are also one registered contact (contacts.services.register_contact), so
that they are counted once in the contact numbers with their theme and municipality, without typing them
twice. What staff confirmed is no personal data in a text (a form's `pii_confirmations`) is recorded in
the audit log in the same transaction.
"""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.contacts.services import delete_contact, register_contact, update_contact
from opvoedwijzer.core.areas import Area
from opvoedwijzer.core.audit import AuditAction, record
from opvoedwijzer.core.models import ROLES_THAT_COUNSEL, Membership, Role
from opvoedwijzer.privacy.audit import record_pii_confirmations
from opvoedwijzer.taxonomy.models import AskerRole, Channel, OfferType

from .models import (
    Consultation,
    ConsultationKind,
    Goal,
    GoalScore,
    Hypothesis,
    HypothesisStatus,
    NetworkMember,
    Outcome,
    ProfessionalKind,
    SessionKind,
    Trajectory,
    TrajectoryKind,
    TrajectorySession,
    new_code,
)

# How a session or consultation is registered as a contact (taxonomy codes, never changed or reused).
CHANNEL_OF_SESSION = {
    SessionKind.CONVERSATION: "in_person",
    SessionKind.HOME_VISIT: "home_visit",
    SessionKind.PHONE: "phone",
    SessionKind.VIDEO: "video",
    SessionKind.OBSERVATION: "in_person",
}
OFFER_OF_TRAJECTORY = {
    TrajectoryKind.SHORT: "trajectory",
    TrajectoryKind.BRIDGING: "bridging",
    TrajectoryKind.ADVICE_SERIES: "advice_conversation",
}
ASKER_ROLE_OF_PROFESSIONAL = {ProfessionalKind.SCHOOL: "teacher", ProfessionalKind.CHILDCARE: "childcare"}
OFFER_OF_CONSULTATION = {
    ConsultationKind.CASE_CONSULTATION: "case_consultation",
    ConsultationKind.OBSERVATION_VISIT: "observation",
}
CODE_ATTEMPTS = 20


def _set_place(obj, municipality):
    """`municipality` is a Municipality or an Area value (outside / unknown), as on a contact."""
    if municipality in (Area.OUTSIDE, Area.UNKNOWN, Area.OUTSIDE.value, Area.UNKNOWN.value):
        obj.area, obj.municipality = Area(municipality).value, None
    else:
        obj.area, obj.municipality = Area.MUNICIPALITY.value, municipality


def _place(obj):
    return obj.municipality if obj.area == Area.MUNICIPALITY else obj.area


def _purge_day(day):
    return day + datetime.timedelta(days=settings.RETENTION_DAYS["trajectory_texts"])


def _free_code(org):
    for _attempt in range(CODE_ATTEMPTS):
        code = new_code()
        if not Trajectory.objects.for_org(org).filter(code=code).exists():
            return code
    raise IntegrityError("No free trajectory code found.")  # 31^4 codes: only when nearly all are taken


def _term(model, org, code):
    return model.objects.for_org(org).get(code=code)


@transaction.atomic
def open_trajectory(membership, data, *, pii_confirmations=()):
    """Open a trajectory for the member's organisation with a fresh pseudonymous code. `data`: kind,
    municipality (a Municipality or Area value), asker_role, life_stages, themes (the first is the main
    theme), request, started_on, counsellors (by default the member)."""
    themes = list(dict.fromkeys(data["themes"]))
    if not themes:
        raise ValidationError(_("Choose at least one theme."))
    org = membership.organisation
    trajectory = Trajectory(
        organisation=org,
        code=_free_code(org),
        kind=data["kind"],
        asker_role=data["asker_role"],
        main_theme=themes[0],
        request=data.get("request") or "",
        started_on=data.get("started_on") or timezone.localdate(),
    )
    _set_place(trajectory, data["municipality"])
    trajectory.save()
    trajectory.themes.set(themes)
    trajectory.life_stages.set(data.get("life_stages") or [])
    trajectory.counsellors.set(data.get("counsellors") or [membership.user])
    record_pii_confirmations(pii_confirmations)
    return trajectory


def _check_open(trajectory):
    if not trajectory.is_open:
        raise ValidationError(_("This trajectory is closed."))


def _owner(owner):
    """The owner field of a hypothesis or goal: a Trajectory's or a Consultation's."""
    return {"consultation": owner} if isinstance(owner, Consultation) else {"trajectory": owner}


@transaction.atomic
def add_goal(owner, *, text, score, date=None, by_parent=True, pii_confirmations=()):
    """A goal agreed with the parent (of a trajectory, which must be open) or with the professional (of
    a consultation or observation visit), with its score at the start on the 0–10 scale: the parent's
    (the professional's) own, or the counsellor's estimate (`by_parent=False`)."""
    if isinstance(owner, Trajectory):
        _check_open(owner)
    position = owner.goals.count() + 1
    goal = Goal.objects.create(**_owner(owner), text=text, position=position)
    GoalScore.objects.create(
        goal=goal, date=date or timezone.localdate(), score=_checked_score(score), by_parent=by_parent
    )
    record_pii_confirmations(pii_confirmations)
    return goal


@transaction.atomic
def update_goal(goal, *, text, pii_confirmations=()):
    """Correct a goal's wording (its scores stay)."""
    goal.text = text
    goal.save(update_fields=["text"])
    record_pii_confirmations(pii_confirmations)
    return goal


def _checked_score(score):
    score = int(score)
    if not 0 <= score <= 10:
        raise ValidationError(_("A score is a number from 0 to 10."))
    return score


def _add_scores(owner, scores, *, date, session=None, by_parent=True):
    """GoalScores for {goal id: score}; the goals must be this trajectory's (consultation's)."""
    if not scores:
        return []
    goals = {g.pk: g for g in owner.goals.all()}
    rows = []
    for goal_id, score in scores.items():
        goal = goals.get(int(goal_id))
        if goal is None:
            raise ValidationError(_("Goal %(goal)s is not one of these goals.") % {"goal": goal_id})
        rows.append(
            GoalScore(goal=goal, date=date, score=_checked_score(score), by_parent=by_parent, session=session)
        )
    return GoalScore.objects.bulk_create(rows)


def _session_contact(trajectory, data):
    """The contact a session is registered as: the trajectory's themes, life stages, asker role and
    municipality, the session's date, channel (from its kind) and duration."""
    org = trajectory.organisation
    themes = list(trajectory.themes.all())
    return {
        "date": data["date"],
        "channel": _term(Channel, org, CHANNEL_OF_SESSION[SessionKind(data["kind"])]),
        "asker_role": trajectory.asker_role,
        "municipality": _place(trajectory),
        "request_kind": "parenting",
        "duration": data["duration"],
        "main_theme": trajectory.main_theme,
        "themes": [t for t in themes if t.pk != trajectory.main_theme_id],
        "life_stages": list(trajectory.life_stages.all()),
        "offers": [_term(OfferType, org, OFFER_OF_TRAJECTORY[TrajectoryKind(trajectory.kind)])],
        "note": "",
    }


@transaction.atomic
def add_session(trajectory, membership, data, *, pii_confirmations=()):
    """One session (data: date, kind, duration, notes, scores {goal id: score}, by_parent), registered
    once as a contact with the trajectory's themes, life stages, asker role and municipality; its scores
    become the goals' scores of that day (the parent's own unless `by_parent` is False)."""
    _check_open(trajectory)
    contact = register_contact(membership, _session_contact(trajectory, data))
    session = TrajectorySession.objects.create(
        trajectory=trajectory,
        date=data["date"],
        kind=SessionKind(data["kind"]),
        duration=data["duration"],
        notes=data.get("notes") or "",
        contact=contact,
        counsellor=membership.user,
    )
    _add_scores(
        trajectory,
        data.get("scores"),
        date=session.date,
        session=session,
        by_parent=data.get("by_parent", True),
    )
    record_pii_confirmations(pii_confirmations)
    return session


def session_editable_by(session, membership):
    """Coordinators correct any session; the counsellor who registered it only while its contact is
    still theirs to correct (settings.CONTACT_EDIT_DAYS, as contacts)."""
    if membership.is_coordinator:
        return True
    if session.contact_id is None:
        return False
    return Contact.objects.editable_by(membership).filter(pk=session.contact_id).exists()


def _check_editable(session, membership):
    if not session_editable_by(session, membership):
        raise PermissionDenied


@transaction.atomic
def update_session(session, membership, data, *, pii_confirmations=()):
    """Correct a session's date, kind, duration and notes (data as add_session's, scores left as they
    are); the contact it registered follows in the same transaction, its report counts kept exact.
    PermissionDenied when the member may no longer correct it."""
    _check_editable(session, membership)
    trajectory = session.trajectory
    if session.contact_id is not None:
        contact = Contact.objects.get(pk=session.contact_id)
        update_contact(contact, _session_contact(trajectory, data))
    session.date = data["date"]
    session.kind = SessionKind(data["kind"])
    session.duration = data["duration"]
    session.notes = data.get("notes") or ""
    session.save(update_fields=["date", "kind", "duration", "notes"])
    session.scores.update(date=session.date)
    record_pii_confirmations(pii_confirmations)
    return session


@transaction.atomic
def delete_session(session, membership):
    """Delete a session made by mistake, with its scores and the contact it registered (the report counts
    recounted). PermissionDenied when the member may no longer correct it."""
    _check_editable(session, membership)
    contact_id = session.contact_id
    session.delete()
    if contact_id is not None:
        contact = Contact.objects.filter(pk=contact_id).first()
        if contact is not None:
            delete_contact(contact)


@transaction.atomic
def add_hypothesis(
    owner, *, text, formed_on=None, status=HypothesisStatus.OPEN, support="", pii_confirmations=()
):
    """A hypothesis formed from observations and conversations (of a trajectory or of a consultation /
    observation visit); open until it is tested."""
    hypothesis = Hypothesis.objects.create(
        **_owner(owner),
        text=text,
        status=status,
        support=support or "",
        formed_on=formed_on or timezone.localdate(),
    )
    record_pii_confirmations(pii_confirmations)
    return hypothesis


@transaction.atomic
def update_hypothesis(hypothesis, *, status, support, pii_confirmations=()):
    """Tested: open, confirmed or rejected, with what supports or rejects it."""
    hypothesis.status = HypothesisStatus(status)
    hypothesis.support = support or ""
    hypothesis.save(update_fields=["status", "support"])
    record_pii_confirmations(pii_confirmations)
    return hypothesis


@transaction.atomic
def update_plan(trajectory, text, *, pii_confirmations=()):
    trajectory.plan = text or ""
    trajectory.save(update_fields=["plan"])
    record_pii_confirmations(pii_confirmations)
    return trajectory


@transaction.atomic
def add_network_member(trajectory, *, role, how, pii_confirmations=()):
    """Someone around the family who can help: a role, never a name, and how."""
    member = NetworkMember.objects.create(trajectory=trajectory, role=role, how=how or "")
    record_pii_confirmations(pii_confirmations)
    return member


@transaction.atomic
def remove_network_member(member):
    member.delete()


@transaction.atomic
def close_trajectory(
    trajectory, *, date, outcome, scores=None, evaluation="", by_parent=True, pii_confirmations=()
):
    """Close with an outcome, the final scores {goal id: score} (the parent's own unless `by_parent` is
    False) and the parent's evaluation; the texts are purged the retention period later. Closing a
    closed trajectory is refused."""
    locked = Trajectory.objects.select_for_update().get(pk=trajectory.pk)
    if not locked.is_open:
        raise ValidationError(_("This trajectory is closed already."))
    if date < trajectory.started_on:
        raise ValidationError(_("A trajectory cannot close before it started."))
    _add_scores(trajectory, scores, date=date, by_parent=by_parent)
    trajectory.closed_on = date
    trajectory.outcome = Outcome(outcome)
    trajectory.evaluation = evaluation or ""
    trajectory.texts_purge_on = _purge_day(date)
    trajectory.save(update_fields=["closed_on", "outcome", "evaluation", "texts_purge_on"])
    record_pii_confirmations(pii_confirmations)
    return trajectory


@transaction.atomic
def record_consultation(membership, data, *, pii_confirmations=()):
    """A case consultation or an observation visit for a professional (data: kind, professional_kind,
    date, duration, municipality, life_stages, themes (first = main), question, observed, advice,
    follow_up_on), registered as one contact too. Its texts are purged RETENTION_DAYS["trajectory_texts"]
    after its date or its follow-up, whichever is later."""
    themes = list(dict.fromkeys(data["themes"]))
    if not themes:
        raise ValidationError(_("Choose at least one theme."))
    org = membership.organisation
    kind = ConsultationKind(data["kind"])
    professional_kind = ProfessionalKind(data["professional_kind"])
    life_stages = list(dict.fromkeys(data.get("life_stages") or []))
    contact = register_contact(
        membership,
        {
            "date": data["date"],
            "channel": _term(Channel, org, "in_person"),
            "asker_role": _term(
                AskerRole, org, ASKER_ROLE_OF_PROFESSIONAL.get(professional_kind, "social_worker")
            ),
            "municipality": data["municipality"],
            "request_kind": "parenting",
            "duration": data["duration"],
            "main_theme": themes[0],
            "themes": themes[1:],
            "life_stages": life_stages,
            "offers": [_term(OfferType, org, OFFER_OF_CONSULTATION[kind])],
            "note": "",
        },
    )
    follow_up_on = data.get("follow_up_on")
    consultation = Consultation(
        organisation=org,
        kind=kind,
        professional_kind=professional_kind,
        date=data["date"],
        duration=data["duration"],
        main_theme=themes[0],
        question=data.get("question") or "",
        observed=data.get("observed") or "",
        advice=data.get("advice") or "",
        follow_up_on=follow_up_on,
        counsellor=membership.user,
        contact=contact,
        texts_purge_on=_purge_day(max(data["date"], follow_up_on or data["date"])),
    )
    _set_place(consultation, data["municipality"])
    consultation.save()
    consultation.themes.set(themes)
    consultation.life_stages.set(life_stages)
    record_pii_confirmations(pii_confirmations)
    return consultation


@transaction.atomic
def record_follow_up(consultation, data, *, pii_confirmations=()):
    """What came of a consultation's follow-up meeting (data: held_on, notes — what was seen or said —,
    advice, and optionally scores {goal id: score} with by_parent for its goals). Its texts are then
    purged the retention period after the meeting, if that is later."""
    held_on = data["held_on"]
    if held_on < consultation.date:
        raise ValidationError(_("The follow-up cannot be held before the consultation."))
    consultation.follow_up_held_on = held_on
    consultation.follow_up_notes = data.get("notes") or ""
    consultation.follow_up_advice = data.get("advice") or ""
    last = max(d for d in (consultation.date, consultation.follow_up_on, held_on) if d is not None)
    consultation.texts_purge_on = _purge_day(last)
    consultation.save(
        update_fields=["follow_up_held_on", "follow_up_notes", "follow_up_advice", "texts_purge_on"]
    )
    _add_scores(consultation, data.get("scores"), date=held_on, by_parent=data.get("by_parent", True))
    record_pii_confirmations(pii_confirmations)
    return consultation


@transaction.atomic
def note_trajectory_opened(trajectory, user):
    """Who opened which trajectory, when: one audit row (the code, never a text)."""
    return record(
        AuditAction.TRAJECTORY_OPENED,
        actor=user,
        organisation=trajectory.organisation,
        code=trajectory.code,
    )


@transaction.atomic
def set_counsellors(trajectory, users, *, changed_by):
    """A coordinator of the trajectory's organisation (`changed_by`, else PermissionDenied) chooses who
    counsels it, and so which staff members find it: at least one, each an active staff member or
    coordinator of that organisation. Not audited: the log has no action for it, and the trajectory's
    opening by the new counsellor is (note_trajectory_opened)."""
    users = list(dict.fromkeys(users))
    if not users:
        raise ValidationError(_("Choose at least one counsellor."))
    roles = dict(
        Membership.objects.active()
        .filter(organisation=trajectory.organisation, user__is_active=True, user__in=[*users, changed_by])
        .values_list("user_id", "role")
    )
    if roles.get(changed_by.pk) != Role.COORDINATOR:
        raise PermissionDenied
    if any(roles.get(user.pk) not in ROLES_THAT_COUNSEL for user in users):
        raise ValidationError(
            _("Only active staff members and coordinators of the organisation can counsel a trajectory.")
        )
    trajectory.counsellors.set(users)
    return trajectory
