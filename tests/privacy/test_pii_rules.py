"""The PII guard on the cases the issue names, one rule at a time."""

import io
import json

import pytest
from django.core.management import call_command

from opvoedwijzer.privacy.pii import find_pii, redact


def kinds_and_texts(text):
    return [(f.kind, f.text) for f in find_pii(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mama van Lotte belt", [("person_name", "Lotte")]),
        ("Lotte belt niet meer terug.", [("person_name", "Lotte")]),
        ("Gesprek met meneer Bakkali over zijn zoon.", [("person_name", "Bakkali")]),
        ("De klas van juf Sandra is rumoerig.", [("person_name", "Sandra")]),
        ("Ze logeert bij opa Jos.", [("person_name", "Jos")]),
        ("Overleg met mevrouw De Smet van de school.", [("person_name", "De Smet")]),
        ("Vader is Jan Van Rompaey.", [("person_name", "Jan Van Rompaey")]),
        ("ingevuld door van der Berg? nee, door Ayoub El Idrissi", [("person_name", "Ayoub El Idrissi")]),
    ],
)
def test_names(text, expected):
    assert [x for x in kinds_and_texts(text) if x[0] == "person_name"] == expected


@pytest.mark.parametrize(
    "number",
    [
        "0470 12 34 56",
        "0470/12.34.56",
        "011/68.45.21",
        "+32 470 12 34 56",
        "0032 11 68 45 21",
        "0471123456",
        "06-12345678",
        "+31 6 1234 5678",
        "010-1234567",
    ],
)
def test_phone_numbers_in_belgian_and_dutch_formats(number):
    assert kinds_and_texts(f"Bel me op {number} na vijf uur.") == [("phone", number)]


def test_a_helpline_on_the_allow_list_is_not_pii(settings):
    assert find_pii("Bel de Opvoedingslijn op 078 15 00 10.") == []
    settings.PII_ALLOWED_PHONE_NUMBERS = []
    assert kinds_and_texts("Bel de Opvoedingslijn op 078 15 00 10.") == [("phone", "078 15 00 10")]


@pytest.mark.parametrize(
    ("text", "kind", "found"),
    [
        ("Ze woont in de Kerkstraat 12 bus 3 in Sint-Truiden.", "street_address", "Kerkstraat 12 bus 3"),
        ("Adres: Diestsesteenweg 123, 3800 Sint-Truiden", "street_address", "Diestsesteenweg 123"),
        ("Afspraak op de Grote Markt 5.", "street_address", "Grote Markt 5"),
        ("Mail naar lotte.peeters@gmail.com", "email", "lotte.peeters@gmail.com"),
        ("Rekening BE68 5390 0754 7034", "iban", "BE68 5390 0754 7034"),
        ("IBAN NL91ABNA0417164300 graag", "iban", "NL91ABNA0417164300"),
        ("RRN 85.07.30-033.28", "national_id", "85.07.30-033.28"),
        ("BSN 111222333", "national_id", "111222333"),
        ("Ze is geboren op 3 mei 2015.", "date_of_birth", "3 mei 2015"),
        ("Noah (°12/03/2019) slaapt slecht.", "date_of_birth", "12/03/2019"),
        ("Volg haar op @lotte_2012 op TikTok", "online_handle", "@lotte_2012"),
    ],
)
def test_numbers_addresses_and_handles(text, kind, found):
    assert (kind, found) in kinds_and_texts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Moeder belt over de driftbuien van haar zoon van 3 jaar in Sint-Truiden.",
        "Afspraak op 3 mei om 14u30 bij het CLB in Tongeren-Borgloon.",
        "Vader vraagt info over het Groeipakket; doorverwezen naar Kind en Gezin.",
        "Oma maakt zich zorgen over TikTok en Fortnite bij haar kleinzoon van 12.",
        "Een rekening van 1250 euro, 3 kinderen, lokaal 12, 2de leerjaar.",
        "Bel Awel op 102 of Tele-Onthaal op 106.",
        "De juf zegt dat hij in de klas heel stil is sinds Kerstmis.",
        "Ze spreekt thuis Arabisch en Nederlands; de Marokkaanse oma helpt.",
        "BE-nummer van het bedrijf onbekend; rekening BE68 5390 0754 7035 (fout).",
    ],
)
def test_clean_texts_have_no_findings(text):
    assert kinds_and_texts(text) == []


def test_an_invalid_checksum_is_not_a_national_number():
    assert kinds_and_texts("nummer 85.07.30-033.29") == []
    assert kinds_and_texts("nummer 111222334 van het dossier") == []


def test_redact_replaces_every_finding_with_its_placeholder():
    text = "mama van Lotte belt, 0470 12 34 56, Kerkstraat 12"
    assert redact(text) == "mama van [naam] belt, [telefoon], [adres]"


def test_pii_scan_reads_and_writes_json_lines(db, monkeypatch):
    lines = [{"id": "a", "text": "Bel Lotte op 0470 12 34 56"}, {"id": "b", "text": "Niets."}]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(json.dumps(x) for x in lines) + "\n"))
    out = io.StringIO()
    monkeypatch.setattr("sys.stdout", out)
    call_command("pii_scan")
    results = [json.loads(line) for line in out.getvalue().splitlines()]
    assert results[0]["id"] == "a"
    assert results[0]["findings"] == [
        {"kind": "person_name", "start": 4, "end": 9, "text": "Lotte"},
        {"kind": "phone", "start": 13, "end": 26, "text": "0470 12 34 56"},
    ]
    assert results[1] == {"id": "b", "findings": []}


def test_pii_scan_survives_a_bad_line(db, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO('{"id": "x", "text": "Bel Lotte"}\nnot json\n'))
    out = io.StringIO()
    monkeypatch.setattr("sys.stdout", out)
    call_command("pii_scan", stderr=io.StringIO())
    results = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(results) == 2 and results[0]["findings"] and results[1]["findings"] == []
