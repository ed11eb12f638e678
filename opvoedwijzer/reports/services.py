"""Writes of the reports app: yearly reports asked for, and exports (each in the audit log)."""

from django.db import transaction
from django.http import HttpResponse
from django.utils.text import slugify

from opvoedwijzer.privacy.audit import AuditAction, record

from . import exports
from .build import build_report
from .models import YearlyReport


@transaction.atomic
def request_yearly_report(organisation, *, municipality, year, user):
    """Queue the yearly report of `municipality` for `year`; the task runner makes it."""
    from .tasks import make_yearly_report

    report = YearlyReport.objects.create(
        organisation=organisation, municipality=municipality, year=year, requested_by=user
    )
    make_yearly_report.enqueue(report.pk)
    return report


@transaction.atomic
def export_overview(membership, form, kind, *, user):
    """The overview of a valid `OverviewForm` as a file (`kind`: csv, xlsx or pdf), with its row in the
    audit log: what was exported, by whom, suppressed or not. A file that fails to build leaves no row."""
    organisation = membership.organisation
    report = build_report(organisation, membership, form)
    d = form.cleaned_data
    record(
        AuditAction.EXPORT,
        actor=user,
        organisation=organisation,
        export=f"overview.{kind}",
        rows=d["rows"],
        by=d["by"],
        start=d["start"].isoformat(),
        end=d["end"].isoformat(),
        municipalities=sorted(m.code for m in d["municipalities"]),
        suppressed=bool(report["table"].get("suppressed")),
    )
    name = slugify(f"{organisation.slug}-{d['rows']}-{d['by'] or 'contacts'}-{d['start']}-{d['end']}")
    return exports.RESPONSES[kind](report, name)


@transaction.atomic
def export_yearly_report(report, *, user, organisation):
    """A finished yearly report's PDF as a download, with its row in the audit log."""
    record(
        AuditAction.EXPORT,
        actor=user,
        organisation=organisation,
        export="yearly_report.pdf",
        municipality=report.municipality.code,
        year=report.year,
        suppressed=True,
    )
    response = HttpResponse(bytes(report.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{report.filename}"'
    return response
