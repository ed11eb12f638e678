"""First numbers (M11): contacts per municipality × any other dimension, with CSV export."""

import csv

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.utils.translation import gettext as _

from opvoedwijzer.core.decorators import member_may
from opvoedwijzer.privacy.audit import AuditAction, record

from .disclosure import suppress_small_counts
from .forms import OverviewForm
from .stats import DIMENSIONS, crosstab


def _form(request):
    outside_only = request.membership.reads_outside_numbers
    data = OverviewForm.defaults(outside_only)
    data.update({k: v for k, v in request.GET.items() if k in (*data, "external") and v})
    return OverviewForm(data, outside_only=outside_only)


def _table(request, form):
    """The overview table as this member may see it: for outside the service (a funder, or staff
    ticking "for outside"), small numbers suppressed — a funder's only of their own municipalities."""
    d, membership = form.cleaned_data, request.membership
    if not form.for_outside:
        return crosstab(request.organisation, d["start"], d["end"], "municipality", d["by"])
    own = list(membership.municipalities.all()) if membership.reads_outside_numbers else None
    table = crosstab(request.organisation, d["start"], d["end"], "municipality", d["by"], municipalities=own)
    return suppress_small_counts(table)


@member_may("can_read_reports")
def overview(request):
    form = _form(request)
    table = None
    if form.is_valid():
        d = form.cleaned_data
        table = _table(request, form)
        table["cols_label"] = DIMENSIONS[d["by"]][0]
    return render(
        request,
        "reports/overview.html",
        {"form": form, "table": table, "query": request.GET.urlencode()},
    )


@member_may("can_read_reports")
def overview_csv(request):
    form = _form(request)
    if not form.is_valid():
        return overview(request)
    d = form.cleaned_data
    table = _table(request, form)
    record(
        AuditAction.EXPORT,
        actor=request.user,
        organisation=request.organisation,
        export="overview.csv",
        by=d["by"],
        start=d["start"].isoformat(),
        end=d["end"].isoformat(),
        suppressed=bool(table.get("suppressed")),
    )
    filename = f"{request.organisation.slug}-{d['by']}-{d['start']}-{d['end']}.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(filename[:-4])}.csv"'
    response.write("\ufeff")  # BOM: Excel then reads UTF-8 correctly
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [_("Municipality"), _("Code")] + [c["label"] for c in table["columns"]] + [_("Total contacts")]
    )
    hidden = "x"  # a suppressed count; the note below the table says why

    def shown(n):
        return hidden if n is None else n

    for row in table["rows"]:
        writer.writerow(
            [row["label"], row["code"] or ""] + [shown(n) for n in row["cells"]] + [shown(row["total"])]
        )
    writer.writerow(
        [_("Total contacts"), ""] + [shown(c["total"]) for c in table["columns"]] + [shown(table["total"])]
    )
    if table.get("suppressed"):
        writer.writerow([])
        writer.writerow([suppression_note(table["min_count"])])
    return response


def suppression_note(k):
    return _(
        "x: fewer than %(k)s contacts, or hidden so that such a small number cannot be worked out "
        "from the totals."
    ) % {"k": k}
