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
