"""Writes of the reports app."""

from django.db import transaction

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
