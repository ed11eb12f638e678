"""Working with partners and policy: networking meetings (M10) and signals of needs (M12).

Both are about services and themes, never about families: their free text goes through the PII guard.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.activities.models import Activity
from opvoedwijzer.core.models import Municipality, Organisation
from opvoedwijzer.taxonomy.models import Theme, ThemeGroup


class MeetingKind(models.TextChoices):
    LOCAL_CONSULTATION = "local_consultation", _("local consultation")
    REGIONAL_POLICY = "regional_policy", _("regional policy group")
    STEERING_GROUP = "steering_group", _("steering group")
    HUIS_VAN_HET_KIND = "huis_van_het_kind", _("Huis van het Kind")
    OTHER = "other", _("other")


class MeetingQuerySet(models.QuerySet):
    def for_org(self, org):
        return self.filter(organisation=org)

    def in_period(self, start, end):
        return self.filter(date__gte=start, date__lte=end)


class Meeting(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind of meeting"), max_length=30, choices=MeetingKind.choices)
    title = models.CharField(_("title"), max_length=200)
    municipalities = models.ManyToManyField(
        Municipality, blank=True, related_name="+", verbose_name=_("municipalities concerned")
    )
    partners = models.TextField(_("participating organisations"), blank=True)
    topics = models.TextField(_("topics"), blank=True)
    decisions = models.TextField(_("decisions"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]

    def __str__(self):
        return f"{self.date} {self.title}"

    def partner_list(self):
        return [line.strip() for line in self.partners.splitlines() if line.strip()]


class MeetingActionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(done_on__isnull=True)


class MeetingAction(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="actions")
    description = models.CharField(_("action"), max_length=300)
    # Who does it: a colleague (an account, not a typed name: privacy rule 1) or a partner organisation.
    owner_member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("colleague"),
    )
    owner_partner = models.CharField(_("partner organisation"), max_length=120, blank=True)
    due_on = models.DateField(_("due date"), null=True, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)

    objects = MeetingActionQuerySet.as_manager()

    class Meta:
        # Open first, then by due date (none last), the same on SQLite and PostgreSQL.
        ordering = [
            models.F("done_on").asc(nulls_first=True),
            models.F("due_on").asc(nulls_last=True),
            "id",
        ]

    def __str__(self):
        return self.description

    @property
    def owner(self):
        return self.owner_member or self.owner_partner

    @property
    def is_overdue(self):
        return self.done_on is None and self.due_on is not None and self.due_on < timezone.localdate()


class SignalStatus(models.TextChoices):
    NEW = "new", _("new")
    REVIEWED = "reviewed", _("reviewed")
    BROUGHT_TO_POLICY = "brought_to_policy", _("brought to policy")
    ACTED_ON = "acted_on", _("acted on")
    CLOSED = "closed", _("closed")


class SignalSource(models.TextChoices):
    STAFF = "staff", _("raised by a worker")
    SYSTEM = "system", _("proposed by the system")


class SignalQuerySet(models.QuerySet):
    def for_org(self, org):
        return self.filter(organisation=org)

    def open(self):
        return self.exclude(status__in=[SignalStatus.ACTED_ON, SignalStatus.CLOSED])

    def waiting(self):
        """New signals nobody has reviewed yet."""
        return self.filter(status=SignalStatus.NEW)


class Signal(models.Model):
    """A need noticed in the questions, to be brought to policy makers."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="signals")
    title = models.CharField(_("title"), max_length=200)
    theme = models.ForeignKey(Theme, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("theme"))
    theme_group = models.ForeignKey(
        ThemeGroup, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("theme group")
    )
    municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("municipality")
    )
    description = models.TextField(_("description"))
    evidence = models.TextField(_("evidence"), blank=True)
    source = models.CharField(max_length=10, choices=SignalSource.choices, default=SignalSource.STAFF)
    # For a system proposal: the test's figures (observed, expected, p, q, windows), for the record.
    statistics = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=SignalStatus.choices, default=SignalStatus.NEW
    )
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    raised_on = models.DateField(_("raised on"), default=timezone.localdate)
    reviewed_on = models.DateField(_("reviewed on"), null=True, blank=True)
    brought_on = models.DateField(_("brought to policy on"), null=True, blank=True)
    brought_to = models.CharField(_("brought to whom"), max_length=200, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    # What came of it in the neighbourhood: a theme meeting of the group offer planned for this signal.
    theme_meeting = models.ForeignKey(
        Activity,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("theme meeting"),
    )

    objects = SignalQuerySet.as_manager()

    class Meta:
        ordering = ["-raised_on", "-id"]

    def __str__(self):
        return self.title
