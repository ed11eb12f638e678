"""A maintained roll-up of contact counts, so that reports stay fast at millions of contacts.

`DailyCount` holds, per organisation, dimension, day, area (a municipality's NIS code, or "outside" /
"unknown") and value (a code, "" for none), the number of distinct contacts; `MonthlyCount` the same
per month. A report over a period sums the whole months from the monthly table and the days at its
edges from the daily one. Because every contact has exactly one day and one area, these sums are
exactly the distinct counts the raw query gives (also for themes, life stages and offers, where one
contact can have several values: it counts once per value, as in the raw query). `tests/reports/
test_rollup.py` proves the two equal after random registrations, corrections and deletions.

Upkeep happens in the same transaction as the write (`contacts.services`), with the contact's row
locked (`SELECT … FOR UPDATE`) so that two simultaneous edits or deletes of one contact take turns and
the second sees what the first left: `contact_counts(id)` reads the rows a contact adds as it is in the
database now (before and after the change), and `apply_delta()` adds the difference — one upsert per
table, its rows always in the same order (days before months, sorted by key), so that simultaneous
writers lock the shared counter rows in one order and cannot deadlock. An edit that changes nothing
counted (only the note) writes no counter at all. Bulk loads (demo data, the benchmark generator) call
`rebuild()`; `check()` compares the tables with a recount and repairs drift (nightly).
"""

import datetime
from collections import Counter
from contextlib import contextmanager

from django.db import connection

# dimension → (SQL expression of its code, joins); "total" counts every contact once.
_DIMENSIONS = {
    "total": ("''", ""),
    "theme": (
        "t.code",
        "JOIN contacts_contacttheme ct ON ct.contact_id = c.id JOIN taxonomy_theme t ON t.id = ct.theme_id",
    ),
    "theme_group": (
        "g.code",
        "JOIN contacts_contacttheme ct ON ct.contact_id = c.id JOIN taxonomy_theme t ON t.id = ct.theme_id "
        "JOIN taxonomy_themegroup g ON g.id = t.group_id",
    ),
    "channel": ("ch.code", "JOIN taxonomy_channel ch ON ch.id = c.channel_id"),
    "asker_role": ("ar.code", "JOIN taxonomy_askerrole ar ON ar.id = c.asker_role_id"),
    "life_stage": (
        "ls.code",
        "JOIN contacts_contact_life_stages cl ON cl.contact_id = c.id "
        "JOIN taxonomy_lifestage ls ON ls.id = cl.lifestage_id",
    ),
    "offer": (
        "o.code",
        "JOIN contacts_contact_offers co ON co.contact_id = c.id "
        "JOIN taxonomy_offertype o ON o.id = co.offertype_id",
    ),
    "request_kind": ("c.request_kind", ""),
    "duration": ("c.duration", ""),
}
# Dimensions whose value can be missing on a contact (then "" for "none", like None in the raw query).
_OPTIONAL = {"theme", "theme_group", "life_stage", "offer"}
ROLLUP_DIMENSIONS = [d for d in _DIMENSIONS if d != "total"]

DAILY, MONTHLY = "reports_dailycount", "reports_monthlycount"


def _month_of(day_sql):
    if connection.vendor == "postgresql":
        return f"to_char({day_sql}, 'YYYY-MM')"
    return f"substr({day_sql}, 1, 7)"


def _select(dim, where, bucket_sql):
    """Contacts per organisation, bucket, area and value of one dimension. A contact has each theme,
    life stage and offer at most once (unique link rows), so COUNT(*) counts distinct contacts; only
    theme groups need DISTINCT, as two themes of one contact can share a group."""
    code, joins = _DIMENSIONS[dim]
    if dim in _OPTIONAL:
        joins = joins.replace("JOIN ", "LEFT JOIN ")
        code = f"COALESCE({code}, '')"
    source = f"FROM contacts_contact c LEFT JOIN core_municipality m ON m.id = c.municipality_id {joins}"
    if dim == "theme_group":
        return (
            f"SELECT organisation_id, '{dim}' AS dim, bucket, area, value, COUNT(*) AS n FROM ("
            f"SELECT DISTINCT c.id, c.organisation_id, {bucket_sql} AS bucket, "
            f"COALESCE(m.code, c.area) AS area, {code} AS value {source} "
            f"WHERE {where}) x GROUP BY organisation_id, bucket, area, value"
        )
    area = "COALESCE(m.code, c.area)"
    grouping = ["c.organisation_id", bucket_sql, area] + ([] if code.startswith("'") else [code])
    return (
        f"SELECT c.organisation_id, '{dim}' AS dim, {bucket_sql} AS bucket, {area} AS area, "
        f"{code} AS value, COUNT(*) AS n {source} WHERE {where} GROUP BY {', '.join(grouping)}"
    )


def _as_date(value):
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)


def contact_counts(contact_id):
    """The daily roll-up rows one contact adds, as it is in the database now:
    Counter({(organisation_id, dim, day, area, value): 1}); empty when the contact does not exist."""
    selects = " UNION ALL ".join(_select(dim, "c.id = %s", "c.date") for dim in _DIMENSIONS)
    with connection.cursor() as cursor:
        cursor.execute(selects, [contact_id] * len(_DIMENSIONS))
        return Counter(
            {
                (org, dim, _as_date(day), area, value): int(n)
                for org, dim, day, area, value, n in cursor.fetchall()
            }
        )


def _add_rows(table, bucket_column, rows):
    values = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(rows))
    sql = (
        f"INSERT INTO {table} (organisation_id, dim, {bucket_column}, area, value, n) VALUES {values} "
        f"ON CONFLICT (organisation_id, dim, {bucket_column}, area, value) "
        f"DO UPDATE SET n = {table}.n + excluded.n"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [item for key, n in rows for item in (*key, n)])


def apply_delta(delta):
    """Add `delta` ({(organisation_id, dim, day, area, value): n}, n may be negative) to the daily and
    monthly counts. Call it inside the transaction that changed the contacts, after locking them.
    Rows are written days first, then months, each sorted by key: every writer takes the counter rows'
    locks in the same order, so two simultaneous writers wait for each other but never deadlock."""
    daily = sorted((key, n) for key, n in delta.items() if n)
    if not daily:
        return
    monthly = Counter()
    for (org, dim, day, area, value), n in daily:
        monthly[(org, dim, day.strftime("%Y-%m"), area, value)] += n
    _add_rows(DAILY, "day", daily)
    _add_rows(MONTHLY, "month", sorted((key, n) for key, n in monthly.items() if n))


@contextmanager
def recounting(contact_id):
    """Keep one contact's counts right while it is registered, changed or deleted inside the block:
    its counts before, its counts after, and the difference added. Lock the contact's row first."""
    before = contact_counts(contact_id)
    yield
    delta = contact_counts(contact_id)
    delta.subtract(before)
    apply_delta(delta)


def rebuild(organisation=None):
    """Recount everything (of one organisation): after a bulk load, or to repair. Plain SQL, so the
    migration that creates the tables can fill them too."""
    where, params, only = "true", [], ""
    if organisation is not None:
        where, params, only = "c.organisation_id = %s", [organisation.pk], " WHERE organisation_id = %s"
    with connection.cursor() as cursor:
        for table in (DAILY, MONTHLY):
            cursor.execute(f"DELETE FROM {table}{only}", params)
        for dim in _DIMENSIONS:  # one statement per dimension: the tables are empty, no upsert needed
            counted = _select(dim, where, "c.date")
            cursor.execute(
                f"INSERT INTO {DAILY} (organisation_id, dim, day, area, value, n) "
                f"SELECT organisation_id, dim, bucket, area, value, n FROM ({counted}) x",
                params,
            )
        month = _month_of("day")
        cursor.execute(  # the months are sums of their days
            f"INSERT INTO {MONTHLY} (organisation_id, dim, month, area, value, n) "
            f"SELECT organisation_id, dim, {month}, area, value, SUM(n) FROM {DAILY}{only} "
            f"GROUP BY organisation_id, dim, {month}, area, value",
            params,
        )


def _drift(table, bucket_column, bucket_sql, where, params, only):
    """Rows where `table` differs from a recount of the contacts, in one statement (one snapshot):
    [((organisation_id, dim, bucket, area, value), recount − stored)]."""
    recount = " UNION ALL ".join(_select(dim, where, bucket_sql) for dim in _DIMENSIONS)
    sql = (
        f"SELECT organisation_id, dim, bucket, area, value, SUM(n) FROM ("
        f"SELECT organisation_id, dim, bucket, area, value, n FROM ({recount}) r UNION ALL "
        f"SELECT organisation_id, dim, {bucket_column} AS bucket, area, value, -n FROM {table}{only}"
        f") d GROUP BY organisation_id, dim, bucket, area, value HAVING SUM(n) <> 0"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params * len(_DIMENSIONS) + params[:1] * bool(only))
        return [
            ((org, dim, bucket, area, value), int(n))
            for org, dim, bucket, area, value, n in cursor.fetchall()
        ]


def check(organisation=None, repair=True):
    """Compare the roll-up with a recount of the contacts; return {organisation_id: rows that differed}
    ({} when exact) and, with `repair`, add the differences. Safe while staff register: the recount and
    the comparison are one statement, and adding a difference commutes with the writers' own deltas."""
    where, params, only = "true", [], ""
    if organisation is not None:
        where, params, only = "c.organisation_id = %s", [organisation.pk], " WHERE organisation_id = %s"
    drifted = Counter()
    for table, column, bucket in ((DAILY, "day", "c.date"), (MONTHLY, "month", _month_of("c.date"))):
        rows = sorted(_drift(table, column, bucket, where, params, only))
        for (org, *_rest), _n in rows:
            drifted[org] += 1
        if repair and rows:
            _add_rows(table, column, rows)
    return dict(drifted)


# Reading -----------------------------------------------------------------------------------------


def _month_start(day):
    return day.replace(day=1)


def _next_month(day):
    return (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def split_period(start, end):
    """(first whole month, last whole month) as "YYYY-MM" or None, and the edge day ranges."""
    first = start if start.day == 1 else _next_month(start)
    after_end = end + datetime.timedelta(days=1)
    last_exclusive = after_end if after_end.day == 1 else _month_start(end)
    if first >= last_exclusive:
        return None, [(start, end)]
    last = last_exclusive - datetime.timedelta(days=1)
    edges = []
    if start < first:
        edges.append((start, first - datetime.timedelta(days=1)))
    if last < end:
        edges.append((last + datetime.timedelta(days=1), end))
    return (first.strftime("%Y-%m"), last.strftime("%Y-%m")), edges


def grouped(org, start, end, sets, areas=None):
    """Several groupings of the roll-up in one statement: `sets` is [(name, dim, by_area, by_month)]
    with dim "total" for all contacts; returns {name: {(area?, month?, value): n}}. `areas` limits to
    those NIS codes / area names (an empty list: nothing)."""
    result = {name: {} for name, *_ in sets}
    if areas is not None and not areas:
        return result
    months, edges = split_period(start, end)
    area_filter, area_params = "", []
    if areas is not None:
        area_filter = f" AND area IN ({', '.join(['%s'] * len(areas))})"
        area_params = list(areas)
    parts, params = [], []
    for name, dim, by_area, by_month in sets:
        sources = [(MONTHLY, "month", "month BETWEEN %s AND %s", list(months))] if months else []
        sources += [(DAILY, _month_of("day"), "day BETWEEN %s AND %s", list(edge)) for edge in edges]
        for table, month_sql, in_period, period_params in sources:
            # Only real columns in GROUP BY (PostgreSQL refuses a constant there); blanks in SELECT.
            grouping = ["area"] * by_area + [month_sql] * by_month + ["value"]
            selected = ["area" if by_area else "''", month_sql if by_month else "''", "value"]
            parts.append(
                f"SELECT '{name}', {', '.join(selected)}, SUM(n) FROM {table} "
                f"WHERE organisation_id = %s AND dim = %s AND {in_period}{area_filter} "
                f"GROUP BY {', '.join(grouping)}"
            )
            params += [org.pk, dim, *period_params, *area_params]
    shape = {name: (by_area, by_month) for name, _dim, by_area, by_month in sets}
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        for name, area, month, value, n in cursor.fetchall():
            if not n:
                continue
            by_area, by_month = shape[name]
            key = (*([area] if by_area else []), *([month] if by_month else []), value)
            found = result[name]
            found[key] = found.get(key, 0) + int(n)
    return {name: {k: n for k, n in found.items() if n} for name, found in result.items()}
