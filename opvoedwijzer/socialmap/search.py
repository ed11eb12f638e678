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

import re
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q
from django.utils import timezone

from opvoedwijzer.core import fulltext
from opvoedwijzer.core.fulltext import STOP_WORDS, WORD
from opvoedwijzer.core.models import Municipality
from opvoedwijzer.taxonomy import defaults
from opvoedwijzer.taxonomy.models import LifeStage

from .models import WEEKDAYS, Schedule, Service, ServiceAtLocation

FTS_TABLE = "socialmap_service_fts"
TABLE = "socialmap_service"

# An age in the parents' languages: "10 jaar", "18 maanden", "10 years", "10 ans", "9 mois", "10 yaşında",
# "6 ay", "10 lat", "18 miesięcy", "10 سنوات", "6 أشهر". MONTHS are the units that count months.
AGE = re.compile(
    r"(?<!\w)(\d{1,2})\s*(?:-?\s*)(jaar|jarige?|jr|j|years?|yrs?|y|maanden|maand|mnd|months?|m|ans?|mois"
    r"|yaşında(?:ki)?|yaş|aylık|ay|lat(?:a|ka|ek)?|rok(?:u)?|miesi(?:ęcy|ące|ąc)|mies"
    r"|سنة|سنوات|سنين|عام|أعوام|شهر|أشهر|شهور)(?!\w)",
    re.I,
)
MONTHS = ("m", "ay", "شهر", "أشهر", "شهور")  # maand, months, mois, miesięcy; ay, aylık; Arabic


@dataclass
class ParsedQuery:
    words: list = field(default_factory=list)
    age_months: int | None = None
    municipality: Municipality | None = None


def parse_query(text, municipalities):
    """Split the search box into free words, an age ("10 jaar", "18 maanden", "10 ans", "6 ay") and a
    municipality (its name or a postal code) among `municipalities` (those the organisation serves)."""
    text = (text or "").strip()
    parsed = ParsedQuery()
    match = AGE.search(text)
    if match:
        number, unit = int(match.group(1)), match.group(2).lower()
        parsed.age_months = number if unit.startswith(MONTHS) else number * 12
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
    """A location in the municipality's arrondissement (the first two digits of the NIS code; a Dutch
    municipality or an own area: itself, see Municipality.nearby_key): "in the neighbourhood", for
    services whose area does not list it."""
    return _has("place_codes", Municipality.nearby_key(municipality.code))


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


# At most this many open services are handed to the search as a list of ids (see `open_at`).
FEW_OPEN = 500


def open_at(org, moment=None):
    """Services open at this moment (now): by their own schedules, or else their locations'.

    Two sets, each an uncorrelated subquery run once: the services whose own schedule covers the
    moment, and the services at a location whose schedule covers it that have no schedule of their own
    (NOT EXISTS, only for those, on the schedule's service index). Schedules are read from the covering
    index `socialmap_schedule_open`, links from their location index.

    How the search best uses them depends on how many there are, which neither database can guess:
    one query first reads up to FEW_OPEN + 1 of them. When that is all (at night, on a Sunday, or with
    few schedules), the search gets their ids: both databases look those services up by id and sort
    a handful. Otherwise (a weekday morning: a third of the map) the first page walks the name order
    and probes the sets until it has 20. SQLite gets one IN (… UNION ALL …), from which it also counts
    by id; PostgreSQL gets two INs joined by OR, which it keeps as hashed sets (one IN over a UNION ALL
    it flattens into a join that fetches and sorts every open service for the first page)."""
    moment = timezone.localtime(moment)
    day, time = moment.date(), moment.time()
    covering = (
        Q(freq="WEEKLY", byday__contains=WEEKDAYS[day.weekday()], opens_at__lte=time, closes_at__gt=time)
        & (Q(valid_from__isnull=True) | Q(valid_from__lte=day))
        & (Q(valid_to__isnull=True) | Q(valid_to__gte=day))
    )
    schedules = Schedule.objects.for_org(org).filter(covering).order_by()
    open_itself = schedules.filter(service__isnull=False).values("service_id")
    open_locations = schedules.filter(location__isnull=False).values("location_id")
    own_hours = Schedule.objects.filter(service=OuterRef("service_id"))
    at_open_location = (
        ServiceAtLocation.objects.filter(location__in=open_locations)  # the organisation's locations
        .filter(~Exists(own_hours))
        .order_by()
        .values("service_id")
    )
    first = list(open_itself.union(at_open_location, all=True).order_by()[: FEW_OPEN + 1])
    if len(first) <= FEW_OPEN:  # all of them (a service may come twice)
        return Q(pk__in=sorted({row["service_id"] for row in first}))
    if connection.vendor == "postgresql":
        return Q(pk__in=open_itself) | Q(pk__in=at_open_location)
    return Q(pk__in=open_itself.union(at_open_location, all=True))  # SQLite counts from the set


def matching_text(qs, words):
    """Services whose text holds every word (as a prefix of a stem), best matches first (`rank`)."""
    return fulltext.matching(qs, words, TABLE, FTS_TABLE)


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
        conditions.append(open_at(org, moment))
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


def _codes(values):
    values = sorted({v for v in values if v})
    return f",{','.join(values)}," if values else ""


SEARCH_FIELDS = ["search_text", "theme_codes", "stage_codes", "area_codes", "place_codes"]


class _Terms:
    """The organisation-wide lookups reindex needs once: themes (codes, labels in every language, group)
    and life stages, by id."""

    def __init__(self, org_ids):
        from opvoedwijzer.taxonomy.models import Theme

        self.themes = {}
        for theme in Theme.objects.filter(organisation__in=org_ids).select_related("group"):
            labels = [str(theme.label), *defaults.LABELS["theme"].get(theme.code, {}).values()]
            self.themes[theme.pk] = (theme.code, theme.group.code, [*labels, str(theme.group.label)])
        self.stages = {
            s.pk: (s.code, str(s.label)) for s in LifeStage.objects.filter(organisation__in=org_ids)
        }


def _links(through, service_ids, *fields):
    """{service id: [values of `fields`]} of a many-to-many table, as tuples."""
    found = {}
    rows = through.objects.filter(service_id__in=service_ids).values_list("service_id", *fields)
    for service_id, *values in rows:
        found.setdefault(service_id, []).append(values[0] if len(values) == 1 else values)
    return found


def search_rows(service_ids):
    """{service id: {field: value}} of `SEARCH_FIELDS` for these services, read as plain values (no
    model instances: this runs over every service an import touches)."""
    services = list(
        Service.objects.filter(pk__in=service_ids).values_list(
            "pk",
            "organisation_id",
            "name",
            "alternate_name",
            "description",
            "eligibility_description",
            "map_organisation__name",
            "map_organisation__alternate_name",
        )
    )
    terms = _Terms({row[1] for row in services})
    themes = _links(Service.themes.through, service_ids, "theme_id")
    stages = _links(Service.life_stages.through, service_ids, "lifestage_id")
    areas = _links(Service.municipalities.through, service_ids, "municipality__code")
    imported = _links(Service.terms.through, service_ids, "taxonomyterm__name")
    places = _links(
        ServiceAtLocation,
        service_ids,
        "location__name",
        "location__city",
        "location__municipality__code",
    )
    rows = {}
    for pk, _org, *texts in services:
        theme_rows = [terms.themes[t] for t in themes.get(pk, []) if t in terms.themes]
        stage_rows = [terms.stages[t] for t in stages.get(pk, []) if t in terms.stages]
        place_rows = places.get(pk, [])
        parts = [*texts, *(label for _c, _g, labels in theme_rows for label in labels)]
        parts += [label for _c, label in stage_rows] + imported.get(pk, [])
        parts += [p for name, city, _code in place_rows for p in (name, city)]
        place_codes = [code for _n, _c, code in place_rows if code]
        rows[pk] = {
            "search_text": "\n".join(p for p in parts if p),
            "theme_codes": _codes(
                [c for c, _g, _l in theme_rows] + [f"group:{g}" for _c, g, _l in theme_rows]
            ),
            "stage_codes": _codes(c for c, _l in stage_rows),
            "area_codes": _codes(areas.get(pk, [])),
            "place_codes": _codes(place_codes + [Municipality.nearby_key(code) for code in place_codes]),
        }
    return rows


def reindex(service_ids):
    """Rebuild what search reads (`SEARCH_FIELDS`, and on SQLite the FTS5 rows) for these services."""
    service_ids = list(service_ids)
    columns = ", ".join(f"{name} = %s" for name in SEARCH_FIELDS)
    for start in range(0, len(service_ids), 2000):
        rows = search_rows(service_ids[start : start + 2000])
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE socialmap_service SET {columns} WHERE id = %s",
                [[*(values[name] for name in SEARCH_FIELDS), pk] for pk, values in rows.items()],
            )
        if connection.vendor == "sqlite":
            _write_fts([(pk, values["search_text"]) for pk, values in rows.items()])


def reindex_for_term(term):
    """settings.TERM_RENAMED_HOOKS: services are found by the labels of their themes and life stages, so
    a renamed term is searched under its new name too."""
    services = Service.objects.for_org(term.organisation)
    if term.DIMENSION == "theme":
        services = services.filter(themes=term)
    elif term.DIMENSION == "theme_group":
        services = services.filter(themes__group=term)
    elif term.DIMENSION == "life_stage":
        services = services.filter(life_stages=term)
    else:
        return
    reindex(services.values_list("pk", flat=True).distinct())


def _write_fts(texts):
    fulltext.index(TABLE, texts, FTS_TABLE)
