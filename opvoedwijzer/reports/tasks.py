"""Background tasks of the reports app (run by `manage.py taskrunner`)."""

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from .models import ReportStatus, YearlyReport
from .yearly import build_yearly_report


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
