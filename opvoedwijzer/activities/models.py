"""The group offer (M7): information evenings, workshops, meeting moments, parent and parent–child
courses, groups for a target group. One `Activity` has one or more `Session`s (a course of six evenings
is one activity), a capacity in places, and sign-ups without an account.

Privacy (rule 1): a `SignUp` holds only a first name or nickname, the number of people and — only when
the person wants reminders — a phone number or e-mail address, encrypted. Name and contact are blanked
on `Activity.personal_data_purge_on` (seven days after the last session, see activities/retention.py);
what stays is an anonymous row that counts places. Attendance is a head count by who attended and
municipality; evaluations are anonymous and their comment passes the PII guard before it is stored.
"""

import datetime
import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.contacts.models import CONTACT_LANGUAGES, Area
from opvoedwijzer.core.models import Municipality, Organisation
from opvoedwijzer.library.models import Audience
from opvoedwijzer.socialmap.models import Location, MapOrganisation
from opvoedwijzer.taxonomy.models import AskerRole, LifeStage, Theme


class Kind(models.TextChoices):
    INFO_EVENING = "info_evening", _("information evening")
    WORKSHOP = "workshop", _("workshop")
    MEETING = "meeting", _("meeting moment")
    PARENT_COURSE = "parent_course", _("parent course")
    PARENT_CHILD_COURSE = "parent_child_course", _("parent–child course")
    THEME_MEETING = "theme_meeting", _("theme meeting in the neighbourhood")
    TARGET_GROUP = "target_group", _("group for a specific target group")
    TRAINING_PROFESSIONALS = "training_professionals", _("training for professionals")


class ActivityQuerySet(models.QuerySet):
    def for_org(self, org):
        return self.filter(organisation=org)

    def published(self):
        """On the public agenda: published and not cancelled."""
        return self.filter(published=True, cancelled_on__isnull=True)

    def with_dates(self):
        """`first_start` and `last_end` of the sessions (subqueries: no join that multiplies sums)."""
        sessions = Session.objects.filter(activity=OuterRef("pk"))
        return self.annotate(
            first_start=Subquery(sessions.order_by("starts_at").values("starts_at")[:1]),
            last_end=Subquery(sessions.order_by("-ends_at").values("ends_at")[:1]),
        )

    def upcoming(self, now=None):
        """Not over yet: a session still to end (needs `with_dates`)."""
        return self.filter(last_end__gte=now or timezone.now())

    def past(self, now=None):
        return self.filter(last_end__lt=now or timezone.now())

    def with_places(self):
        """`taken` (people with a confirmed place) and `waiting` (people on the waiting list)."""

        def people(status):
            signups = SignUp.objects.filter(activity=OuterRef("pk"), status=status).order_by()
            total = signups.values("activity").annotate(n=Sum("people")).values("n")
            return Coalesce(Subquery(total), 0)

        return self.annotate(taken=people(SignUpStatus.CONFIRMED), waiting=people(SignUpStatus.WAITING))

    def in_municipality(self, code):
        sessions = Session.objects.filter(location__municipality__code=code)
        return self.filter(pk__in=sessions.values("activity"))


class Activity(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    # Versions in the parents' languages: {"fr": {"title": "…"}, …} (core/translations.py).
    translations = models.JSONField(_("translations"), default=dict, blank=True)
    themes = models.ManyToManyField(Theme, related_name="+", blank=True, verbose_name=_("themes"))
    life_stages = models.ManyToManyField(
        LifeStage, related_name="+", blank=True, verbose_name=_("life stages")
    )
    audience = models.CharField(_("for"), max_length=14, choices=Audience.choices, default=Audience.PARENTS)
    language = models.CharField(_("language"), max_length=8, choices=CONTACT_LANGUAGES, default="nl")
    target_group = models.CharField(
        _("target group"),
        max_length=200,
        blank=True,
        help_text=_("Only for a specific group, e.g. fathers, newcomers, foster parents."),
    )
    partners = models.ManyToManyField(
        MapOrganisation, related_name="+", blank=True, verbose_name=_("partner organisations")
    )
    price = models.DecimalField(
        _("price in euro"),
        max_digits=7,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
        help_text=_("0 is free."),
    )
    capacity = models.PositiveIntegerField(
        _("places"), validators=[MinValueValidator(1)], help_text=_("The number of people who can come.")
    )
    join_later = models.BooleanField(
        _("people can join after the first session"),
        default=False,
        help_text=_("For a series of meetings where anyone may drop in; a course closes when it starts."),
    )
    published = models.BooleanField(_("on the public agenda"), default=False)
    cancelled_on = models.DateField(null=True, blank=True, editable=False)
    created_on = models.DateField(default=timezone.localdate, editable=False)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["-id"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self):
        return self.title

    @property
    def is_free(self):
        return not self.price

    @property
    def places_left(self):
        """Free places (needs the `taken` of `with_places`)."""
        return max(0, self.capacity - self.taken)

    def first_session(self):
        return min(self.sessions.all(), key=lambda s: s.starts_at, default=None)

    def last_session(self):
        return max(self.sessions.all(), key=lambda s: s.ends_at, default=None)

    def next_session(self, now=None):
        """The first session still to start, or None."""
        now = now or timezone.now()
        return min(
            (s for s in self.sessions.all() if s.starts_at > now), key=lambda s: s.starts_at, default=None
        )

    def signups_open(self, now=None):
        """Sign-up is possible while the activity is published, not cancelled and has not started — or,
        when people can join later, while a session is still to start."""
        if not self.published or self.cancelled_on is not None:
            return False
        if self.join_later:
            return self.next_session(now) is not None
        first = self.first_session()
        return first is not None and first.starts_at > (now or timezone.now())

    def personal_data_purge_on(self):
        """The day the names and contacts of its sign-ups go: RETENTION_DAYS["signup_contact"] days
        after the last session (or after the cancellation)."""
        days = datetime.timedelta(days=settings.RETENTION_DAYS["signup_contact"])
        if self.cancelled_on:
            return self.cancelled_on + days
        last = self.last_session()
        return timezone.localdate(last.ends_at) + days if last else None


def new_evaluation_code():
    return secrets.token_urlsafe(9)


class SessionQuerySet(models.QuerySet):
    def for_org(self, org):
        return self.filter(activity__organisation=org)

    def starting_between(self, start, end):
        """Sessions starting from `start` (inclusive) up to `end` (exclusive); datetimes."""
        return self.filter(starts_at__gte=start, starts_at__lt=end)

    def of_activities_not_cancelled(self):
        return self.filter(activity__cancelled_on__isnull=True)

    def with_signups(self):
        """`taken` and `waiting`: people signed up for the session's activity (confirmed, waiting list)."""

        def people(status):
            signups = SignUp.objects.filter(activity=OuterRef("activity"), status=status).order_by()
            total = signups.values("activity").annotate(n=Sum("people")).values("n")
            return Coalesce(Subquery(total), 0)

        return self.annotate(taken=people(SignUpStatus.CONFIRMED), waiting=people(SignUpStatus.WAITING))

    def with_counts(self):
        """`present` (the head count, None when not counted) and `evaluated` (evaluations), as
        subqueries: joining both would multiply the one by the other."""
        heads = Attendance.objects.filter(session=OuterRef("pk")).order_by().values("session")
        evaluations = Evaluation.objects.filter(session=OuterRef("pk")).order_by().values("session")
        return self.annotate(
            present=Subquery(heads.annotate(n=Sum("count")).values("n")),
            evaluated=Coalesce(Subquery(evaluations.annotate(n=Count("id")).values("n")), 0),
        )


class Session(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    location = models.ForeignKey(
        Location,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("location"),
        help_text=_("A location from the social map."),
    )
    room = models.CharField(_("room or extra directions"), max_length=200, blank=True)
    # The link of the anonymous evaluation form (and its QR code): /<org>/evaluate/<code>/
    evaluation_code = models.CharField(
        max_length=16, unique=True, default=new_evaluation_code, editable=False
    )

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="session_ends_after_start")
        ]

    def __str__(self):
        return f"{self.activity} · {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def municipality(self):
        return self.location.municipality if self.location_id else None

    @property
    def place(self):
        """Where, in one line: location name, address, room."""
        parts = []
        if self.location_id:
            parts += [self.location.name, self.location.address_line]
        parts.append(self.room)
        return ", ".join(dict.fromkeys(p for p in parts if p))


class SignUpStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("confirmed")
    WAITING = "waiting", _("on the waiting list")
    CANCELLED = "cancelled", _("cancelled")


class SignUpQuerySet(models.QuerySet):
    def for_org(self, org):
        return self.filter(activity__organisation=org)

    def confirmed(self):
        return self.filter(status=SignUpStatus.CONFIRMED)

    def waiting(self):
        return self.filter(status=SignUpStatus.WAITING)

    def active(self):
        return self.exclude(status=SignUpStatus.CANCELLED)


MAX_PEOPLE_PER_SIGNUP = 10


class SignUp(models.Model):
    """One sign-up: a first name or nickname, a number of people, and — only for reminders — a phone
    number or e-mail address (encrypted). The waiting list is the order of the ids."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="signups")
    name = models.CharField(_("first name or nickname"), max_length=60, blank=True)
    people = models.PositiveSmallIntegerField(
        _("number of people"), validators=[MinValueValidator(1), MaxValueValidator(MAX_PEOPLE_PER_SIGNUP)]
    )
    contact = models.TextField(blank=True, editable=False)  # encrypted phone number or e-mail address
    status = models.CharField(max_length=10, choices=SignUpStatus.choices)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)  # of the cancel link
    language = models.CharField(max_length=8, default="nl", editable=False)  # of messages to them
    signed_up_on = models.DateField(default=timezone.localdate, editable=False)
    # The start day of the last session a reminder was sent for (one reminder per session).
    reminded_for = models.DateField(null=True, blank=True, editable=False)

    objects = SignUpQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["activity", "status"], name="signup_activity_status")]

    def __str__(self):
        return f"{self.activity_id} · {self.people} · {self.status}"

    def waiting_position(self):
        """The place on the waiting list (1 = next), or None when not waiting."""
        if self.status != SignUpStatus.WAITING:
            return None
        return (
            SignUp.objects.filter(activity_id=self.activity_id, status=self.status, id__lt=self.id).count()
            + 1
        )


class CheckIn(models.Model):
    """Ticked on the check-in list of an evening; anonymous once the sign-up's name is purged."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="check_ins")
    signup = models.ForeignKey(SignUp, on_delete=models.CASCADE, related_name="check_ins")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "signup"], name="one_check_in_per_session")]

    def __str__(self):
        return f"{self.session_id} · {self.signup_id}"


class AttendanceQuerySet(models.QuerySet):
    def for_org(self, org):
        return self.filter(session__activity__organisation=org)


class Attendance(models.Model):
    """A head count of one session: so many people of this kind (mother, grandparent, teacher, …) from
    this municipality (or from outside the region, or unknown). No names."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    who = models.ForeignKey(AskerRole, on_delete=models.PROTECT, related_name="+", verbose_name=_("who"))
    area = models.CharField(max_length=12, choices=Area.choices, default=Area.MUNICIPALITY)
    municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    count = models.PositiveIntegerField(_("number"), validators=[MinValueValidator(1)])

    objects = AttendanceQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(area="municipality") & Q(municipality__isnull=False))
                | (~Q(area="municipality") & Q(municipality__isnull=True)),
                name="attendance_municipality_matches_area",
            )
        ]

    def __str__(self):
        return f"{self.session_id} · {self.who_id} · {self.count}"


SCORES = [(n, str(n)) for n in range(1, 6)]


class EvaluationQuerySet(models.QuerySet):
    def for_org(self, org):
        return self.filter(session__activity__organisation=org)

    def averages(self):
        return self.aggregate(
            n=Count("id"),
            overall=models.Avg("overall"),
            useful=models.Avg("useful"),
            atmosphere=models.Avg("atmosphere"),
        )


class Evaluation(models.Model):
    """An anonymous evaluation after a session: three scores from 1 to 5 and a comment whose
    personal data were replaced before it was stored."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="evaluations")
    overall = models.PositiveSmallIntegerField(_("How did you like it?"), choices=SCORES)
    useful = models.PositiveSmallIntegerField(_("How useful was it for you?"), choices=SCORES)
    atmosphere = models.PositiveSmallIntegerField(_("How did you feel in the group?"), choices=SCORES)
    comment = models.TextField(_("Anything else you want to tell us?"), blank=True)
    given_on = models.DateField(default=timezone.localdate, editable=False)

    objects = EvaluationQuerySet.as_manager()

    class Meta:
        ordering = ["-id"]

    def __str__(self):
        return f"{self.session_id} · {self.overall}"
