"""The social map's section of the reports, referral statistics: to whom, for which themes, with what outcome.

Each referral has exactly one outcome, so a table of (partner or theme) × outcome adds up, and the same
small-number suppression as every other table can be applied when it leaves the service.
"""

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from opvoedwijzer.core.disclosure import suppress_small_counts
from opvoedwijzer.core.reporting import Section, grid_table
from opvoedwijzer.taxonomy.models import Theme

from .models import MapOrganisation, Outcome, Referral

BY = {
    "organisation": ("service__map_organisation__name", "service__map_organisation_id"),
    "theme": ("contact__contact_themes__theme", "contact__contact_themes__theme"),
}


def referrals_in(org, start, end, municipalities=None):
    qs = Referral.objects.for_org(org).filter(date__gte=start, date__lte=end)
    if municipalities is not None:
        qs = qs.filter(contact__municipality__in=municipalities)
    return qs


def referral_table(org, start, end, by, municipalities=None, *, outside=False, limit=None):
    """Rows: partner organisations (`by="organisation"`) or main themes (`by="theme"`); columns:
    outcomes; cells: referrals. Warm referrals are counted per row as well (`warm`)."""
    qs = referrals_in(org, start, end, municipalities)
    if by == "theme":
        qs = qs.filter(contact__contact_themes__is_main=True)
        key = "contact__contact_themes__theme"
    else:
        key = "service__map_organisation"
    counts = qs.values(key, "outcome").annotate(n=Count("id")).order_by()
    warm = dict(qs.values_list(key).annotate(n=Count("id", filter=Q(warm=True))).order_by())
    labels = _row_labels(org, by, {c[key] for c in counts})
    grid = {}
    for c in counts:
        grid.setdefault(c[key], {})[c["outcome"]] = c["n"]
    outcomes = [code for code, _label in Outcome.choices]
    rows = [
        {
            "code": code,
            "label": labels.get(code, _("no organisation")),
            "cells": [grid[code].get(o, 0) for o in outcomes],
            "total": sum(grid[code].values()),
            "warm": warm.get(code, 0),
        }
        for code in grid
    ]
    rows.sort(key=lambda r: (-r["total"], str(r["label"])))
    if limit and len(rows) > limit:
        rest = rows[limit:]
        rows = [
            *rows[:limit],
            {
                "code": "other",
                "label": _("the others (%(n)s)") % {"n": len(rest)},
                "cells": [sum(r["cells"][i] for r in rest) for i in range(len(outcomes))],
                "total": sum(r["total"] for r in rest),
                "warm": sum(r["warm"] for r in rest),
            },
        ]
    table = {
        "columns": [
            {"code": code, "label": label, "total": sum(r["cells"][i] for r in rows)}
            for i, (code, label) in enumerate(Outcome.choices)
        ],
        "rows": rows,
        "total": sum(r["total"] for r in rows),
        "warm": sum(r["warm"] for r in rows),
        "show_warm": not outside,
        "suppressed": False,
    }
    if outside:
        for row in rows:
            row.pop("warm")  # an extra column would need its own suppression: not shown outside
        table.pop("warm")
        suppress_small_counts(table)
    return table


def _row_labels(org, by, codes):
    if by == "theme":
        return {t.pk: t.label for t in Theme.objects.filter(pk__in=codes)}
    return dict(MapOrganisation.objects.for_org(org).filter(pk__in=codes).values_list("pk", "name"))


def referral_summary(org, start, end, municipalities=None, *, outside=False):
    """What the report pages show: per organisation and per theme, by outcome."""
    return {
        "by_organisation": referral_table(
            org, start, end, "organisation", municipalities, outside=outside, limit=15
        ),
        "by_theme": referral_table(org, start, end, "theme", municipalities, outside=outside, limit=15),
    }


def referral_tables(summary):
    """The two tables as plain rows (the exports and the API)."""
    return [
        grid_table(_("Referrals per organisation and outcome"), _("To whom"), summary["by_organisation"]),
        grid_table(_("Referrals per main theme and outcome"), _("Main theme"), summary["by_theme"]),
    ]


SECTION = Section(
    key="referrals",
    title=_lazy("Referrals in this period"),
    build=referral_summary,
    tables=referral_tables,
    template="reports/sections/referrals.html",
    pdf_template="reports/sections/referrals_pdf.html",
)
