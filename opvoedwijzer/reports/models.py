"""The yearly report per municipality: made in the background, kept for download."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.core.models import Municipality, Organisation


class ReportStatus(models.TextChoices):
    QUEUED = "queued", _("waiting")
    RUNNING = "running", _("being made")
    DONE = "done", _("ready")
    FAILED = "failed", _("failed")


class YearlyReportQuerySet(models.QuerySet):
    def for_org(self, org):
        return self.filter(organisation=org)

    def visible_to(self, membership):
        """The organisation's reports this member may see: a funder those of their own municipalities."""
        qs = self.for_org(membership.organisation)
        if membership.reads_outside_numbers:
            qs = qs.filter(municipality__in=membership.municipalities.values("pk"))
        return qs


class YearlyReport(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="yearly_reports")
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(max_length=10, choices=ReportStatus.choices, default=ReportStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)  # per cent
    step = models.CharField(max_length=200, blank=True)  # what is being made now, for the progress page
    pdf = models.BinaryField(null=True, blank=True, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = YearlyReportQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at"]

    def __str__(self):
        return f"{self.municipality} {self.year}"

    @property
    def filename(self):
        return f"jaarverslag-{self.organisation.slug}-{self.municipality.code}-{self.year}.pdf"


class DailyCount(models.Model):
    """Distinct contacts per organisation, dimension, day, area and value (see rollup.py)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+", db_index=False)
    dim = models.CharField(max_length=20)
    day = models.DateField()
    area = models.CharField(max_length=10)  # a NIS code, "outside" or "unknown"
    value = models.CharField(max_length=50)  # a code; "" for none
    n = models.IntegerField()

    class Meta:
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
