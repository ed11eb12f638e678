"""Finding services: the query language of the search box, the filters and the full-text index.

Free text is stemmed for Dutch on both databases:

- PostgreSQL: `to_tsvector('dutch', search_text)` with a GIN expression index (migration 0002) and a
  prefix `to_tsquery('dutch', …)`, so that typing "pest" already finds "pesten" and "gepest".
- SQLite: an FTS5 table (`socialmap_service_fts`, rowid = service id) holding the text stemmed with
  the Snowball Dutch stemmer (`snowballstemmer`), queried with the stems of the typed words as prefixes.

`search_text` is written by `reindex()`, which every write in services.py and the importers calls.

The search box understands more than words: "pesten, 10 jaar, Sint-Truiden" becomes the word
"pesten", an age of 120 months and the municipality Sint-Truiden (see `parse_query`).
"""

import functools
import re
from dataclasses import dataclass, field

import snowballstemmer
from django.db import connection
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q
from django.utils import timezone

from opvoedwijzer.core.models import Municipality
from opvoedwijzer.taxonomy import defaults
from opvoedwijzer.taxonomy.models import LifeStage

from .models import WEEKDAYS, Schedule, Service, ServiceAtLocation

FTS_TABLE = "socialmap_service_fts"
_stemmer = snowballstemmer.stemmer("dutch")

# Snowball's Dutch stop words (and a few English ones): never required in a search.
STOP_WORDS = set(
    """de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem dan
    zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft
    hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al waren veel meer doen toen moet
    ben zonder kan hun dus alles onder ja eens hier wie werd altijd doch wordt wezen kunnen ons zelf tegen
    na reeds wil kon niets uw iemand geweest andere the and of for to with""".split()
)

AGE = re.compile(
    r"\b(\d{1,2})\s*(?:-?\s*)(jaar|jarige?|jr|j|years?|yrs?|y|maanden|maand|mnd|months?|m)\b", re.I
)
WORD = re.compile(r"\w+", re.UNICODE)


@functools.lru_cache(maxsize=100_000)
def stem(word):
    return _stemmer.stemWord(word)


def stem_words(text):
    """The stems of the words of `text`, without stop words (stems cached: words repeat a lot)."""
    return [stem(w) for w in WORD.findall((text or "").lower()) if w not in STOP_WORDS]


@dataclass
class ParsedQuery:
    words: list = field(default_factory=list)
    age_months: int | None = None
    municipality: Municipality | None = None


def parse_query(text, municipalities):
    """Split the search box into free words, an age ("10 jaar", "18 maanden") and a municipality
    (its name or a postal code) among `municipalities` (those the organisation serves)."""
    text = (text or "").strip()
    parsed = ParsedQuery()
    match = AGE.search(text)
    if match:
        number, unit = int(match.group(1)), match.group(2).lower()
        parsed.age_months = number if unit.startswith("m") else number * 12
        text = text[: match.start()] + " " + text[match.end() :]
    lowered = text.lower()
    for municipality in sorted(municipalities, key=lambda m: -len(m.name_nl)):
        for name in filter(None, {municipality.name_nl.lower(), municipality.name_fr.lower()}):
            found = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", lowered)
            if found:
                parsed.municipality = municipality
                text = text[: found.start()] + " " + text[found.end() :]
                lowered = text.lower()
                break
        if parsed.municipality:
            break
    if parsed.municipality is None:
        codes = {pc.code: m for m in municipalities for pc in m.postal_codes.all()}
        for digits in re.findall(r"\b\d{4}\b", text):
            if digits in codes:
                parsed.municipality = codes[digits]
                text = text.replace(digits, " ", 1)
                break
    parsed.words = [w for w in WORD.findall(text.lower()) if w not in STOP_WORDS and not w.isdigit()]
    return parsed


# Filters: tests on the service's own row (the code lists `reindex` keeps), so that combining them
# never joins or multiplies rows. Only "open now" looks at the schedules.


def _has(field, code):
    return Q(**{f"{field}__contains": f",{code},"})


def serves(municipality):
    """Open to people of this municipality: it is in the service's area, or the area is unlimited."""
    return Q(area_codes="") | _has("area_codes", municipality.code)


def located_near(municipality):
    """A location in the municipality's arrondissement (the first two digits of the NIS code): "in
    the neighbourhood", for services whose area does not list it."""
    return _has("place_codes", f"{municipality.code[:2]}*")


def located_in(municipality):
    return _has("place_codes", municipality.code)


def about_theme(theme):
    return _has("theme_codes", theme.code)


def about_theme_group(group):
    return _has("theme_codes", f"group:{group.code}")


def _in_range(low, high):
    """The service's own age range (months) overlaps [low, high)."""
    q = Q()
    if high is not None:
        q &= Q(min_months__isnull=True) | Q(min_months__lt=high)
    if low is not None:
        q &= Q(max_months__isnull=True) | Q(max_months__gte=low)
    return q


def for_age(months, stages):
    """For a child of this age: through the service's life stages (`stages`: the organisation's), or
    its age range when it has no life stages; a service with neither is for all ages."""
    covering = [
        s.code
        for s in stages
        if (s.min_months is None or s.min_months <= months)
        and (s.max_months is None or months < s.max_months)
    ]
    by_stage = Q(pk__in=[])
    for code in covering:
        by_stage |= _has("stage_codes", code)
    return by_stage | (Q(stage_codes="") & _in_range(months, months + 1))


def for_life_stage(stage):
    return _has("stage_codes", stage.code) | (
        Q(stage_codes="") & _in_range(stage.min_months, stage.max_months)
    )


def open_at(moment=None):
    """Services open at this moment (now): by their own schedules, or else their locations'."""
    moment = timezone.localtime(moment)
    day, time = moment.date(), moment.time()
    covering = (
        Q(freq="WEEKLY", byday__contains=WEEKDAYS[day.weekday()], opens_at__lte=time, closes_at__gt=time)
        & (Q(valid_from__isnull=True) | Q(valid_from__lte=day))
        & (Q(valid_to__isnull=True) | Q(valid_to__gte=day))
    )
    own = Schedule.objects.filter(service=OuterRef("pk"))
    own_open = Schedule.objects.filter(covering, service=OuterRef("pk"))
    at_location = Schedule.objects.filter(
        covering,
        location__in=ServiceAtLocation.objects.filter(service=OuterRef(OuterRef("pk"))).values("location"),
    )
    return Exists(own_open) | (~Exists(own) & Exists(at_location))


def matching_text(qs, words):
    """Services whose text holds every word (as a prefix of a stem), best matches first (`rank`)."""
    if not words:
        return qs
    if connection.vendor == "postgresql":
        terms = " & ".join(f"{w}:*" for w in words if w.isalnum())
        if not terms:
            return qs
        query = "to_tsquery('dutch'::regconfig, %s)"
        return qs.extra(
            where=[f"socialmap_service.search_vector @@ {query}"],
            params=[terms],
            select={"rank": f"ts_rank(socialmap_service.search_vector, {query})"},
            select_params=[terms],
        )
    stems = [s for s in stem_words(" ".join(words)) if s.isalnum()]
    if not stems:
        return qs
    match = " AND ".join(f'"{s}"*' for s in stems)
    # A join with the FTS5 table (one full-text scan), its bm25 `rank` as ours (smaller is better).
    return qs.extra(
        tables=[FTS_TABLE],
        where=[f"{FTS_TABLE}.rowid = socialmap_service.id", f"{FTS_TABLE} MATCH %s"],
        params=[match],
        select={"rank": f"-{FTS_TABLE}.rank"},
    )


# The search ----------------------------------------------------------------------------------------


@dataclass
class Criteria:
    """What a search asks; the parts the search box understood are folded in by `find_services`."""

    text: str = ""
    municipality: Municipality | None = None
    theme: object = None  # a Theme
    theme_group: object = None  # a ThemeGroup
    life_stage: object = None  # a LifeStage
    age_months: int | None = None
    language: str = ""
    open_now: bool = False

    @property
    def age_years(self):
        """The age in whole years, when it was given in years ("10 jaar"), else None."""
        if self.age_months is None or self.age_months % 12:
            return None
        return self.age_months // 12


def find_services(org, criteria, *, moment=None):
    """The services of `org` that meet `criteria`, best first, and the criteria as understood.

    Results for a municipality are the services open to its people, then those with a location in its
    neighbourhood (`is_near` marks them); with free text, the best text matches come first."""
    municipalities = org.municipalities.prefetch_related("postal_codes")
    parsed = parse_query(criteria.text, municipalities)
    municipality = criteria.municipality or parsed.municipality
    age = criteria.age_months if criteria.age_months is not None else parsed.age_months
    understood = Criteria(
        text=criteria.text,
        municipality=municipality,
        theme=criteria.theme,
        theme_group=criteria.theme_group,
        life_stage=criteria.life_stage,
        age_months=age,
        language=criteria.language,
        open_now=criteria.open_now,
    )
    qs = Service.objects.for_org(org).current()
    conditions = []
    if criteria.theme is not None:
        conditions.append(about_theme(criteria.theme))
    if criteria.theme_group is not None:
        conditions.append(about_theme_group(criteria.theme_group))
    if criteria.life_stage is not None:
        conditions.append(for_life_stage(criteria.life_stage))
    if age is not None:
        conditions.append(for_age(age, LifeStage.objects.for_org(org)))
    if criteria.open_now:
        conditions.append(open_at(moment))
    for condition in conditions:
        qs = qs.filter(condition)
    if criteria.language:
        qs = qs.speaking(criteria.language)
    order = []
    if municipality is not None:
        here = ExpressionWrapper(serves(municipality), output_field=BooleanField())
        local = ExpressionWrapper(located_in(municipality), output_field=BooleanField())
        qs = qs.annotate(serves_here=here, is_local=local)
        qs = qs.filter(Q(serves_here=True) | located_near(municipality))
        order = ["-serves_here", "-is_local"]
    qs = matching_text(qs, parsed.words)
    ranking = ["-rank"] if parsed.words else []
    return qs.order_by(*order, *ranking, "name", "id"), understood


# The index -----------------------------------------------------------------------------------------


def document(service):
    """The text free search reads for one service (uses prefetched relations)."""
    parts = [service.name, service.alternate_name, service.description, service.eligibility_description]
    if service.map_organisation_id:
        parts += [service.map_organisation.name, service.map_organisation.alternate_name]
    for theme in service.themes.all():
        parts += [str(theme.label), *defaults.LABELS["theme"].get(theme.code, {}).values()]
        parts += [str(theme.group.label)]
    for stage in service.life_stages.all():
        parts.append(str(stage.label))
    for term in service.terms.all():
        parts.append(term.name)
    for location in service.locations.all():
        parts += [location.name, location.city]
    return "\n".join(p for p in parts if p)


def _codes(values):
    values = sorted({v for v in values if v})
    return f",{','.join(values)}," if values else ""


def search_fields(service):
    """The values `reindex` writes for one service (uses prefetched relations)."""
    themes = list(service.themes.all())
    places = [loc.municipality.code for loc in service.locations.all() if loc.municipality_id]
    return {
        "search_text": document(service),
        "theme_codes": _codes([t.code for t in themes] + [f"group:{t.group.code}" for t in themes]),
        "stage_codes": _codes(s.code for s in service.life_stages.all()),
        "area_codes": _codes(m.code for m in service.municipalities.all()),
        "place_codes": _codes(places + [f"{code[:2]}*" for code in places]),
    }


SEARCH_FIELDS = ["search_text", "theme_codes", "stage_codes", "area_codes", "place_codes"]


def reindex(service_ids):
    """Rebuild what search reads (`SEARCH_FIELDS`, and on SQLite the FTS5 rows) for these services."""
    service_ids = list(service_ids)
    columns = ", ".join(f"{name} = %s" for name in SEARCH_FIELDS)
    for start in range(0, len(service_ids), 2000):
        batch = list(
            Service.objects.filter(pk__in=service_ids[start : start + 2000])
            .select_related("map_organisation")
            .prefetch_related(
                "themes__group", "life_stages", "terms", "municipalities", "locations__municipality"
            )
        )
        rows = []
        for service in batch:
            values = search_fields(service)
            rows.append([*(values[name] for name in SEARCH_FIELDS), service.pk])
            service.search_text = values["search_text"]
        with connection.cursor() as cursor:
            cursor.executemany(f"UPDATE socialmap_service SET {columns} WHERE id = %s", rows)
        if connection.vendor == "sqlite":
            _write_fts(batch)


def _write_fts(services):
    rows = [(s.pk, " ".join(stem_words(s.search_text))) for s in services]
    with connection.cursor() as cursor:
        cursor.executemany(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [(pk,) for pk, _ in rows])
        cursor.executemany(f"INSERT INTO {FTS_TABLE} (rowid, body) VALUES (%s, %s)", rows)


def forget(service_ids):
    """Remove deleted services from the SQLite index (PostgreSQL's index goes with the row)."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [(pk,) for pk in service_ids])
