"""The activities' section of the reports, the group offer (M7) in numbers: activities, sessions,
sign-ups, attendance and evaluations of an organisation in a period, for the overview page and a
chapter of the yearly report.

What counts:

- A session counts in a period by the local day it starts (Europe/Brussels, `TIME_ZONE`), once it
  has started ("held": nothing planned for later today or later in the period) and only when it
  started before the day its activity was cancelled — a course cancelled after three evenings held
  three. An activity counts when it has at least one such session in the period.
- Sign-ups (people with a confirmed place) and the waiting list (people waiting) are those of the
  activities counted; a course running from December into January counts in both years, like the
  activity itself. Cancelled sign-ups are left out.
- Attendance is the sum of the head counts of the sessions counted: a parent who came to six evenings
  counts six times. Each head count has one municipality (or outside the region, or unknown) and one
  "who", so the table municipality × who adds up and takes the same small-number suppression as the
  tables of contacts.
- Evaluations: those of the sessions counted; averages with one decimal, per kind and over all.

The municipality filter (the overview's municipalities, a funder's own, the yearly report's one)
means two things, because sessions and people have different places: activities, sessions, sign-ups
and evaluations are taken from the sessions *held in* the chosen municipalities (the municipality
of the session's location on the social map; a session without a location is in none), attendance
is the head counts of the people *who live in* them (the municipality of the head count) at any
session of the organisation. A funder of Heers thus sees what happened in Heers and how many people
of Heers took part, wherever. Without a filter: everything, also outside the region and unknown.

Outside the service (`outside=True`: a funder, an export ticked for outside, the yearly report) the
people counts are suppressed like every other table (`disclosure.suppress_small_counts`): the
attendance table as a whole, and in the per-kind table each people column (signed up, waiting,
attendance) as a table of one column with its total. The numbers of activities and sessions are not
suppressed: they count the organisation's own offer, which is on its public agenda, not families.
Evaluation averages are shown as x (None) where the number of evaluations is hidden, which is at
least wherever it is below k (`DISCLOSURE_MIN_COUNT`).

Four queries at most, each grouped in SQL: sessions with their evaluations per kind, sign-ups per
kind (only when sessions were held), attendance per kind × place × who, and the organisation's
municipalities (only when attendance was recorded and no municipalities were chosen).
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import TruncDate
from django.db.models.lookups import LessThan
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from opvoedwijzer.contacts.models import Area
from opvoedwijzer.core.disclosure import suppress_small_counts
from opvoedwijzer.core.reporting import Section, Table, grid_table
from opvoedwijzer.taxonomy.models import AskerRole

from .models import Attendance, Kind, Session, SignUp, SignUpStatus

# The columns of the per-kind table; the people columns are suppressed outside the service.
KIND_COLUMNS = ["activities", "sessions", "signed_up", "waiting", "attendance"]
PEOPLE_COLUMNS = ["signed_up", "waiting", "attendance"]
SCORES = ["overall", "useful", "atmosphere"]


def kind_column_labels():
    return {
        "activities": _("Activities"),
        "sessions": _("Sessions held"),
        "signed_up": _("Signed up (people)"),
        "waiting": _("Waiting list (people)"),
        "attendance": _("Attendance"),
    }


def score_labels():
    return {
        "overall": _("Appreciation"),
        "useful": _("Usefulness"),
        "atmosphere": _("Atmosphere in the group"),
    }


def _local_midnight(day):
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=timezone.get_default_timezone())


def held_sessions_q(start, end, prefix="", now=None):
    """Sessions that started on a local day from `start` to `end`, by `now`, and before their
    activity was cancelled. `prefix` reaches the session from another model ("session__")."""
    now = now or timezone.now()
    tz = timezone.get_default_timezone()
    before_cancellation = LessThan(
        TruncDate(f"{prefix}starts_at", tzinfo=tz), F(f"{prefix}activity__cancelled_on")
    )
    return Q(
        Q(
            **{
                f"{prefix}starts_at__gte": _local_midnight(start),
                f"{prefix}starts_at__lt": _local_midnight(end + datetime.timedelta(days=1)),
                f"{prefix}starts_at__lte": now,
            }
        ),
        Q(**{f"{prefix}activity__cancelled_on__isnull": True}) | Q(before_cancellation),
    )


def held_sessions(org, start, end, municipalities=None, now=None):
    qs = Session.objects.filter(held_sessions_q(start, end, now=now), activity__organisation=org)
    if municipalities is not None:
        qs = qs.filter(location__municipality__in=municipalities)
    return qs


def group_offer_summary(org, start, end, municipalities=None, *, outside=False, now=None):
    """The three tables of the group offer: per kind, attendance per municipality × who, and the
    evaluations. `municipalities`: None for all, else a list of Municipality (see the module)."""
    sessions = held_sessions(org, start, end, municipalities, now)
    per_session = (
        sessions.values("activity__kind")
        .annotate(
            activities=Count("activity", distinct=True),
            sessions=Count("id", distinct=True),  # distinct: the join gives a row per evaluation
            n=Count("evaluations"),
            **{score: Sum(f"evaluations__{score}") for score in SCORES},
        )
        .order_by()
    )
    figures = {
        row["activity__kind"]: {"activities": row["activities"], "sessions": row["sessions"]}
        for row in per_session
    }
    evaluations = {row["activity__kind"]: row for row in per_session if row["n"]}
    if figures:
        signups = (
            SignUp.objects.filter(activity__in=sessions.values("activity"))
            .values("activity__kind")
            .annotate(
                signed_up=Sum("people", filter=Q(status=SignUpStatus.CONFIRMED)),
                waiting=Sum("people", filter=Q(status=SignUpStatus.WAITING)),
            )
            .order_by()
        )
        for row in signups:
            figures[row["activity__kind"]].update(
                signed_up=row["signed_up"] or 0, waiting=row["waiting"] or 0
            )

    attendance = Attendance.objects.filter(
        held_sessions_q(start, end, prefix="session__", now=now), session__activity__organisation=org
    )
    if municipalities is not None:
        attendance = attendance.filter(municipality__in=municipalities)
    heads = list(
        attendance.values(
            "session__activity__kind",
            "area",
            "municipality__code",
            "who_id",
            "who__code",
            "who__custom_label",
            "who__position",
        )
        .annotate(n=Sum("count"))
        .order_by()
    )
    for row in heads:
        kind = figures.setdefault(row["session__activity__kind"], {})
        kind["attendance"] = kind.get("attendance", 0) + row["n"]

    k = settings.DISCLOSURE_MIN_COUNT
    by_kind = _kind_table(figures, outside, k)
    return {
        "by_kind": by_kind,
        "attendance": _attendance_table(org, heads, municipalities, outside, k),
        "evaluations": _evaluation_table(evaluations, outside, k),
        "outside": outside,
        "min_count": k,
        "filtered": municipalities is not None,
        "any": bool(by_kind["rows"]),
    }


def _kind_table(figures, outside, k):
    labels = kind_column_labels()
    rows = [
        {
            "code": code,
            "label": label,
            "cells": [figures[code].get(column, 0) for column in KIND_COLUMNS],
        }
        for code, label in Kind.choices
        if code in figures
    ]
    table = {
        "columns": [
            {"code": column, "label": labels[column], "total": sum(r["cells"][i] for r in rows)}
            for i, column in enumerate(KIND_COLUMNS)
        ],
        "rows": rows,
        "suppressed": False,
        "min_count": k,
    }
    if outside:
        for column in PEOPLE_COLUMNS:
            i = KIND_COLUMNS.index(column)
            one = suppress_small_counts(_one_column(rows, i, table["columns"][i]["total"]), k)
            for row, shown in zip(rows, one["rows"], strict=True):
                row["cells"][i] = shown["cells"][0]
            table["columns"][i]["total"] = one["total"]
            table["suppressed"] |= one["suppressed"]
    return table


def _one_column(rows, i, total):
    """Column `i` of the per-kind table as a table of its own: each row's total is its one cell."""
    return {
        "rows": [{"cells": [r["cells"][i]], "total": r["cells"][i]} for r in rows],
        "columns": [{"total": total}],
        "total": total,
    }


def _attendance_table(org, heads, municipalities, outside, k):
    """Rows: the municipalities (all of the organisation's, then outside the region and unknown;
    or the chosen ones); columns: who attended, in taxonomy order; cells: people. No rows when
    no attendance was recorded (the page then says so)."""
    if not heads:
        places = {}
    elif municipalities is None:
        places = {m.code: m.name for m in org.municipalities.order_by("name_nl")}
        places[Area.OUTSIDE] = Area.OUTSIDE.label
        places[Area.UNKNOWN] = Area.UNKNOWN.label
    else:
        places = {m.code: m.name for m in sorted(municipalities, key=lambda m: m.name_nl)}
    roles, grid = {}, {}
    for row in heads:
        place = row["municipality__code"] or row["area"]
        if place not in places:  # a municipality the organisation no longer serves
            place = Area.OUTSIDE
        roles[row["who_id"]] = row
        key = (place, row["who_id"])
        grid[key] = grid.get(key, 0) + row["n"]
    order = sorted(roles.values(), key=lambda r: (r["who__position"], r["who_id"]))
    columns = [
        {
            "code": r["who__code"],
            "label": AskerRole(code=r["who__code"], custom_label=r["who__custom_label"]).label,
            "total": sum(n for (_place, who), n in grid.items() if who == r["who_id"]),
        }
        for r in order
    ]
    rows = [
        {
            "code": code,
            "label": label,
            "cells": [grid.get((code, r["who_id"]), 0) for r in order],
            "total": sum(n for (place, _who), n in grid.items() if place == code),
        }
        for code, label in places.items()
    ]
    table = {
        "columns": columns,
        "rows": rows,
        "total": sum(grid.values()),
        "suppressed": False,
        "min_count": k,
    }
    if outside and columns:
        suppress_small_counts(table, k)
    return table


def _average(total, n):
    """One decimal, halves up (4.25 → 4.3), as people round."""
    if not n:
        return None
    return (Decimal(total) / Decimal(n)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _evaluation_table(per_kind, outside, k):
    """Rows per kind and a last row over all: the number of evaluations and the average scores."""
    rows = [
        {
            "code": code,
            "label": label,
            "n": per_kind[code]["n"],
            "sums": [per_kind[code][score] for score in SCORES],
        }
        for code, label in Kind.choices
        if code in per_kind
    ]
    n_total = sum(r["n"] for r in rows)
    sums_total = [sum(r["sums"][i] for r in rows) for i in range(len(SCORES))]
    table = {
        "columns": [{"code": code, "label": label} for code, label in score_labels().items()],
        "rows": rows,
        "n": n_total,
        "suppressed": False,
        "min_count": k,
    }
    if outside and rows:
        one = suppress_small_counts(
            {
                "rows": [{"cells": [r["n"]], "total": r["n"]} for r in rows],
                "columns": [{"total": n_total}],
                "total": n_total,
            },
            k,
        )
        for row, shown in zip(rows, one["rows"], strict=True):
            row["n"] = shown["cells"][0]
        table["n"] = one["total"]
        table["suppressed"] = one["suppressed"]
    for row in rows:
        row["averages"] = [None if row["n"] is None else _average(s, row["n"]) for s in row.pop("sums")]
    table["averages"] = [None if table["n"] is None else _average(s, table["n"]) for s in sums_total]
    return table


def group_offer_tables(figures):
    """The three tables as plain rows (the exports and the API)."""
    evaluations = figures["evaluations"]
    scores = [str(c["label"]) for c in evaluations["columns"]]
    return [
        grid_table(
            _("Activities and sessions per kind of activity"),
            _("Kind of activity"),
            figures["by_kind"],
            with_total=False,
        ),
        grid_table(_("Attendance per municipality and who attended"), _("Lives in"), figures["attendance"]),
        Table(
            _("Evaluations per kind of activity: average scores from 1 to 5"),
            [_("Kind of activity"), _("Evaluations"), *scores],
            [
                *([str(r["label"]), r["n"], *r["averages"]] for r in evaluations["rows"]),
                [_("All activities"), evaluations["n"], *evaluations["averages"]],
            ],
        ),
    ]


SECTION = Section(
    key="group_offer",
    title=_lazy("Group offer"),
    build=group_offer_summary,
    tables=group_offer_tables,
    template="reports/sections/group_offer.html",
    pdf_template="reports/sections/group_offer_pdf.html",
)
