"""Load: 200 concurrent clients on loopback for 3 minutes, a mix of what a service sees in a busy hour.

    .venv/bin/python bench/load.py                       # make run's set-up: gunicorn + SQLite
    .venv/bin/python bench/load.py --postgres postgresql://opvoedwijzer:opvoedwijzer@127.0.0.1/opvoedwijzer_bench
    .venv/bin/python bench/load.py --code /path/to/other/checkout --gunicorn-args "-w 4"  # other code

A fresh database (SQLite in a temporary folder, or the PostgreSQL database named, which is dropped and
made anew: its name must contain "bench"), `migrate`, `seed_demo`, `--contacts` more contacts
(bench/generate.py), then gunicorn exactly as `make run` and the production recipe start it (the
project's gunicorn.conf.py, read from the code's folder; `--gunicorn-args` adds to it) with production
settings (DEBUG off, CONN_MAX_AGE=60). Each client is a keep-alive HTTP/1.1 connection that sends one
request after the other, drawn from this mix:

    30 %  staff register a contact         POST /api/v1/contacts (bearer token)
    10 %  a coordinator reads numbers      GET  /api/v1/contacts/stats?…&by=municipality,theme (or others)
    40 %  parents read public pages        GET  /<org>/, /<org>/agenda/, /<org>/library/, /<org>/map/?q=…
    10 %  a parent asks a question         POST /api/v1/public/<org>/questions
    10 %  a parent signs up                POST /api/v1/public/<org>/activities/<id>/signups

The limits per network address are lifted for the run (all clients share 127.0.0.1); nothing else is
changed. It prints requests per second, latency percentiles per kind and overall (client-observed,
first byte to last), the answers by status, the registrations acknowledged (201) against those stored
afterwards, and the CPU the server and the bench client used. It judges only what it measured through
HTTP: the goal of issue 13 is 3× the throughput measured before it (41.6 requests/s), 0 errors, 0 lost.
"""

import argparse
import asyncio
import contextlib
import json
import os
import random
import secrets
import shlex
import socket
import subprocess
import sys
import tempfile
import time
from base64 import urlsafe_b64encode
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
GUNICORN = str(Path(PY).with_name("gunicorn"))
ORG = "zuid-limburg"
GOAL_RPS = 3 * 41.6

MIX = [("register", 30), ("stats", 10), ("page", 40), ("question", 10), ("signup", 10)]
PAGES = [f"/{ORG}/", f"/{ORG}/agenda/", f"/{ORG}/library/", f"/{ORG}/map/?q=slapen"]
PAIRS = ["municipality,theme", "theme,channel", "municipality,offer", "life_stage", "month,theme"]
QUESTIONS = [
    "Mijn dochter van 2 wordt elke nacht wakker en wil dan bij ons slapen. Wat kunnen we doen?",
    "Onze zoon van 15 gamet tot diep in de nacht. Hoe maken we goede afspraken?",
    "Sinds de scheiding is mijn zoon van 8 erg stil. Is dat normaal?",
]


def say(*args):
    print(*args, flush=True)


def manage(env, *args, cwd):
    result = subprocess.run([PY, "manage.py", *args], cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare_postgres(url):
    name = urlparse(url).path.lstrip("/")
    if "bench" not in name:
        sys.exit("The PostgreSQL database's name must contain 'bench' (it is dropped and made anew).")
    admin = url.rsplit("/", 1)[0] + "/postgres"
    import psycopg

    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def setup(args, tmp):
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "TESTING")}
    database = args.postgres or f"sqlite:///{tmp}/load.sqlite3"
    if args.postgres:
        prepare_postgres(args.postgres)
    env.update(
        ENV_FILE=os.devnull,
        DATABASE_URL=database,
        SECRET_KEY=secrets.token_urlsafe(40),
        FIELD_ENCRYPTION_KEY=urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        PLAIN_HTTP="true",
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        EMAIL_URL="console:",
        CONN_MAX_AGE="60",
        STATIC_ROOT=f"{tmp}/static",
        QUESTION_RATE_LIMIT_PER_HOUR="100000000",
        SIGNUP_RATE_LIMIT_PER_HOUR="100000000",
        LOG_LEVEL="ERROR",
        PYTHONPATH=str(args.code),
    )
    started = time.perf_counter()
    manage(env, "migrate", "--noinput", "-v", "0", cwd=args.code)
    manage(env, "seed_demo", cwd=args.code)
    if args.contacts:
        subprocess.run(
            [PY, str(args.code / "bench" / "generate.py"), "--count", str(args.contacts)],
            cwd=args.code,
            env=env,
            check=True,
            capture_output=True,
        )
        manage(env, "rebuild_rollup", cwd=args.code)
    manage(env, "collectstatic", "--noinput", "-v", "0", "-i", "ninja", "-i", "admin", cwd=args.code)
    token = manage(env, "create_api_token", "staff@zuid-limburg.demo", cwd=args.code).strip().splitlines()[-1]
    coordinator = manage(env, "create_api_token", "coordinator@zuid-limburg.demo", cwd=args.code)
    activity = manage(
        env,
        "shell",
        "-c",
        "from django.utils import timezone; from opvoedwijzer.activities.models import Activity; "
        "a = Activity.objects.filter(organisation__slug='zuid-limburg', published=True, cancelled_on=None, "
        "sessions__starts_at__gt=timezone.now()).order_by('-capacity').first(); "
        "Activity.objects.filter(pk=a.pk).update(capacity=1000000, join_later=True); print(a.pk)",
        cwd=args.code,
    )
    say(f"set-up: {time.perf_counter() - started:.0f} s ({'PostgreSQL' if args.postgres else 'SQLite'})")
    return env, token, coordinator.strip().splitlines()[-1], int(activity.strip().splitlines()[-1])


def start_server(args, env, port):
    server_env = dict(env, HOST="127.0.0.1", PORT=str(port), BIND=f"127.0.0.1:{port}")
    command = [GUNICORN, "opvoedwijzer.wsgi", "-b", f"127.0.0.1:{port}", *shlex.split(args.gunicorn_args)]
    server = subprocess.Popen(command, cwd=args.code, env=server_env, stdout=subprocess.DEVNULL)
    for _ in range(300):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server, command
        except OSError:
            time.sleep(0.1)
    server.kill()
    sys.exit("gunicorn did not start")


def process_cpu_seconds(pid):
    """CPU seconds (user + system) of a process, its live children, and the children it has reaped
    (gunicorn replaces a worker after max_requests: its CPU then counts in the master's cutime/cstime)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    pids = [pid]
    with contextlib.suppress(OSError):
        pids += [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    for p in pids:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
            if p == pid:
                total += (int(fields[13]) + int(fields[14])) / tick
        except (OSError, IndexError, ValueError):
            pass
    return total


class Client:
    """One keep-alive HTTP/1.1 connection; `request()` returns (status, body)."""

    def __init__(self, port):
        self.port = port
        self.reader = self.writer = None

    async def request(self, method, path, body=None, headers=()):
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        data = json.dumps(body).encode() if body is not None else b""
        head = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", f"Content-Length: {len(data)}", *headers]
        if body is not None:
            head.append("Content-Type: application/json")
        self.writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + data)
        await self.writer.drain()
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionResetError("closed")
        status = int(status_line.split()[1])
        length, chunked, close = 0, False, False
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            name = name.strip().lower()
            if name == "content-length":
                length = int(value)
            elif name == "transfer-encoding" and "chunked" in value.lower():
                chunked = True
            elif name == "connection" and "close" in value.lower():
                close = True
        if chunked:
            parts = []
            while True:
                size = int((await self.reader.readline()).strip() or b"0", 16)
                if size == 0:
                    await self.reader.readline()
                    break
                parts.append(await self.reader.readexactly(size))
                await self.reader.readline()
            payload = b"".join(parts)
        else:
            payload = await self.reader.readexactly(length) if length else b""
        if close:
            self.close()
        return status, payload

    def close(self):
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


def registration(rng, today):
    return {
        "organisation": ORG,
        "date": str(today),
        "channel": rng.choice(["phone", "phone", "email", "in_person"]),
        "asker_role": rng.choice(["mother", "mother", "father", "grandparent", "teacher"]),
        "municipality": rng.choice(["71053", "71053", "71017", "73022", "outside"]),
        "request_kind": "parenting",
        "life_stages": rng.sample(["toddler", "primary", "teen"], rng.randint(1, 2)),
        "themes": rng.sample(["sleep", "bullying", "screen_time", "tantrums", "divorce"], rng.randint(1, 2)),
        "offers": rng.sample(["info", "listening", "material"], rng.randint(1, 2)),
        "duration": rng.choice(["lt5", "5to15", "15to30"]),
    }


async def run_load(args, port, token, coordinator, activity):
    import datetime

    today = datetime.date.today()
    kinds, weights = zip(*MIX, strict=True)
    latencies = defaultdict(list)
    statuses = Counter()
    failures = Counter()
    acknowledged = []
    deadline = {"warm": time.monotonic() + args.warmup}
    deadline["end"] = deadline["warm"] + args.seconds
    auth = (f"Authorization: Bearer {token}",)
    coord = (f"Authorization: Bearer {coordinator}",)
    year = f"from={today.replace(month=1, day=1)}&to={today}"

    async def one(client, rng, kind):
        if kind == "register":
            return await client.request("POST", "/api/v1/contacts", registration(rng, today), auth)
        if kind == "stats":
            return await client.request(
                "GET", f"/api/v1/contacts/stats?{year}&by={rng.choice(PAIRS)}", None, coord
            )
        if kind == "page":
            return await client.request("GET", rng.choice(PAGES))
        if kind == "question":
            return await client.request(
                "POST",
                f"/api/v1/public/{ORG}/questions",
                {"text": rng.choice(QUESTIONS), "life_stage": "teen"},
            )
        return await client.request(
            "POST", f"/api/v1/public/{ORG}/activities/{activity}/signups", {"name": "Ouder", "people": 1}
        )

    async def worker(n):
        rng = random.Random(n)
        client = Client(port)
        while time.monotonic() < deadline["end"]:
            kind = rng.choices(kinds, weights)[0]
            started = time.monotonic()
            try:
                status, body = await one(client, rng, kind)
            except (OSError, asyncio.IncompleteReadError, ValueError) as error:
                client.close()
                if started >= deadline["warm"]:
                    failures[type(error).__name__] += 1
                await asyncio.sleep(0.05)
                continue
            if started < deadline["warm"]:
                continue
            latencies[kind].append(time.monotonic() - started)
            statuses[(kind, status)] += 1
            if kind == "register" and status == 201:
                acknowledged.append(json.loads(body)["id"])
        client.close()

    await asyncio.gather(*(worker(n) for n in range(args.clients)))
    return latencies, statuses, failures, acknowledged


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))] * 1000 if values else float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", help="a PostgreSQL URL (its database name must contain 'bench')")
    parser.add_argument("--seconds", type=int, default=180)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--contacts", type=int, default=100_000, help="contacts besides the demo's")
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout to serve (default: this one)")
    parser.add_argument("--gunicorn-args", default="", help="added to gunicorn's command line")
    args = parser.parse_args()
    args.code = args.code.resolve()

    with tempfile.TemporaryDirectory() as tmp:
        env, token, coordinator, activity = setup(args, tmp)
        port = free_port()
        server, command = start_server(args, env, port)
        try:
            cpu_server = process_cpu_seconds(server.pid)
            cpu_client = time.process_time()
            wall = time.monotonic()
            latencies, statuses, failures, acknowledged = asyncio.run(
                run_load(args, port, token, coordinator, activity)
            )
            wall = time.monotonic() - wall
            cpu_server = process_cpu_seconds(server.pid) - cpu_server
            cpu_client = time.process_time() - cpu_client
        finally:
            server.terminate()
            server.wait(timeout=60)
        ids = ",".join(str(i) for i in acknowledged) or "0"
        stored = int(
            manage(
                env,
                "shell",
                "-c",
                "from opvoedwijzer.contacts.models import Contact; "
                f"print(Contact.objects.filter(pk__in=[{ids}]).count())",
                cwd=args.code,
            )
            .strip()
            .splitlines()[-1]
        )

    measured = sum(len(v) for v in latencies.values())
    rps = measured / args.seconds
    all_latencies = [x for v in latencies.values() for x in v]
    errors = sum(n for (_kind, status), n in statuses.items() if status >= 500) + sum(failures.values())
    say("")
    say(
        f"server: {' '.join(Path(c).name if c.startswith('/') else c for c in command)} "
        f"(gunicorn.conf.py of {args.code}), {'PostgreSQL' if args.postgres else 'SQLite'}, DEBUG off, "
        f"CONN_MAX_AGE=60, {os.cpu_count()} cores shared with this client"
    )
    say(
        f"load: {args.clients} keep-alive clients on loopback, {args.seconds} s after {args.warmup} s warm-up"
    )
    say(f"throughput: {rps:.1f} requests/s ({measured} requests)")
    say(
        f"latency overall: p50 {percentile(all_latencies, 0.5):.0f} ms, "
        f"p95 {percentile(all_latencies, 0.95):.0f} ms, p99 {percentile(all_latencies, 0.99):.0f} ms"
    )
    for kind, _w in MIX:
        v = latencies[kind]
        say(
            f"  {kind:9} {len(v):6} requests  p50 {percentile(v, 0.5):6.0f}  p95 {percentile(v, 0.95):6.0f}  "
            f"p99 {percentile(v, 0.99):6.0f} ms"
        )
    say("answers: " + ", ".join(f"{kind} {status}: {n}" for (kind, status), n in sorted(statuses.items())))
    if failures:
        say("connection failures: " + ", ".join(f"{k}: {n}" for k, n in failures.items()))
    say(
        f"registrations: {len(acknowledged)} acknowledged (201), {stored} stored, "
        f"{len(acknowledged) - stored} lost"
    )
    say(
        f"CPU: server {cpu_server:.0f} s ({cpu_server / wall * 100:.0f} % of one core), "
        f"bench client {cpu_client:.1f} s, over {wall:.0f} s"
    )
    verdict = "PASS" if rps >= GOAL_RPS and errors == 0 and stored == len(acknowledged) else "FAIL"
    say(
        f"verdict (through HTTP): {verdict} — goal ≥ {GOAL_RPS:.0f} requests/s (3 × 41.6), 0 errors "
        f"(here {errors}), 0 lost (here {len(acknowledged) - stored})"
    )


if __name__ == "__main__":
    main()
