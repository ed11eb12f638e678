"""One report view, as the page, the CSV, the XLSX and the PDF all show it."""

from django.utils import formats
from django.utils.translation import gettext as _

from opvoedwijzer.core.disclosure import suppress_small_counts

from .charts import bar_chart
from .forms import comparison_period
from .sections import build_sections
from .stats import DIMENSIONS, crosstab


def period_text(start, end):
    return f"{formats.date_format(start, 'j F Y')} – {formats.date_format(end, 'j F Y')}"


def build_report(org, membership, form):
    """The table (suppressed when it leaves the service), the comparison and the chart."""
    d = form.cleaned_data
    outside = form.for_outside
    municipalities = list(d["municipalities"]) or None
    if membership.reads_outside_numbers and municipalities is None:
        municipalities = list(membership.municipalities.all())
    rows_dim, cols_dim = d["rows"], d["by"] or None

    def table_for(start, end):
        table = crosstab(org, start, end, rows_dim, cols_dim, municipalities)
        return suppress_small_counts(table) if outside else table

    table = table_for(d["start"], d["end"])
    rows_label = DIMENSIONS[rows_dim][0]
    if cols_dim:
        title = _("Contacts per %(rows)s and %(cols)s, %(period)s") % {
            "rows": str(rows_label).lower(),
            "cols": str(DIMENSIONS[cols_dim][0]).lower(),
            "period": period_text(d["start"], d["end"]),
        }
    else:
        title = _("Contacts per %(rows)s, %(period)s") % {
            "rows": str(rows_label).lower(),
            "period": period_text(d["start"], d["end"]),
        }
    report = {
        "title": title,
        "period": period_text(d["start"], d["end"]),
        "rows_label": rows_label,
        "cols_label": DIMENSIONS[cols_dim][0] if cols_dim else None,
        "table": table,
        "outside": outside,
        "comparison": None,
    }
    other = comparison_period(d["start"], d["end"], d.get("compare"))
    if other:
        previous = table_for(*other)
        by_code = {row["code"]: row["total"] for row in previous["rows"]}
        for row in table["rows"]:
            row["previous"] = by_code.get(row["code"], 0)
            row["change"] = change(row["total"], row["previous"])
        # What was asked before and not now is a row too (0, before, -100 %): what dropped away.
        now = {row["code"] for row in table["rows"]}
        table["rows"] += [
            {
                "code": row["code"],
                "label": row["label"],
                "cells": [0] * len(table["columns"]),
                "total": 0,
                "previous": row["total"],
                "change": change(0, row["total"]),
            }
            for row in previous["rows"]
            if row["code"] not in now
        ]
        report["comparison"] = {
            "period": period_text(*other),
            "total": previous["total"],
            "change": change(table["total"], previous["total"]),
        }
    report["sections"] = build_sections(org, d["start"], d["end"], municipalities, outside=outside)
    current_label = report["period"]
    previous_label = report["comparison"]["period"] if report["comparison"] else ""
    report["chart"] = bar_chart(
        [(row["label"], row["total"], row.get("previous")) for row in table["rows"]],
        title=_("Contacts per %(rows)s") % {"rows": str(rows_label).lower()},
        chart_id="chart-rows",
        current_label=current_label,
        previous_label=previous_label,
    )
    return report


def change(now, before):
    """Change in per cent, rounded; None when either is hidden or there was nothing before."""
    if now is None or before is None or before == 0:
        return None
    return round((now - before) * 100 / before)
