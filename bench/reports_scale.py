"""Reports at scale: every standard report over millions of contacts, the project's own functions
next to the same aggregate in hand-written SQL, and a prototype roll-up table.

    .venv/bin/python bench/reports_scale.py [--contacts 1000000]          # SQLite, temporary
    .venv/bin/python bench/reports_scale.py --contacts 10000000 \\
        --postgres postgresql://opvoedwijzer:opvoedwijzer@localhost:5432/opvoedwijzer_bench

1. A fresh database: SQLite in a temporary directory, or the PostgreSQL database named in
   --postgres, which is dropped and created (its name must contain "bench"), then dropped again.
   `migrate` and `seed_demo` through manage.py.
2. N contacts for one organisation (zuid-limburg), drawn with generate.py's Drawer (seed_demo's
   weights), spread over --years years in date order (ids grow with the date, as in real use).
   Bulk load: indexes (and on PostgreSQL the foreign keys) dropped and recreated afterwards;
   SQLite executemany with synchronous=OFF, PostgreSQL COPY; then ANALYZE.
3. The last 365 days: count_contacts() for every dimension of DIMENSIONS and
   crosstab("municipality", d) for every other one, through the project's functions (p50/p95),
   next to one hand-written SQL statement on the same connection, with the ratio and a check that
   the counts are equal.
4. A roll-up prototype (raw SQL, bench only): distinct-contact counts per (organisation, dimension,
   day, area, value), a monthly one summed from it, the time to build them, the same reports from
   them (daily only; whole months + daily edges; whole months + raw counting of the edges), equality
   with the raw counts, and what keeping them up to date would cost per contact.
5. The summary on stdout and in bench/out/reports-scale-<sqlite|postgres>-<N>.txt.
"""

import argparse
import datetime
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
BUDGET_MS = {"sqlite": 1000, "postgres": 300}  # per report: 1 M on SQLite, 10 M on PostgreSQL
RATIO_BUDGET = 1.3  # project / raw SQL
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


class Sql:
    """The hand-written SQL: the raw aggregates and the roll-up, for SQLite or PostgreSQL."""

    def __init__(self, engine):
        self.engine = engine
        self.raw = {
            # dimension → (expression of its code, joins)
            "municipality": (
                "COALESCE(m.code, c.area)",
                "LEFT JOIN core_municipality m ON m.id = c.municipality_id",
            ),
            "theme": (
                "t.code",
                "LEFT JOIN contacts_contacttheme ct ON ct.contact_id = c.id "
                "LEFT JOIN taxonomy_theme t ON t.id = ct.theme_id",
            ),
            "theme_group": (
                "g.code",
                "LEFT JOIN contacts_contacttheme ctg ON ctg.contact_id = c.id "
                "LEFT JOIN taxonomy_theme tg ON tg.id = ctg.theme_id "
                "LEFT JOIN taxonomy_themegroup g ON g.id = tg.group_id",
            ),
            "channel": ("ch.code", "JOIN taxonomy_channel ch ON ch.id = c.channel_id"),
            "asker_role": ("ar.code", "JOIN taxonomy_askerrole ar ON ar.id = c.asker_role_id"),
            "life_stage": (
                "ls.code",
                "LEFT JOIN contacts_contact_life_stages cls ON cls.contact_id = c.id "
                "LEFT JOIN taxonomy_lifestage ls ON ls.id = cls.lifestage_id",
            ),
            "offer": (
                "o.code",
                "LEFT JOIN contacts_contact_offers co ON co.contact_id = c.id "
                "LEFT JOIN taxonomy_offertype o ON o.id = co.offertype_id",
            ),
            "request_kind": ("c.request_kind", ""),
            "duration": ("c.duration", ""),
            "month": (self.month("c.date"), ""),
            "quarter": (self.quarter("c.date"), ""),
        }

    # Dialect.
    def month(self, col):
        return f"substr({col}, 1, 7)" if self.engine == "sqlite" else f"to_char({col}, 'YYYY-MM')"

    def quarter(self, col):
        if self.engine == "sqlite":
            return f"(substr({col}, 1, 4) || '-Q' || ((CAST(substr({col}, 6, 2) AS INTEGER) + 2) / 3))"
        return f"to_char({col}, 'YYYY-\"Q\"Q')"

    def month_start(self, col):
        if self.engine == "sqlite":
            return f"(substr({col}, 1, 7) || '-01')"
        return f"CAST(date_trunc('month', {col}) AS date)"

    def day(self, d):
        return d.isoformat() if self.engine == "sqlite" else d

    # Raw: distinct contacts per combination, straight from the contact tables.
    def raw_part(self, gs, org_id, ranges):
        label = ",".join(gs)
        keys = [self.raw[d][0] for d in gs] + ["NULL"] * (2 - len(gs))
        joins = " ".join(self.raw[d][1] for d in gs if self.raw[d][1])
        dates = " OR ".join("c.date BETWEEN %s AND %s" for _ in ranges)
        agg = "COUNT(DISTINCT c.id)" if gs else "COUNT(*)"
        group = f" GROUP BY {', '.join(str(i + 2) for i in range(len(gs)))}" if gs else ""
        sql = (
            f"SELECT '{label}' AS gs, {keys[0]} AS k1, {keys[1]} AS k2, {agg} AS n "
            f"FROM contacts_contact c {joins} WHERE c.organisation_id = %s AND ({dates}){group}"
        )
        params = [org_id] + [self.day(d) for r in ranges for d in r]
        return sql, params

    def raw_report(self, sets, org_id, start, end):
        """One statement: every grouping set of the report, UNION ALL."""
        parts = [self.raw_part(gs, org_id, [(start, end)]) for gs in sets]
        return " UNION ALL ".join(p[0] for p in parts), [x for p in parts for x in p[1]]

    # Roll-up: (organisation_id, dim, bucket, area, value, n); bucket = the day, or the month's
    # first day; area = NIS code, "outside" or "unknown"; value = the code ('' = none; '' also
    # for dim "total", the contacts themselves); n = distinct contacts.
    ROLLUP_DIMS = [
        "total",
        "theme",
        "theme_group",
        "channel",
        "asker_role",
        "life_stage",
        "offer",
        "request_kind",
        "duration",
    ]

    def create_rollup(self, table, bucket):
        if self.engine == "sqlite":
            return (
                f"CREATE TABLE {table} (organisation_id INTEGER NOT NULL, dim TEXT NOT NULL, "
                f"{bucket} TEXT NOT NULL, area TEXT NOT NULL, value TEXT NOT NULL, n INTEGER NOT NULL, "
                f"PRIMARY KEY (organisation_id, dim, {bucket}, area, value)) WITHOUT ROWID"
            )
        return (
            f"CREATE TABLE {table} (organisation_id bigint NOT NULL, dim text NOT NULL, "
            f"{bucket} date NOT NULL, area text NOT NULL, value text NOT NULL, n integer NOT NULL)"
        )

    def rollup_select(self, dim, bucket_expr, where, sign=1):
        """SELECT organisation_id, dim, bucket, area, value, n of one dimension from the contact
        tables, for the contacts matching `where` (a condition on c)."""
        area = "COALESCE(m.code, c.area)"
        count = "COUNT(*)" if sign == 1 else f"{sign} * COUNT(*)"
        mjoin = "LEFT JOIN core_municipality m ON m.id = c.municipality_id"
        head = f"SELECT c.organisation_id, '{dim}' AS dim, {bucket_expr} AS bucket, {area} AS area"
        if dim == "total":
            return (
                f"{head}, '' AS value, {count} AS n FROM contacts_contact c {mjoin} "
                f"WHERE {where} GROUP BY 1, 3, 4"
            )
        code, joins = self.raw[dim]
        if dim == "theme_group":
            # Two themes of one group: the contact counts once in the group.
            return (
                f"SELECT organisation_id, dim, bucket, area, value, {count} AS n FROM ("
                f"SELECT DISTINCT c.id, c.organisation_id, '{dim}' AS dim, {bucket_expr} AS bucket, "
                f"{area} AS area, COALESCE({code}, '') AS value "
                f"FROM contacts_contact c {mjoin} {joins} WHERE {where}) x GROUP BY 1, 2, 3, 4, 5"
            )
        # One row per (contact, value): unique in the m2m tables, so COUNT(*) counts contacts.
        return (
            f"{head}, COALESCE({code}, '') AS value, {count} AS n "
            f"FROM contacts_contact c {mjoin} {joins} WHERE {where} GROUP BY 1, 3, 4, 5"
        )

    def upsert(self, table, bucket, select):
        """Add the rows of `select` to the roll-up (n += delta)."""
        return (
            f"INSERT INTO {table} (organisation_id, dim, {bucket}, area, value, n) "
            f"SELECT * FROM ({select}) x WHERE true "
            f"ON CONFLICT (organisation_id, dim, {bucket}, area, value) "
            f"DO UPDATE SET n = {table}.n + excluded.n"
        )

    def rollup_part(self, gs, org_id, table, bucket, ranges):
        label = ",".join(gs)
        dim = next((d for d in gs if d not in ("municipality", "month", "quarter")), "total")
        keys = [
            {"municipality": "area", "month": self.month(bucket), "quarter": self.quarter(bucket)}.get(
                d, "value"
            )
            for d in gs
        ] + ["NULL"] * (2 - len(gs))
        group = f" GROUP BY {', '.join(str(i + 2) for i in range(len(gs)))}" if gs else ""
        dates = " OR ".join(f"{bucket} BETWEEN %s AND %s" for _ in ranges)
        sql = (
            f"SELECT '{label}' AS gs, {keys[0]} AS k1, {keys[1]} AS k2, SUM(n) AS n FROM {table} "
            f"WHERE organisation_id = %s AND dim = %s AND ({dates}){group}"
        )
        return sql, [org_id, dim] + [self.day(d) for r in ranges for d in r]

    def rollup_report(self, sets, org_id, start, end, strategy):
        """One statement: the report from the roll-up. strategy "day": the daily table only;
        "month+day": whole months from the monthly table, the partial months at the edges from
        the daily one; "month+raw": the edges counted from the contact tables."""
        months, edges = split_period(start, end)
        parts = []
        for gs in sets:
            if strategy == "day":
                parts.append(self.rollup_part(gs, org_id, "bench_rollup_day", "day", [(start, end)]))
                continue
            if months:
                parts.append(self.rollup_part(gs, org_id, "bench_rollup_month", "month", [months]))
            if edges and strategy == "month+day":
                parts.append(self.rollup_part(gs, org_id, "bench_rollup_day", "day", edges))
            elif edges:
                parts.append(self.raw_part(gs, org_id, edges))
        union = " UNION ALL ".join(p[0] for p in parts)
        sql = f"SELECT gs, k1, k2, SUM(n) FROM ({union}) x GROUP BY gs, k1, k2"
        return sql, [x for p in parts for x in p[1]]


def month_start(d):
    return d.replace(day=1)


def next_month(d):
    return (d.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)


def split_period(start, end):
    """(first, last month start) of the whole months in [start, end] or None, and the day ranges
    at the edges that are not in a whole month."""
    first = start if start.day == 1 else next_month(start)
    last_end = (
        end
        if next_month(end) - datetime.timedelta(days=1) == end
        else month_start(end) - datetime.timedelta(days=1)
    )
    if first > last_end:
        return None, [(start, end)]
    edges = []
    if start < first:
        edges.append((start, first - datetime.timedelta(days=1)))
    if last_end < end:
        edges.append((last_end + datetime.timedelta(days=1), end))
    return (first, month_start(last_end)), edges


# --------------------------------------------------------------------------- reports


def normalise(rows):
    """{(grouping set, k1, k2): n} from SQL rows (gs, k1, k2, n); '' (no value) → None."""
    out = {}
    for gs, k1, k2, n in rows:
        if n:
            key = (gs, None if k1 == "" else k1, None if k2 == "" else k2)
            out[key] = out.get(key, 0) + int(n)
    return out


def from_count_contacts(dim, rows, total):
    out = {(dim, r[dim], None): r["count"] for r in rows if r["count"]}
    if total:
        out[("", None, None)] = total
    return out


def from_crosstab(dim, t):
    out = {}
    for row in t["rows"]:
        out[("municipality", row["code"], None)] = row["total"]
        for col, cell in zip(t["columns"], row["cells"], strict=True):
            if cell:
                out[(f"municipality,{dim}", row["code"], col["code"])] = cell
    for col in t["columns"]:
        out[(dim, col["code"], None)] = col["total"]
    if t["total"]:
        out[("", None, None)] = t["total"]
    return out


def timed(fn, reps, cap):
    """One untimed warm-up run, then up to `reps` timed runs (at least 2; stop after `cap` s)."""
    result = fn()
    times, began = [], time.perf_counter()
    for i in range(reps):
        t = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t) * 1000)
        if i >= 1 and time.perf_counter() - began > cap:
            break
    return times, result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--postgres", metavar="URL", help="a PostgreSQL DATABASE_URL (created, then dropped)")
    parser.add_argument("--years", type=float, default=3.0, help="the contacts' dates span this many years")
    parser.add_argument("--days", type=int, default=365, help="the reports' period: the last n days")
    parser.add_argument("--reps", type=int, default=5, help="timed runs per report and method")
    parser.add_argument("--cap", type=float, default=30, help="stop repeating one measurement after n s")
    parser.add_argument("--batch", type=int, default=100_000, help="contacts per insert batch")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--maintenance-samples", type=int, default=200)
    parser.add_argument("--keep", action="store_true", help="keep the database (print where it is)")
    args = parser.parse_args()

    database = Database(args.postgres)
    engine = database.engine
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "opvoedwijzer.settings",
        "DATABASE_URL": database.url,
        "DEBUG": "false",
        "TESTING": "false",
        "SECRET_KEY": secrets.token_hex(32),
        "ALLOWED_HOSTS": "localhost",
        "SECURE_SSL_REDIRECT": "false",
        "PYTHONPATH": str(ROOT),
    }
    os.environ.update(env)
    sys.path.insert(0, str(HERE))
    results = {}
    try:
        database.create()
        log(f"database: {engine} {masked(database.url) if engine == 'postgres' else database.path}")
        t = time.perf_counter()
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "seed_demo")
        log(f"migrate + seed_demo: {time.perf_counter() - t:.1f} s")

        import django

        django.setup()
        from django.db import connection, transaction
        from django.utils import timezone

        from opvoedwijzer.core.models import Organisation
        from opvoedwijzer.reports.stats import DIMENSIONS, count_contacts, crosstab

        log(f"generating {args.contacts:,} contacts over {args.years:g} years")
        gen = load(database, args.contacts, args.seed, args.years, args.batch)
        gen_total = gen["insert_s"] + gen["indexes_s"] + gen["analyze_s"]
        connection.close()

        org = Organisation.objects.get(slug=ORG)
        # The project's own roll-up (opvoedwijzer/reports/rollup.py, when there is one) knows nothing
        # of rows loaded behind its back: rebuild it, as generate.py does.
        try:
            from opvoedwijzer.reports import rollup as project_rollup
        except ImportError:
            project_rollup = None
        if project_rollup is not None:
            log("rebuilding the project's roll-up (reports.rollup.rebuild)")
            t = time.perf_counter()
            with transaction.atomic():
                project_rollup.rebuild(org)
            gen["project_rollup_s"] = time.perf_counter() - t
            t = time.perf_counter()
            if engine == "postgres":
                with connection.cursor() as cur:
                    cur.execute("VACUUM ANALYZE reports_dailycount")
                    cur.execute("VACUUM ANALYZE reports_monthlycount")
            else:
                with connection.cursor() as cur:
                    cur.execute("ANALYZE")
            gen["project_rollup_analyze_s"] = time.perf_counter() - t
            log(f"project roll-up rebuilt in {gen['project_rollup_s']:.1f} s")
        sql = Sql(engine)
        end = timezone.localdate()
        start = end - datetime.timedelta(days=args.days - 1)
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

        say(
            f"Reports at scale — {engine}, {args.contacts:,} generated contacts "
            f"({datetime.datetime.now():%Y-%m-%d %H:%M})"
        )
        say(f"command: {' '.join(masked(a) for a in ['.venv/bin/python', *sys.argv])}")
        revision = subprocess.run(
            ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        say(
            f"project: {revision or '?'}; its reports read "
            + (
                "from its own roll-up (reports/rollup.py), rebuilt after the load"
                if project_rollup is not None
                else "the contact tables (no reports/rollup.py)"
            )
        )
        say(
            f"data: {n_org:,} contacts of {ORG} from {first_day} to {last_day} "
            f"({gen['themes']:,} theme, {gen['life_stages']:,} life-stage, {gen['offers']:,} offer rows); "
            f"database {database.size() / 1e9:.2f} GB"
        )
        say(
            f"generation: {gen_total:.0f} s in all = insert {gen['insert_s']:.0f} s "
            f"({gen['contacts'] / gen['insert_s']:,.0f} contacts/s) "
            f"+ indexes/constraints {gen['indexes_s']:.0f} s "
            f"+ {'ANALYZE' if engine == 'sqlite' else 'VACUUM ANALYZE'} {gen['analyze_s']:.0f} s"
            + (
                f"; then the project's rollup.rebuild() {gen['project_rollup_s']:.1f} s "
                f"(+ analyze {gen['project_rollup_analyze_s']:.1f} s)"
                if "project_rollup_s" in gen
                else ""
            )
        )
        say(
            f"period: {start} – {end} ({args.days} days, {n_period:,} contacts); "
            f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
        )
        if engine == "postgres":
            with connection.cursor() as cur:
                names = [
                    "server_version",
                    "shared_buffers",
                    "work_mem",
                    "max_parallel_workers_per_gather",
                    "jit",
                ]
                cur.execute("SELECT name, setting, unit FROM pg_settings WHERE name = ANY(%s)", [names])
                found = {n: f"{v}{' × ' + u if u else ''}" for n, v, u in cur.fetchall()}
            say("server settings (defaults, unchanged): " + ", ".join(f"{n} {found.get(n)}" for n in names))
        say()

        # 3. The reports: the project's functions and the raw SQL, same connection.
        dims = [d for d in DIMENSIONS if d in sql.raw]
        missing = [d for d in DIMENSIONS if d not in sql.raw]
        reports = [(f"count_contacts({d})", [(d,), ()], d, "count") for d in dims]
        reports += [
            (f"crosstab(municipality, {d})", [("municipality", d), ("municipality",), (d,), ()], d, "cross")
            for d in dims
            if d != "municipality"
        ]

        def run_sql(q, params):
            with connection.cursor() as cur:
                cur.execute(q, params)
                return cur.fetchall()

        def run_rollup(q, params):
            """A roll-up read. On PostgreSQL without parallel workers: it reads few rows, and
            starting workers costs more (5-10 ms on a busy 2-core machine) than it saves."""
            if engine == "sqlite":
                return run_sql(q, params)
            with transaction.atomic(), connection.cursor() as cur:
                cur.execute("SET LOCAL max_parallel_workers_per_gather = 0")
                cur.execute(q, params)
                return cur.fetchall()

        for name, sets, dim, kind in reports:
            if kind == "count":
                project = lambda dim=dim: from_count_contacts(dim, *count_contacts(org, start, end, [dim]))  # noqa: E731
            else:
                project = lambda dim=dim: from_crosstab(dim, crosstab(org, start, end, "municipality", dim))  # noqa: E731
            error = None
            try:
                p_ms, p_res = timed(project, args.reps, args.cap)
            except Exception as e:  # a bug in the project: report it, measure the rest
                p_ms, p_res = [], None
                error = f"{type(e).__name__}: {str(e).strip().splitlines()[0]}"
                log(f"{name}: the project's function failed: {error}")
            q, params = sql.raw_report(sets, org.pk, start, end)
            r_ms, r_rows = timed(lambda q=q, params=params: run_sql(q, params), args.reps, args.cap)
            raw = normalise(r_rows)
            results[name] = {
                "project": p_ms,
                "raw": r_ms,
                "equal": p_res == raw,
                "error": error,
                "raw_counts": raw,
                "sets": sets,
            }
            log(
                f"{name}: project p50 {ms(pct(p_ms, 50))} ms, raw p50 {ms(pct(r_ms, 50))} ms, "
                f"equal {p_res == raw} ({len(raw)} figures)"
            )
            if p_res is not None and p_res != raw:
                diff = sorted(set(p_res.items()) ^ set(raw.items()), key=str)[:6]
                log(f"  differences (first): {diff}")

        # 4. The roll-up.
        log("building the roll-up")
        build = {}
        with connection.cursor() as cur:
            if engine == "postgres":
                cur.execute("SET work_mem = '256MB'")
            t = time.perf_counter()
            with transaction.atomic():
                cur.execute(sql.create_rollup("bench_rollup_day", "day"))
                for d in sql.ROLLUP_DIMS:
                    t1 = time.perf_counter()
                    select = sql.rollup_select(d, "c.date", "true")
                    cur.execute(
                        f"INSERT INTO bench_rollup_day (organisation_id, dim, day, area, value, n) {select}"
                    )
                    build[d] = time.perf_counter() - t1
                if engine == "postgres":
                    cur.execute(
                        "ALTER TABLE bench_rollup_day "
                        "ADD PRIMARY KEY (organisation_id, dim, day, area, value)"
                    )
            build["day_s"] = time.perf_counter() - t
            t = time.perf_counter()
            with transaction.atomic():
                cur.execute(sql.create_rollup("bench_rollup_month", "month"))
                cur.execute(
                    "INSERT INTO bench_rollup_month (organisation_id, dim, month, area, value, n) "
                    f"SELECT organisation_id, dim, {sql.month_start('day')}, area, value, SUM(n) "
                    "FROM bench_rollup_day GROUP BY 1, 2, 3, 4, 5"
                )
                if engine == "postgres":
                    cur.execute(
                        "ALTER TABLE bench_rollup_month "
                        "ADD PRIMARY KEY (organisation_id, dim, month, area, value)"
                    )
            build["month_s"] = time.perf_counter() - t
            t = time.perf_counter()
            if engine == "postgres":
                cur.execute("RESET work_mem")
                cur.execute("VACUUM ANALYZE bench_rollup_day")
                cur.execute("VACUUM ANALYZE bench_rollup_month")
            else:
                cur.execute("ANALYZE bench_rollup_day")
                cur.execute("ANALYZE bench_rollup_month")
            build["analyze_s"] = time.perf_counter() - t
            cur.execute("SELECT COUNT(*) FROM bench_rollup_day")
            build["day_rows"] = cur.fetchone()[0]
            cur.execute("SELECT COUNT(*) FROM bench_rollup_month")
            build["month_rows"] = cur.fetchone()[0]
            if engine == "postgres":
                cur.execute(
                    "SELECT pg_total_relation_size('bench_rollup_day'), "
                    "pg_total_relation_size('bench_rollup_month'), "
                    + " + ".join(f"pg_total_relation_size('{t}')" for t in CONTACT_TABLES)
                )
                build["sizes"] = cur.fetchone()
        log(
            f"roll-up built: day {build['day_s']:.1f} s ({build['day_rows']:,} rows), "
            f"month {build['month_s']:.1f} s"
        )

        strategies = ["day", "month+day", "month+raw"]
        for name, sets, _dim, _kind in reports:
            res = results[name]
            for strategy in strategies:
                q, params = sql.rollup_report(sets, org.pk, start, end, strategy)
                s_ms, s_rows = timed(lambda q=q, params=params: run_rollup(q, params), args.reps, args.cap)
                res[strategy] = s_ms
                res[f"{strategy} equal"] = normalise(s_rows) == res["raw_counts"]
            log(
                f"{name}: roll-up p50 "
                + ", ".join(
                    f"{s} {ms(pct(res[s], 50))} ms{'' if res[f'{s} equal'] else ' (NOT EQUAL)'}"
                    for s in strategies
                )
            )

        # Keeping it up to date: the delta of one contact (-1 for its old rows, +1 for its new
        # ones) on both tables, as register/update/delete would do in their transaction; and the
        # alternative, recomputing one (organisation, day) from the contacts.
        with connection.cursor() as cur:
            cur.execute(
                "SELECT id FROM contacts_contact WHERE organisation_id = %s AND date >= %s ORDER BY id",
                [org.pk, sql.day(end - datetime.timedelta(days=30))],
            )
            recent = [r[0] for r in cur.fetchall()]
        sample = random.Random(3).sample(recent, min(args.maintenance_samples, len(recent)))
        deltas = {}
        for sign in (-1, 1):
            stmts = []
            for rollup, bucket, expr in (
                ("bench_rollup_day", "day", "c.date"),
                ("bench_rollup_month", "month", sql.month_start("c.date")),
            ):
                union = " UNION ALL ".join(
                    sql.rollup_select(d, expr, "c.id = %s", sign) for d in sql.ROLLUP_DIMS
                )
                stmts.append(sql.upsert(rollup, bucket, union))
            deltas[sign] = stmts
        delta_ms = []
        for cid in sample:
            for sign in (-1, 1):
                t = time.perf_counter()
                with transaction.atomic(), connection.cursor() as cur:
                    for stmt in deltas[sign]:
                        cur.execute(stmt, [cid] * len(sql.ROLLUP_DIMS))
                delta_ms.append((time.perf_counter() - t) * 1000)
        # The project's own upkeep (reports.rollup.apply_contact, as contacts.services calls it).
        project_delta_ms = []
        project_delta_error = None
        if project_rollup is not None and hasattr(project_rollup, "apply_contact"):
            try:
                for cid in sample:
                    for sign in (-1, 1):
                        t = time.perf_counter()
                        with transaction.atomic():
                            project_rollup.apply_contact(cid, sign)
                        project_delta_ms.append((time.perf_counter() - t) * 1000)
            except Exception as e:
                project_delta_error = f"{type(e).__name__}: {str(e).strip().splitlines()[0]}"
        refresh_ms = []
        days = sorted({end - datetime.timedelta(days=i) for i in range(1, 31)})[-10:]
        for d in days:
            t = time.perf_counter()
            with transaction.atomic(), connection.cursor() as cur:
                cur.execute(
                    "DELETE FROM bench_rollup_day WHERE organisation_id = %s AND day = %s",
                    [org.pk, sql.day(d)],
                )
                for dim in sql.ROLLUP_DIMS:
                    cur.execute(
                        "INSERT INTO bench_rollup_day (organisation_id, dim, day, area, value, n) "
                        + sql.rollup_select(dim, "c.date", "c.organisation_id = %s AND c.date = %s"),
                        [org.pk, sql.day(d)],
                    )
            refresh_ms.append((time.perf_counter() - t) * 1000)
        # Still the same counts after the deltas and refreshes?
        after_ok = True
        for name, sets, _dim, _kind in reports:
            for strategy in ("day", "month+day"):
                q, params = sql.rollup_report(sets, org.pk, start, end, strategy)
                after_ok &= normalise(run_sql(q, params)) == results[name]["raw_counts"]

        # 5. The summary.
        budget = BUDGET_MS[engine]
        rows, misses = [], []
        for name, _sets, _dim, _kind in reports:
            r = results[name]
            p50, p95 = pct(r["project"], 50), pct(r["project"], 95)
            raw50, raw95 = pct(r["raw"], 50), pct(r["raw"], 95)
            ratio = p50 / raw50
            flags = ["project error"] if r["error"] else []
            if p95 > budget:
                flags.append(f">{budget}ms")
            if ratio > RATIO_BUDGET:
                flags.append(f">{RATIO_BUDGET}x")
            if flags:
                misses.append(f"{name}: {', '.join(flags)}")
            rows.append(
                [
                    name,
                    ms(p50),
                    ms(p95),
                    ms(raw50),
                    ms(raw95),
                    f"{ratio:.2f}" if ratio == ratio else "—",
                    "ERROR" if r["error"] else "yes" if r["equal"] else "NO",
                    *(ms(pct(r[s], 50)) for s in strategies),
                    f"{raw50 / pct(r['month+day'], 50):.0f}x",
                    f"{p50 / pct(r['month+day'], 50):.2f}" if p50 == p50 else "—",
                    "yes" if all(r[f"{s} equal"] for s in strategies) else "NO",
                    " ".join(flags),
                ]
            )
        say(
            "Per report, ms over the period (warm; p50/p95 of "
            f"{args.reps} runs, fewer when a run takes over {args.cap:g} s). project = the project's "
            "function in-process (ORM, all its queries, Python); raw = the same aggregate as one SQL "
            "statement (UNION ALL of "
            "the grouping sets) on the same connection; ratio = project p50 / raw p50; roll-up = the same "
            "statement on the roll-up tables (day = daily rows only; m+d = whole months from the "
            "monthly table, "
            "the edges from the daily one; m+raw = the edges counted from the contacts; on PostgreSQL with "
            "SET LOCAL max_parallel_workers_per_gather = 0); gain = raw / m+d; "
            "proj/m+d = project p50 / m+d p50."
        )
        say(
            table(
                [
                    "report",
                    "proj p50",
                    "p95",
                    "raw p50",
                    "p95",
                    "ratio",
                    "equal",
                    "day",
                    "m+d",
                    "m+raw",
                    "gain",
                    "proj/m+d",
                    "equal",
                    f"budget (<{budget} ms p95, <{RATIO_BUDGET}x raw)",
                ],
                rows,
            )
        )
        say()
        allp = [x for n, *_ in reports if (x := pct(results[n]["project"], 50)) == x]
        say(
            f"Sum of the p50s (all {len(reports)} reports): project {sum(allp) / 1000:.1f} s"
            f"{f' ({len(allp)} measured)' if len(allp) < len(reports) else ''}, raw "
            f"{sum(pct(results[n]['raw'], 50) for n, *_ in reports) / 1000:.1f} s, "
            + ", ".join(
                f"roll-up {s} {sum(pct(results[n][s], 50) for n, *_ in reports) / 1000:.2f} s"
                for s in strategies
            )
        )
        say(f"Over budget: {'; '.join(misses) if misses else 'none'}")
        if missing:
            say(f"Not measured (no hand-written SQL for): {', '.join(missing)}")
        say(
            f"Counts equal (project = raw): {sum(results[n]['equal'] for n, *_ in reports)}/{len(reports)}; "
            f"roll-up = raw: {sum(all(results[n][f'{s} equal'] for s in strategies) for n, *_ in reports)}"
            f"/{len(reports)}"
        )
        errors = {}
        for n, *_ in reports:
            if results[n]["error"]:
                errors.setdefault(results[n]["error"], []).append(n)
        for error, names in errors.items():
            say(f"PROJECT ERROR in {len(names)} report(s) ({', '.join(names)}): {error}")
        say()
        say(
            f"Roll-up build (all history, {n_org:,} contacts): daily {build['day_s']:.1f} s "
            f"({build['day_rows']:,} rows; per dimension: "
            + ", ".join(f"{d} {build[d]:.1f}" for d in sql.ROLLUP_DIMS)
            + f" s), monthly from the daily {build['month_s']:.1f} s ({build['month_rows']:,} rows), "
            f"analyze {build['analyze_s']:.1f} s"
        )
        if "sizes" in build:
            d, m, c = build["sizes"]
            say(
                f"Sizes: daily roll-up {d / 1e6:.0f} MB, monthly {m / 1e6:.1f} MB, "
                f"contact tables with indexes {c / 1e9:.2f} GB"
            )
        say(
            f"Upkeep: delta of one contact on both tables (one upsert statement per table, in a transaction) "
            f"p50 {ms(pct(delta_ms, 50))} ms, p95 {ms(pct(delta_ms, 95))} ms ({len(delta_ms)} runs); "
            f"recomputing one (organisation, day) of the daily table p50 {ms(pct(refresh_ms, 50))} ms, "
            f"p95 {ms(pct(refresh_ms, 95))} ms; counts still equal afterwards: {'yes' if after_ok else 'NO'}"
        )
        if project_delta_error:
            say(f"PROJECT ERROR in rollup.apply_contact: {project_delta_error}")
        elif project_delta_ms:
            say(
                "The project's rollup.apply_contact(id, ±1) (both tables): "
                f"p50 {ms(pct(project_delta_ms, 50))} ms, "
                f"p95 {ms(pct(project_delta_ms, 95))} ms ({len(project_delta_ms)} runs)"
            )
        say()
        say("Roll-up SQL (PostgreSQL dialect shown when run on PostgreSQL):")
        say("  " + sql.create_rollup("bench_rollup_day", "day") + ";")
        say("  -- build, one INSERT per dimension, e.g. theme_group:")
        say(
            "  INSERT INTO bench_rollup_day (organisation_id, dim, day, area, value, n) "
            + sql.rollup_select("theme_group", "c.date", "true")
            + ";"
        )
        say("  -- upkeep of one contact (sign -1 before an update/delete, +1 after a register/update):")
        say(
            "  "
            + sql.upsert(
                "bench_rollup_day",
                "day",
                sql.rollup_select("theme", "c.date", "c.id = %s", 1) + " UNION ALL ...",
            )
            + ";"
        )
        say("  -- a report, whole months + edges: crosstab municipality × theme (the cells; the row, column")
        say(
            "  -- and grand totals are the same with dim 'total' / without area, "
            "UNION ALL in the same statement):"
        )
        q, _ = sql.rollup_report([("municipality", "theme")], org.pk, start, end, "month+day")
        say("  " + q + ";")

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
        if args.keep:
            log(f"kept: {masked(database.url)}")
        else:
            database.drop()


if __name__ == "__main__":
    main()
