"""An organisation's own areas (neighbourhoods, a region): imported from a CSV in the usual dialects,
every row checked before anything is written, seen and used by that organisation only, and counted in
the reports like any municipality."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.core.areas import check_area_file, import_own_areas
from opvoedwijzer.core.models import Municipality
from opvoedwijzer.reports.stats import count_contacts
from tests.factories import ContactFactory

URL = "/o/zuid-limburg/municipalities/areas/"
WIJKEN = [
    ("W01", "Centrum", "71053", "01/01/2025", ""),
    ("W02", "Brustem", "71053", "2025-01-01", ""),
    ("W03", "Sint-Truiden Oost – Zepperen", "71053", "1-1-2025", "31-12-2030"),
]


def csv_bytes(
    rows,
    *,
    delimiter=";",
    encoding="utf-8",
    header=("code", "naam", "gemeente", "geldig vanaf", "geldig tot"),
):
    lines = [delimiter.join(header)] + [delimiter.join(r) for r in rows]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def upload(client, data, name="wijken.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(URL, {"file": SimpleUploadedFile(name, data, content_type="text/csv")})


@pytest.mark.parametrize(
    "delimiter, encoding",
    [
        (";", "utf-8"),
        (",", "utf-8"),
        (";", "utf-8-sig"),
        (",", "utf-8-sig"),
        (";", "cp1252"),
        (",", "cp1252"),
    ],
)
def test_a_coordinator_imports_the_wijken_in_every_dialect(ilse, zuid, client_for, delimiter, encoding):
    rows = [(c, n.replace(",", ""), m, f, t) for c, n, m, f, t in WIJKEN]
    response = upload(client_for(ilse), csv_bytes(rows, delimiter=delimiter, encoding=encoding))
    assert response.status_code == 302
    areas = Municipality.objects.filter(organisation=zuid).order_by("code")
    assert [(a.code, a.name, a.part_of.code, a.country) for a in areas] == [
        ("W01", "Centrum", "71053", "BE"),
        ("W02", "Brustem", "71053", "BE"),
        ("W03", "Sint-Truiden Oost – Zepperen", "71053", "BE"),  # the en dash survives Windows-1252
    ]
    assert areas[2].valid_to == datetime.date(2030, 12, 31)
    assert set(zuid.municipalities.filter(organisation=zuid)) == set(areas)  # served: registrable


def test_english_columns_without_the_optional_ones_work_too(zuid):
    check = check_area_file(zuid, csv_bytes([("regio-n", "Regio Noord")], header=("Code", "Name")))
    assert check.ok
    assert import_own_areas(zuid, check.rows) == {"added": 1, "changed": 0, "unchanged": 0}
    area = Municipality.objects.get(organisation=zuid, code="regio-n")
    assert (area.part_of, area.country, area.valid_from) == (None, "", None)


def test_importing_the_same_file_again_writes_nothing_and_a_changed_name_is_updated(zuid):
    data = csv_bytes(WIJKEN)
    assert import_own_areas(zuid, check_area_file(zuid, data).rows) == {
        "added": 3,
        "changed": 0,
        "unchanged": 0,
    }
    assert import_own_areas(zuid, check_area_file(zuid, data).rows) == {
        "added": 0,
        "changed": 0,
        "unchanged": 3,
    }
    renamed = csv_bytes([("W01", "Centrum-Noord", "71053", "01/01/2025", "")])
    assert import_own_areas(zuid, check_area_file(zuid, renamed).rows) == {
        "added": 0,
        "changed": 1,
        "unchanged": 0,
    }
    assert Municipality.objects.get(organisation=zuid, code="W01").name == "Centrum-Noord"


def test_every_bad_row_is_refused_with_its_line_and_reason_and_nothing_is_written(ilse, zuid, client_for):
    rows = [
        ("W01", "Centrum", "71053", "01/01/2025", ""),
        ("", "Zonder code", "", "", ""),
        ("71053", "Een NIS-code", "", "", ""),
        ("GM0363", "Een CBS-code", "", "", ""),
        ("W01", "Dubbel", "", "", ""),
        ("W 05", "Met spatie", "", "", ""),
        ("W06", "", "", "", ""),
        ("W07", "Onbekende gemeente", "99999", "", ""),
        ("W08", "Rare datum", "", "31/02/2025", ""),
        ("W09", "Omgekeerd", "", "2026-01-01", "2025-01-01"),
    ]
    response = upload(client_for(ilse), csv_bytes(rows))
    assert response.status_code == 200
    page = response.content.decode()
    with translation.override("en"):
        check = check_area_file(zuid, csv_bytes(rows))
    assert [line for line, _reason in check.refusals] == [3, 4, 5, 6, 7, 8, 9, 10, 11]
    reasons = dict(check.refusals)
    assert "empty" in reasons[3] and "official" in reasons[4] and "official" in reasons[5]
    assert "line 2" in reasons[6] and "no spaces" in reasons[7] and "name is empty" in reasons[8]
    assert "99999" in reasons[9] and "31/02/2025" in reasons[10] and "after" in reasons[11]
    assert "9 rijen geweigerd" in page and "Regel 11" in page
    assert not Municipality.objects.filter(organisation=zuid).exists()


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"naam;gemeente\nCentrum;71053\n", "'code'"),
        (b"code;naam\n", "no areas"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ],
)
def test_a_file_that_is_no_area_list_is_refused_with_a_reason(zuid, data, reason):
    with translation.override("en"):
        check = check_area_file(zuid, data)
    assert not check.ok and reason in check.refusals[0][1]


def test_the_command_imports_and_its_last_line_counts(zuid, tmp_path, capsys):
    path = tmp_path / "wijken.csv"
    path.write_bytes(csv_bytes(WIJKEN))
    call_command("import_areas", "zuid-limburg", str(path))
    assert capsys.readouterr().out.strip().splitlines()[-1] == "added 3, changed 0, unchanged 0"
    path.write_bytes(csv_bytes([*WIJKEN, ("W04", "", "", "", "")]))
    with pytest.raises(CommandError, match="1 refused; nothing was imported"), translation.override("en"):
        call_command("import_areas", "zuid-limburg", str(path))
    assert "line 5: the name is empty" in capsys.readouterr().err
    assert not Municipality.objects.filter(code="W04").exists()


def test_a_contact_in_an_own_area_is_counted_in_the_numbers(sam, zuid, today):
    import_own_areas(zuid, check_area_file(zuid, csv_bytes(WIJKEN)).rows)
    ContactFactory(membership=sam, municipality="W01", date=today)
    ContactFactory(membership=sam, municipality="W01", date=today, main_theme="sleep")
    ContactFactory(membership=sam, municipality="71053", date=today)
    rows, total = count_contacts(zuid, today, today, ["municipality"])
    assert {r["municipality"]: r["count"] for r in rows} == {"W01": 2, "71053": 1}
    assert total == 3


def test_a_contact_is_registered_in_an_own_area_through_the_form(sam, zuid, client_for, today):
    import_own_areas(zuid, check_area_file(zuid, csv_bytes(WIJKEN)).rows)
    client = client_for(sam)
    form = client.get("/o/zuid-limburg/contacts/new/").content.decode()
    assert '<option value="W02">Brustem</option>' in form  # an own area has no postal codes
    response = client.post(
        "/o/zuid-limburg/contacts/new/",
        {
            "asker_role": "mother",
            "municipality": "W02",
            "life_stages": ["primary"],
            "main_theme": "bullying",
            "offers": ["info"],
            "request_kind": "parenting",
            "duration": "5to15",
            "channel": "phone",
            "date": today.isoformat(),
        },
    )
    assert response.status_code == 302
    assert Contact.objects.get().municipality.code == "W02"


def test_another_organisation_never_sees_or_uses_an_own_area(zuid, noord, noor, client_for, today):
    import_own_areas(zuid, check_area_file(zuid, csv_bytes(WIJKEN)).rows)
    # Noord-Limburg may have a W01 of its own: codes are unique per owner.
    import_own_areas(
        noord, check_area_file(noord, csv_bytes([("W01", "Overpelt-Centrum", "72043", "", "")])).rows
    )
    assert Municipality.objects.visible_to(noord).filter(code="W01").get().name == "Overpelt-Centrum"
    assert not Municipality.objects.visible_to(noord).filter(name_nl="Brustem").exists()
    from opvoedwijzer.core.models import Role
    from tests.factories import make_member

    noords_coordinator = make_member(noord, "nadia@noord.test", Role.COORDINATOR)
    client = client_for(noords_coordinator)
    found = client.get("/o/noord-limburg/municipalities/?q=Brustem").content.decode()
    assert "(W02" not in found and "Geen gemeente gevonden" in found
    client.post("/o/noord-limburg/municipalities/add/", {"code": "W02"})  # Zuid's Brustem
    assert not noord.municipalities.filter(name_nl="Brustem").exists()
    assert client.get(URL).status_code == 404  # Zuid-Limburg's screen
    assert "Brustem" not in client.get("/o/noord-limburg/municipalities/areas/").content.decode()
    client.force_login(noor.user)
    response = client.post(
        "/o/noord-limburg/contacts/new/",
        {
            "asker_role": "mother",
            "municipality": "W02",
            "life_stages": ["primary"],
            "main_theme": "bullying",
            "offers": ["info"],
            "request_kind": "parenting",
            "duration": "5to15",
            "channel": "phone",
            "date": today.isoformat(),
        },
    )
    assert response.status_code == 200 and not Contact.objects.exists()


def test_the_api_lists_own_areas_to_their_organisation_only(zuid, sam, noor, client):
    from opvoedwijzer.core.services import create_api_token

    import_own_areas(zuid, check_area_file(zuid, csv_bytes(WIJKEN)).rows)

    def codes(member):
        from tests.factories import turn_on_authenticator_app

        turn_on_authenticator_app(member.user)
        _token, token = create_api_token(member.user, name="test")
        answer = client.get("/api/v1/municipalities?search=Brustem", HTTP_AUTHORIZATION=f"Bearer {token}")
        return [(m["code"], m["own_area_of"]) for m in answer.json()]

    assert codes(sam) == [("W02", "zuid-limburg")]
    assert codes(noor) == []


def test_only_a_coordinator_opens_the_own_areas_screen(sam, client_for):
    assert client_for(sam).get(URL).status_code == 403


def test_the_area_pages_read_in_the_same_number_of_queries_for_3_or_40_areas(ilse, zuid, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(ilse)

    def queries(url):
        with CaptureQueriesContext(connection) as done:
            assert client.get(url).status_code == 200
        return len(done)

    import_own_areas(zuid, check_area_file(zuid, csv_bytes(WIJKEN)).rows)
    few = queries(URL), queries("/o/zuid-limburg/municipalities/")
    more = [(f"X{i:02d}", f"Buurt {i}", "71053", "", "") for i in range(37)]
    import_own_areas(zuid, check_area_file(zuid, csv_bytes(more)).rows)
    assert "Buurt 36" in client.get(URL).content.decode()
    assert (queries(URL), queries("/o/zuid-limburg/municipalities/")) == few


def test_staff_register_in_an_own_area_through_the_api_and_another_organisation_cannot(
    zuid, sam, noor, client, today
):
    from opvoedwijzer.core.services import create_api_token
    from tests.factories import turn_on_authenticator_app

    import_own_areas(zuid, check_area_file(zuid, csv_bytes(WIJKEN)).rows)
    contact = {
        "date": today.isoformat(),
        "channel": "phone",
        "asker_role": "mother",
        "municipality": "W02",
        "request_kind": "parenting",
        "life_stages": ["primary"],
        "themes": ["bullying"],
        "offers": ["info"],
        "duration": "5to15",
    }

    def post(member):
        turn_on_authenticator_app(member.user)
        _token, token = create_api_token(member.user, name="app")
        return client.post(
            "/api/v1/contacts", contact, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}"
        )

    assert post(sam).status_code == 201
    assert post(noor).status_code == 422
    assert [c.municipality.code for c in Contact.objects.all()] == ["W02"]
