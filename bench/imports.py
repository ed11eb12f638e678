"""Import of past registrations at scale: 100,000 rows through `manage.py import_contacts` on SQLite,
against the budget of issue 14 (under a minute).

    .venv/bin/python bench/imports.py [--rows 100000] [--profile]

1. A fresh SQLite database in a temporary directory (DEBUG=false, a random SECRET_KEY), `migrate`, and
   two organisations made with `create_organisation` (the default taxonomy, three municipalities), each
   with a coordinator.
2. The bench writes the file a service would keep: --rows rows of one contact each, Dutch headings
   (datum, contactwijze, vraagsteller, gemeente, levensfase, hoofdthema, thema 2, aanbod, soort vraag,
   duur, notitie), values as people type them (labels in any case, a municipality as its name or postal
   code, a second theme in a third of the rows, two offers in one cell in a tenth, a note in one row of
   twenty — one of those with a name in it), dates over the last 330 days. Once as CSV (semicolon, UTF-8
   with BOM, dd/mm/yyyy) and once as XLSX (real date cells).
3. `import_contacts` (the command, in this process) with the CSV into the first organisation and the XLSX
   into the second, each timed as a whole: read, check, fingerprints, contacts and their relations,
   roll-up, in one transaction. Then the CSV again (everything unchanged). The command's last line is
   checked, and the roll-up against a recount (`rollup.check`, not timed).
4. The summary: rows per second and total (wall-clock) time per run, the budget verdict, the CPU time
   this process spent and the load average (on a shared machine the wall-clock time is longer than the
   CPU time by the time others had the processor) — on stdout and in bench/out/imports-<N>.txt.
"""

import argparse
import contextlib
import cProfile
import csv
import datetime
import io
import os
import pstats
import random
import secrets
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
BUDGET_S = 60

HEADING = [
    "Datum", "Contactwijze", "Vraagsteller", "Gemeente", "Levensfase", "Hoofdthema", "Thema 2",
    "Aanbod", "Soort vraag", "Duur", "Notitie",
]  # fmt: skip
CHANNELS = ["Telefoon", "telefoon", "E-mail", "Persoonlijk, aan het loket", "chat", "Huisbezoek"]
ASKERS = ["Moeder", "moeder", "Vader", "Grootouder", "Leerkracht, school", "Hulpverlener", "Beide ouders"]
PLACES = [
    "Sint-Truiden",
    "sint-truiden",
    "3800",
    "Gingelom",
    "3890",
    "Heers",
    "3870",
    "Buiten de regio",
    "onbekend",
]
STAGES = [
    "Baby (0–1 jaar)",
    "Peuter (1–3 jaar)",
    "Kleuter (3–6 jaar)",
    "Lagere school (6–12 jaar)",
    "Tiener (12–18 jaar)",
]
THEMES = [
    "Slapen",
    "Eten en drinken",
    "Huilen",
    "Pesten",
    "Driftbuien en koppigheid",
    "Taal en spraak",
    "Zindelijkheid",
]
OFFERS = ["Informatie en kort advies", "Luisterend oor", "Folder of brochure meegegeven", "info"]
KINDS = ["Opvoedingsvraag", "Informatievraag", "parenting"]
DURATIONS = ["5–15 minuten", "< 5 minuten", "15–30 minuten", "5to15"]
NOTES = ["Tips over inslapen gegeven", "Folder meegegeven over driftbuien", "Doorverwezen naar de huisarts"]


def rows_of(n, seed=14):
    rnd = random.Random(seed)
    today = datetime.date.today()
    for i in range(n):
        theme = rnd.choice(THEMES)
        second = rnd.choice([t for t in THEMES if t != theme]) if rnd.random() < 0.33 else ""
        offer = " / ".join(rnd.sample(OFFERS[:3], 2)) if rnd.random() < 0.1 else rnd.choice(OFFERS)
        note = ""
        if i % 20 == 0:
            note = "Mama Sarah Peeters belt terug" if i % 400 == 0 else rnd.choice(NOTES)
        yield [
            today - datetime.timedelta(days=rnd.randrange(1, 330)),
            rnd.choice(CHANNELS),
            rnd.choice(ASKERS),
            rnd.choice(PLACES),
            rnd.choice(STAGES),
            theme,
            second,
            offer,
            rnd.choice(KINDS),
            rnd.choice(DURATIONS),
            note,
        ]


def write_csv(path, n):
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(HEADING)
        for row in rows_of(n):
            writer.writerow([row[0].strftime("%d/%m/%Y"), *row[1:]])


def write_xlsx(path, n):
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(HEADING)
    for row in rows_of(n):
        day = WriteOnlyCell(sheet, value=row[0])
        day.number_format = "DD/MM/YYYY"
        sheet.append([day, *row[1:]])
    book.save(path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--profile", action="store_true", help="a cProfile of the CSV import (top 25)")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="opvoedwijzer-bench-import-"))
    os.environ.update(
        DATABASE_URL=f"sqlite:///{tmp / 'db.sqlite3'}",
        SECRET_KEY=secrets.token_urlsafe(40),
        DEBUG="false",
        ALLOWED_HOSTS="127.0.0.1",
        ENV_FILE=str(tmp / "none.env"),
        DJANGO_SETTINGS_MODULE="opvoedwijzer.settings",
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    from opvoedwijzer.contacts import rollup
    from opvoedwijzer.contacts.models import Contact
    from opvoedwijzer.core.models import Membership, Municipality, Role, User
    from opvoedwijzer.core.services import create_organisation

    lines = []

    def say(msg=""):
        lines.append(msg)
        print(msg, flush=True)

    t = time.perf_counter()
    call_command("migrate", verbosity=0)
    orgs = []
    for slug in ("bench-csv", "bench-xlsx"):
        org = create_organisation(
            slug=slug,
            name=slug,
            municipalities=Municipality.objects.filter(code__in=["71053", "71017", "73022"]),
        )
        user = User.objects.create_user(email=f"coordinator@{slug}.test", password=secrets.token_urlsafe())
        Membership.objects.create(user=user, organisation=org, role=Role.COORDINATOR)
        orgs.append(org)
    print(f"database ready in {time.perf_counter() - t:.1f} s ({tmp})", flush=True)

    t = time.perf_counter()
    csv_path, xlsx_path = tmp / "registraties.csv", tmp / "registraties.xlsx"
    write_csv(csv_path, args.rows)
    write_xlsx(xlsx_path, args.rows)
    print(f"files written in {time.perf_counter() - t:.1f} s", flush=True)

    def run(slug, path, label, profile=False):
        out = io.StringIO()
        profiler = cProfile.Profile() if profile else None
        start, cpu = time.perf_counter(), time.process_time()
        with contextlib.ExitStack() as stack:
            if profiler:
                profiler.enable()
                stack.callback(profiler.disable)
            call_command("import_contacts", slug, str(path), stdout=out)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        last = out.getvalue().splitlines()[-1]
        say(
            f"{label:<28} {seconds:7.1f} s  {args.rows / seconds:9,.0f} rows/s  (CPU {cpu:5.1f} s)  "
            f"{'within' if seconds < BUDGET_S else 'OVER'} the {BUDGET_S} s budget   → {last}"
        )
        if profiler:
            stats = io.StringIO()
            pstats.Stats(profiler, stream=stats).sort_stats("tottime").print_stats(25)
            print(stats.getvalue())
        return seconds, last

    say(f"Import of past registrations: {args.rows:,} rows, SQLite, through manage.py import_contacts")
    say(f"files: CSV {csv_path.stat().st_size / 1e6:.1f} MB, XLSX {xlsx_path.stat().st_size / 1e6:.1f} MB")
    say()
    problems = []
    _s, last = run("bench-csv", csv_path, "CSV (;, UTF-8 BOM)", args.profile)
    if not last.startswith(f"imported {args.rows}, unchanged 0, refused 0"):
        problems.append(f"CSV: unexpected last line {last!r} (expected imported {args.rows})")
    _s, last = run("bench-xlsx", xlsx_path, "XLSX (real date cells)")
    if last != f"imported {args.rows}, unchanged 0, refused 0":
        problems.append(f"XLSX: unexpected last line {last!r}")
    _s, last = run("bench-csv", csv_path, "CSV again (all unchanged)")
    if last != f"imported 0, unchanged {args.rows}, refused 0":
        problems.append(f"CSV again: unexpected last line {last!r}")
    for org in orgs:
        if Contact.objects.for_org(org).count() != args.rows:
            problems.append(f"{org.slug}: {Contact.objects.for_org(org).count()} contacts")
        drift = rollup.check(org, repair=False)
        if drift:
            problems.append(f"{org.slug}: roll-up differs from a recount in {drift} rows")
    say()
    say(
        f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs "
        "(other work on the machine slows every figure)"
    )
    say("roll-up equals a recount: " + ("yes" if not any("roll-up" in p for p in problems) else "NO"))
    for problem in problems:
        say(f"PROBLEM: {problem}")
    OUT.mkdir(exist_ok=True)
    (OUT / f"imports-{args.rows}.txt").write_text("\n".join(lines) + "\n")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
