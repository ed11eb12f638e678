"""The PII guard against a labelled corpus of Dutch and Flemish texts (pii_corpus.jsonl):
recall ≥ 95 % of the PII items, findings on ≤ 5 % of the clean texts. Prints both figures."""

import json
from pathlib import Path

import pytest

from opvoedwijzer.privacy.pii import find_pii

CORPUS = Path(__file__).with_name("pii_corpus.jsonl")


def load_corpus():
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]


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


@pytest.fixture(scope="module")
def result():
    return evaluate(load_corpus())


def test_the_corpus_is_big_and_balanced_enough():
    corpus = load_corpus()
    assert len(corpus) >= 150
    assert sum(1 for c in corpus if not c["pii"]) >= len(corpus) / 3 - 1


def test_the_guard_finds_at_least_95_percent_of_the_pii_items(result):
    print(f"\nPII recall: {result['recall']:.1%} of {result['items']} items; misses: {result['misses']}")
    assert result["recall"] >= 0.95, result["misses"]


def test_the_guard_flags_at_most_5_percent_of_the_clean_texts(result):
    print(
        f"\nClean texts flagged: {result['clean_flagged']:.1%} of {result['clean']}; "
        f"false alarms: {result['false_alarms']}"
    )
    assert result["clean_flagged"] <= 0.05, result["false_alarms"]
