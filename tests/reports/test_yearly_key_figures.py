"""The yearly report's key figures: the contacts' three, then what each report section offers as its
own (Section.key_figures); the PDF's template knows no section by name."""

import datetime
from pathlib import Path

import pytest
from django.template.loader import render_to_string

from opvoedwijzer.policy.models import Meeting, Signal
from opvoedwijzer.reports.sections import pdf_sections

TEMPLATE = Path(__file__).resolve().parents[2] / "opvoedwijzer/templates/reports/yearly_pdf.html"


@pytest.fixture
def sint_truiden(zuid):
    return zuid.municipalities.get(code="71053")


def test_the_networking_section_gives_the_meetings_and_signals_of_the_municipality(zuid, sint_truiden):
    held = Meeting.objects.create(organisation=zuid, date="2025-03-01", kind="steering_group", title="a")
    held.municipalities.set([sint_truiden])
    Meeting.objects.create(
        organisation=zuid, date="2025-04-01", kind="other", title="for no one in particular"
    )
    Meeting.objects.create(organisation=zuid, date="2024-04-01", kind="other", title="the year before")
    Signal.objects.create(organisation=zuid, title="x", description="y", raised_on="2025-02-02")
    start, end = datetime.date(2025, 1, 1), datetime.date(2025, 12, 31)
    given = {
        section.key: section.key_figures(section.build(zuid, start, end, [sint_truiden], outside=True))
        for section in pdf_sections()
        if section.key_figures
    }
    assert [n for _label, n in given["partner_work"]] == [2, 1]


def test_the_pdf_shows_whatever_key_figures_it_is_given_and_x_for_a_hidden_one(zuid, sint_truiden):
    html = render_to_string(
        "reports/yearly_pdf.html",
        {
            "organisation": zuid,
            "municipality": sint_truiden,
            "year": 2025,
            "key": {"total": 40, "previous": 30, "change": 33},
            "key_figures": [("home visits", 7), ("groups", None)],
        },
    )
    assert "<strong>7</strong>home visits" in html
    assert "<strong>x</strong>groups" in html
    assert "partner_work" not in TEMPLATE.read_text()
