"""Dates on the parents' side read as each language writes them (the locale's own date formats), not as
a fixed Dutch "l j F Y": Polish puts the month in the genitive, Arabic uses its own comma."""

import datetime

import pytest
from django.template import engines
from django.utils import translation

TEMPLATE = engines["django"].from_string(
    '{% load dates %}{{ day|long_date }} | {{ day|long_date:"no-year" }}'
)
WEDNESDAY = datetime.date(2026, 12, 9)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nl", "woensdag 9 december 2026 | woensdag 9 december"),
        ("fr", "mercredi 9 décembre 2026 | mercredi 9 décembre"),
        ("pl", "środa 9 grudnia 2026 | środa 9 grudnia"),
        ("ar", "الأربعاء 9 ديسمبر، 2026 | الأربعاء 9 ديسمبر"),
    ],
)
def test_a_day_reads_as_the_language_writes_it(language, expected):
    with translation.override(language):
        assert TEMPLATE.render({"day": WEDNESDAY}) == expected


def test_a_session_at_night_is_shown_on_its_local_day():
    late = datetime.datetime(2026, 12, 9, 23, 30, tzinfo=datetime.UTC)  # 00:30 on the 10th in Brussels

    with translation.override("nl"):
        assert TEMPLATE.render({"day": late}).startswith("donderdag 10 december 2026")
