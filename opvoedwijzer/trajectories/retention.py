"""The trajectories' retention rule (privacy rule 6): on `texts_purge_on` (RETENTION_DAYS["trajectory_texts"]
after a trajectory's closure, or after a consultation's date or follow-up) its texts are blanked — the
request, plan and evaluation, session notes, hypotheses and what supports them, the goals' wording (a goal
becomes "Doel 1", "Doel 2", …), the network's roles; a consultation's question, observation, advice, the
follow-up's notes and advice, and its own hypotheses and goals' wording.
The numbers stay for the reports: dates, kinds, durations, scores, the outcome and the themes. Run nightly
by opvoedwijzer.retention."""

from django.conf import settings
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import Consultation, Goal, Hypothesis, NetworkMember, Trajectory, TrajectorySession


def expired_trajectories(now):
    return Trajectory.objects.filter(texts_purge_on__lte=timezone.localdate(now), texts_purged=False)


def expired_consultations(now):
    return Consultation.objects.filter(texts_purge_on__lte=timezone.localdate(now), texts_purged=False)


def purge_trajectory_texts(now):
    """Blank the texts of the trajectories and consultations whose day has come; {what: count}."""
    expired = expired_trajectories(now).values("pk")
    expired_own = expired_consultations(now).values("pk")
    of_expired = Q(trajectory__in=expired) | Q(consultation__in=expired_own)
    TrajectorySession.objects.filter(trajectory__in=expired).update(notes="")
    Hypothesis.objects.filter(of_expired).update(text="", support="")
    NetworkMember.objects.filter(trajectory__in=expired).update(role="", how="")
    goals = list(Goal.objects.filter(of_expired))
    with translation.override(settings.LANGUAGE_CODE):  # stored text: in the service's language
        for goal in goals:
            goal.text = _("Goal %(number)s") % {"number": goal.position}
    Goal.objects.bulk_update(goals, ["text"])
    trajectories = expired_trajectories(now).update(request="", plan="", evaluation="", texts_purged=True)
    consultations = expired_consultations(now).update(
        question="", observed="", advice="", follow_up_notes="", follow_up_advice="", texts_purged=True
    )
    return {"trajectory texts removed": trajectories, "consultation texts removed": consultations}


def purge_expired(now):
    return purge_trajectory_texts(now)
