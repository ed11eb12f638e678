"""Writes: an organisation's own words per theme, and training its learned weights on its own examples.

Training reads the organisation's examples through settings.SUGGESTION_EXAMPLE_SOURCES (dotted paths of
functions `fn(organisation) -> iterable of (text, [theme codes, main first])`, in the domains above this
foundation app) and keeps, per stem, its log-odds for each theme. Privacy: no text is kept or logged; a
stem is kept only when it occurs in at least MIN_TEXTS different texts, and never when one of the words
it came from is a first name the PII guard knows (privacy/lexicon.py).
"""

import math
import re
from collections import Counter, defaultdict

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from opvoedwijzer.core.models import Organisation
from opvoedwijzer.privacy.lexicon import FIRST_NAMES
from opvoedwijzer.taxonomy.models import Theme

from . import text as texts
from .models import LearnedWeights, ThemeWord

MIN_TEXTS = 3  # a stem seen in fewer different texts is never kept
MAIN_WEIGHT = 1.0  # an example counts this much for its main theme …
OTHER_WEIGHT = 0.5  # … and this much for each other theme
SMOOTHING = 5.0
MIN_TOGETHER = 2  # a stem must have come with a theme at least this often (weighted) to point to it …
MIN_SHARE = 0.4  # … and in at least this share of the texts with the stem
MIN_WEIGHT = 0.5  # log-odds below this are not kept
MAX_THEMES_PER_STEM = 4
_WORD = re.compile(r"^[^\W\d_]+(?:['’ -][^\W\d_]+){0,3}$")


def _bump(org):
    """Raise the organisation's version so every process reads its words and weights again."""
    weights, created = LearnedWeights.objects.get_or_create(organisation=org)
    if not created:
        LearnedWeights.objects.filter(pk=weights.pk).update(version=F("version") + 1)
    return weights


def clean_word(word):
    """A word or short phrase (at most four words) of letters only: no digits, no @, lower case."""
    word = " ".join((word or "").split()).lower()
    if not word:
        raise ValidationError(_("Type a word."))
    if len(word) > 60 or not _WORD.match(word):
        raise ValidationError(_("Only letters: one word or a few words, without digits or @."))
    return word


@transaction.atomic
def add_theme_word(org, theme_code, word, language="nl"):
    """Add one of the organisation's own words to a theme (a ValidationError when not a word or known)."""
    word = clean_word(word)
    if language not in texts.LANGUAGES:
        raise ValidationError(_("Choose Dutch, French or English."))
    if ThemeWord.objects.for_org(org).filter(theme_code=theme_code, word=word, language=language).exists():
        raise ValidationError(_("This theme already has that word."))
    theme_word = ThemeWord.objects.create(
        organisation=org, theme_code=theme_code, word=word, language=language
    )
    _bump(org)
    return theme_word


@transaction.atomic
def remove_theme_word(theme_word):
    org = theme_word.organisation
    theme_word.delete()
    _bump(org)


def examples_of(org):
    """Every (text, [codes, main first]) the configured sources give for the organisation."""
    for path in settings.SUGGESTION_EXAMPLE_SOURCES:
        yield from import_string(path)(org)


def _stems(text, language=None):
    """The distinct content stems of a text (in `language`, default: the one it is written in), leaving
    out first names."""
    toks = texts.tokens(text)
    language = language or texts.detect_language(toks)
    return {
        texts.key(t.lower, language)
        for t in toks
        if texts.is_content(t, language)
        and t.lower not in FIRST_NAMES
        and not any(c.isdigit() for c in t.lower)
    }


def banned_stems():
    """First names, and their stems in each language ("lotte" → "lot"): never kept."""
    banned = set()
    for name in FIRST_NAMES:
        banned.add(name)
        banned.update(texts.key(name, language) for language in texts.LANGUAGES)
    return banned


def learn(examples, known_codes=None):
    """The weights for (text, codes) examples: {"stems": {stem: {code: weight}}, "themes": {code: n}}.

    A stem's weight for a theme is log(P(theme | stem) / P(theme)): how much more often texts with the
    stem were given the theme than texts in general, both estimated with smoothing (towards the prior for
    P(theme | stem), towards every known theme alike for P(theme)) so that a few examples count for a
    little. The main theme counts MAIN_WEIGHT, the others OTHER_WEIGHT. Only stems seen in at least
    MIN_TEXTS different texts, never a first name, and only weights of at least MIN_WEIGHT are kept."""
    doc_freq = Counter()
    together = defaultdict(Counter)  # stem → code → weighted number of texts
    theme_examples = Counter()
    n = 0
    for text, codes in examples:
        codes = [c for c in dict.fromkeys(codes or []) if known_codes is None or c in known_codes]
        if not text or not codes:
            continue
        n += 1
        stems = _stems(text)
        doc_freq.update(stems)
        for rank, code in enumerate(codes):
            weight = MAIN_WEIGHT if rank == 0 else OTHER_WEIGHT
            theme_examples[code] += weight
            for stem in stems:
                together[stem][code] += weight
    banned = banned_stems()
    k = max(len(known_codes or theme_examples), 1)
    total = sum(theme_examples.values())
    prior = {code: (count + 1) / (total + k) for code, count in theme_examples.items()}
    stems = {}
    for stem, df in doc_freq.items():
        if df < MIN_TEXTS or stem in banned:
            continue
        row = {}
        for code, count in together[stem].items():
            if count < MIN_TOGETHER or count < MIN_SHARE * df:
                continue
            value = math.log((count + SMOOTHING * prior[code]) / (df + SMOOTHING) / prior[code])
            if value >= MIN_WEIGHT:
                row[code] = round(value, 3)
        if row:
            stems[stem] = dict(sorted(row.items(), key=lambda kv: -kv[1])[:MAX_THEMES_PER_STEM])
    return {"stems": stems, "themes": {code: round(c, 1) for code, c in theme_examples.items()}}, n


@transaction.atomic
def train(org):
    """Learn the organisation's weights from its own examples again; returns its LearnedWeights."""
    codes = set(Theme.objects.for_org(org).values_list("code", flat=True))
    weights_data, n = learn(examples_of(org), known_codes=codes)
    weights = _bump(org)
    weights.refresh_from_db()
    weights.weights = weights_data
    weights.examples = n
    weights.trained_at = timezone.now()
    weights.save(update_fields=["weights", "examples", "trained_at"])
    return weights


def train_everywhere():
    """Train every active organisation; returns {slug: examples}."""
    return {org.slug: train(org).examples for org in Organisation.objects.all()}
