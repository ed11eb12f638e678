"""Dutch municipalities (CBS codes, GMxxxx) and their four-digit postal codes, loaded from CBS's own
files as CBS publishes them: here files the test writes in the same shape."""

import datetime

import pytest
from django.core.management import call_command

from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.core.models import Municipality, PostalCode, Role
from opvoedwijzer.core.services import create_organisation
from tests.factories import make_member

# CBS's "Gemeenten alfabetisch 2025" (semicolon, as CBS writes it).
GEMEENTEN = (
    "Gemeentecode;GemeentecodeGM;Gemeentenaam;Provinciecode;ProvinciecodePV;Provincienaam\n"
    "0363;GM0363;Amsterdam;27;PV27;Noord-Holland\n"
    "0362;GM0362;Amstelveen;27;PV27;Noord-Holland\n"
    "0599;GM0599;Rotterdam;28;PV28;Zuid-Holland\n"
    "0518;GM0518;'s-Gravenhage;28;PV28;Zuid-Holland\n"
    "1992;GM1992;Voorne aan Zee;28;PV28;Zuid-Holland\n"
)
# CBS's "pc6hnr…_gwb": one row per postal code and house number. 1187 lies in Amsterdam and Amstelveen.
PC6HNR = (
    "PC6;Huisnummer;Buurt2025;Wijk2025;Gemeente2025\n"
    "1012AB;1;03630000;036300;363\n"
    "1012AB;3;03630000;036300;363\n"
    "1012CD;2;03630001;036300;363\n"
    "1011AA;7;03630002;036300;363\n"
    "1187AA;1;03620100;036201;362\n"
    "1187ZZ;9;03630900;036309;363\n"
    "3011AA;1;05990000;059900;599\n"
    "2511AA;1;05180000;051800;518\n"
    "3233AA;1;19920000;199200;1992\n"
)
JAN_2025 = datetime.date(2025, 1, 1)


@pytest.fixture
def cbs_files(db, tmp_path):
    # These tests load CBS's files into a database that has no Dutch municipalities yet: the list that
    # ships with the app (migration 0009) is taken out first; tests/core/test_shipped_dutch_municipalities.py
    # is about that list.
    Municipality.objects.official().filter(country="NL").delete()
    gemeenten = tmp_path / "gemeenten-alfabetisch-2025.csv"
    gemeenten.write_text(GEMEENTEN, encoding="utf-8-sig")
    postcodes = tmp_path / "pc6hnr20250801_gwb.csv"
    postcodes.write_text(PC6HNR, encoding="utf-8")
    return gemeenten, postcodes


def load(cbs_files, valid_from="2025-01-01"):
    gemeenten, postcodes = cbs_files
    call_command(
        "load_municipalities",
        "--country=NL",
        f"--municipalities={gemeenten}",
        f"--postal-codes={postcodes}",
        f"--valid-from={valid_from}",
    )


def test_the_dutch_municipalities_and_postal_codes_are_what_the_source_says(db, cbs_files):
    load(cbs_files)
    dutch = Municipality.objects.official().filter(country="NL")
    assert dutch.count() == 5
    amsterdam = dutch.get(code="GM0363")
    assert (amsterdam.name, amsterdam.province_code, amsterdam.valid_from) == ("Amsterdam", "PV27", JAN_2025)
    # PC4 → municipality pairs: 1012, 1011, 1187 (Amsterdam), 1187 (Amstelveen), 3011, 2511, 3233.
    assert PostalCode.objects.filter(municipality__country="NL").count() == 7
    assert {p.code for p in amsterdam.postal_codes.all()} == {"1011", "1012", "1187"}
    assert Municipality.objects.official().filter(country="BE").count() == 565  # the Belgians untouched


def test_a_postal_code_spanning_two_municipalities_finds_both(db, cbs_files):
    load(cbs_files)
    assert {m.code for m in Municipality.objects.search("1187")} == {"GM0363", "GM0362"}


def test_loading_again_changes_nothing(db, cbs_files, capsys):
    load(cbs_files)
    capsys.readouterr()
    load(cbs_files)
    assert capsys.readouterr().out.startswith(
        "0 municipalities added, 0 updated, 0 ended; 0 postal codes added; "
        "5 Dutch municipalities on 2025-01-01."
    )


def test_a_municipality_missing_from_next_years_list_ends_the_day_before(db, cbs_files, tmp_path):
    load(cbs_files)
    next_year = tmp_path / "gemeenten-2026.csv"
    next_year.write_text("\n".join(line for line in GEMEENTEN.splitlines() if "Amstelveen" not in line))
    call_command(
        "load_municipalities", "--country=NL", f"--municipalities={next_year}", "--valid-from=2026-01-01"
    )
    amstelveen = Municipality.objects.get(code="GM0362")
    assert amstelveen.valid_to == datetime.date(2025, 12, 31)
    assert not Municipality.objects.valid_on(datetime.date(2026, 1, 1)).filter(code="GM0362").exists()
    assert Municipality.objects.valid_on(datetime.date(2025, 6, 1)).filter(code="GM0362").exists()


@pytest.mark.parametrize("text", ["GM0363", "gm0363", "Amsterdam", "amster", "1012 AB", "1012ab", "1012"])
def test_amsterdam_is_found_by_cbs_code_name_or_postal_code(db, cbs_files, text):
    load(cbs_files)
    assert "GM0363" in [m.code for m in Municipality.objects.search(text)]


def test_a_file_without_the_cbs_columns_is_refused_with_a_reason(db, tmp_path):
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("naam;inwoners\nAmsterdam;900000\n")
    before = list(Municipality.objects.filter(country="NL").values_list("code", "name_nl", "valid_from"))
    with pytest.raises(Exception, match="GemeentecodeGM"):
        call_command("load_municipalities", "--country=NL", f"--municipalities={wrong}")
    assert (
        list(Municipality.objects.filter(country="NL").values_list("code", "name_nl", "valid_from")) == before
    )


def test_a_dutch_cjg_chooses_amsterdam_and_registers_a_contact_there(db, cbs_files, client, today):
    load(cbs_files)
    cjg = create_organisation(slug="cjg-amsterdam", name="CJG Amsterdam")
    coordinator = make_member(cjg, "annelies@cjg.test", Role.COORDINATOR)
    client.force_login(coordinator.user)
    page = client.get("/o/cjg-amsterdam/municipalities/?q=1012 AB").content.decode()
    assert "Amsterdam (GM0363, Nederland)" in page
    client.post("/o/cjg-amsterdam/municipalities/add/", {"code": "GM0363"})
    assert list(cjg.municipalities.values_list("code", flat=True)) == ["GM0363"]

    form = client.get("/o/cjg-amsterdam/contacts/new/").content.decode()
    assert 'value="GM0363"' in form and 'data-postcodes="1011 1012 1187"' in form
    response = client.post(
        "/o/cjg-amsterdam/contacts/new/",
        {
            "asker_role": "mother",
            "municipality": "GM0363",
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
    assert Contact.objects.get(organisation=cjg).municipality.code == "GM0363"


def test_dutch_municipalities_are_not_all_each_others_neighbours_on_the_social_map():
    # Belgian: the arrondissement (first two NIS digits); a CBS code has no such part.
    assert Municipality.nearby_key("71053") == Municipality.nearby_key("71017") == "71*"
    assert Municipality.nearby_key("GM0363") != Municipality.nearby_key("GM0599")


def test_a_service_on_both_sides_of_the_border_sees_the_country_in_its_picker(db, cbs_files, client):
    load(cbs_files)
    grens = create_organisation(
        slug="grensregio",
        name="Opvoedpunt Grensregio",
        municipalities=Municipality.objects.filter(code__in=["71053", "GM0363"]),
    )
    client.force_login(make_member(grens, "gert@grens.test", Role.STAFF).user)
    form = client.get("/o/grensregio/contacts/new/").content.decode()
    assert ">Amsterdam (NL)</option>" in form and ">Sint-Truiden (BE)</option>" in form


def api_contact(municipality, day):
    return {
        "date": day.isoformat(),
        "channel": "phone",
        "asker_role": "mother",
        "municipality": municipality,
        "request_kind": "parenting",
        "life_stages": ["primary"],
        "themes": ["bullying"],
        "offers": ["info"],
        "duration": "5to15",
    }


def test_a_dutch_cjg_registers_through_the_api_by_cbs_code_and_not_in_a_municipality_it_does_not_serve(
    db, cbs_files, client, today
):
    from opvoedwijzer.core.services import add_municipality, create_api_token
    from tests.factories import turn_on_authenticator_app

    load(cbs_files)
    cjg = create_organisation(slug="cjg-amsterdam", name="CJG Amsterdam")
    add_municipality(cjg, Municipality.objects.get(code="GM0363"))
    annelies = make_member(cjg, "annelies@cjg.test", Role.STAFF)
    turn_on_authenticator_app(annelies.user)
    _token, token = create_api_token(annelies.user, name="app")

    def post(code):
        return client.post(
            "/api/v1/contacts",
            api_contact(code, today),
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {token}",
        )

    assert post("GM0363").status_code == 201
    assert post("GM0599").status_code == 422  # Rotterdam: not served
    assert post("GM 0363").status_code == 422  # not a code
    assert Contact.objects.get(organisation=cjg).municipality.code == "GM0363"
