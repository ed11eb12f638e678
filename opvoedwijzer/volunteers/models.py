"""The volunteer programme (seed 002, M9): volunteers (*opvoedambassadeurs*) are recruited, trained,
meet monthly to reflect, are guided by the coordinator and work where the parents are.

A volunteer is a colleague, not a client: the programme keeps what it needs to run — the name the team
uses, neighbourhoods, languages, availability, the status — and no more (no address, no birth date, no
phone number: the account's e-mail address is how the service reaches them). Free texts (availability,
intervision cases, learning notes, check-ins, questions) pass the PII guard, since they easily hold a
family's details. After a volunteer has stopped, `volunteers/retention.py` forgets the person
(`RETENTION_DAYS["volunteer_stopped"]`): name and texts go, the numbers (training completed, attendance)
stay for the reports.

Who sees what: the coordinators run the programme (everything); staff see the overview of who is active
where and in which languages (to match a family); a volunteer sees their own profile, training, check-ins,
questions and learning notes — learning notes are the volunteer's alone, not even the coordinator reads
them.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.activities.models import Activity
from opvoedwijzer.contacts.models import CONTACT_LANGUAGES
from opvoedwijzer.core.models import Membership, Municipality, Organisation
from opvoedwijzer.library.models import Resource
from opvoedwijzer.taxonomy.models import Theme

TEXT_MAX_LENGTH = 2000


class Status(models.TextChoices):
    CANDIDATE = "candidate", _("candidate")
    IN_TRAINING = "in_training", _("in training")
    ACTIVE = "active", _("active")
    PAUSED = "paused", _("paused")
    STOPPED = "stopped", _("stopped")


class VolunteerQuerySet(models.QuerySet):
    def for_org(self, org):
        return self.filter(organisation=org)

    def current(self):
        """Everyone not stopped: candidates, in training, active, paused."""
        return self.exclude(status=Status.STOPPED)

    def active(self):
        return self.filter(status=Status.ACTIVE)

    def speaking(self, language):
        return self.filter(languages__language=language)

    def in_area(self, municipality):
        return self.filter(neighbourhoods=municipality)


class Volunteer(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    # The volunteer's account, once they have one (a candidate may not have one yet).
    membership = models.OneToOneField(
        Membership,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="volunteer",
        verbose_name=_("account"),
    )
    name = models.CharField(
        _("name"), max_length=60, help_text=_("The first name or nickname the team uses. No surname needed.")
    )
    neighbourhoods = models.ManyToManyField(
        Municipality, related_name="+", blank=True, verbose_name=_("neighbourhoods")
    )
    availability = models.CharField(
        _("availability"),
        max_length=200,
        blank=True,
        help_text=_("When and where, e.g. 'Tuesday and Thursday afternoons, school gate De Linde'."),
    )
    started_on = models.DateField(_("start date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.CANDIDATE)
    status_since = models.DateField(_("status since"), default=timezone.localdate)
    # Set by the retention run when a stopped volunteer is forgotten: the name and texts are gone.
    forgotten_on = models.DateField(null=True, blank=True, editable=False)
    created_on = models.DateField(default=timezone.localdate, editable=False)

    objects = VolunteerQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self):
        return self.name or _("Volunteer %(number)s") % {"number": self.pk}


class VolunteerLanguage(models.Model):
    """A language the volunteer speaks with parents (ISO 639-1, the contacts' list)."""

    volunteer = models.ForeignKey(Volunteer, on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(_("language"), max_length=8, choices=CONTACT_LANGUAGES)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["volunteer", "language"], name="one_row_per_volunteer_language")
        ]

    def __str__(self):
        return self.get_language_display()


class TrainingModuleQuerySet(models.QuerySet):
    def for_org(self, org):
        return self.filter(organisation=org)

    def in_use(self):
        return self.filter(archived=False)


class TrainingModule(models.Model):
    """A part of the volunteers' training: 'Puberty', 'Radicalisation', 'Domestic violence', 'The social
    map of the neighbourhood'…"""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=TEXT_MAX_LENGTH)
    themes = models.ManyToManyField(Theme, related_name="+", blank=True, verbose_name=_("themes"))
    materials = models.ManyToManyField(
        Resource, related_name="+", blank=True, verbose_name=_("materials from the library")
    )
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=1, default=2)
    required = models.BooleanField(
        _("required before being active"),
        default=True,
        help_text=_("A volunteer follows it before starting."),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    archived = models.BooleanField(_("no longer given"), default=False)

    objects = TrainingModuleQuerySet.as_manager()

    class Meta:
        ordering = ["position", "title", "id"]

    def __str__(self):
        return self.title


class TrainingSessionQuerySet(models.QuerySet):
    def for_org(self, org):
        return self.filter(module__organisation=org)


class TrainingSession(models.Model):
    """One time a module is given; it may be an activity of the group offer (then the date, place and
    sign-ups are the activity's)."""

    module = models.ForeignKey(TrainingModule, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField(_("date"))
    trainer = models.CharField(
        _("trainer"),
        max_length=200,
        blank=True,
        help_text=_("Who gives it: a colleague, a partner, an expert."),
    )
    activity = models.ForeignKey(
        Activity,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("activity of the group offer"),
    )
    attendees = models.ManyToManyField(Volunteer, related_name="training_sessions", blank=True)

    objects = TrainingSessionQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]

    def __str__(self):
        return f"{self.module} · {self.date}"


class TrainingCompletion(models.Model):
    """A volunteer has followed a module: at one of its sessions, or elsewhere (then no session)."""

    volunteer = models.ForeignKey(Volunteer, on_delete=models.CASCADE, related_name="completions")
    module = models.ForeignKey(TrainingModule, on_delete=models.CASCADE, related_name="completions")
    session = models.ForeignKey(
        TrainingSession, null=True, blank=True, on_delete=models.SET_NULL, related_name="completions"
    )
    completed_on = models.DateField(_("completed on"), default=timezone.localdate)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["volunteer", "module"], name="one_completion_per_volunteer_module"
            )
        ]

    def __str__(self):
        return f"{self.module} · {self.completed_on}"


class ReflectionMeetingQuerySet(models.QuerySet):
    def for_org(self, org):
        return self.filter(organisation=org)

    def in_period(self, start, end):
        return self.filter(date__range=(start, end))


class ReflectionMeeting(models.Model):
    """The monthly meeting of the volunteers with the coordinator: topics, an invited expert, who came,
    and the anonymous intervision cases discussed."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    date = models.DateField(_("date"))
    topics = models.TextField(_("topics"), blank=True, max_length=TEXT_MAX_LENGTH)
    expert = models.CharField(
        _("invited expert"),
        max_length=200,
        blank=True,
        help_text=_("Their role or organisation, e.g. 'youth officer of the local police'."),
    )
    attendees = models.ManyToManyField(Volunteer, related_name="reflection_meetings", blank=True)

    objects = ReflectionMeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]

    def __str__(self):
        return str(self.date)


class IntervisionCase(models.Model):
    """A situation a volunteer met, told without anything that identifies a family (PII guard)."""

    meeting = models.ForeignKey(ReflectionMeeting, on_delete=models.CASCADE, related_name="cases")
    situation = models.TextField(_("situation"), max_length=TEXT_MAX_LENGTH)
    questions = models.TextField(_("questions raised"), blank=True, max_length=TEXT_MAX_LENGTH)
    learned = models.TextField(_("what we learned"), blank=True, max_length=TEXT_MAX_LENGTH)
    themes = models.ManyToManyField(Theme, related_name="+", blank=True, verbose_name=_("themes"))

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.meeting} · {self.pk}"


class LearningNote(models.Model):
    """The volunteer's own note of what they learned; only they read it."""

    volunteer = models.ForeignKey(Volunteer, on_delete=models.CASCADE, related_name="learning_notes")
    meeting = models.ForeignKey(
        ReflectionMeeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    written_on = models.DateField(_("date"), default=timezone.localdate)
    text = models.TextField(_("what I learned"), max_length=TEXT_MAX_LENGTH)

    class Meta:
        ordering = ["-written_on", "-id"]

    def __str__(self):
        return str(self.written_on)


class CheckIn(models.Model):
    """The coordinator's individual conversation with a volunteer; seen by that volunteer and the
    coordinators only."""

    volunteer = models.ForeignKey(Volunteer, on_delete=models.CASCADE, related_name="check_ins")
    date = models.DateField(_("date"), default=timezone.localdate)
    topics = models.TextField(_("topics"), max_length=TEXT_MAX_LENGTH)
    agreements = models.TextField(_("agreements"), blank=True, max_length=TEXT_MAX_LENGTH)
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-date", "-id"]

    def __str__(self):
        return str(self.date)


class VolunteerQuestionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(answered_on__isnull=True)


class VolunteerQuestion(models.Model):
    """A volunteer's question to the coordinator ("they can always turn to the coordinator")."""

    volunteer = models.ForeignKey(Volunteer, on_delete=models.CASCADE, related_name="questions")
    asked_on = models.DateField(_("asked on"), default=timezone.localdate)
    question = models.TextField(_("question"), max_length=TEXT_MAX_LENGTH)
    answer = models.TextField(_("answer"), blank=True, max_length=TEXT_MAX_LENGTH)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = VolunteerQuestionQuerySet.as_manager()

    class Meta:
        ordering = ["-asked_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(answered_on__isnull=True) | ~Q(answer=""),
                name="an_answered_question_has_an_answer",
            )
        ]

    def __str__(self):
        return str(self.asked_on)
