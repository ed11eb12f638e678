"""First numbers: contacts per municipality × another dimension, and the CSV export."""

import csv
import io

import pytest

from opvoedwijzer.reports.sections import SECTIONS
from opvoedwijzer.reports.stats import count_contacts, crosstab
from tests.factories import ContactFactory


@pytest.fixture
def registrations(sam, vera, days_ago):
    """Five contacts in Zuid-Limburg this year, one of them with two themes, one outside."""
    ContactFactory(membership=sam, municipality="71053", main_theme="bullying")
    ContactFactory(membership=sam, municipality="71053", main_theme="bullying", themes=["sleep"])
    ContactFactory(membership=vera, municipality="71017", main_theme="sleep", channel="email")
    ContactFactory(membership=vera, municipality="outside", main_theme="divorce")
    ContactFactory(membership=sam, municipality="73022", main_theme="bullying", date=days_ago(400))


def test_a_contact_with_two_themes_counts_once_per_theme_and_once_in_the_total(
    zuid, registrations, days_ago, today
):
    rows, total = count_contacts(zuid, days_ago(30), today, ["theme"])
    assert total == 4
    assert {r["theme"]: r["count"] for r in rows} == {"bullying": 2, "sleep": 2, "divorce": 1}


def test_counts_by_municipality_include_outside_and_unknown(zuid, registrations, days_ago, today):
    rows, _ = count_contacts(zuid, days_ago(30), today, ["municipality"])
    assert {r["municipality"]: r["count"] for r in rows} == {"71053": 2, "71017": 1, "outside": 1}


def test_the_crosstab_has_row_column_and_grand_totals(zuid, registrations, days_ago, today):
    table = crosstab(zuid, days_ago(30), today, "municipality", "theme")
    rows = {r["code"]: r for r in table["rows"]}
    columns = [c["code"] for c in table["columns"]]
    assert rows["71053"]["cells"][columns.index("bullying")] == 2
    assert rows["71053"]["cells"][columns.index("sleep")] == 1
    assert rows["71053"]["total"] == 2
    assert table["total"] == 4
    assert {c["code"]: c["total"] for c in table["columns"]}["sleep"] == 2


def test_counts_by_month(zuid, registrations, days_ago, today):
    rows, _ = count_contacts(zuid, days_ago(30), today, ["month"])
    assert sum(r["count"] for r in rows) == 4
    assert all(len(r["month"]) == 7 for r in rows)


def test_the_overview_page_shows_the_table(sam, registrations, client_for):
    page = client_for(sam).get("/o/zuid-limburg/overview/?by=theme").content.decode()
    assert "Sint-Truiden" in page
    assert "Pesten" in page or "Bullying" in page


def test_the_overview_page_keeps_to_a_fixed_number_of_queries(
    sam, registrations, client_for, django_assert_max_num_queries
):
    client = client_for(sam)
    for by in [
        "theme",
        "theme_group",
        "channel",
        "asker_role",
        "life_stage",
        "offer",
        "request_kind",
        "duration",
        "month",
        "quarter",
    ]:
        # counts (3), labels, session/user/membership, two-step check, municipality choices, networking (3),
        # group offer (2: sessions, attendance; with sign-ups and places 4, see test_group_offer.py),
        # trajectories (2: trajectories, consultations; 4 with sessions and goal scores), volunteers (3)
        with django_assert_max_num_queries(23):
            assert client.get(f"/o/zuid-limburg/overview/?by={by}").status_code == 200


def test_the_csv_opens_in_excel_with_the_right_numbers(sam, registrations, client_for, today, days_ago):
    response = client_for(sam).get(
        f"/o/zuid-limburg/overview/export.csv?by=theme&start={days_ago(30)}&end={today}"
    )
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = [r for r in csv.reader(io.StringIO(body[1:]), delimiter=";") if len(r) > 1]  # not the notes
    header, last = rows[0], rows[-1]
    assert header[-1] in ("Totaal contacten", "Total contacts")
    assert last[0] in ("Totaal contacten", "Total contacts") and last[-1] == "4"
    sint_truiden = next(r for r in rows if r[1] == "71053")
    assert sint_truiden[-1] == "2"


def test_a_bad_period_is_an_error_not_a_500(sam, client_for):
    client = client_for(sam)
    response = client.get("/o/zuid-limburg/overview/?start=2026-12-31&end=2026-01-01")
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert client.get("/o/zuid-limburg/overview/?start=gisteren").status_code == 200
    assert client.get("/o/zuid-limburg/overview/export.csv?by=nonsense").status_code == 200


def test_numbers_are_per_organisation(noor, registrations, client_for, noord, days_ago, today):
    assert count_contacts(noord, days_ago(30), today, ["theme"]) == ([], 0)


def report_params(days_ago, today, **extra):
    return {"rows": "municipality", "by": "theme", "start": days_ago(30), "end": today, **extra}


def test_the_xlsx_has_headers_numbers_as_numbers_a_sheet_per_report_section_and_a_sheet_of_notes(
    sam, registrations, client_for, today, days_ago
):
    from openpyxl import load_workbook

    response = client_for(sam).get("/o/zuid-limburg/overview/export.xlsx", report_params(days_ago, today))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(response.content))
    table, *sections, notes = workbook.worksheets
    assert [sheet.title for sheet in sections][1:3] in (
        ["Doorverwijzingen in deze", "Groepsaanbod"],
        ["Referrals in this period", "Group offer"],
    )  # in the order of reports/sections.py, a title cut to Excel's 31 characters at a word
    assert len(sections) == len(SECTIONS)
    assert [row[0] for row in sections[1].iter_rows(values_only=True)][:2] in (
        ["Doorverwijzingen per organisatie en resultaat", "Naar wie"],
        ["Referrals per organisation and outcome", "To whom"],
    )
    rows = list(table.iter_rows(values_only=True))
    header = rows[2]
    assert header[0] in ("Gemeente", "Municipality") and header[-1] in ("Totaal contacten", "Total contacts")
    sint_truiden = next(r for r in rows if r[1] == "71053")
    assert sint_truiden[-1] == 2 and isinstance(sint_truiden[-1], int)
    assert rows[-1][-1] == 4
    assert notes["A1"].value.startswith(("Contacten per", "Contacts per"))


def test_the_pdf_shows_the_same_table(sam, registrations, client_for, today, days_ago):
    from pypdf import PdfReader

    response = client_for(sam).get("/o/zuid-limburg/overview/export.pdf", report_params(days_ago, today))
    assert response["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Sint-Truiden" in text and "Gingelom" in text
    assert "Pesten" in text or "Bullying" in text


def test_one_dimension_compared_with_a_year_earlier(sam, zuid, client_for, today):
    ContactFactory.create_batch(3, membership=sam, channel="phone")
    ContactFactory.create_batch(2, membership=sam, channel="email")
    a_year_ago = today.replace(year=today.year - 1)
    ContactFactory.create_batch(4, membership=sam, channel="phone", date=a_year_ago)
    ContactFactory.create_batch(5, membership=sam, channel="chat", date=a_year_ago)
    response = client_for(sam).get(
        "/o/zuid-limburg/overview/export.csv",
        {"rows": "channel", "by": "", "start": today, "end": today, "compare": "last_year"},
    )
    rows = [
        r for r in csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";") if len(r) > 1
    ]
    phone = next(r for r in rows if r[1] == "phone")
    assert phone[2:] == ["3", "4", "-25"]  # now, a year earlier, change in per cent
    email = next(r for r in rows if r[1] == "email")
    assert email[2:] == ["2", "0", ""]
    chat = next(r for r in rows if r[1] == "chat")  # asked a year ago, not now: what dropped away
    assert chat[2:] == ["0", "5", "-100"]


def test_contacts_per_quarter_add_up_their_months(sam, zuid, today):
    import datetime as dt

    from opvoedwijzer.reports.stats import count_contacts

    year = today.year - 1
    for month in (1, 2, 3, 4):
        ContactFactory(membership=sam, date=dt.date(year, month, 10))
    rows, total = count_contacts(zuid, dt.date(year, 1, 1), dt.date(year, 12, 31), ["quarter"])
    assert {r["quarter"]: r["count"] for r in rows} == {f"{year}-Q1": 3, f"{year}-Q2": 1}
    assert total == 4


def test_the_same_dimension_twice_is_an_error(sam, client_for):
    response = client_for(sam).get("/o/zuid-limburg/overview/", {"rows": "theme", "by": "theme"})
    assert "error-summary" in response.content.decode()
