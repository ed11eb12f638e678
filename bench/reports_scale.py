"""Reports at scale: every `by` the stats API accepts and the numbers page's crosstabs over millions
of contacts, the project's functions next to the best hand-written SQL on the same tables.

    .venv/bin/python bench/reports_scale.py [--contacts 1000000]          # SQLite, temporary
    .venv/bin/python bench/reports_scale.py --contacts 10000000 \\
        --postgres postgresql://opvoedwijzer:opvoedwijzer@localhost:5432/opvoedwijzer_bench

1. A fresh database: SQLite in a temporary directory, or the PostgreSQL database named in
   --postgres, which is dropped and created (its name must contain "bench"), then dropped again.
   `migrate` and `seed_demo` through manage.py. (`--keep` keeps it, `--reuse` measures it again.)
2. N contacts for one organisation (zuid-limburg), drawn with generate.py's Drawer (seed_demo's
   weights), spread over --years years in date order (ids grow with the date, as in real use).
   Bulk load: indexes (and on PostgreSQL the foreign keys) dropped and recreated afterwards;
   SQLite executemany with synchronous=OFF, PostgreSQL COPY; then ANALYZE. The project's roll-up
   is rebuilt (`rollup.rebuild`, timed; its pair table apart).
3. The last 365 days: `count_contacts()` for every `by` the API accepts (all 148 sets of municipality,
   month and at most two other dimensions; `--sample` for a stated subset) and `crosstab()` for the
   numbers page's row × column pairs. Each next to the best hand-written SQL on the SAME tables the
   project's function read (the roll-up tables, the pair table, or the contact tables: seen from its
   statements), run in turn on the same connection; the ratio, judged against 1.3×, the time judged
   against 1 s; and the counts checked against a raw count from the contact tables. The reports read
   from the pair table again over a period with the most days left to count from the contacts (12).
4. `GET /api/v1/contacts/stats` for a few `by` through HTTP against gunicorn with the project's
   gunicorn.conf.py (the production set-up), next to the same SQL; a refused `by` (422).
5. The upkeep per registration: `rollup.apply_delta(rollup.contact_counts(id))`, single and pair rows.
6. The summary on stdout and in bench/out/reports-scale-<sqlite|postgres>-<N>.txt, with the database,
   its settings and the server set-up measured.
"""

import argparse
import datetime
import itertools
import os
import queue
import random
import secrets
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from itertools import accumulate
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
ORG = "zuid-limburg"
RATIO_BUDGET = 1.3  # the project / the best hand-written SQL on the same tables
CONTACT_TABLES = [
    "contacts_contact",
    "contacts_contacttheme",
    "contacts_contact_life_stages",
    "contacts_contact_offers",
]
T0 = time.perf_counter()
LINES = []  # the summary, also written to the file


def log(msg):
    print(f"[{time.perf_counter() - T0:7.1f}s] {msg}", flush=True)


def say(msg=""):
    """A line of the summary (stdout and the file)."""
    LINES.append(msg)
    print(msg, flush=True)


def pct(values, p):
    values = sorted(values)
    if not values:
        return float("nan")
    k = (len(values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def ms(x):
    if x is None or x != x:
        return "—"
    return f"{x:.1f}" if x < 100 else f"{x:.0f}"


def table(headers, rows):
    cells = [[str(c) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]

    def line(row):
        return "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))
        )

    return "\n".join([line(headers), "  ".join("-" * w for w in widths), *(line(r) for r in cells)])


def masked(text):
    """A URL or command line without the password of a postgresql:// URL."""
    parts = urllib.parse.urlsplit(text) if "://" in text else None
    if parts and parts.password:
        return text.replace(f":{parts.password}@", ":***@")
    return text


def manage(env, *args, timeout=600):
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"manage.py {' '.join(args)} failed ({result.returncode})")
    return result.stdout


# --------------------------------------------------------------------------- database


class Database:
    """The bench database: a temporary SQLite file or a PostgreSQL database we create and drop."""

    def __init__(self, postgres_url=None):
        self.engine = "postgres" if postgres_url else "sqlite"
        self.tmp = None
        if postgres_url:
            self.url = postgres_url
            parts = urllib.parse.urlsplit(postgres_url)
            self.name = parts.path.lstrip("/")
            if "bench" not in self.name:
                raise SystemExit(f"refusing to drop and create {self.name!r}: its name must contain 'bench'")
            self.admin_url = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
        else:
            self.tmp = Path(tempfile.mkdtemp(prefix="opvoedwijzer-reports-scale-"))
            self.path = self.tmp / "bench.sqlite3"
            self.url = f"sqlite:///{self.path}"

    def create(self):
        if self.engine == "postgres":
            import psycopg

            with psycopg.connect(self.admin_url, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{self.name}"')
                admin.execute(f'CREATE DATABASE "{self.name}"')

    def drop(self):
        if self.engine == "postgres":
            import psycopg

            with psycopg.connect(self.admin_url, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        if self.tmp:
            shutil.rmtree(self.tmp, ignore_errors=True)

    def connect(self):
        """A raw connection of the driver (for the bulk load), outside Django."""
        if self.engine == "postgres":
            import psycopg

            return psycopg.connect(self.url)
        # The writer thread of load() uses it too (never at the same time as this one).
        return sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)

    def size(self):
        """Bytes on disk of the whole database."""
        if self.engine == "sqlite":
            return sum(p.stat().st_size for p in self.tmp.glob("bench.sqlite3*"))
        with self.connect() as db:
            return db.execute("SELECT pg_database_size(current_database())").fetchone()[0]


# --------------------------------------------------------------------------- bulk load


def drop_indexes(db, engine):
    """Drop the secondary indexes (and on PostgreSQL the foreign keys) of the contact tables;
    returns the statements that recreate them."""
    recreate = []
    if engine == "sqlite":
        rows = db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({','.join('?' * len(CONTACT_TABLES))})",
            CONTACT_TABLES,
        ).fetchall()
        for name, sql in rows:
            db.execute(f'DROP INDEX "{name}"')
            recreate.append(sql)
        return recreate
    tables = tuple(CONTACT_TABLES)
    fks = db.execute(
        "SELECT conname, conrelid::regclass::text, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE contype = 'f' AND conrelid::regclass::text = ANY(%s)",
        (list(tables),),
    ).fetchall()
    for name, tbl, _definition in fks:
        db.execute(f'ALTER TABLE "{tbl}" DROP CONSTRAINT "{name}"')
    indexes = db.execute(
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
        "AND tablename = ANY(%s) AND indexname NOT IN (SELECT conname FROM pg_constraint "
        "WHERE contype IN ('p', 'u', 'x'))",
        (list(tables),),
    ).fetchall()
    for name, definition in indexes:
        db.execute(f'DROP INDEX "{name}"')
        recreate.append(definition)
    recreate += [f'ALTER TABLE "{tbl}" ADD CONSTRAINT "{name}" {definition}' for name, tbl, definition in fks]
    db.commit()
    return recreate


def contact_rows(count, seed, years, batch):
    """Batches of rows (contacts, themes, life stages, offers) for `count` contacts of ORG, oldest
    first, ids continuing after the existing ones. Uses generate.py's Drawer and weights."""
    import generate
    from django.db import connection
    from django.utils import timezone

    from opvoedwijzer.contacts.models import Area, Contact, ContactTheme, Source
    from opvoedwijzer.core.models import Membership, Organisation, Role
    from opvoedwijzer.taxonomy.models import AskerRole, Channel, LifeStage, OfferType, Theme

    org = Organisation.objects.get(slug=ORG)
    rng = random.Random(seed)
    drawer = generate.drawer_for(org)
    terms = {
        "asker_role": {t.code: t.pk for t in AskerRole.objects.for_org(org)},
        "channel": {t.code: t.pk for t in Channel.objects.for_org(org)},
        "life_stage": {t.code: t.pk for t in LifeStage.objects.for_org(org)},
        "offer": {t.code: t.pk for t in OfferType.objects.for_org(org)},
        "theme": {t.code: t.pk for t in Theme.objects.for_org(org)},
    }
    municipalities = {m.code: m.pk for m in org.municipalities.all()}
    authors = list(
        Membership.objects.active()
        .filter(organisation=org, role__in=[Role.STAFF, Role.COORDINATOR, Role.VOLUNTEER])
        .values_list("user_id", flat=True)
    )
    author = generate.Weighted({uid: w for uid, w in zip(authors, [5, 3, 2, 1, 1, 1, 1], strict=False)})

    def next_id(model):
        return (model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1

    through_life, through_offer = Contact.life_stages.through, Contact.offers.through
    cid, tid, lid, oid = (next_id(m) for m in (Contact, ContactTheme, through_life, through_offer))
    today = timezone.localdate()
    connection.close()

    # How many contacts per day (the demo's weekday/holiday pattern over `years` years), then
    # the days from the oldest: ids grow with the date.
    weights = generate.day_weights(today, days=round(365.25 * years))
    offsets, cum = list(weights), list(accumulate(weights.values()))
    per_day = [0] * len(offsets)
    left = count
    while left:
        k = min(left, 500_000)
        for o in rng.choices(offsets, cum_weights=cum, k=k):
            per_day[o] += 1
        left -= k
    lates = [0, 0, 0, 0, 0, 0, 1, 1, 2, 3, 7]
    outside, unknown = Area.OUTSIDE.value, Area.UNKNOWN.value
    contacts, themes, lives, offers = [], [], [], []
    ch, ar, ls, of, th = (terms[k] for k in ("channel", "asker_role", "life_stage", "offer", "theme"))
    for offset in range(len(offsets) - 1, -1, -1):
        day = today - datetime.timedelta(days=offset)
        iso = day.isoformat()
        registered = [min(today, day + datetime.timedelta(days=late)).isoformat() for late in range(8)]
        for _ in range(per_day[offset]):
            source = drawer.source(rng)
            c = drawer.draw(rng, recent_days=1, source=source)  # its date is the day's
            m = c["municipality"]
            in_region = m != outside and m != unknown
            contacts.append(
                (
                    cid,
                    org.pk,
                    author(rng),
                    source,
                    iso,
                    registered[rng.choice(lates)],
                    ch[c["channel"]],
                    ar[c["asker_role"]],
                    "municipality" if in_region else m,
                    municipalities[m] if in_region else None,
                    c["request_kind"],
                    c["duration"],
                    c["language"],
                    "schoolpoort" if source == Source.TALLY else "",
                    c["note"],
                )
            )
            for i, t in enumerate(c["themes"]):
                themes.append((tid, cid, th[t], i == 0))
                tid += 1
            for s in c["life_stages"]:
                lives.append((lid, cid, ls[s]))
                lid += 1
            for o in c["offers"]:
                offers.append((oid, cid, of[o]))
                oid += 1
            cid += 1
            if len(contacts) >= batch:
                yield contacts, themes, lives, offers
                contacts, themes, lives, offers = [], [], [], []
    if contacts:
        yield contacts, themes, lives, offers


COLUMNS = {
    "contacts_contact": (
        "id, organisation_id, author_id, source, date, registered_on, channel_id, asker_role_id, "
        "area, municipality_id, request_kind, duration, language, place, note"
    ),
    "contacts_contacttheme": "id, contact_id, theme_id, is_main",
    "contacts_contact_life_stages": "id, contact_id, lifestage_id",
    "contacts_contact_offers": "id, contact_id, offertype_id",
}


def write_batch(db, engine, rows):
    if engine == "sqlite":
        db.execute("BEGIN")
        for tbl, batch in zip(CONTACT_TABLES, rows, strict=True):
            marks = ",".join("?" * len(batch[0])) if batch else ""
            if batch:
                db.executemany(f"INSERT INTO {tbl} ({COLUMNS[tbl]}) VALUES ({marks})", batch)
        db.execute("COMMIT")
        return
    with db.cursor() as cur:
        for tbl, batch in zip(CONTACT_TABLES, rows, strict=True):
            with cur.copy(f"COPY {tbl} ({COLUMNS[tbl]}) FROM STDIN") as copy:
                for row in batch:
                    copy.write_row(row)
    db.commit()


def load(database, count, seed, years, batch):
    """Bulk-load `count` contacts; returns the timings."""
    engine = database.engine
    db = database.connect()
    timings = {}
    if engine == "sqlite":
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
        db.execute("PRAGMA cache_size=-1000000")
        db.execute("PRAGMA temp_store=MEMORY")
    else:
        db.execute("SET maintenance_work_mem = '1GB'")
        db.execute("SET synchronous_commit = off")
    recreate = drop_indexes(db, engine)
    # The database writes in a thread while Python draws the next batch (the drivers release the
    # GIL while the database works; on PostgreSQL the server is another process anyway).
    todo, errors = queue.Queue(maxsize=2), []

    def writer():
        while (rows := todo.get()) is not None:
            if not errors:
                try:
                    write_batch(db, engine, rows)
                except Exception as e:  # reported by the main thread
                    errors.append(e)

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    started = time.perf_counter()
    done, links, next_log = 0, [0, 0, 0], 0
    for rows in contact_rows(count, seed, years, batch):
        if errors:
            break
        todo.put(rows)
        done += len(rows[0])
        links = [n + len(r) for n, r in zip(links, rows[1:], strict=True)]
        if done >= next_log:
            el = time.perf_counter() - started
            log(f"  {done:,} contacts drawn ({done / el:,.0f}/s)")
            next_log += max(batch, count // 10)
    todo.put(None)
    thread.join()
    if errors:
        raise errors[0]
    timings["insert_s"] = time.perf_counter() - started
    log(f"inserted {done:,} contacts in {timings['insert_s']:.1f} s; recreating indexes")
    t = time.perf_counter()
    for sql in recreate:
        db.execute(sql)
    if engine == "postgres":
        for tbl in CONTACT_TABLES:
            db.execute(f"SELECT setval(pg_get_serial_sequence('{tbl}', 'id'), (SELECT max(id) FROM {tbl}))")
        db.commit()
    timings["indexes_s"] = time.perf_counter() - t
    log(f"indexes and constraints in {timings['indexes_s']:.1f} s; analyze")
    t = time.perf_counter()
    if engine == "sqlite":
        db.execute("ANALYZE")
        db.execute("PRAGMA journal_mode=WAL")
    else:
        db.autocommit = True
        db.execute(f"VACUUM (ANALYZE) {', '.join(CONTACT_TABLES)}")
    timings["analyze_s"] = time.perf_counter() - t
    db.close()
    timings.update(contacts=done, themes=links[0], life_stages=links[1], offers=links[2])
    return timings


# --------------------------------------------------------------------------- SQL

PLACE_TIME = ("municipality", "month", "quarter")
KEYS = 4  # key columns of every grouping set's rows: municipality, month, two topics at most


class Sql:
    """The hand-written SQL, written here and not taken from the project, for SQLite or PostgreSQL.
    Each grouping set of a report is one SELECT of (gs, k1, k2, k3, k4, n) with its keys in the set's
    order; the whole report is one statement (UNION ALL, summed per key)."""

    def __init__(self, engine, pair_order=None):
        self.engine = engine
        self.pair_order = pair_order  # the project's rollup.PAIR_ORDER when it has a pair table

    # Dialect.
    def month_of_day(self, col):
        """A date column → 'YYYY-MM'."""
        return f"substr({col}, 1, 7)" if self.engine == "sqlite" else f"to_char({col}, 'YYYY-MM')"

    @staticmethod
    def quarter_of_month(month):
        """'YYYY-MM' → 'YYYY-Qn'."""
        return f"(substr({month}, 1, 4) || '-Q' || ((CAST(substr({month}, 6, 2) AS INTEGER) + 2) / 3))"

    def day(self, d):
        return d.isoformat() if self.engine == "sqlite" else d

    @staticmethod
    def _select(label, keys, count, source, where, group=True):
        cols = keys + ["NULL"] * (KEYS - len(keys))
        # Month or quarter first, then the municipality: the order of the roll-up tables' indexes, so
        # that their rows come grouped.
        dims = label.split(",")
        first = [i for i, d in enumerate(dims) if d in ("month", "quarter")]
        first += [i for i, d in enumerate(dims) if d == "municipality"]
        order = first + [i for i in range(len(keys)) if i not in first]
        grouping = f" GROUP BY {', '.join(str(i + 2) for i in order)}" if keys and group else ""
        named = ", ".join(f"{c} AS k{i + 1}" for i, c in enumerate(cols))
        return f"SELECT '{label}' AS gs, {named}, {count} AS n {source} WHERE {where}{grouping}"

    # Raw: distinct contacts per combination, from the contact tables.
    def raw_keys(self, gs):
        """(key expressions, joins, COUNT(DISTINCT) needed) of a grouping set on the contact tables.
        Theme and theme group together take the group of the same theme row (as Django's join does)."""
        keys, joins = [], []
        if "municipality" in gs:
            joins.append("LEFT JOIN core_municipality m ON m.id = c.municipality_id")
        for d in gs:
            if d == "municipality":
                keys.append("COALESCE(m.code, c.area)")
            elif d == "month":
                keys.append(self.month_of_day("c.date"))
            elif d == "quarter":
                keys.append(self.quarter_of_month(self.month_of_day("c.date")))
            elif d in ("theme", "theme_group"):
                theme_join = (
                    "LEFT JOIN contacts_contacttheme ct ON ct.contact_id = c.id "
                    "LEFT JOIN taxonomy_theme t ON t.id = ct.theme_id"
                )
                if theme_join not in joins:
                    joins.append(theme_join)
                if d == "theme":
                    keys.append("t.code")
                else:
                    joins.append("LEFT JOIN taxonomy_themegroup g ON g.id = t.group_id")
                    keys.append("g.code")
            elif d == "channel":
                joins.append("JOIN taxonomy_channel ch ON ch.id = c.channel_id")
                keys.append("ch.code")
            elif d == "asker_role":
                joins.append("JOIN taxonomy_askerrole ar ON ar.id = c.asker_role_id")
                keys.append("ar.code")
            elif d == "life_stage":
                joins.append(
                    "LEFT JOIN contacts_contact_life_stages cl ON cl.contact_id = c.id "
                    "LEFT JOIN taxonomy_lifestage ls ON ls.id = cl.lifestage_id"
                )
                keys.append("ls.code")
            elif d == "offer":
                joins.append(
                    "LEFT JOIN contacts_contact_offers co ON co.contact_id = c.id "
                    "LEFT JOIN taxonomy_offertype o ON o.id = co.offertype_id"
                )
                keys.append("o.code")
            elif d in ("request_kind", "duration"):
                keys.append(f"c.{d}")
            else:
                raise ValueError(d)
        # A contact has each theme, life stage and offer once (unique link rows): COUNT(*) counts
        # contacts, unless two themes of one contact share a group.
        distinct = "theme_group" in gs and "theme" not in gs
        return keys, joins, distinct

    def raw_part(self, gs, org_id, ranges):
        keys, joins, distinct = self.raw_keys(gs)
        dates = " OR ".join("c.date BETWEEN %s AND %s" for _ in ranges)
        sql = self._select(
            ",".join(gs),
            keys,
            "COUNT(DISTINCT c.id)" if distinct else "COUNT(*)",
            f"FROM contacts_contact c {' '.join(joins)}",
            f"c.organisation_id = %s AND ({dates})",
        )
        return sql, [org_id] + [self.day(d) for r in ranges for d in r]

    # The project's roll-up tables: reports_dailycount (day), reports_monthlycount (month, 'YYYY-MM'),
    # reports_paircount (month, two dimensions); area = NIS code, 'outside' or 'unknown'; value = the
    # code, '' for none ('' also for dim 'total', the contacts themselves).
    def single_part(self, gs, org_id, table, ranges):
        topics = [d for d in gs if d not in PLACE_TIME]
        theme_and_group = set(topics) == {"theme", "theme_group"}
        dim = "theme" if theme_and_group else topics[0] if topics else "total"
        bucket = "month" if table == "reports_monthlycount" else "day"
        month = "x.month" if bucket == "month" else self.month_of_day("x.day")
        keys, join = [], ""
        for d in gs:
            if d == "municipality":
                keys.append("x.area")
            elif d == "month":
                keys.append(month)
            elif d == "quarter":
                keys.append(self.quarter_of_month(month))
            elif d == "theme_group" and theme_and_group:  # a theme's group, from the taxonomy
                keys.append("g.code")
                join = (
                    " LEFT JOIN taxonomy_theme t"
                    " ON t.organisation_id = x.organisation_id AND t.code = x.value"
                    " LEFT JOIN taxonomy_themegroup g ON g.id = t.group_id"
                )
            else:
                keys.append("x.value")
        dates = " OR ".join(f"x.{bucket} BETWEEN %s AND %s" for _ in ranges)
        sql = self._select(
            ",".join(gs),
            keys,
            "SUM(x.n)",
            f"FROM {table} x{join}",
            f"x.organisation_id = %s AND x.dim = %s AND ({dates})",
        )
        return sql, [org_id, dim] + [self.day(d) if bucket == "day" else d for r in ranges for d in r]

    def pair_part(self, gs, org_id, months=None, weeks=()):
        """Whole months (first, last) or whole weeks of the month [(month, first, last week)] of a pair
        of topics from the pair table."""
        d1, d2 = sorted((d for d in gs if d not in PLACE_TIME), key=self.pair_order.index)
        columns = {
            "municipality": "area",
            "month": "month",
            "quarter": self.quarter_of_month("month"),
            d1: "value1",
            d2: "value2",
        }
        if months:
            period, params = "month BETWEEN %s AND %s", list(months)
        else:
            period = "(" + " OR ".join(["(month = %s AND week BETWEEN %s AND %s)"] * len(weeks)) + ")"
            params = [x for week in weeks for x in week]
        sql = self._select(
            ",".join(gs),
            [columns[d] for d in gs],
            "SUM(n)",
            "FROM reports_paircount",
            f"organisation_id = %s AND dim1 = %s AND dim2 = %s AND {period}",
        )
        return sql, [org_id, d1, d2, *params]

    def report(self, sets, org_id, start, end, plan):
        """One statement: every grouping set of a report. plan "raw": from the contact tables;
        "roll-up": whole months from the monthly tables, the edges from the daily one (a pair: whole
        months and weeks of the month from the pair table, the days left from the contacts)."""
        months, edges = split_period(start, end)
        parts = []
        for gs in sets:
            topics = {d for d in gs if d not in PLACE_TIME}
            if plan == "raw" or len(topics) > 2 or (len(topics) == 2 and self.pair_order is None):
                parts.append(self.raw_part(gs, org_id, [(start, end)]))
            elif len(topics) == 2 and topics != {"theme", "theme_group"}:
                weeks, days = weeks_and_days(edges)
                if months:
                    parts.append(self.pair_part(gs, org_id, months=months))
                if weeks:
                    parts.append(self.pair_part(gs, org_id, weeks=weeks))
                if days:
                    parts.append(self.raw_part(gs, org_id, days))
            else:
                if months:
                    parts.append(self.single_part(gs, org_id, "reports_monthlycount", [months]))
                if edges:
                    parts.append(self.single_part(gs, org_id, "reports_dailycount", edges))
        union = " UNION ALL ".join(p[0] for p in parts)
        keys = ", ".join(f"k{i + 1}" for i in range(KEYS))
        sql = f"SELECT gs, {keys}, SUM(n) FROM ({union}) x GROUP BY gs, {keys}"
        return sql, [x for p in parts for x in p[1]]


def next_month(d):
    return (d.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def split_period(start, end):
    """(first, last whole month as 'YYYY-MM') or None, and the day ranges at the edges."""
    first = start if start.day == 1 else next_month(start)
    after = end + datetime.timedelta(days=1)
    last_exclusive = after if after.day == 1 else end.replace(day=1)
    if first >= last_exclusive:
        return None, [(start, end)]
    last = last_exclusive - datetime.timedelta(days=1)
    edges = [(start, first - datetime.timedelta(days=1))] if start < first else []
    if last < end:
        edges.append((last_exclusive, end))
    return (first.strftime("%Y-%m"), last.strftime("%Y-%m")), edges


def weeks_and_days(edges):
    """Edge day ranges as whole weeks of the month (days 1-7, 8-14, 15-21, 22-28, 29-31) and the days
    left: ([(month, first week, last week)], [(first day, last day)])."""
    weeks, days = [], []
    for start, end in edges:
        while start <= end:
            month_end = next_month(start) - datetime.timedelta(days=1)
            stop = min(end, month_end)
            whole = [
                w
                for w in range(1, 6)
                if start.day <= 7 * (w - 1) + 1
                and min(7 * w, month_end.day) <= stop.day
                and 7 * (w - 1) + 1 <= month_end.day
            ]
            if not whole:
                days.append((start, stop))
            else:
                weeks.append((start.strftime("%Y-%m"), whole[0], whole[-1]))
                first = start.replace(day=7 * (whole[0] - 1) + 1)
                last = start.replace(day=min(7 * whole[-1], month_end.day))
                if start < first:
                    days.append((start, first - datetime.timedelta(days=1)))
                if last < stop:
                    days.append((last + datetime.timedelta(days=1), stop))
            start = stop + datetime.timedelta(days=1)
    return weeks, days


# --------------------------------------------------------------------------- reports


def normalise(rows):
    """{(grouping set, k1, k2, k3, k4): n} from SQL rows; '' (no value) → None; zeros left out."""
    out = {}
    for gs, *keys, n in rows:
        if n:
            key = (gs, *(None if k == "" else k for k in keys))
            out[key] = out.get(key, 0) + int(n)
    return {k: n for k, n in out.items() if n}


def padded(label, values):
    return (label, *values, *[None] * (KEYS - len(values)))


def from_count_contacts(by, rows, total):
    out = {padded(",".join(by), [r[d] for d in by]): r["count"] for r in rows if r["count"]}
    if total:
        out[padded("", [])] = total
    return out


def from_crosstab(rows_dim, cols_dim, t):
    out = {}
    for row in t["rows"]:
        if row["total"]:
            out[padded(rows_dim, [row["code"]])] = row["total"]
        for col, cell in zip(t["columns"], row["cells"], strict=True):
            if cell:
                out[padded(f"{rows_dim},{cols_dim}", [row["code"], col["code"]])] = cell
    for col in t["columns"]:
        if col["total"]:
            out[padded(cols_dim, [col["code"]])] = col["total"]
    if t["total"]:
        out[padded("", [])] = t["total"]
    return out


def race(fns, reps, cap):
    """One untimed run of each (warm-up), then rounds that run each once in turn (so that a busy
    machine slows both alike), up to `reps` rounds or until `cap` seconds have passed (one round at
    least). Returns the times (ms) and the last results."""
    results = [fn() for fn in fns]
    times = [[] for _ in fns]
    began = time.perf_counter()
    for _ in range(reps):
        for i, fn in enumerate(fns):
            t = time.perf_counter()
            results[i] = fn()
            times[i].append((time.perf_counter() - t) * 1000)
        if time.perf_counter() - began > cap:
            break
    return times, results


def accepted_sets(stats, sample):
    """The `by` sets the stats API accepts (municipality and month with none, one or two of the other
    dimensions when the project limits them: 148), or with `sample` a stated subset: every topic
    alone and every pair of topics, each once plain and a few with municipality and month."""
    topics = [d for d in stats.API_DIMENSIONS if d not in PLACE_TIME]
    limit = getattr(stats, "MAX_CROSSED", None)
    crossed = [[], *([d] for d in topics)] + [list(p) for p in itertools.combinations(topics, 2)]
    if sample:
        extra = [["municipality"], ["month"], ["municipality", "month"], ["municipality", "theme"]]
        extra += [
            ["municipality", "month", "theme", "channel"],
            ["municipality", "theme_group", "life_stage"],
        ]
        extra += [["month", "asker_role", "offer"]]
        return crossed + extra, limit
    return [p + t + c for c in crossed for p in ([], ["municipality"]) for t in ([], ["month"])], limit


CROSSTABS = [
    *(("municipality", d) for d in ["month", "quarter", "theme", "theme_group", "channel", "asker_role"]),
    *(("municipality", d) for d in ["life_stage", "offer", "request_kind", "duration"]),
    *(("theme", d) for d in ["channel", "asker_role", "life_stage", "offer", "request_kind", "duration"]),
    ("theme_group", "life_stage"),
    ("channel", "asker_role"),
    ("offer", "duration"),
    ("month", "theme"),
    ("quarter", "offer"),
]


def plan_of(queries):
    """Which tables the project's function read: 'pairs' (the pair table, with the daily/monthly ones
    or the contacts of the edge days), 'roll-up' (daily/monthly only), 'roll-up+raw' (some of its
    grouping sets from the roll-up, others from the contacts) or 'raw' (the contacts)."""
    text = " ".join(q["sql"] for q in queries)
    if "reports_paircount" in text:
        return "pairs"
    if "reports_dailycount" in text or "reports_monthlycount" in text:
        return "roll-up+raw" if "contacts_contact" in text else "roll-up"
    return "raw"


# --------------------------------------------------------------------------- HTTP


def free_port():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def gunicorn_setup():
    """workers, threads and worker class as gunicorn.conf.py sets them here (the production set-up)."""
    path = ROOT / "gunicorn.conf.py"
    conf = {"__file__": str(path), "__name__": "gunicorn_conf"}
    exec(path.read_text(), conf)  # the project's own config file
    return conf["workers"], conf["threads"], conf["worker_class"]


class Server:
    """gunicorn with the project's gunicorn.conf.py (`make run`, production) on a free loopback port."""

    def __init__(self, env, logfile):
        self.port = free_port()
        self.env = {**env, "BIND": f"127.0.0.1:{self.port}", "PLAIN_HTTP": "true"}
        self.logfile = logfile
        self.proc = None

    def start(self, wait=60):
        import http.client

        self._log = open(self.logfile, "w")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "opvoedwijzer.wsgi", "-c", "gunicorn.conf.py"],
            cwd=ROOT,
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited ({self.proc.returncode}): {self.log_tail()}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", "/health/", headers={"Host": "127.0.0.1"})
                if conn.getresponse().status == 200:
                    conn.close()
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not answer /health/ within {wait} s: {self.log_tail()}")

    def stop(self):
        import signal

        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)  # our own process group (start_new_session)
            self.proc.wait(timeout=5)
        self._log.close()

    def log_tail(self, n=20):
        try:
            return "\n".join(Path(self.logfile).read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""

    def get(self, conn, path, token):
        """(status, parsed JSON, ms) of one GET on a keep-alive connection, to the last byte."""
        import json

        t = time.perf_counter()
        conn.request("GET", path, headers={"Host": "127.0.0.1", "Authorization": f"Bearer {token}"})
        response = conn.getresponse()
        body = response.read()
        elapsed = (time.perf_counter() - t) * 1000
        return response.status, json.loads(body), elapsed


# --------------------------------------------------------------------------- main


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--postgres", metavar="URL", help="a PostgreSQL DATABASE_URL (created, then dropped)")
    parser.add_argument("--years", type=float, default=3.0, help="the contacts' dates span this many years")
    parser.add_argument("--days", type=int, default=365, help="the reports' period: the last n days")
    parser.add_argument("--reps", type=int, default=5, help="timed runs per report and method")
    parser.add_argument("--cap", type=float, default=20, help="stop repeating one report after n s")
    parser.add_argument("--batch", type=int, default=100_000, help="contacts per insert batch")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--sample",
        action="store_true",
        help="a stated subset of the `by` sets (every topic alone, every pair of topics, 7 with "
        "municipality/month) instead of all the API accepts; for a project that counts pairs raw",
    )
    parser.add_argument("--no-raw", action="store_true", help="skip the raw count per report (equality)")
    parser.add_argument("--http-reps", type=int, default=20, help="requests per `by` through gunicorn")
    parser.add_argument(
        "--http-only", action="store_true", help="only the reports also measured through HTTP (a re-run)"
    )
    parser.add_argument("--upkeep-samples", type=int, default=200)
    parser.add_argument("--keep", action="store_true", help="keep the database (print where it is)")
    parser.add_argument(
        "--reuse",
        metavar="PATH_OR_URL",
        help="measure an existing bench database (kept by --keep, with --contacts of its size) instead "
        "of making one: migrate only (new migrations fill their tables), no load, no rebuild; kept",
    )
    args = parser.parse_args()

    database = Database(args.postgres)
    if args.reuse:
        if args.reuse.startswith("postgres"):
            database = Database(args.reuse)
        else:
            database.tmp, database.path = None, Path(args.reuse)
            database.url = f"sqlite:///{database.path}"
    engine = database.engine
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "opvoedwijzer.settings",
        "DATABASE_URL": database.url,
        "DEBUG": "false",
        "TESTING": "false",
        "SECRET_KEY": secrets.token_hex(32),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "PYTHONPATH": str(ROOT),
    }
    os.environ.update(env)
    sys.path[:0] = [str(ROOT), str(HERE)]  # this checkout's project, not another installed one
    gen = {}
    try:
        if not args.reuse:
            database.create()
        log(f"database: {engine} {masked(database.url) if engine == 'postgres' else database.path}")
        t = time.perf_counter()
        migrated = manage(env, "migrate", "--noinput", "-v", "1", timeout=4 * 3600)  # new tables filled
        gen["migrate_s"] = time.perf_counter() - t
        gen["applied"] = [line.split()[1].rstrip(".") for line in migrated.splitlines() if "Applying" in line]
        if not args.reuse:
            manage(env, "seed_demo")
        log(f"migrate{'' if args.reuse else ' + seed_demo'}: {time.perf_counter() - t:.1f} s")

        import django

        django.setup()
        from django.db import connection, transaction
        from django.test.utils import CaptureQueriesContext
        from django.utils import timezone

        from opvoedwijzer.contacts import rollup
        from opvoedwijzer.core.models import Organisation
        from opvoedwijzer.reports import stats
        from opvoedwijzer.reports.stats import count_contacts, crosstab

        if not args.reuse:
            log(f"generating {args.contacts:,} contacts over {args.years:g} years")
            gen.update(load(database, args.contacts, args.seed, args.years, args.batch))
            connection.close()
        org = Organisation.objects.get(slug=ORG)
        pair_order = getattr(rollup, "PAIR_ORDER", None)
        tables = ["reports_dailycount", "reports_monthlycount"] + ["reports_paircount"] * bool(pair_order)
        if not args.reuse:
            # The project's roll-up knows nothing of rows loaded behind its back: rebuild it, as
            # generate.py does. Pairs and singles timed apart when the project has both.
            log("rebuilding the project's roll-up")
            with transaction.atomic():
                if pair_order:
                    t = time.perf_counter()
                    rollup.rebuild_pairs(org)
                    gen["rebuild_pairs_s"] = time.perf_counter() - t
                t = time.perf_counter()
                rollup.rebuild(org, **({"pairs": False} if pair_order else {}))
                gen["rebuild_s"] = time.perf_counter() - t
            t = time.perf_counter()
            with connection.cursor() as cur:
                for tbl in tables:
                    cur.execute(f"VACUUM ANALYZE {tbl}" if engine == "postgres" else f"ANALYZE {tbl}")
            gen["rollup_analyze_s"] = time.perf_counter() - t
            log(f"roll-up rebuilt in {gen['rebuild_s'] + gen.get('rebuild_pairs_s', 0):.1f} s")

        sql = Sql(engine, pair_order)
        end = timezone.localdate()
        start = end - datetime.timedelta(days=args.days - 1)
        # About the same length with the most days left to count from the contacts for a pair: from
        # the 2nd of a month (days 2-7 before its second week) to the 27th (days 22-27 after its
        # third week): 12 days.
        worst_end = (end.replace(day=1) - datetime.timedelta(days=1)).replace(day=27)
        worst_start = (worst_end - datetime.timedelta(days=args.days - 30)).replace(day=2)
        with connection.cursor() as cur:
            cur.execute(
                "SELECT COUNT(*), MIN(date), MAX(date) FROM contacts_contact WHERE organisation_id = %s",
                [org.pk],
            )
            n_org, first_day, last_day = cur.fetchone()
            cur.execute(
                "SELECT COUNT(*) FROM contacts_contact WHERE organisation_id = %s AND date BETWEEN %s AND %s",
                [org.pk, sql.day(start), sql.day(end)],
            )
            n_period = cur.fetchone()[0]
            sizes = {}
            for tbl in [*tables, *CONTACT_TABLES]:
                cur.execute(f"SELECT COUNT(*) FROM {tbl}")
                rows = cur.fetchone()[0]
                if engine == "postgres":
                    cur.execute("SELECT pg_total_relation_size(%s)", [tbl])
                    sizes[tbl] = (rows, cur.fetchone()[0])
                else:
                    try:  # dbstat: when SQLite is built with it
                        cur.execute(
                            "SELECT SUM(pgsize) FROM dbstat WHERE name IN (SELECT name FROM sqlite_master "
                            "WHERE tbl_name = %s)",
                            [tbl],
                        )
                        sizes[tbl] = (rows, cur.fetchone()[0])
                    except Exception:
                        sizes[tbl] = (rows, None)
            if engine == "postgres":
                cur.execute("SELECT version()")
                db_version = cur.fetchone()[0].split(" on ")[0]
                names = ["shared_buffers", "work_mem", "max_parallel_workers_per_gather", "jit"]
                cur.execute("SELECT name, setting, unit FROM pg_settings WHERE name = ANY(%s)", [names])
                found = {n: f"{v}{' × ' + u if u else ''}" for n, v, u in cur.fetchall()}
                db_settings = ", ".join(f"{n} {found.get(n)}" for n in names)
            else:
                import sqlite3 as sqlite_module

                cur.execute("PRAGMA journal_mode")
                db_version = f"SQLite {sqlite_module.sqlite_version}"
                db_settings = f"journal_mode {cur.fetchone()[0]}, the project's connection settings"
        workers, threads, worker_class = gunicorn_setup()
        from django.conf import settings as django_settings

        conn_max_age = django_settings.DATABASES["default"].get("CONN_MAX_AGE", 0)

        say(
            f"Reports at scale — {engine}, {n_org:,} contacts of {ORG} "
            f"({datetime.datetime.now():%Y-%m-%d %H:%M})"
        )
        say(f"command: {' '.join(masked(a) for a in ['.venv/bin/python', *sys.argv])}")
        revision = subprocess.run(
            ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        say(
            f"project: {revision or '?'}; roll-up tables: {', '.join(tables)}"
            + ("" if pair_order else " (no pair table: a report crossing two topics is counted raw)")
        )
        say(f"database: {db_version}; {db_settings} (server defaults, unchanged)")
        say(
            f"measured: in-process (this process, one connection, DEBUG=false) and over HTTP: gunicorn with "
            f"the project's gunicorn.conf.py ({workers} workers × {threads} threads, {worker_class}; "
            f"CONN_MAX_AGE={conn_max_age}) on 127.0.0.1, one keep-alive client; {os.cpu_count()} CPUs, "
            f"load average {os.getloadavg()[0]:.1f} at the start"
        )
        say(
            f"data: {first_day} to {last_day}; tables (rows, size): "
            + ", ".join(f"{t} {r:,}" + (f" {b / 1e6:,.0f} MB" if b else "") for t, (r, b) in sizes.items())
        )
        if args.reuse:
            say(
                f"reused database: migrate {gen['migrate_s']:.1f} s"
                + (f" (applied {', '.join(gen['applied'])})" if gen["applied"] else " (nothing to apply)")
            )
        else:
            say(
                f"generation: insert {gen['insert_s']:.0f} s ({gen['contacts'] / gen['insert_s']:,.0f} "
                f"contacts/s), indexes {gen['indexes_s']:.0f} s, analyze {gen['analyze_s']:.0f} s; the "
                f"project's rollup.rebuild: daily + monthly {gen['rebuild_s']:.1f} s"
                + (f", pairs {gen['rebuild_pairs_s']:.1f} s" if "rebuild_pairs_s" in gen else "")
                + f" (+ analyze {gen['rollup_analyze_s']:.1f} s)"
            )
        say(
            f"period: {start} – {end} ({args.days} days, {n_period:,} contacts; edges "
            + ", ".join(f"{a}–{b}" for a, b in split_period(start, end)[1])
            + f"); most days left: {worst_start} – {worst_end} (edges "
            + ", ".join(f"{a}–{b}" for a, b in split_period(worst_start, worst_end)[1])
            + ")"
        )
        say()

        # The reports: every accepted `by` through count_contacts, and crosstabs of the numbers page.
        by_sets, limit = accepted_sets(stats, args.sample)
        reports = [
            (f"by={','.join(by) or '(total)'}", [list(by), []] if by else [[]], ("count", by))
            for by in by_sets
        ]
        reports += [
            (f"crosstab({r}, {c})", [[r, c], [r], [c], []], ("cross", (r, c)))
            for r, c in (CROSSTABS[::3] if args.sample else CROSSTABS)
        ]

        def project_fn(kind, arg, start, end):
            if kind == "count":
                return lambda: from_count_contacts(arg, *count_contacts(org, start, end, list(arg)))
            return lambda: from_crosstab(*arg, crosstab(org, start, end, *arg))

        def run_sql(q, params):
            with connection.cursor() as cur:
                cur.execute(q, params)
                return normalise(cur.fetchall())

        def measure(name, sets, kind, arg, start, end, raw_check=True):
            project = project_fn(kind, arg, start, end)
            try:
                with CaptureQueriesContext(connection) as queries:
                    first = project()
            except Exception as e:  # a bug in the project: report it, measure the rest
                error = f"{type(e).__name__}: {str(e).strip().splitlines()[0]}"
                log(f"{name}: the project's function failed: {error}")
                return {"error": error}
            plan = plan_of(queries.captured_queries)
            q, params = sql.report(sets, org.pk, start, end, "raw" if plan == "raw" else "roll-up")
            (p_ms, s_ms), (p_res, s_res) = race([project, lambda: run_sql(q, params)], args.reps, args.cap)
            res = {
                "plan": plan,
                "statements": len(queries.captured_queries),
                "project": p_ms,
                "sql": s_ms,
                "same_as_sql": p_res == s_res == first,
                "error": None,
            }
            if plan == "raw":
                res["raw"], res["equal"] = s_ms, p_res == s_res
            elif raw_check:
                rq, rparams = sql.report(sets, org.pk, start, end, "raw")
                t = time.perf_counter()
                raw = run_sql(rq, rparams)
                res["raw"], res["equal"] = [(time.perf_counter() - t) * 1000], p_res == raw
                if p_res != raw:
                    diff = sorted(set(p_res.items()) ^ set(raw.items()), key=str)[:6]
                    log(f"  {name}: differs from the raw count (first): {diff}")
            else:
                res["raw"], res["equal"] = [], p_res == s_res
            log(
                f"{name}: {plan}, project p50 {ms(pct(p_ms, 50))} ms, SQL p50 {ms(pct(s_ms, 50))} ms, "
                f"raw {ms(pct(res['raw'], 50))} ms, equal {res['equal']}"
            )
            return res

        # Also through HTTP (below): these `by`, and a refused one.
        http_by = [
            "",
            "municipality",
            "municipality,theme",
            "theme,channel",
            "municipality,month,theme,offer",
        ]
        http_by += ["theme_group,life_stage", "month,asker_role,duration"]
        refused = "theme,channel,offer"
        if args.http_only:
            reports = [r for r in reports if r[2][0] == "count" and ",".join(r[2][1]) in http_by]

        results = {}
        for name, sets, (kind, arg) in reports:
            results[name] = measure(name, sets, kind, arg, start, end, not args.no_raw)
        worst = {}
        for name, sets, (kind, arg) in reports:
            if results[name].get("plan") == "pairs" and not args.http_only:
                worst[name] = measure(name, sets, kind, arg, worst_start, worst_end, raw_check=False)

        # Through HTTP: the stats endpoint under gunicorn, for a few `by`, next to the same hand-written
        # SQL (in this process) and the in-process figure.
        over_http = {}
        server = None
        try:
            from opvoedwijzer.core.models import Membership, Role
            from opvoedwijzer.core.services import create_api_token

            staff = (
                Membership.objects.filter(organisation=org, role=Role.STAFF).select_related("user").first()
            )
            token = create_api_token(staff.user)[1]
            tmpdir = Path(tempfile.mkdtemp(prefix="opvoedwijzer-reports-http-"))
            server = Server(env, tmpdir / "gunicorn.log")
            server.start()
            log(f"gunicorn on 127.0.0.1:{server.port} ({workers} × {threads})")
            import http.client

            conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=300)
            query = f"from={start.isoformat()}&to={end.isoformat()}"

            def get(path):
                """One request; a connection the server closed (a worker restarted) is opened again once."""
                nonlocal conn
                try:
                    return server.get(conn, path, token)
                except (http.client.HTTPException, ConnectionError):
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=300)
                    return server.get(conn, path, token)

            for by in [*http_by, refused]:
                name = f"by={by or '(total)'}"
                path = f"/api/v1/contacts/stats?{query}&by={by}"
                try:
                    status, body, _ = get(path)  # warm-up
                    times = []
                    began = time.perf_counter()
                    for _ in range(args.http_reps):
                        status, body, elapsed = get(path)
                        times.append(elapsed)
                        if time.perf_counter() - began > args.cap:
                            break
                except Exception as e:
                    over_http[name] = {"status": f"{type(e).__name__}", "http": [], "by": by}
                    log(f"HTTP {name}: {type(e).__name__}: {e}")
                    continue
                entry = {"status": status, "http": times, "by": by}
                if status == 200 and name in results and results[name].get("plan"):
                    got = from_count_contacts(by.split(",") if by else [], body["rows"], body["total"])
                    entry["equal"] = got == from_count_contacts(
                        by.split(",") if by else [],
                        *count_contacts(org, start, end, by.split(",") if by else []),
                    )
                elif status == 422:
                    entry["message"] = body["detail"][0]["msg"]
                over_http[name] = entry
                log(f"HTTP {name}: {status}, p50 {ms(pct(times, 50))} ms")
            conn.close()
        except Exception as e:
            over_http["error"] = (
                f"{type(e).__name__}: {str(e).strip().splitlines()[0] if str(e).strip() else ''}"
            )
            log(f"HTTP phase failed: {over_http['error']}")
        finally:
            if server is not None:
                server.stop()

        # Upkeep: what keeping the roll-up costs per registration — the project's
        # rollup.apply_delta(rollup.contact_counts(id)), as contacts.services calls it; measured as
        # adding a contact's rows and taking them away again (nothing changes), the single rows
        # (days, months) and the pair rows apart.
        with connection.cursor() as cur:
            cur.execute(
                "SELECT id FROM contacts_contact WHERE organisation_id = %s AND date >= %s ORDER BY id",
                [org.pk, sql.day(end - datetime.timedelta(days=30))],
            )
            recent = [r[0] for r in cur.fetchall()]
        sample = random.Random(3).sample(recent, min(args.upkeep_samples, len(recent)))
        upkeep = {"read": [], "singles": [], "pairs": [], "rows": [], "pair_rows": []}
        upkeep_error = None
        try:
            for cid in sample:
                t = time.perf_counter()
                counts = rollup.contact_counts(cid)
                upkeep["read"].append((time.perf_counter() - t) * 1000)
                singles = {k: n for k, n in counts.items() if len(k) == 5}
                pairs = {k: n for k, n in counts.items() if len(k) == 7}
                upkeep["rows"].append(len(singles))
                upkeep["pair_rows"].append(len(pairs))
                with transaction.atomic():
                    t = time.perf_counter()
                    rollup.apply_delta(singles)
                    upkeep["singles"].append((time.perf_counter() - t) * 1000)
                    if pairs:
                        t = time.perf_counter()
                        rollup.apply_delta(pairs)
                        upkeep["pairs"].append((time.perf_counter() - t) * 1000)
                    rollup.apply_delta({k: -n for k, n in counts.items()})
        except Exception as e:
            upkeep_error = f"{type(e).__name__}: {str(e).strip().splitlines()[0]}"

        # The summary.
        budget = 1000  # the goal: every combination within 1 s (the design: standard reports 300 ms at
        # 10 M on PostgreSQL, < 1 s at 1 M on SQLite)
        design = 300 if engine == "postgres" else 1000

        def summary(results, title):
            rows, misses, over_design = [], [], []
            for name, r in results.items():
                if r.get("error"):
                    rows.append([name, "ERROR", *["—"] * 9, r["error"][:60]])
                    misses.append(f"{name}: error")
                    continue
                p50, p95 = pct(r["project"], 50), pct(r["project"], 95)
                s50, s95 = pct(r["sql"], 50), pct(r["sql"], 95)
                ratio = p50 / s50
                flags = []
                if p95 > budget:
                    flags.append(f">{budget} ms")
                if ratio > RATIO_BUDGET:
                    flags.append(f">{RATIO_BUDGET}x")
                if not r["equal"] or not r["same_as_sql"]:
                    flags.append("NOT EQUAL")
                if flags:
                    misses.append(f"{name}: {', '.join(flags)}")
                if p95 > design:
                    over_design.append(name)
                rows.append(
                    [
                        name,
                        r["plan"],
                        str(r["statements"]),
                        ms(p50),
                        ms(p95),
                        ms(s50),
                        ms(s95),
                        f"{ratio:.2f}",
                        ms(pct(r["raw"], 50)),
                        "yes" if r["equal"] and r["same_as_sql"] else "NO",
                        "ok" if not flags else " ".join(flags),
                    ]
                )
            say(title)
            say(
                table(
                    [
                        "report",
                        "plan",
                        "stmts",
                        "app p50",
                        "p95",
                        "SQL p50",
                        "p95",
                        "ratio",
                        "raw p50",
                        "equal",
                        f"verdict (p95 < {budget} ms, ratio ≤ {RATIO_BUDGET})",
                    ],
                    rows,
                )
            )
            measured = [r for r in results.values() if not r.get("error")]
            if measured:
                ratios = sorted(pct(r["project"], 50) / pct(r["sql"], 50) for r in measured)
                say(
                    f"{len(measured)} reports; app p50 max "
                    f"{ms(max(pct(r['project'], 50) for r in measured))} ms, "
                    f"p95 max {ms(max(pct(r['project'], 95) for r in measured))} ms; ratio median "
                    f"{pct(ratios, 50):.2f}, max {ratios[-1]:.2f}; plans: "
                    + ", ".join(
                        f"{p} {sum(r['plan'] == p for r in measured)}" for p in ("roll-up", "pairs", "raw")
                    )
                )
            say(f"Over the verdict: {'; '.join(misses) if misses else 'none'}")
            if engine == "postgres":
                say(
                    f"Over the design's {design} ms for a standard report at 10 M: "
                    f"{', '.join(over_design) if over_design else 'none'}"
                )
            say()

        say(
            "Per report, ms (warm; p50/p95 of up to "
            f"{args.reps} rounds, fewer when a round takes over {args.cap:g} s). app = the project's "
            "function in-process (count_contacts or crosstab: ORM, all its statements, Python); SQL = the "
            "best hand-written statement on the SAME tables the app read (plan: roll-up = daily/monthly "
            "tables; pairs = the pair table for whole months and weeks + the contacts of the days left; "
            "raw = the contact tables), run in turn with the app on the same connection; ratio = app p50 / "
            "SQL p50; raw = the same aggregate from the contact tables (one run), whose counts the app's "
            "must equal; stmts = statements the app ran."
        )
        if limit is None:
            say(
                "The project accepts any combination of the 10 dimensions (1 024 sets); measured: "
                + ("a stated sample" if args.sample else "the 148 with at most two topics")
                + "."
            )
        else:
            say(
                f"The API accepts municipality and month with at most {limit} of the 8 other dimensions: "
                + ("a stated sample of them" if args.sample else f"all {len(by_sets)} sets")
                + "; wider ones are refused with a 422."
            )
        summary(results, f"Period {start} – {end}:")
        if worst:
            summary(
                worst, f"The reports read from the pair table, most days left {worst_start} – {worst_end}:"
            )

        if over_http.get("error"):
            say(f"HTTP: ERROR {over_http['error']}")
        elif over_http:
            rows = []
            for name, h in over_http.items():
                r = results.get(name, {})
                h50 = pct(h["http"], 50)
                s50 = pct(r["sql"], 50) if r.get("sql") else float("nan")
                ratio = h50 / s50 if s50 == s50 else float("nan")
                if h["status"] == 422:
                    verdict = f"422: {h.get('message', '')[:70]}"
                else:
                    flags = [] if h["status"] == 200 else [f"status {h['status']}"]
                    flags += ["NOT EQUAL"] * (h.get("equal") is False)
                    flags += [f">{budget} ms"] * (pct(h["http"], 95) >= budget)
                    flags += [f">{RATIO_BUDGET}x"] * (ratio > RATIO_BUDGET)
                    flags += ["(no SQL to compare)"] * (ratio != ratio)
                    verdict = " ".join(flags) or "ok"
                rows.append(
                    [
                        name,
                        str(h["status"]),
                        ms(h50),
                        ms(pct(h["http"], 95)),
                        ms(pct(r["project"], 50)) if r.get("project") else "—",
                        ms(s50),
                        f"{ratio:.2f}" if ratio == ratio else "—",
                        verdict,
                    ]
                )
            say(
                "GET /api/v1/contacts/stats through HTTP (gunicorn, gunicorn.conf.py: "
                f"{workers} × {threads}, "
                f"one keep-alive client, {args.http_reps} requests after one warm-up, to the last byte): "
                "ratio = HTTP p50 / hand-written SQL p50 (the same SQL as above)"
            )
            say(
                table(
                    ["request", "status", "HTTP p50", "p95", "in-process p50", "SQL p50", "ratio", "verdict"],
                    rows,
                )
            )
            say()
        if upkeep_error:
            say(f"PROJECT ERROR in rollup.apply_delta(rollup.contact_counts(id)): {upkeep_error}")
        elif upkeep["read"]:
            say(
                "Upkeep per registration (rollup.apply_delta(rollup.contact_counts(id)), "
                f"{len(sample)} recent contacts, in a transaction): reading the contact's rows p50 "
                f"{ms(pct(upkeep['read'], 50))} ms; "
                f"daily + monthly upsert p50 {ms(pct(upkeep['singles'], 50))} ms, "
                f"p95 {ms(pct(upkeep['singles'], 95))} ms ({pct(upkeep['rows'], 50):.0f} rows)"
                + (
                    f"; pair upsert (one statement) p50 {ms(pct(upkeep['pairs'], 50))} ms, "
                    f"p95 {ms(pct(upkeep['pairs'], 95))} ms ({pct(upkeep['pair_rows'], 50):.0f} rows)"
                    if upkeep["pairs"]
                    else "; no pair table"
                )
            )

        OUT.mkdir(exist_ok=True)
        out = OUT / f"reports-scale-{engine}-{args.contacts}.txt"
        out.write_text("\n".join(LINES) + "\n")
        log(f"written to {out}")
    finally:
        try:
            from django.db import connections

            connections.close_all()
        except Exception:  # Django not set up yet
            pass
        if args.keep or args.reuse:
            log(f"kept: {masked(database.url)}")
        else:
            database.drop()


if __name__ == "__main__":
    main()
