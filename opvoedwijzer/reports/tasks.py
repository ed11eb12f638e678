"""Background tasks of the reports app (run by `manage.py taskrunner`)."""

import logging

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from opvoedwijzer.contacts.services import check_rollup

from .models import ReportStatus, YearlyReport
from .yearly import build_yearly_report

logger = logging.getLogger(__name__)


@task
def check_rollup_task():
    """Nightly: compare the reports' roll-up with a recount of the contacts and repair any drift (there
    should be none: every write keeps it exact). Drift is logged as an error, to be looked into."""
    drifted = check_rollup(repair=True)
    if drifted:
        logger.error("Report roll-up drifted and was repaired: rows per organisation %s", drifted)
    return {str(org): rows for org, rows in drifted.items()}


@task
def make_yearly_report(report_id):
    """Make the PDF of a requested yearly report, telling its progress on the way."""
    report = YearlyReport.objects.select_related("organisation", "municipality").get(pk=report_id)

    def progress(percent, step):
        YearlyReport.objects.filter(pk=report_id).update(
            status=ReportStatus.RUNNING, progress=percent, step=str(step)[:200]
        )

    try:
        pdf = build_yearly_report(report, progress)
    except Exception:
        YearlyReport.objects.filter(pk=report_id).update(
            status=ReportStatus.FAILED, finished_at=timezone.now()
        )
        raise
    with transaction.atomic():
        report.pdf, report.status, report.progress, report.step = pdf, ReportStatus.DONE, 100, ""
        report.finished_at = timezone.now()
        report.save(update_fields=["pdf", "status", "progress", "step", "finished_at"])
    return len(pdf)
