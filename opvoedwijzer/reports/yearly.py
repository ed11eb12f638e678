"""The yearly report for one municipality: what a coordinator hands to the alderman.

It leaves the service, so every number in it is an outside number (`outside.py`): the table
municipality × dimension for that one municipality and that calendar year, small counts suppressed —
the same table a funder of that municipality sees on the page, in the XLSX and through the API.
"""

import datetime

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from opvoedwijzer.core.disclosure import suppress_small_counts

from .build import change as change_percent
from .charts import bar_chart
from .exports import pdf_bytes, suppression_note
from .sections import pdf_sections
from .stats import DIMENSIONS, crosstab

# The dimensions of the report, in the order of its chapters; the report sections (sections.py) follow.
CHART_MAX_BARS = 15
CHAPTERS = ["theme_group", "theme", "asker_role", "life_stage", "channel", "offer", "request_kind", "quarter"]


def _outside_table(org, municipality, start, end, dimension):
    table = crosstab(org, start, end, "municipality", dimension, [municipality])
    return suppress_small_counts(table)


def _section(org, municipality, year, dimension, chart_id):
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    now = _outside_table(org, municipality, start, end, dimension)
    before = _outside_table(
        org, municipality, start.replace(year=year - 1), end.replace(year=year - 1), dimension
    )
    before_by_code = {c["code"]: c["total"] for c in before["columns"]}
    row = now["rows"][0] if now["rows"] else None
    lines = []
    for column, count in zip(now["columns"], row["cells"] if row else [], strict=False):
        if count == 0 and not before_by_code.get(column["code"]):
            continue
        previous = before_by_code.get(column["code"], 0)
        lines.append(
            {
                "label": column["label"],
                "count": count,
                "previous": previous,
                "change": change_percent(count, previous),
            }
        )
    label = DIMENSIONS[dimension][0]
    charted = lines
    if len(lines) > CHART_MAX_BARS:  # a chart taller than a page cannot break: the most frequent only
        charted = sorted(lines, key=lambda line: -(line["count"] or 0))[:CHART_MAX_BARS]
    chart = bar_chart(
        [(line["label"], line["count"], line["previous"]) for line in charted],
        title=str(label),
        chart_id=chart_id,
        current_label=str(year),
        previous_label=str(year - 1),
    )
    return {
        "label": label,
        "lines": lines,
        "chart": chart,
        "chart_is_top": CHART_MAX_BARS if len(lines) > CHART_MAX_BARS else None,
        "suppressed": now.get("suppressed"),
    }


def _key_figures(org, municipality, year):
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    now = _outside_table(org, municipality, start, end, "request_kind")
    before = _outside_table(
        org, municipality, start.replace(year=year - 1), end.replace(year=year - 1), "request_kind"
    )
    return {
        "total": now["total"],
        "previous": before["total"],
        "change": change_percent(now["total"], before["total"]),
    }


def build_yearly_report(report, progress=lambda percent, step: None):
    """The PDF (bytes) of `report`; `progress(percent, step)` is told along the way."""
    org, municipality, year = report.organisation, report.municipality, report.year
    progress(5, _("Key figures"))
    context = {
        "organisation": org,
        "municipality": municipality,
        "year": year,
        "made_on": timezone.localdate(),
        "key": _key_figures(org, municipality, year),
        "min_count": settings.DISCLOSURE_MIN_COUNT,
        "suppression_note": suppression_note(settings.DISCLOSURE_MIN_COUNT),
        "sections": [],
    }
    for n, dimension in enumerate(CHAPTERS):
        progress(10 + 70 * n // len(CHAPTERS), _("Chapter: %(name)s") % {"name": DIMENSIONS[dimension][0]})
        context["sections"].append(_section(org, municipality, year, dimension, f"chart-{dimension}"))
    # The report sections of the yearly report (sections.py), for this municipality as they leave the
    # service: numbers of families suppressed by each section's rule.
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    context["report_sections"] = []
    chosen = pdf_sections()
    for n, section in enumerate(chosen):
        progress(82 + 6 * n // len(chosen), str(section.title))
        figures = section.build(org, start, end, [municipality], outside=True)
        context["report_sections"].append((section, figures))
    # Each section's own key figures, after the contacts' (Section.key_figures).
    context["key_figures"] = [
        figure
        for section, figures in context["report_sections"]
        if section.key_figures
        for figure in section.key_figures(figures)
    ]
    progress(88, _("Making the PDF"))
    html = render_to_string("reports/yearly_pdf.html", context)
    return pdf_bytes(html)
