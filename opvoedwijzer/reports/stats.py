"""Counting contacts by dimension: the one query behind the overview, its CSV and the API.

A contact with two themes counts once in each theme row and once in the total: rows count
distinct contacts per combination of values, the total counts distinct contacts.
"""

from collections import OrderedDict
from operator import itemgetter

from django.db.models import CharField, Count
from django.db.models.functions import Cast, Substr
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.contacts.models import Area, Contact
from opvoedwijzer.contacts.selectors import PAIR_ORDER, ROLLUP_DIMENSIONS, rollup_counts
from opvoedwijzer.taxonomy import defaults
from opvoedwijzer.taxonomy.models import AskerRole, Channel, LifeStage, OfferType, Theme, ThemeGroup

# dimension → (label, ORM expression or path of its code, taxonomy model for labels or None)
DIMENSIONS = OrderedDict(
    [
        ("municipality", (_("Municipality"), "municipality__code", None)),
        ("theme", (_("Theme"), "contact_themes__theme__code", Theme)),
        ("theme_group", (_("Theme group"), "contact_themes__theme__group__code", ThemeGroup)),
        ("channel", (_("Channel"), "channel__code", Channel)),
        ("asker_role", (_("Who asked"), "asker_role__code", AskerRole)),
        ("life_stage", (_("Life stage"), "life_stages__code", LifeStage)),
        ("offer", (_("Offer"), "offers__code", OfferType)),
        ("request_kind", (_("Kind of request"), "request_kind", None)),
        ("duration", (_("Time spent"), "duration", None)),
        ("month", (_("Month"), None, None)),
        ("quarter", (_("Quarter"), None, None)),
    ]
)
# What the API's `by` accepts (the contract), a subset of DIMENSIONS.
API_DIMENSIONS = [
    "municipality",
    "theme",
    "theme_group",
    "channel",
    "asker_role",
    "life_stage",
    "offer",
    "request_kind",
    "duration",
    "month",
]
# Dimensions that only place a contact (one value each, and the roll-up keeps them on every row); any
# number of the others may be crossed by the roll-up's pair table, up to this many.
PLACE_AND_TIME = ("municipality", "month", "quarter")
MAX_CROSSED = 2


def crossing_problem(by):
    """Why `by` crosses too many dimensions for a report, or None. Municipality and month place each
    contact once and come with every report; of the other dimensions at most MAX_CROSSED are crossed:
    the numbers page crosses two (rows × columns), and a cross of three topics by municipality and
    month is a list of single contacts rather than a table (a year of 3 000 contacts spread over
    52 themes × 9 channels × 13 askers × 11 areas × 12 months), which the roll-up does not keep
    (docs/architecture.md, Numbers)."""
    crossed = [d for d in by if d not in PLACE_AND_TIME]
    if len(crossed) <= MAX_CROSSED:
        return None
    return (
        f"At most {MAX_CROSSED} of {', '.join(d for d in API_DIMENSIONS if d not in PLACE_AND_TIME)} "
        f"can be combined (besides municipality and month); asked: {', '.join(crossed)}."
    )


def count_contacts(org, start, end, by, municipalities=None, with_total=True):
    """Rows of {dimension: code, …, "count": n} and the total of distinct contacts.

    Read from the roll-up (rollup.py) when `by` has at most two dimensions besides municipality and
    month/quarter — everything the API accepts (`crossing_problem`); otherwise counted from the
    contacts (`count_contacts_raw`). Both give the same rows (tests/reports/test_rollup.py).
    """
    spec = _rollup_spec(by)
    if spec is None:
        return count_contacts_raw(org, start, end, by, municipalities, with_total)
    sets = [("rows", *spec)] if by else []
    if with_total:
        sets.append(("total", "total", False, False))
    found = rollup_counts(org, start, end, sets, _areas(municipalities))
    total = sum(row[5] for row in found["total"]) if with_total else None
    return (_rows_from(found["rows"], by, ordered=True) if by else []), total


def _areas(municipalities):
    return None if municipalities is None else [m.code for m in municipalities]


def _value_dims(by):
    """The dimensions of `by` besides municipality and month/quarter, in the roll-up's order."""
    return sorted((d for d in by if d not in PLACE_AND_TIME), key=PAIR_ORDER.index)


def _rollup_spec(by):
    """(dim, by_area, by_time) when the roll-up can answer `by`, else None; dim is "total", one
    dimension or a pair of them in the roll-up's order; by_time "month", "quarter" or False."""
    time_dims = [d for d in by if d in ("month", "quarter")]
    if len(time_dims) > 1 or any(d not in ROLLUP_DIMENSIONS for d in by if d not in PLACE_AND_TIME):
        return None
    value_dims = _value_dims(by)
    if len(value_dims) > MAX_CROSSED:
        return None
    dim = tuple(value_dims) if len(value_dims) == 2 else value_dims[0] if value_dims else "total"
    return (dim, "municipality" in by, time_dims[0] if time_dims else False)


def _columns(by):
    """Where each dimension of `by` is in the roll-up's rows (rollup_counts)."""
    columns = {"municipality": "area", "month": "period", "quarter": "period"}
    return {**columns, **dict(zip(_value_dims(by), ("value1", "value2"), strict=False))}


_POSITION = {"area": 1, "period": 2, "value1": 3, "value2": 4}


def _rows_from(found, by, ordered=False):
    """The roll-up's rows (rollup_counts) → rows like count_contacts_raw's; `ordered`: sorted as it
    sorts them (none first, then by code point). Tens of thousands of rows for a wide report, so
    itemgetter and few passes."""
    columns = _columns(by)
    positions = [_POSITION[columns[d]] for d in by]
    if ordered:
        found = sorted(found, key=itemgetter(*positions))  # "" (none) sorts first
    pick = itemgetter(*positions, 5)
    names = (*by, "count")
    rows = [dict(zip(names, pick(row), strict=True)) for row in found]
    for dim in by:
        if dim not in PLACE_AND_TIME:  # "" is no value: None, as count_contacts_raw says it
            for row in rows:
                if row[dim] == "":
                    row[dim] = None
    return rows


def count_contacts_raw(org, start, end, by, municipalities=None, with_total=True):
    """Rows of {dimension: code, …, "count": n} and the total of distinct contacts, counted from the
    contacts themselves.

    `municipality` codes are NIS codes, or "outside" / "unknown"; `month` is "YYYY-MM", `quarter`
    "YYYY-Qn"; a contact without a value in a multi-valued dimension (no life stage) shows as None.
    """
    qs = Contact.objects.for_org(org).in_period(start, end)
    if municipalities is not None:
        qs = qs.filter(municipality__in=municipalities)
    total = qs.count() if with_total else None
    if not by:
        return [], total
    annotations, fields = {}, []
    for dim in by:
        if dim in ("month", "quarter"):
            # "YYYY-MM" from the ISO text of the day: portable and cheap on SQLite, where
            # TruncMonth runs a Python function per row.
            annotations["_month"] = Substr(Cast("date", output_field=CharField()), 1, 7)
            if "_month" not in fields:
                fields.append("_month")
        elif dim == "municipality":
            fields += ["municipality__code", "area"]
        else:
            fields.append(DIMENSIONS[dim][1])
    grouped = qs.annotate(**annotations).values(*fields).annotate(count=Count("id", distinct=True)).order_by()
    counts = {}
    for values in grouped:
        key = []
        for dim in by:
            if dim == "month":
                key.append(values["_month"])
            elif dim == "quarter":
                key.append(quarter_of(values["_month"]))
            elif dim == "municipality":
                key.append(values["municipality__code"] or values["area"])
            else:
                key.append(values[DIMENSIONS[dim][1]])
        # Months of one quarter add up: every contact has exactly one day.
        counts[tuple(key)] = counts.get(tuple(key), 0) + values["count"]
    rows = [{**dict(zip(by, key, strict=True)), "count": n} for key, n in counts.items()]
    rows.sort(key=lambda r: tuple((r[d] is not None, r[d] or "") for d in by))  # none first
    return rows, total


def quarter_of(month):
    """ "2026-05" → "2026-Q2"."""
    return f"{month[:4]}-Q{(int(month[5:7]) - 1) // 3 + 1}"


def value_labels(org, dimension):
    """code → label for one dimension, in the active language and in display order (taxonomy
    order; municipalities by name, then outside and unknown). One query at most."""
    model = DIMENSIONS[dimension][2]
    if model is not None:
        qs = model.objects.for_org(org)
        if model is Theme:
            qs = qs.select_related("group")
        return {t.code: t.label for t in qs}
    if dimension == "municipality":
        labels = {m.code: m.name for m in org.municipalities.order_by("name_nl")}
        labels.update({a.value: str(a.label) for a in (Area.OUTSIDE, Area.UNKNOWN)})
        return labels
    if dimension in defaults.LABELS:
        return {code: defaults.label(dimension, code) for code in defaults.LABELS[dimension]}
    return {}


def in_order(codes, labels):
    """Codes in the order of `labels`, unknown codes after them, None (no value) last."""
    rank = {code: i for i, code in enumerate(labels)}
    return sorted(codes, key=lambda c: (c is None, rank.get(c, len(rank)), str(c)))


def crosstab(org, start, end, rows_dim, cols_dim, municipalities=None):
    """A table of rows_dim by cols_dim with row, column and grand totals (distinct contacts);
    only of `municipalities` when given (a funder's). Without cols_dim: one column, the contacts."""
    if cols_dim is None:
        return one_column_table(org, start, end, rows_dim, municipalities)
    specs = [_rollup_spec(by) for by in ([rows_dim, cols_dim], [rows_dim], [cols_dim])]
    if None in specs:
        cells, total = count_contacts(org, start, end, [rows_dim, cols_dim], municipalities)
        rows = count_contacts(org, start, end, [rows_dim], municipalities, with_total=False)[0]
        cols = count_contacts(org, start, end, [cols_dim], municipalities, with_total=False)[0]
    else:  # cells, row totals, column totals and the total in one statement
        sets = [(name, *spec) for name, spec in zip(("cells", "rows", "cols"), specs, strict=True)]
        found = rollup_counts(
            org, start, end, [*sets, ("total", "total", False, False)], _areas(municipalities)
        )
        cells = _rows_from(found["cells"], [rows_dim, cols_dim])
        rows, cols = _rows_from(found["rows"], [rows_dim]), _rows_from(found["cols"], [cols_dim])
        total = sum(row[5] for row in found["total"])
    row_totals = {r[rows_dim]: r["count"] for r in rows}
    col_totals = {r[cols_dim]: r["count"] for r in cols}
    row_labels, col_labels = value_labels(org, rows_dim), value_labels(org, cols_dim)
    row_codes, col_codes = in_order(row_totals, row_labels), in_order(col_totals, col_labels)
    grid = {(c[rows_dim], c[cols_dim]): c["count"] for c in cells}
    none_label = str(_("(none)"))
    return {
        "rows_dim": rows_dim,
        "cols_dim": cols_dim,
        "columns": [
            {"code": c, "label": col_labels.get(c, c) if c else none_label, "total": col_totals[c]}
            for c in col_codes
        ],
        "rows": [
            {
                "code": r,
                "label": row_labels.get(r, r) if r else none_label,
                "cells": [grid.get((r, c), 0) for c in col_codes],
                "total": row_totals[r],
            }
            for r in row_codes
        ],
        "total": total,
    }


def one_column_table(org, start, end, rows_dim, municipalities=None):
    """Contacts per value of one dimension, shaped like a crosstab with a single column."""
    counted, total = count_contacts(org, start, end, [rows_dim], municipalities)
    row_totals = {r[rows_dim]: r["count"] for r in counted}
    labels = value_labels(org, rows_dim)
    none_label = str(_("(none)"))
    return {
        "rows_dim": rows_dim,
        "cols_dim": None,
        "columns": [{"code": None, "label": str(_("Contacts")), "total": total}],
        "rows": [
            {
                "code": r,
                "label": labels.get(r, r) if r else none_label,
                "cells": [row_totals[r]],
                "total": row_totals[r],
            }
            for r in in_order(row_totals, labels)
        ],
        "total": total,
    }
