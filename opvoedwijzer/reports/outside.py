"""Numbers as they leave the service: for funders, external exports and funder API tokens.

Every outside table is (a margin of) the table municipality × one dimension over the member's own
municipalities, with `disclosure.suppress_small_counts` applied, so the same number is hidden the
same way wherever it appears. Funders see whole calendar years that have ended: two overlapping
periods (January–June and January–July) would otherwise give away a small month by subtraction.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from opvoedwijzer.core.disclosure import suppress_small_counts

from .stats import crosstab


def whole_past_years(start, end):
    return (
        (start.month, start.day) == (1, 1)
        and (end.month, end.day) == (12, 31)
        and start <= end
        and end < timezone.localdate()
    )


def period_rule():
    return _(
        "Numbers for outside the service cover whole calendar years that have ended, so that no small "
        "number can be worked out by comparing two periods."
    )


def last_complete_year():
    year = timezone.localdate().year - 1
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def outside_rows(org, start, end, by, municipalities, k=None):
    """What GET /contacts/stats answers a funder: rows with "count" (None when hidden) and
    "suppressed", and the total (None when hidden). `by` is [], [municipality], [dim] or
    [municipality, dim] in either order."""
    others = [d for d in by if d != "municipality"]
    if not others:
        table = suppress_small_counts(crosstab(org, start, end, "municipality", None, municipalities), k)
        rows = []
        if by:
            rows = [
                {"municipality": r["code"], "count": r["total"], "suppressed": r["total"] is None}
                for r in table["rows"]
            ]
        return rows, table["total"]
    dim = others[0]
    table = suppress_small_counts(crosstab(org, start, end, "municipality", dim, municipalities), k)
    rows = []
    if "municipality" in by:
        for r in table["rows"]:
            for column, count in zip(table["columns"], r["cells"], strict=True):
                if count != 0:
                    rows.append(
                        {
                            "municipality": r["code"],
                            dim: column["code"],
                            "count": count,
                            "suppressed": count is None,
                        }
                    )
    else:
        rows = [
            {dim: c["code"], "count": c["total"], "suppressed": c["total"] is None} for c in table["columns"]
        ]
    return rows, table["total"]
