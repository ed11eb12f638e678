"""Reads on the library that other apps use."""

from django.db.models import Value

from opvoedwijzer.core import fulltext

from .models import Audience, Resource

# The text's words that count towards an item: at most this many (a long question has hundreds).
MAX_WORDS = 40
# How many of the best matches by words are weighed against the ones by theme.
CANDIDATES = 30
# The weight of the words beside the themes (a theme's score is 0..1, the best word match counts 1)
# and of a suggested life stage. Chosen on bench/data's dev questions only: the first item was about a
# labelled theme for 62 of 73 of them, against 49 with the words at 0.6.
WORD_WEIGHT = 0.2
LIFE_STAGE_WEIGHT = 0.1
# Below this an item is not worth suggesting (one common word in a long text).
MIN_SCORE = 0.12


def resources_for(organisation, suggestions, *, public=False, limit=3):
    """The organisation's published library items that fit a text, best first, at most `limit`: by the
    themes suggested for it (`suggestions`: a `suggestions.engine.Suggestions`; each of its themes an
    item has counts that theme's score) and the text's words in the item (the library's full-text
    index), a suggested life stage weighing a little (alone it never makes an item fit). `public`: only
    what a parent is meant to see (not the items for professionals only).

    Each item carries `because`: the labels of the suggested themes it has, best first, then the
    text's words found in it (("Slapen", "wakker")), and its `score`. Three queries, whatever the
    library's size."""
    items = Resource.objects.for_org(organisation).published()
    if public:
        items = items.exclude(audience=Audience.PROFESSIONALS)
    themes = {hint.code: hint for hint in suggestions.themes}
    stages = {hint.code: hint for hint in suggestions.life_stages}
    words = [w for w in dict.fromkeys(suggestions.words) if w.isalpha() and len(w) >= 3][:MAX_WORDS]

    scores, codes_of, stage_scores = {}, {}, {}
    if themes or stages:
        by_theme = Resource.themes.through.objects.filter(
            resource__in=items, theme__code__in=list(themes)
        ).values_list("resource_id", "theme__code", Value("theme"))
        by_stage = Resource.life_stages.through.objects.filter(
            resource__in=items, lifestage__code__in=list(stages)
        ).values_list("resource_id", "lifestage__code", Value("stage"))
        for pk, code, kind in by_theme.union(by_stage, all=True):
            if kind == "theme":
                scores[pk] = scores.get(pk, 0) + themes[code].score
                codes_of.setdefault(pk, []).append(code)
            else:
                stage_scores[pk] = max(stage_scores.get(pk, 0), stages[code].score)
    if words:
        found = fulltext.matching_any(items, words, Resource._meta.db_table)
        ranks = {
            pk: float(rank)
            for pk, rank in found.order_by("-rank", "id").values_list("id", "rank")[:CANDIDATES]
        }
        best_rank = max(ranks.values(), default=0) or 1
        for pk, rank in ranks.items():
            scores[pk] = scores.get(pk, 0) + WORD_WEIGHT * max(rank, 0) / best_rank
    for pk, score in stage_scores.items():  # an age alone does not make an item fit
        if pk in scores:
            scores[pk] += LIFE_STAGE_WEIGHT * score
    best = sorted((pk for pk in scores if scores[pk] >= MIN_SCORE), key=lambda pk: (-scores[pk], pk))[:limit]
    if not best:
        return []
    ranked = sorted(Resource.objects.filter(pk__in=best), key=lambda item: best.index(item.pk))
    for item in ranked:
        order = sorted(codes_of.get(item.pk, []), key=lambda code: -themes[code].score)
        labels = [themes[code].label for code in order]
        item.because = (*labels, *fulltext.words_in(words, item.search_text))
        item.score = round(scores[item.pk], 3)
    return ranked
