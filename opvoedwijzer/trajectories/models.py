"""Trajectories (seed 004, M5, M11): short trajectories, bridging trajectories while a family waits for
specialised help, series of advice conversations; and the offer to professionals (M6): case
consultations and observation visits.

A trajectory is known by a pseudonymous `code` ("TR-7KQ4"), never by a name, address or birth date. Its
texts (the request, the plan, session notes, hypotheses, goal wording, the network, the evaluation) pass
the PII guard and are blanked on `texts_purge_on` (see retention.py); what stays are the numbers: dates,
kinds, durations, scores, the outcome and the themes. Only its counsellors and the coordinators see it.
"""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.contacts.models import Contact, Duration
from opvoedwijzer.core.areas import Area
from opvoedwijzer.core.models import Municipality, Organisation, Role
from opvoedwijzer.taxonomy.models import AskerRole, LifeStage, Theme

# Letters and digits that are not mistaken for one another when said on the phone (no 0/O, 1/I/L).
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 4
TEXT_MAX_LENGTH = 2000


def new_code():
    """A fresh pseudonymous code, e.g. "TR-7KQ4" (the service checks it is free in the organisation)."""
    return "TR-" + "".join(secrets.choice(CODE_ALPHABET) for _i in range(CODE_LENGTH))


class TrajectoryKind(models.TextChoices):
    SHORT = "short", _("Short trajectory")
    BRIDGING = "bridging", _("Bridging trajectory")
    ADVICE_SERIES = "advice_series", _("Series of advice conversations")


class Outcome(models.TextChoices):
    GOALS_REACHED = "goals_reached", _("goals reached")
    PARTLY_REACHED = "partly_reached", _("goals partly reached")
    NOT_REACHED = "not_reached", _("goals not reached")
    REFERRED_ON = "referred_on", _("referred on")
    STOPPED_BY_PARENT = "stopped_by_parent", _("stopped by the parent")
    MOVED = "moved", _("moved")


class SessionKind(models.TextChoices):
    CONVERSATION = "conversation", _("conversation")
    HOME_VISIT = "home_visit", _("home visit")
    PHONE = "phone", _("phone call")
    VIDEO = "video", _("video call")
    OBSERVATION = "observation", _("observation")


class HypothesisStatus(models.TextChoices):
    OPEN = "open", _("open")
    CONFIRMED = "confirmed", _("confirmed")
    REJECTED = "rejected", _("rejected")


class ProfessionalKind(models.TextChoices):
    SCHOOL = "school", _("school")
    CHILDCARE = "childcare", _("childcare")
    CLB = "clb", _("pupil guidance centre (CLB)")
    SOCIAL_WORK = "social_work", _("social work")
    HEALTH = "health", _("health care")
    OTHER = "other", _("other")


class ConsultationKind(models.TextChoices):
    CASE_CONSULTATION = "case_consultation", _("case consultation")
    OBSERVATION_VISIT = "observation_visit", _("observation visit")


def _area_matches(name):
    return models.CheckConstraint(
        condition=(Q(area=Area.MUNICIPALITY) & Q(municipality__isnull=False))
        | (~Q(area=Area.MUNICIPALITY) & Q(municipality__isnull=True)),
        name=name,
    )


class TrajectoryQuerySet(models.QuerySet):
    def for_org(self, org):
        return self.filter(organisation=org)

    def visible_to(self, membership):
        """Coordinators see all of their organisation's trajectories, staff those they counsel, others
        (volunteers, funders) none."""
        mine = self.for_org(membership.organisation)
        if membership.role == Role.COORDINATOR:
            return mine
        if membership.role == Role.STAFF:
            return mine.filter(counsellors=membership.user).distinct()
        return mine.none()

    def open(self):
        return self.filter(closed_on__isnull=True)

    def closed(self):
        return self.filter(closed_on__isnull=False)

    def in_period(self, start, end):
        """Started in [start, end]."""
        return self.filter(started_on__gte=start, started_on__lte=end)

    def running_during(self, start, end):
        """Started on or before `end` and not closed before `start`."""
        return self.filter(started_on__lte=end).filter(Q(closed_on__isnull=True) | Q(closed_on__gte=start))

    def closed_in(self, start, end):
        return self.filter(closed_on__gte=start, closed_on__lte=end)


class Trajectory(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="trajectories")
    code = models.CharField(_("code"), max_length=8)
    kind = models.CharField(_("kind"), max_length=16, choices=TrajectoryKind.choices)
    area = models.CharField(max_length=12, choices=Area.choices, default=Area.MUNICIPALITY)
    municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    asker_role = models.ForeignKey(AskerRole, on_delete=models.PROTECT, related_name="+")
    life_stages = models.ManyToManyField(LifeStage, related_name="+", blank=True)
    themes = models.ManyToManyField(Theme, related_name="+")
    main_theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="+")
    request = models.TextField(_("request"), max_length=TEXT_MAX_LENGTH, blank=True)
    started_on = models.DateField(_("started on"))
    counsellors = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="trajectories")
    plan = models.TextField(_("plan of approach"), max_length=TEXT_MAX_LENGTH, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    evaluation = models.TextField(_("evaluation"), max_length=TEXT_MAX_LENGTH, blank=True)
    texts_purge_on = models.DateField(null=True, blank=True)
    texts_purged = models.BooleanField(default=False)

    objects = TrajectoryQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on", "-id"]
        verbose_name = _("trajectory")
        indexes = [models.Index(fields=["organisation", "started_on"])]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "code"], name="unique_trajectory_code"),
            _area_matches("trajectory_municipality_matches_area"),
        ]

    def __str__(self):
        return self.code

    @property
    def is_open(self):
        return self.closed_on is None

    @property
    def place_label(self):
        if self.municipality_id:
            return self.municipality.name
        return Area(self.area).label


class TrajectorySession(models.Model):
    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=16, choices=SessionKind.choices)
    duration = models.CharField(_("duration"), max_length=8, choices=Duration.choices)
    notes = models.TextField(_("notes"), max_length=TEXT_MAX_LENGTH, blank=True)
    contact = models.ForeignKey(Contact, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("session")

    def __str__(self):
        return f"{self.trajectory_id} {self.date} {self.kind}"


def _one_owner(name):
    """A hypothesis or goal belongs to a trajectory or to a consultation, never both, never neither."""
    return models.CheckConstraint(
        condition=(Q(trajectory__isnull=False) & Q(consultation__isnull=True))
        | (Q(trajectory__isnull=True) & Q(consultation__isnull=False)),
        name=name,
    )


class Hypothesis(models.Model):
    """Of a trajectory, or of a consultation / observation visit (exactly one of the two)."""

    trajectory = models.ForeignKey(
        Trajectory, null=True, blank=True, on_delete=models.CASCADE, related_name="hypotheses"
    )
    consultation = models.ForeignKey(
        "Consultation", null=True, blank=True, on_delete=models.CASCADE, related_name="hypotheses"
    )
    text = models.TextField(_("hypothesis"), max_length=TEXT_MAX_LENGTH, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=HypothesisStatus.choices, default=HypothesisStatus.OPEN
    )
    support = models.TextField(_("what supports or rejects it"), max_length=TEXT_MAX_LENGTH, blank=True)
    formed_on = models.DateField(_("formed on"))

    class Meta:
        ordering = ["formed_on", "id"]
        verbose_name = _("hypothesis")
        verbose_name_plural = _("hypotheses")
        constraints = [_one_owner("hypothesis_has_one_owner")]

    def __str__(self):
        return f"{self.trajectory_id or self.consultation_id} {self.formed_on} {self.status}"


class Goal(models.Model):
    """Of a trajectory, or of a consultation / observation visit (exactly one of the two); only a
    trajectory's goals count in the numbers."""

    trajectory = models.ForeignKey(
        Trajectory, null=True, blank=True, on_delete=models.CASCADE, related_name="goals"
    )
    consultation = models.ForeignKey(
        "Consultation", null=True, blank=True, on_delete=models.CASCADE, related_name="goals"
    )
    text = models.CharField(_("goal"), max_length=500)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("goal")
        constraints = [_one_owner("goal_has_one_owner")]

    def __str__(self):
        return f"{self.trajectory_id or self.consultation_id} #{self.position}"


class GoalScore(models.Model):
    """A score on the goal's 0–10 scale; the first is the start, change = last − first."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="scores")
    date = models.DateField(_("date"))
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(0), MaxValueValidator(10)]
    )
    by_parent = models.BooleanField(_("the parent's own score"), default=True)
    session = models.ForeignKey(
        TrajectorySession, null=True, blank=True, on_delete=models.CASCADE, related_name="scores"
    )

    class Meta:
        ordering = ["date", "id"]
        constraints = [models.CheckConstraint(condition=Q(score__lte=10), name="goal_score_at_most_10")]

    def __str__(self):
        return f"{self.goal_id} {self.date}: {self.score}"


class NetworkMember(models.Model):
    """Someone around the family who can help: a role ("grootmoeder", "klasleerkracht"), never a name."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="network")
    role = models.CharField(_("role"), max_length=100, blank=True)
    how = models.CharField(_("how they help"), max_length=500, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.trajectory_id} network #{self.pk}"


class ConsultationQuerySet(models.QuerySet):
    def for_org(self, org):
        return self.filter(organisation=org)

    def in_period(self, start, end):
        return self.filter(date__gte=start, date__lte=end)

    def visible_to(self, membership):
        """Coordinators see all of their organisation's consultations, staff those they held, others
        (volunteers, funders) none."""
        mine = self.for_org(membership.organisation)
        if membership.role == Role.COORDINATOR:
            return mine
        if membership.role == Role.STAFF:
            return mine.filter(counsellor=membership.user)
        return mine.none()


class Consultation(models.Model):
    """A professional (a teacher, a childcare worker, the CLB, a social worker) brings a situation: a case
    consultation, or an observation visit in a class or childcare group."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="consultations")
    kind = models.CharField(_("kind"), max_length=20, choices=ConsultationKind.choices)
    professional_kind = models.CharField(
        _("kind of organisation"), max_length=12, choices=ProfessionalKind.choices
    )
    date = models.DateField(_("date"))
    duration = models.CharField(_("duration"), max_length=8, choices=Duration.choices)
    area = models.CharField(max_length=12, choices=Area.choices, default=Area.MUNICIPALITY)
    municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    life_stages = models.ManyToManyField(LifeStage, related_name="+", blank=True)
    themes = models.ManyToManyField(Theme, related_name="+")
    main_theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="+")
    question = models.TextField(_("question"), max_length=TEXT_MAX_LENGTH, blank=True)
    observed = models.TextField(_("what was observed"), max_length=TEXT_MAX_LENGTH, blank=True)
    advice = models.TextField(_("advice"), max_length=TEXT_MAX_LENGTH, blank=True)
    follow_up_on = models.DateField(_("follow-up on"), null=True, blank=True)
    # What came of the follow-up meeting: when it was held, what was seen or said, the advice then.
    follow_up_held_on = models.DateField(_("follow-up held on"), null=True, blank=True)
    follow_up_notes = models.TextField(_("what was seen or said"), max_length=TEXT_MAX_LENGTH, blank=True)
    follow_up_advice = models.TextField(_("the advice then"), max_length=TEXT_MAX_LENGTH, blank=True)
    counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    contact = models.ForeignKey(Contact, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    texts_purge_on = models.DateField(null=True, blank=True)
    texts_purged = models.BooleanField(default=False)

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("consultation")
        indexes = [models.Index(fields=["organisation", "date"])]
        constraints = [_area_matches("consultation_municipality_matches_area")]

    def __str__(self):
        return f"{self.organisation_id} {self.date} {self.kind}"
