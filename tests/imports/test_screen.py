"""Ilse imports last year's spreadsheet on the screen: upload, preview (columns, first rows, refused rows,
values to map), confirm, report. A large file goes to the task runner with a progress page. Sam (staff)
cannot import; Noor of Noord-Limburg gets 404."""

import datetime
import re

import pytest

from opvoedwijzer.contacts import rollup
from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.imports.models import ImportBatch, ImportStatus, ValueMapping
from tests.reports.test_yearly import pdf_text, run_queued_tasks

from .files import LAST_YEAR, csv_bytes, dutch_rows, xlsx_bytes

START = "/o/zuid-limburg/contacts/import/"


def upload(client, name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(START, {"file": SimpleUploadedFile(name, content)})


def with_a_bad_row():
    rows = dutch_rows()
    rows.append(
        [
            f"07/03/{LAST_YEAR}",
            "Telefonisch",
            "Moeder",
            "Heers",
            "",
            "Slapen",
            "",
            "info",
            "parenting",
            "lt5",
            "",
        ]
    )
    rows.append(
        [
            f"99/03/{LAST_YEAR}",
            "Telefoon",
            "Moeder",
            "Heers",
            "",
            "Slapen",
            "",
            "info",
            "parenting",
            "lt5",
            "",
        ]
    )
    return rows


def text_of(response):
    return re.sub(r"\s+", " ", response.content.decode())


def test_a_coordinator_uploads_previews_maps_confirms_and_sees_the_report(ilse, zuid, client_for):
    client = client_for(ilse)
    assert f'href="{START}"' in client.get("/o/zuid-limburg/contacts/").content.decode()  # the way in
    response = upload(client, "registraties-vorig-jaar.xlsx", xlsx_bytes(with_a_bad_row()))
    batch = ImportBatch.objects.get()
    assert response.url == f"{START}{batch.pk}/"
    assert batch.status == ImportStatus.CHECKED and not batch.background
    assert b"Telefonisch" not in bytes(batch.content)  # the upload is kept encrypted
    page = text_of(client.get(response.url))
    assert (
        "5 rijen gevonden" in page
        and "3 nieuwe contacten te importeren" in page
        and "2 rijen geweigerd" in page
    )
    assert (
        "“Contactwijze”: <strong>contactwijze</strong>" in page
        and "“Thema 2”: <strong>thema</strong>" in page
    )
    assert "Sint-Truiden" in page  # the first rows
    assert '<th scope="row">5</th><td>onbekende contactwijze &#x27;Telefonisch&#x27;</td>' in page
    assert '<th scope="row">6</th><td>&#x27;99/03/' in page
    assert 'name="map_0"' in page and "contactwijze “Telefonisch” (1 rijen)" in page
    assert not Contact.objects.exists()

    # Confirmed with the mapping but without accepting the good rows: row 6 is still refused.
    response = client.post(f"{START}{batch.pk}/", {"map_0": "phone"})
    batch.refresh_from_db()
    assert batch.status == ImportStatus.CHECKED and not Contact.objects.exists()
    assert ValueMapping.objects.get(organisation=zuid).target == "phone"  # remembered
    page = text_of(client.get(f"{START}{batch.pk}/"))
    assert (
        "1 rij geweigerd" in page
        and "4 nieuwe contacten te importeren" in page
        and 'name="map_0"' not in page
    )

    response = client.post(f"{START}{batch.pk}/", {"accept_good_rows": "on"})
    batch.refresh_from_db()
    assert batch.status == ImportStatus.DONE and bytes(batch.content) == b"" and batch.preview == {}
    page = text_of(client.get(f"{START}{batch.pk}/"))
    assert (
        "4 contacten geïmporteerd" in page
        and "0 contacten waren al eerder geïmporteerd" in page
        and "1 rij geweigerd" in page
    )
    assert Contact.objects.filter(source="import").count() == 4
    assert rollup.check(zuid, repair=False) == {}

    # The same file again: nothing new.
    upload(client, "registraties-vorig-jaar.xlsx", xlsx_bytes(with_a_bad_row()))
    again = ImportBatch.objects.order_by("-pk").first()
    assert "4 contacten waren al eerder geïmporteerd en blijven zoals ze zijn" in text_of(
        client.get(f"{START}{again.pk}/")
    )
    client.post(f"{START}{again.pk}/", {"accept_good_rows": "on"})
    assert Contact.objects.count() == 4


def test_a_tally_file_asks_the_missing_fields_once(ilse, zuid, client_for):
    client = client_for(ilse)
    rows = [["Datum", "Gemeente", "Thema", "Aantal"], [f"12/09/{LAST_YEAR}", "Heers", "Slapen", "6"]]
    response = upload(client, "turflijst.csv", csv_bytes(rows))
    page = text_of(client.get(response.url))
    assert "Het bestand heeft geen kolom voor contactwijze, vraagsteller, aanbod, soort vraag, duur" in page
    for name in ("channel", "asker_role", "offer", "request_kind", "duration"):
        assert f'name="default_{name}"' in page
    # Forgetting one: the form says so and keeps the rest.
    response = client.post(response.url, {"default_channel": "outreach", "default_asker_role": "mother"})
    assert response.status_code == 200 and "Dit veld is verplicht" in response.content.decode()
    assert '<option value="outreach" selected>' in response.content.decode()
    data = {
        "default_channel": "outreach",
        "default_asker_role": "mother",
        "default_offer": "info",
        "default_request_kind": "parenting",
        "default_duration": "lt5",
    }
    client.post(f"{START}{ImportBatch.objects.get().pk}/", data)
    assert Contact.objects.filter(channel__code="outreach", municipality__code="73022").count() == 6


def test_an_unreadable_file_is_refused_with_the_reason_and_the_form_kept(ilse, client_for):
    client = client_for(ilse)
    response = upload(client, "kapot.xlsx", b"PK\x03\x04 no workbook")
    assert response.status_code == 200 and "Dit is geen leesbaar XLSX-bestand." in response.content.decode()
    assert not ImportBatch.objects.exists()  # nothing kept
    response = upload(client, "foto.png", b"\x89PNG")
    assert "Kies een .xlsx- of .csv-bestand." in response.content.decode()


def test_a_large_file_is_checked_and_written_by_the_task_runner_with_progress(
    ilse, zuid, client_for, settings
):
    settings.IMPORT_BACKGROUND_ROWS = 3
    client = client_for(ilse)
    rows = dutch_rows() + dutch_rows()[1:]  # 6 rows, 6 contacts (equal ones count by occurrence)
    response = upload(client, "groot.csv", csv_bytes(rows))
    batch = ImportBatch.objects.get()
    assert batch.background and batch.status == ImportStatus.CHECKING
    page = client.get(response.url).content.decode()
    assert 'id="import-bar"' in page and "Rijen nagekeken: 0 van 6" in page
    assert '<meta http-equiv="refresh" content="3">' in page  # without JavaScript the page reloads
    fragment = client.get(response.url, headers={"HX-Request": "true"})
    assert fragment.content.decode().lstrip().startswith('<div id="import-progress"')
    assert "HX-Refresh" not in fragment

    run_queued_tasks()
    batch.refresh_from_db()
    assert batch.status == ImportStatus.CHECKED and batch.rows_checked == 6
    assert client.get(response.url, headers={"HX-Request": "true"})["HX-Refresh"] == "true"
    confirmed = client.post(response.url, {})
    batch.refresh_from_db()
    assert confirmed.status_code == 302
    assert batch.status == ImportStatus.WRITING and not Contact.objects.exists()
    assert "Rijen nagekeken: 0 van 6" in client.get(response.url).content.decode()

    run_queued_tasks()
    batch.refresh_from_db()
    assert batch.status == ImportStatus.DONE and batch.contacts_written == 6
    assert "6 contacten geïmporteerd" in text_of(client.get(response.url))
    assert Contact.objects.count() == 6 and rollup.check(zuid, repair=False) == {}


def test_the_progress_shows_contacts_written(ilse, client_for):
    from opvoedwijzer.imports.services import start_import

    batch = start_import(ilse, "x.csv", csv_bytes(dutch_rows()))
    ImportBatch.objects.filter(pk=batch.pk).update(
        status=ImportStatus.WRITING, background=True, contacts_total=5000, contacts_written=2000
    )
    page = client_for(ilse).get(f"{START}{batch.pk}/").content.decode()
    assert "Contacten weggeschreven: 2000 van 5000" in page and 'value="2000"' in page


def test_abandoning_deletes_the_upload(ilse, client_for):
    client = client_for(ilse)
    upload(client, "a.csv", csv_bytes(dutch_rows()))
    batch = ImportBatch.objects.get()
    client.post(f"{START}{batch.pk}/abandon/")
    batch.refresh_from_db()
    assert batch.status == ImportStatus.ABANDONED and bytes(batch.content) == b"" and batch.preview == {}
    assert not Contact.objects.exists()


def test_the_nightly_purge_deletes_uploads_older_than_a_day(ilse, client_for):
    from django.utils import timezone

    from opvoedwijzer.retention.run import purge_expired

    client = client_for(ilse)
    upload(client, "a.csv", csv_bytes(dutch_rows()))
    upload(client, "b.csv", csv_bytes(dutch_rows()))
    old, new = ImportBatch.objects.order_by("pk")
    ImportBatch.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=1, hours=1)
    )
    assert purge_expired()["import uploads deleted"] == 1
    old.refresh_from_db()
    new.refresh_from_db()
    assert old.status == ImportStatus.ABANDONED and bytes(old.content) == b"" and old.preview == {}
    assert new.status == ImportStatus.CHECKED and bytes(new.content) != b""
    assert purge_expired()["import uploads deleted"] == 0


def test_a_staff_member_who_is_not_coordinator_cannot_import(sam, ilse, client_for):
    from opvoedwijzer.imports.services import start_import

    batch = start_import(ilse, "a.csv", csv_bytes(dutch_rows()))
    client = client_for(sam)
    assert client.get(START).status_code == 403
    assert client.get(f"{START}{batch.pk}/").status_code == 403
    assert client.post(f"{START}{batch.pk}/", {"accept_good_rows": "on"}).status_code == 403
    assert not Contact.objects.exists()


def test_another_organisations_coordinator_gets_404(ilse, noord, client_for):
    from opvoedwijzer.core.models import Role
    from opvoedwijzer.imports.services import start_import
    from tests.factories import make_member

    batch = start_import(ilse, "a.csv", csv_bytes(dutch_rows()))
    nina = make_member(noord, "nina@noord.test", Role.COORDINATOR)
    client = client_for(nina)
    assert client.get(START).status_code == 404
    assert client.get(f"{START}{batch.pk}/").status_code == 404
    assert client.post(f"{START}{batch.pk}/abandon/").status_code == 404
    # … and in her own organisation's address, Zuid-Limburg's import does not exist.
    assert client.get(f"/o/noord-limburg/contacts/import/{batch.pk}/").status_code == 404
    assert client.post(f"/o/noord-limburg/contacts/import/{batch.pk}/abandon/").status_code == 404


def test_the_import_pages_read_a_fixed_number_of_queries(ilse, client_for, django_assert_max_num_queries):
    from opvoedwijzer.imports.services import start_import

    client = client_for(ilse)
    for _n in range(5):
        start_import(ilse, "a.csv", csv_bytes(dutch_rows()))
    batch = ImportBatch.objects.first()
    with django_assert_max_num_queries(12):
        assert client.get(START).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(f"{START}{batch.pk}/").status_code == 200


@pytest.fixture
def two_years_imported(ilse, zuid):
    """Zuid-Limburg's spreadsheets of the two years before this one, imported: 12 and 8 contacts in
    Sint-Truiden (a municipality valid since before our data, core/municipalities.py)."""
    from opvoedwijzer.imports.services import import_file

    rows = [
        ["Datum", "Kanaal", "Vraagsteller", "Gemeente", "Thema", "Aanbod", "Soort vraag", "Duur", "Aantal"]
    ]
    rows.append(
        [f"10/05/{LAST_YEAR}", "Telefoon", "Moeder", "Sint-Truiden", "Slapen", "info", "parenting", "lt5", 12]
    )
    rows.append(
        [
            f"10/05/{LAST_YEAR - 1}",
            "Telefoon",
            "Moeder",
            "Sint-Truiden",
            "Slapen",
            "info",
            "parenting",
            "lt5",
            8,
        ]
    )
    outcome = import_file(ilse, "history.xlsx", xlsx_bytes(rows))
    assert outcome.line == "imported 20, unchanged 0, refused 0"


def test_imported_contacts_count_in_the_stats_api_the_overview_and_the_yearly_report(
    ilse, zuid, two_years_imported, client_for, client
):
    from opvoedwijzer.core.services import create_api_token
    from opvoedwijzer.reports.services import request_yearly_report

    _token, raw = create_api_token(ilse.user)
    stats = client.get(
        "/api/v1/contacts/stats",
        {"from": f"{LAST_YEAR}-01-01", "to": f"{LAST_YEAR}-12-31", "by": "theme"},
        headers={"Authorization": f"Bearer {raw}"},
    ).json()
    assert stats["total"] == 12 and {r["theme"]: r["count"] for r in stats["rows"]} == {"sleep": 12}

    overview = client_for(ilse).get(
        "/o/zuid-limburg/overview/",
        {
            "rows": "theme",
            "by": "",
            "start": f"{LAST_YEAR}-01-01",
            "end": f"{LAST_YEAR}-12-31",
            "compare": "last_year",
        },
    )
    table = text_of(overview)
    assert '<th scope="row">Slapen</th><td class="total">12 </td><td>8 </td><td>+50 % </td>' in table
    assert (
        f"1 januari {LAST_YEAR - 1} – 31 december {LAST_YEAR - 1}" in table
    )  # compared with the year before

    report = request_yearly_report(
        zuid, municipality=zuid.municipalities.get(code="71053"), year=LAST_YEAR, user=ilse.user
    )
    run_queued_tasks()
    report.refresh_from_db()
    text = pdf_text(report)
    assert str(LAST_YEAR - 1) in text  # the year before is a column of the report
    lines = [line for line in text.splitlines() if line.startswith("Slapen")]
    assert any("12" in line and "8" in line for line in lines), lines


def test_a_mapping_chosen_on_the_screen_is_used_by_the_command_next_time(ilse, zuid, client_for, tmp_path):
    import io

    from django.core.management import call_command

    client = client_for(ilse)
    upload(client, "first.csv", csv_bytes(with_a_bad_row()[:-1]))  # 'Telefonisch' unknown
    batch = ImportBatch.objects.get()
    client.post(f"{START}{batch.pk}/", {"map_0": "phone"})
    assert Contact.objects.count() == 4
    rows = dutch_rows(f"09/10/{LAST_YEAR}")
    rows[1][1] = "TELEFONISCH"  # the same value, written otherwise
    path = tmp_path / "next.csv"
    path.write_bytes(csv_bytes(rows))
    out = io.StringIO()
    call_command("import_contacts", "zuid-limburg", str(path), stdout=out)
    assert out.getvalue().splitlines()[-1] == "imported 3, unchanged 0, refused 0"
    on_phone = Contact.objects.filter(date=datetime.date(LAST_YEAR, 10, 9), channel__code="phone")
    assert on_phone.count() == 2  # "TELEFONISCH" by the mapping, "telefoon" by its label
