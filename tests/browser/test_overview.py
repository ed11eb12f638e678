"""The first numbers (M11) in a real browser: the table per municipality and theme, and its CSV."""

import csv
import datetime
import io

from playwright.sync_api import expect

from tests.factories import ContactFactory


def table_rows(page, section):
    """The texts of a table section's rows: [[header cell, cell, …], …]."""
    return page.locator(f"table.table--numbers {section} tr").evaluate_all(
        "rows => rows.map(r => [...r.cells].map(c => c.textContent.trim()))"
    )


def test_staff_sees_contacts_per_municipality_and_theme_and_downloads_them(sam, logged_in, check_a11y):
    ContactFactory.create_batch(3, membership=sam)  # Sint-Truiden, bullying
    ContactFactory(membership=sam, municipality="73022", main_theme="sleep", themes=["bullying"])  # Heers
    ContactFactory(membership=sam, municipality="outside", main_theme="sleep")
    ContactFactory(membership=sam, date=datetime.date(2020, 1, 1))  # before the period

    page = logged_in(sam)
    page.goto("/o/zuid-limburg/overview/?by=theme")
    expect(page.locator("#id_by")).to_have_value("theme")

    # Themes in taxonomy order (care before school); a contact with two themes counts in both
    # columns but once in the totals.
    # (Row and column labels are taxonomy data, the rest is interface text: only data is compared.)
    assert [row[1:-1] for row in table_rows(page, "thead")] == [["Slapen", "Pesten"]]
    body = table_rows(page, "tbody")
    assert [row[1:] for row in body] == [["1", "1", "1"], ["0", "3", "3"], ["1", "0", "1"]]
    assert [row[0] for row in body][:2] == ["Heers", "Sint-Truiden"]
    assert [row[1:] for row in table_rows(page, "tfoot")] == [["2", "4", "5"]]
    check_a11y(page, "overview")

    with page.expect_download() as download_info:
        page.click("a[download]")
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    raw = download.path().read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), raw[:20]  # the BOM: Excel then reads UTF-8
    rows = [r for r in csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";") if len(r) > 1]
    assert rows[0][2:-1] == ["Slapen", "Pesten"]
    assert rows[1][:2] == ["Heers", "73022"]
    assert rows[-1][2:] == ["2", "4", "5"]


def test_a_funder_sees_their_municipality_with_small_numbers_hidden(fons, zuid, sam, logged_in, check_a11y):
    fons.municipalities.set([zuid.municipalities.get(code="71053")])
    last_year = datetime.date(datetime.date.today().year - 1, 3, 1)  # funders see whole past years
    ContactFactory.create_batch(6, membership=sam, channel="phone", date=last_year)  # Sint-Truiden
    ContactFactory(membership=sam, channel="email", date=last_year)
    ContactFactory(membership=sam, municipality="73022", date=last_year)  # Heers: not Fons's

    page = logged_in(fons)
    page.goto("/o/zuid-limburg/overview/?by=channel")
    body = table_rows(page, "tbody")
    assert [row[0] for row in body] == ["Sint-Truiden"]
    assert "x" in body[0] and "1" not in body[0]
    expect(page.locator("#suppression-note")).to_be_visible()
    check_a11y(page, "overview-funder")
