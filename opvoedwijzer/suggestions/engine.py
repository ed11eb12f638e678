"""Suggestions from a question's own words: themes and life stages, each with the words that led to it.

`suggest(organisation, text)` reads the text, never stores or logs it, and answers from memory:

- **Word lists**: per language (nl, fr, en) and theme, the shipped words and phrases in
  `data/theme_words.json`, the taxonomy's labels in that language, and the organisation's own words
  (ThemeWord). Each is reduced to Snowball stems, so "slaapt", "slapen" and "slaap" are one word; a phrase
  ("in ons bed") matches its stems in a row. A Dutch compound matches by its known head or tail
  ("slaapritueel", "kindermishandeling") at a lower weight. A stem in the lists of several themes counts
  for each of them in part.
- **Learned weights** (LearnedWeights, `services.train`): per organisation, how much a stem of its own
  answered questions and registrations points to a theme (log-odds), added to the lists' score.
- **Built-in model** (builtin.py, `data/builtin_weights.json`): per language, a naive Bayes classifier
  of themes over stems and the examples themselves as neighbours, built from a shipped synthetic corpus
  of questions (`data/examples.jsonl`); its P(theme | the text's words) and the vote of the examples most
  like the text are added to the lists' score at BUILTIN and NEIGHBOURS, weights chosen by
  cross-validation on that corpus.
- **Ages** (ages.py): "van 2", "18 maanden", "peuter" → the organisation's life stages by their months.

The compiled lists are kept per process; an organisation's part is read again when its `terms_version`
(taxonomy) or its LearnedWeights `version` (own words, training) changes: one small query per call.
"""

import json
import math
import re
import threading
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from opvoedwijzer.taxonomy import defaults
from opvoedwijzer.taxonomy.cache import terms_of

from . import ages, builtin
from . import text as texts
from .models import LearnedWeights, ThemeWord

DATA_FILE = Path(__file__).resolve().parent / "data" / "theme_words.json"

# Weights of a match, by kind.
WORD = 1.0
PHRASE = 1.6
LABEL = 1.2
OWN = 1.4
COMPOUND = 0.6
LEARNED = 0.5  # the learned log-ratios are added at this weight
NEGLIGIBLE = 0.01  # a theme the model gives less than this is left alone
# The built-in model's naive Bayes P(theme | words) and its neighbours' vote (builtin.py) are added at
# these weights (chosen by cross-validation leaving out one writer's questions at a time).
BUILTIN = 2.0
NEIGHBOURS = 5.0
MIN_SCORE = 0.5  # below this a theme is not suggested
MIN_COMPOUND_PART = 4
EARLY = 0.2  # a match at the start of the text counts this much more than one at its end
GAP = 1  # a phrase's words may have this many other words between them
NOT_SUGGESTED = {"other"}
# Dutch words whose final -t is not a verb's ending: without it they are other words ("moe", "bes").
T_IS_NO_ENDING = {"moet", "moest", "best"}
_SENTENCE_END = re.compile(r"[.!?;:\n]")
# Words of the labels too general to point to one theme ("Welzijn van de ouder", "Kinderopvang").
GENERIC = {
    "nl": set(
        "ouder ouders kind kinderen gezin school andere nieuw samen omgaan opvoeden opvoeding vermoeden "
        "ontwikkeling gedrag tijd".split()
    ),
    "fr": set(
        "parent parents enfant enfants famille école autre autres nouveau nouvelle bébé trouver aide changer "
        "gérer développement journée".split()
    ),
    "en": set(
        "parent parents parenting child children family school other new dealing baby choosing changing "
        "suspected development where go behaviour care time low".split()
    ),
}


@dataclass(frozen=True)
class Hint:
    """One suggested term."""

    code: str
    label: str  # the organisation's label in the active language
    score: float  # 0..1, best first
    because: tuple[str, ...]  # the words of the text that led to it, as typed


@dataclass(frozen=True)
class Suggestions:
    themes: tuple[Hint, ...]  # at most `limit`, best first, only visible themes of the organisation
    life_stages: tuple[Hint, ...]
    language: str  # "nl" | "fr" | "en": detected from the text (or given)
    words: tuple[str, ...]  # the text's content words (lower case, no stop words), for item search


# ---------------------------------------------------------------------------------------------------------
# The lists, compiled: per language {first stem: [(stems, theme code, weight)]}.


class Index:
    def __init__(self):
        self.entries = defaultdict(list)  # first stem → [(stems tuple, code, weight)]
        self.parts = {}  # single stems usable as a compound's head or tail → {code: weight}

    def add(self, language, phrase, code, weight):
        phrase, _, factor = phrase.partition("|")
        weight *= float(factor) if factor else 1.0
        toks = texts.tokens(phrase)
        if not toks:
            return
        stems = tuple(texts.key(t.lower, language) for t in toks)
        if len(toks) == 1 and texts.key(toks[0].lower, language) in texts.stop_stems(language):
            return  # a stop word ("d'un" too); a word whose stem only looks like one keeps itself as key
        if len(stems) > 1:
            weight = weight * PHRASE / WORD
        self.entries[stems[0]].append((stems, code, weight))

    def finish(self):
        """Share a stem's weight among the themes whose lists hold it; note the compound parts."""
        themes_of = defaultdict(set)
        strength = defaultdict(float)  # (stem, code) → the entry's own weight
        for entries in self.entries.values():
            for stems, code, weight in entries:
                if len(stems) == 1:
                    themes_of[stems[0]].add(code)
                    strength[stems[0], code] = max(strength[stems[0], code], weight / WORD)
        for first, entries in self.entries.items():
            best = {}
            for stems, code, weight in entries:
                if len(stems) == 1:
                    weight = weight / math.sqrt(len(themes_of[first]))
                key = (stems, code)
                best[key] = max(best.get(key, 0), weight)
            self.entries[first] = [(stems, code, weight) for (stems, code), weight in best.items()]
        for stem, codes in themes_of.items():
            if len(stem) >= MIN_COMPOUND_PART and len(codes) <= 2:
                self.parts[stem] = {
                    code: COMPOUND * min(strength[stem, code], 1) / len(codes) for code in codes
                }
        return self


@cache
def generic_stems(language):
    return {texts.stem(word, language) for word in GENERIC[language]}


def _generic(word, language):
    return texts.stem(word, language) in generic_stems(language)


@cache
def shipped_words():
    """{language: {theme code: [words]}} as shipped."""
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


@cache
def base_index(language):
    """The shipped words and the default labels of one language, compiled (once per process)."""
    index = Index()
    for code, words in shipped_words().get(language, {}).items():
        for word in words:
            index.add(language, word, code, WORD)
    for code, labels in defaults.LABELS["theme"].items():
        if code in NOT_SUGGESTED:
            continue
        label = labels.get(language)
        if label:
            for token in texts.tokens(label):
                if texts.is_content(token, language) and not _generic(token.lower, language):
                    index.add(language, token.lower, code, LABEL)
    return index.finish()


@dataclass(frozen=True)
class OrgPart:
    key: tuple
    own: dict  # language → Index of the organisation's own words and custom labels
    learned: dict  # stem → {code: weight}


_copies = {}
_lock = threading.Lock()


def _version(org):
    return LearnedWeights.objects.filter(organisation_id=org.pk).values_list("version", flat=True).first()


def _read(org, key, terms):
    own = {language: Index() for language in texts.LANGUAGES}
    for word in ThemeWord.objects.for_org(org).values_list("language", "theme_code", "word"):
        language, code, phrase = word
        if language in own:
            own[language].add(language, phrase, code, OWN)
    for theme in terms.terms["theme"]:
        if theme.custom_label and theme.code not in NOT_SUGGESTED:
            for language in texts.LANGUAGES:
                for token in texts.tokens(theme.custom_label):
                    if texts.is_content(token, language) and not _generic(token.lower, language):
                        own[language].add(language, token.lower, theme.code, LABEL)
    learned = {}
    weights = LearnedWeights.objects.filter(organisation_id=org.pk).values_list("weights", flat=True).first()
    if weights:
        learned = weights.get("stems", {})
    return OrgPart(key=key, own={k: v.finish() for k, v in own.items()}, learned=learned)


def org_part(org, terms):
    key = (org.pk, org.created, org.terms_version, _version(org))
    copy = _copies.get(org.pk)
    if copy is not None and copy.key == key:
        return copy
    part = _read(org, key, terms)
    with _lock:
        _copies[org.pk] = part
    return part


# ---------------------------------------------------------------------------------------------------------


def _early(i, n):
    """A word early in the text counts a little more: parents tend to name their main worry first."""
    return 1 + EARLY * (1 - i / n)


def _keys(word, stem, language):
    """The keys a word of the text matches on: its stem, and in Dutch for a verb's "-t" form also the stem
    without it (Snowball leaves "huilt", "liegt", "zegt", "wordt", "niet" apart from "huilen", "liegen",
    "zeggen", "word", "nie"); not for the few words whose "-t" is no ending ("moet" is no form of "moe")."""
    if (
        language == "nl"
        and len(word) >= 4
        and word.endswith("t")
        and not word.endswith("tt")
        and word not in T_IS_NO_ENDING
    ):
        return (stem, texts.key(word[:-1], language))
    return (stem,)


def _match(index, stems, toks, scores, because, breaks=frozenset(), weight_factor=1.0):
    """Add the index's matches in the text (stems of every token) to scores/because."""
    seen = set()
    for i, keys in enumerate(stems):
        for entry_stems, code, weight in (e for first in keys for e in index.entries.get(first, ())):
            if (entry_stems, code) in seen:
                continue
            last = _phrase_end(entry_stems, stems, i, breaks)
            if last is None:
                continue
            seen.add((entry_stems, code))
            scores[code] += weight * weight_factor * _early(i, len(stems))
            because[code].append((toks[i].start, toks[last].end))


def _phrase_end(entry_stems, stems, i, breaks):
    """Where a phrase starting at word i ends: its words in order, each at most GAP words after the
    previous one ("we maken elke avond ruzie" for "maken ruzie") and in the same sentence (`breaks`: the
    words a sentence ends after); None when it is not there."""
    last = i
    for wanted in entry_stems[1:]:
        for j in range(last + 1, min(last + 2 + GAP, len(stems))):
            if j - 1 in breaks:
                return None
            if wanted in stems[j]:
                last = j
                break
        else:
            return None
    return last


def _compounds(index, stems, toks, content, matched, scores, because):
    """Dutch compounds: a content word not matched as a whole whose head or tail is a listed stem."""
    for i, stem in enumerate(stems):
        word = toks[i].lower
        if not content[i] or i in matched or len(word) < 2 * MIN_COMPOUND_PART - 1:
            continue
        found = {}
        # The head as typed ("zwemles" → "zwem", which Snowball would make "zweml"), the tail as stemmed
        # ("kindermishandeling" → "…mishandel").
        # Each side keeps at least three letters ("gemeente" is no "gemeen" + "te").
        parts = [word[:cut] for cut in range(MIN_COMPOUND_PART, len(word) - 2)]
        parts += [stem[cut:] for cut in range(3, len(stem) - MIN_COMPOUND_PART + 1)]
        for part in parts:
            for code, weight in index.parts.get(part, {}).items():
                found[code] = max(found.get(code, 0), weight)
        for code, weight in found.items():
            scores[code] += weight * _early(i, len(stems))
            because[code].append((toks[i].start, toks[i].end))


def _add_weights(weights, factor, stems, toks, content, scores, because):
    """Add a model's {stem: {code: log-odds}} for the text's distinct content stems, at `factor`; a stem
    with a clear weight (> 0.5) is named among the words that led to the theme."""
    if not weights or not factor:
        return
    found = defaultdict(float)
    found_because = defaultdict(list)
    seen = set()
    for i, stem in enumerate(stems):
        if not content[i] or stem in seen:
            continue
        seen.add(stem)
        for code, weight in weights.get(stem, {}).items():
            found[code] += weight
            if weight > 0.5:
                found_because[code].append((toks[i].start, toks[i].end))
    for code, value in found.items():
        if value > 0:
            scores[code] += factor * value
            because[code].extend(found_because[code])


def _add_builtin(model, stems, toks, content, scores, because):
    """Add the built-in model's naive Bayes P(theme | the text's content stems) at BUILTIN and its
    neighbours' vote at NEIGHBOURS; the words that explain a theme are named among those that led to it."""
    if model is None:
        return
    known = [stem for i, stem in enumerate(stems) if content[i]]
    places = defaultdict(list)  # stem → its words' places in the text
    for i, stem in enumerate(stems):
        if content[i]:
            places[stem].append((toks[i].start, toks[i].end))
    for weight, (posterior, explained) in (
        (BUILTIN, model.posterior(known)),
        (NEIGHBOURS, model.neighbours.posterior(known)),
    ):
        for code, p in posterior.items():
            if p < NEGLIGIBLE or not weight:
                continue
            scores[code] += weight * p
            for stem in explained.get(code, ()):
                because[code].extend(places[stem])


def suggest(
    organisation, text, *, language=None, limit=5, use_words=True, use_learned=True, use_builtin=None
):
    """Themes and life stages for `text`, best first, each with the words that led to it.

    `use_words`/`use_builtin`/`use_learned` switch a source off (the benchmark compares them); the
    built-in model ships with the word lists and follows `use_words` unless `use_builtin` is given."""
    toks = texts.tokens(text or "")
    if language not in texts.LANGUAGES:
        language = texts.detect_language(toks)
    terms = terms_of(organisation)
    part = org_part(organisation, terms)
    lowers = [t.lower for t in toks]
    stems = [texts.key(w, language) for w in lowers]
    content = [texts.is_content(t, language) for t in toks]
    keys = [_keys(w, stem, language) for w, stem in zip(lowers, stems, strict=True)]

    scores = defaultdict(float)
    because = defaultdict(list)
    if use_words:
        breaks = {
            i for i in range(len(toks) - 1) if _SENTENCE_END.search(text, toks[i].end, toks[i + 1].start)
        }
        _match(base_index(language), keys, toks, scores, because, breaks)
        _match(part.own[language], keys, toks, scores, because, breaks)
        starts = {t.start: i for i, t in enumerate(toks)}
        matched = {starts[start] for spans in because.values() for start, _end in spans if start in starts}
        if language == "nl":
            _compounds(base_index(language), stems, toks, content, matched, scores, because)
    if use_words if use_builtin is None else use_builtin:
        _add_builtin(builtin.model().get(language), stems, toks, content, scores, because)
    if use_learned and part.learned:
        _add_weights(part.learned, LEARNED, stems, toks, content, scores, because)

    visible = {t.code: t for t in terms.visible("theme") if t.code not in NOT_SUGGESTED}
    ranked = sorted(
        ((score, code) for code, score in scores.items() if code in visible and score >= MIN_SCORE),
        key=lambda row: (-row[0], min(because[row[1]], default=(0, 0)), visible[row[1]].position),
    )[:limit]
    themes = tuple(
        Hint(
            code=code,
            label=str(visible[code].label),
            score=round(1 - math.exp(-score / 2.5), 3),
            because=_words(text, because[code]),
        )
        for score, code in ranked
    )
    return Suggestions(
        themes=themes,
        life_stages=_life_stages(text, terms),
        language=language,
        words=texts.content_words(toks, language),
    )


def _words(text, spans, most=6):
    """The typed words of the spans, in the text's order, each once; a span inside a longer one is left
    out ("s nachts" names "nachts" already)."""
    spans = set(spans)
    out = []
    for start, end in sorted(spans):
        if any(s <= start and end <= e and (s, e) != (start, end) for s, e in spans):
            continue
        word = text[start:end]
        if word.lower() not in (w.lower() for w in out):
            out.append(word)
    return tuple(out[:most])


def _life_stages(text, terms):
    stages = terms.visible("life_stage")
    found = {}
    for months, words in ages.ages_in(text or ""):
        stage = ages.stage_for(months, stages)
        if stage is None:
            continue
        score = 0.9 if any(c.isdigit() for c in words) else 0.7
        hint = found.get(stage.code)
        if hint is None:
            found[stage.code] = (score, [words], stage)
        else:
            found[stage.code] = (max(score, hint[0]) + 0.05, hint[1] + [words], stage)
    rows = sorted(found.values(), key=lambda row: -row[0])
    return tuple(
        Hint(
            code=stage.code,
            label=str(stage.label),
            score=min(1.0, round(score, 3)),
            because=tuple(dict.fromkeys(words)),
        )
        for score, words, stage in rows
    )
