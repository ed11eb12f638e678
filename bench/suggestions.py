"""Theme suggestions, measured (issue 20): how often POST /api/v1/suggestions suggests the theme a person
chose for a parent's question, and how fast, through HTTP.

    make bench-suggestions          # or: .venv/bin/python bench/suggestions.py [--reps 1] [--keep]

Self-contained, as bench/run.py and bench/agenda.py: a fresh SQLite database in a temporary directory,
`migrate` and `seed_demo` (the demo organisation zuid-limburg with its library and social map), then
gunicorn as `make run` serves it (the project's gunicorn.conf.py: one process per core × 4 threads,
CONN_MAX_AGE=60), on a free loopback port. Every question of a labelled set goes to
POST /api/v1/suggestions with a staff member's token, one after the other on one keep-alive
connection; the answer is compared with the labels. Nothing in the app is changed.

The sets (bench/data/*.jsonl, one {"text", "themes": [main, …], "life_stages": […], "language"} a line):
`suggestions_dev.jsonl` (100; the word lists were tuned on it) and three held-out sets of 200,
`suggestions_test.jsonl`, `suggestions_test2.jsonl` and `suggestions_test3.jsonl` (each written apart by its
own writer, read only here, never used to tune anything; bench/data/README.md). Three set-ups, each on
every set:

1. **shipped**: the organisation as new, without learned weights (trained on no examples): the word
   lists and the built-in model from the shipped synthetic examples (suggestions/data/, issue 20);
2. **shipped + learned**: trained (`manage.py train_suggestions`, the real command) on the dev set as
   if its questions were the organisation's answered ones (SUGGESTION_EXAMPLE_SOURCES points to the dev
   file): the test set measures what was learned, the dev figures are on the training data;
3. **learned only**: the same weights, the word lists and the built-in model switched off
   (`suggest(…, use_words=False)`, through a two-line WSGI module that wraps the project's, in the
   temporary directory).

Printed per set-up and set, and per language: top-1 (the first suggested theme is the labelled main
theme), top-3 (the main theme among the first three), any-in-top-3 (any labelled theme among the first
three), the life stage (for questions labelled with one: the first suggested life stage is one of
them), and the latency of the whole request (client-observed on loopback) p50/p95/max. Goal: top-3 ≥
90 % and p95 < 50 ms on the held-out sets (each, and all together). The summary goes to stdout and
bench/out/suggestions.txt.
"""

import argparse
import json
import os
import secrets
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
DATA = HERE / "data"
sys.path.insert(0, str(HERE))

from agenda import describe_setup, project_gunicorn  # noqa: E402
from run import CpuMeter, Http, free_port, manage, pct, table  # noqa: E402

ORG = "zuid-limburg"
API_USER = f"staff@{ORG}.demo"
SETS = {"dev": DATA / "suggestions_dev.jsonl", "test": DATA / "suggestions_test.jsonl"}
# More held-out sets, each written later and apart by another writer (bench/data/README.md): judged like
# "test", and all held-out questions together.
for extra in ("test2", "test3"):
    if (DATA / f"suggestions_{extra}.jsonl").exists():
        SETS[extra] = DATA / f"suggestions_{extra}.jsonl"
TOP3_GOAL = 0.90
P95_GOAL_MS = 50
OTHER_CPU_WARN = 0.25

# The examples the organisation "learns from" in set-ups 2 and 3, and none for set-up 1: functions
# as settings.SUGGESTION_EXAMPLE_SOURCES names them, in a module in the temporary directory.
EXAMPLES_MODULE = """
import json, os


def dev(organisation):
    with open(os.environ["BENCH_SUGGESTIONS_DEV"], encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                yield row["text"], row["themes"]


def none(organisation):
    return []
"""
# Set-up 3: the project's WSGI application with the word lists switched off (the API calls
# engine.suggest by its module, so the wrapped function is the one it calls).
LEARNED_ONLY_WSGI = """
import functools

from opvoedwijzer.wsgi import application  # noqa: F401 (Django is set up)
from opvoedwijzer.suggestions import engine

engine.suggest = functools.partial(engine.suggest, use_words=False)
"""

MEASURES = ["n", "top1", "top3", "any3", "staged", "stage", "resources_n", "resources_hit"]
MEASURES += ["services_n", "services_hit"]

T0 = time.perf_counter()


def log(msg):
    print(f"[{time.perf_counter() - T0:6.1f}s] {msg}", flush=True)


def read_set(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def ms(x):
    return "—" if x is None or x != x else f"{x:.1f}"


def percent(hits, n):
    return "—" if not n else f"{100 * hits / n:.0f} %"


def ask(client, token, questions):
    """POST every question; (answers, latencies in ms, failures)."""
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    answers, times, failed = [], [], []
    for q in questions:
        body = json.dumps({"text": q["text"], "organisation": ORG})
        status, _h, data, secs = client.request("POST", "/api/v1/suggestions", body, headers)
        if status == 200:
            answers.append(json.loads(data))
            times.append(secs * 1000)
        else:
            answers.append(None)
            failed.append(f"{status} {data[:200]!r}")
    return answers, times, failed


def themes_of_rows(db_path):
    """{"resources": {id: {codes}}, "services": {id: {codes}}} of the organisation, read from the bench's
    database (to judge whether a suggested item is about a labelled theme)."""
    db = sqlite3.connect(db_path)
    found = {}
    for kind, link, column, main, suggested in (
        ("resources", "infotheek_resource_themes", "resource_id", "infotheek_resource", "r.published = 1"),
        (
            "services",
            "socialmap_service_themes",
            "service_id",
            "socialmap_service",
            "r.retired_on IS NULL AND r.status = 'active'",
        ),
    ):
        rows = db.execute(
            f"SELECT l.{column}, t.code FROM {link} l JOIN taxonomy_theme t ON t.id = l.theme_id "
            f"JOIN {main} r ON r.id = l.{column} JOIN core_organisation o ON o.id = r.organisation_id "
            f"WHERE o.slug = ? AND {suggested}",
            (ORG,),
        )
        found[kind] = {}
        for pk, code in rows:
            found[kind].setdefault(pk, set()).add(code)
    db.close()
    return found


def score(questions, answers, rows):
    """Hits per measure, over all questions and per language. An item or service is "on theme" when
    the first one suggested has one of the question's labelled themes; counted over the questions for
    which the library (the map) has such a row at all."""
    covered = {kind: set().union(*by_id.values()) if by_id else set() for kind, by_id in rows.items()}
    groups = {}
    for q, a in zip(questions, answers, strict=True):
        for key in ("all", q.get("language", "?")):
            g = groups.setdefault(key, dict.fromkeys(MEASURES, 0))
            g["n"] += 1
            if a is None:
                continue
            codes = [t["code"] for t in a["themes"]]
            labelled = q["themes"]
            g["top1"] += bool(codes) and codes[0] == labelled[0]
            g["top3"] += labelled[0] in codes[:3]
            g["any3"] += bool(set(labelled) & set(codes[:3]))
            if q.get("life_stages"):
                g["staged"] += 1
                stages = [s["code"] for s in a["life_stages"]]
                g["stage"] += bool(stages) and stages[0] in q["life_stages"]
            for kind in ("resources", "services"):
                if set(labelled) & covered[kind]:
                    g[f"{kind}_n"] += 1
                    first = a[kind][0]["id"] if a[kind] else None
                    g[f"{kind}_hit"] += bool(rows[kind].get(first, set()) & set(labelled))
    return groups


def run_setup(name, port, token, sets, reps, server_pid, rows):
    client = Http(port)
    results = {}
    for set_name, questions in sets.items():
        times, answers, failed = [], None, []
        with CpuMeter(server_pid) as cpu:
            for _ in range(reps):
                answers, rep_times, rep_failed = ask(client, token, questions)
                times += rep_times
                failed += rep_failed
        results[set_name] = {
            "groups": score(questions, answers, rows),
            "p50": pct(times, 50),
            "p95": pct(times, 95),
            "max": max(times) if times else float("nan"),
            "requests": len(times) + len(failed),
            "failed": failed,
            "cpu": cpu.figures,
        }
        g = results[set_name]["groups"]["all"]
        log(
            f"{name}, {set_name}: top-1 {percent(g['top1'], g['n'])}, top-3 {percent(g['top3'], g['n'])}, "
            f"p95 {ms(results[set_name]['p95'])} ms"
            + (f", {len(failed)} failed: {failed[0]}" if failed else "")
        )
    client.close()
    return results


def train(env, source, tmp):
    out = manage(
        {**env, "SUGGESTION_EXAMPLE_SOURCES": f"bench_suggestion_examples.{source}"},
        "train_suggestions",
        "--organisation",
        ORG,
    )
    return out.strip().splitlines()[-1]


def summary(results, setup_text, trained, args, loadavg):
    out = [
        "Suggestions benchmark (issue 20): POST /api/v1/suggestions through HTTP",
        f"Server: {setup_text}; on 127.0.0.1, fresh SQLite, migrate + seed_demo, organisation {ORG}, "
        f"a staff member's token; one client, requests one after the other on a keep-alive connection, "
        f"{args.reps}× each set.",
        "Sets: dev = bench/data/suggestions_dev.jsonl (word lists tuned on it; the training data of "
        "set-ups 2 and 3), test, test2, test3 = bench/data/suggestions_test*.jsonl "
        "(held out: each written apart by its own writer, read only by this bench). Shipped = the word "
        "lists and the built-in model from the shipped synthetic examples.",
        f"Training on dev: {trained}.",
        "top-1: first theme = labelled main theme; top-3: main theme among the first three; any-3: any "
        "labelled theme among the first three; life stage: first suggested one is labelled (questions "
        "with a labelled life stage); item / service on theme: the first library item / service suggested "
        "has a labelled theme (of the questions for which the demo library / map has one). "
        "Latency: the whole request as the client sees it; server CPU: the gunicorn processes' CPU time per "
        "request (less disturbed by other work on the machine than the latency).",
        "",
    ]
    rows = []
    for setup_name, by_set in results.items():
        for set_name, r in by_set.items():
            for group, g in sorted(r["groups"].items(), key=lambda kv: (kv[0] != "all", kv[0])):
                rows.append(
                    [
                        setup_name if group == "all" else "",
                        set_name if group == "all" else "",
                        group,
                        g["n"],
                        percent(g["top1"], g["n"]),
                        percent(g["top3"], g["n"]),
                        percent(g["any3"], g["n"]),
                        f"{percent(g['stage'], g['staged'])} of {g['staged']}",
                        f"{percent(g['resources_hit'], g['resources_n'])} of {g['resources_n']}",
                        f"{percent(g['services_hit'], g['services_n'])} of {g['services_n']}",
                        ms(r["p50"]) if group == "all" else "",
                        ms(r["p95"]) if group == "all" else "",
                        ms(r["max"]) if group == "all" else "",
                        ms(1000 * r["cpu"]["server_cpu_s"] / r["requests"]) if group == "all" else "",
                    ]
                )
    out.append(
        table(
            [
                "set-up",
                "set",
                "lang",
                "n",
                "top-1",
                "top-3",
                "any-3",
                "life stage",
                "item on theme",
                "service on theme",
                "p50 ms",
                "p95 ms",
                "max ms",
                "server CPU ms",
            ],
            rows,
        )
    )
    out.append("")
    verdicts = []
    for setup_name, by_set in results.items():
        held_out = {name: r for name, r in by_set.items() if name.startswith("test")}
        for set_name, r in held_out.items():
            g = r["groups"]["all"]
            verdicts.append(
                f"{setup_name}, {set_name}: held-out top-3 {top3_verdict(g['top3'], g['n'])}, "
                f"p95 {ms(r['p95'])} ms "
                f"({'met' if r['p95'] < P95_GOAL_MS else 'NOT met'}: < {P95_GOAL_MS} ms)"
            )
        if len(held_out) > 1:
            hits = sum(r["groups"]["all"]["top3"] for r in held_out.values())
            n = sum(r["groups"]["all"]["n"] for r in held_out.values())
            verdicts.append(
                f"{setup_name}, all {len(held_out)} held-out sets together ({n} questions): top-3 "
                f"{top3_verdict(hits, n, digits=1)}"
            )
    out += ["Goals on the held-out set:", *("  " + v for v in verdicts)]
    failures = [f for by_set in results.values() for r in by_set.values() for f in r["failed"]]
    if failures:
        out.append(f"{len(failures)} requests failed, e.g. {failures[0]}")
    disturbed = []
    for setup_name, by_set in results.items():
        for set_name, r in by_set.items():
            c = r["cpu"]
            if c["capacity_cpu_s"] and c["other_cpu_s"] / c["capacity_cpu_s"] > OTHER_CPU_WARN:
                disturbed.append(
                    f"{setup_name}/{set_name} ({100 * c['other_cpu_s'] / c['capacity_cpu_s']:.0f} %)"
                )
    out.append(
        f"Load average before/after: {loadavg[0]} / {loadavg[1]}; total {time.perf_counter() - T0:.0f} s."
        + (
            f"\nWARNING: other processes used more than {OTHER_CPU_WARN:.0%} of the machine during: "
            f"{', '.join(disturbed)}; the latencies are pessimistic, run again on a quiet machine."
            if disturbed
            else ""
        )
    )
    return "\n".join(out)


def top3_verdict(hits, n, digits=0):
    top3 = hits / n if n else 0
    return (
        f"{100 * top3:.{digits}f} % ({'met' if top3 >= TOP3_GOAL else 'NOT met'}: ≥ {100 * TOP3_GOAL:.0f} %)"
    )


def loadavg():
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=1, help="times each set is sent (latency samples)")
    parser.add_argument("--workers", type=int, default=None, help="default: gunicorn.conf.py's")
    parser.add_argument("--threads", type=int, default=None, help="default: gunicorn.conf.py's")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args()
    sets = {name: read_set(path) for name, path in SETS.items()}
    tmp = Path(tempfile.mkdtemp(prefix="opvoedwijzer-suggestions-"))
    (tmp / "bench_suggestion_examples.py").write_text(EXAMPLES_MODULE)
    (tmp / "bench_learned_only.py").write_text(LEARNED_ONLY_WSGI)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "opvoedwijzer.settings",
        "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}",
        "DEBUG": "false",
        "TESTING": "false",
        "SECRET_KEY": secrets.token_hex(32),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "PLAIN_HTTP": "true",
        "ENV_FILE": os.devnull,
        "STATIC_ROOT": str(tmp / "static"),
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(tmp)]),
        "BENCH_SUGGESTIONS_DEV": str(SETS["dev"]),
    }
    before = loadavg()
    results = {}
    servers = []
    try:
        log(f"database {tmp / 'bench.sqlite3'}: migrate, seed_demo")
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "seed_demo")
        manage(env, "collectstatic", "--noinput", "-v", "0", "-i", "ninja", "-i", "admin")  # as make run
        rows = themes_of_rows(tmp / "bench.sqlite3")
        token = manage(env, "create_api_token", API_USER, "--name", "bench").strip().splitlines()[-1]
        log(f"untrained: {train(env, 'none', tmp)}")

        port = free_port()
        server, setup = project_gunicorn(env, port, tmp / "gunicorn.log", args.workers, args.threads)
        servers.append(server)
        server.start()
        setup_text = describe_setup(setup)
        log(setup_text)
        warm = Http(port)
        ask(warm, token, sets["dev"][:10])  # each worker reads the lists once
        warm.close()

        results["1 shipped"] = run_setup("shipped", port, token, sets, args.reps, server.proc.pid, rows)
        trained = train(env, "dev", tmp)
        log(f"trained on dev: {trained}")
        results["2 shipped + learned"] = run_setup(
            "shipped + learned", port, token, sets, args.reps, server.proc.pid, rows
        )
        server.stop()

        port = free_port()
        server, _setup = project_gunicorn(env, port, tmp / "gunicorn-learned.log", args.workers, args.threads)
        server.cmd[1] = "bench_learned_only:application"
        servers.append(server)
        server.start()
        warm = Http(port)
        ask(warm, token, sets["dev"][:10])
        warm.close()
        results["3 learned only"] = run_setup(
            "learned only", port, token, sets, args.reps, server.proc.pid, rows
        )
        server.stop()
        for s in servers:
            errors = s.log_text().count("Traceback")
            if errors:
                log(f"server log: {errors} tracebacks\n{s.log_tail()}")
    finally:
        for s in servers:
            s.stop()
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    text = summary(results, setup_text, trained, args, (before, loadavg()))
    OUT.mkdir(exist_ok=True)
    (OUT / "suggestions.txt").write_text(text + "\n", encoding="utf-8")
    print()
    print(text)


if __name__ == "__main__":
    main()
