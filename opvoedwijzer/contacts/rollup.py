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

Reports that cross two dimensions (`by=theme,channel`, the numbers page's theme × channel) need more:
the count of contacts with theme t *and* channel c is not a sum of the single counts. `PairCount`
holds, per organisation, week of the month (days 1–7, 8–14, 15–21, 22–28, 29–31 of a month), area and
pair of dimensions (`PAIR_DIMENSIONS`: every two of `ROLLUP_DIMENSIONS` in `PAIR_ORDER`), the distinct
contacts per pair of values. Its rows come with the contact's own (`contact_counts` gives them as
7-tuples beside the 5-tuples, `apply_delta` writes them in one more upsert, after the days and the
months, in the same fixed order). A period reads its whole months and the whole weeks of its edge
months from it; the at most six days left at each edge are counted from the contacts themselves,
found by the (organisation, date) index. Why weeks of the month: a daily pair table would hold about
one row per (contact, pair of values) — 40 M rows at 10 M contacts —, a monthly one leaves up to 58
edge days to count from the contacts (1.3 s for theme × offer at 10 M on PostgreSQL), and weeks that
never cross a month add up to whole months. Theme × theme group is no pair row: a theme has one group,
so it is the theme's own count, joined to its group. Three or more dimensions besides municipality and
month are counted from the contacts (`count_contacts_raw`); the API refuses them
(`stats.crossing_problem`).
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

DAILY, MONTHLY, PAIRS = "reports_dailycount", "reports_monthlycount", "reports_paircount"
# Pairs are stored with dim1 before dim2 in this order. Theme × theme group is read from the theme rows.
PAIR_ORDER = ROLLUP_DIMENSIONS
PAIR_DIMENSIONS = [
    (d1, d2)
    for i, d1 in enumerate(PAIR_ORDER)
    for d2 in PAIR_ORDER[i + 1 :]
    if {d1, d2} != {"theme", "theme_group"}
]
# A contact has one theme group per theme: the pair is the theme's count, joined to its group.
THEME_AND_GROUP = ("theme", "theme_group")


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


def _pair_source(d1, d2):
    """(code1, code2, FROM … joins, count) of the contacts crossed by two dimensions: a contact with two
    themes and two offers gives four rows, as in the raw query. Rows are unique per (contact, value1,
    value2) except with theme groups (two themes of one group), which count DISTINCT."""
    codes, joins = [], []
    for dim in (d1, d2):
        code, join = _DIMENSIONS[dim]
        if dim in _OPTIONAL:
            join = join.replace("JOIN ", "LEFT JOIN ")
            code = f"COALESCE({code}, '')"
        codes.append(code)
        joins.append(join)
    count = "COUNT(DISTINCT c.id)" if "theme_group" in (d1, d2) else "COUNT(*)"
    source = "FROM contacts_contact c LEFT JOIN core_municipality m ON m.id = c.municipality_id " + " ".join(
        j for j in joins if j
    )
    return codes[0], codes[1], source, count


def _week_of(day_sql):
    """The week of the month of a day: 1 for days 1–7, …, 5 for days 29–31."""
    if connection.vendor == "postgresql":
        return f"((CAST(EXTRACT(DAY FROM {day_sql}) AS integer) + 6) / 7)"
    return f"((CAST(substr({day_sql}, 9, 2) AS integer) + 6) / 7)"


def week_of_month(day):
    return (day.day + 6) // 7


def _pair_select(d1, d2, where):
    """Contacts per organisation, month, week of the month, area and pair of values of d1 and d2."""
    code1, code2, source, count = _pair_source(d1, d2)
    area, month, week = "COALESCE(m.code, c.area)", _month_of("c.date"), _week_of("c.date")
    return (
        f"SELECT c.organisation_id, '{d1}' AS dim1, '{d2}' AS dim2, {month} AS month, {week} AS week, "
        f"{area} AS area, {code1} AS value1, {code2} AS value2, {count} AS n {source} WHERE {where} "
        f"GROUP BY c.organisation_id, {month}, {week}, {area}, {code1}, {code2}"
    )


def _with_pairs(counts):
    """One contact's single rows plus its pair rows: for every pair of dimensions, every pair of its
    values, as (organisation_id, dim1, day, area, value1, dim2, value2) with n = 1."""
    values = {}
    for (org, dim, day, area, value), n in counts.items():
        if n and dim != "total":
            values.setdefault((org, day, area), {}).setdefault(dim, []).append(value)
    for (org, day, area), by_dim in values.items():
        for d1, d2 in PAIR_DIMENSIONS:
            for v1 in by_dim.get(d1, ()):
                for v2 in by_dim.get(d2, ()):
                    counts[(org, d1, day, area, v1, d2, v2)] += 1
    return counts


def _as_date(value):
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)


def contact_counts(contact_id):
    """The daily roll-up rows one contact adds, as it is in the database now:
    Counter({(organisation_id, dim, day, area, value): 1}); empty when the contact does not exist."""
    selects = " UNION ALL ".join(_select(dim, "c.id = %s", "c.date") for dim in _DIMENSIONS)
    with connection.cursor() as cursor:
        cursor.execute(selects, [contact_id] * len(_DIMENSIONS))
        return _with_pairs(
            Counter(
                {
                    (org, dim, _as_date(day), area, value): int(n)
                    for org, dim, day, area, value, n in cursor.fetchall()
                }
            )
        )


def counts_of_new(contact, themes, life_stages, offers):
    """What `contact_counts(contact.pk)` reads, for a contact just saved with these terms, without a
    query (tests/reports/test_rollup.py checks the two agree)."""
    values = {
        "total": [""],
        "theme": [t.code for t in themes] or [""],
        "theme_group": list(dict.fromkeys(t.group.code for t in themes)) or [""],
        "channel": [contact.channel.code],
        "asker_role": [contact.asker_role.code],
        "life_stage": [t.code for t in life_stages] or [""],
        "offer": [t.code for t in offers] or [""],
        "request_kind": [contact.request_kind],
        "duration": [contact.duration],
    }
    area = contact.municipality.code if contact.municipality_id else contact.area
    day = _as_date(contact.date)
    return _with_pairs(
        Counter(
            {
                (contact.organisation_id, dim, day, area, value): 1
                for dim, codes in values.items()
                for value in codes
            }
        )
    )


_ROWS_PER_STATEMENT = 1000  # parameters stay under SQLite's and PostgreSQL's limits


def _upsert(table, columns, rows):
    """Add n to the rows [(key, n)] (key in `columns` order, the table's unique key), inserting the
    missing ones: one statement, in the order given (more only for a contact with dozens of values)."""
    names = ", ".join(columns)
    for first in range(0, len(rows), _ROWS_PER_STATEMENT):
        chunk = rows[first : first + _ROWS_PER_STATEMENT]
        marks = "(" + ", ".join(["%s"] * (len(columns) + 1)) + ")"
        sql = (
            f"INSERT INTO {table} ({names}, n) VALUES {', '.join([marks] * len(chunk))} "
            f"ON CONFLICT ({names}) DO UPDATE SET n = {table}.n + excluded.n"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [item for key, n in chunk for item in (*key, n)])


def _add_rows(table, bucket_column, rows):
    _upsert(table, ["organisation_id", "dim", bucket_column, "area", "value"], rows)


_PAIR_COLUMNS = ["organisation_id", "dim1", "dim2", "month", "week", "area", "value1", "value2"]


def apply_delta(delta):
    """Add `delta` ({(organisation_id, dim, day, area, value): n} and pair rows {(organisation_id,
    dim1, day, area, value1, dim2, value2): n}, n may be negative) to the daily, monthly and pair
    counts. Call it inside the transaction that changed the contacts, after locking them.
    Rows are written days first, then months, then pairs, each sorted by key: every writer takes the
    counter rows' locks in the same order, so two simultaneous writers wait for each other but never
    deadlock. Three statements at most (for a typical contact)."""
    daily = sorted((key, n) for key, n in delta.items() if n and len(key) == 5)
    monthly, pairs = Counter(), Counter()
    for (org, dim, day, area, value), n in daily:
        monthly[(org, dim, day.strftime("%Y-%m"), area, value)] += n
    for key, n in delta.items():
        if n and len(key) == 7:
            org, d1, day, area, v1, d2, v2 = key
            pairs[(org, d1, d2, day.strftime("%Y-%m"), week_of_month(day), area, v1, v2)] += n
    if daily:
        _add_rows(DAILY, "day", daily)
    if monthly := sorted((key, n) for key, n in monthly.items() if n):
        _add_rows(MONTHLY, "month", monthly)
    if pairs := sorted((key, n) for key, n in pairs.items() if n):
        _upsert(PAIRS, _PAIR_COLUMNS, pairs)


@contextmanager
def recounting(contact_id):
    """Keep one contact's counts right while it is registered, changed or deleted inside the block:
    its counts before, its counts after, and the difference added. Lock the contact's row first."""
    before = contact_counts(contact_id)
    yield
    delta = contact_counts(contact_id)
    delta.subtract(before)
    apply_delta(delta)


def add_contacts(where, params):
    """Add the roll-up rows of the contacts matching `where` (a condition on contacts c, with its
    `params`), counted in SQL: for a bulk insert of thousands of contacts (an import), where counting
    each contact's rows in Python (`counts_of_new`) costs more than the insert. One upsert per table and
    dimension (46), each over just those contacts, rows in key order. The caller makes sure that no
    other writer adds rows for the same contacts meanwhile (they are its own, in its transaction)."""
    with connection.cursor() as cursor:
        for table, column, bucket in ((DAILY, "day", "c.date"), (MONTHLY, "month", _month_of("c.date"))):
            key = f"organisation_id, dim, {column}, area, value"
            for dim in _DIMENSIONS:
                cursor.execute(
                    f"INSERT INTO {table} ({key}, n) SELECT organisation_id, dim, bucket, area, value, n "
                    f"FROM ({_select(dim, where, bucket)}) x WHERE true ORDER BY 1, 2, 3, 4, 5 "
                    f"ON CONFLICT ({key}) DO UPDATE SET n = {table}.n + excluded.n",
                    params,
                )
        columns = ", ".join(_PAIR_COLUMNS)
        for d1, d2 in PAIR_DIMENSIONS:
            counted = _pair_select(d1, d2, where)
            cursor.execute(
                f"INSERT INTO {PAIRS} ({columns}, n) SELECT {columns}, n FROM ({counted}) x "
                f"WHERE true ORDER BY {', '.join(str(i) for i in range(1, len(_PAIR_COLUMNS) + 1))} "
                f"ON CONFLICT ({columns}) DO UPDATE SET n = {PAIRS}.n + excluded.n",
                params,
            )


def _scope(organisation):
    """(condition on the contacts c, its parameters, WHERE on a roll-up table) for one organisation
    or all."""
    if organisation is None:
        return "true", [], ""
    return "c.organisation_id = %s", [organisation.pk], " WHERE organisation_id = %s"


def rebuild(organisation=None, pairs=True):
    """Recount everything (of one organisation): after a bulk load, or to repair. Plain SQL, so the
    migrations that create the tables can fill them too (0002 before the pair table exists: without
    `pairs`)."""
    where, params, only = _scope(organisation)
    if pairs:
        rebuild_pairs(organisation)
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


def rebuild_pairs(organisation=None):
    """Recount the pair table (of one organisation): one statement per pair of dimensions."""
    where, params, only = _scope(organisation)
    columns = ", ".join(_PAIR_COLUMNS)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {PAIRS}{only}", params)
        for d1, d2 in PAIR_DIMENSIONS:
            counted = _pair_select(d1, d2, where)
            cursor.execute(
                f"INSERT INTO {PAIRS} ({columns}, n) SELECT {columns}, n FROM ({counted}) x", params
            )


def _pair_drift(where, params, only):
    """Rows where the pair table differs from a recount, in one statement:
    [((organisation_id, dim1, dim2, month, week, area, value1, value2), recount − stored)]."""
    recount = " UNION ALL ".join(_pair_select(d1, d2, where) for d1, d2 in PAIR_DIMENSIONS)
    key = ", ".join(_PAIR_COLUMNS)
    sql = (
        f"SELECT {key}, SUM(n) FROM ("
        f"SELECT {key}, n FROM ({recount}) r UNION ALL SELECT {key}, -n FROM {PAIRS}{only}"
        f") d GROUP BY {key} HAVING SUM(n) <> 0"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params * len(PAIR_DIMENSIONS) + params[:1] * bool(only))
        return [(tuple(key), int(n)) for *key, n in cursor.fetchall()]


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
    where, params, only = _scope(organisation)
    drifted = Counter()
    for table, column, bucket in ((DAILY, "day", "c.date"), (MONTHLY, "month", _month_of("c.date"))):
        rows = sorted(_drift(table, column, bucket, where, params, only))
        for (org, *_rest), _n in rows:
            drifted[org] += 1
        if repair and rows:
            _add_rows(table, column, rows)
    rows = sorted(_pair_drift(where, params, only))
    for (org, *_rest), _n in rows:
        drifted[org] += 1
    if repair and rows:
        _upsert(PAIRS, _PAIR_COLUMNS, rows)
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
    """Several groupings of the roll-up in one statement. `sets` is [(name, dim, by_area, by_time)]:
    dim "total" for all contacts, a dimension, or a pair of them (d1, d2) in PAIR_ORDER; by_time
    False, "month" or "quarter". Returns {name: [(name, area, period, value1, value2, n), …]}, each
    key once: area and period "" when not grouped by them, a value "" for none (and value2 "" but
    for pairs). `areas` limits to those NIS codes / area names (an empty list: nothing).

    Whole months come from the monthly tables (MonthlyCount, PairCount), the days at the edges from
    the daily one — or, for a pair, the whole weeks of the edge months from the pair table and the
    days left over from the contacts of those days. Months, weeks and days of one key are summed in
    the same statement, so each key comes once."""
    result = {name: [] for name, *_ in sets}
    if areas is not None and not areas:
        return result
    months, edges = split_period(start, end)
    parts, params = [], []
    for name, dim, by_area, by_time in sets:
        by_time = "month" if by_time is True else by_time
        if isinstance(dim, tuple) and dim != THEME_AND_GROUP:
            weeks, days = weeks_and_days(edges)
            if months:
                parts.append(_pair_weeks(name, by_area, by_time, areas, "month BETWEEN %s AND %s"))
                params += [org.pk, *dim, *months, *(areas or [])]
            if weeks:
                in_weeks = " OR ".join(["(month = %s AND week BETWEEN %s AND %s)"] * len(weeks))
                parts.append(_pair_weeks(name, by_area, by_time, areas, f"({in_weeks})"))
                params += [org.pk, *dim, *(x for week in weeks for x in week), *(areas or [])]
            if days:
                parts.append(_pair_days(name, dim, by_area, by_time, areas, len(days)))
                params += [org.pk, *(day for edge in days for day in edge), *(areas or [])]
            continue
        sources = [(MONTHLY, "x.month", "month BETWEEN %s AND %s", list(months))] if months else []
        sources += [(DAILY, _month_of("x.day"), "day BETWEEN %s AND %s", list(edge)) for edge in edges]
        for table, month_sql, in_period, period_params in sources:
            parts.append(_single_part(name, dim, by_area, by_time, areas, table, month_sql, in_period))
            params += [org.pk, "theme" if dim == THEME_AND_GROUP else dim, *period_params, *(areas or [])]
    if not parts:
        return result
    keys = "name, area, period, value1, value2"
    sql = (
        f"SELECT {keys}, CAST(SUM(n) AS bigint) FROM ({' UNION ALL '.join(parts)}) x "
        f"GROUP BY {keys} HAVING SUM(n) <> 0"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for row in cursor.fetchall():
            result[row[0]].append(row)
    return result


def _named(selected):
    """The selected area, period, value1 and value2, named so."""
    return ", ".join(
        f"{sql} AS {name}" for sql, name in zip(selected, ("area", "period", "value1", "value2"), strict=True)
    )


def _period(month_sql, by_time):
    """The month ("YYYY-MM") or the quarter ("YYYY-Qn") of a month's SQL."""
    if by_time == "quarter":
        quarter = f"CAST((CAST(substr({month_sql}, 6, 2) AS integer) + 2) / 3 AS text)"
        return f"(substr({month_sql}, 1, 4) || '-Q' || {quarter})"
    return month_sql


def _in_areas(column, areas):
    return "" if areas is None else f" AND {column} IN ({', '.join(['%s'] * len(areas))})"


def _shape(area_sql, period_sql, values, by_area, by_time):
    """(selected, grouping) of a part: the period before the area, as the tables' indexes are ordered,
    so that rows come grouped from the index. Only real columns in GROUP BY (PostgreSQL refuses a
    constant there); blanks in SELECT."""
    period = _period(period_sql, by_time) if by_time else None
    selected = [area_sql if by_area else "''", period or "''", *values]
    grouping = [period] * bool(by_time) + [area_sql] * by_area + [v for v in values if v != "''"]
    return selected, grouping


def _single_part(name, dim, by_area, by_time, areas, table, month_sql, in_period):
    """Rows (name, area, period, value, '', n) of one dimension from the daily or monthly table; for
    theme × theme group the theme rows with their group as the second value."""
    value2, join = "''", ""
    if dim == THEME_AND_GROUP:
        value2 = "COALESCE(g.code, '')"
        join = (
            " LEFT JOIN taxonomy_theme t ON t.organisation_id = x.organisation_id AND t.code = x.value"
            " LEFT JOIN taxonomy_themegroup g ON g.id = t.group_id"
        )
    selected, grouping = _shape("x.area", month_sql, ["x.value", value2], by_area, by_time)
    return (
        f"SELECT '{name}' AS name, {_named(selected)}, SUM(x.n) AS n FROM {table} x{join} "
        f"WHERE x.organisation_id = %s AND x.dim = %s AND x.{in_period}{_in_areas('x.area', areas)} "
        f"GROUP BY {', '.join(grouping)}"
    )


def weeks_and_days(edges):
    """The edge day ranges of a period as whole weeks of the month [("YYYY-MM", first, last week)] and
    the days left over [(first day, last day)]: at most six at either end of an edge."""
    weeks, days = [], []
    for start, end in edges:
        while start <= end:  # an edge can cross a month when the period has no whole month
            month_end = _next_month(start) - datetime.timedelta(days=1)
            last_day = min(end, month_end)
            first = (start.day + 5) // 7 + 1  # the first week that starts on or after `start`
            last = 5 if last_day == month_end else last_day.day // 7  # the last that ends by `last_day`
            if first > last or 7 * (first - 1) + 1 > last_day.day:
                days.append((start, last_day))
            else:
                weeks.append((start.strftime("%Y-%m"), first, last))
                first_day = start.replace(day=7 * (first - 1) + 1)
                if start < first_day:
                    days.append((start, first_day - datetime.timedelta(days=1)))
                after = start.replace(day=7 * last) if last < 5 else month_end
                if after < last_day:
                    days.append((after + datetime.timedelta(days=1), last_day))
            start = last_day + datetime.timedelta(days=1)
    return weeks, days


def _pair_weeks(name, by_area, by_time, areas, in_period):
    """Rows (name, area, period, value1, value2, n) of a pair over whole months or weeks, from the pair
    table."""
    selected, grouping = _shape("area", "month", ["value1", "value2"], by_area, by_time)
    return (
        f"SELECT '{name}' AS name, {_named(selected)}, SUM(n) AS n FROM {PAIRS} "
        f"WHERE organisation_id = %s AND dim1 = %s AND dim2 = %s AND {in_period}"
        f"{_in_areas('area', areas)} GROUP BY {', '.join(grouping)}"
    )


def _pair_days(name, dims, by_area, by_time, areas, n_edges):
    """Rows (name, area, period, value1, value2, n) of a pair over the edge days, counted from the
    contacts of those days (the (organisation, date) index finds them)."""
    code1, code2, source, count = _pair_source(*dims)
    area = "COALESCE(m.code, c.area)"
    selected, grouping = _shape(area, _month_of("c.date"), [code1, code2], by_area, by_time)
    days = " OR ".join(["c.date BETWEEN %s AND %s"] * n_edges)
    return (
        f"SELECT '{name}' AS name, {_named(selected)}, {count} AS n {source} "
        f"WHERE c.organisation_id = %s AND ({days}){_in_areas(area, areas)} GROUP BY {', '.join(grouping)}"
    )
