"""Ilse, coordinator of Zuid-Limburg, imports the registrations the service kept in spreadsheets before
with `manage.py import_contacts`: every dialect of CSV, XLSX, Dutch and English headings, the tally
layout; refused rows listed, nothing written while one is refused, and the same file twice writes nothing."""

import datetime
import io

import pytest
from django.core.management import call_command

from opvoedwijzer.contacts import rollup
from opvoedwijzer.contacts.models import Contact, Source
from opvoedwijzer.imports.models import ImportedRow, ValueMapping

from .files import ENGLISH_HEADING, LAST_YEAR, csv_bytes, dutch_rows, xlsx_bytes


def run(org_slug, path, *args):
    """The command's output lines and its exit status."""
    out = io.StringIO()
    try:
        call_command("import_contacts", org_slug, str(path), *args, stdout=out)
        status = 0
    except SystemExit as exit_:
        status = exit_.code
    return out.getvalue().splitlines(), status


@pytest.fixture
def write(tmp_path):
    def make(name, content):
        path = tmp_path / name
        path.write_bytes(content)
        return path

    return make


def contacts_of(org):
    return Contact.objects.for_org(org).with_details().order_by("id")


@pytest.mark.parametrize(
    "delimiter, encoding, bom",
    [
        (";", "utf-8", False),
        (",", "utf-8", False),
        (";", "utf-8", True),
        (",", "utf-8", True),
        (";", "cp1252", False),
        (",", "cp1252", False),
        ("\t", "utf-8", False),
    ],
)
def test_a_csv_in_each_dialect_imports_the_same_three_contacts(ilse, zuid, write, delimiter, encoding, bom):
    path = write("registraties.csv", csv_bytes(dutch_rows(), delimiter=delimiter, encoding=encoding, bom=bom))
    lines, status = run("zuid-limburg", path)
    assert status == 0
    assert lines[-1] == "imported 3, unchanged 0, refused 0"
    first, second, third = contacts_of(zuid)
    assert first.as_codes() | {"note": ""} == {
        "date": datetime.date(LAST_YEAR, 5, 3),
        "channel": "phone",
        "asker_role": "mother",
        "municipality": "71053",
        "request_kind": "parenting",
        "life_stages": ["toddler"],
        "main_theme": "sleep",
        "themes": ["eating"],
        "offers": ["info"],
        "duration": "5to15",
        "language": "",
        "note": "",
    }
    assert first.source == Source.IMPORT and first.author == ilse.user
    assert second.municipality.code == "71017"  # Gingelom by its postal code 3890
    assert (second.channel.code, second.asker_role.code, second.duration) == ("email", "father", "15to30")
    assert (third.asker_role.code, third.request_kind, third.duration) == ("grandparent", "parenting", "lt5")
    assert rollup.check(zuid, repair=False) == {}


def test_a_windows_1252_file_keeps_its_accents(ilse, zuid, write, days_ago):
    rows = dutch_rows(days_ago(10).strftime("%d/%m/%Y"))
    rows[1][10] = "Café-bezoek besproken, crèche geadviseerd"
    path = write("oud.csv", csv_bytes(rows, encoding="cp1252"))
    lines, _status = run("zuid-limburg", path)
    assert lines[-1] == "imported 3, unchanged 0, refused 0"
    assert contacts_of(zuid)[0].note == "Café-bezoek besproken, crèche geadviseerd"


def test_an_xlsx_with_real_date_cells_and_english_headings_imports(ilse, zuid, write):
    day = datetime.date(LAST_YEAR, 11, 20)
    rows = [
        ENGLISH_HEADING,
        [
            day,
            "Phone",
            "Mother",
            "Sint-Truiden",
            "Toddler (1–3 years)",
            "Sleep",
            "Crying",
            "info",
            "Parenting question",
            "5–15 minutes",
            "",
        ],
        [
            day,
            "in_person",
            "father",
            "71017",
            "primary",
            "bullying",
            None,
            "Listening ear",
            "information",
            "lt5",
            None,
        ],
    ]
    lines, status = run("zuid-limburg", write("contacts.xlsx", xlsx_bytes(rows)))
    assert (lines[-1], status) == ("imported 2, unchanged 0, refused 0", 0)
    first, second = contacts_of(zuid)
    assert first.date == day and first.as_codes()["themes"] == ["crying"]
    assert (second.channel.code, second.municipality.code, second.request_kind) == (
        "in_person",
        "71017",
        "information",
    )


@pytest.mark.parametrize(
    "written, day",
    [
        ("03/05/{y}", (5, 3)),
        ("3-5-{y}", (5, 3)),
        ("{y}-05-03", (5, 3)),
        ("28/02/{y}", (2, 28)),
        ("1-12-{y}", (12, 1)),
        ("03.05.{y}", (5, 3)),
    ],
)
def test_each_date_format_is_read_day_first(ilse, zuid, write, written, day):
    rows = dutch_rows(written.format(y=LAST_YEAR))[:2]
    lines, _status = run("zuid-limburg", write("d.csv", csv_bytes(rows)))
    assert lines[-1] == "imported 1, unchanged 0, refused 0", lines
    assert contacts_of(zuid)[0].date == datetime.date(LAST_YEAR, *day)


def test_a_municipality_is_refused_on_a_day_it_did_not_exist(ilse, zuid, write):
    rows = dutch_rows(f"15/06/{LAST_YEAR}")[:2]
    zuid.municipalities.filter(code="71053").update(valid_from=datetime.date(LAST_YEAR, 7, 1))
    from opvoedwijzer.taxonomy.cache import note_terms_changed

    note_terms_changed(zuid)
    lines, status = run("zuid-limburg", write("m.csv", csv_bytes(rows)))
    assert status == 1
    assert lines[0] == f"row 2: refused: Sint-Truiden did not exist on 15/06/{LAST_YEAR}"


def test_values_match_ignoring_case_accents_punctuation_and_spacing(ilse, zuid, write):
    rows = [
        [
            "DATUM",
            "kanaal",
            "VRAAGSTELLER",
            "gemeente",
            "levens-fase",
            "hoofd thema",
            "aanbod",
            "soort vraag",
            "duur",
        ],
        [
            f"1/2/{LAST_YEAR}",
            "  TELEFOON ",
            "moeder",
            "sint truiden",
            "peuter 1-3 jaar",
            "slapen!",
            "INFORMATIE EN KORT ADVIES",
            "opvoedingsvraag",
            "5-15 minuten",
        ],
        [
            f"1/2/{LAST_YEAR}",
            "e mail",
            "Beide-ouders",
            "SINT-TRUIDEN",
            "Kleuter (3-6 jaar)",
            "Taal en spraak",
            "Folder of brochure meegegeven",
            "Zorg (vermoeden van een ernstiger probleem)",
            "> 60 minuten",
        ],
    ]
    lines, _status = run("zuid-limburg", write("loose.csv", csv_bytes(rows)))
    assert lines[-1] == "imported 2, unchanged 0, refused 0"
    first, second = contacts_of(zuid)
    assert (first.channel.code, first.life_stages.get().code, first.duration) == ("phone", "toddler", "5to15")
    assert (second.channel.code, second.asker_role.code, second.request_kind, second.duration) == (
        "email",
        "both_parents",
        "concern",
        "gt60",
    )


def test_a_custom_label_of_the_organisation_matches_too(ilse, zuid, write):
    from opvoedwijzer.taxonomy.models import Channel

    Channel.objects.filter(organisation=zuid, code="phone").update(custom_label="Telefonisch spreekuur")
    from opvoedwijzer.taxonomy.cache import note_terms_changed

    note_terms_changed(zuid)
    rows = dutch_rows()[:2]
    rows[1][1] = "telefonisch spreekuur"
    lines, _status = run("zuid-limburg", write("c.csv", csv_bytes(rows)))
    assert lines[-1] == "imported 1, unchanged 0, refused 0"
    assert contacts_of(zuid)[0].channel.code == "phone"


def test_several_values_in_one_cell_and_in_several_columns(ilse, zuid, write):
    rows = [
        [
            "Datum",
            "Kanaal",
            "Vraagsteller",
            "Gemeente",
            "Levensfase",
            "Thema",
            "Thema 2",
            "Thema 3",
            "Aanbod",
            "Soort vraag",
            "Duur",
        ],
        [
            f"5/6/{LAST_YEAR}",
            "Telefoon",
            "Moeder",
            "Heers",
            "Peuter (1–3 jaar)\nKleuter (3–6 jaar)",
            "Slapen / Huilen",
            "Eten en drinken",
            "Pesten",
            "info / Luisterend oor",
            "parenting",
            "5to15",
        ],
    ]
    lines, _status = run("zuid-limburg", write("multi.csv", csv_bytes(rows)))
    assert lines[-1] == "imported 1, unchanged 0, refused 0"
    codes = contacts_of(zuid)[0].as_codes()
    assert codes["main_theme"] == "sleep"
    assert sorted(codes["themes"]) == ["bullying", "crying", "eating"]
    assert sorted(codes["life_stages"]) == ["preschool", "toddler"]
    assert sorted(codes["offers"]) == ["info", "listening"]


def test_the_tally_layout_gives_as_many_contacts_as_the_count(ilse, zuid, write):
    rows = [
        ["Datum", "Gemeente", "Thema", "Aantal"],
        [f"12/09/{LAST_YEAR}", "Sint-Truiden", "Slapen", "5"],
        [f"12/09/{LAST_YEAR}", "Sint-Truiden", "Pesten", "3"],
        [f"12/09/{LAST_YEAR}", "Heers", "Slapen", "0"],
        [f"13/09/{LAST_YEAR}", "Buiten de regio", "Slapen", "2"],
    ]
    path = write("turflijst.csv", csv_bytes(rows))
    defaults = [
        "--default",
        "channel=outreach",
        "--default",
        "asker_role=Moeder",
        "--default",
        "offer=info",
        "--default",
        "request_kind=parenting",
        "--default",
        "duration=lt5",
    ]
    lines, status = run("zuid-limburg", path, *defaults)
    assert (lines[-1], status) == ("imported 10, unchanged 0, refused 0", 0)
    contacts = contacts_of(zuid)
    assert sum(c.as_codes()["main_theme"] == "sleep" for c in contacts) == 7
    assert sum(c.area == "outside" for c in contacts) == 2
    assert {c.channel.code for c in contacts} == {"outreach"}
    assert rollup.check(zuid, repair=False) == {}
    # The same tally again: nothing new; with one more counted for bullying, only that one.
    assert run("zuid-limburg", path, *defaults)[0][-1] == "imported 0, unchanged 10, refused 0"
    rows[2][3] = "4"
    assert run("zuid-limburg", write("turflijst.csv", csv_bytes(rows)), *defaults)[0][-1] == (
        "imported 1, unchanged 10, refused 0"
    )


def test_a_file_without_a_channel_column_and_no_default_is_refused_with_the_reason(ilse, zuid, write):
    rows = [["Datum", "Gemeente", "Thema", "Aantal"], [f"12/09/{LAST_YEAR}", "Heers", "Slapen", "5"]]
    lines, status = run("zuid-limburg", write("t.csv", csv_bytes(rows)))
    assert status == 1
    assert lines[0].startswith("The file was refused: The file has no column for channel, who asked, offer")
    assert lines[-1] == "imported 0, unchanged 0, refused 1"
    assert not Contact.objects.exists()


def test_refused_rows_are_listed_and_nothing_is_written(ilse, zuid, write):
    rows = dutch_rows()
    rows.append(
        [
            f"31/02/{LAST_YEAR}",
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
    rows.append(
        [
            f"01/03/{LAST_YEAR}",
            "Telefonisch",
            "Moeder",
            "Antwerpen",
            "",
            "",
            "",
            "info",
            "parenting",
            "lt5",
            "",
        ]
    )
    future = (datetime.date.today() + datetime.timedelta(days=3)).strftime("%d/%m/%Y")
    rows.append([future, "Telefoon", "Moeder", "Heers", "", "Slapen", "", "info", "parenting", "lt5", ""])
    lines, status = run("zuid-limburg", write("bad.csv", csv_bytes(rows)))
    assert status == 1
    assert "row 5: refused: '31/02/" in lines[0] and "is not a date" in lines[0]
    assert (
        lines[1]
        == "row 6: refused: unknown channel 'Telefonisch'; unknown municipality 'Antwerpen'; no theme"
    )
    assert lines[2].startswith("row 7: refused: the date ") and lines[2].endswith("is in the future")
    assert "unknown channel 'Telefonisch' in 1 row(s)" in lines[3]
    assert lines[-1] == "imported 0, unchanged 0, refused 3"
    assert not Contact.objects.exists() and not ImportedRow.objects.exists()


def test_the_good_rows_are_imported_when_accepted_and_the_rest_later(ilse, zuid, write):
    rows = dutch_rows()
    rows.append(
        [
            f"01/03/{LAST_YEAR}",
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
    path = write("half.csv", csv_bytes(rows))
    lines, status = run("zuid-limburg", path, "--accept-good-rows")
    assert (lines[-1], status) == ("imported 3, unchanged 0, refused 1", 0)
    assert Contact.objects.count() == 3
    # Ilse maps 'Telefonisch' on the screen once; the command remembers it.
    ValueMapping.objects.create(organisation=zuid, field="channel", value="telefonisch", target="phone")
    lines, status = run("zuid-limburg", path)
    assert (lines[-1], status) == ("imported 1, unchanged 3, refused 0", 0)
    assert Contact.objects.count() == 4 and rollup.check(zuid, repair=False) == {}


def test_importing_the_same_file_again_writes_nothing_and_equal_rows_import_once_each(ilse, zuid, write):
    rows = dutch_rows()
    rows.append(list(rows[3]))  # two equal contacts that day: both count
    path = write("twice.csv", csv_bytes(rows))
    assert run("zuid-limburg", path)[0][-1] == "imported 4, unchanged 0, refused 0"
    assert run("zuid-limburg", path)[0][-1] == "imported 0, unchanged 4, refused 0"
    # The same data as XLSX with real dates is the same contacts.
    as_xlsx = [rows[0]] + [[datetime.date(LAST_YEAR, 5, 3), *row[1:]] for row in rows[1:]]
    assert (
        run("zuid-limburg", write("twice.xlsx", xlsx_bytes(as_xlsx)))[0][-1]
        == "imported 0, unchanged 4, refused 0"
    )
    assert Contact.objects.count() == 4 and ImportedRow.objects.count() == 4
    fingerprints = set(ImportedRow.objects.values_list("fingerprint", flat=True))
    assert all(len(fp) == 32 and "Slapen" not in fp for fp in fingerprints)  # a keyed hash, not the row


def test_a_note_with_personal_data_is_dropped_and_reported_and_the_row_kept(ilse, zuid, write, days_ago):
    rows = dutch_rows(days_ago(30).strftime("%d/%m/%Y"))
    rows[1][10] = "Moeder Sarah Janssens belt terug op 0475 12 34 56"
    rows[2][10] = "Tips over slapen gegeven, folder meegegeven"
    lines, _status = run("zuid-limburg", write("notes.csv", csv_bytes(rows)))
    assert lines[0] == "row 2: note dropped: it holds personal data (name, phone number)"
    assert "Janssens" not in "\n".join(lines)
    assert lines[-1] == "imported 3, unchanged 0, refused 0"
    first, second, _third = contacts_of(zuid)
    assert (first.note, second.note) == ("", "Tips over slapen gegeven, folder meegegeven")


def test_notes_older_than_their_retention_period_are_left_out(ilse, zuid, write, days_ago):
    rows = dutch_rows(days_ago(400).strftime("%d/%m/%Y"))
    lines, _status = run("zuid-limburg", write("old.csv", csv_bytes(rows)))
    assert lines[-2:] == [
        "1 note(s) older than the notes' retention period (365 days) left out",
        "imported 3, unchanged 0, refused 0",
    ]
    assert not Contact.objects.exclude(note="").exists()


def test_a_municipality_not_served_is_refused_unless_mapped_to_outside(ilse, zuid, write):
    rows = dutch_rows()[:2]
    rows[1][3] = "Hasselt"
    lines, status = run("zuid-limburg", write("h.csv", csv_bytes(rows)))
    assert status == 1 and "unknown municipality 'Hasselt'" in lines[0]
    ValueMapping.objects.create(organisation=zuid, field="municipality", value="hasselt", target="outside")
    assert run("zuid-limburg", write("h.csv", csv_bytes(rows)))[0][-1] == "imported 1, unchanged 0, refused 0"
    assert Contact.objects.get().area == "outside"


def test_another_organisations_mapping_does_not_count(ilse, zuid, noord, write):
    ValueMapping.objects.create(organisation=noord, field="channel", value="telefonisch", target="phone")
    rows = dutch_rows()[:2]
    rows[1][1] = "Telefonisch"
    lines, status = run("zuid-limburg", write("m.csv", csv_bytes(rows)))
    assert status == 1 and lines[-1] == "imported 0, unchanged 0, refused 1"


def test_the_contacts_are_registered_by_the_coordinator_named(ilse, zuid, write):
    from opvoedwijzer.core.models import Role
    from tests.factories import make_member

    other = make_member(zuid, "karel@zuid.test", Role.COORDINATOR)
    lines, _status = run("zuid-limburg", write("a.csv", csv_bytes(dutch_rows())), "--as", "karel@zuid.test")
    assert lines[-1] == "imported 3, unchanged 0, refused 0"
    assert {c.author for c in Contact.objects.all()} == {other.user}


def test_a_staff_member_cannot_be_named_as_importer(sam, ilse, write):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="not an active coordinator"):
        run("zuid-limburg", write("a.csv", csv_bytes(dutch_rows())), "--as", sam.user.email)


def test_a_file_that_is_no_spreadsheet_is_refused_clearly(ilse, write):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="not an XLSX file"):
        run("zuid-limburg", write("x.xlsx", b"PK\x03\x04 this is no workbook"))
    with pytest.raises(CommandError, match="empty"):
        run("zuid-limburg", write("e.csv", b""))


def test_two_imports_of_one_file_at_the_same_time_write_it_once(ilse, zuid):
    from opvoedwijzer.imports.services import _new_contacts, check_content, write_contacts

    checked = check_content(ilse, "a.csv", csv_bytes(dutch_rows()))
    new, _unchanged = _new_contacts(zuid, checked)  # both found nothing imported yet
    assert write_contacts(ilse, new) == (3, 0)
    assert write_contacts(ilse, new) == (0, 3)  # the second looks again once it has the lock
    assert Contact.objects.count() == 3 and rollup.check(zuid, repair=False) == {}
