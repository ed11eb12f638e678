"""Reports (M11): any dimension or a cross of two, compared with another period, as a chart and a
table, exported to CSV, XLSX and PDF. The same `build_report` feeds all four."""

from django.shortcuts import render
from django.utils.text import slugify

from opvoedwijzer.core.decorators import member_may
from opvoedwijzer.privacy.audit import AuditAction, record

from . import exports
from .build import build_report
from .forms import OverviewForm


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
    report = build_report(request.organisation, request.membership, form)
    d = form.cleaned_data
    record(
        AuditAction.EXPORT,
        actor=request.user,
        organisation=request.organisation,
        export=f"overview.{kind}",
        rows=d["rows"],
        by=d["by"],
        start=d["start"].isoformat(),
        end=d["end"].isoformat(),
        municipalities=sorted(m.code for m in d["municipalities"]),
        suppressed=bool(report["table"].get("suppressed")),
    )
    name = slugify(f"{request.organisation.slug}-{d['rows']}-{d['by'] or 'contacts'}-{d['start']}-{d['end']}")
    return exports.RESPONSES[kind](report, name)


@member_may("can_read_reports")
def overview_csv(request):
    return _export(request, "csv")


@member_may("can_read_reports")
def overview_xlsx(request):
    return _export(request, "xlsx")


@member_may("can_read_reports")
def overview_pdf(request):
    return _export(request, "pdf")
