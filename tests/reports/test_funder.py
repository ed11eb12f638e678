"""Fons, the funder, sees the numbers of Sint-Truiden only, as they leave the service: small counts
hidden so that no family can be pointed at, also not by subtracting from a total."""

import csv
import datetime
import io
import random

import pytest

from opvoedwijzer.core.disclosure import suppress_small_counts
from tests.factories import ContactFactory

SINT_TRUIDEN, GINGELOM = "71053", "71017"
LAST_YEAR = datetime.date.today().year - 1
IN_LAST_YEAR = datetime.date(LAST_YEAR, 6, 15)


@pytest.fixture
def fons_sees_sint_truiden(fons, zuid):
    fons.municipalities.set([zuid.municipalities.get(code=SINT_TRUIDEN)])
    return fons


@pytest.fixture
def registrations(sam):
    """Sint-Truiden: 12 by phone and 2 by e-mail; Gingelom: 7 by phone."""
    day = IN_LAST_YEAR
    ContactFactory.create_batch(12, membership=sam, municipality=SINT_TRUIDEN, channel="phone", date=day)
    ContactFactory.create_batch(2, membership=sam, municipality=SINT_TRUIDEN, channel="email", date=day)
    ContactFactory.create_batch(7, membership=sam, municipality=GINGELOM, channel="phone", date=day)


def overview_csv(client, **params):
    query = {"by": "channel", "start": f"{LAST_YEAR}-01-01", "end": f"{LAST_YEAR}-12-31", **params}
    response = client.get("/o/zuid-limburg/overview/export.csv", query)
    assert response.status_code == 200
    rows = csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    return [row for row in rows if len(row) > 1]  # the table, without the note below it


def test_a_funder_sees_only_their_municipalities_with_small_numbers_hidden(
    fons_sees_sint_truiden, registrations, client_for
):
    client = client_for(fons_sees_sint_truiden)
    page = client.get("/o/zuid-limburg/overview/?by=channel").content.decode()  # last year by default
    assert "Sint-Truiden" in page and "Gingelom" not in page
    rows = overview_csv(client)
    sint_truiden = next(r for r in rows if r[1] == SINT_TRUIDEN)
    assert "2" not in sint_truiden[2:]  # the two e-mails
    assert "x" in sint_truiden
    # ...and the 2 cannot be worked out as 14 − 12 either: the phone count is hidden as well.
    assert "12" not in sint_truiden[2:] or "14" not in sint_truiden[2:]
    assert not any(r[1] == GINGELOM for r in rows)


def test_staff_see_every_municipality_and_every_number(sam, registrations, client_for):
    rows = overview_csv(client_for(sam))
    sint_truiden = next(r for r in rows if r[1] == SINT_TRUIDEN)
    assert "2" in sint_truiden and "12" in sint_truiden and "x" not in sint_truiden
    assert any(r[1] == GINGELOM for r in rows)


def test_a_funder_sees_whole_years_that_have_ended_only(fons_sees_sint_truiden, registrations, client_for):
    """Otherwise January–July minus January–June would give away a small July."""
    client = client_for(fons_sees_sint_truiden)
    response = client.get(
        "/o/zuid-limburg/overview/",
        {"by": "channel", "start": f"{LAST_YEAR}-01-01", "end": f"{LAST_YEAR}-06-30"},
    )
    assert response.status_code == 200
    assert "<table" not in response.content.decode()
    assert 'class="error-summary' in response.content.decode()
    export = client.get(
        "/o/zuid-limburg/overview/export.csv",
        {"by": "channel", "start": f"{LAST_YEAR}-01-01", "end": f"{LAST_YEAR}-06-30"},
    )
    assert export.status_code == 200 and not export["Content-Type"].startswith("text/csv")  # the form again


def test_staff_export_for_outside_the_service_hides_small_numbers(sam, registrations, client_for):
    from opvoedwijzer.privacy.models import AuditAction, AuditEvent

    rows = overview_csv(client_for(sam), external="on")
    sint_truiden = next(r for r in rows if r[1] == SINT_TRUIDEN)
    assert "2" not in sint_truiden[2:] and "x" in sint_truiden
    assert AuditEvent.objects.get(action=AuditAction.EXPORT).detail["suppressed"] is True


def test_a_funder_without_municipalities_sees_no_numbers(fons, registrations, client_for):
    rows = overview_csv(client_for(fons))
    assert not any(r[1] in (SINT_TRUIDEN, GINGELOM) for r in rows)


def test_a_funder_of_another_organisation_gets_nothing(noord, client_for):
    from opvoedwijzer.core.models import Role
    from tests.factories import make_member

    funder = make_member(noord, "funder@noord.test", Role.FUNDER)
    assert client_for(funder).get("/o/zuid-limburg/overview/").status_code == 404


def table_of(cells):
    return {
        "rows": [{"cells": list(row), "total": sum(row)} for row in cells],
        "columns": [{"total": sum(col)} for col in zip(*cells, strict=True)],
        "total": sum(map(sum, cells)),
    }


def test_no_line_keeps_a_single_hidden_number_next_to_its_total():
    """Over many random small tables: no count below 5 is shown, and no row or column with a shown
    total hides exactly one number (which its total would give away)."""
    rng = random.Random(2026)
    for _ in range(500):
        n_rows, n_cols = rng.randint(1, 5), rng.randint(1, 5)
        cells = [[rng.choice([0, 1, 2, 3, 4, 5, 8, 13, 40]) for _ in range(n_cols)] for _ in range(n_rows)]
        table = suppress_small_counts(table_of(cells), k=5)
        grid = [row["cells"] + [row["total"]] for row in table["rows"]]
        grid.append([c["total"] for c in table["columns"]] + [table["total"]])
        for line in grid + [list(col) for col in zip(*grid, strict=True)]:
            assert all(n is None or n == 0 or n >= 5 for n in line)
            if line[-1] is not None:
                assert sum(n is None for n in line[:-1]) != 1, (cells, grid)


def funder_stats(client, fons, by, **period):
    from opvoedwijzer.core.services import create_api_token

    _token, raw = create_api_token(fons.user)
    params = {"from": f"{LAST_YEAR}-01-01", "to": f"{LAST_YEAR}-12-31", "by": by, **period}
    return client.get("/api/v1/contacts/stats", params, headers={"Authorization": f"Bearer {raw}"})


def test_a_funders_token_gets_small_counts_as_null_and_suppressed(
    fons_sees_sint_truiden, registrations, client
):
    response = funder_stats(client, fons_sees_sint_truiden, "municipality,channel")
    assert response.status_code == 200
    body = response.json()
    by_channel = {r["channel"]: r for r in body["rows"]}
    assert {r["municipality"] for r in body["rows"]} == {SINT_TRUIDEN}
    assert by_channel["email"] == {
        "municipality": SINT_TRUIDEN,
        "channel": "email",
        "count": None,
        "suppressed": True,
    }
    assert by_channel["phone"]["count"] is None  # else 14 − 12 gives the 2 away
    assert body["total"] == 14


def test_the_page_the_csv_and_the_api_agree_for_a_funder(fons_sees_sint_truiden, registrations, client_for):
    client = client_for(fons_sees_sint_truiden)
    csv_row = next(r for r in overview_csv(client) if r[1] == SINT_TRUIDEN)
    api_rows = funder_stats(client, fons_sees_sint_truiden, "municipality,channel").json()["rows"]
    api_by_channel = {r["channel"]: r["count"] for r in api_rows}
    header = overview_csv(client)[0]
    for label, code in (("Telefoon", "phone"), ("E-mail", "email")):
        shown = csv_row[header.index(label)]
        assert shown == ("x" if api_by_channel[code] is None else str(api_by_channel[code]))

    # The XLSX and the PDF of the same view say the same.
    from openpyxl import load_workbook
    from pypdf import PdfReader

    query = {"by": "channel", "start": f"{LAST_YEAR}-01-01", "end": f"{LAST_YEAR}-12-31"}
    sheet = load_workbook(
        io.BytesIO(client.get("/o/zuid-limburg/overview/export.xlsx", query).content)
    ).active
    rows = list(sheet.iter_rows(values_only=True))
    xlsx_header, xlsx_row = rows[2], next(r for r in rows if r[1] == SINT_TRUIDEN)
    pdf = PdfReader(io.BytesIO(client.get("/o/zuid-limburg/overview/export.pdf", query).content))
    pdf_line = next(ln for ln in pdf.pages[0].extract_text().splitlines() if ln.startswith("Sint-Truiden "))
    for label, code in (("Telefoon", "phone"), ("E-mail", "email")):
        expected = "x" if api_by_channel[code] is None else api_by_channel[code]
        assert xlsx_row[xlsx_header.index(label)] == expected
    assert pdf_line.split()[1:] == [str(c) for c in xlsx_row[2:]]  # phone, e-mail, total


def test_a_funders_token_is_refused_a_period_that_is_not_whole_years(fons_sees_sint_truiden, client):
    response = funder_stats(client, fons_sees_sint_truiden, "channel", to=f"{LAST_YEAR}-06-30")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "from"]
    response = funder_stats(client, fons_sees_sint_truiden, "channel,theme")
    assert response.status_code == 422
