"""Opvoedwijzer benchmark: registration under 20 concurrent clients, stats at 100 000 contacts.

    make bench                     # or: .venv/bin/python bench/run.py [--contacts N] [--keep]
    .venv/bin/python bench/run.py --postgres postgresql://opvoedwijzer:opvoedwijzer@127.0.0.1/opvoedwijzer_bench

Self-contained: a fresh SQLite database in a temporary directory (or the PostgreSQL database named,
dropped and made anew: its name must contain "bench"), the demo data plus generated
contacts (bench/generate.py), gunicorn on a free loopback port, HTTP clients in threads
(http.client, keep-alive, 127.0.0.1 only). Nothing in the app is changed or instrumented.
The summary is printed at the end and written to bench/out/latest.txt (figures in latest.json).
"""

import argparse
import datetime
import http.client
import json
import os
import random
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from http.cookies import SimpleCookie
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
VENV_BIN = Path(sys.executable).parent
OUT = HERE / "out"

ORG = "zuid-limburg"
API_USER = f"staff@{ORG}.demo"
# Who registers through the web form (round robin over the clients).
FORM_USERS = [f"staff@{ORG}.demo", f"coordinator@{ORG}.demo", f"volunteer@{ORG}.demo"]
STATS_BY = [
    "",
    "municipality",
    "theme",
    "municipality,theme",
    "channel",
    "life_stage",
    "offer",
    "month",
    "municipality,month",
]
# Budgets from the design.
REGISTRATION_P95_BUDGET_MS = 50  # paced staff (the design's budget)
BACK_TO_BACK_P95_BUDGET_MS = 100  # 20 staff back to back (issue 13)
STATS_BUDGET_MS = 1000  # "well under 1 s": flagged when p95 is over half of it

T0 = time.perf_counter()


def log(msg):
    print(f"[{time.perf_counter() - T0:6.1f}s] {msg}", flush=True)


# --------------------------------------------------------------------------- figures


def pct(values, p):
    """Percentile with linear interpolation (p in 0..100)."""
    values = sorted(values)
    if not values:
        return float("nan")
    k = (len(values) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def ms(x):
    return "—" if x is None or x != x else (f"{x:.1f}" if x < 100 else f"{x:.0f}")


def table(headers, rows):
    cells = [[str(c) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(headers)]
    line = "  ".join(
        h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(headers, widths, strict=True))
    )
    out = [line, "  ".join("-" * w for w in widths)]
    for r in cells:
        out.append(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))
            )
        )
    return "\n".join(out)


# --------------------------------------------------------------------------- processes


CLK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _proc_stat(pid):
    """(ppid, cpu seconds) of a process from /proc (Linux); None when unreadable."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / CLK


def tree_cpu(root_pid):
    """CPU seconds used so far by a process and its live descendants (the gunicorn workers)."""
    stats = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            st = _proc_stat(entry.name)
            if st is not None:
                stats[int(entry.name)] = st
    total, todo, seen = 0.0, [root_pid], set()
    while todo:
        pid = todo.pop()
        if pid in seen or pid not in stats:
            continue
        seen.add(pid)
        total += stats[pid][1]
        todo += [p for p, (ppid, _c) in stats.items() if ppid == pid]
    return total


def system_busy():
    """CPU seconds spent busy by the whole machine so far (all cores), from /proc/stat."""
    try:
        values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    except OSError:
        return float("nan")
    idle = values[3] + (values[4] if len(values) > 4 else 0)
    return (sum(values[:8]) - idle) / CLK


class CpuMeter:
    """Who used the CPU during a phase: the server (gunicorn tree), this bench process (the HTTP
    clients), and everything else on the machine (other jobs disturb the figures)."""

    def __init__(self, server_pid=None):
        self.server_pid = server_pid  # None: the measured work runs in a finished child process

    def _server(self):
        if self.server_pid is None:
            return sum(os.times()[2:4])  # children that have been waited for
        return tree_cpu(self.server_pid)

    def __enter__(self):
        self.start = (time.perf_counter(), self._server(), sum(os.times()[:2]), system_busy())
        return self

    def __exit__(self, *exc):
        end = (time.perf_counter(), self._server(), sum(os.times()[:2]), system_busy())
        wall, server, client, busy = (e - s for e, s in zip(end, self.start, strict=True))
        self.figures = {
            "wall_s": wall,
            "server_cpu_s": server,
            "client_cpu_s": client,
            "other_cpu_s": max(0.0, busy - server - client),
            "capacity_cpu_s": wall * (os.cpu_count() or 1),
        }
        return False


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"manage.py {' '.join(args)} failed ({result.returncode})")
    return result.stdout


def prepare_postgres(url):
    """Drop and create the bench database (its name must say so)."""
    name = urllib.parse.urlparse(url).path.lstrip("/")
    if "bench" not in name:
        raise SystemExit("The PostgreSQL database's name must contain 'bench' (it is dropped and made anew).")
    import psycopg

    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def drop_postgres(url):
    import psycopg

    name = urllib.parse.urlparse(url).path.lstrip("/")
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gunicorn:
    """gunicorn as `make run` and the production recipe start it: the project's gunicorn.conf.py (read
    from the project folder), with only the address, and workers/threads when asked, on the command line."""

    def __init__(self, env, port, logfile, workers=None, threads=None):
        self.port = port
        self.logfile = logfile
        self.cmd = [str(VENV_BIN / "gunicorn"), "opvoedwijzer.wsgi", "-b", f"127.0.0.1:{port}"]
        self.cmd += ["-w", str(workers)] if workers else []
        self.cmd += ["--threads", str(threads)] if threads else []
        self.env = env
        self.proc = None

    def start(self, wait=30):
        self._log = open(self.logfile, "w")  # noqa: SIM115
        self.proc = subprocess.Popen(
            self.cmd,
            cwd=ROOT,
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"gunicorn exited ({self.proc.returncode}); log:\n{self.log_tail()}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", "/health/", headers={"Host": f"127.0.0.1:{self.port}"})
                resp = conn.getresponse()
                body = resp.read()
                conn.close()
                if resp.status == 200:
                    return json.loads(body)
            except OSError:
                pass
            time.sleep(0.2)
        raise SystemExit(f"gunicorn did not answer /health/ within {wait} s; log:\n{self.log_tail()}")

    def stop(self):
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)  # the master stops its workers
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)  # our own process group (start_new_session)
            self.proc.wait(timeout=5)
        self._log.close()

    def log_text(self):
        try:
            return Path(self.logfile).read_text(errors="replace")
        except OSError:
            return ""

    def log_tail(self, n=40):
        return "\n".join(self.log_text().splitlines()[-n:])


# --------------------------------------------------------------------------- HTTP client


class Http:
    """One keep-alive connection to the server with a small cookie jar."""

    def __init__(self, port, timeout=60):
        self.port = port
        self.timeout = timeout
        self.conn = None
        self.cookies = {}
        self.reconnects = 0

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def request(self, method, path, body=None, headers=None):
        """(status, headers, body bytes, seconds). Retries once when a kept-alive connection
        turns out to have been closed by the server before the request was read."""
        hdrs = {"Host": f"127.0.0.1:{self.port}", **(headers or {})}
        if self.cookies:
            hdrs["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in (0, 1):
            reused = self.conn is not None
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
            started = time.perf_counter()
            try:
                self.conn.request(method, path, body=body, headers=hdrs)
                resp = self.conn.getresponse()
                data = resp.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.close()
                if reused and attempt == 0:
                    self.reconnects += 1
                    continue
                raise
            elapsed = time.perf_counter() - started
            for raw in resp.headers.get_all("Set-Cookie") or []:
                jar = SimpleCookie()
                jar.load(raw)
                for name, morsel in jar.items():
                    if morsel["max-age"] == "0" or not morsel.value:
                        self.cookies.pop(name, None)
                    else:
                        self.cookies[name] = morsel.value
            if resp.will_close:
                self.close()
            return resp.status, resp.headers, data, elapsed
        raise AssertionError("unreachable")


def form_body(fields):
    """application/x-www-form-urlencoded; list values become repeated keys."""
    pairs = []
    for k, v in fields.items():
        for item in v if isinstance(v, list) else [v]:
            pairs.append((k, item))
    return urllib.parse.urlencode(pairs)


def login(client, email, password):
    status, _h, _b, _t = client.request("GET", "/accounts/login/")
    if status != 200 or "csrftoken" not in client.cookies:
        raise RuntimeError(f"login page: {status}, cookies {sorted(client.cookies)}")
    body = form_body(
        {"csrfmiddlewaretoken": client.cookies["csrftoken"], "login": email, "password": password}
    )
    status, _headers, data, took = client.request(
        "POST",
        "/accounts/login/",
        body,
        {"Content-Type": "application/x-www-form-urlencoded"},
    )
    if status != 302 or "sessionid" not in client.cookies:
        raise RuntimeError(f"login failed: {status} {data[:300]!r}")
    return took


# --------------------------------------------------------------------------- load phases


class Load:
    """N client threads, each doing `per_client` iterations of `step(i, client, rng)`, started
    together and stopped at `limit` seconds. `step` returns a list of (kind, seconds, ok, detail)."""

    def __init__(self, clients, per_client, limit, think=None):
        self.clients, self.per_client, self.limit = clients, per_client, limit
        self.think = think  # (min, max) seconds between a client's requests; None: back to back
        self.reconnects = 0
        self.client_list = []
        self.samples = {}
        self.errors = []
        self.lock = threading.Lock()

    def run(self, setup, step):
        barrier = threading.Barrier(self.clients + 1)
        go = threading.Event()
        stop_at = [None]
        setup_errors = []

        def worker(n):
            rng = random.Random(1000 + n)
            try:
                client = setup(n, rng)
                with self.lock:
                    self.client_list.append(client)
            except Exception as exc:
                setup_errors.append(f"client {n}: {exc!r}")
                client = None
            barrier.wait()
            go.wait()
            if client is None:
                return
            if self.think:  # spread the clients' starts over one think time
                time.sleep(rng.uniform(0, self.think[1]))
            for i in range(self.per_client):
                if time.perf_counter() > stop_at[0]:
                    break
                if self.think and i:
                    time.sleep(rng.uniform(*self.think))
                try:
                    results = step(i, client, rng)
                except Exception as exc:
                    results = [("error", None, False, repr(exc))]
                    client.close()
                with self.lock:
                    for kind, secs, ok, detail in results:
                        s = self.samples.setdefault(kind, {"ms": [], "ok": 0, "failed": 0})
                        if secs is not None:
                            s["ms"].append(secs * 1000)
                        s["ok" if ok else "failed"] += 1
                        if not ok and len(self.errors) < 10:
                            self.errors.append(f"{kind}: {detail}")
            client.close()
            with self.lock:
                self.reconnects += client.reconnects

        threads = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(self.clients)]
        for t in threads:
            t.start()
        barrier.wait()  # every client is set up (logged in, bodies drawn)
        started = time.perf_counter()
        stop_at[0] = started + self.limit
        go.set()
        for t in threads:
            t.join(self.limit + 90)
        self.wall = time.perf_counter() - started
        self.setup_errors = setup_errors
        self.timed_out = any(t.is_alive() for t in threads)
        return self

    def figures(self, kind):
        s = self.samples.get(kind, {"ms": [], "ok": 0, "failed": 0})
        v = s["ms"]
        return {
            "n": len(v),
            "ok": s["ok"],
            "failed": s["failed"] + self.samples.get("error", {}).get("failed", 0),
            "p50": pct(v, 50),
            "p95": pct(v, 95),
            "p99": pct(v, 99),
            "max": max(v) if v else float("nan"),
            "throughput": s["ok"] / self.wall if self.wall else 0.0,
            "wall": self.wall,
            "reconnects": self.reconnects,
            "incomplete": self.clients * self.per_client - s["ok"] - s["failed"],
        }


def api_registration(port, token, drawer, clients, per_client, limit, think=None):
    auth = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}

    def setup(n, rng):
        client = Http(port)
        client.bodies = []
        for _ in range(per_client):
            c = drawer.draw(rng, recent_days=14)
            c["date"] = c["date"].isoformat()
            c["language"] = c["language"] or None
            client.bodies.append(json.dumps(c))
        return client

    def step(i, client, rng):
        status, _h, data, secs = client.request("POST", "/api/v1/contacts", client.bodies[i], auth)
        ok = status == 201
        return [("api_post", secs, ok, "" if ok else f"{status} {data[:300]!r}")]

    return Load(clients, per_client, limit, think).run(setup, step)


def web_registration(port, password, drawer, clients, per_client, limit):
    path = f"/o/{ORG}/contacts/new/"

    def setup(n, rng):
        client = Http(port)
        client.login_ms = login(client, FORM_USERS[n % len(FORM_USERS)], password) * 1000
        status, _h, _data, _t = client.request("GET", path)
        if status != 200:
            raise RuntimeError(f"GET {path} after login: {status}")
        client.forms = []
        for _ in range(per_client):
            c = drawer.draw(rng, recent_days=14)
            client.forms.append(
                {
                    **{k: v for k, v in c.items() if k != "themes"},
                    "date": c["date"].isoformat(),
                    "main_theme": c["themes"][0],
                    "themes": c["themes"][1:],
                }
            )
        return client

    def step(i, client, rng):
        body = form_body({"csrfmiddlewaretoken": client.cookies.get("csrftoken", ""), **client.forms[i]})
        status, headers, data, secs = client.request(
            "POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"}
        )
        location = headers.get("Location", "")
        ok = status == 302 and location.endswith(path)
        out = [("form_post", secs, ok, "" if ok else f"{status} {location} {data[:200]!r}")]
        if ok:  # the browser follows the redirect: the page with the message and recent contacts
            status, _h, data, secs = client.request("GET", location)
            ok = status == 200 and b"message--success" in data  # "Contact registered." in any language
            out.append(("form_get", secs, ok, "" if ok else f"GET {status} {data[:200]!r}"))
        return out

    load = Load(clients, per_client, limit).run(setup, step)
    load.logins = [c.login_ms for c in load.client_list if hasattr(c, "login_ms")]
    return load


def stats_endpoint(port, token, start, end, reps, per_query_limit):
    client = Http(port)
    auth = {"Authorization": f"Bearer {token}"}
    out = {}
    for by in STATS_BY:
        q = urllib.parse.urlencode({"from": start.isoformat(), "to": end.isoformat(), "by": by})
        times, failed, body = [], 0, None
        began = time.perf_counter()
        for _ in range(reps):
            status, _h, data, secs = client.request("GET", f"/api/v1/contacts/stats?{q}", None, auth)
            if status == 200:
                times.append(secs * 1000)
                body = data
            else:
                failed += 1
                body = body or data
            if time.perf_counter() - began > per_query_limit:
                break
        parsed = json.loads(body) if body and failed < reps else {}
        out[by] = {
            "n": len(times),
            "failed": failed,
            "p50": pct(times, 50),
            "p95": pct(times, 95),
            "max": max(times) if times else float("nan"),
            "rows": len(parsed.get("rows", [])),
            "total": parsed.get("total"),
            "body": parsed,
        }
    client.close()
    return out


# --------------------------------------------------------------------------- raw SQL


RAW_DIMS = {
    # dimension → (select expression, joins)
    "municipality": (
        "COALESCE(m.code, c.area)",
        "LEFT JOIN core_municipality m ON m.id = c.municipality_id",
    ),
    "theme": (
        "t.code",
        "LEFT JOIN contacts_contacttheme ct ON ct.contact_id = c.id "
        "LEFT JOIN taxonomy_theme t ON t.id = ct.theme_id",
    ),
    "channel": ("ch.code", "JOIN taxonomy_channel ch ON ch.id = c.channel_id"),
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
    "month": ("substr(c.date, 1, 7)", ""),
}


def raw_sql(by, org_id):
    """The same aggregate written by hand: the total, then distinct contacts per combination."""
    where = "c.organisation_id = ? AND c.date >= ? AND c.date <= ?"
    total = f"SELECT COUNT(*) FROM contacts_contact c WHERE {where}"
    dims = [d for d in by.split(",") if d]
    if not dims:
        return total, None
    selects = [RAW_DIMS[d][0] for d in dims]
    joins = " ".join(RAW_DIMS[d][1] for d in dims if RAW_DIMS[d][1])
    groups = ", ".join(str(i + 1) for i in range(len(dims)))
    grouped = (
        f"SELECT {', '.join(selects)}, COUNT(DISTINCT c.id) FROM contacts_contact c {joins} "
        f"WHERE {where} GROUP BY {groups}"
    )
    return total, grouped


def stats_raw(db_path, start, end, reps, per_query_limit=10):
    db = sqlite3.connect(db_path)
    org_id = db.execute("SELECT id FROM core_organisation WHERE slug = ?", (ORG,)).fetchone()[0]
    params = (org_id, start.isoformat(), end.isoformat())
    out = {}
    for by in STATS_BY:
        total_sql, grouped_sql = raw_sql(by, org_id)
        times, rows = [], []
        began = time.perf_counter()
        for _ in range(reps):
            t = time.perf_counter()
            total = db.execute(total_sql, params).fetchone()[0]
            rows = db.execute(grouped_sql, params).fetchall() if grouped_sql else []
            times.append((time.perf_counter() - t) * 1000)
            if time.perf_counter() - began > per_query_limit:
                break
        out[by] = {
            "n": len(times),
            "p50": pct(times, 50),
            "p95": pct(times, 95),
            "rows": rows,
            "total": total,
        }
        out[by]["plan"] = [
            r[3] for r in db.execute("EXPLAIN QUERY PLAN " + (grouped_sql or total_sql), params)
        ]
    db.close()
    return out


def same_counts(by, endpoint_body, raw):
    """Do the endpoint's rows equal the raw SQL's? (None when the endpoint gave nothing)"""
    if not endpoint_body:
        return None
    dims = [d for d in by.split(",") if d]
    got = {tuple(r[d] for d in dims): r["count"] for r in endpoint_body.get("rows", [])}
    want = {tuple(r[:-1]): r[-1] for r in raw["rows"]}
    return got == want and endpoint_body.get("total") == raw["total"]


# --------------------------------------------------------------------------- main


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=50, help="API POSTs per client, back to back")
    parser.add_argument(
        "--paced-requests", type=int, default=10, help="API POSTs per client, with think time"
    )
    parser.add_argument("--think", default="0.5,2.5", help="think time range (s) of the paced run")
    parser.add_argument("--form-requests", type=int, default=25, help="form POSTs per client")
    parser.add_argument("--limit", type=float, default=60, help="seconds per load phase at most")
    parser.add_argument(
        "--max-seconds",
        type=float,
        default=285,
        help="the whole run's time budget: later phases are cut short to stay within it",
    )
    parser.add_argument("--stats-reps", type=int, default=20)
    parser.add_argument("--raw-reps", type=int, default=5)
    parser.add_argument("--service-iterations", type=int, default=500)
    parser.add_argument("--workers", type=int, default=None, help="default: gunicorn.conf.py's")
    parser.add_argument("--threads", type=int, default=None, help="default: gunicorn.conf.py's")
    parser.add_argument(
        "--conn-max-age", default="60", help="CONN_MAX_AGE for the server (60, as make run's .env writes it)"
    )
    parser.add_argument("--no-form", action="store_true", help="skip the web form load")
    parser.add_argument("--keep", action="store_true", help="keep the temporary database")
    parser.add_argument("--postgres", metavar="URL", help="a PostgreSQL database instead of SQLite")
    args = parser.parse_args()
    think = tuple(float(x) for x in args.think.split(","))
    deadline = T0 + args.max_seconds

    def phase_limit(reserve):
        """Seconds a load phase may take: its own limit, less when the run's budget runs short
        (`reserve`: what the later phases need)."""
        return max(5.0, min(args.limit, deadline - time.perf_counter() - reserve))

    def per_query(reserve, cap):
        return max(1.0, min(cap, (deadline - time.perf_counter() - reserve) / len(STATS_BY)))

    tmp = Path(tempfile.mkdtemp(prefix="opvoedwijzer-bench-"))
    db_path = tmp / "bench.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "opvoedwijzer.settings",
        "DATABASE_URL": args.postgres or f"sqlite:///{db_path}",  # absolute path: sqlite:////tmp/…
        "DEBUG": "false",
        "TESTING": "false",
        "SECRET_KEY": secrets.token_hex(32),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "PLAIN_HTTP": "true",
        "ENV_FILE": os.devnull,  # not the settings `make run` wrote for this folder
        "STATIC_ROOT": str(tmp / "static"),
        "PYTHONPATH": str(ROOT),
    }
    if args.conn_max_age is not None:
        env["CONN_MAX_AGE"] = args.conn_max_age
    args.conn_max_age = env.get("CONN_MAX_AGE")  # also when it came from the environment
    os.environ.update(env)  # this process reads the taxonomy weights through Django too
    results = {
        "started": datetime.datetime.now().isoformat(timespec="seconds"),
        "args": vars(args),
        "loadavg_before": _loadavg(),
        "cpu": {},
    }
    gunicorn = None
    if args.postgres:
        prepare_postgres(args.postgres)
    try:
        # 1. Database and data.
        log(f"database {'PostgreSQL' if args.postgres else db_path}")
        t = time.perf_counter()
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "seed_demo")
        manage(env, "collectstatic", "--noinput", "-v", "0", "-i", "ninja", "-i", "admin")  # as make run
        results["setup_s"] = time.perf_counter() - t
        log(f"migrate + seed_demo: {results['setup_s']:.1f} s")
        gen = subprocess.run(
            [sys.executable, str(HERE / "generate.py"), "--org", ORG, "--count", str(args.contacts)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=240,
        )
        if gen.returncode != 0:
            raise SystemExit(f"generate.py failed:\n{gen.stdout}{gen.stderr}")
        results["generate_line"] = gen.stdout.strip()
        results["generate_s"] = float(gen.stdout.split(" in ")[1].split(" s")[0])
        log(results["generate_line"])

        sys.path.insert(0, str(HERE))
        import generate
        from django.db import connections
        from django.utils import timezone

        from opvoedwijzer.core.models import Organisation
        from opvoedwijzer.demo.management.commands.seed_demo import DEMO_PASSWORD

        drawer = generate.drawer_for(Organisation.objects.get(slug=ORG))
        connections.close_all()
        today = timezone.localdate()
        start = today - datetime.timedelta(days=365)
        token = manage(env, "create_api_token", API_USER, "--name", "bench").strip().splitlines()[-1]

        # In-process service time (no HTTP; before the server starts, so nothing competes).
        ip_out = tmp / "inprocess.json"
        t = time.perf_counter()
        with CpuMeter() as cpu:
            ip = subprocess.run(
                [
                    sys.executable,
                    str(HERE / "inprocess.py"),
                    "--out",
                    str(ip_out),
                    "--iterations",
                    str(args.service_iterations),
                    "--dims",
                    ";".join(STATS_BY),
                    "--stats-reps",
                    "3",
                ],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=240,
            )
        results["cpu"]["in-process"] = cpu.figures
        if ip.returncode != 0:
            raise SystemExit(f"inprocess.py failed:\n{ip.stdout}{ip.stderr}")
        results["inprocess"] = json.loads(ip_out.read_text())
        rc = results["inprocess"]["register_contact"]
        log(
            f"in-process ({time.perf_counter() - t:.1f} s): register_contact p50 {ms(rc['p50'])} ms, "
            f"p95 {ms(rc['p95'])} ms"
        )

        # 2. Server.
        port = free_port()
        gunicorn = Gunicorn(env, port, tmp / "gunicorn.log", args.workers, args.threads)
        health = gunicorn.start()
        log(
            f"gunicorn on 127.0.0.1:{port} (gunicorn.conf.py, -w {args.workers}, --threads {args.threads}): "
            f"{health}"
        )
        warm_up(port, token, drawer, start, today)

        # 3. Registration through the API: back to back (saturation), then paced (realistic).
        log(f"API registration: {args.clients} clients × {args.requests} POST, back to back")
        with CpuMeter(gunicorn.proc.pid) as cpu:
            api = api_registration(port, token, drawer, args.clients, args.requests, phase_limit(150))
        results["api"] = {**api.figures("api_post"), "errors": api.errors + api.setup_errors}
        results["cpu"]["api"] = cpu.figures
        log(_fig_line("API POST", results["api"]))
        log(
            f"API registration, paced: {args.clients} clients × {args.paced_requests} POST, "
            f"think time {think[0]}–{think[1]} s"
        )
        with CpuMeter(gunicorn.proc.pid) as cpu:
            paced = api_registration(
                port, token, drawer, args.clients, args.paced_requests, phase_limit(120), think=think
            )
        results["api_paced"] = {**paced.figures("api_post"), "errors": paced.errors + paced.setup_errors}
        results["cpu"]["api_paced"] = cpu.figures
        log(_fig_line("API POST paced", results["api_paced"]))

        # 3b. Registration through the web form (logged-in sessions).
        if not args.no_form:
            log(
                f"web form: {args.clients} clients log in, then {args.form_requests} POST "
                "(+ redirect GET) each"
            )
            with CpuMeter(gunicorn.proc.pid) as cpu:
                web = web_registration(
                    port, DEMO_PASSWORD, drawer, args.clients, args.form_requests, phase_limit(80)
                )
            results["form_post"] = {**web.figures("form_post"), "errors": web.errors + web.setup_errors}
            results["form_get"] = web.figures("form_get")
            results["cpu"]["form"] = cpu.figures  # includes the logins
            results["login_ms"] = {
                "n": len(web.logins),
                "p50": pct(web.logins, 50),
                "max": max(web.logins or [0]),
            }
            log(_fig_line("form POST", results["form_post"]))
            log(_fig_line("form GET (redirect)", results["form_get"]))

        # 4. Stats.
        log(f"stats: {len(STATS_BY)} queries × {args.stats_reps}, sequential")
        with CpuMeter(gunicorn.proc.pid) as cpu:
            results["stats"] = stats_endpoint(
                port, token, start, today, args.stats_reps, per_query_limit=per_query(25, 15)
            )
        results["cpu"]["stats"] = cpu.figures
    finally:
        if gunicorn is not None:
            gunicorn.stop()
            text = gunicorn.log_text()
            results["server_log"] = {
                "tracebacks": text.count("Traceback"),
                "database_locked": text.count("database is locked"),
                "worker_timeouts": text.count("WORKER TIMEOUT"),
                "tail": gunicorn.log_tail(15) if "Traceback" in text or "TIMEOUT" in text else "",
            }
            log("gunicorn stopped")
        if not args.keep and "stats" not in results:
            shutil.rmtree(tmp, ignore_errors=True)

    if args.postgres:
        # The counts are compared with hand-written SQL at scale by reports_scale.py (both databases).
        results["raw"] = None
        for s in results["stats"].values():
            s["match"] = None
            s.pop("body")
        import psycopg

        with psycopg.connect(args.postgres) as db:
            results["contacts_in_db"] = db.execute("SELECT COUNT(*) FROM contacts_contact").fetchone()[0]
    else:
        # Raw SQL on the same data, after the server has stopped (nothing competes for the CPU).
        log(f"raw SQL: {len(STATS_BY)} queries × {args.raw_reps}")
        with CpuMeter() as cpu:
            results["raw"] = stats_raw(db_path, start, today, args.raw_reps, per_query_limit=per_query(3, 10))
        results["cpu"]["raw SQL"] = cpu.figures
        for by, s in results["stats"].items():
            s["match"] = same_counts(by, s.pop("body"), results["raw"][by])
        with sqlite3.connect(db_path) as db:
            results["contacts_in_db"] = db.execute("SELECT COUNT(*) FROM contacts_contact").fetchone()[0]
    results["loadavg_after"] = _loadavg()
    results["total_s"] = time.perf_counter() - T0

    summary = render(results)
    print()
    print(summary)
    OUT.mkdir(exist_ok=True)
    (OUT / "latest.txt").write_text(summary + "\n")
    for s in (results["raw"] or {}).values():
        s["rows"] = len(s["rows"])
    (OUT / "latest.json").write_text(json.dumps(results, indent=1, default=str))
    print(f"\nwritten to {OUT / 'latest.txt'} (figures in latest.json)")
    if args.keep:
        print(f"database kept in {args.postgres or tmp}")
    else:
        shutil.rmtree(tmp, ignore_errors=True)
        if args.postgres:
            drop_postgres(args.postgres)


def warm_up(port, token, drawer, start, end):
    """A few of each request on fresh connections, so both workers have imported everything."""
    auth = {"Authorization": f"Bearer {token}"}
    q = urllib.parse.urlencode({"from": start.isoformat(), "to": end.isoformat(), "by": "channel"})

    def step(i, client, rng):
        c = drawer.draw(rng, recent_days=14)
        c["date"] = c["date"].isoformat()
        c["language"] = c["language"] or None
        s1, *_ = client.request(
            "POST", "/api/v1/contacts", json.dumps(c), {**auth, "Content-Type": "application/json"}
        )
        s2, *_ = client.request("GET", f"/api/v1/contacts/stats?{q}", None, auth)
        client.close()  # a new connection each time: spread over both workers
        return [("warm", None, s1 == 201 and s2 == 200, f"POST {s1}, stats {s2}")]

    warm = Load(4, 3, 30).run(lambda n, rng: Http(port), step)
    if warm.errors or warm.setup_errors:
        log(f"warm-up problems: {warm.errors + warm.setup_errors}")


def _loadavg():
    try:
        return Path("/proc/loadavg").read_text().split()[:3]
    except OSError:
        return None


def _fig_line(name, f):
    return (
        f"{name}: {f['ok']} ok, {f['failed']} failed; p50 {ms(f['p50'])} ms, p95 {ms(f['p95'])} ms, "
        f"p99 {ms(f['p99'])} ms, max {ms(f['max'])} ms; {f['throughput']:.1f} req/s"
    )


OTHER_CPU_WARN = 0.10


def busy(c):
    """Share of the machine's CPU capacity in use during a phase (all processes)."""
    used = c["server_cpu_s"] + c["client_cpu_s"] + c["other_cpu_s"]
    return used / c["capacity_cpu_s"] if c["capacity_cpu_s"] else float("nan")


def disturbed(c):
    return c["capacity_cpu_s"] and c["other_cpu_s"] / c["capacity_cpu_s"] > OTHER_CPU_WARN


def _verdict_p95(p95, budget):
    if p95 != p95:
        return "no data"
    return "PASS" if p95 < budget else "FAIL"


def _verdict_stats(p95):
    if p95 != p95:
        return "no data"
    if p95 >= STATS_BUDGET_MS:
        return "FAIL (≥ 1 s)"
    return "ok" if p95 < STATS_BUDGET_MS / 2 else "near (> 0.5 s)"


def render(r):
    a = r["args"]
    out = []
    out.append("=" * 104)
    out.append(
        f"Opvoedwijzer benchmark {r['started']} · {os.cpu_count()} CPUs · "
        f"{'PostgreSQL' if a.get('postgres') else 'SQLite'} · gunicorn with "
        f"gunicorn.conf.py ({a['workers'] or 'its'} workers × {a['threads'] or 'its'} threads, gthread; "
        f"as make run) · DEBUG=false · "
        f"CONN_MAX_AGE={a['conn_max_age'] or '0 (app default)'}"
    )
    out.append("=" * 104)
    out.append(
        f"Data: {a['contacts']} contacts generated for {ORG} in {r['generate_s']:.1f} s "
        f"(bulk_create with m2m rows; migrate + seed_demo {r['setup_s']:.1f} s). "
        f"{r['contacts_in_db']} contacts in the database at the end."
    )
    out.append("")
    out.append(
        f"Registration over HTTP, {a['clients']} concurrent clients, keep-alive, client-observed latency on "
        f"loopback (an upper bound of server time)"
    )
    rows = []
    spec = [
        ("api", f"API POST, back to back ×{a['requests']}", BACK_TO_BACK_P95_BUDGET_MS),
        ("api_paced", f"API POST, think {a['think']} s ×{a['paced_requests']}", REGISTRATION_P95_BUDGET_MS),
        ("form_post", f"form POST (session) ×{a['form_requests']}", BACK_TO_BACK_P95_BUDGET_MS),
        ("form_get", "  + the redirect GET (page)", None),
    ]
    for key, name, budget in spec:
        f = r.get(key)
        if not f:
            continue
        verdict = f"p95 < {budget} ms: {_verdict_p95(f['p95'], budget)}" if budget else ""
        rows.append(
            [
                name,
                f["ok"],
                f["failed"] + f.get("incomplete", 0),
                ms(f["p50"]),
                ms(f["p95"]),
                ms(f["p99"]),
                ms(f["max"]),
                f"{f['throughput']:.1f}",
                verdict,
            ]
        )
    out.append(
        table(["run", "ok", "failed", "p50 ms", "p95 ms", "p99 ms", "max ms", "req/s", "budget"], rows)
    )
    if r.get("login_ms"):
        out.append(
            f"  (before the form run, {r['login_ms']['n']} concurrent logins via /accounts/login/: p50 "
            f"{ms(r['login_ms']['p50'])} ms, max {ms(r['login_ms']['max'])} ms — PBKDF2, not in the figures)"
        )
    for key in ("api", "api_paced", "form_post"):
        if r.get(key, {}).get("errors"):
            out.append(f"  first errors ({key}): " + " | ".join(e[:200] for e in r[key]["errors"][:3]))
    cpu_rows = []
    for key, name, reqs in [
        ("api", "API back to back", r.get("api", {}).get("ok")),
        ("api_paced", "API paced", r.get("api_paced", {}).get("ok")),
        ("form", "form (logins + POST + GET)", (r.get("form_post", {}).get("ok") or 0)),
        ("stats", "stats", None),
        ("in-process", "in-process (server not running)", None),
        ("raw SQL", "raw SQL (server stopped)", None),
    ]:
        c = r["cpu"].get(key)
        if not c:
            continue
        per = f"{c['server_cpu_s'] / reqs * 1000:.1f}" if reqs else "—"
        cpu_rows.append(
            [
                name,
                f"{c['wall_s']:.1f}",
                f"{c['server_cpu_s']:.1f}",
                per,
                f"{c['client_cpu_s']:.1f}",
                f"{c['other_cpu_s']:.1f}",
                f"{c['capacity_cpu_s']:.0f}",
                f"{busy(c):.0%}",
                "DISTURBED" if disturbed(c) else "",
            ]
        )
    out.append("")
    out.append(
        "CPU seconds per phase (server = gunicorn and its workers, or the in-process child; client = this "
        "script: HTTP threads, sqlite3; other = the rest of the machine; busy = all of it / capacity)"
    )
    out.append(
        table(
            ["phase", "wall s", "server", "server ms/req", "client", "other", "capacity", "busy", ""],
            cpu_rows,
        )
    )
    ip = r["inprocess"]
    out.append("")
    out.append(
        f"In-process, no HTTP (server not running): {ip['register_contact']['n']} iterations of the service, "
        f"{ip['full_stack']['API POST /api/v1/contacts']['n']} full requests through django.test.Client"
    )
    rows = []
    for name, f in [
        ("register_contact()", ip["register_contact"]),
        ("ContactForm validation", ip["validate"]),
        *[(f"full stack: {k}", v) for k, v in ip["full_stack"].items()],
    ]:
        rows.append([name, ms(f["p50"]), ms(f["p95"]), ms(f["p99"]), ms(f["max"])])
    out.append(
        table(
            ["operation (information: no verdict without HTTP)", "p50 ms", "p95 ms", "p99 ms", "max ms"], rows
        )
    )
    out.append("SQL queries: " + "; ".join(f"{k}: {v}" for k, v in ip["queries"].items()))
    out.append("")
    out.append(
        f"Stats GET /api/v1/contacts/stats?from={{today-365d}}&to={{today}}&by=…, {a['stats_reps']}× each, "
        f"sequential. in-proc = count_contacts() without HTTP (3×); raw = hand-written SQL that counts "
        f"every contact, via sqlite3 ({a['raw_reps']}×, same total + grouped query; SQLite only): not the "
        f"same tables as the endpoint, which reads the roll-up, so endpoint/raw is information, not a "
        f"verdict (like-for-like ratios: reports_scale.py); same = endpoint rows equal the raw SQL rows"
    )
    rows = []
    no_raw = {"p50": None}
    for by in STATS_BY:
        s, inp = r["stats"][by], ip["count_contacts"].get(by, {})
        raw = (r["raw"] or {}).get(by, no_raw)
        ratio = s["p50"] / raw["p50"] if raw["p50"] else float("nan")
        rows.append(
            [
                by or "(total only)",
                s["n"],
                ms(s["p50"]),
                ms(s["p95"]),
                ms(inp.get("p50")),
                ms(raw["p50"]),
                f"{ratio:.1f}×" if ratio == ratio else "—",
                s["rows"],
                {True: "yes", False: "NO", None: "—"}[s["match"]],
                _verdict_stats(s["p95"]) + (f" ({s['failed']} failed)" if s["failed"] else ""),
            ]
        )
    out.append(
        table(
            [
                "by",
                "n",
                "p50 ms",
                "p95 ms",
                "in-proc ms",
                "raw ms",
                "endpoint/raw",
                "rows",
                "same",
                "budget < 1 s",
            ],
            rows,
        )
    )
    sl = r.get("server_log", {})
    out.append("")
    out.append(
        f"Server log: {sl.get('tracebacks', '?')} tracebacks, {sl.get('database_locked', '?')} "
        f"'database is locked', {sl.get('worker_timeouts', '?')} worker timeouts."
    )
    if sl.get("tail"):
        out.append(sl["tail"])
    hit = [name for name, c in r["cpu"].items() if disturbed(c)]
    note = (
        f"\nWARNING: other processes used more than {OTHER_CPU_WARN:.0%} of the machine during: "
        f"{', '.join(hit)}. Those figures are pessimistic; run again on a quiet machine."
        if hit
        else ""
    )
    out.append(
        f"Load average before/after: {r['loadavg_before']} / {r['loadavg_after']}; "
        f"total run time {r['total_s']:.0f} s.{note}"
    )
    return "\n".join(out)


if __name__ == "__main__":
    main()
