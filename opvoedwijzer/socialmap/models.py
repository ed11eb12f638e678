"""The social map (M8), modelled after Open Referral HSDS 3.0, and referrals.

HSDS entities and where they live here:

- organization → `MapOrganisation` (a partner or any other provider; not the tenant `core.Organisation`)
- service → `Service`; location → `Location` (its address and accessibility are fields of the location:
  one physical address per location); service_at_location → `ServiceAtLocation`
- phone → `Phone`; contact → `ServiceContact` (a desk or a function of a service, never a family)
- schedule → `Schedule` (weekly opening hours: the part of the RRULE that "open now" needs)
- service_area → `Service.municipalities` (empty = no limit) plus `area_description` for areas that
  came in as free text; language → `Service.languages` (ISO 639-1 codes)
- taxonomy / taxonomy_term → our themes and life stages (exported as two taxonomies), plus
  `Taxonomy`/`TaxonomyTerm` for terms that arrived in an import; attribute → `Service.terms`
  and the theme/life-stage links.

Every row belongs to one tenant (`organisation`) and carries the HSDS `uuid` it is exchanged with.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.core.models import Municipality, Organisation
from opvoedwijzer.taxonomy.models import LifeStage, Theme


class TenantQuerySet(models.QuerySet):
    def for_org(self, org):
        return self.filter(organisation=org)


class HSDSRecord(models.Model):
    """A row of one tenant, exchanged under its HSDS `uuid` (unique within the tenant)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    uuid = models.UUIDField(default=uuid.uuid4, editable=False)

    objects = TenantQuerySet.as_manager()

    class Meta:
        abstract = True
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "uuid"], name="%(app_label)s_%(class)s_unique_uuid"
            )
        ]


class Partnership(models.TextChoices):
    NONE = "", _("no partnership")
    STRUCTURAL = "structural", _("structural partner")
    ADHOC = "adhoc", _("ad-hoc partner")


class MapOrganisation(HSDSRecord):
    """An organisation on the social map (HSDS organization)."""

    name = models.CharField(_("name"), max_length=200)
    alternate_name = models.CharField(_("other name"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    email = models.EmailField(_("general e-mail address"), blank=True)
    website = models.URLField(_("website"), max_length=300, blank=True)
    partnership = models.CharField(
        _("partnership"), max_length=12, choices=Partnership.choices, blank=True, default=""
    )
    sociale_kaart_id = models.CharField(
        _("Sociale Kaart identifier"),
        max_length=40,
        blank=True,
        help_text=_("The number of this organisation on the Flemish Sociale Kaart (socialekaart.be)."),
    )
    last_modified = models.DateTimeField(default=timezone.now)

    class Meta(HSDSRecord.Meta):
        ordering = ["name"]
        verbose_name = _("organisation on the social map")

    def __str__(self):
        return self.name


class LocationType(models.TextChoices):
    PHYSICAL = "physical", _("a building")
    POSTAL = "postal", _("a postal address")
    VIRTUAL = "virtual", _("online")


class Location(HSDSRecord):
    """A place where services are delivered (HSDS location, with its address and accessibility)."""

    map_organisation = models.ForeignKey(
        MapOrganisation, null=True, blank=True, on_delete=models.CASCADE, related_name="locations"
    )
    location_type = models.CharField(max_length=10, choices=LocationType.choices, default="physical")
    name = models.CharField(_("name"), max_length=200, blank=True)
    alternate_name = models.CharField(max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    transportation = models.TextField(_("how to get there"), blank=True)
    url = models.URLField(max_length=300, blank=True)
    address_1 = models.CharField(_("street and number"), max_length=200, blank=True)
    address_2 = models.CharField(max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=12, blank=True)
    city = models.CharField(_("place"), max_length=100, blank=True)
    state_province = models.CharField(max_length=100, blank=True)
    country = models.CharField(max_length=2, default="BE")
    municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    accessibility = models.TextField(_("accessibility"), blank=True)
    external_identifier = models.CharField(max_length=100, blank=True)
    external_identifier_type = models.CharField(max_length=50, blank=True)

    class Meta(HSDSRecord.Meta):
        ordering = ["name", "id"]

    def __str__(self):
        return self.name or self.address_line or str(self.uuid)

    @property
    def address_line(self):
        return ", ".join(p for p in (self.address_1, f"{self.postal_code} {self.city}".strip()) if p)


class ServiceStatus(models.TextChoices):
    ACTIVE = "active", _("active")
    TEMPORARILY_CLOSED = "temporarily closed", _("temporarily closed")
    INACTIVE = "inactive", _("inactive")
    DEFUNCT = "defunct", _("retired")


class ServiceQuerySet(TenantQuerySet):
    def current(self):
        """What can still be found and referred to: not retired."""
        return self.filter(retired_on__isnull=True).exclude(status=ServiceStatus.DEFUNCT)

    def speaking(self, code):
        """Services that help in this language (ISO 639-1)."""
        return self.filter(
            Q(languages=code)
            | Q(languages__startswith=f"{code},")
            | Q(languages__endswith=f",{code}")
            | Q(languages__contains=f",{code},")
        )

    def unchecked_since(self, day):
        return self.current().filter(Q(last_checked_on__isnull=True) | Q(last_checked_on__lt=day))

    def for_cards(self):
        """What a result card shows, in a fixed number of queries."""
        return self.select_related("map_organisation").prefetch_related(
            "themes",
            "life_stages",
            "municipalities",
            "locations__municipality",
            "locations__schedules",
            "phones",
            "schedules",
        )


class Service(HSDSRecord):
    """What an organisation offers (HSDS service). Ages in months, as our life stages."""

    map_organisation = models.ForeignKey(
        MapOrganisation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="services",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=200)
    alternate_name = models.CharField(_("other name"), max_length=200, blank=True)
    description = models.TextField(_("what they do"), blank=True)
    url = models.URLField(_("web page"), max_length=300, blank=True)
    email = models.EmailField(_("e-mail address of the service"), blank=True)
    status = models.CharField(max_length=20, choices=ServiceStatus.choices, default=ServiceStatus.ACTIVE)
    application_process = models.TextField(_("how to get there"), blank=True)
    fees_description = models.CharField(_("cost"), max_length=300, blank=True)
    eligibility_description = models.TextField(_("for whom"), blank=True)
    interpretation_services = models.CharField(_("interpreters"), max_length=300, blank=True)
    wait_time = models.CharField(_("waiting time"), max_length=200, blank=True)
    alert = models.CharField(_("notice"), max_length=300, blank=True)
    min_months = models.SmallIntegerField(_("from age (months)"), null=True, blank=True)
    max_months = models.SmallIntegerField(_("to age (months)"), null=True, blank=True)
    # ISO 639-1 codes, comma-separated ("nl,fr,en"); see `language_list`.
    languages = models.CharField(_("languages"), max_length=200, blank=True)
    themes = models.ManyToManyField(Theme, related_name="+", blank=True, verbose_name=_("themes"))
    life_stages = models.ManyToManyField(
        LifeStage, related_name="+", blank=True, verbose_name=_("life stages")
    )
    municipalities = models.ManyToManyField(
        Municipality,
        related_name="+",
        blank=True,
        verbose_name=_("serves"),
        help_text=_("None chosen: the service is open to everyone, wherever they live."),
    )
    area_description = models.TextField(_("area served"), blank=True)
    locations = models.ManyToManyField(Location, through="ServiceAtLocation", related_name="services")
    terms = models.ManyToManyField("TaxonomyTerm", related_name="services", blank=True)
    last_checked_on = models.DateField(_("last checked on"), null=True, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    retired_on = models.DateField(_("retired on"), null=True, blank=True)
    last_modified = models.DateTimeField(default=timezone.now)
    # What search reads, kept by `search.reindex()` from every write (never edited by hand):
    # name, description, organisation, themes, places … in one text for the full-text index, and the
    # codes the filters test as ",code,code," lists, so that a filter is a test on the row itself.
    search_text = models.TextField(blank=True, editable=False)
    theme_codes = models.TextField(blank=True, editable=False)  # themes and ",group:<code>," of groups
    stage_codes = models.TextField(blank=True, editable=False)  # life stages
    area_codes = models.TextField(blank=True, editable=False)  # NIS codes served; "" = no limit
    place_codes = models.TextField(blank=True, editable=False)  # NIS codes of its locations

    objects = ServiceQuerySet.as_manager()

    class Meta(HSDSRecord.Meta):
        ordering = ["name", "id"]
        constraints = [
            *HSDSRecord.Meta.constraints,
            models.CheckConstraint(
                condition=Q(min_months__isnull=True)
                | Q(max_months__isnull=True)
                | Q(min_months__lte=models.F("max_months")),
                name="service_ages_in_order",
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "last_checked_on"]),
            # The search's default order: its first page is read from the index, not sorted.
            models.Index(fields=["organisation", "name", "id"], name="socialmap_service_by_name"),
            # The search's count of current services (and of those open now: the ids are tested
            # against the open sets) from the index alone, not from the wide rows.
            models.Index(
                fields=["organisation", "retired_on", "status", "id"], name="socialmap_service_current"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_retired(self):
        return self.retired_on is not None or self.status == ServiceStatus.DEFUNCT

    @property
    def language_list(self):
        return [code for code in self.languages.split(",") if code]

    @property
    def age_label(self):
        return age_range_label(self.min_months, self.max_months)

    def is_open_at(self, moment):
        return any(schedule.is_open_at(moment) for schedule in self.opening_hours())

    def opening_hours(self):
        """The schedules that apply: the service's own, else those of its locations (prefetched)."""
        own = list(self.schedules.all())
        if own:
            return own
        return [s for loc in self.locations.all() for s in loc.schedules.all()]


def age_range_label(min_months, max_months):
    def years(months):
        return f"{months // 12}" if months % 12 == 0 else f"{months / 12:.1f}".replace(".", ",")

    if min_months is None and max_months is None:
        return ""
    if max_months is None:
        return _("from %(age)s years") % {"age": years(min_months)}
    if min_months is None or min_months <= 0:
        return _("up to %(age)s years") % {"age": years(max_months)}
    return _("%(low)s to %(high)s years") % {"low": years(min_months), "high": years(max_months)}


class ServiceAtLocation(HSDSRecord):
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="service_at_locations")
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="service_at_locations")
    description = models.TextField(blank=True)

    class Meta(HSDSRecord.Meta):
        constraints = [
            *HSDSRecord.Meta.constraints,
            models.UniqueConstraint(fields=["service", "location"], name="one_link_per_service_location"),
        ]

    def __str__(self):
        return f"{self.service_id} @ {self.location_id}"


class Phone(HSDSRecord):
    """A phone number of an organisation, service or location (never of a person)."""

    map_organisation = models.ForeignKey(
        MapOrganisation, null=True, blank=True, on_delete=models.CASCADE, related_name="phones"
    )
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="phones"
    )
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.CASCADE, related_name="phones"
    )
    number = models.CharField(_("phone number"), max_length=40)
    extension = models.PositiveIntegerField(null=True, blank=True)
    type = models.CharField(max_length=20, blank=True, default="voice")
    description = models.TextField(blank=True)

    class Meta(HSDSRecord.Meta):
        ordering = ["id"]

    def __str__(self):
        return self.number


class ServiceContact(HSDSRecord):
    """Who to ask for at a service: a desk, team or function (HSDS contact). Never a family."""

    map_organisation = models.ForeignKey(
        MapOrganisation, null=True, blank=True, on_delete=models.CASCADE, related_name="contacts"
    )
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(_("desk or function"), max_length=200, blank=True)
    title = models.CharField(max_length=200, blank=True)
    department = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)

    class Meta(HSDSRecord.Meta):
        ordering = ["id"]

    def __str__(self):
        return self.name or self.department or self.title


class Weekday(models.TextChoices):
    MO = "MO", _("Monday")
    TU = "TU", _("Tuesday")
    WE = "WE", _("Wednesday")
    TH = "TH", _("Thursday")
    FR = "FR", _("Friday")
    SA = "SA", _("Saturday")
    SU = "SU", _("Sunday")


WEEKDAYS = [code for code, _label in Weekday.choices]  # index = date.weekday()


class Schedule(HSDSRecord):
    """Opening hours: on `byday` (e.g. "MO,TU") from `opens_at` to `closes_at` (HSDS schedule)."""

    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="schedules"
    )
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.CASCADE, related_name="schedules"
    )
    freq = models.CharField(max_length=10, default="WEEKLY")
    interval = models.PositiveSmallIntegerField(null=True, blank=True)
    byday = models.CharField(max_length=40, blank=True)
    bymonthday = models.CharField(max_length=40, blank=True)
    opens_at = models.TimeField(null=True, blank=True)
    closes_at = models.TimeField(null=True, blank=True)
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    description = models.TextField(blank=True)
    notes = models.TextField(blank=True)
    attending_type = models.CharField(max_length=200, blank=True)

    class Meta(HSDSRecord.Meta):
        ordering = ["id"]
        indexes = [
            # "Open now" (search.open_at): the schedules that cover a moment, read from this index
            # alone (every column the test and its answer use), not row by row from the table.
            models.Index(
                fields=[
                    *["organisation", "freq", "opens_at", "closes_at", "byday", "valid_from", "valid_to"],
                    *["service", "location"],
                ],
                name="socialmap_schedule_open",
            )
        ]

    def __str__(self):
        return f"{self.byday} {self.opens_at}–{self.closes_at}"

    @property
    def days(self):
        return [d.strip() for d in self.byday.split(",") if d.strip() in WEEKDAYS]

    def is_open_at(self, moment):
        """Whether a weekly schedule covers this local moment."""
        if self.freq != "WEEKLY" or self.opens_at is None or self.closes_at is None:
            return False
        day = moment.date()
        if (self.valid_from and day < self.valid_from) or (self.valid_to and day > self.valid_to):
            return False
        if WEEKDAYS[day.weekday()] not in self.days:
            return False
        return self.opens_at <= moment.time() < self.closes_at

    @property
    def days_label(self):
        """ "Monday–Friday", "Monday, Wednesday", "every day" — in the active language."""
        labels = dict(Weekday.choices)
        indexes = sorted(WEEKDAYS.index(d) for d in set(self.days))
        if len(indexes) == 7:
            return str(_("every day"))
        runs, start = [], None
        for i, index in enumerate(indexes):
            start = index if start is None else start
            if i + 1 == len(indexes) or indexes[i + 1] != index + 1:
                first, last = labels[WEEKDAYS[start]], labels[WEEKDAYS[index]]
                if index - start >= 2:
                    runs.append(f"{first}–{last}")
                else:
                    runs += [str(labels[WEEKDAYS[j]]) for j in range(start, index + 1)]
                start = None
        return ", ".join(str(r) for r in runs)


class Taxonomy(HSDSRecord):
    """A taxonomy that arrived with an import (ours are exported from the registration taxonomy)."""

    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    uri = models.URLField(max_length=300, blank=True)
    version = models.CharField(max_length=40, blank=True)

    def __str__(self):
        return self.name


class TaxonomyTerm(HSDSRecord):
    """A term of an imported taxonomy; mapped onto one of our themes or life stages where it matches."""

    taxonomy = models.ForeignKey(
        Taxonomy, null=True, blank=True, on_delete=models.CASCADE, related_name="terms"
    )
    taxonomy_name = models.CharField(max_length=200, blank=True)
    code = models.CharField(max_length=100, blank=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    parent_uuid = models.UUIDField(null=True, blank=True)
    language = models.CharField(max_length=10, blank=True)
    term_uri = models.URLField(max_length=300, blank=True)
    theme = models.ForeignKey(Theme, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    life_stage = models.ForeignKey(
        LifeStage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self):
        return self.name


# Referrals ----------------------------------------------------------------------------------------


class Outcome(models.TextChoices):
    OPEN = "", _("not known yet")
    REGISTERED = "registered", _("registered with the service")
    STARTED = "started", _("help has started")
    NOT_WORKED_OUT = "not_worked_out", _("did not work out")
    UNKNOWN = "unknown", _("unknown")


class ReferralQuerySet(TenantQuerySet):
    def to_follow_up(self, user=None, day=None):
        """Referrals whose follow-up date has come and whose outcome is still open."""
        day = day or timezone.localdate()
        qs = self.filter(outcome=Outcome.OPEN, follow_up_on__isnull=False, follow_up_on__lte=day)
        return qs.filter(author=user) if user is not None else qs


class Referral(models.Model):
    """A contact referred to a service: warm (we made the connection) or cold (information given)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="referrals")
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="referrals")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    warm = models.BooleanField(_("warm referral"), default=False)
    date = models.DateField(_("date"))
    follow_up_on = models.DateField(_("follow up on"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices, blank=True, default="")
    outcome_on = models.DateField(null=True, blank=True)
    reminded_on = models.DateField(null=True, blank=True)

    objects = ReferralQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["organisation", "date"])]
        constraints = [
            models.UniqueConstraint(fields=["contact", "service"], name="one_referral_per_contact_service")
        ]

    def __str__(self):
        return f"{self.contact_id} → {self.service_id}"

    @property
    def kind_label(self):
        return _("warm") if self.warm else _("cold")
