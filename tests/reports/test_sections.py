"""Adding a report section is writing one module and adding it to one list (reports/sections.py): the
overview page, the yearly report, the XLSX export and the stats API all show it."""

import copy
import datetime
import io

import pytest
from openpyxl import load_workbook

from opvoedwijzer.core.reporting import Section, Table
from opvoedwijzer.reports import sections, yearly
from opvoedwijzer.reports.services import request_yearly_report

LAST_YEAR = datetime.date.today().year - 1


def count_the_days(org, start, end, municipalities=None, *, outside=False):
    """The tiny section's figures: the days in the period, and whether they leave the service."""
    return {"days": (end - start).days + 1, "outside": outside}


def days_tables(figures):
    return [Table("Days counted", ["What", "Number"], [["Days", figures["days"]]])]


@pytest.fixture
def days_section(settings, tmp_path, monkeypatch):
    """A section of one module's worth, added at the end of the one list."""
    (tmp_path / "days.html").write_text('<h2 id="days">Days counted: {{ figures.days }}</h2>')
    (tmp_path / "days_pdf.html").write_text(
        '<section id="days">Days in the year: {{ figures.days }}</section>'
    )
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [*templates[0]["DIRS"], tmp_path]
    settings.TEMPLATES = templates
    section = Section(
        key="days",
        title="Days counted",
        build=count_the_days,
        tables=days_tables,
        template="days.html",
        pdf_template="days_pdf.html",
    )
    monkeypatch.setattr(sections, "SECTIONS", [*sections.SECTIONS, section])
    return section


def test_a_new_section_is_on_the_overview_page(sam, client_for, days_section):
    page = client_for(sam).get("/o/zuid-limburg/overview/", {"start": "2026-01-01", "end": "2026-01-31"})
    text = page.content.decode()
    assert '<h2 id="days">Days counted: 31</h2>' in text
    assert text.index('id="group-offer"') < text.index('id="days"'), "after the sections before it"


def test_a_new_section_is_in_the_yearly_report(ilse, zuid, days_section, monkeypatch):
    written = []
    monkeypatch.setattr(yearly, "pdf_bytes", lambda html: written.append(html) or b"%PDF")
    sint_truiden = zuid.municipalities.get(code="71053")
    report = request_yearly_report(zuid, municipality=sint_truiden, year=LAST_YEAR, user=ilse.user)
    yearly.build_yearly_report(report)
    days = 366 if LAST_YEAR % 4 == 0 else 365
    assert f'<section id="days">Days in the year: {days}</section>' in written[0]
    assert written[0].index('id="referrals"') < written[0].index('id="days"')


def test_a_new_section_is_a_sheet_of_the_xlsx(sam, client_for, days_section):
    response = client_for(sam).get(
        "/o/zuid-limburg/overview/export.xlsx", {"start": "2026-01-01", "end": "2026-01-31"}
    )
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames[-2] == "Days counted"  # before the notes
    assert list(workbook["Days counted"].iter_rows(values_only=True)) == [
        ("Days counted", None),
        ("What", "Number"),
        ("Days", 31),
    ]


def test_a_new_section_is_in_the_api_answer(bearer, sam, fons, days_section):
    answer = bearer(sam).get("/api/v1/reports/sections", **{"from": "2026-01-01", "to": "2026-01-31"}).json()
    assert answer["sections"][-1] == {
        "key": "days",
        "title": "Days counted",
        "tables": [{"title": "Days counted", "columns": ["What", "Number"], "rows": [["Days", 31]]}],
    }
