"""Reads on the social map that other apps use."""

from django.db.models import FloatField, Value
from django.db.models.expressions import RawSQL

from opvoedwijzer.core import fulltext

from .models import Location, MapOrganisation, Phone, Service, ServiceStatus
from .search import FTS_TABLE, TABLE

# The text's words that count towards a service: at most this many (a long question has hundreds).
SUGGEST_MAX_WORDS = 40
# How many of the best matches by theme and by words are weighed against each other.
SUGGEST_CANDIDATES = 30
# The weight of the words beside the themes (a theme's score is 0..1, the best word match counts 1)
# and of a suggested life stage. Chosen on bench/data's dev questions only: the first service was about
# a labelled theme for 94 of 98 of them, against 84 with the words at 0.6.
SUGGEST_WORD_WEIGHT = 0.2
SUGGEST_LIFE_STAGE_WEIGHT = 0.1
# Below this a service is not worth suggesting (one common word in a long text).
SUGGEST_MIN_SCORE = 0.12


class MapNumbers(list):
    """The phone numbers on social maps; `names` holds the names of the organisations, services and
    locations on the same maps, read in the same query. The PII guard takes none of them for
    personal data ("Bel Tejo Hasselt op 011 …")."""

    names = ()


def public_phone_numbers(user=None):
    """The phone numbers on the social maps — of the organisations `user` is an active member of, or
    of all organisations. They are services' numbers, so the PII guard leaves them alone; the names
    on those maps come along as `names` (one query for both)."""
    tables = [
        Phone.objects.all(),
        MapOrganisation.objects.all(),
        Service.objects.all(),
        Location.objects.all(),
    ]
    if user is not None:
        if not getattr(user, "is_authenticated", False):
            return MapNumbers()
        tables = [
            table.filter(organisation__memberships__user=user, organisation__memberships__is_active=True)
            for table in tables
        ]
    phones, organisations, services, locations = tables

    def column(rows, field, kind):
        return rows.exclude(**{field: ""}).order_by().annotate(kind=Value(kind)).values_list("kind", field)

    rows = (
        column(phones, "number", "phone")
        .union(
            column(organisations, "name", "name"),
            column(organisations, "alternate_name", "name"),
            column(services, "name", "name"),
            column(services, "alternate_name", "name"),
            column(locations, "name", "name"),
        )
        .order_by()
    )
    numbers = MapNumbers()
    names = []
    for kind, text in rows:
        (numbers if kind == "phone" else names).append(text)
    numbers.names = tuple(names)
    return numbers


def services_for(organisation, suggestions, *, limit=3):
    """The active services on the organisation's social map that fit a text, best first, at most
    `limit`: by the themes suggested for it (`suggestions`: `suggestions.engine.Suggestions`; each
    matching theme counts its score) and the text's words in the service (the map's full-text index),
    a suggested life stage breaking ties.

    Each service carries `because`: the labels of the suggested themes it has, then the text's words
    found in it ("Slapen", "wakker"), and `score`. Three queries, whatever the map's size: the themes
    are tested on the service's own row (`theme_codes`, as the search's filters do)."""
    active = Service.objects.for_org(organisation).current().filter(status=ServiceStatus.ACTIVE)
    themes = {hint.code: hint for hint in suggestions.themes}
    stages = {hint.code: hint for hint in suggestions.life_stages}
    words = [w for w in dict.fromkeys(suggestions.words) if w.isalpha() and len(w) >= 3]
    words = words[:SUGGEST_MAX_WORDS]

    rows = []
    if themes:
        rows += (
            active.annotate(weight=_theme_weight(themes))
            .filter(weight__gt=0)
            .order_by("-weight", "id")
            .values_list("id", "weight", "theme_codes", "stage_codes", Value("theme"))[:SUGGEST_CANDIDATES]
        )
    if words:
        rows += (
            fulltext.matching_any(active, words, TABLE, FTS_TABLE)
            .order_by("-rank", "id")
            .values_list("id", "rank", "theme_codes", "stage_codes", Value("words"))[:SUGGEST_CANDIDATES]
        )
    best_rank = max((float(row[1]) for row in rows if row[4] == "words"), default=0) or 1
    scores, codes_of = {}, {}
    for pk, weight, theme_codes, stage_codes, kind in rows:
        if pk not in scores:
            stage_scores = [stages[c].score for c in _codes_in(stage_codes) if c in stages]
            scores[pk] = SUGGEST_LIFE_STAGE_WEIGHT * max(stage_scores, default=0)
            codes_of[pk] = [c for c in _codes_in(theme_codes) if c in themes]
        weight = float(weight)  # PostgreSQL may give a Decimal
        if kind == "theme":
            scores[pk] += weight
        else:
            scores[pk] += SUGGEST_WORD_WEIGHT * max(weight, 0) / best_rank
    scores = {pk: score for pk, score in scores.items() if score >= SUGGEST_MIN_SCORE}
    best = sorted(scores, key=lambda pk: (-scores[pk], pk))[:limit]
    if not best:
        return []
    found = Service.objects.filter(pk__in=best).select_related("map_organisation")
    ranked = sorted(found, key=lambda service: best.index(service.pk))
    for service in ranked:
        order = sorted(codes_of[service.pk], key=lambda code: -themes[code].score)
        labels = [themes[code].label for code in order]
        service.because = (*labels, *fulltext.words_in(words, service.search_text))
        service.score = round(scores[service.pk], 3)
    return ranked


def _theme_weight(themes):
    """SQL: the sum of the scores of the suggested themes ({code: hint}) a service has, tested on its
    `theme_codes` row as the search's filters do (one expression: quicker to build than a Case a theme)."""
    cases, params = [], []
    for code, hint in themes.items():
        pattern = code.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        cases.append(f"CASE WHEN {TABLE}.theme_codes LIKE %s ESCAPE '\\' THEN %s ELSE 0.0 END")
        params += [f"%,{pattern},%", float(hint.score)]
    return RawSQL("(" + " + ".join(cases) + ")", params, output_field=FloatField())


def _codes_in(codes_text):
    return [code for code in (codes_text or "").split(",") if code]
