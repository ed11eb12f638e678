from opvoedwijzer.core.models import Municipality, PostalCode


def test_all_565_belgian_municipalities_are_loaded_with_postal_codes(db):
    assert Municipality.objects.filter(country="BE").count() == 565
    assert PostalCode.objects.count() > 1100
    sint_truiden = Municipality.objects.get(code="71053")
    assert sint_truiden.name == "Sint-Truiden"
    assert {p.code for p in sint_truiden.postal_codes.all()} >= {"3800", "3803", "3806"}


def test_the_2025_mergers_are_in(db):
    assert Municipality.objects.get(code="73111").name_nl == "Tongeren-Borgloon"
    assert not Municipality.objects.filter(name_nl="Borgloon").exists()


def test_a_postal_code_finds_the_municipality(db):
    assert [m.code for m in Municipality.objects.search("3800")] == ["71053"]
    assert "71053" in [m.code for m in Municipality.objects.search("380")]


def test_part_of_a_name_finds_the_municipality_in_dutch_or_french(db):
    assert "71053" in [m.code for m in Municipality.objects.search("truiden")]
    assert "71053" in [m.code for m in Municipality.objects.search("Saint-Trond")]


def test_municipalities_have_room_for_validity_dates(db):
    import datetime

    m = Municipality.objects.get(code="71053")
    assert (m.valid_from, m.valid_to) == (None, None)  # since before our data (core/municipalities.py)
    assert Municipality.objects.valid_on(datetime.date(2019, 1, 1)).filter(pk=m.pk).exists()
    Municipality.objects.filter(pk=m.pk).update(valid_to=datetime.date(2030, 12, 31))
    assert not Municipality.objects.valid_on(datetime.date(2031, 1, 1)).filter(pk=m.pk).exists()


def test_a_coordinator_adds_a_municipality_found_by_postal_code(ilse, client_for, zuid):
    client = client_for(ilse)
    page = client.get("/o/zuid-limburg/municipalities/?q=3870")
    assert "Heers" in page.content.decode()
    client.post("/o/zuid-limburg/municipalities/add/", {"code": "73001"})
    assert zuid.municipalities.filter(code="73001").exists()
    client.post("/o/zuid-limburg/municipalities/remove/", {"code": "73001"})
    assert not zuid.municipalities.filter(code="73001").exists()


def test_loading_again_changes_nothing(db):
    from opvoedwijzer.core.municipalities import load_belgian_municipalities

    assert load_belgian_municipalities(Municipality, PostalCode) == (0, 0)
