"""The regional table: contacts per municipality × theme (or theme group), summed over the organisations
that agreed to share, suppressed as numbers that leave a service (core/disclosure.py).

Read through the reports app's public functions only: `stats.crosstab` per organisation (the roll-up,
one statement each), `disclosure.suppress_small_counts` on the sums. A theme is matched across
organisations by its code when it is one of the default taxonomy's (the codes every organisation starts
with), under the default label; an organisation's own theme is counted under its own code and label.
Organisations count different contacts, so their distinct counts add up: cells, municipality totals,
theme totals and the total are sums. The table of contacts per organisation shares the total with the
main table, so both hide it when either has to.
"""

import copy
import datetime
from collections import Counter

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _

from opvoedwijzer.core.disclosure import suppress_small_counts
from opvoedwijzer.core.models import Municipality, Organisation
from opvoedwijzer.reports.stats import DIMENSIONS, crosstab
from opvoedwijzer.taxonomy import defaults

from .models import RegionShare

# What the columns can be: taxonomy dimensions whose default codes every organisation shares.
COLUMNS = ("theme", "theme_group")


def sharing_organisations(region):
    """The organisations whose agreement to share with `region` stands, by name."""
    agreed = RegionShare.objects.agreed().filter(region=region, organisation=OuterRef("pk"))
    return Organisation.objects.filter(Exists(agreed)).order_by("name")


def region_municipalities(organisations):
    """The region's municipalities: those the sharing organisations serve, by name."""
    return Municipality.objects.filter(organisations__in=organisations).distinct().order_by("name_nl")


def _column_key(dimension, column):
    """(key, code, label) of a column of one organisation's table in the regional table."""
    code = column["code"]
    if code is None:
        return None, None, column["label"]
    if code in defaults.LABELS[dimension]:
        return code, code, defaults.label(dimension, code)
    return (code, str(column["label"])), code, column["label"]  # an organisation's own term


def _column_order(dimension):
    default_codes = list(defaults.LABELS[dimension])

    def rank(key_and_label):
        key, label = key_and_label
        if key is None:
            return (2, 0, "")
        if isinstance(key, str):
            return (0, default_codes.index(key), "")
        return (1, 0, str(label).lower())

    return rank


def regional_sums(region, start, end, columns="theme"):
    """The unsuppressed sums: (table shaped like stats.crosstab, [(organisation, its total)])."""
    organisations = list(sharing_organisations(region))
    municipalities = list(region_municipalities(organisations)) if organisations else []
    cells, row_totals, col_totals = Counter(), Counter(), Counter()
    row_labels, col_labels, col_codes = {}, {}, {}
    total, per_organisation = 0, []
    for org in organisations:
        if not municipalities:  # sharing services that serve no municipality yet: nothing to count
            per_organisation.append((org, 0))
            continue
        table = crosstab(org, start, end, "municipality", columns, municipalities)
        keys = []
        for column in table["columns"]:
            key, code, label = _column_key(columns, column)
            keys.append(key)
            col_labels.setdefault(key, label)
            col_codes.setdefault(key, code)
            col_totals[key] += column["total"]
        for row in table["rows"]:
            row_labels.setdefault(row["code"], row["label"])
            row_totals[row["code"]] += row["total"]
            for key, count in zip(keys, row["cells"], strict=True):
                cells[row["code"], key] += count
        total += table["total"]
        per_organisation.append((org, table["total"]))
    names = {m.code: m.name for m in municipalities}
    row_codes = sorted(row_totals, key=lambda code: (names.get(code, row_labels[code]).lower(), code))
    col_keys = [key for key, _label in sorted(col_labels.items(), key=_column_order(columns))]
    table = {
        "rows_dim": "municipality",
        "cols_dim": columns,
        "columns": [
            {"code": col_codes[key], "label": col_labels[key], "total": col_totals[key]} for key in col_keys
        ],
        "rows": [
            {
                "code": code,
                "label": names.get(code, row_labels[code]),
                "cells": [cells[code, key] for key in col_keys],
                "total": row_totals[code],
            }
            for code in row_codes
        ],
        "total": total,
    }
    return table, per_organisation


def _organisations_table(per_organisation, total):
    return {
        "rows_dim": "organisation",
        "cols_dim": None,
        "columns": [{"code": None, "label": str(_("Contacts")), "total": total}],
        "rows": [
            {"code": org.slug, "label": org.name, "cells": [n], "total": n, "organisation": org}
            for org, n in per_organisation
        ],
        "total": total,
    }


def regional_table(region, year, columns="theme", k=None):
    """What a region's users see for a calendar year that has ended: the table municipality × `columns`
    and the contacts per sharing organisation, both suppressed; hidden numbers are None."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    raw, per_organisation = regional_sums(region, start, end, columns)
    organisations_raw = _organisations_table(per_organisation, raw["total"])
    table = suppress_small_counts(copy.deepcopy(raw), k)
    organisations = suppress_small_counts(
        copy.deepcopy(organisations_raw), k, hide_total=table["total"] is None
    )
    if organisations["total"] is None and table["total"] is not None:
        table = suppress_small_counts(copy.deepcopy(raw), k, hide_total=True)
    return {
        "region": region,
        "year": year,
        "start": start,
        "end": end,
        "columns": columns,
        "title": _("Contacts per municipality and %(dimension)s, %(region)s, %(year)s")
        % {"dimension": str(DIMENSIONS[columns][0]).lower(), "region": region.name, "year": year},
        "rows_label": DIMENSIONS["municipality"][0],
        "cols_label": DIMENSIONS[columns][0],
        "comparison": None,
        "table": table,
        "organisations": organisations,
    }
