"""Finding the right service: the search box, the filters and Dutch stemming, on both databases."""

import datetime
import zoneinfo

import pytest

from opvoedwijzer.core.models import Municipality
from opvoedwijzer.socialmap import services
from opvoedwijzer.socialmap.models import Service
from opvoedwijzer.socialmap.search import Criteria, find_services, parse_query
from opvoedwijzer.taxonomy.models import LifeStage, Theme

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


def found(org, moment=None, **criteria):
    qs, _understood = find_services(org, Criteria(**criteria), moment=moment)
    return [s.name for s in qs]


def test_the_search_box_reads_words_an_age_and_a_municipality(zuid):
    parsed = parse_query("pesten, 10 jaar, Sint-Truiden", zuid.municipalities.all())
    assert parsed.words == ["pesten"]
    assert parsed.age_months == 120
    assert parsed.municipality.code == "71053"


def test_the_search_box_knows_months_and_postal_codes(zuid):
    parsed = parse_query("slapen 18 maanden 3800", zuid.municipalities.prefetch_related("postal_codes"))
    assert (parsed.words, parsed.age_months, parsed.municipality.code) == (["slapen"], 18, "71053")


def test_pesten_10_jaar_sint_truiden_finds_the_clb_first(zuid, social_map):
    results = found(zuid, text="pesten, 10 jaar, Sint-Truiden")
    assert results[0] == "Aanpak van pesten op school"
    assert "Awel – bellen en chatten" in results  # for everyone, everywhere
    assert "Weerbaarheid voor tieners" not in results  # a teen training, and only for Heers
    assert "Consultatiebureau" not in results  # about sleep, not bullying


def test_dutch_stemming_finds_other_forms_of_a_word(zuid, social_map):
    # "gepest" in the descriptions, "pesten" as a theme: all stem to "pest".
    assert set(found(zuid, text="gepest")) >= {"Aanpak van pesten op school", "Weerbaarheid voor tieners"}
    assert "Consultatiebureau" in found(zuid, text="slaap")  # slapen → slap/slaap prefix


def test_a_word_being_typed_already_finds_services(zuid, social_map):
    assert "Aanpak van pesten op school" in found(zuid, text="pes")


def test_every_word_must_match(zuid, social_map):
    assert found(zuid, text="pesten baby") == []


def test_a_theme_filter_keeps_only_services_about_it(zuid, social_map):
    bullying = Theme.objects.get(organisation=zuid, code="bullying")
    assert set(found(zuid, theme=bullying)) == {
        "Aanpak van pesten op school",
        "Weerbaarheid voor tieners",
        "Awel – bellen en chatten",
    }


def test_a_life_stage_filter_uses_the_services_life_stages_and_all_age_services(zuid, social_map):
    teen = LifeStage.objects.get(organisation=zuid, code="teen")
    assert set(found(zuid, life_stage=teen)) == {"Weerbaarheid voor tieners", "Awel – bellen en chatten"}


def test_an_age_range_counts_when_a_service_has_no_life_stages(zuid, social_map):
    services.create_service(zuid, {"name": "Speelotheek", "min_months": 24, "max_months": 72})
    assert "Speelotheek" in found(zuid, age_months=36)
    assert "Speelotheek" not in found(zuid, age_months=120)


def test_a_municipality_gives_the_services_serving_it_and_those_nearby(zuid, social_map):
    heers = Municipality.objects.get(code="73022")
    qs, _u = find_services(zuid, Criteria(municipality=heers))
    by_name = {s.name: s for s in qs}
    assert by_name["Weerbaarheid voor tieners"].serves_here
    assert by_name["Awel – bellen en chatten"].serves_here  # no limit on its area
    assert (
        "Aanpak van pesten op school" not in by_name
    )  # Sint-Truiden only, located in another arrondissement
    # Sint-Truiden (71) and Heers (73) lie in different arrondissements; Gingelom (71) is near Sint-Truiden:
    gingelom = Municipality.objects.get(code="71017")
    qs, _u = find_services(zuid, Criteria(municipality=gingelom))
    near = {s.name: s.serves_here for s in qs}
    assert near["Aanpak van pesten op school"] is False  # not its area, but a location close by
    assert list(near)[-1] == "Aanpak van pesten op school"  # the ones serving Gingelom come first


def test_open_now_follows_the_schedules(zuid, social_map):
    wednesday_evening = datetime.datetime(2026, 11, 25, 19, 0, tzinfo=BRUSSELS)
    wednesday_morning = datetime.datetime(2026, 11, 25, 10, 0, tzinfo=BRUSSELS)
    saturday_morning = datetime.datetime(2026, 11, 28, 10, 0, tzinfo=BRUSSELS)
    assert found(zuid, moment=wednesday_evening, open_now=True) == ["Awel – bellen en chatten"]
    # The CLB has no hours of its own: its location's count.
    assert found(zuid, moment=wednesday_morning, open_now=True) == ["Aanpak van pesten op school"]
    assert found(zuid, moment=saturday_morning, open_now=True) == []


def test_language_filter(zuid, social_map):
    assert found(zuid, language="fr") == ["Awel – bellen en chatten"]


def test_retired_services_are_not_found_but_keep_their_record(zuid, social_map, sam):
    services.retire_service(social_map["awel"], sam.user)
    assert "Awel – bellen en chatten" not in found(zuid, text="pesten")
    services.reactivate_service(social_map["awel"], sam.user)
    assert "Awel – bellen en chatten" in found(zuid, text="pesten")


def test_an_edit_is_found_at_once(zuid, social_map):
    service = social_map["kg"]
    assert found(zuid, text="zindelijkheid") == []
    services.update_service(service, {"name": service.name, "description": "Ook over zindelijkheid."})
    assert found(zuid, text="zindelijk") == ["Consultatiebureau"]


def test_another_organisations_map_is_never_found(zuid, noord, social_map):
    services.create_service(noord, {"name": "Pesten in Pelt", "description": "pesten"})
    assert "Pesten in Pelt" not in found(zuid, text="pesten")
    assert found(noord, text="pesten") == ["Pesten in Pelt"]


@pytest.mark.parametrize(
    "text", ["'", '"', "pesten OR", "*", "NEAR(", "a & b | !c", "pest:*", "   ", "10 jaar"]
)
def test_odd_input_never_breaks_the_search(zuid, social_map, text):
    names = found(zuid, text=text)  # no exception on either database
    assert set(names) <= set(Service.objects.for_org(zuid).values_list("name", flat=True))


def test_a_renamed_theme_finds_its_services_by_the_new_name(zuid, social_map):
    from opvoedwijzer.taxonomy.services import update_term

    sleep = Theme.objects.get(organisation=zuid, code="sleep")
    assert found(zuid, text="nachtrust") == []
    update_term(sleep, label="Nachtrust", hidden=False)
    assert found(zuid, text="nachtrust") == ["Consultatiebureau"]


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("10 jaar", 120),
        ("18 maanden", 18),
        ("10 years", 120),
        ("10 ans", 120),
        ("1 an", 12),
        ("9 mois", 9),
        ("10 yaşında", 120),
        ("6 ay", 6),
        ("10 lat", 120),
        ("18 miesięcy", 18),
        ("10 سنوات", 120),
        ("6 أشهر", 6),
        ("٨ سنوات", 96),  # Arabic-Indic digits
    ],
)
def test_the_search_box_reads_an_age_in_every_language_of_the_parents(zuid, text, months):
    parsed = parse_query(f"opvoeding {text}", zuid.municipalities.all())
    assert (parsed.age_months, parsed.words) == (months, ["opvoeding"])


@pytest.mark.parametrize("text", ["groep 3", "6211 AN", "3 kinderen"])
def test_a_number_without_an_age_unit_is_no_age(zuid, text):
    assert parse_query(text, zuid.municipalities.all()).age_months is None
