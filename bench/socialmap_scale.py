"""Social map at scale: the HSDS 3.0 import and the search of 20 000 services, against the budgets
(the public map page through HTTP: first byte p95 < 100 ms; importing 20 000 services < 30 s).

    .venv/bin/python bench/socialmap_scale.py [--services 20000]          # SQLite, temporary
    .venv/bin/python bench/socialmap_scale.py \\
        --postgres postgresql://opvoedwijzer:opvoedwijzer@127.0.0.1:5432/opvoedwijzer_bench

1. A fresh database: SQLite in a temporary directory, or the PostgreSQL database named in
   --postgres, which is dropped and created (its name must contain "bench"), then dropped again.
   `migrate` and `seed_demo` through manage.py (DEBUG=true); the rest runs in this process with
   DEBUG=false (no query log, as in production).
2. N services as HSDS 3.0 JSON, the shape our export gives (`socialmap/hsds.py` `service_record`): a list
   of fully nested services with a fixed random seed. Each has a UUID, a name and a Dutch description
   drawn from a vocabulary (theme words such as "pesten", "scheiding", "slapen", "angst", "schermtijd";
   "ouders" in nearly every one, "rouwkoffer" in about 1 in 1 000), an `organization` (--organisations
   of them, each with 1–3 locations), 1–2 `service_at_locations` with the nested `location` and its
   `addresses` (postal codes and places of the zuid-limburg municipalities and a few outside), one phone,
   1–3 weekly `schedules`, `languages`, `service_areas` (`extent_type: "nis_code"`, the demo's NIS codes;
   a fifth of the services without: unlimited), and `attributes` holding `taxonomy_term`s of the
   "Opvoedwijzer: themes" and "Opvoedwijzer: life stages" taxonomies. A sample is validated against
   the HSDS schemas when --hsds-schema points at them.
3. `importers.import_hsds_json(org, data)` into zuid-limburg, timed as a whole (flatten + check + write +
   search index), with the time per phase (the importer's steps wrapped in this process), the SQL
   statements, the time the database took and its slowest statements. First as the code stands; when
   it refuses the file (its row limit, `importers.check.MAX_ROWS`), again with the limit raised in this
   process only, to measure the import itself. Then the same data again (nothing new: updates at
   most). Checks: the report says imported, nothing refused, the services are all there.
4. Searches as the staff screen runs them, in this process (no HTTP; no verdict on the public page's
   budget, which step 5 measures): `find_services(org, Criteria(...))`, then the paginator's
   `count()` and the first page `list(qs.for_cards()[:20])`; p50/p95 over --reps warm runs per scenario,
   with the statements per search and the time spent in the database. "Open now" is asked for a fixed
   moment (Tuesday 10:30), so that the figures do not depend on the hour the bench runs. PostgreSQL is
   ANALYZEd first (autovacuum would do so within a minute); SQLite is left as the application leaves it
   (it never runs ANALYZE).
5. The public social map through HTTP, the figure the budget judges (public page, first byte p95 <
   100 ms): gunicorn as `make run` starts it (the project's gunicorn.conf.py, bound to a free loopback
   port, CONN_MAX_AGE=60 as make run's .env; --workers/--threads override), DEBUG=false. For each page
   (/zuid-limburg/map/?open_now=on, with words, a theme, a language, empty), one keep-alive client,
   --http-reps GETs after a warm-up: first byte and whole response p50/p95, the server's CPU per
   request, the hits the page shows and the cards marked open. "Open now" asks the server's clock: a
   sitecustomize.py on the server's PYTHONPATH moves it to the same Tuesday 10:30 (--real-clock: the
   real hour, when on a Sunday evening almost nothing is open).
6. The HSDS API: `GET /api/hsds/zuid-limburg/services?per_page=50` with and without `full=true` (and a
   search), through django.test.Client, p50/p95 over --api-reps runs.
7. The query plans: on PostgreSQL `EXPLAIN ANALYZE` of the full-text part (`search.matching_text`), of
   the first page and the count of "pesten" and of the API search's count, and per text scenario whether
   the GIN index `socialmap_service_search` is used; on SQLite `EXPLAIN QUERY PLAN` of the same.
8. The summary on stdout and in bench/out/socialmap-scale-<sqlite|postgres>-<N>.txt, with the load
   average (other work on the machine inflates every figure) and a hash of the code under test.

A statement that runs longer than --cap seconds (60) is stopped (SQLite's progress handler, PostgreSQL's
statement_timeout) and reported as such; a search or page is repeated only as long as --cap allows. A
project function that fails is reported in the table and under "problems"; the rest is still measured.
--profile adds a cProfile of the second import (the 25 functions with the most own time).
"""

import argparse
import contextlib
import cProfile
import datetime
import functools
import io
import json
import os
import pstats
import random
import re
import secrets
import subprocess
import sys
import time
import uuid
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from reports_scale import Database, manage, masked, pct, table  # noqa: E402

OUT = HERE / "out"
ORG = "zuid-limburg"
FIRST_BYTE_BUDGET_MS = 100  # p95, "public page, first byte"
IMPORT_BUDGET_S = 30  # 20 000 services
PAGE_SIZE = 20  # socialmap/views.py
GIN_INDEX = "socialmap_service_search"
SOURCE = uuid.UUID("0b6f3f55-5a7e-4c1d-8d55-0d3c1b0e2a10")  # ids of the taxonomy terms of the "other" map
T0 = time.perf_counter()
LINES = []


def log(msg):
    print(f"[{time.perf_counter() - T0:7.1f}s] {msg}", flush=True)


def say(msg=""):
    """A line of the summary (stdout and the file)."""
    LINES.append(msg)
    print(msg, flush=True)


def ms(x):
    if x is None or x != x:
        return "—"
    return f"{x:.1f}" if x < 100 else f"{x:.0f}"


# --------------------------------------------------------------------------- the data

# NIS code → [(postal code, place)], province: the zuid-limburg municipalities, then a few outside it.
PLACES = {
    "71053": ([("3800", "Sint-Truiden"), ("3800", "Brustem"), ("3800", "Velm")], "Limburg"),
    "71017": ([("3890", "Gingelom")], "Limburg"),
    "71045": ([("3850", "Nieuwerkerken")], "Limburg"),
    "73022": ([("3870", "Heers")], "Limburg"),
    "73001": ([("3570", "Alken")], "Limburg"),
    "73098": ([("3830", "Wellen")], "Limburg"),
    "73111": ([("3700", "Tongeren"), ("3840", "Borgloon")], "Limburg"),
    "24130": ([("3440", "Zoutleeuw")], "Vlaams-Brabant"),
    "24133": ([("3350", "Linter")], "Vlaams-Brabant"),
    "71022": ([("3500", "Hasselt")], "Limburg"),
    "71016": ([("3600", "Genk")], "Limburg"),
    "24059": ([("3400", "Landen")], "Vlaams-Brabant"),
    "24107": ([("3300", "Tienen")], "Vlaams-Brabant"),
    "24062": ([("3000", "Leuven")], "Vlaams-Brabant"),
}
AREA = ["71053", "71017", "71045", "73022", "73001", "73098", "73111", "24130", "24133"]
PLACE_WEIGHTS = {"71053": 30, "73111": 12, "71022": 6, "24107": 4, "24062": 4, "71016": 3}  # others 5
AREA_WEIGHTS = {"71053": 6, "73111": 3}  # others 2
STREETS = [
    "Stationsstraat",
    "Kerkstraat",
    "Schepen Dejonghstraat",
    "Diestersteenweg",
    "Tiensesteenweg",
    "Naamsesteenweg",
    "Luikersteenweg",
    "Speelhoflaan",
    "Minderbroedersstraat",
    "Plankstraat",
    "Grote Markt",
    "Hasseltsesteenweg",
    "Dorpsstraat",
    "Molenstraat",
    "Schoolstraat",
    "Kapelstraat",
    "Veldstraat",
    "Zepperenweg",
]
ORG_KINDS = [
    "CAW",
    "Huis van het Kind",
    "CLB",
    "Kind en Gezin",
    "OCMW",
    "Gezinsbond",
    "CGG",
    "JAC",
    "Vzw",
    "Praktijk",
    "Thuisbegeleidingsdienst",
    "Buurtwerk",
    "Jeugdhulp",
    "Kinderopvang",
    "Opvoedingspunt",
    "Centrum voor Ontwikkelingsstoornissen",
]
ORG_NAMES = [
    "De Brug",
    "Het Anker",
    "De Regenboog",
    "Zonnebloem",
    "De Wegwijzer",
    "Kompas",
    "Horizon",
    "De Sleutel",
    "Vlinder",
    "Het Nest",
    "Kwadraat",
    "De Boomhut",
    "Lichtpunt",
    "Samen Sterk",
    "Tandem",
    "Ankerpunt",
]
SERVICE_KINDS = [
    "Praatgroep",
    "Oudercursus",
    "Spreekuur",
    "Individuele begeleiding",
    "Workshop",
    "Infoavond",
    "Thuisbegeleiding",
    "Onthaal",
    "Vorming",
    "Training",
    "Lotgenotengroep",
    "Opvoedingsondersteuning",
    "Consultatie",
    "Oudercafé",
    "Gezinscoaching",
    "Telefonische hulplijn",
    "Chat",
    "Groepsaanbod",
]
# Words a description uses for each theme (themes of defaults.THEMES missing here use their label).
THEME_WORDS = {
    "language": ["taalontwikkeling", "spraak", "stotteren"],
    "motor": ["motoriek", "bewegen", "fijne motoriek"],
    "toilet_training": ["zindelijkheid", "potjestraining", "bedplassen"],
    "sexual_development": ["seksuele ontwikkeling", "lichaamsbeleving"],
    "giftedness": ["hoogbegaafdheid", "hoogbegaafde kinderen"],
    "sleep": ["slapen", "doorslapen", "nachtmerries", "slaapritme"],
    "eating": ["eten", "voeding", "borstvoeding", "flesvoeding"],
    "crying": ["huilen", "huilbaby's"],
    "routines": ["dagritme", "rituelen", "bedtijd"],
    "health": ["gezondheid", "vaccinaties", "groei"],
    "tantrums": ["driftbuien", "koppigheid", "woede-uitbarstingen"],
    "aggression": ["agressie", "slaan en bijten"],
    "listening": ["luisteren", "ongehoorzaamheid"],
    "restlessness": ["druk gedrag", "ADHD", "concentratie"],
    "anxiety": ["angst", "faalangst", "piekeren", "angsten"],
    "low_mood": ["somberheid", "depressie", "verdriet"],
    "self_esteem": ["zelfvertrouwen", "weerbaarheid", "zelfbeeld"],
    "emotions": ["emoties", "boosheid", "gevoelens"],
    "boundaries": ["grenzen", "regels", "afspraken"],
    "rewards": ["belonen", "straffen", "time-out"],
    "pocket_money": ["zakgeld", "omgaan met geld"],
    "values": ["normen en waarden", "opvoeding"],
    "co_parenting": ["samen opvoeden", "opvoedingsstijl", "opvoeding"],
    "divorce": ["scheiding", "co-ouderschap", "verblijfsregeling"],
    "blended_family": ["nieuw samengesteld gezin", "plusouders"],
    "siblings": ["broers en zussen", "jaloezie", "ruzie"],
    "new_baby": ["gezinsuitbreiding", "zwangerschap", "geboorte"],
    "grief": ["rouw", "verlies", "overlijden"],
    "parent_wellbeing": ["stress", "burn-out", "welzijn van ouders"],
    "parent_conflict": ["ruzie tussen ouders", "conflicten"],
    "school_transition": ["schoolkeuze", "overstap naar het secundair"],
    "homework": ["huiswerk", "motivatie", "studeren"],
    "learning_difficulties": ["leerproblemen", "dyslexie", "dyscalculie"],
    "bullying": ["pesten", "cyberpesten", "gepest worden"],
    "childcare": ["kinderopvang", "naschoolse opvang", "onthaalouders"],
    "screen_time": ["schermtijd", "gamen", "smartphones"],
    "social_media": ["sociale media", "TikTok", "Instagram"],
    "online_safety": ["online veiligheid", "sexting", "privacy"],
    "puberty": ["puberteit", "pubers", "tieners"],
    "going_out": ["uitgaan", "alcohol", "drugs"],
    "relationships": ["relaties", "seksualiteit", "verliefdheid"],
    "radicalisation": ["radicalisering", "polarisatie"],
    "domestic_violence": ["huiselijk geweld", "partnergeweld"],
    "child_abuse": ["kindermishandeling", "verwaarlozing"],
    "disability": ["autisme", "beperking", "ontwikkelingsstoornis"],
    "foster_adoption": ["pleegzorg", "adoptie", "pleeggezinnen"],
    "migration": ["meertalig opvoeden", "nieuwkomers", "migratie"],
    "poverty": ["armoede", "geldzorgen", "schulden"],
    "benefits": ["groeipakket", "tegemoetkomingen"],
    "where_to_go": ["wegwijs", "doorverwijzing"],
    "leisure": ["vrije tijd", "spelen", "jeugdbeweging"],
}
COMMON_THEMES = {  # more often a service's theme than the others (weight 1)
    "emotions": 4,
    "boundaries": 4,
    "parent_wellbeing": 3,
    "sleep": 3,
    "tantrums": 3,
    "divorce": 3,
    "anxiety": 3,
    "bullying": 2,
    "puberty": 2,
    "screen_time": 2,
    "homework": 2,
    "where_to_go": 2,
}
AUDIENCE = {
    "expecting": "aanstaande ouders",
    "baby": "ouders van baby's",
    "toddler": "ouders van peuters",
    "preschool": "ouders van kleuters",
    "primary": "ouders van kinderen in de lagere school",
    "teen": "ouders van tieners",
    "young_adult": "jongvolwassenen en hun ouders",
}
STAGE_ORDER = list(AUDIENCE)
FILLERS = [
    "We luisteren naar je verhaal en zoeken samen naar wat werkt voor jullie gezin.",
    "Kinderen en jongeren zijn ook zelf welkom.",
    "Gratis en vertrouwelijk, zonder wachtlijst.",
    "Aanmelden kan telefonisch, via e-mail of door gewoon langs te komen.",
    "Een begeleider komt ook aan huis als dat beter past.",
    "In kleine groepjes wisselen ouders ervaringen uit.",
    "Met een tolk als dat nodig is.",
    "Voor gezinnen uit de hele regio Zuid-Limburg.",
    "Tijdens de sessies is er opvang voor de kinderen.",
    "Je krijgt tips die je thuis meteen kan toepassen.",
    "We werken samen met de school, het CLB en de huisarts.",
    "Na een eerste gesprek bekijken we samen welke hulp het best past.",
    "Er is een kleine bijdrage; wie het moeilijk heeft, betaalt minder.",
    "Ook grootouders en pleegouders kunnen terecht.",
]
RARE_SENTENCE = "Je kan er ook de rouwkoffer met boeken en spelletjes ontlenen."  # ~1 in 1 000
LANGUAGES = {"fr": 0.08, "en": 0.15, "ar": 0.03, "tr": 0.03, "pl": 0.02, "de": 0.02}
DAYS = ["MO,TU,WE,TH,FR", "MO,TU,TH,FR", "WE", "MO,TH", "TU,FR", "SA", "WE,SA", "MO", "TH"]
HOURS = [("09:00", "12:00"), ("13:00", "17:00"), ("09:00", "17:00"), ("08:30", "16:30"), ("18:00", "21:00")]


def drawn_uuid(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _weighted(rng, weights, default, population):
    return rng.choices(population, weights=[weights.get(p, default) for p in population])[0]


def _schedule(rng, owner_field, owner_id):
    opens, closes = rng.choice(HOURS)
    return {
        "id": drawn_uuid(rng),
        owner_field: owner_id,
        "freq": "WEEKLY",
        "byday": rng.choice(DAYS),
        "opens_at": f"{opens}:00",
        "closes_at": f"{closes}:00",
    }


def _location(rng, org_id, org_name):
    code = _weighted(rng, PLACE_WEIGHTS, 5, list(PLACES))
    places, province = PLACES[code]
    postal_code, city = rng.choice(places)
    location_id = drawn_uuid(rng)
    location = {
        "id": location_id,
        "location_type": "physical",
        "organization_id": org_id,
        "name": f"{org_name} – {city}",
        "latitude": round(50.82 + rng.uniform(-0.12, 0.12), 5),
        "longitude": round(5.19 + rng.uniform(-0.25, 0.25), 5),
        "addresses": [
            {
                "id": drawn_uuid(rng),
                "location_id": location_id,
                "address_1": f"{rng.choice(STREETS)} {rng.randint(1, 180)}",
                "city": city,
                "state_province": province,
                "postal_code": postal_code,
                "country": "BE",
                "address_type": "physical",
            }
        ],
    }
    if rng.random() < 0.3:  # the opening hours of the building (used by services without their own)
        location["schedules"] = [_schedule(rng, "location_id", location_id)]
    return location


def _term(kind, code, labels):
    taxonomy = {"theme": "Opvoedwijzer: themes", "life_stage": "Opvoedwijzer: life stages"}[kind]
    return {
        "id": str(uuid.uuid5(SOURCE, f"{kind}:{code}")),
        "code": code,
        "name": labels[code]["nl"],
        "description": labels[code]["en"],
        "taxonomy": taxonomy,
        "language": "nl",
    }


def generate_services(count, n_orgs, seed):
    """`count` fully nested HSDS 3.0 services (a list of dicts, as our export writes them)."""
    from opvoedwijzer.taxonomy import defaults

    rng = random.Random(seed)
    theme_codes = [t[0] for group in defaults.THEMES for t in group[3] if t[0] != "other"]
    theme_weights = [COMMON_THEMES.get(c, 1) for c in theme_codes]
    stage_bounds = {code: (low, high) for code, _nl, _en, low, high in defaults.LIFE_STAGES}
    labels = defaults.LABELS
    now = datetime.datetime.now(datetime.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    organisations = []
    for i in range(n_orgs):
        org_id = drawn_uuid(rng)
        kind, name = rng.choice(ORG_KINDS), rng.choice(ORG_NAMES)
        home = PLACES[_weighted(rng, PLACE_WEIGHTS, 5, list(PLACES))][0][0][1]
        org_name = f"{kind} {name} {home} {i + 1}"
        slug = f"org{i + 1}"
        organisations.append(
            {
                "record": {
                    "id": org_id,
                    "name": org_name,
                    "description": f"{kind} in {home}: hulp en advies voor gezinnen.",
                    "email": f"info@{slug}.example.be",
                    "website": f"https://www.{slug}.example.be/",
                },
                "locations": [_location(rng, org_id, org_name) for _ in range(rng.choice([1, 1, 2, 3]))],
            }
        )
    owners = [i % n_orgs for i in range(count)]
    rng.shuffle(owners)
    services = []
    for i, owner in enumerate(owners):
        organisation = organisations[owner]
        service_id = drawn_uuid(rng)
        themes = list(dict.fromkeys(rng.choices(theme_codes, theme_weights, k=rng.choice([1, 1, 2, 2, 3]))))
        stages = []
        if rng.random() < 0.85:
            first = rng.randrange(len(STAGE_ORDER))
            stages = STAGE_ORDER[first : first + rng.choice([1, 1, 2])]
        words = [w for t in themes for w in THEME_WORDS.get(t, [labels["theme"][t]["nl"].lower()])]
        picked = rng.sample(words, k=min(len(words), 3))
        kind = rng.choice(SERVICE_KINDS)
        topic = THEME_WORDS.get(themes[0], [labels["theme"][themes[0]]["nl"].lower()])[0]
        locations = organisation["locations"]
        at = rng.sample(locations, k=min(len(locations), rng.choice([1, 1, 1, 2])))
        name = f"{kind} {rng.choice(['over', 'rond'])} {topic}"
        if rng.random() < 0.3:
            name += f" {at[0]['addresses'][0]['city']}"
        audience = " en ".join(AUDIENCE[s] for s in stages) if stages else "alle ouders en opvoeders"
        topics = ", ".join(picked[:-1]) + f" of {picked[-1]}" if len(picked) > 1 else picked[0]
        sentences = [f"{kind} voor {audience} met vragen over {topics}."]
        sentences += rng.sample(FILLERS, k=rng.randint(1, 3))
        if rng.random() < 0.001:
            sentences.append(RARE_SENTENCE)
        status = rng.choices(
            ["active", "temporarily closed", "inactive", "defunct"], weights=[970, 15, 10, 5]
        )[0]
        record = {
            "id": service_id,
            "organization_id": organisation["record"]["id"],
            "name": name,
            "description": " ".join(sentences),
            "url": f"{organisation['record']['website']}aanbod/{i + 1}" if rng.random() < 0.6 else None,
            "email": f"aanbod{i + 1}@org{owner + 1}.example.be" if rng.random() < 0.5 else None,
            "status": status,
            "application_process": "Bel of mail om een afspraak te maken." if rng.random() < 0.5 else None,
            "fees_description": "Gratis" if rng.random() < 0.4 else None,
            "last_modified": now,
        }
        if stages and rng.random() < 0.5:
            low = max(0, min(stage_bounds[s][0] for s in stages))
            high = max((stage_bounds[s][1] or 300) for s in stages)
            record["minimum_age"] = round(low / 12, 2)
            if high < 300:
                record["maximum_age"] = round(high / 12, 2)
        record["organization"] = organisation["record"]
        record["phones"] = [
            {
                "id": drawn_uuid(rng),
                "service_id": service_id,
                "number": f"011 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
                "type": "voice",
            }
        ]
        record["schedules"] = (
            [_schedule(rng, "service_id", service_id) for _ in range(rng.randint(1, 3))]
            if rng.random() < 0.9
            else []
        )
        areas = []
        if rng.random() < 0.8:
            codes = {_weighted(rng, AREA_WEIGHTS, 2, AREA) for _ in range(rng.choice([1, 1, 2, 3, 4, 9]))}
            for code in sorted(codes):
                areas.append(
                    {
                        "id": str(uuid.uuid5(uuid.UUID(service_id), f"area:{code}")),
                        "service_id": service_id,
                        "name": PLACES[code][0][0][1],
                        "description": PLACES[code][0][0][1],
                        "extent_type": "nis_code",
                        "extent": code,
                    }
                )
        record["service_areas"] = areas
        codes = ["nl"] + [code for code, share in LANGUAGES.items() if rng.random() < share]
        record["languages"] = [
            {
                "id": str(uuid.uuid5(uuid.UUID(service_id), f"language:{c}")),
                "service_id": service_id,
                "code": c,
            }
            for c in codes
        ]
        record["service_at_locations"] = [
            {"id": drawn_uuid(rng), "service_id": service_id, "location_id": loc["id"], "location": loc}
            for loc in at
        ]
        terms = [_term("theme", t, labels["theme"]) for t in themes]
        terms += [_term("life_stage", s, labels["life_stage"]) for s in stages]
        record["attributes"] = [
            {
                "id": str(uuid.uuid5(uuid.UUID(service_id), f"attribute:{term['id']}")),
                "link_id": service_id,
                "taxonomy_term_id": term["id"],
                "link_type": "service_category",
                "link_entity": "service",
                "taxonomy_term": term,
            }
            for term in terms
        ]
        services.append({k: v for k, v in record.items() if v not in (None, "", [])})
    return services


def validate_sample(services, schema_dir, n=100):
    """Errors of the first n services against HSDS's service.json (None: not checked)."""
    try:
        import jsonschema
        import referencing
        import referencing.jsonschema
    except ImportError:
        return None
    schemas = {p.name: json.loads(p.read_text()) for p in Path(schema_dir).glob("*.json")}
    if "service.json" not in schemas:
        return None
    spec = referencing.jsonschema.DRAFT202012
    registry = referencing.Registry().with_resources(
        (name, referencing.Resource.from_contents(s, default_specification=spec))
        for name, s in schemas.items()
    )
    validator = jsonschema.Draft202012Validator(schemas["service.json"], registry=registry)
    return [f"{s['id']}: {e.message}" for s in services[:n] for e in validator.iter_errors(s)]


# --------------------------------------------------------------------------- measuring


class SqlMeter:
    """Counts the statements and the time spent in the database (connection.execute_wrapper)."""

    def __init__(self):
        self.statements = 0
        self.seconds = 0.0
        self.timings = []  # (seconds, the statement's start, executemany)

    def __call__(self, execute, sql, params, many, context):
        t = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            elapsed = time.perf_counter() - t
            self.seconds += elapsed
            self.statements += 1
            self.timings.append((elapsed, " ".join(sql.split())[:90], many))

    def slowest(self, n=5):
        return sorted(self.timings, reverse=True)[:n]


@contextlib.contextmanager
def metered():
    from django.db import connection

    meter = SqlMeter()
    with connection.execute_wrapper(meter):
        yield meter


class Interrupted(Exception):
    """A statement ran longer than the bench's --cap and was stopped."""


@contextlib.contextmanager
def deadline(seconds):
    """Stop any statement that runs longer than `seconds` (a guard of the bench, not the application's:
    SQLite's progress handler, PostgreSQL's statement_timeout); raises Interrupted."""
    from django.db import OperationalError, connection

    connection.ensure_connection()
    postgres = connection.vendor == "postgresql"
    if postgres:
        with connection.cursor() as cursor:
            cursor.execute(f"SET statement_timeout = {int(seconds * 1000)}")
    else:
        end = time.perf_counter() + seconds
        connection.connection.set_progress_handler(lambda: int(time.perf_counter() > end), 100_000)
    try:
        yield
    except OperationalError as error:
        if "interrupted" in str(error) or "statement timeout" in str(error):
            raise Interrupted(f"stopped after {seconds:g} s") from error
        raise
    finally:
        if postgres:
            with connection.cursor() as cursor:
                cursor.execute("SET statement_timeout = 0")
        elif connection.connection is not None:
            connection.connection.set_progress_handler(None, 0)


@contextlib.contextmanager
def phase_timer():
    """Time spent in the importer's steps (wrapped here, for this process only): {name: seconds}."""
    from opvoedwijzer.socialmap import importers, search

    spent = Counter()
    undo = []

    def wrap(owner, name, label=None):
        original = owner.__dict__.get(name)
        if original is None:  # the importer has changed: time what is still there
            return

        @functools.wraps(original)
        def timed(*args, **kwargs):
            t = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                spent[label(args) if label else name] += time.perf_counter() - t

        setattr(owner, name, timed)
        undo.append((owner, name, original))

    wrap(importers, "flatten_json")
    wrap(importers.check.Checker, "check")
    writer = importers.write.Writer
    for name in ("write", "_links", "_children", "_relations", "_merge_into_locations"):
        wrap(writer, name)
    wrap(writer, "_upsert", lambda args: f"_upsert {args[2]}")
    wrap(writer, "_upsert_rows", lambda args: f"_upsert_rows {args[2]}")
    wrap(search, "reindex", lambda args: "search.reindex")
    try:
        yield spent
    finally:
        for owner, name, original in reversed(undo):
            setattr(owner, name, original)


def timed_import(org, data, profile=False):
    """import_hsds_json as a whole; returns (report or the ImportFileError, seconds, phases, meter, stats)."""
    from django.db import connection

    from opvoedwijzer.socialmap import importers

    profiler = cProfile.Profile() if profile else None
    with phase_timer() as phases, metered() as meter:
        t = time.perf_counter()
        try:
            if profiler:
                profiler.enable()
            result = importers.import_hsds_json(org, data)
        except importers.ImportFileError as error:
            result = error
        finally:
            if profiler:
                profiler.disable()
        seconds = time.perf_counter() - t
    connection.close()
    stats = None
    if profiler:
        buffer = io.StringIO()
        pstats.Stats(profiler, stream=buffer).sort_stats("tottime").print_stats(25)
        stats = buffer.getvalue()
    return result, seconds, dict(phases), meter, stats


def phase_lines(phases, total):
    """The phases as an indented tree: flatten, check, write (and what write does)."""
    order = ["flatten_json", "check", "write"]
    inner = [k for k in phases if k not in order]
    lines = []
    for name in order:
        if name in phases:
            lines.append(f"    {name:<34} {phases[name]:7.2f} s")
        if name == "write":
            for sub in sorted(inner, key=lambda k: -phases[k]):
                lines.append(f"      {sub:<32} {phases[sub]:7.2f} s")
    rest = total - sum(phases.get(k, 0) for k in order)
    lines.append(f"    {'the rest (transaction, setup)':<34} {rest:7.2f} s")
    return lines


def next_tuesday_1030():
    from django.utils import timezone

    today = timezone.localdate()
    day = today + datetime.timedelta(days=(1 - today.weekday()) % 7 or 7)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 30)))


def search_scenarios(org):
    from opvoedwijzer.core.models import Municipality
    from opvoedwijzer.socialmap.search import Criteria
    from opvoedwijzer.taxonomy.models import LifeStage, Theme

    bullying = Theme.objects.for_org(org).get(code="bullying")
    primary = LifeStage.objects.for_org(org).get(code="primary")
    sint_truiden = Municipality.objects.get(code="71053")
    return [
        ('text "pesten"', Criteria(text="pesten")),
        ('text "pesten, 10 jaar, Sint-Truiden"', Criteria(text="pesten, 10 jaar, Sint-Truiden")),
        ('rare word "rouwkoffer"', Criteria(text="rouwkoffer")),
        ('common word "ouders"', Criteria(text="ouders")),
        ("theme bullying", Criteria(theme=bullying)),
        ("life stage primary + Sint-Truiden", Criteria(life_stage=primary, municipality=sint_truiden)),
        ("open now (Tuesday 10:30)", Criteria(open_now=True)),
        ('language "fr"', Criteria(language="fr")),
        (
            "all combined",
            Criteria(
                text="pesten, 10 jaar, Sint-Truiden",
                theme=bullying,
                life_stage=primary,
                language="nl",
                open_now=True,
            ),
        ),
        ("empty search (all services)", Criteria()),
    ]


def run_search(org, criteria, moment):
    """The staff screen's work for one search: find, count (the paginator), the first page."""
    from opvoedwijzer.socialmap.search import find_services

    t0 = time.perf_counter()
    qs, _understood = find_services(org, criteria, moment=moment)
    cards = qs.for_cards()
    t1 = time.perf_counter()
    hits = cards.count()
    t2 = time.perf_counter()
    page = list(cards[:PAGE_SIZE])
    t3 = time.perf_counter()
    return hits, page, (t3 - t0) * 1000, (t2 - t1) * 1000, (t3 - t2) * 1000


def search_sql(org, criteria, moment):
    """The SQL of the count and of the first page's main query, as sent (with the values in it)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        run_search(org, criteria, moment)
    selects = [q["sql"] for q in captured.captured_queries if q["sql"].lstrip().upper().startswith("SELECT")]
    count = next((s for s in selects if "COUNT(" in s.upper()), None)
    page = next((s for s in selects if "COUNT(" not in s.upper() and "socialmap_service" in s), None)
    return count, page


def explain(sql, analyze=True, params=None):
    from django.db import connection

    if connection.vendor == "postgresql":
        prefix = "EXPLAIN (ANALYZE, BUFFERS) " if analyze else "EXPLAIN "
    else:
        prefix = "EXPLAIN QUERY PLAN "
    with connection.cursor() as cursor:
        cursor.execute(prefix + sql, params)
        rows = cursor.fetchall()
    if connection.vendor == "postgresql":
        return [r[0] for r in rows]
    return [r[-1] for r in rows]


def fulltext_sql(word):
    """The SQL (and parameters) of search.matching_text for one word over all services, best 20 first."""
    from opvoedwijzer.socialmap.models import Service
    from opvoedwijzer.socialmap.search import matching_text

    qs = matching_text(Service.objects.only("id"), [word]).order_by("-rank")[:20]
    return qs.query.sql_with_params()


def code_hash():
    """A short hash of the code under test (socialmap/, api/hsds.py): the tree may change between runs."""
    import hashlib

    digest = hashlib.sha1()
    for path in sorted([*ROOT.glob("opvoedwijzer/socialmap/**/*.py"), ROOT / "opvoedwijzer/api/hsds.py"]):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def load():
    """The 1, 5 and 15 minute load averages (other work on the machine makes every figure worse)."""
    return " / ".join(f"{x:.1f}" for x in os.getloadavg())


def api_get(client, path):
    t = time.perf_counter()
    response = client.get(path)
    elapsed = (time.perf_counter() - t) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"status {response.status_code}: {response.content[:300]!r}")
    return elapsed, len(response.content), response


def show_plans(org, scenarios, moment, client, cap):
    """The query plans of the text search (and, on PostgreSQL, whether the GIN index is used)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    postgres = connection.vendor == "postgresql"
    texts = [(n, c) for n, c in scenarios if c.text]
    if postgres:
        say(f"PostgreSQL: is the GIN index {GIN_INDEX} used? (EXPLAIN of each text search's count and page)")
        for name, criteria in texts:
            try:
                with deadline(cap):
                    count_sql, page_sql = search_sql(org, criteria, moment)
            except Interrupted:
                say(f"  {name}: the search ran longer than {cap:g} s")
                continue
            used = [GIN_INDEX in "\n".join(explain(s, analyze=False)) for s in (count_sql, page_sql) if s]
            say(f"  {name}: count {'yes' if used[0] else 'NO'}, page {'yes' if used[-1] else 'NO'}")
    fulltext = fulltext_sql("pesten")
    count_sql = page_sql = None
    # Stopped or failed (reported above): the plans of what did run.
    with contextlib.suppress(Exception), deadline(cap):
        count_sql, page_sql = search_sql(org, texts[0][1], moment)
    with CaptureQueriesContext(connection) as captured, contextlib.suppress(Exception), deadline(cap):
        client.get(f"/api/hsds/{ORG}/services?search=pesten&full=true&per_page=50")
    api_sql = next((q["sql"] for q in captured.captured_queries if "COUNT(" in q["sql"].upper()), None)
    for title, sql, params in [
        ("the full-text part alone: search.matching_text(services, ['pesten']), best 20", *fulltext),
        ('the first page of "pesten" as find_services makes it', page_sql, None),
        ('the count of "pesten"', count_sql, None),
        ("the count of GET /api/hsds/…/services?search=pesten (hsds.py _filtered_services)", api_sql, None),
    ]:
        if not sql:
            continue
        say()
        say(f"{'EXPLAIN ANALYZE' if postgres else 'EXPLAIN QUERY PLAN'} — {title}:")
        try:
            with deadline(cap):
                lines = explain(sql, params=params)
        except Interrupted:
            lines = [f"(EXPLAIN ANALYZE stopped after {cap:g} s; the plan without ANALYZE:)"]
            lines += explain(sql, analyze=False, params=params)
        for line in lines:
            say("  " + line)


# --------------------------------------------------------------------------- HTTP

PUBLIC_PAGES = [  # the public social map, /<org>/map/?… (what a parent sees)
    ("open now", "open_now=on"),
    ('"pesten" + open now', "q=pesten&open_now=on"),
    ('"pesten, 10 jaar, Sint-Truiden" + open now', "q=pesten%2C+10+jaar%2C+Sint-Truiden&open_now=on"),
    ('"pesten"', "q=pesten"),
    ('common word "ouders"', "q=ouders"),
    ("theme bullying", "theme=bullying"),
    ('language "fr"', "language=fr"),
    ("empty search (all services)", ""),
]


# The server's clock, moved (bench only): written as sitecustomize.py into a temporary folder on the
# server's PYTHONPATH, so that Django's timezone.now() — and with it "open now" — reads the moment
# of the in-process scenario (Tuesday 10:30) and not the hour the bench happens to run at.
CLOCK_SHIFT = """import datetime, os
from django.utils import timezone
_shift = datetime.timedelta(seconds=float(os.environ["OPVOEDWIJZER_BENCH_CLOCK_SHIFT_S"]))
_now = timezone.now
timezone.now = lambda: _now() + _shift
"""
RESULTS = re.compile(r'id="results-title">\s*(\d+)')


def http_pages(args, org, database, problems):
    """The public social map through HTTP against gunicorn as `make run` starts it; returns the rows."""
    import tempfile

    from agenda import Fetcher, describe_setup, measure_url, project_gunicorn
    from django.db import connections
    from django.utils import timezone
    from run import CpuMeter, free_port

    from opvoedwijzer.socialmap.search import Criteria, find_services

    fixed = next_tuesday_1030()
    open_fixed = find_services(org, Criteria(open_now=True), moment=fixed)[0].count()
    open_here = find_services(org, Criteria(open_now=True))[0].count()
    connections.close_all()  # nothing of this process holds the database meanwhile
    env = {**os.environ, "TESTING": "true"}  # plain http on 127.0.0.1, as the agenda bench
    clock = None
    if not args.real_clock:
        clock = Path(tempfile.mkdtemp(prefix="opvoedwijzer-bench-clock-"))
        (clock / "sitecustomize.py").write_text(CLOCK_SHIFT)
        shift = (fixed - timezone.now()).total_seconds()
        env["PYTHONPATH"] = os.pathsep.join([str(clock), env.get("PYTHONPATH", str(ROOT))])
        env["OPVOEDWIJZER_BENCH_CLOCK_SHIFT_S"] = str(shift)
    server_now = fixed if clock else timezone.localtime()
    port = free_port()
    logfile = Path(database.tmp or tempfile.gettempdir()) / f"opvoedwijzer-map-gunicorn-{port}.log"
    server, setup = project_gunicorn(env, port, logfile, args.workers, args.threads, args.conn_max_age)
    rows = []
    try:
        server.start()
        log(f"gunicorn on 127.0.0.1:{port}: {describe_setup(setup)}")
        paths = [(name, f"/{ORG}/map/" + (f"?{query}" if query else "")) for name, query in PUBLIC_PAGES]
        for _ in range(2 * setup["workers"]):  # warm every worker (and its connections)
            for _name, path in paths:
                fetcher = Fetcher(port)  # a fresh connection each time: any worker
                fetcher.get(path)
                fetcher.close()
        with CpuMeter(server.proc.pid) as cpu:
            for name, path in paths:
                try:
                    r = measure_url(port, path, args.http_reps, args.cap, server.proc.pid)
                except Exception as error:  # reported, the rest still measured
                    problems.append(f"GET {path}: {type(error).__name__}: {error}")
                    log(f"  {path}: {error}")
                    continue
                rows.append((name, path, r))
                log(f"  {path}: first byte p50 {ms(r['fb50'])} ms, p95 {ms(r['fb95'])} ms")
        log_text = server.log_text()
    finally:
        server.stop()
        if not args.keep:
            Path(server.logfile).unlink(missing_ok=True)
        if clock is not None:
            (clock / "sitecustomize.py").unlink(missing_ok=True)
            clock.rmdir()
    say()
    say(
        f"Public social map through HTTP: {describe_setup(setup)}, on 127.0.0.1, DEBUG=false, "
        f"TESTING=true (plain http); one keep-alive client, {args.http_reps} sequential GETs per page after "
        f"a warm-up (or fewer within --cap {args.cap:g} s). First byte: request sent → status line and "
        f"headers read. Budget: public page first byte p95 < {FIRST_BYTE_BUDGET_MS} ms."
    )
    if clock:
        say(
            f'"Open now" is the server\'s now: its clock was moved to {server_now:%A %H:%M} (the in-process '
            f"scenario's moment: {open_fixed:,} services open then; {open_here:,} at the real hour) by a "
            "sitecustomize.py on its PYTHONPATH; --real-clock measures at the real hour"
        )
    else:
        say(
            f'"Open now" is the server\'s real now ({server_now:%A %H:%M}): {open_here:,} services open '
            f"(Tuesday 10:30, the in-process scenario: {open_fixed:,})"
            + (" — few are open now: the open-now rows say little" if open_here < open_fixed / 4 else "")
        )
    table_rows = []
    for name, _path, r in rows:
        ok = r["fb95"] < FIRST_BYTE_BUDGET_MS and not r["failed"]
        found = RESULTS.search(r["body"].decode(errors="replace"))
        table_rows.append(
            (
                name,
                f"{int(found.group(1)):,}" if found else "?",
                r["body"].count(b"tag--open"),
                r["n"],
                ms(r["fb50"]),
                ms(r["fb95"]),
                ms(r["t50"]),
                ms(r["cpu_ms"]),
                f"{r['other_share']:.0%}",
                f"{r['bytes'] / 1000:.1f} kB",
                "OK" if ok else ("WRONG" if r["failed"] else "OVER"),
            )
        )
        if not ok:
            problems.append(
                f"GET {name} over HTTP: first byte p95 {ms(r['fb95'])} ms"
                + (f", {r['failed']} answers not 200" if r["failed"] else "")
            )
    say(
        table(
            [
                "public page",
                "hits",
                "open",
                "runs",
                "1st byte p50",
                "p95 ms",
                "total p50",
                "server CPU ms",
                "other CPU",
                "bytes",
                "budget",
            ],
            table_rows,
        )
    )
    c = cpu.figures if rows else {}
    if c:
        say(
            "server CPU ms: the gunicorn workers' CPU per request; other CPU: the machine's share other "
            f"processes used meanwhile ({c['other_cpu_s']:.1f} s of {c['capacity_cpu_s']:.0f} s"
            + (
                " — DISTURBED: the latencies are pessimistic)"
                if c["other_cpu_s"] > 0.1 * c["capacity_cpu_s"]
                else ")"
            )
        )
    say(
        'hits: the count the page shows; open: cards marked "open now" on the first page (20 a page); '
        "bytes: transferred, gzip asked"
    )
    say(f"paths: {'; '.join(f'{name} = {path}' for name, path, _r in rows)}")
    tracebacks = log_text.count("Traceback")
    if tracebacks:
        problems.append(f"server log: {tracebacks} tracebacks")
    return rows


# --------------------------------------------------------------------------- main


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=20_000)
    parser.add_argument("--organisations", type=int, default=2_000)
    parser.add_argument("--postgres", metavar="URL", help="a PostgreSQL DATABASE_URL (created, then dropped)")
    parser.add_argument("--reps", type=int, default=30, help="timed runs per search scenario")
    parser.add_argument("--api-reps", type=int, default=20, help="timed runs per API page")
    parser.add_argument(
        "--http-reps", type=int, default=40, help="GETs per public page through HTTP (0: none)"
    )
    parser.add_argument(
        "--real-clock", action="store_true", help="HTTP: open now at the real hour, not Tuesday 10:30"
    )
    parser.add_argument("--workers", type=int, help="override gunicorn.conf.py's workers")
    parser.add_argument("--threads", type=int, help="override gunicorn.conf.py's threads")
    parser.add_argument(
        "--conn-max-age", type=int, default=60, help="the server's CONN_MAX_AGE (make run's .env: 60)"
    )
    parser.add_argument(
        "--cap", type=float, default=60, help="stop a statement, and repeating a search or page, after n s"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--hsds-schema", default=str(HERE.parent / "tests" / "hsds" / "schema"), help="HSDS's schema/"
    )
    parser.add_argument("--profile", action="store_true", help="cProfile the second import")
    parser.add_argument("--keep", action="store_true", help="keep the database (print where it is)")
    args = parser.parse_args()

    database = Database(args.postgres)
    engine = database.engine
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "opvoedwijzer.settings",
        "DATABASE_URL": database.url,
        "DEBUG": "true",
        "TESTING": "false",
        "PYTHONPATH": str(ROOT),
    }
    try:
        database.create()
        log(f"database: {engine} {masked(database.url) if engine == 'postgres' else database.path}")
        t = time.perf_counter()
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "seed_demo")
        log(f"migrate + seed_demo: {time.perf_counter() - t:.1f} s")
        # This process: production-like (no query log), plain http on 127.0.0.1 for the test client.
        os.environ.update(
            env,
            DEBUG="false",
            SECRET_KEY=secrets.token_hex(32),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            SECURE_SSL_REDIRECT="false",
        )
        import django

        django.setup()
        measure(args, database)
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


def measure(args, database):
    from django.db import connection
    from django.test import Client

    from opvoedwijzer.core.models import Organisation
    from opvoedwijzer.socialmap import importers
    from opvoedwijzer.socialmap.forms import ImportForm
    from opvoedwijzer.socialmap.models import Location, MapOrganisation, Service

    engine = database.engine
    org = Organisation.objects.get(slug=ORG)
    demo_services = Service.objects.for_org(org).count()

    log(f"generating {args.services:,} services of {args.organisations:,} organisations (seed {args.seed})")
    t = time.perf_counter()
    data = generate_services(args.services, args.organisations, args.seed)
    gen_s = time.perf_counter() - t
    text = json.dumps(data, ensure_ascii=False)
    t = time.perf_counter()
    data = json.loads(text)  # what the import view does with the upload
    parse_s = time.perf_counter() - t
    size = len(text.encode())
    compact = len(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())
    del text
    errors = validate_sample(data, args.hsds_schema) if Path(args.hsds_schema).is_dir() else None
    rows = sum(len(r) for r in importers.flatten_json(data).values())
    log(f"generated in {gen_s:.1f} s: {size / 2**20:.1f} MiB of JSON, {rows:,} flat HSDS rows")

    say(
        f"Social map at scale — {engine}, {args.services:,} generated services "
        f"({datetime.datetime.now():%Y-%m-%d %H:%M})"
    )
    say(f"command: {' '.join(masked(a) for a in ['.venv/bin/python', *sys.argv])}")
    revision = subprocess.run(
        ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    say(
        f"project: {revision or '?'} (code under test: {code_hash()}); "
        f"{ORG} had {demo_services} demo services"
    )
    say(f"machine: {os.cpu_count()} CPUs, load average {load()} at the start of the measurements")
    say(
        f"data: {args.services:,} services of {args.organisations:,} organisations (seed {args.seed}) as "
        f"HSDS 3.0 JSON, {size / 2**20:.1f} MiB ({compact / 2**20:.1f} MiB without spaces; the import form "
        f"takes at most {ImportForm.MAX_BYTES / 2**20:.0f} MiB), {rows:,} rows once flattened; "
        f"json.loads {parse_s:.1f} s"
    )
    if errors is None:
        say("HSDS schema: not checked (no jsonschema or no --hsds-schema directory)")
    else:
        say(
            f"HSDS schema: the first 100 services validated against service.json: {len(errors)} errors"
            + (f", e.g. {errors[0]}" if errors else "")
        )

    # ---- import
    say()
    say(f"Import: importers.import_hsds_json(org, data) (budget {IMPORT_BUDGET_S} s for 20 000 services)")
    limit = importers.check.MAX_ROWS
    problems = []
    log("import, as the code stands")
    result, seconds, phases, meter, _stats = timed_import(org, data)
    runs = []
    if isinstance(result, importers.ImportFileError):
        say(
            f"  as the code stands: refused after {seconds:.1f} s — ImportFileError: {result} "
            f"(importers.check.MAX_ROWS = {limit:,}; this file has {rows:,} rows)"
        )
        problems.append(
            f"the import refuses the file: {rows:,} flat rows > importers.check.MAX_ROWS = {limit:,} "
            f"(every nested record counts: {rows / args.services:.1f} rows per service)"
        )
        importers.check.MAX_ROWS = rows + 1
        log(f"import again with importers.check.MAX_ROWS = {importers.check.MAX_ROWS:,} (this process only)")
        result, seconds, phases, meter, _stats = timed_import(org, data)
        label = f"first import (MAX_ROWS raised to {importers.check.MAX_ROWS:,} here)"
    else:
        label = "first import"
    runs.append((label, result, seconds, phases, meter))
    if isinstance(result, importers.ImportFileError):
        raise SystemExit(f"the import failed: {result}")
    log(f"first import: {seconds:.1f} s; the same data again (updates)")
    result2, seconds2, phases2, meter2, stats = timed_import(org, data, profile=args.profile)
    runs.append(("second import (all updates)", result2, seconds2, phases2, meter2))
    importers.check.MAX_ROWS = limit
    for name, report, secs, ph, m in runs:
        if isinstance(report, importers.ImportFileError):
            say(f"  {name}: failed: {report}")
            continue
        ok = secs < IMPORT_BUDGET_S * args.services / 20_000
        say(
            f"  {name}: {secs:.1f} s = {args.services / secs:,.0f} services/s "
            f"[{'OK' if ok else 'over budget'}]; imported={report.imported}, refused={len(report.refused)}, "
            f"warnings={len(report.warnings)}; {m.statements:,} SQL statements, {m.seconds:.1f} s in the "
            f"database"
        )
        say(f"    created {dict(report.created)}")
        if report.updated:
            say(f"    updated {dict(report.updated)}")
        if getattr(report, "unchanged", None):
            say(f"    unchanged {dict(report.unchanged)}")
        for line in phase_lines(ph, secs):
            say(line)
        say("    slowest statements in the database:")
        for seconds, sql, many in m.slowest():
            say(f"      {seconds:6.2f} s {'executemany ' if many else ''}{sql}")
        if report.refused:
            problems.append(f"{name}: {len(report.refused)} rows refused, e.g. {report.refused[0]}")
        if not report.imported:
            problems.append(f"{name}: not imported")
    total = Service.objects.for_org(org).count()
    expected = demo_services + args.services
    say(
        f"  services of {ORG}: {total:,} (expected {expected:,}: {'OK' if total == expected else 'WRONG'}); "
        f"{MapOrganisation.objects.for_org(org).count():,} organisations, "
        f"{Location.objects.for_org(org).count():,} locations "
        f"({Location.objects.for_org(org).filter(municipality__isnull=False).count():,} with a municipality)"
    )
    if total != expected:
        problems.append(f"{total:,} services after the import, expected {expected:,}")
    if stats:
        say()
        say("cProfile of the second import (own time):")
        for line in stats.splitlines():
            if line.strip():
                say("  " + line)

    # ---- searches
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE" if engine == "postgres" else "SELECT 1")
    moment = next_tuesday_1030()
    scenarios = search_scenarios(org)
    log(f"searches: {len(scenarios)} scenarios × {args.reps}")
    results = []
    for name, criteria in scenarios:
        totals, counts, pages, sqls = [], [], [], []
        m = SqlMeter()
        try:
            with deadline(args.cap), metered() as m:  # the warm-up run, also counting the statements
                t = time.perf_counter()
                hits, _page, *first = run_search(org, criteria, moment)
                warmup_s = time.perf_counter() - t
            started = time.perf_counter()
            for _ in range(args.reps if warmup_s < args.cap else 0):
                with deadline(args.cap), metered() as run:
                    _hits, _page, total_ms, count_ms, page_ms = run_search(org, criteria, moment)
                totals.append(total_ms)
                counts.append(count_ms)
                pages.append(page_ms)
                sqls.append(run.seconds * 1000)
                if time.perf_counter() - started > args.cap:
                    break
        except Interrupted:
            results.append((name, None, 0, m.statements, None, None, None, None, None, "stopped"))
            log(f"  {name}: a statement ran longer than --cap {args.cap:g} s: stopped")
            continue
        except Exception as error:  # a failing project function: reported, the rest still measured
            results.append((name, None, 0, m.statements, None, None, None, None, None, "error"))
            problems.append(f"search {name}: {type(error).__name__}: {error}")
            log(f"  {name}: {type(error).__name__}: {error}")
            continue
        if not totals:  # too slow to repeat: the warm-up run is the only figure
            totals, counts, pages, sqls = [first[0]], [first[1]], [first[2]], [m.seconds * 1000]
        p50, p95 = pct(totals, 50), pct(totals, 95)
        results.append(
            (
                name,
                hits,
                len(totals),
                m.statements,
                p50,
                p95,
                pct(counts, 50),
                pct(pages, 50),
                pct(sqls, 50),
                "",
            )
        )
        log(f"  {name}: {hits:,} hits, {len(totals)} runs, p50 {ms(p50)} ms, p95 {ms(p95)} ms")
    say()
    say(
        f"Search in this process, no HTTP: find_services + count() + list(qs.for_cards()[:{PAGE_SIZE}]), "
        f"{args.reps} warm runs each or fewer within --cap {args.cap:g} s (where the time goes; the "
        "verdict is on the public page through HTTP below)"
    )
    say(
        table(
            [
                "scenario",
                "hits",
                "runs",
                "queries",
                "p50 ms",
                "p95 ms",
                "count p50",
                "page p50",
                "SQL p50",
            ],
            [
                (
                    n,
                    "?" if h is None else f"{h:,}",
                    runs,
                    q,
                    ms(p50) if h is not None else (f"> {args.cap * 1000:.0f}" if note == "stopped" else note),
                    ms(p95),
                    ms(c50),
                    ms(pg50),
                    ms(sql50),
                )
                for n, h, runs, q, p50, p95, c50, pg50, sql50, note in results
            ],
        )
    )
    if any(r[2] == 1 for r in results):
        say("(runs = 1: the warm-up run took longer than --cap; it is the only figure)")
    if any(r[-1] == "stopped" for r in results):
        say("(runs = 0: a statement ran longer than --cap and was stopped)")
    say("count/page p50: the paginator's count(), the first page with prefetches; SQL: time in the database")
    failed = [r for r in results if r[1] is None]
    if failed:
        problems.append(
            "searches that failed or were stopped: " + ", ".join(f"{r[0]} ({r[-1]})" for r in failed)
        )
    empty = [r[0] for r in results if r[1] == 0]
    if empty:
        problems.append("searches without hits: " + ", ".join(empty))

    # ---- through HTTP
    if args.http_reps:
        log(f"public map through HTTP: {len(PUBLIC_PAGES)} pages × {args.http_reps}")
        try:
            http_pages(args, org, database, problems)
        except Exception as error:  # reported, the rest still measured
            problems.append(f"public map through HTTP: {type(error).__name__}: {error}")
            log(f"public map through HTTP: {type(error).__name__}: {error}")

    # ---- API
    log(f"HSDS API: {args.api_reps} runs per page")
    client = Client(HTTP_HOST="127.0.0.1")
    say()
    say(
        f"HSDS API, django.test.Client, {args.api_reps} warm runs each (or fewer within --cap {args.cap:g} s)"
    )
    api_rows = []
    for path in [
        f"/api/hsds/{ORG}/services?per_page=50",
        f"/api/hsds/{ORG}/services?full=true&per_page=50",
        f"/api/hsds/{ORG}/services?search=pesten&full=true&per_page=50",
    ]:
        times = []
        m = SqlMeter()
        try:
            with deadline(args.cap), metered() as m:  # warm-up, counting the statements
                first_ms, size_b, response = api_get(client, path)
            started = time.perf_counter()
            for _ in range(args.api_reps if first_ms < args.cap * 1000 else 0):
                with deadline(args.cap):
                    times.append(api_get(client, path)[0])
                if time.perf_counter() - started > args.cap:
                    break
        except Interrupted:
            api_rows.append((path, "?", "?", "?", m.statements, f"> {args.cap * 1000:.0f}", "—", 0))
            problems.append(f"GET {path}: a statement ran longer than --cap {args.cap:g} s")
            log(f"  {path}: stopped after {args.cap:g} s")
            continue
        except Exception as error:  # a failing project function: reported, the rest still measured
            api_rows.append((path, "?", "?", "?", m.statements, "error", "—", 0))
            problems.append(f"GET {path}: {type(error).__name__}: {error}")
            log(f"  {path}: {type(error).__name__}: {error}")
            continue
        times = times or [first_ms]
        body = response.json()
        api_rows.append(
            (
                path,
                f"{body['total_items']:,}",
                body["size"],
                f"{size_b / 1024:.0f} KB",
                m.statements,
                ms(pct(times, 50)),
                ms(pct(times, 95)),
                len(times),
            )
        )
        log(f"  {path}: p50 {ms(pct(times, 50))} ms")
    say(table(["GET", "total_items", "size", "bytes", "queries", "p50 ms", "p95 ms", "runs"], api_rows))

    # ---- plans
    say()
    try:
        show_plans(org, scenarios, moment, client, args.cap)
    except Exception as error:  # a failing project function: reported, the rest still measured
        say(f"query plans: {type(error).__name__}: {error}")
        problems.append(f"query plans: {type(error).__name__}: {error}")
    say()
    say(f"database size: {database.size() / 1e6:.0f} MB; load average {load()} at the end")
    say("problems: " + ("none" if not problems else ""))
    for problem in problems:
        say(f"  - {problem}")
    OUT.mkdir(exist_ok=True)
    out = OUT / f"socialmap-scale-{engine}-{args.services}.txt"
    out.write_text("\n".join(LINES) + "\n")
    log(f"summary written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
