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
    # the classes of issue 12: introductions, lowercase names, addresses and numbers in words,
    # services and schools
    "goeiedag, met els vermeulen, mijn naam is els en ik bel voor mijn zoon.",
    "Mail naar piet punt peeters at gmail punt com of bel nul vier zeven vijf, twaalf vierendertig.",
    "Doorverwezen naar Tejo Hasselt; tolk via Babel; zoon zit in het Sint-Jozefcollege.",
    "Info over Infino en het Groeipakket; VBS De Klimop belt terug (078 15 00 10).",
    # the classes of issue 12's second round: typos in numbers, odd groupings, handles without
    # "@", lowercase streets, dates in words, names in brackets, places and unknown services
    "rrn vader: 79-12-03 391-08; nummer: 04 76 - 3 22 - 19 86; op Snapchat als 'ruben.vdb07'.",
    "adres: grote markt 3, 2e verdieping; geboren op de twintigste van mei 2018; mama (ans).",
    "Gezin uit Borgerhout, naar Eetexpert en Lumens; CKG Sloebernest; via Snapchat en Telegram.",
    # the classes of issue 12's third round: programmes and course titles, institutions named after
    # royals, compass words, school years, Discord tags, years in words
    "Info over Triple P Tieners en de cursus Rots en Water; Koningin Paola Kinderziekenhuis belt.",
    "Juf van het vijfde; wijkteam Den Haag Zuidwest; op Discord als shadowqueen#4471.",
    "geboren op negen januari tweeduizend achttien, hier met Verhoeven, mevrouw De Koning.",
    # the classes of issue 12's fourth round: characters and shows, sayings, common nouns, "bus"
    "Voorlezen: 'Jip en Janneke', Dolfje Weerwolfje; ze kijkt Woezel en Pip; zoon Pip (4) ook.",
    "'mijn naam is haas', zegt meneer van de bakkerij; nieuw adres Vlaszak 8 bus 0102 in Gent.",
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
    times, cpu = [], []
    for text in texts:
        t, c = time.perf_counter(), time.thread_time()
        find_pii(text)
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.thread_time() - c) * 1000)
    times.sort()
    cpu.sort()
    p = lambda q: times[int(q * (len(times) - 1))]  # noqa: E731
    print("PII guard benchmark (1000 texts of 500 characters)")
    print(
        f"  per text: p50 {p(0.5):.2f} ms · p95 {p(0.95):.2f} ms · p99 {p(0.99):.2f} ms · "
        f"max {times[-1]:.2f} ms · mean {statistics.mean(times):.2f} ms   (budget p95 < 20 ms)"
    )
    # CPU time is what the guard itself costs; the clock also counts other work on a busy machine
    cpu_p95 = cpu[int(0.95 * (len(cpu) - 1))]
    print(
        f"  per text, CPU time: p50 {cpu[len(cpu) // 2]:.2f} ms · p95 {cpu_p95:.2f} ms"
        f"   (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
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
    social_map(texts, rng)


def social_map(texts, rng):
    """The allow-list of a large social map (20 000 services): its numbers and names, as
    `socialmap.selectors.public_phone_numbers` reads them, turned into the guard's allow-list and
    organisation vocabulary (built once per map, then taken from a cache), and the guard with it."""
    from opvoedwijzer.privacy.pii import _allowed_phones, _social_map_organisations, find_pii
    from opvoedwijzer.socialmap.selectors import MapNumbers

    words = "Huis Kind Opvoeding Spreekuur Praatgroep Tejo Ligo Atlas Zorg Punt Hasselt Genk".split()
    numbers = MapNumbers(
        f"011 {rng.randint(10, 99)} {rng.randint(10, 99)} {n % 100:02d}" for n in range(20_000)
    )
    numbers.names = tuple(
        f"{rng.choice(words)} {rng.choice(words)} {n}" if n % 3 else f"Dienst{n} vzw" for n in range(20_000)
    )
    _social_map_organisations.cache_clear()
    t0 = time.perf_counter()
    allowed = _allowed_phones(numbers)
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    allowed = _allowed_phones(numbers)
    again = time.perf_counter() - t0
    times = []
    for text in texts[:300]:
        t = time.perf_counter()
        find_pii(text, allowed_phones=allowed)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    print(
        f"  a social map of 20 000 services (numbers + names): allow-list {first * 1000:.0f} ms the "
        f"first time, {again * 1000:.0f} ms from the cache; per text p95 "
        f"{times[int(0.95 * (len(times) - 1))]:.2f} ms"
    )


if __name__ == "__main__":
    main()
