"""The PII guard against labelled corpora of Dutch and Flemish texts: on every corpus in CORPORA,
recall ≥ 95 % of the PII items and findings on ≤ 5 % of the clean texts (at most 1 in 20). Prints
both figures per corpus.

pii_corpus.jsonl (325 texts) is the development set the rules were tuned on; its last 44 (o001–o044)
are the hard classes of issue 12: names people give when they introduce themselves ("mijn naam is jan
peeters"), lowercase names with their surname, e-mail addresses and phone numbers spelled out in
words, and clean notes full of services, schools and helplines. pii_holdout.jsonl (160 texts) was
written afterwards by someone who never saw the rules; its first, blind result was 97.7 % recall and
21.1 % of clean texts flagged, which led to general fixes (acronyms, titles of courses, diminutives,
nationalities, ambiguous names) — so it is no longer blind either. pii_holdout_blind.jsonl (200 staff
notes) was written by someone who saw neither the rules nor the other corpora; scored blind after the
first round of issue 12, its misses and false alarms then led to the second round's classes (national
numbers and accounts with a typo after a word that names them, phone numbers in odd groupings, user
names without "@", lowercase streets, dates in words, lowercase names in brackets or with an age;
places inside the municipalities and Dutch towns, words where organisations stand, person nouns) —
so it is a development set now too. pii_holdout_blind2.jsonl (200 staff notes), written by someone
who saw neither the rules nor the other corpora, judged that round on first contact; its misses and
false alarms led to the third round's classes (parenting programmes and course titles — a list in
data/organisations.txt and a title in capitals after "cursus", "training", "programma", "methode",
"reeks" —, institutions named after royals and saints, compass words, ordinals as school years,
Discord tags, years in words in a date of birth, known surnames that end like a verb) — so it is a
development set now too. pii_holdout_blind3.jsonl (200 staff notes), written by someone who saw
neither the rules nor the other corpora, judged the third round on first contact; its misses and
false alarms led to the fourth round's classes (characters and shows of children's books, comics
and television in data/characters.txt — no people beside another one, "X en Y", or in a sentence
about reading or watching, unless a role or an age makes them a child —, sayings with "naam is" or
"ik ben" ("mijn naam is haas"), common Dutch nouns in data/words.txt — a title's word, "meneer van
de bakkerij" —, a name with a house number and "bus" as an address, a nickname before "genoemd")
— so it is a development set now too, and the next blind set judges the fourth round.

Measured before and after issue 12 (recall / clean texts flagged):
  pii_corpus.jsonl, its first 281 texts   99.8 % / 0.0 %   →  100.0 % / 0.0 %
  pii_corpus.jsonl, the 44 added ones     38.5 % / 77.3 %  →  100.0 % / 0.0 %
  pii_corpus.jsonl, all 325               96.2 % / 14.7 %  →  100.0 % / 0.0 %
  pii_holdout.jsonl                       99.5 % / 1.8 %   →  100.0 % / 0.0 %
  pii_holdout_blind.jsonl (blind)         79.5 % / 54.5 %  →  87.8 % / 15.5 % (round one)
                                                           →  100.0 % / 0.0 % (round two, seen)
  pii_holdout_blind2.jsonl (blind)        89.0 % / 51.8 %  →  97.8 % / 8.2 % (after round two: its
                                                              first contact)
                                                           →  100.0 % / 0.0 % (round three, seen)
  pii_holdout_blind3.jsonl (blind)        89.5 % / 56.8 %  →  98.9 % / 7.2 % (after round three: its
                                                              first contact)
                                                           →  100.0 % / 0.0 % (round four, seen)
(pii_holdout_blind2.jsonl: 181 items, 110 clean notes; pii_holdout_blind3.jsonl: 181 items, 111
clean notes; their "before" is the guard as it was before the issue's first round, commit
ba9f17f's parent, run on them afterwards.)
"""

import json
from pathlib import Path

import pytest

from opvoedwijzer.privacy.pii import find_pii

CORPORA = [
    "pii_corpus.jsonl",
    "pii_holdout.jsonl",
    "pii_holdout_blind.jsonl",
    "pii_holdout_blind2.jsonl",
    "pii_holdout_blind3.jsonl",
]
RECALL_GOAL = 0.95  # of the PII items found
CLEAN_FLAGGED_GOAL = 0.05  # of the clean texts with a finding: at most 1 in 20


def load_corpus(name="pii_corpus.jsonl"):
    path = Path(__file__).with_name(name)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_spans(case):
    """(kind, start, end) of every labelled item, located in order of appearance."""
    spans, taken = [], set()
    for item in case["pii"]:
        start = case["text"].find(item["text"])
        while start in taken:
            start = case["text"].find(item["text"], start + 1)
        assert start >= 0, (case["id"], item)
        taken.add(start)
        spans.append((item["kind"], start, start + len(item["text"])))
    return spans


def evaluate(corpus):
    found_items = total_items = 0
    clean = flagged_clean = 0
    misses, false_alarms = [], []
    for case in corpus:
        findings = find_pii(case["text"])
        gold = gold_spans(case)
        if not gold:
            clean += 1
            if findings:
                flagged_clean += 1
                false_alarms.append((case["id"], [(f.kind, f.text) for f in findings]))
            continue
        for kind, start, end in gold:
            total_items += 1
            if any(f.kind == kind and f.start < end and start < f.end for f in findings):
                found_items += 1
            else:
                misses.append((case["id"], kind, case["text"][start:end]))
    return {
        "recall": found_items / total_items,
        "items": total_items,
        "clean_flagged": flagged_clean / clean,
        "clean": clean,
        "misses": misses,
        "false_alarms": false_alarms,
    }


@pytest.fixture(scope="module", params=CORPORA)
def result(request):
    return evaluate(load_corpus(request.param))


@pytest.mark.parametrize("name", CORPORA)
def test_the_corpus_is_big_and_a_third_clean(name):
    corpus = load_corpus(name)
    assert len(corpus) >= 150
    assert sum(1 for c in corpus if not c["pii"]) >= len(corpus) / 3


def test_the_guard_finds_at_least_95_percent_of_the_pii_items(result):
    print(f"\nPII recall: {result['recall']:.1%} of {result['items']} items; misses: {result['misses']}")
    assert result["recall"] >= RECALL_GOAL, result["misses"]


def test_the_guard_flags_at_most_1_clean_text_in_20(result):
    print(
        f"\nClean texts flagged: {result['clean_flagged']:.1%} of {result['clean']}; "
        f"false alarms: {result['false_alarms']}"
    )
    assert result["clean_flagged"] <= CLEAN_FLAGGED_GOAL, result["false_alarms"]
