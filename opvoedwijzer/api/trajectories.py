"""Trajectories: open one, agree goals, record sessions, close it; and count them.

A trajectory is pseudonymous: a code the service can say on the phone, never a name. Every write runs
the form of the staff screen (trajectories/forms.py), so its texts (the request, a goal, session notes,
the parent's evaluation) pass the same PII guard: a finding is a 422 naming it, unless
`<field>_pii_reason` says why it is no personal data (logged).

Only the trajectory's counsellors and the organisation's coordinators reach a trajectory (anyone
else: 404, as for an id that does not exist); volunteers and funders open or write none (403). The
numbers (`/stats`) are for whoever reads reports, a funder's as they leave the service.
"""

from typing import Annotated, Literal

from django.core.exceptions import ValidationError
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from pydantic import StringConstraints

from opvoedwijzer.reports.outside import period_rule, whole_past_years
from opvoedwijzer.taxonomy import defaults
from opvoedwijzer.trajectories import selectors, services
from opvoedwijzer.trajectories.forms import CloseForm, GoalForm, SessionForm, TrajectoryForm
from opvoedwijzer.trajectories.models import (
    Consultation,
    Outcome,
    ProfessionalKind,
    SessionKind,
    Trajectory,
    TrajectoryKind,
)
from opvoedwijzer.trajectories.report import trajectory_summary

from .errors import ApiError, errors, field_error
from .tenancy import membership_for
from .types import Code, Day, Id, Slug, Text

router = Router(tags=["trajectories"])

COUNSEL = "can_counsel"  # staff and coordinators (core.models ROLES_THAT_COUNSEL)
TEXT_MAX = 2000  # the request, session notes, the evaluation (as the forms)
GOAL_MAX = 500
MANY = 50  # more codes than any taxonomy dimension has, more goals than a trajectory has

Kind = Literal[tuple(TrajectoryKind.values)]
SessionKindCode = Literal[tuple(SessionKind.values)]
OutcomeCode = Literal[tuple(Outcome.values)]
DURATIONS = tuple(defaults.LABELS["duration"])
Duration = Literal[DURATIONS]
Score = Annotated[int, Field(ge=0, le=10, description="0–10, the parent's own score where possible")]
GoalId = Annotated[str, StringConstraints(min_length=1, max_length=18, pattern=r"^[1-9][0-9]*$")]
ScoredBy = Literal["parent", "counsellor"]
SCORED_BY = "Who gave the score(s): 'parent' (the parent's own, the default) or 'counsellor' (an estimate)"
PII_REASON = "When the PII guard refuses the text but it holds no personal data: why (logged)"


def scores_field():
    return Field({}, max_length=MANY, description='A score per goal of this trajectory: {"<goal id>": 0–10}')


class TrajectoryIn(Schema):
    kind: Kind
    municipality: str = Field(
        max_length=20,
        pattern=r"^[-A-Za-z0-9._]+$",
        description="Code of a municipality or own area the organisation serves (see /municipalities), "
        "'outside' or 'unknown'",
    )
    asker_role: Code
    life_stages: list[Code] = Field([], max_length=MANY)
    themes: list[Code] = Field(min_length=1, max_length=MANY, description="The first one is the main theme")
    request: Text(TEXT_MAX, filled=True) = Field(description="The request in the parent's words; no names")
    started_on: Day = Field(description="Not in the future")
    organisation: Slug | None = Field(None, description="Slug; needed with several memberships")
    request_pii_reason: Text(200) | None = Field(None, description=PII_REASON)


class TrajectoryOpenedOut(Schema):
    id: int
    code: str = Field(description="The pseudonymous code, to say on the phone")


class TrajectoryGoalIn(Schema):
    text: Text(GOAL_MAX, filled=True) = Field(description="The goal as agreed with the parent; no names")
    score: Score = Field(description="At the start, 0–10")
    date: Day | None = Field(
        None, description="Of the start score: today when left out; not in the future nor before the start"
    )
    scored_by: ScoredBy = Field("parent", description=SCORED_BY)
    text_pii_reason: Text(200) | None = Field(None, description=PII_REASON)


class TrajectoryGoalOut(Schema):
    id: int


class TrajectorySessionIn(Schema):
    date: Day = Field(description="Not in the future")
    kind: SessionKindCode
    duration: Duration
    notes: Text(TEXT_MAX) = Field("", description="Short notes; no names")
    scores: dict[GoalId, Score] = scores_field()
    scored_by: ScoredBy = Field("parent", description=SCORED_BY)
    notes_pii_reason: Text(200) | None = Field(None, description=PII_REASON)


class TrajectorySessionOut(Schema):
    id: int
    contact: int | None = Field(description="The contact the session is counted as")


class TrajectoryCloseIn(Schema):
    date: Day = Field(description="Not in the future, not before the trajectory started")
    outcome: OutcomeCode
    scores: dict[GoalId, Score] = scores_field()
    scored_by: ScoredBy = Field("parent", description=SCORED_BY)
    evaluation: Text(TEXT_MAX) = Field("", description="The parent's evaluation; no names")
    evaluation_pii_reason: Text(200) | None = Field(None, description=PII_REASON)


class TrajectoryClosedOut(Schema):
    id: int
    code: str
    closed_on: Day
    outcome: OutcomeCode


def _error(field, msg, where="body"):
    return ApiError(422, [field_error(field, msg, where)])


def validated(form, names=None):
    """The form's cleaned data and what was confirmed is no personal data; 422 with its errors, each
    under the API's name of the field (`names`: form field → API field)."""
    if not form.is_valid():
        names = {"__all__": "body", **(names or {})}
        raise ApiError(
            422,
            [
                field_error(names.get(name, name), str(msg))
                for name, messages in form.errors.items()
                for msg in messages
            ],
        )
    return form.cleaned_data, form.pii_confirmations


def with_reason(data, field, reason):
    return {**data, f"{field}_pii_reason": reason or ""}


def score_data(goals, scores):
    """The API's {"<goal id>": score} as the form's score_<goal id> fields; an id that is no goal of this
    trajectory is a 422."""
    ids = {str(goal.pk) for goal in goals}
    unknown = [key for key in scores if key not in ids]
    if unknown:
        raise _error("scores", f"No goal of this trajectory has the id {', '.join(unknown)}.")
    return {f"score_{key}": score for key, score in scores.items()}


def score_names(goals):
    return {f"score_{goal.pk}": "scores" for goal in goals}


def reachable(request, trajectory_id):
    """The caller's membership and the trajectory: another organisation's, or one the caller does not
    counsel, is a 404; a volunteer's or funder's request a 403."""
    trajectory = Trajectory.objects.select_related("organisation").filter(pk=trajectory_id).first()
    if trajectory is None:
        raise ApiError(404, [field_error("id", "Not found.", "path")])
    membership = membership_for(request, trajectory.organisation.slug, permission=COUNSEL)
    if not Trajectory.objects.visible_to(membership).filter(pk=trajectory.pk).exists():
        raise ApiError(404, [field_error("id", "Not found.", "path")])
    return membership, trajectory


def still_open(trajectory):
    if not trajectory.is_open:
        raise ApiError(409, [field_error("id", "This trajectory is closed.", "path")])


@router.post("", response={201: TrajectoryOpenedOut, **errors(403, 404)})
def open_trajectory(request, payload: TrajectoryIn):
    """Open a trajectory, counselled by the caller; its code is in the answer."""
    membership = membership_for(request, payload.organisation, permission=COUNSEL)
    data = payload.dict()
    form = TrajectoryForm(
        membership.organisation,
        with_reason(
            {
                "kind": data["kind"],
                "asker_role": data["asker_role"],
                "municipality": data["municipality"],
                "life_stages": data["life_stages"],
                "main_theme": data["themes"][0],
                "themes": data["themes"][1:],
                "request": data["request"],
                "started_on": data["started_on"],
            },
            "request",
            data["request_pii_reason"],
        ),
        user=membership.user,
    )
    cleaned, confirmations = validated(form, {"main_theme": "themes"})
    trajectory = services.open_trajectory(membership, cleaned, pii_confirmations=confirmations)
    return 201, {"id": trajectory.pk, "code": trajectory.code}


@router.post("/{int:trajectory_id}/goals", response={201: TrajectoryGoalOut, **errors(403, 404, 409)})
def add_goal(request, trajectory_id: Id, payload: TrajectoryGoalIn):
    """Agree a goal with the parent, with its score at the start (0–10)."""
    membership, trajectory = reachable(request, trajectory_id)
    still_open(trajectory)
    form = GoalForm(
        with_reason(
            {"text": payload.text, "score": payload.score, "scored_by": payload.scored_by},
            "text",
            payload.text_pii_reason,
        ),
        user=membership.user,
    )
    form.org = membership.organisation
    day = payload.date or timezone.localdate()
    if day > timezone.localdate():
        raise _error("date", "The date cannot be in the future.")
    if day < trajectory.started_on:
        raise _error("date", "A goal cannot be scored before the trajectory started.")
    cleaned, confirmations = validated(form)
    try:
        goal = services.add_goal(
            trajectory,
            text=cleaned["text"],
            score=cleaned["score"],
            date=day,
            by_parent=form.by_parent(),
            pii_confirmations=confirmations,
        )
    except ValidationError as error:  # closed by a simultaneous request
        raise ApiError(409, [field_error("id", " ".join(error.messages), "path")]) from None
    return 201, {"id": goal.pk}


@router.post("/{int:trajectory_id}/sessions", response={201: TrajectorySessionOut, **errors(403, 404, 409)})
def add_session(request, trajectory_id: Id, payload: TrajectorySessionIn):
    """Record a session (a conversation, home visit, phone or video call, observation) with a score per
    goal. It is counted once as a contact, with the trajectory's themes and municipality."""
    membership, trajectory = reachable(request, trajectory_id)
    still_open(trajectory)
    goals = list(trajectory.goals.all())
    data = {
        "date": payload.date,
        "kind": payload.kind,
        "duration": payload.duration,
        "notes": payload.notes,
        "scored_by": payload.scored_by,
        **score_data(goals, payload.scores),
    }
    form = SessionForm(goals, with_reason(data, "notes", payload.notes_pii_reason), user=membership.user)
    form.org = membership.organisation
    cleaned, confirmations = validated(form, score_names(goals))
    try:
        session = services.add_session(trajectory, membership, cleaned, pii_confirmations=confirmations)
    except ValidationError as error:  # closed by a simultaneous request
        raise ApiError(409, [field_error("id", " ".join(error.messages), "path")]) from None
    return 201, {"id": session.pk, "contact": session.contact_id}


@router.post("/{int:trajectory_id}/close", response={200: TrajectoryClosedOut, **errors(403, 404, 409)})
def close_trajectory(request, trajectory_id: Id, payload: TrajectoryCloseIn):
    """Close the trajectory with its outcome, a final score per goal and the parent's evaluation; its
    texts are purged a configured time later. Closing a closed trajectory is a 409."""
    membership, trajectory = reachable(request, trajectory_id)
    still_open(trajectory)
    if payload.date < trajectory.started_on:
        raise _error("date", "A trajectory cannot close before it started.")
    goals = list(trajectory.goals.all())
    data = {
        "date": payload.date,
        "outcome": payload.outcome,
        "evaluation": payload.evaluation,
        "scored_by": payload.scored_by,
        **score_data(goals, payload.scores),
    }
    form = CloseForm(
        goals,
        with_reason(data, "evaluation", payload.evaluation_pii_reason),
        user=membership.user,
    )
    form.org = membership.organisation
    cleaned, confirmations = validated(form, score_names(goals))
    try:
        services.close_trajectory(
            trajectory,
            date=cleaned["date"],
            outcome=cleaned["outcome"],
            scores=cleaned["scores"],
            evaluation=cleaned["evaluation"],
            by_parent=cleaned["by_parent"],
            pii_confirmations=confirmations,
        )
    except ValidationError as error:  # closed by a simultaneous request
        raise ApiError(409, [field_error("id", " ".join(error.messages), "path")]) from None
    return {
        "id": trajectory.pk,
        "code": trajectory.code,
        "closed_on": cleaned["date"],
        "outcome": cleaned["outcome"],
    }


class TrajectoryStatsQuery(Schema):
    start: Day = Field(alias="from", description="First day; not after `to`")
    end: Day = Field(alias="to", description="Last day; not before `from`")
    organisation: Slug | None = None


Count = int | None


class TrajectoryStatsOut(Schema):
    started: Count = Field(description="Trajectories started in the period (null: hidden, a small number)")
    running: Count = Field(description="Open at the end of the period")
    closed: Count = Field(description="Closed in the period")
    outcomes: dict[str, Count] = Field(description="The closed ones per outcome")
    sessions: Count = Field(description="Sessions in the period")
    durations: dict[str, Count] = Field(description="Sessions per duration (lt5, 5to15, …)")
    goals: Count = Field(description="Goals of the trajectories running in the period")
    goals_measured: Count = Field(description="Of those, scored at least twice")
    mean_goal_change: float | None = Field(
        description="Last score − first score, averaged over measured goals"
    )
    share_goals_reached: float | None = Field(
        description="Share of measured goals whose last score is at least the reached score (8)"
    )
    referrals: dict[str, Count] = Field(
        description="Referrals out of trajectories in the period: warm, and cold (information only)"
    )
    consultations: dict[str, dict[str, Count]] = Field(
        description="Case consultations and observation visits per kind of professional"
    )
    consultations_total: Count
    suppressed: bool = Field(description="Some number is hidden (null) because it is small")


def as_they_leave_the_service(figures):
    """The funder's numbers from the report section's figures for outside the service
    (`trajectories.report.trajectory_summary(..., outside=True)`), so that the API hides exactly what
    the overview, the exports and the yearly report hide: no number here gives a hidden one away."""
    counts = figures["by_municipality"]["columns"]
    goals = figures["goals"]
    consultations = figures["consultations"]
    kinds = [column["code"] for column in consultations["columns"]]
    per_professional = {code: dict.fromkeys(kinds, 0) for code in ProfessionalKind.values} | {
        row["code"]: dict(zip(kinds, row["cells"], strict=True)) for row in consultations["rows"]
    }
    share = goals["share_goals_reached"]  # a percentage in the report
    return {
        "started": counts[0]["total"],
        "running": counts[1]["total"],
        "closed": counts[2]["total"],
        "outcomes": dict.fromkeys(Outcome.values, 0)
        | {row["code"]: row["cells"][0] for row in figures["outcomes"]["rows"]},
        "sessions": figures["sessions"]["total"],
        "durations": dict.fromkeys(DURATIONS, 0)
        | {row["code"]: row["cells"][0] for row in figures["sessions"]["rows"]},
        "goals": goals["goals"],
        "goals_measured": goals["measured"],
        "mean_goal_change": goals["mean_goal_change"],
        "share_goals_reached": None if share is None else share / 100,
        "referrals": {"warm": 0, "cold": 0}
        | {row["code"]: row["cells"][0] for row in figures["referrals"]["rows"]},
        "consultations": per_professional,
        "consultations_total": consultations["total"],
        "suppressed": figures["suppressed"],
    }


@router.get("/stats", response={200: TrajectoryStatsOut, **errors(403, 404)})
def stats(request, q: Query[TrajectoryStatsQuery]):
    """Trajectories started, running at the end of the period and closed, their outcomes, sessions,
    goal attainment, and the consultations for professionals, of the period. Staff count the
    trajectories they counsel and the consultations they held, coordinators all of the organisation's.

    For a funder's token the numbers are as they leave the service: only the funder's municipalities,
    whole calendar years that have ended, a small number (or one that would give a small one away)
    as null with `"suppressed": true`. Never a trajectory's texts."""
    membership = membership_for(request, q.organisation, where="query", permission="can_read_reports")
    if q.start > q.end:
        raise _error("from", "'from' must not be after 'to'.", "query")
    org = membership.organisation
    if membership.reads_outside_numbers:
        if not whole_past_years(q.start, q.end):
            raise _error("from", period_rule(), "query")
        own = list(membership.municipalities.all())
        return as_they_leave_the_service(trajectory_summary(org, q.start, q.end, own, outside=True))
    numbers = selectors.trajectory_numbers(
        org,
        q.start,
        q.end,
        trajectories=Trajectory.objects.visible_to(membership),
        consultations=Consultation.objects.visible_to(membership),
    )
    numbers = every_duration(numbers)
    return {**numbers, "suppressed": False}


def every_duration(numbers):
    return {**numbers, "durations": {code: numbers["durations"].get(code, 0) for code in DURATIONS}}
