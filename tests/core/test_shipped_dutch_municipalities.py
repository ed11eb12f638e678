"""The Dutch municipalities that ship with the app (core/data/nl/gemeenten-2026.csv: CBS, 1 January
2026), loaded on every installation by data migration 0009 and again by `load_municipalities --country
NL` without a file."""

import csv
import datetime
import re

import pytest
from django.core.management import call_command

from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.core.models import Municipality, PostalCode, Role
from opvoedwijzer.core.municipalities import NL_DATA, NL_SHIPPED_MUNICIPALITIES
from opvoedwijzer.core.services import create_organisation
from tests.factories import make_member

JAN_2026 = datetime.date(2026, 1, 1)


def dutch():
    return Municipality.objects.official().filter(country="NL")


def everything_dutch():
    return sorted(dutch().values_list("code", "name_nl", "province_code", "valid_from", "valid_to"))


def test_after_migrating_every_installation_has_the_342_dutch_municipalities_of_2026(db):
    assert dutch().count() == 342
    assert dutch().valid_on(JAN_2026).count() == 342
    # known since before our data: a CJG registers and imports its history from before 2026
    assert set(dutch().values_list("valid_from", flat=True)) == {None}
    assert dutch().valid_on(datetime.date(2019, 5, 1)).count() == 342
    assert not dutch().filter(valid_to__isnull=False).exists()
    codes = list(dutch().values_list("code", flat=True))
    assert len(set(codes)) == 342 and all(re.fullmatch(r"GM\d{4}", code) for code in codes)


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("GM0363", "Amsterdam"),
        ("GM0599", "Rotterdam"),
        ("GM0344", "Utrecht"),
        ("GM0518", "'s-Gravenhage"),
        ("GM0796", "'s-Hertogenbosch"),
        ("GM1900", "Súdwest-Fryslân"),
        ("GM1970", "Noardeast-Fryslân"),
        ("GM0820", "Nuenen, Gerwen en Nederwetten"),  # a comma inside a quoted CSV field
        ("GM0373", "Bergen (NH.)"),
        ("GM0893", "Bergen (L.)"),
        ("GM1992", "Voorne aan Zee"),  # the newest merger (2023)
    ],
)
def test_a_municipality_has_its_cbs_code_and_the_name_as_cbs_writes_it(db, code, name):
    assert dutch().get(code=code).name_nl == name


def test_the_shipped_file_is_small_and_its_readme_names_source_commit_date_and_licence():
    with NL_SHIPPED_MUNICIPALITIES.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["code", "name"] and len(rows) == 1 + 342
    assert NL_SHIPPED_MUNICIPALITIES.stat().st_size < 20_000
    readme = (NL_DATA / "README.md").read_text(encoding="utf-8")
    for needed in (
        "CBS",
        "cartomap/nl",
        "01e3b4cea860e7bb5dc3bddbfff72d3e4f4709e6",
        "6 December 2026",
        "CC BY 4.0",
    ):
        assert needed in readme


def test_loading_the_shipped_list_again_changes_nothing(db, capsys):
    before = everything_dutch()
    call_command("load_municipalities", "--country=NL")
    assert capsys.readouterr().out == (
        "0 municipalities added, 0 updated, 0 ended; 0 postal codes added; "
        f"342 Dutch municipalities on {datetime.date.today().isoformat()}.\n"
    )
    assert everything_dutch() == before


def test_the_command_brings_back_a_shipped_municipality_that_was_deleted(db, capsys):
    dutch().filter(code="GM0363").delete()
    call_command("load_municipalities", "--country=NL")
    assert capsys.readouterr().out.startswith("1 municipalities added, 0 updated, 0 ended;")
    amsterdam = dutch().get(code="GM0363")
    assert (amsterdam.name_nl, amsterdam.valid_from, amsterdam.valid_to) == ("Amsterdam", None, None)


def test_cbs_postal_codes_join_the_shipped_list_and_1012_ab_finds_amsterdam(db, tmp_path):
    # No postal codes ship; a CJG loads CBS's pc6hnr file beside the shipped list, with no list of its own.
    pc6hnr = tmp_path / "pc6hnr20250801_gwb.csv"
    pc6hnr.write_text(
        "PC6;Huisnummer;Buurt2025;Wijk2025;Gemeente2025\n"
        "1012AB;1;03630000;036300;363\n"
        "1187AA;1;03620100;036201;362\n"
        "1187ZZ;9;03630900;036309;363\n"
    )
    assert not Municipality.objects.search("1012 AB").exists()
    call_command("load_municipalities", "--country=NL", f"--postal-codes={pc6hnr}")
    assert [m.code for m in Municipality.objects.search("1012 AB")] == ["GM0363"]
    assert {m.code for m in Municipality.objects.search("1187")} == {"GM0362", "GM0363"}
    assert PostalCode.objects.filter(municipality__country="NL").count() == 3
    assert dutch().count() == 342 and dutch().get(code="GM0363").valid_from is None


def test_last_years_cbs_list_loaded_afterwards_ends_none_of_this_years_and_keeps_its_provinces(db, tmp_path):
    gemeenten_2025 = tmp_path / "gemeenten-alfabetisch-2025.csv"
    gemeenten_2025.write_text(
        "Gemeentecode;GemeentecodeGM;Gemeentenaam;Provinciecode;ProvinciecodePV;Provincienaam\n"
        "0363;GM0363;Amsterdam;27;PV27;Noord-Holland\n"
        "0599;GM0599;Rotterdam;28;PV28;Zuid-Holland\n",
        encoding="utf-8-sig",
    )
    call_command(
        "load_municipalities", "--country=NL", f"--municipalities={gemeenten_2025}", "--valid-from=2025-01-01"
    )
    assert dutch().valid_on(JAN_2026).count() == 342  # none ended by the older, shorter list
    assert not dutch().filter(valid_to__isnull=False).exists()
    amsterdam = dutch().get(code="GM0363")
    # known since before our data: an older list does not date it
    assert (amsterdam.valid_from, amsterdam.province_code) == (None, "PV27")
    assert dutch().get(code="GM0344").valid_from is None  # Utrecht: not in that file, not ended

    call_command("load_municipalities", "--country=NL")  # the shipped list has no provinces
    amsterdam.refresh_from_db()
    assert (amsterdam.valid_from, amsterdam.province_code) == (None, "PV27")


def test_a_dutch_cjg_on_a_fresh_installation_picks_amsterdam_and_registers_a_contact_there(db, client, today):
    cjg = create_organisation(slug="cjg-amsterdam", name="CJG Amsterdam")
    annelies = make_member(cjg, "annelies@cjg.test", Role.COORDINATOR)
    client.force_login(annelies.user)
    for text in ("Amsterdam", "GM0363", "gm0363"):
        page = client.get("/o/cjg-amsterdam/municipalities/", {"q": text}).content.decode()
        assert "Amsterdam (GM0363, Nederland)" in page and "sinds" not in page  # since before our data
        assert " · \n" not in page  # no separator left dangling where no postal codes are known
    client.post("/o/cjg-amsterdam/municipalities/add/", {"code": "GM0363"})
    assert list(cjg.municipalities.values_list("code", flat=True)) == ["GM0363"]

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


def test_next_years_cbs_list_ends_a_municipality_merged_away_and_dates_a_new_one(db, tmp_path):
    shipped = NL_SHIPPED_MUNICIPALITIES.read_text(encoding="utf-8").splitlines()
    lines = [line for line in shipped[1:] if not line.startswith("GM0362,")]  # Amstelveen merged away
    gemeenten_2027 = tmp_path / "gemeenten-2027.csv"
    gemeenten_2027.write_text("\n".join(["code,name", *lines, "GM9999,Amstelland"]) + "\n", encoding="utf-8")
    call_command(
        "load_municipalities", "--country=NL", f"--municipalities={gemeenten_2027}", "--valid-from=2027-01-01"
    )
    amstelveen, amstelland = dutch().get(code="GM0362"), dutch().get(code="GM9999")
    assert (amstelveen.valid_from, amstelveen.valid_to) == (None, datetime.date(2026, 12, 31))
    assert (amstelland.valid_from, amstelland.valid_to) == (datetime.date(2027, 1, 1), None)
    assert dutch().get(code="GM0363").valid_from is None  # Amsterdam: since before our data still
    assert dutch().valid_on(datetime.date(2026, 6, 1)).count() == 342
    assert dutch().valid_on(datetime.date(2027, 6, 1)).count() == 342


def test_belgian_municipalities_are_valid_before_2025_so_a_service_keeps_its_history(db):
    sint_truiden = Municipality.objects.get(code="71053")
    assert (sint_truiden.valid_from, sint_truiden.valid_to) == (None, None)
    belgian = Municipality.objects.official().filter(country="BE")
    assert belgian.valid_on(datetime.date(2023, 3, 1)).count() == 565
