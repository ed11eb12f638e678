"""The trajectories' section of the reports: trajectories started, running (at the end of the period) and
closed per municipality and per main theme, sessions per duration, the outcomes of the closed ones, goal
attainment in all and per main theme, and the consultations and observation visits per kind of
professional. The numbers are read by `selectors.trajectory_numbers` (goal attainment explained there).

Started, running and closed are not parts of one whole (a trajectory can be started and closed in one
period), so outside the service (`outside=True`: a funder, an export ticked for outside, the yearly
report) each is suppressed as a table of one column with its total (`disclosure.suppress_small_counts`),
as are the sessions per duration and the outcomes; a total that several tables share (trajectories
started, running, closed; the number of measured goals) is hidden in all of them when one had to hide it.
A mean change and a share of goals reached are shown only where their number of measured goals is. The
consultations (professional × kind) are one table that adds up and is suppressed as a whole.
"""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from opvoedwijzer.contacts.models import Duration
from opvoedwijzer.core.areas import Area
from opvoedwijzer.core.disclosure import suppress_small_counts
from opvoedwijzer.core.models import Municipality
from opvoedwijzer.core.reporting import Section, Table, grid_table
from opvoedwijzer.taxonomy import defaults
from opvoedwijzer.taxonomy.models import Theme

from .models import ConsultationKind, Outcome, ProfessionalKind
from .selectors import trajectory_numbers

COUNTS = ["started", "running", "closed"]


def count_labels():
    return {"started": _("Started"), "running": _("Running at the end"), "closed": _("Closed")}


def _count_rows(per_key, labels):
    rows = [
        {"code": key, "label": labels.get(key, key), "cells": [per_key[key].get(c, 0) for c in COUNTS]}
        for key in per_key
        if any(per_key[key].get(c, 0) for c in COUNTS)
    ]
    rows.sort(key=lambda r: (-r["cells"][0], -r["cells"][1], str(r["label"])))
    return rows


def _count_table(rows, k):
    labels = count_labels()
    return {
        "columns": [
            {"code": c, "label": labels[c], "total": sum(r["cells"][i] for r in rows)}
            for i, c in enumerate(COUNTS)
        ],
        "rows": rows,
        "suppressed": False,
        "min_count": k,
    }


def _one_column(rows, i, total):
    return {
        "rows": [{"cells": [r["cells"][i]], "total": r["cells"][i]} for r in rows],
        "columns": [{"total": total}],
        "total": total,
    }


def _suppress_column(columns, k):
    """Suppress each (table, i) of `columns` — column `i` of a table with rows of "cells" and columns
    with a "total" — as a table of one column; they share their total: when one hides it, all hide it."""
    hide_total = False
    while True:
        results = [
            suppress_small_counts(
                _one_column(t["rows"], i, t["columns"][i]["total"]), k, hide_total=hide_total
            )
            for t, i in columns
        ]
        if hide_total or all(r["total"] is not None for r in results):
            break
        hide_total = True
    for (table, i), one in zip(columns, results, strict=True):
        for row, shown in zip(table["rows"], one["rows"], strict=True):
            row["cells"][i] = shown["cells"][0]
        table["columns"][i]["total"] = one["total"]
        table["suppressed"] |= one["suppressed"]


def _place_labels(org, codes):
    labels = {str(a.value): a.label for a in (Area.OUTSIDE, Area.UNKNOWN)}
    official = Municipality.objects.visible_to(org).filter(code__in=codes)
    return labels | {m.code: m.name for m in official}


def _percentage(share):
    return None if share is None else round(share * 100)


def _goal_cells(figures):
    """[measured goals, mean change, % reached] of an attainment dict."""
    return [figures["measured"], figures["mean_goal_change"], _percentage(figures["share_goals_reached"])]


def _single_table(pairs, k):
    """Rows (code, label, n) → a table of one column (suppressed by the caller outside)."""
    rows = [{"code": code, "label": label, "cells": [n], "total": n} for code, label, n in pairs]
    total = sum(n for _code, _label, n in pairs)
    return {"columns": [{"total": total}], "rows": rows, "total": total, "suppressed": False, "min_count": k}


def trajectory_summary(org, start, end, municipalities=None, *, outside=False):
    """The section's figures for [start, end]; `municipalities` None for all (also outside the region and
    unknown). See the module for what is suppressed outside the service."""
    numbers = trajectory_numbers(org, start, end, municipalities)
    k = settings.DISCLOSURE_MIN_COUNT
    places = _place_labels(org, list(numbers["by_municipality"]))
    by_municipality = _count_table(_count_rows(numbers["by_municipality"], places), k)
    themes = {t.pk: t.label for t in Theme.objects.filter(pk__in=list(numbers["by_theme"]))}
    by_theme = _count_table(_count_rows(numbers["by_theme"], themes), k)
    for row in by_theme["rows"]:
        row["goals"] = _goal_cells(numbers["by_theme"][row["code"]])
    goals = {
        "goals": numbers["goals"],
        "measured": numbers["goals_measured"],
        "mean_goal_change": numbers["mean_goal_change"],
        "share_goals_reached": _percentage(numbers["share_goals_reached"]),
    }
    outcome_labels = dict(Outcome.choices)
    outcomes = _single_table(
        [(code, outcome_labels[code], n) for code, n in numbers["outcomes"].items() if n], k
    )
    durations = _single_table(
        [
            (code, defaults.label("duration", code), numbers["durations"][code])
            for code in Duration.values
            if numbers["durations"].get(code)
        ],
        k,
    )
    referrals = _single_table(
        [
            (code, label, numbers["referrals"][code])
            for code, label in (
                ("warm", _("Warm referral")),
                ("cold", _("Information about another service")),
            )
            if numbers["referrals"][code]
        ],
        k,
    )
    consultations = _consultation_table(numbers["consultations"], k)
    if outside:
        _suppress_column([(by_municipality, 0), (by_theme, 0)], k)
        _suppress_column([(by_municipality, 1), (by_theme, 1)], k)
        _suppress_column([(by_municipality, 2), (by_theme, 2), (outcomes, 0)], k)
        _suppress_column([(durations, 0)], k)
        _suppress_column([(referrals, 0)], k)
        _suppress_goals(by_theme, goals, k)
        if consultations["rows"]:
            suppress_small_counts(consultations, k)
    for table in (outcomes, durations, referrals):
        table["total"] = table["columns"][0]["total"]
    by_theme["goals"] = [goals["measured"], goals["mean_goal_change"], goals["share_goals_reached"]]
    tables = (by_municipality, by_theme, outcomes, durations, referrals, consultations)
    return {
        "count_tables": [
            (
                by_municipality,
                _("Trajectories per municipality"),
                _("Municipality"),
                "trajectories-per-municipality",
            ),
            (
                by_theme,
                _("Trajectories and goal attainment per main theme"),
                _("Main theme"),
                "trajectories-per-theme",
            ),
        ],
        "single_tables": [
            (outcomes, _("Outcomes of the trajectories closed"), _("Outcome"), "trajectories-outcomes"),
            (durations, _("Sessions per duration"), _("Duration"), "trajectories-sessions"),
            (referrals, _("Referrals out of trajectories"), _("Referral"), "trajectories-referrals"),
        ],
        "by_municipality": by_municipality,
        "by_theme": by_theme,
        "outcomes": outcomes,
        "sessions": durations,
        "referrals": referrals,
        "goals": goals,
        "consultations": consultations,
        "suppressed": any(t["suppressed"] for t in tables),
        "min_count": k,
        "outside": outside,
        "goal_reached_score": settings.GOAL_REACHED_SCORE,
        "any": bool(by_municipality["rows"] or durations["rows"] or consultations["rows"]),
    }


def _suppress_goals(by_theme, goals, k):
    """The measured goals per main theme as one column (every goal counted is of a trajectory counted in
    a row); a mean change and a share reached only where their number of measured goals is shown."""
    table = {
        "rows": [{"cells": [r["goals"][0]]} for r in by_theme["rows"]],
        "columns": [{"total": goals["measured"]}],
        "suppressed": False,
    }
    _suppress_column([(table, 0)], k)
    for row, shown in zip(by_theme["rows"], table["rows"], strict=True):
        row["goals"][0] = shown["cells"][0]
        if shown["cells"][0] is None:
            row["goals"][1] = row["goals"][2] = None
    by_theme["suppressed"] |= table["suppressed"]
    goals["measured"] = table["columns"][0]["total"]
    if goals["measured"] is None:
        goals["mean_goal_change"] = goals["share_goals_reached"] = None
    if 0 < goals["goals"] < k:
        goals["goals"] = None


def _consultation_table(per_professional, k):
    kinds = ConsultationKind.values
    rows = [
        {
            "code": code,
            "label": label,
            "cells": [per_professional[code][kind] for kind in kinds],
            "total": sum(per_professional[code].values()),
        }
        for code, label in ProfessionalKind.choices
        if sum(per_professional[code].values())
    ]
    table = {
        "columns": [
            {"code": kind, "label": label, "total": sum(r["cells"][i] for r in rows)}
            for i, (kind, label) in enumerate(ConsultationKind.choices)
        ],
        "rows": rows,
        "total": sum(r["total"] for r in rows),
        "suppressed": False,
        "min_count": k,
    }
    return table


def trajectory_tables(figures):
    """The section's tables as plain rows (the exports and the API)."""
    (places, places_title, places_first, _id), (themes, themes_title, themes_first, _id) = figures[
        "count_tables"
    ]
    by_theme = grid_table(themes_title, themes_first, themes, with_total=False)
    by_theme.columns += [_("Measured goals"), _("Mean change (0–10)"), _("Goals reached (%)")]
    for row, goals in zip(
        by_theme.rows, [*(r["goals"] for r in themes["rows"]), themes["goals"]], strict=True
    ):
        row += goals
    return [
        grid_table(places_title, places_first, places, with_total=False),
        by_theme,
        *(
            Table(
                str(title),
                [str(first), _("Number")],
                [*([str(r["label"]), r["cells"][0]] for r in t["rows"]), [_("Total"), t["total"]]],
            )
            for t, title, first, _id in figures["single_tables"]
        ),
        grid_table(
            _("Consultations and observation visits per kind of professional"),
            _("Kind of professional"),
            figures["consultations"],
        ),
    ]


SECTION = Section(
    key="trajectories",
    title=_lazy("Trajectories and consultations"),
    build=trajectory_summary,
    tables=trajectory_tables,
    template="reports/sections/trajectories.html",
    pdf_template="reports/sections/trajectories_pdf.html",
)
