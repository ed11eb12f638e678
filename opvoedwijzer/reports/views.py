"""First numbers (M11): contacts per municipality × any other dimension, with CSV export."""

import csv

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.utils.translation import gettext as _

from opvoedwijzer.core.decorators import member_may
from opvoedwijzer.privacy.audit import AuditAction, record

from .forms import OverviewForm
from .stats import DIMENSIONS, crosstab


def _form(request):
    data = OverviewForm.defaults()
    data.update({k: v for k, v in request.GET.items() if k in data and v})
    return OverviewForm(data)


@member_may("can_see_numbers")
def overview(request):
    form = _form(request)
    table = None
    if form.is_valid():
        d = form.cleaned_data
        table = crosstab(request.organisation, d["start"], d["end"], "municipality", d["by"])
        table["cols_label"] = DIMENSIONS[d["by"]][0]
    return render(
        request,
        "reports/overview.html",
        {"form": form, "table": table, "query": request.GET.urlencode()},
    )


@member_may("can_see_numbers")
def overview_csv(request):
    form = _form(request)
    if not form.is_valid():
        return overview(request)
    d = form.cleaned_data
    table = crosstab(request.organisation, d["start"], d["end"], "municipality", d["by"])
    record(
        AuditAction.EXPORT,
        actor=request.user,
        organisation=request.organisation,
        export="overview.csv",
        by=d["by"],
        start=d["start"].isoformat(),
        end=d["end"].isoformat(),
    )
    filename = f"{request.organisation.slug}-{d['by']}-{d['start']}-{d['end']}.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(filename[:-4])}.csv"'
    response.write("\ufeff")  # BOM: Excel then reads UTF-8 correctly
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [_("Municipality"), _("Code")] + [c["label"] for c in table["columns"]] + [_("Total contacts")]
    )
    for row in table["rows"]:
        writer.writerow([row["label"], row["code"] or ""] + row["cells"] + [row["total"]])
    writer.writerow([_("Total contacts"), ""] + [c["total"] for c in table["columns"]] + [table["total"]])
    return response
