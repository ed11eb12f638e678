"""The public agenda at scale: pages, iCalendar feed and public API with 300 upcoming activities, and
bursts of parallel sign-ups, against the budget "public page, first byte / transferred: < 100 ms /
< 100 kB" and "no overbooking".

    .venv/bin/python bench/agenda.py                     # SQLite, temporary
    .venv/bin/python bench/agenda.py \\
        --postgres postgresql://opvoedwijzer:opvoedwijzer@127.0.0.1:5432/opvoedwijzer_bench

1. A fresh database: SQLite in a temporary directory, or the PostgreSQL database named in --postgres,
   which is dropped and created (its name must contain "bench"), then dropped again. `migrate` and
   `seed_demo` through manage.py. Everything runs with DEBUG=false, a random SECRET_KEY and TESTING=true
   (plain http on 127.0.0.1), and SIGNUP_RATE_LIMIT_PER_HOUR raised (the bench signs up hundreds of
   people from one address; the limit itself is not measured).
2. --activities (300) published upcoming activities of zuid-limburg through `activities.services`
   (create_activity, publish, sign_up, cancel_signup; one transaction per activity): a mix of kinds, 1–6
   weekly sessions at the organisation's social-map locations, themes, life stages, partners, a Dutch
   description; three quarters with sign-ups (up to 1.4× the places: some full with a waiting list).
3. In-process, without HTTP (the server not running): each URL through django.test.Client, the SQL
   statements (CaptureQueriesContext), the time in the database and the rest (templates, serialising).
4. gunicorn as `make run` starts it: the project's gunicorn.conf.py (workers, threads, gthread,
   keep-alive, max_requests …), only the address changed to a free loopback port (--workers/--threads
   override the file's figures when given); the set-up measured is printed. For each URL, one
   keep-alive client, --reps sequential GETs after a warm-up: first byte (request sent → status line
   and headers read) and the whole response, p50/p95; the bytes transferred (headers + body), asked
   with `Accept-Encoding: gzip` (whether the server compresses is reported; what gzip would make of
   the body is shown beside it). The iCalendar feed three ways: as a calendar app polling it meets it
   (kept in memory by the server between writes), written anew (this process notes a change to the
   agenda before each GET, untimed: what the first request after every write costs), and answered
   304 Not Modified (If-None-Match with the ETag it got). Then --load-seconds of --load-clients
   concurrent clients over the HTML pages.
5. Sign-up bursts: --bursts fresh activities with --places places; for each, --burst-clients threads
   POST /api/v1/public/zuid-limburg/activities/<id>/signups {"name": "Ouder n", "people": 1}, released
   together by a threading.Barrier. Status codes, confirmed/waiting in the answers and in the database
   (exactly --places confirmed, the rest waiting), latency p50/p95/max.
6. The summary on stdout and in bench/out/agenda-latest.txt (and agenda-<sqlite|postgres>.txt), with the
   load average and the CPU other processes used (other work on the machine inflates every figure).
"""

import argparse
import cProfile
import datetime
import gzip
import http.client
import json
import os
import pstats
import random
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from reports_scale import Database, manage, masked, pct, table  # noqa: E402
from run import CpuMeter, Gunicorn, Http, free_port  # noqa: E402

OUT = HERE / "out"
ORG = "zuid-limburg"
GUNICORN_CONF = ROOT / "gunicorn.conf.py"
FIRST_BYTE_BUDGET_MS = 100  # p95, "public page, first byte"
BYTES_BUDGET = 100_000  # "transferred" (100 kB)
PAGE_SIZE = 20  # activities/public.py
T0 = time.perf_counter()
LINES = []


def log(msg):
    print(f"[{time.perf_counter() - T0:6.1f}s] {msg}", flush=True)


def say(msg=""):
    """A line of the summary (stdout and the file)."""
    LINES.append(msg)
    print(msg, flush=True)


def ms(x):
    if x is None or x != x:
        return "—"
    return f"{x:.1f}" if x < 100 else f"{x:.0f}"


def kb(n):
    return "—" if n is None else f"{n / 1000:.1f} kB"


def load():
    return " / ".join(f"{x:.1f}" for x in os.getloadavg())


# --------------------------------------------------------------------------- the data

# (kind, weight, sessions (low, high), capacity (low, high), title words)
KINDS = [
    ("info_evening", 20, (1, 1), (20, 60), ["Infoavond", "Lezing", "Infomoment"]),
    ("workshop", 24, (1, 2), (10, 20), ["Workshop", "Doe-avond", "Praktijkavond"]),
    ("meeting", 14, (2, 6), (8, 20), ["Ontmoetingsmoment", "Oudercafé", "Babbelbox"]),
    ("parent_course", 12, (4, 6), (10, 16), ["Oudercursus", "Opvoedingscursus", "Training voor ouders"]),
    ("parent_child_course", 8, (3, 6), (6, 12), ["Ouder-kindcursus", "Samen spelen", "Ouder-kindatelier"]),
    ("theme_meeting", 10, (1, 2), (12, 30), ["Buurtavond", "Thema-avond in de buurt"]),
    ("target_group", 7, (3, 6), (6, 14), ["Groep", "Praatgroep", "Lotgenotengroep"]),
    ("training_professionals", 5, (1, 2), (12, 24), ["Vorming", "Studiedag", "Training"]),
]
TARGET_GROUPS = ["vaders", "nieuwkomers", "pleegouders", "grootouders", "alleenstaande ouders"]
TIMES = [("19:30", "21:30"), ("19:00", "21:00"), ("09:30", "11:30"), ("13:30", "16:00"), ("10:00", "12:00")]
TOPICS = {  # theme code → words in a title or description
    "tantrums": ["driftbuien", "koppigheid"],
    "sleep": ["slapen", "slaapritme", "nachtmerries"],
    "screen_time": ["schermtijd", "gamen"],
    "puberty": ["pubers in huis", "tieners"],
    "boundaries": ["grenzen stellen", "regels en afspraken"],
    "emotions": ["emoties", "boosheid en verdriet"],
    "divorce": ["scheiden", "co-ouderschap"],
    "anxiety": ["angst", "piekeren"],
    "bullying": ["pesten", "weerbaarheid"],
    "parent_wellbeing": ["stress bij ouders", "zorgen voor jezelf"],
    "siblings": ["broers en zussen", "ruzie tussen kinderen"],
    "homework": ["huiswerk", "studeren"],
    "eating": ["eten en drinken", "kieskeurige eters"],
    "language": ["taalontwikkeling", "voorlezen"],
    "migration": ["meertalig opvoeden", "nieuw in België"],
    "social_media": ["sociale media", "smartphones"],
    "grief": ["rouw", "afscheid nemen"],
    "self_esteem": ["zelfvertrouwen", "een positief zelfbeeld"],
}
SENTENCES = [
    "We starten met een korte uitleg en gaan dan samen aan de slag met situaties die jullie zelf meebrengen.",
    "Je hoeft niets voor te bereiden; een kop koffie of thee staat klaar.",
    "Er is kinderopvang voorzien in een zaal ernaast, laat het ons weten bij het inschrijven.",
    "De begeleiders zijn medewerkers van het Huis van het Kind en van onze partners.",
    "Je krijgt tips die je de volgende dag thuis al kan uitproberen.",
    "Ouders wisselen ervaringen uit in kleine groepjes; wat gezegd wordt, blijft in de groep.",
    "Een tolk is mogelijk als je dat vooraf vraagt.",
    "Achteraf krijg je een overzicht van de tips en van de plaatsen waar je verder terecht kan.",
    "Wie het moeilijk heeft om de bijdrage te betalen, betaalt minder: vraag er gerust naar.",
    "De zaal is gelijkvloers en rolstoeltoegankelijk.",
]
NAMES = ["Sofie", "Karim", "Els", "Papa Tom", "Lien", "Nadia", "An", "Bart", "Fatima", "Kevin", "Joke"]
NAMES += ["Mama Sarah", "Hanne", "Youssef", "Katrien", "Dirk", "Ilse", "Ayşe", "Wim", "Greet", "Stijn"]


def _day_at(day, hhmm):
    from django.utils import timezone

    hours, minutes = map(int, hhmm.split(":"))
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hours, minutes)))


def generate_activities(org, count, seed):
    """`count` published upcoming activities through the services; returns figures about them."""
    from django.db import transaction
    from django.utils import timezone

    from opvoedwijzer.activities import services
    from opvoedwijzer.activities.models import Activity, SignUp
    from opvoedwijzer.core.crypto import encrypt
    from opvoedwijzer.socialmap.models import Location, MapOrganisation
    from opvoedwijzer.taxonomy.models import LifeStage, Theme

    rng = random.Random(seed)
    today = timezone.localdate()
    locations = list(Location.objects.for_org(org).select_related("municipality").order_by("id"))
    if not locations:
        raise SystemExit(f"{ORG} has no social-map locations after seed_demo")
    # Most activities in the organisation's own buildings: the first locations weigh more.
    location_weights = [max(1, 8 - i) for i in range(len(locations))]
    partners = list(MapOrganisation.objects.for_org(org).order_by("id"))
    themes = {t.code: t for t in Theme.objects.for_org(org).visible()}
    theme_codes = [c for c in TOPICS if c in themes] or list(themes)
    stages = list(LifeStage.objects.for_org(org).visible().order_by("id"))
    kinds = [k[0] for k in KINDS]
    made = []
    figures = Counter()
    for n in range(count):
        kind, _w, (s_lo, s_hi), (c_lo, c_hi), words = rng.choices(KINDS, weights=[k[1] for k in KINDS])[0]
        picked = list(dict.fromkeys(rng.choices(theme_codes, k=rng.choice([1, 1, 2, 2, 3]))))
        topic = rng.choice(TOPICS.get(picked[0], [picked[0]]))
        first_stage = rng.randrange(len(stages)) if stages else 0
        life_stages = stages[first_stage : first_stage + rng.choice([0, 1, 1, 2])]
        professionals = kind == "training_professionals"
        target = rng.choice(TARGET_GROUPS) if kind == "target_group" else ""
        description = f"{rng.choice(words)} over {topic}" + (f" voor {target}" if target else "") + ". "
        description += " ".join(rng.sample(SENTENCES, k=rng.randint(2, 4)))
        data = {
            "kind": kind,
            "title": f"{rng.choice(words)}: {topic}" + (f" ({target})" if target else ""),
            "description": description,
            "audience": "professionals" if professionals else rng.choice(["parents"] * 9 + ["both"]),
            "language": rng.choices(["nl", "en", "fr", "ar", "tr"], weights=[90, 4, 3, 2, 1])[0],
            "target_group": target,
            "price": rng.choice([Decimal(0)] * 6 + [Decimal(5), Decimal(10), Decimal(20), Decimal(40)]),
            "capacity": rng.randint(c_lo, c_hi),
            "themes": [themes[c] for c in picked],
            "life_stages": life_stages,
            "partners": rng.sample(partners, k=min(len(partners), rng.choice([0, 0, 1, 1, 2]))),
        }
        start, end = rng.choice(TIMES)
        first = today + datetime.timedelta(days=rng.randint(2, 150))
        location = rng.choices(locations, weights=location_weights)[0]
        room = rng.choice(["", "", "Zaal 1", "Polyvalente zaal", "Eerste verdieping"])
        sessions = [
            {
                "starts_at": _day_at(first + datetime.timedelta(weeks=w), start),
                "ends_at": _day_at(first + datetime.timedelta(weeks=w), end),
                "location": location,
                "room": room,
            }
            for w in range(rng.randint(s_lo, s_hi))
        ]
        with transaction.atomic():  # one commit per activity (the services' own become savepoints)
            activity = services.create_activity(org, data, sessions=sessions)
            services.publish(activity)
            figures["sessions"] += len(sessions)
            if rng.random() < 0.75:
                wanted = round(data["capacity"] * rng.choice([0.1, 0.3, 0.5, 0.7, 0.9, 1.0, 1.2, 1.4]))
                people = 0
                while people < wanted:
                    size = rng.choices([1, 2, 3], weights=[70, 25, 5])[0]
                    signup, _token = services.sign_up(activity, name=rng.choice(NAMES), people=size)
                    people += size
                    figures[signup.status] += 1
                    if rng.random() < 0.3:  # the contact afterwards: sign_up would send a confirmation
                        SignUp.objects.filter(pk=signup.pk).update(contact=encrypt(f"ouder{n}@example.org"))
                    if rng.random() < 0.05:
                        services.cancel_signup(signup)
                        figures["cancelled"] += 1
        made.append(activity.pk)
        figures[kind] += 1
    # Consistency: no activity has more people confirmed than places.
    over = [
        a.pk
        for a in Activity.objects.filter(pk__in=made).with_places()
        if a.taken > a.capacity  # places_left clamps at 0
    ]
    figures["overbooked"] = len(over)
    figures["kinds"] = sum(1 for k in kinds if figures[k])
    return made, figures


def fresh_activity(org, places, title):
    """A published activity with `places` places and one session in a month, nobody signed up."""
    from django.utils import timezone

    from opvoedwijzer.activities import services
    from opvoedwijzer.socialmap.models import Location

    day = timezone.localdate() + datetime.timedelta(days=30)
    data = {"kind": "workshop", "title": title, "description": "Bench.", "capacity": places}
    sessions = [
        {
            "starts_at": _day_at(day, "19:30"),
            "ends_at": _day_at(day, "21:30"),
            "location": Location.objects.for_org(org).order_by("id").first(),
        }
    ]
    activity = services.create_activity(org, data, sessions=sessions)
    services.publish(activity)
    return activity


# --------------------------------------------------------------------------- HTTP


def gunicorn_setup(env, workers=None, threads=None):
    """The settings gunicorn.conf.py gives under `env`, with the overrides."""
    import runpy

    saved = dict(os.environ)
    os.environ.update(env)
    try:
        conf = runpy.run_path(str(GUNICORN_CONF))
    finally:
        os.environ.clear()
        os.environ.update(saved)
    keys = ("workers", "threads", "worker_class", "keepalive", "max_requests", "timeout")
    setup = {k: conf.get(k) for k in keys}
    setup["conn_max_age"] = env.get("CONN_MAX_AGE", "0")
    if workers is not None:
        setup["workers"] = workers
    if threads is not None:
        setup["threads"] = threads
    return setup


def describe_setup(setup):
    changed = "" if not setup.get("overridden") else " (overridden here: " + setup["overridden"] + ")"
    return (
        f"gunicorn with the project's gunicorn.conf.py as `make run` starts it{changed}: "
        f"{setup['workers']} workers × {setup['threads']} threads, {setup['worker_class']}, keep-alive "
        f"{setup['keepalive']} s, max_requests {setup['max_requests']}, CONN_MAX_AGE={setup['conn_max_age']}"
    )


def project_gunicorn(env, port, logfile, workers=None, threads=None, conn_max_age=60):
    """A Gunicorn (run.py) that reads the project's gunicorn.conf.py, only bound to `port` (and with
    --workers/--threads when given), and the set-up it runs. The folder's .env is not read (ENV_FILE
    points nowhere: the bench's database and keys come from `env`); of what `make run` writes there
    (scripts/write-env) only CONN_MAX_AGE=60 changes how fast a request is, and it is set here."""
    env = {**env, "ENV_FILE": os.devnull, "CONN_MAX_AGE": str(conn_max_age)}
    server = Gunicorn(env, port, logfile)
    server.cmd = [server.cmd[0], "opvoedwijzer.wsgi", "-c", str(GUNICORN_CONF), "-b", f"127.0.0.1:{port}"]
    overridden = []
    if workers is not None:
        server.cmd += ["-w", str(workers)]
        overridden.append(f"-w {workers}")
    if threads is not None:
        server.cmd += ["--threads", str(threads)]
        overridden.append(f"--threads {threads}")
    setup = gunicorn_setup(env, workers, threads)
    setup["overridden"] = ", ".join(overridden)
    return server, setup


class Fetcher:
    """One keep-alive connection: first-byte time, whole time and bytes of a GET."""

    def __init__(self, port):
        self.port = port
        self.conn = None

    def get(self, path, gzip_ok=True, headers=None):
        headers = {"Host": f"127.0.0.1:{self.port}", "Accept": "*/*", **(headers or {})}
        if gzip_ok:
            headers["Accept-Encoding"] = "gzip"
        for attempt in (0, 1):
            reused = self.conn is not None
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                self.conn.connect()  # not part of the timing (keep-alive)
            t0 = time.perf_counter()
            try:
                self.conn.request("GET", path, headers=headers)
                resp = self.conn.getresponse()  # the status line and headers: the first bytes
                t1 = time.perf_counter()
                body = resp.read()
                t2 = time.perf_counter()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.close()
                if reused and attempt == 0:
                    continue
                raise
            head = len(f"HTTP/1.1 {resp.status} {resp.reason}\r\n") + 2
            head += sum(len(k) + len(v) + 4 for k, v in resp.getheaders())
            if resp.will_close:
                self.close()
            return {
                "status": resp.status,
                "first_byte_ms": (t1 - t0) * 1000,
                "total_ms": (t2 - t0) * 1000,
                "bytes": head + len(body),
                "body": body,
                "encoding": resp.getheader("Content-Encoding") or "",
                "etag": resp.getheader("ETag") or "",
                "type": resp.getheader("Content-Type") or "",
            }
        raise AssertionError("unreachable")

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def measure_url(port, path, reps, cap, server_pid, variant=None):
    """`variant`: {"before": called (untimed) before each GET, "etag": send If-None-Match with the ETag
    of the first answer (304 expected)}."""
    variant = variant or {}
    before = variant.get("before") or (lambda: None)
    fetcher = Fetcher(port)
    before()
    first = fetcher.get(path)
    if first["status"] != 200:
        fetcher.close()
        raise RuntimeError(f"GET {path}: {first['status']} {first['body'][:200]!r}")
    extra = {"If-None-Match": first["etag"]} if variant.get("etag") else {}
    expected = 304 if extra else 200
    samples = []
    started = time.perf_counter()
    with CpuMeter(server_pid) as cpu:
        for _ in range(reps):
            before()  # in this process: no work for the server
            samples.append(fetcher.get(path, headers=extra))
            if time.perf_counter() - started > cap:
                break
    plain = fetcher.get(path, gzip_ok=False)
    fetcher.close()
    body = first["body"]
    raw = gzip.decompress(body) if first["encoding"] == "gzip" else body
    fb = [s["first_byte_ms"] for s in samples]
    total = [s["total_ms"] for s in samples]
    return {
        "path": path,
        "n": len(samples),
        "failed": sum(s["status"] != expected for s in samples),
        "status": expected,
        "sample_bytes": pct([s["bytes"] for s in samples], 50),
        "fb50": pct(fb, 50),
        "fb95": pct(fb, 95),
        "t50": pct(total, 50),
        "t95": pct(total, 95),
        "cpu_ms": cpu.figures["server_cpu_s"] * 1000 / len(samples),
        "other_share": cpu.figures["other_cpu_s"] / cpu.figures["capacity_cpu_s"],
        "bytes": first["bytes"] if expected == 200 else samples[0]["bytes"],
        "plain_bytes": plain["bytes"],
        "encoding": first["encoding"] or "none",
        "body": raw,
        "gzip_body": len(gzip.compress(raw, 6)),
        "type": first["type"],
    }


def concurrent_load(port, paths, clients, seconds):
    """`clients` keep-alive clients, each GETting the paths round robin for `seconds`."""
    samples = {p: [] for p in paths}
    failed = Counter()
    lock = threading.Lock()
    barrier = threading.Barrier(clients + 1)
    stop = [0.0]

    def worker(n):
        fetcher = Fetcher(port)
        barrier.wait()
        i = n
        while time.perf_counter() < stop[0]:
            path = paths[i % len(paths)]
            i += 1
            try:
                r = fetcher.get(path)
            except OSError as error:
                with lock:
                    failed[type(error).__name__] += 1
                fetcher.close()
                continue
            with lock:
                if r["status"] == 200:
                    samples[path].append(r["first_byte_ms"])
                else:
                    failed[r["status"]] += 1
        fetcher.close()

    threads = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(clients)]
    for t in threads:
        t.start()
    stop[0] = time.perf_counter() + seconds
    barrier.wait()
    for t in threads:
        t.join(seconds + 60)
    return samples, failed


def burst(port, activity_id, clients):
    """`clients` parallel sign-ups for one activity, released together."""
    path = f"/api/v1/public/{ORG}/activities/{activity_id}/signups"
    barrier = threading.Barrier(clients)
    results = [None] * clients

    def worker(n):
        client = Http(port)
        body = json.dumps({"name": f"Ouder {n + 1}", "people": 1})
        barrier.wait()
        try:
            status, _h, data, secs = client.request("POST", path, body, {"Content-Type": "application/json"})
            try:
                answer = json.loads(data)
            except ValueError:
                answer = {"raw": data[:200].decode(errors="replace")}
            results[n] = (status, secs * 1000, answer)
        except Exception as error:  # reported as a failed request
            results[n] = (type(error).__name__, None, {})
        finally:
            client.close()

    threads = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    wall = time.perf_counter() - started
    return [r or ("no answer", None, {}) for r in results], wall


# --------------------------------------------------------------------------- in-process


def in_process(urls, reps, profile_over_ms, variants=None):
    """Each URL through django.test.Client: statements, time in the database, the rest."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    rows = {}
    profiles = {}
    for name, path in urls:
        variant = (variants or {}).get(name, {})
        before = variant.get("before") or (lambda: None)
        response = client.get(path)  # warm-up (templates, translations)
        if response.status_code != 200:
            rows[name] = {"error": f"status {response.status_code}"}
            continue
        headers = {"if-none-match": response["ETag"]} if variant.get("etag") else {}
        totals, sqls = [], []
        for _ in range(reps):
            before()
            spent = [0.0]

            def timed(execute, sql, params, many, context, spent=spent):
                t = time.perf_counter()
                try:
                    return execute(sql, params, many, context)
                finally:
                    spent[0] += time.perf_counter() - t

            with CaptureQueriesContext(connection) as captured, connection.execute_wrapper(timed):
                t = time.perf_counter()
                client.get(path, headers=headers)
                totals.append((time.perf_counter() - t) * 1000)
            sqls.append(spent[0] * 1000)
        queries = captured.captured_queries
        kinds = Counter(_table_of(q["sql"]) for q in queries)
        rows[name] = {
            "queries": len(queries),
            "total50": pct(totals, 50),
            "sql50": pct(sqls, 50),
            "tables": kinds.most_common(4),
        }
        if pct(totals, 50) > profile_over_ms:
            before()
            profiler = cProfile.Profile()
            profiler.enable()
            client.get(path, headers=headers)
            profiler.disable()
            profiles[name] = own_time(pstats.Stats(profiler))
    return rows, profiles


# Where a function's own time goes: (part of its file name or built-in name, label); the first that fits.
PARTS = [
    ("sqlite3.", "database driver (sqlite3, psycopg)"),
    ("psycopg", "database driver (sqlite3, psycopg)"),
    ("django/template", "Django templates"),
    ("django/db/", "Django ORM"),
    ("icalendar", "icalendar"),
    ("pydantic", "pydantic (ninja's schemas)"),
    ("ninja", "django-ninja"),
    ("translation", "translation (gettext)"),
    ("gettext", "translation (gettext)"),
    ("django/utils/", "Django utils (dates, formats, html, functional)"),
    ("zoneinfo", "dates and time zones"),
    ("datetime", "dates and time zones"),
    ("django/", "Django, other"),
    ("opvoedwijzer/", "Opvoedwijzer's code"),
    ("json", "json"),
]


def own_time(stats, top=10):
    """The own time of one profiled request by part (library), then the functions with most own time."""
    parts = Counter()
    functions = []
    total = 0.0

    def label_of(filename, function):
        where = f"{filename}:{function}"
        return next((name for key, name in PARTS if key in where), None)

    for (filename, line, function), (_cc, calls, own, _cum, callers) in stats.stats.items():
        label = label_of(filename, function)
        if label is None and filename == "~" and callers:
            # A built-in (str.encode, list.append, …): its time goes to the parts that called it.
            spent = sum(c[2] for c in callers.values()) or 1.0
            for (c_file, _l, c_function), c in callers.items():
                parts[label_of(c_file, c_function) or "Python, other"] += own * c[2] / spent
        else:
            parts[label or "Python, other"] += own
        total += own
        short = filename
        for prefix in (str(ROOT) + "/", str(Path(sys.prefix)) + "/lib/", "python3.13/site-packages/"):
            short = short.replace(prefix, "")
        functions.append((own, calls, f"{short}:{line}({function})"))
    lines = [f"own time {total * 1000:.0f} ms (under cProfile, which slows it): by part"]
    lines += [
        f"  {seconds / total:5.1%} {seconds * 1000:7.1f} ms  {name}" for name, seconds in parts.most_common(8)
    ]
    lines.append("functions with the most own time:")
    for own, calls, where in sorted(functions, reverse=True)[:top]:
        lines.append(f"  {own * 1000:7.1f} ms {calls:>7} calls  {where[:110]}")
    return lines


def _table_of(sql):
    """The main table of a statement, for a count of statements per table."""
    words = sql.replace('"', "").split()
    upper = [w.upper() for w in words]
    for key in ("FROM", "INTO", "UPDATE"):
        if key in upper:
            i = upper.index(key)
            if i + 1 < len(words):
                return words[i + 1].split(".")[-1]
    return words[0] if words else "?"


# --------------------------------------------------------------------------- main


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", metavar="URL", help="a PostgreSQL DATABASE_URL (created, then dropped)")
    parser.add_argument("--activities", type=int, default=300)
    parser.add_argument("--reps", type=int, default=40, help="sequential GETs per URL")
    parser.add_argument("--cap", type=float, default=15, help="seconds per URL at most")
    parser.add_argument("--inprocess-reps", type=int, default=5)
    parser.add_argument("--load-clients", type=int, default=8)
    parser.add_argument("--load-seconds", type=float, default=10, help="0: no concurrent load phase")
    parser.add_argument("--bursts", type=int, default=5)
    parser.add_argument("--burst-clients", type=int, default=50)
    parser.add_argument("--places", type=int, default=10)
    parser.add_argument("--workers", type=int, help="override gunicorn.conf.py's workers")
    parser.add_argument("--threads", type=int, help="override gunicorn.conf.py's threads")
    parser.add_argument(
        "--conn-max-age", type=int, default=60, help="the server's CONN_MAX_AGE (make run's .env: 60)"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="keep the database (print where it is)")
    args = parser.parse_args()

    database = Database(args.postgres)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "opvoedwijzer.settings",
        "DATABASE_URL": database.url,
        "DEBUG": "false",
        "TESTING": "true",  # plain http on loopback
        "SECRET_KEY": secrets.token_hex(32),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SIGNUP_RATE_LIMIT_PER_HOUR": "1000000",
        "PYTHONPATH": str(ROOT),
    }
    servers = []  # the gunicorn this run starts (stopped in any case)
    try:
        database.create()
        log(f"database: {database.engine} {masked(database.url)}")
        t = time.perf_counter()
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "seed_demo")
        setup_s = time.perf_counter() - t
        log(f"migrate + seed_demo: {setup_s:.1f} s")
        os.environ.update(env)
        import django

        django.setup()
        measure(args, database, env, setup_s, servers)
    finally:
        for server in servers:
            server.stop()
            if not args.keep:
                Path(server.logfile).unlink(missing_ok=True)
        try:
            from django.db import connections

            connections.close_all()
        except Exception:  # Django not set up yet
            pass
        if args.keep:
            log(f"kept: {masked(database.url)}")
        else:
            database.drop()


def measure(args, database, env, setup_s, servers):
    from django.db import connections
    from django.db.models import Count, Sum

    from opvoedwijzer.activities.forms import AgendaFilterForm
    from opvoedwijzer.activities.models import Activity, Session, SignUp
    from opvoedwijzer.activities.public import agenda_activities
    from opvoedwijzer.core.models import Organisation

    engine = database.engine
    org = Organisation.objects.get(slug=ORG)
    demo_upcoming = agenda_activities(org).count()
    problems = []

    log(f"generating {args.activities} activities through activities.services")
    t = time.perf_counter()
    made, figures = generate_activities(org, args.activities, args.seed)
    gen_s = time.perf_counter() - t
    log(f"generated in {gen_s:.1f} s: { ({str(k): v for k, v in figures.items()}) }")
    if figures["overbooked"]:
        problems.append(
            f"{figures['overbooked']} generated activities have more people confirmed than places"
        )

    # What the pages show, and the URLs.
    on_agenda = agenda_activities(org).count()
    in_place = set(
        Session.objects.filter(activity_id__in=made, location__municipality__isnull=False)
        .values_list("location__municipality__code", flat=True)
        .order_by()
    )
    municipality = max(  # the municipality with the most activities
        in_place,
        key=lambda code: agenda_activities(org).in_municipality(code).count(),
        default="71053",
    )
    theme = (
        Activity.objects.filter(pk__in=made)
        .values("themes__code")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()["themes__code"]
    )
    by_municipality = (
        AgendaFilterForm(org, {"municipality": municipality}).filter(agenda_activities(org)).count()
    )
    by_theme = AgendaFilterForm(org, {"theme": theme}).filter(agenda_activities(org)).count()
    # The activity page: a typical one (median number of sessions, with sign-ups), then others in turn.
    typical = (
        Activity.objects.filter(pk__in=made)
        .annotate(n_sessions=Count("sessions", distinct=True), n_signups=Count("signups", distinct=True))
        .filter(n_signups__gt=0)
        .order_by("-n_sessions", "id")
    )
    typical = list(typical)
    activity = typical[len(typical) // 2] if typical else Activity.objects.get(pk=made[0])
    sessions_total = Session.objects.filter(activity__in=agenda_activities(org).values("pk")).count()
    urls = [
        ("agenda, page 1", f"/{ORG}/agenda/"),
        (f"agenda, municipality {municipality}", f"/{ORG}/agenda/?municipality={municipality}"),
        (f"agenda, theme {theme}", f"/{ORG}/agenda/?theme={theme}"),
        ("activity page", f"/{ORG}/agenda/{activity.pk}/"),
        ("iCalendar feed (all)", f"/{ORG}/agenda.ics"),
        ("public API, JSON list", f"/api/v1/public/{ORG}/activities"),
    ]
    hits = {
        urls[0][0]: on_agenda,
        urls[1][0]: by_municipality,
        urls[2][0]: by_theme,
        urls[3][0]: 1,
        urls[4][0]: on_agenda,
        urls[5][0]: on_agenda,
    }
    # The feed as a calendar app meets it (above: kept by the server between writes), written anew
    # after a write (a change noted before each GET, untimed), and 304 on the ETag it got.
    variants = {}
    try:
        from opvoedwijzer.activities import feeds
    except ImportError:  # the code before feeds.py: the feed was written for every request anyway
        feeds = None
    if feeds is not None:
        for name, variant in [
            ("iCalendar feed, written anew", {"before": lambda: feeds.note_agenda_changed(org)}),
            ("iCalendar feed, 304 on its ETag", {"etag": True}),
        ]:
            urls.append((name, f"/{ORG}/agenda.ics"))
            hits[name] = on_agenda
            variants[name] = variant

    say(
        f"Public agenda at scale — {engine}, {args.activities} generated activities "
        f"({datetime.datetime.now():%Y-%m-%d %H:%M})"
    )
    say(f"command: {' '.join(masked(a) for a in ['.venv/bin/python', *sys.argv])}")
    revision = subprocess.run(
        ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    say(f"project: {revision or '?'}; DEBUG=false, TESTING=true (plain http)")
    say(f"machine: {os.cpu_count()} CPUs, load average {load()} at the start of the measurements")
    say(
        f"data: migrate + seed_demo {setup_s:.0f} s ({demo_upcoming} demo activities on the agenda), then "
        f"{args.activities} published upcoming activities through activities.services in {gen_s:.1f} s: "
        f"{figures['sessions']} weekly sessions, {figures['confirmed'] + figures['waiting']} sign-ups "
        f"({figures['confirmed']} confirmed, {figures['waiting']} waiting, {figures['cancelled']} cancelled "
        f"again), {figures['kinds']} kinds; overbooked: {figures['overbooked']}"
    )
    say(
        f"agenda: {on_agenda} activities, {sessions_total} sessions; municipality {municipality}: "
        f"{by_municipality}; theme {theme}: {by_theme}; activity page: #{activity.pk} "
        f"({activity.sessions.count()} sessions, {activity.signups.count()} sign-ups)"
    )

    # ---- in-process: where the time goes
    log("in-process: django.test.Client, statements and time per URL")
    rows, profiles = in_process(urls, args.inprocess_reps, FIRST_BYTE_BUDGET_MS / 2, variants)
    connections.close_all()

    # ---- gunicorn
    port = free_port()
    logfile = Path(database.tmp or tempfile.gettempdir()) / f"opvoedwijzer-agenda-gunicorn-{port}.log"
    gunicorn, setup = project_gunicorn(env, port, logfile, args.workers, args.threads, args.conn_max_age)
    servers.append(gunicorn)
    gunicorn.start()
    log(f"gunicorn on 127.0.0.1:{port}: {describe_setup(setup)}")
    for _ in range(2 * setup["workers"]):  # warm every worker: a fresh connection each time
        for _name, path in urls:
            fetcher = Fetcher(port)
            fetcher.get(path)
            fetcher.close()
    results = {}
    with CpuMeter(gunicorn.proc.pid) as seq_cpu:
        for name, path in urls:
            try:
                results[name] = measure_url(
                    port, path, args.reps, args.cap, gunicorn.proc.pid, variants.get(name)
                )
            except Exception as error:  # reported, the rest still measured
                problems.append(f"GET {path}: {type(error).__name__}: {error}")
                log(f"  {path}: {error}")
                continue
            r = results[name]
            log(f"  {path}: first byte p50 {ms(r['fb50'])} ms, p95 {ms(r['fb95'])} ms, {kb(r['bytes'])}")

    load_samples = load_failed = None
    if args.load_seconds > 0:
        html = [path for _n, path in urls[:4]]
        log(f"concurrent: {args.load_clients} clients × {args.load_seconds:g} s over the 4 HTML pages")
        with CpuMeter(gunicorn.proc.pid) as load_cpu:
            load_samples, load_failed = concurrent_load(port, html, args.load_clients, args.load_seconds)

    # ---- sign-up bursts
    log(f"sign-up bursts: {args.bursts} × {args.burst_clients} parallel POSTs, {args.places} places")
    warm = fresh_activity(org, args.places, "Bench warm-up")
    connections.close_all()
    for n in range(4):
        Http(port).request(
            "POST",
            f"/api/v1/public/{ORG}/activities/{warm.pk}/signups",
            json.dumps({"name": f"Warm {n}", "people": 1}),
            {"Content-Type": "application/json"},
        )
    bursts = []
    with CpuMeter(gunicorn.proc.pid) as burst_cpu:
        for b in range(args.bursts):
            target = fresh_activity(org, args.places, f"Bench burst {b + 1}")
            connections.close_all()  # nothing of this process holds the database during the burst
            answers, wall = burst(port, target.pk, args.burst_clients)
            in_db = {
                row["status"]: (row["n"], row["people"])
                for row in SignUp.objects.filter(activity=target)
                .values("status")
                .annotate(n=Count("id"), people=Sum("people"))
                .order_by()
            }
            connections.close_all()
            bursts.append((target.pk, answers, wall, in_db))
            codes = Counter(a[0] for a in answers)
            log(f"  burst {b + 1} (#{target.pk}): {dict(codes)} in {wall:.2f} s; database {in_db}")
    gunicorn.stop()
    server_log = gunicorn.log_text()

    # ---- summary
    say()
    say(
        f"Through HTTP: {describe_setup(setup)}, on 127.0.0.1; one keep-alive "
        f"client, {args.reps} sequential GETs per URL after a warm-up (or fewer within {args.cap:g} s). "
        f"First byte: request sent → status line and headers read; total: the whole body. Bytes: "
        f"headers + body as transferred with Accept-Encoding: gzip. Budget: first byte p95 < "
        f"{FIRST_BYTE_BUDGET_MS} ms, < {BYTES_BUDGET // 1000} kB."
    )
    table_rows = []
    for name, _path in urls:
        r = results.get(name)
        if r is None:
            table_rows.append((name, hits[name], "error", "", "", "", "", "", "", "", "", "", "OVER"))
            continue
        time_ok = r["fb95"] < FIRST_BYTE_BUDGET_MS
        size_ok = r["bytes"] < BYTES_BUDGET
        verdict = (
            "OK"
            if time_ok and size_ok
            else "OVER: " + ", ".join(w for w, ok in (("time", time_ok), ("size", size_ok)) if not ok)
        )
        if r["failed"]:
            verdict = f"WRONG: {r['failed']} not {r['status']}"
            problems.append(f"{name}: {r['failed']} of {r['n']} answers were not {r['status']}")
        table_rows.append(
            (
                name,
                hits[name],
                r["n"],
                ms(r["fb50"]),
                ms(r["fb95"]),
                ms(r["t50"]),
                ms(r["t95"]),
                ms(r["cpu_ms"]),
                f"{r['other_share']:.0%}",
                kb(r["bytes"]),
                r["encoding"],
                kb(r["gzip_body"]),
                verdict,
            )
        )
        if not (time_ok and size_ok):
            problems.append(
                f"{name}: "
                + ("" if time_ok else f"first byte p95 {ms(r['fb95'])} ms ")
                + ("" if size_ok else f"{kb(r['bytes'])} transferred")
            )
    say(
        table(
            [
                "GET",
                "items",
                "runs",
                "1st byte p50",
                "p95 ms",
                "total p50",
                "p95 ms",
                "server CPU ms",
                "other CPU",
                "transferred",
                "gzip?",
                "gzipped would be",
                "budget",
            ],
            table_rows,
        )
    )
    say(
        "items: activities on the page's list (the agenda shows 20 a page); server CPU ms: CPU of the "
        "gunicorn workers per request (what a request costs, less disturbed by other work than the "
        "latency); other CPU: share of the machine other processes used meanwhile (on PostgreSQL the "
        "database server's too); gzip?: "
        "Content-Encoding sent"
    )
    say(f"paths: {'; '.join(f'{name} = {path}' for name, path in urls)}")
    api = results.get("public API, JSON list")
    feed = results.get("iCalendar feed (all)")
    if api:
        items = json.loads(api["body"])
        per = len(api["body"]) / max(1, len(items))
        say(
            f"public API: not paginated — {len(items)} activities in one answer, "
            f"{kb(len(api['body']))} of JSON ({per:,.0f} B per activity: "
            f"{BYTES_BUDGET / per:,.0f} activities fit in 100 kB; 1 000 would be {kb(per * 1000)})"
        )
    if feed:
        events = feed["body"].count(b"BEGIN:VEVENT")
        per = len(feed["body"]) / max(1, events)
        say(
            f"iCalendar feed: {events} events (one per session) of {on_agenda} activities, "
            f"{kb(len(feed['body']))} ({per:,.0f} B per event); {feed['type']}"
        )
    same = [n for n, r in results.items() if r["plain_bytes"] == r["bytes"]]
    if len(same) == len(results):
        say("compression: the server sends no Content-Encoding (gzip asked or not: the same bytes)")
    c = seq_cpu.figures
    say(
        f"CPU during the sequential GETs: server {c['server_cpu_s']:.1f} s, this client "
        f"{c['client_cpu_s']:.1f} s, other processes {c['other_cpu_s']:.1f} s of "
        f"{c['capacity_cpu_s']:.0f} s capacity"
        + (
            " — DISTURBED: the figures are pessimistic"
            if c["other_cpu_s"] > 0.1 * c["capacity_cpu_s"]
            else ""
        )
    )

    if load_samples is not None:
        say()
        say(
            f"Concurrent: {args.load_clients} keep-alive clients back to back for {args.load_seconds:g} s "
            f"over the 4 HTML pages round robin (first byte; a closed loop at saturation: the latency is the "
            f"queue, the throughput is the figure)"
        )
        total_ok = sum(len(v) for v in load_samples.values())
        say(
            table(
                ["GET", "ok", "1st byte p50", "p95 ms", "max ms"],
                [
                    (
                        next(n for n, p in urls if p == path),
                        len(v),
                        ms(pct(v, 50)),
                        ms(pct(v, 95)),
                        ms(max(v) if v else None),
                    )
                    for path, v in load_samples.items()
                ],
            )
        )
        c = load_cpu.figures
        say(
            f"{total_ok / args.load_seconds:.0f} pages/s, failed: {dict(load_failed) or 'none'}; CPU: server "
            f"{c['server_cpu_s']:.1f} s ({c['server_cpu_s'] / max(1, total_ok) * 1000:.1f} ms a page), "
            f"client {c['client_cpu_s']:.1f} s, other {c['other_cpu_s']:.1f} s of {c['capacity_cpu_s']:.0f} s"
        )
        if load_failed:
            problems.append(f"concurrent GETs failed: {dict(load_failed)}")

    say()
    say(
        "In-process, no HTTP (the server not running): django.test.Client, p50 of "
        f"{args.inprocess_reps} warm runs; queries counted by CaptureQueriesContext, SQL = time in "
        "cursor.execute() (connection.execute_wrapper), rest = Python (view, ORM, templates, serialising)"
    )
    say(
        table(
            ["GET", "queries", "total ms", "SQL ms", "rest ms", "statements per table"],
            [
                (
                    name,
                    rows[name].get("queries", "?"),
                    ms(rows[name].get("total50")),
                    ms(rows[name].get("sql50")),
                    ms(rows[name]["total50"] - rows[name]["sql50"]) if "total50" in rows[name] else "—",
                    rows[name].get("error") or ", ".join(f"{t} {n}" for t, n in rows[name]["tables"]),
                )
                for name, _path in urls
            ],
        )
    )
    for name, lines in profiles.items():
        say()
        say(f"cProfile of one in-process GET — {name}:")
        for line in lines:
            say("  " + line)

    say()
    say(
        f"Sign-up bursts: {args.burst_clients} parallel POST /api/v1/public/{ORG}/activities/<id>/signups "
        f'{{"name": "Ouder n", "people": 1}} released together (threading.Barrier), on {args.bursts} fresh '
        f"activities with {args.places} places; latency client-observed, each on a new connection"
    )
    burst_rows = []
    all_latency = []
    for i, (pk, answers, wall, in_db) in enumerate(bursts, start=1):
        codes = Counter(a[0] for a in answers)
        statuses = Counter(a[2].get("status") for a in answers if a[0] == 201)
        latency = [a[1] for a in answers if a[1] is not None]
        all_latency += latency
        confirmed_db = in_db.get("confirmed", (0, 0))
        waiting_db = in_db.get("waiting", (0, 0))
        expected_waiting = args.burst_clients - args.places
        ok = (
            codes == Counter({201: args.burst_clients})
            and statuses["confirmed"] == args.places
            and statuses["waiting"] == expected_waiting
            and confirmed_db == (args.places, args.places)
            and waiting_db[0] == expected_waiting
            and sum(n for n, _p in in_db.values()) == args.burst_clients
        )
        burst_rows.append(
            (
                f"{i} (#{pk})",
                " ".join(f"{k}×{v}" for k, v in sorted(codes.items(), key=str)),
                f"{statuses['confirmed']}/{statuses['waiting']}",
                f"{confirmed_db[0]}/{waiting_db[0]}",
                ms(pct(latency, 50)),
                ms(pct(latency, 95)),
                ms(max(latency) if latency else None),
                f"{wall:.2f}",
                "OK" if ok else "WRONG",
            )
        )
        if not ok:
            problems.append(f"burst {i}: codes {dict(codes)}, answers {dict(statuses)}, database {in_db}")
        if any(isinstance(k, int) and k >= 500 for k in codes):
            problems.append(f"burst {i}: 5xx answers {dict(codes)}")
    say(
        table(
            [
                "burst",
                "status codes",
                "answers conf/wait",
                "db conf/wait",
                "p50 ms",
                "p95 ms",
                "max ms",
                "wall s",
                "",
            ],
            burst_rows,
        )
    )
    say(
        f"all bursts: p50 {ms(pct(all_latency, 50))} ms, p95 {ms(pct(all_latency, 95))} ms, max "
        f"{ms(max(all_latency) if all_latency else None)} ms over {len(all_latency)} sign-ups"
    )
    c = burst_cpu.figures
    say(
        f"CPU during the bursts: server {c['server_cpu_s']:.1f} s, client {c['client_cpu_s']:.1f} s, other "
        f"{c['other_cpu_s']:.1f} s of {c['capacity_cpu_s']:.0f} s"
    )
    say(
        "rate limit: SIGNUP_RATE_LIMIT_PER_HOUR=1000000 for this run (default 200 per address per hour, "
        "counted in the database, shared by every worker; not measured here)"
    )
    tracebacks = server_log.count("Traceback")
    locked = server_log.count("database is locked")
    say()
    say(
        f"server log: {tracebacks} tracebacks, {locked} 'database is locked', "
        f"{server_log.count('WORKER TIMEOUT')} worker timeouts"
    )
    if tracebacks or locked:
        problems.append(f"server log: {tracebacks} tracebacks, {locked} 'database is locked'")
        for line in gunicorn.log_tail(15).splitlines():
            say("  " + line)
    say(f"database size: {database.size() / 1e6:.0f} MB; load average {load()} at the end")
    say("problems: " + ("none" if not problems else ""))
    for problem in problems:
        say(f"  - {problem}")
    OUT.mkdir(exist_ok=True)
    text = "\n".join(LINES) + "\n"
    (OUT / "agenda-latest.txt").write_text(text)
    (OUT / f"agenda-{engine}.txt").write_text(text)
    log(f"summary written to bench/out/agenda-latest.txt and bench/out/agenda-{engine}.txt")


if __name__ == "__main__":
    main()
