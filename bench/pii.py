"""PII guard budgets: p95 < 20 ms on a 500-character text, < 2 s start-up, < 200 MB per process.

Run: .venv/bin/python bench/pii.py   (or `make bench-pii`). Prints the figures; asserts nothing.
"""

import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SENTENCES = [
    "Mama van Lotte belt over slaapproblemen van haar peuter.",
    "Ze woont in de Kerkstraat 12 bus 3 in Sint-Truiden en is bereikbaar op 0470 12 34 56.",
    "De juf zegt dat hij in de klas heel stil is sinds Kerstmis.",
    "Vader vraagt info over het Groeipakket; doorverwezen naar Kind en Gezin.",
    "Meneer Bakkali wil een afspraak op 3 mei om 14u30 bij het CLB.",
    "Oma maakt zich zorgen over TikTok en Fortnite bij haar kleinzoon van 12.",
    "Mail lotte.peeters@gmail.com of volg @lotte_2012 op Instagram.",
    "Noah (°12/03/2019) huilt elke avond bij het slapengaan; de ouders zijn moe.",
    "Gesprek met mevrouw Van den Broeck over pesten op school in Tongeren-Borgloon.",
]


def text_of(length, rng):
    out = ""
    while len(out) < length:
        out += rng.choice(SENTENCES) + " "
    return out[:length]


def main():
    # Start-up: a fresh process that imports the guard and scans one text.
    code = (
        "import os, time; t=time.perf_counter(); os.environ.setdefault('DJANGO_SETTINGS_MODULE',"
        "'opvoedwijzer.settings'); os.environ.setdefault('DEBUG','true'); import django; "
        "django.setup(); from opvoedwijzer.privacy.pii import find_pii; find_pii('Bel Lotte op "
        "0470 12 34 56'); print(time.perf_counter()-t)"
    )
    startups = []
    for _ in range(3):
        t0 = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
        )
        startups.append((time.perf_counter() - t0, float(out.stdout.strip())))

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opvoedwijzer.settings")
    os.environ.setdefault("DEBUG", "true")
    import django

    django.setup()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    from opvoedwijzer.privacy.pii import find_pii

    find_pii("Bel Lotte op 0470 12 34 56")
    first_call = time.perf_counter() - t0
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    rng = random.Random(1)
    texts = [text_of(500, rng) for _ in range(1000)]
    times = []
    for text in texts:
        t = time.perf_counter()
        find_pii(text)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    p = lambda q: times[int(q * (len(times) - 1))]  # noqa: E731
    print("PII guard benchmark (1000 texts of 500 characters)")
    print(
        f"  per text: p50 {p(0.5):.2f} ms · p95 {p(0.95):.2f} ms · p99 {p(0.99):.2f} ms · "
        f"max {times[-1]:.2f} ms · mean {statistics.mean(times):.2f} ms   (budget p95 < 20 ms)"
    )
    print(
        "  start-up, new process (python + Django + guard + first text): "
        + ", ".join(f"{total:.2f} s" for total, _ in startups)
        + "   (budget < 2 s)"
    )
    print(f"  import + first call in a running Django process: {first_call * 1000:.0f} ms")
    print(
        f"  memory added by the guard: {(rss_after - rss_before) / 1024:.1f} MB "
        f"(max RSS {rss_after / 1024:.0f} MB)   (budget < 200 MB)"
    )


if __name__ == "__main__":
    main()
