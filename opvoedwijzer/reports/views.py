"""Reports (M11): any dimension or a cross of two, compared with another period, as a chart and a
table, exported to CSV, XLSX and PDF. The same `build_report` feeds all four."""

from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache

from opvoedwijzer.core.decorators import is_htmx, member_may

from . import services
from .build import build_report
from .forms import OverviewForm, YearlyReportForm
from .models import ReportStatus, YearlyReport


def _form(request):
    membership = request.membership
    outside_only = membership.reads_outside_numbers
    data = request.GET.copy()
    for key, value in OverviewForm.defaults(outside_only).items():
        # An empty "by" is a choice (only the number of contacts); other empty fields take the default.
        if key not in data or (key != "by" and not data[key]):
            data[key] = value
    return OverviewForm(
        data,
        organisation=request.organisation,
        outside_only=outside_only,
        own_municipalities=membership.municipalities.all(),
    )


@member_may("can_read_reports")
def overview(request):
    form = _form(request)
    report = build_report(request.organisation, request.membership, form) if form.is_valid() else None
    context = {"form": form, "report": report, "table": report["table"] if report else None}
    context["query"] = request.GET.urlencode()
    return render(request, "reports/overview.html", context)


def _export(request, kind):
    form = _form(request)
    if not form.is_valid():
        return overview(request)
    return services.export_overview(request.membership, form, kind, user=request.user)


@member_may("can_read_reports")
def overview_csv(request):
    return _export(request, "csv")


@member_may("can_read_reports")
def overview_xlsx(request):
    return _export(request, "xlsx")


@member_may("can_read_reports")
def overview_pdf(request):
    return _export(request, "pdf")


# The yearly report per municipality -------------------------------------------------------------


def _yearly_form(request):
    """A funder asks for the reports of their own municipalities only (the report is suppressed for
    everyone: it leaves the service)."""
    membership = request.membership
    own = membership.municipalities.all() if membership.reads_outside_numbers else None
    return YearlyReportForm(request.POST or None, organisation=request.organisation, municipalities=own)


@member_may("can_read_reports")
def yearly_reports(request):
    org = request.organisation
    form = _yearly_form(request)
    if request.method == "POST" and form.is_valid():
        report = services.request_yearly_report(org, **form.cleaned_data, user=request.user)
        return redirect("reports:yearly_report", org=org.slug, pk=report.pk)
    reports = (
        YearlyReport.objects.visible_to(request.membership).select_related("municipality").defer("pdf")[:50]
    )
    return render(request, "reports/yearly_list.html", {"form": form, "reports": reports})


@never_cache
@member_may("can_read_reports")
def yearly_report(request, pk):
    """The report's page: its progress while it is made (htmx polls the fragment; without JavaScript
    the page refreshes itself), then the download."""
    report = get_object_or_404(
        YearlyReport.objects.visible_to(request.membership).select_related("municipality").defer("pdf"), pk=pk
    )
    template = "reports/yearly_progress.html" if is_htmx(request) else "reports/yearly_detail.html"
    return render(
        request,
        template,
        {"report": report, "busy": report.status in (ReportStatus.QUEUED, ReportStatus.RUNNING)},
    )


@member_may("can_read_reports")
def yearly_report_pdf(request, pk):
    report = get_object_or_404(
        YearlyReport.objects.visible_to(request.membership).select_related("municipality", "organisation"),
        pk=pk,
        status=ReportStatus.DONE,
    )
    return services.export_yearly_report(report, user=request.user, organisation=request.organisation)
