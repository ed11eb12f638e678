"""Reads on trajectories: the change on each goal's 0–10 scale, and the numbers of a period (the report
section and the stats API read them).

Goal attainment: a goal's change is its last score − its first (the first is the score at the start). A
goal is *measured* once it has been scored twice; the mean change and the share of goals reached (last
score ≥ settings.GOAL_REACHED_SCORE) are over measured goals, with the scores given up to the end of the
period, of the trajectories running during the period.
"""

from collections import Counter
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter

from django.conf import settings
from django.db.models import Count

from opvoedwijzer.socialmap.models import Referral

from .models import (
    Consultation,
    ConsultationKind,
    GoalScore,
    Outcome,
    ProfessionalKind,
    Trajectory,
    TrajectorySession,
)


@dataclass(frozen=True)
class GoalChange:
    goal_id: int
    trajectory_id: int
    main_theme_id: int
    first: int
    last: int
    scores: int  # how many times it was scored

    @property
    def change(self):
        return self.last - self.first

    @property
    def measured(self):
        return self.scores >= 2

    @property
    def reached(self):
        return self.last >= settings.GOAL_REACHED_SCORE


def goal_changes(trajectories, *, until=None):
    """One GoalChange per scored goal of `trajectories` (a queryset or a list), in the trajectories' and
    goals' order; only the scores up to `until` when given."""
    ids = trajectories.values("pk") if hasattr(trajectories, "values") else [t.pk for t in trajectories]
    return _goal_changes(ids, until)


def _goal_changes(trajectory_ids, until):
    scores = GoalScore.objects.filter(goal__trajectory__in=trajectory_ids)
    if until is not None:
        scores = scores.filter(date__lte=until)
    rows = scores.order_by("goal__trajectory_id", "goal__position", "goal_id", "date", "id").values_list(
        "goal_id", "goal__trajectory_id", "goal__trajectory__main_theme_id", "score"
    )
    changes, current = [], None
    for goal_id, trajectory_id, theme_id, score in rows:
        if current is None or current["goal_id"] != goal_id:
            if current:
                changes.append(GoalChange(**current))
            current = {"goal_id": goal_id, "trajectory_id": trajectory_id, "main_theme_id": theme_id}
            current |= {"first": score, "last": score, "scores": 0}
        current["last"] = score
        current["scores"] += 1
    if current:
        changes.append(GoalChange(**current))
    return changes


def attainment(changes):
    """{goals, measured, mean_goal_change, share_goals_reached} of GoalChanges (None when none measured)."""
    measured = [c for c in changes if c.measured]
    return {
        "goals": len(changes),
        "measured": len(measured),
        "mean_goal_change": round(sum(c.change for c in measured) / len(measured), 1) if measured else None,
        "reached": sum(1 for c in measured if c.reached),
        "share_goals_reached": round(sum(1 for c in measured if c.reached) / len(measured), 2)
        if measured
        else None,
    }


def trajectory_numbers(org, start, end, municipalities=None, *, trajectories=None, consultations=None):
    """The numbers of [start, end] for an organisation: trajectories started, running at the end of the
    period and closed (in all and per municipality and main theme), their sessions and durations, the
    outcomes of the closed ones, goal attainment (in all and per main theme), and the consultations and
    observation visits per kind of professional. `municipalities`: only those (None for all, including
    outside and unknown); `trajectories`, `consultations`: count only these (e.g.
    `Trajectory.objects.visible_to(member)`, `Consultation.objects.visible_to(member)`).
    Keys are codes: municipality codes ("outside", "unknown"), theme ids, outcome and kind codes.

    Five queries (two when no trajectory ran in the period): the trajectories running during the period
    (a service has hundreds a year: counted here), their sessions per duration, their goals' scores, the
    referrals made for their sessions' contacts (warm or not), and the consultations per kind."""
    scope = Trajectory.objects.for_org(org) if trajectories is None else trajectories.filter(organisation=org)
    consultations = (
        Consultation.objects.for_org(org) if consultations is None else consultations.filter(organisation=org)
    ).in_period(start, end)
    if municipalities is not None:
        scope = scope.filter(municipality__in=municipalities)
        consultations = consultations.filter(municipality__in=municipalities)
    rows = scope.running_during(start, end).values_list(
        "pk", "started_on", "closed_on", "outcome", "main_theme_id", "municipality__code", "area"
    )
    counts, per_place, per_theme, outcomes = Counter(), {}, {}, Counter()
    ids = []
    for pk, started_on, closed_on, outcome, theme_id, code, area in rows.order_by():
        ids.append(pk)
        states = [
            name
            for name, holds in (
                ("started", started_on >= start),
                ("running", closed_on is None or closed_on > end),
                ("closed", closed_on is not None and closed_on <= end),
            )
            if holds
        ]
        if "closed" in states:
            outcomes[outcome] += 1
        counts.update(states)
        per_place.setdefault(code or area, Counter()).update(states)
        per_theme.setdefault(theme_id, Counter()).update(states)
    durations, changes, referrals = {}, [], {True: 0, False: 0}
    if ids:
        sessions = TrajectorySession.objects.filter(trajectory__in=ids, date__gte=start, date__lte=end)
        durations = dict(sessions.values_list("duration").annotate(n=Count("id")).order_by())
        changes = _goal_changes(ids, end)
        # Referrals out of trajectories: made in the period for the contact of one of their sessions.
        session_contacts = TrajectorySession.objects.filter(trajectory__in=ids).values("contact_id")
        referrals |= dict(
            Referral.objects.filter(contact_id__in=session_contacts, date__gte=start, date__lte=end)
            .values_list("warm")
            .annotate(n=Count("id"))
            .order_by()
        )
    by_theme_changes = {}
    for change in changes:
        by_theme_changes.setdefault(change.main_theme_id, []).append(change)
    kinds = consultations.values_list("professional_kind", "kind").annotate(n=Count("id")).order_by()
    per_professional = {p: {k: 0 for k in ConsultationKind.values} for p in ProfessionalKind.values}
    for professional, kind, n in kinds:
        per_professional[professional][kind] = n
    goals = attainment(changes)
    return {
        "started": counts["started"],
        "running": counts["running"],
        "closed": counts["closed"],
        "sessions": sum(durations.values()),
        "durations": durations,
        "outcomes": {code: outcomes[code] for code in Outcome.values},
        "goals": goals["goals"],
        "goals_measured": goals["measured"],
        "goals_reached": goals["reached"],
        "mean_goal_change": goals["mean_goal_change"],
        "share_goals_reached": goals["share_goals_reached"],
        "by_municipality": {code: dict(n) for code, n in per_place.items()},
        "by_theme": {
            theme_id: dict(per_theme[theme_id]) | attainment(by_theme_changes.get(theme_id, []))
            for theme_id in per_theme
        },
        "referrals": {"warm": referrals[True], "cold": referrals[False]},
        "consultations": per_professional,
        "consultations_total": sum(sum(row.values()) for row in per_professional.values()),
    }


def suggestion_examples(organisation):
    """(request text, [main theme code, other theme codes…]) for each of the organisation's trajectories
    with a request (issue 20: the theme suggestions learn from them). One query, read as an iterator."""
    rows = (
        Trajectory.themes.through.objects.filter(trajectory__organisation=organisation)
        .exclude(trajectory__request="")
        .order_by("trajectory_id", "theme__code")
        .values_list("trajectory_id", "trajectory__request", "trajectory__main_theme__code", "theme__code")
    )
    for _pk, group in groupby(rows.iterator(), key=itemgetter(0)):
        group = list(group)
        _pk, request, main, _code = group[0]
        yield request, [main, *(code for *_rest, code in group if code != main)]
