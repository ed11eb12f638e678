"""Anonymous contact registration (M1) and outreach tallies (M2).

A contact is one question or conversation. It holds no name, address or birth date: only what
was asked, by whom (a role), from where (a municipality), and what was offered. Dates are days
(privacy rule 3): there is no creation timestamp.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.core.areas import Area
from opvoedwijzer.core.models import Municipality, Organisation
from opvoedwijzer.taxonomy import defaults
from opvoedwijzer.taxonomy.models import AskerRole, Channel, LifeStage, OfferType, Theme

RequestKind = models.TextChoices("RequestKind", [(code, code) for code, _nl, _en in defaults.REQUEST_KINDS])
Duration = models.TextChoices("Duration", [(code, code) for code, _nl, _en in defaults.DURATIONS])


class Source(models.TextChoices):
    FORM = "form", _("form")
    TALLY = "tally", _("outreach tally")
    API = "api", _("API")
    DEMO = "demo", _("demo data")
    IMPORT = "import", _("import")
    LOG = "log", _("conversation log (works offline)")


# Languages a contact can be held in (ISO 639-1); optional on every contact.
CONTACT_LANGUAGES = [
    ("nl", _("Dutch")),
    ("fr", _("French")),
    ("en", _("English")),
    ("de", _("German")),
    ("ar", _("Arabic")),
    ("tr", _("Turkish")),
    ("pl", _("Polish")),
    ("ro", _("Romanian")),
    ("bg", _("Bulgarian")),
    ("ru", _("Russian")),
    ("uk", _("Ukrainian")),
    ("es", _("Spanish")),
    ("it", _("Italian")),
    ("so", _("Somali")),
    ("ti", _("Tigrinya")),
    ("fa", _("Persian")),
    ("ps", _("Pashto")),
    ("other", _("Other language")),
]


def _editable_condition(membership):
    if membership.is_coordinator:
        return Q(pk__isnull=False)
    since = timezone.localdate() - datetime.timedelta(days=settings.CONTACT_EDIT_DAYS)
    return Q(author=membership.user, registered_on__gte=since)


class ContactQuerySet(models.QuerySet):
    def for_org(self, org):
        return self.filter(organisation=org)

    def in_period(self, start, end):
        return self.filter(date__gte=start, date__lte=end)

    def by_author(self, user):
        return self.filter(author=user)

    def counted_for(self, user, day, *, team=False):
        """{mine_today, mine_week} registered by `user` (on `day`, in the queryset's period), and with
        `team` also {team_today, team_week}: one aggregate (the staff home's registrations)."""
        counted = {
            "mine_today": Count("id", filter=Q(author=user, date=day)),
            "mine_week": Count("id", filter=Q(author=user)),
        }
        if team:
            counted |= {"team_today": Count("id", filter=Q(date=day)), "team_week": Count("id")}
        return self.aggregate(**counted)

    def editable_by(self, membership):
        """What a member may still correct: coordinators always, others their own for CONTACT_EDIT_DAYS."""
        return self.for_org(membership.organisation).filter(_editable_condition(membership))

    def with_editable(self, membership):
        """Each contact with `is_editable`: whether `editable_by(membership)` holds it, so that lists
        show "edit / delete / refer" only where those lead somewhere (no extra query)."""
        return self.annotate(
            is_editable=models.ExpressionWrapper(
                _editable_condition(membership) & Q(organisation=membership.organisation),
                output_field=models.BooleanField(),
            )
        )

    def for_listing(self):
        """What the lists show: the contact, its terms and themes (main first)."""
        return self.select_related("channel", "asker_role", "municipality", "author").prefetch_related(
            "contact_themes__theme"
        )

    def with_details(self):
        return self.select_related("channel", "asker_role", "municipality").prefetch_related(
            "life_stages", "offers", "contact_themes__theme"
        )


class Contact(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="contacts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contacts",
    )
    date = models.DateField(_("date"))
    registered_on = models.DateField(default=timezone.localdate)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.FORM)
    channel = models.ForeignKey(Channel, on_delete=models.PROTECT, related_name="+")
    asker_role = models.ForeignKey(AskerRole, on_delete=models.PROTECT, related_name="+")
    area = models.CharField(max_length=12, choices=Area.choices, default=Area.MUNICIPALITY)
    municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    request_kind = models.CharField(max_length=12, choices=RequestKind.choices)
    life_stages = models.ManyToManyField(LifeStage, related_name="+", blank=True)
    themes = models.ManyToManyField(Theme, through="ContactTheme", related_name="+")
    offers = models.ManyToManyField(OfferType, related_name="+", blank=True)
    duration = models.CharField(max_length=8, choices=Duration.choices)
    language = models.CharField(max_length=8, choices=CONTACT_LANGUAGES, blank=True)
    place = models.CharField(_("place"), max_length=100, blank=True)
    note = models.TextField(_("note"), max_length=500, blank=True)
    # Registered by a volunteer (opvoedambassadeur): the volunteers' reach in the reports. Set from the
    # author's role when the contact is registered, so it stays true when the account is gone.
    by_volunteer = models.BooleanField(default=False)
    # A random id the sending device gave the contact (the offline conversation log, an API client), so
    # that the same contact sent twice is stored once. Identifies no one.
    client_id = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    objects = ContactQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [
            models.Index(fields=["organisation", "date"]),
            models.Index(fields=["organisation", "author", "registered_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(Q(area="municipality") & Q(municipality__isnull=False))
                | (~Q(area="municipality") & Q(municipality__isnull=True)),
                name="contact_municipality_matches_area",
            )
        ]

    def __str__(self):
        return f"#{self.pk} {self.date}"

    @property
    def place_label(self):
        if self.municipality_id:
            return self.municipality.name
        return Area(self.area).label

    @property
    def municipality_code(self):
        """The code used in the API and exports: a NIS code, 'outside' or 'unknown'."""
        return self.municipality.code if self.municipality_id else self.area

    def as_codes(self):
        """The contact in codes, as the form and the API speak them (uses prefetched relations)."""
        themes = self.themes_in_order()
        return {
            "date": self.date,
            "channel": self.channel.code,
            "asker_role": self.asker_role.code,
            "municipality": self.municipality_code,
            "request_kind": self.request_kind,
            "life_stages": [t.code for t in self.life_stages.all()],
            "main_theme": themes[0].code if themes else None,
            "themes": [t.code for t in themes[1:]],
            "offers": [t.code for t in self.offers.all()],
            "duration": self.duration,
            "language": self.language,
            "note": self.note,
        }

    def themes_in_order(self):
        """Main theme first (uses the prefetched contact_themes)."""
        rows = sorted(self.contact_themes.all(), key=lambda ct: (not ct.is_main, ct.theme_id))
        return [ct.theme for ct in rows]


class ContactTheme(models.Model):
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="contact_themes")
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="+")
    is_main = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["contact", "theme"], name="unique_contact_theme"),
            models.UniqueConstraint(
                fields=["contact"], condition=Q(is_main=True), name="one_main_theme_per_contact"
            ),
        ]

    def __str__(self):
        return f"{self.contact_id}: {self.theme_id}{' (main)' if self.is_main else ''}"


class DailyCount(models.Model):
    """Distinct contacts per organisation, dimension, day, area and value (see rollup.py)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+", db_index=False)
    dim = models.CharField(max_length=20)
    day = models.DateField()
    area = models.CharField(max_length=10)  # a NIS code, "outside" or "unknown"
    value = models.CharField(max_length=50)  # a code; "" for none
    n = models.IntegerField()

    class Meta:
        db_table = "reports_dailycount"
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "dim", "day", "area", "value"], name="one_daily_count"
            )
        ]

    def __str__(self):
        return f"{self.day} {self.area} {self.dim}={self.value}: {self.n}"


class MonthlyCount(models.Model):
    """The same per month ("YYYY-MM"): whole months of a period are read from here."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+", db_index=False)
    dim = models.CharField(max_length=20)
    month = models.CharField(max_length=7)
    area = models.CharField(max_length=10)
    value = models.CharField(max_length=50)
    n = models.IntegerField()

    class Meta:
        db_table = "reports_monthlycount"
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "dim", "month", "area", "value"], name="one_monthly_count"
            )
        ]

    def __str__(self):
        return f"{self.month} {self.area} {self.dim}={self.value}: {self.n}"


class PairCount(models.Model):
    """Distinct contacts per organisation, week of the month, area and the values of two dimensions
    (dim1 before dim2 in rollup.PAIR_ORDER): a report that crosses two dimensions, such as
    `by=theme,channel`, reads its whole months and weeks from here (see rollup.py)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+", db_index=False)
    dim1 = models.CharField(max_length=20)
    dim2 = models.CharField(max_length=20)
    month = models.CharField(max_length=7)
    week = models.PositiveSmallIntegerField()  # of the month: 1 = days 1–7, …, 5 = days 29–31
    area = models.CharField(max_length=10)
    value1 = models.CharField(max_length=50)  # a code; "" for none
    value2 = models.CharField(max_length=50)
    n = models.IntegerField()

    class Meta:
        db_table = "reports_paircount"
        constraints = [
            # In the order reports read it: one pair of dimensions, a range of months, grouped by month,
            # area and values (so rows come grouped from the index); on PostgreSQL it also carries n
            # (migration 0004), so reports never read the table itself.
            models.UniqueConstraint(
                fields=["organisation", "dim1", "dim2", "month", "area", "value1", "value2", "week"],
                name="one_pair_count",
            )
        ]

    def __str__(self):
        values = f"{self.dim1}={self.value1} {self.dim2}={self.value2}"
        return f"{self.month} week {self.week} {self.area} {values}: {self.n}"
