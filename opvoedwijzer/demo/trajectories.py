"""Demo trajectories and consultations (used by `manage.py seed_demo`).

From `data/trajectories.json`, per organisation (another one gets Zuid-Limburg's): trajectories in every
state — open with sessions, goals, hypotheses, a plan and a network; just started; closed last year
(for the yearly report) and this year with each outcome; one closed long ago whose texts are purged
already — and consultations: a case consultation and an observation visit with a hypothesis and a goal,
and an older case consultation whose follow-up was held (its goal scored again). All go in through the
services, so each session and consultation is also a registered contact. Days are relative to today
(see `dates`); a place is the index of one of the organisation's municipalities. The texts are about
situations, never about people by name, and pass the PII guard (tests/trajectories/test_demo.py). An
organisation that has trajectories or consultations already is left alone: seeding again changes
nothing.
"""

from django.utils import timezone

from opvoedwijzer.core.models import Membership, Role
from opvoedwijzer.taxonomy.models import AskerRole, LifeStage, Theme
from opvoedwijzer.trajectories import services
from opvoedwijzer.trajectories.models import Consultation, Trajectory
from opvoedwijzer.trajectories.retention import purge_trajectory_texts

from . import dates
from .files import read_json

_DATA = read_json("trajectories.json")
TRAJECTORIES = _DATA["trajectories"]
CONSULTATIONS = _DATA["consultations"]
DEFAULT = "zuid-limburg"


def seed_trajectories(org, municipalities, today=None):
    """Load the demo trajectories and consultations into `org` (its municipalities in the demo's order);
    returns (trajectories added, consultations added)."""
    today = today or timezone.localdate()
    members = {m.role: m for m in Membership.objects.filter(organisation=org, is_active=True).order_by("-pk")}
    if Role.STAFF not in members and Role.COORDINATOR not in members:
        return [], []
    members.setdefault(Role.STAFF, members.get(Role.COORDINATOR))
    members.setdefault(Role.COORDINATOR, members[Role.STAFF])
    terms = _Terms(org)
    trajectories = []
    if not Trajectory.objects.for_org(org).exists():
        for spec in TRAJECTORIES.get(org.slug, TRAJECTORIES[DEFAULT]):
            trajectories.append(_seed_trajectory(spec, members, terms, municipalities, today))
        purge_trajectory_texts(timezone.now())  # the one closed long ago
    consultations = []
    if not Consultation.objects.for_org(org).exists():
        for spec in CONSULTATIONS.get(org.slug, CONSULTATIONS[DEFAULT]):
            data = {
                "kind": spec["kind"],
                "professional_kind": spec["professional_kind"],
                "date": dates.day(spec["date"], today),
                "duration": spec["duration"],
                "municipality": _place(spec["place"], municipalities),
                "life_stages": terms.get(LifeStage, spec["life_stages"]),
                "themes": terms.get(Theme, spec["themes"]),
                "question": spec["question"],
                "observed": spec["observed"],
                "advice": spec["advice"],
                "follow_up_on": dates.day(spec["follow_up_on"], today),
            }
            consultations.append(_seed_consultation(spec, members[Role.STAFF], data, today))
    return trajectories, consultations


def _seed_consultation(spec, member, data, today):
    """One consultation with its hypotheses and goals (scored at the start) and, when it was held, its
    follow-up meeting with the goals' scores then."""
    consultation = services.record_consultation(member, data)
    for hypothesis in spec.get("hypotheses", []):
        services.add_hypothesis(
            consultation,
            text=hypothesis["text"],
            formed_on=data["date"],
            status=hypothesis["status"],
            support=hypothesis["support"],
        )
    goals = [
        (services.add_goal(consultation, text=goal["text"], score=goal["scores"][0], date=data["date"]), goal)
        for goal in spec.get("goals", [])
    ]
    if "follow_up" in spec:
        follow_up = spec["follow_up"]
        scores = {goal.pk: g["scores"][1] for goal, g in goals if len(g["scores"]) > 1}
        services.record_follow_up(
            consultation,
            {
                "held_on": dates.day(follow_up["held"], today),
                "notes": follow_up["notes"],
                "advice": follow_up["advice"],
                "scores": scores,
            },
        )
    return consultation


class _Terms:
    def __init__(self, org):
        self.org, self.cache = org, {}

    def get(self, model, codes):
        if model not in self.cache:
            self.cache[model] = {t.code: t for t in model.objects.for_org(self.org)}
        return [self.cache[model][code] for code in codes]


def _place(index, municipalities):
    if isinstance(index, str):  # "outside" or "unknown"
        return index
    return municipalities[min(index, len(municipalities) - 1)]


def _seed_trajectory(spec, members, terms, municipalities, today):
    counsellors = [members[Role(role)] for role in spec["counsellors"]]
    started = dates.day(spec["started"], today)
    data = {
        "kind": spec["kind"],
        "municipality": _place(spec["place"], municipalities),
        "asker_role": terms.get(AskerRole, [spec["asker_role"]])[0],
        "life_stages": terms.get(LifeStage, spec["life_stages"]),
        "themes": terms.get(Theme, spec["themes"]),
        "request": spec["request"],
        "started_on": started,
        "counsellors": list(dict.fromkeys(m.user for m in counsellors)),
    }
    trajectory = services.open_trajectory(counsellors[0], data)
    goals = [
        services.add_goal(trajectory, text=goal["text"], score=goal["scores"][0], date=started)
        for goal in spec["goals"]
    ]
    for hypothesis in spec["hypotheses"]:
        services.add_hypothesis(
            trajectory,
            text=hypothesis["text"],
            formed_on=dates.day(hypothesis["formed"], today),
            status=hypothesis["status"],
            support=hypothesis["support"],
        )
    if spec["plan"]:
        services.update_plan(trajectory, spec["plan"])
    for member in spec["network"]:
        services.add_network_member(trajectory, role=member["role"], how=member["how"])
    for i, session in enumerate(spec["sessions"], start=1):
        scores = {
            g.pk: s["scores"][i] for g, s in zip(goals, spec["goals"], strict=True) if len(s["scores"]) > i
        }
        data = {
            "date": dates.day(session["date"], today),
            "kind": session["kind"],
            "duration": session["duration"],
            "notes": session["notes"],
            "scores": scores,
        }
        services.add_session(trajectory, counsellors[0], data)
    if "close" in spec:
        close = spec["close"]
        services.close_trajectory(
            trajectory,
            date=dates.day(close["date"], today),
            outcome=close["outcome"],
            scores={g.pk: score for g, score in zip(goals, close["scores"], strict=False)},
            evaluation=close["evaluation"],
        )
    return trajectory
