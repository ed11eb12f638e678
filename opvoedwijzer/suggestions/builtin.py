"""The built-in model: per language, two readers of a shipped corpus of labelled questions.

`data/examples.jsonl` is a synthetic corpus of parents' questions with their themes (see data/README.md:
written for this project, no real person's words, and no organisation's own data ever goes into it).
`build()` keeps, per language as the engine detects it, the stems of at least MIN_EXAMPLES different
examples (never a first name, never a word with digits) and from them:

- **naive Bayes**: how often each stem came with each theme (an example counts MAIN for its main theme
  and OTHER for each other one). `Model.posterior(stems)` is multinomial naive Bayes with additive
  smoothing ALPHA: P(theme | the text's known stems), summing to 1;
- **neighbours**: each example's stems and themes. `Neighbours.posterior(stems)` finds the NEIGHBOURS
  examples most like the text (cosine of idf-weighted stems) and lets them vote for their themes
  (similarity ** SIMILARITY_POWER, MAIN / OTHER by rank), summing to 1. It catches what a question says
  with several ordinary words together ("gaat niet meer naar de training", "wil niet meer naar buiten").

`manage.py build_suggestion_weights` writes both to `data/builtin_weights.json`, deterministically: the same
corpus gives the same file byte for byte. The engine adds each posterior, times engine.BUILTIN and
engine.NEIGHBOURS, to the word lists' scores. Those weights and ALPHA, NEIGHBOURS and SIMILARITY_POWER
were chosen by cross-validation on the corpus, leaving out one writer's questions at a time
(data/README.md). The file is read once per process (`model()`).
"""

import heapq
import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from opvoedwijzer.taxonomy import defaults

from . import text as texts

DATA = Path(__file__).resolve().parent / "data"
EXAMPLES_FILE = DATA / "examples.jsonl"
WEIGHTS_FILE = DATA / "builtin_weights.json"
MIN_EXAMPLES = 2  # a stem of fewer examples is left out
MIN_KNOWN = 2  # the model says nothing about a text with fewer of its stems ("Ik heb een vraag")
MAIN = 1.0  # an example counts this much for its main theme …
OTHER = 0.5  # … and this much for each other theme
ALPHA = 0.2  # additive smoothing of P(stem | theme)
NEIGHBOURS = 10  # the examples most like a text that vote for its themes …
SIMILARITY_POWER = 2.0  # … each by its similarity to this power
NAMED = 2  # per theme with at least NAMED_SHARE of the neighbours' vote, their shared words named at most
NAMED_SHARE = 0.15
EXPLAINS = 4.0  # a stem is named for a theme when P(stem | theme) is at least this many times P(stem) …
FALLBACK = 1.5  # … or, when none is, the stem with the highest ratio if at least this


def read_examples(path=EXAMPLES_FILE):
    """[(text, [codes, main first])] of a JSON-lines file, each text once (the first), in file order."""
    seen = set()
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            norm = " ".join(row["text"].lower().split())
            if norm in seen or not row.get("themes"):
                continue
            seen.add(norm)
            rows.append((row["text"], list(row["themes"])))
    return rows


def build(examples, *, min_examples=MIN_EXAMPLES):
    """{"languages": {language: {"examples": n, "themes": {code: weight}, "stems": {stem: {code: weight}},
    "neighbours": [[codes, stems], …]}}}: per language, the weighted number of examples of each theme and
    of each stem with each theme, and each example's kept stems with its themes (in corpus order)."""
    from .services import _stems, banned_stems

    known = set(defaults.LABELS["theme"])
    banned = banned_stems()
    by_language = {language: [] for language in texts.LANGUAGES}
    for text, codes in examples:
        language = texts.detect_language(texts.tokens(text))
        codes = [c for c in dict.fromkeys(codes) if c in known]
        if codes:
            by_language[language].append((_stems(text, language) - banned, codes))
    languages = {}
    for language, rows in by_language.items():
        df = Counter(stem for stems, _codes in rows for stem in stems)
        themes = Counter()
        stems = defaultdict(Counter)
        for row_stems, codes in rows:
            for rank, code in enumerate(codes):
                weight = MAIN if rank == 0 else OTHER
                themes[code] += weight
                for stem in row_stems:
                    if df[stem] >= min_examples:
                        stems[stem][code] += weight
        neighbours = []
        for row_stems, codes in rows:
            kept = sorted(stem for stem in row_stems if df[stem] >= min_examples)
            if kept:
                neighbours.append([codes, kept])
        languages[language] = {
            "examples": len(rows),
            "themes": dict(sorted(themes.items())),
            "stems": {stem: dict(sorted(row.items())) for stem, row in sorted(stems.items())},
            "neighbours": neighbours,
        }
    return {"languages": languages}


def dumps(model):
    """The model as the file holds it: sorted keys, one stem and one example a line, so that a rebuild is
    byte-identical."""
    lines = ["{", ' "languages": {']
    langs = sorted(model["languages"])
    for i, language in enumerate(langs):
        part = model["languages"][language]
        themes = json.dumps(part["themes"], sort_keys=True)
        lines.append(f'  "{language}": {{"examples": {part["examples"]}, "themes": {themes}, "stems": {{')
        stems = sorted(part["stems"])
        for j, stem in enumerate(stems):
            row = json.dumps(part["stems"][stem], ensure_ascii=False, sort_keys=True)
            comma = "," if j < len(stems) - 1 else ""
            lines.append(f"   {json.dumps(stem, ensure_ascii=False)}: {row}{comma}")
        lines.append('  }, "neighbours": [')
        rows = part["neighbours"]
        for j, row in enumerate(rows):
            comma = "," if j < len(rows) - 1 else ""
            lines.append(f"   {json.dumps(row, ensure_ascii=False)}{comma}")
        lines.append("  ]}" + ("," if i < len(langs) - 1 else ""))
    lines += [" }", "}"]
    return "\n".join(lines) + "\n"


def write(path=WEIGHTS_FILE, examples_path=EXAMPLES_FILE):
    """Build the model from the corpus and write it; returns the model."""
    model = build(read_examples(examples_path))
    Path(path).write_text(dumps(model), encoding="utf-8")
    return model


@dataclass(frozen=True)
class Neighbours:
    """One language's examples, ready to find those most like a text: idf-weighted unit vectors of their
    stems, kept as postings (stem → the examples holding it, with its weight there)."""

    idf: dict  # stem → log(examples / examples with the stem)
    postings: dict  # stem → ((example, weight in its unit vector), …)
    codes: tuple  # example → its theme codes, main first
    stems: tuple  # example → its stems (frozenset), to say which words it shares with a text

    @classmethod
    def of(cls, rows):
        df = Counter(stem for _codes, stems in rows for stem in stems)
        idf = {stem: math.log(len(rows) / n) for stem, n in df.items()}
        postings = defaultdict(list)
        for i, (_codes, stems) in enumerate(rows):
            norm = math.sqrt(sum(idf[stem] ** 2 for stem in stems)) or 1.0
            for stem in stems:
                postings[stem].append((i, idf[stem] / norm))
        return cls(
            idf=idf,
            postings={stem: tuple(entries) for stem, entries in postings.items()},
            codes=tuple(tuple(codes) for codes, _stems in rows),
            stems=tuple(frozenset(stems) for _codes, stems in rows),
        )

    def posterior(self, stems):
        """{code: share of the vote} of the NEIGHBOURS examples most like the text (nothing when it has
        fewer than MIN_KNOWN of their stems), and for each theme with at least NAMED_SHARE of the vote the
        (at most NAMED) words of the text its voters share, weightiest first."""
        # Sorted, so that every process adds the similarities in the same order (the same floats).
        query = {stem: self.idf[stem] for stem in sorted(set(stems)) if stem in self.idf}
        norm = math.sqrt(sum(value**2 for value in query.values()))
        if len(query) < MIN_KNOWN or not norm:  # not norm: only words every example has
            return {}, {}
        similarity = defaultdict(float)
        for stem, value in query.items():
            for example, weight in self.postings[stem]:
                similarity[example] += value / norm * weight
        nearest = heapq.nsmallest(NEIGHBOURS, similarity.items(), key=lambda row: (-row[1], row[0]))
        votes = defaultdict(float)
        named = defaultdict(lambda: defaultdict(float))
        for example, value in nearest:
            strength = value**SIMILARITY_POWER
            for rank, code in enumerate(self.codes[example]):
                vote = strength * (MAIN if rank == 0 else OTHER)
                votes[code] += vote
                for stem in self.stems[example] & query.keys():
                    named[code][stem] += vote * query[stem]
        total = sum(votes.values()) or 1.0
        shares = {code: vote / total for code, vote in votes.items()}
        explained = {
            code: [stem for stem, _w in sorted(words.items(), key=lambda row: (-row[1], row[0]))[:NAMED]]
            for code, words in named.items()
            if shares[code] >= NAMED_SHARE
        }
        return shares, explained


@dataclass(frozen=True)
class Model:
    """One language's naive Bayes: log P(theme), and log P(stem | theme) for the known stems; and its
    examples as neighbours."""

    prior: dict  # code → log P(theme)
    unseen: dict  # code → log P(a known stem never seen with the theme | theme)
    likely: dict  # stem → {code: log P(stem | theme)} for the themes it came with
    share: dict  # stem → P(stem) over all themes (to say which stems explain a theme)
    neighbours: Neighbours

    @classmethod
    def of(cls, part):
        themes, stems = part["themes"], part["stems"]
        total = sum(themes.values())
        vocabulary = len(stems)
        per_theme = Counter()
        for row in stems.values():
            per_theme.update(row)
        denominator = {code: per_theme[code] + ALPHA * vocabulary for code in themes}
        all_counts = sum(per_theme.values()) or 1
        return cls(
            prior={code: math.log(n / total) for code, n in themes.items()},
            unseen={code: math.log(ALPHA / denominator[code]) for code in themes},
            likely={
                stem: {code: math.log((n + ALPHA) / denominator[code]) for code, n in row.items()}
                for stem, row in stems.items()
            },
            share={stem: sum(row.values()) / all_counts for stem, row in stems.items()},
            neighbours=Neighbours.of(part.get("neighbours", [])),
        )

    def posterior(self, stems):
        """{code: P(theme | stems)} over the model's themes (the distinct known stems count, at least
        MIN_KNOWN of them, else nothing), and for each
        theme the stems that explain it: P(stem | theme) ≥ EXPLAINS × P(stem), or else the stem with the
        highest such ratio if it is at least FALLBACK."""
        known = [stem for stem in dict.fromkeys(stems) if stem in self.likely]
        if len(known) < MIN_KNOWN:
            return {}, {}
        # Every theme starts as if no known stem came with it; each stem's own rows then correct that.
        scores = {code: value + len(known) * self.unseen[code] for code, value in self.prior.items()}
        best = {}
        explained = defaultdict(list)
        for stem in known:
            share = self.share[stem]
            for code, value in self.likely[stem].items():
                scores[code] += value - self.unseen[code]
                ratio = math.exp(value) / share
                if ratio >= EXPLAINS:
                    explained[code].append(stem)
                elif ratio >= FALLBACK and ratio >= best.get(code, (0, None))[0]:
                    best[code] = (ratio, stem)
        for code, (_ratio, stem) in best.items():
            if not explained[code]:
                explained[code].append(stem)
        top = max(scores.values())
        exp = {code: math.exp(value - top) for code, value in scores.items()}
        total = sum(exp.values())
        return {code: value / total for code, value in exp.items()}, explained


@cache
def model():
    """{language: Model} as shipped (read once per process; empty without the file)."""
    if not WEIGHTS_FILE.exists():
        return {}
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    return {language: Model.of(part) for language, part in data["languages"].items() if part["themes"]}
