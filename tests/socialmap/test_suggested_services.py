"""Services for a parent's question (issue 20): `socialmap.selectors.services_for` ranks the active
services on the organisation's map by the themes suggested for the text and by the text's own words,
and says why."""

from opvoedwijzer.socialmap import services
from opvoedwijzer.socialmap.models import ServiceStatus
from opvoedwijzer.socialmap.selectors import services_for
from opvoedwijzer.suggestions.engine import Hint, Suggestions, suggest
from opvoedwijzer.taxonomy.models import Theme


def hint(code, score, label=None):
    return Hint(code=code, label=label or code.capitalize(), score=score, because=())


def suggestions(themes=(), life_stages=(), words=()):
    return Suggestions(
        themes=tuple(themes), life_stages=tuple(life_stages), language="nl", words=tuple(words)
    )


def names(found):
    return [s.name for s in found]


def test_services_with_the_best_suggested_theme_come_first_and_say_why(zuid, social_map):
    found = services_for(zuid, suggestions([hint("bullying", 0.9, "Pesten"), hint("self_esteem", 0.5)]))

    assert names(found)[0] == "Weerbaarheid voor tieners"  # bullying and self-esteem
    assert found[0].because == ("Pesten", "Self_esteem")
    assert set(names(found)[1:]) == {"Aanpak van pesten op school", "Awel – bellen en chatten"}


def test_a_suggested_life_stage_puts_the_service_for_that_age_first(zuid, social_map):
    teen = suggestions([hint("bullying", 0.9, "Pesten")], [hint("teen", 0.8, "Tiener")])
    primary = suggestions([hint("bullying", 0.9, "Pesten")], [hint("primary", 0.8, "Lagere school")])

    assert names(services_for(zuid, teen))[0] == "Weerbaarheid voor tieners"
    assert names(services_for(zuid, primary))[0] == "Aanpak van pesten op school"


def test_the_texts_own_words_find_a_service_and_are_named(zuid, social_map):
    found = services_for(zuid, suggestions(words=["baby", "voeding"]), limit=1)

    assert names(found) == ["Consultatiebureau"]
    assert found[0].because == ("baby", "voeding")


def test_a_retired_or_closed_service_is_never_suggested(zuid, ilse, social_map):
    services.retire_service(social_map["clb"], ilse.user)
    social_map["awel"].status = ServiceStatus.TEMPORARILY_CLOSED
    social_map["awel"].save(update_fields=["status"])

    found = names(
        services_for(zuid, suggestions([hint("bullying", 0.9)], words=["awel", "school"]), limit=10)
    )

    assert found == ["Weerbaarheid voor tieners"]


def test_another_organisations_services_never_appear(zuid, noord, social_map):
    partner = services.create_map_organisation(noord, {"name": "Kind en Gezin Pelt"})
    services.create_service(
        noord,
        {
            "map_organisation": partner,
            "name": "Slaapconsult Pelt",
            "description": "Wakker 's nachts? Slapen in je eigen bed.",
            "themes": list(Theme.objects.filter(organisation=noord, code="sleep")),
        },
    )

    found = names(services_for(zuid, suggestions([hint("sleep", 0.9)], words=["wakker", "slapen"]), limit=10))

    assert found == ["Consultatiebureau"]
    assert names(services_for(noord, suggestions([hint("sleep", 0.9)]))) == ["Slaapconsult Pelt"]


def test_nothing_fits_nothing_is_suggested(zuid, social_map):
    assert services_for(zuid, suggestions([hint("poverty", 0.9)], words=["fiets"])) == []
    assert services_for(zuid, suggestions()) == []


def test_three_queries_whatever_the_map_holds(zuid, social_map, django_assert_num_queries):
    partner = services.create_map_organisation(zuid, {"name": "Huis van het Kind"})
    bullying = list(Theme.objects.filter(organisation=zuid, code="bullying"))
    for n in range(20):
        services.create_service(
            zuid,
            {
                "map_organisation": partner,
                "name": f"Spreekuur {n}",
                "description": "pesten",
                "themes": bullying,
            },
        )
    asked = suggestions(
        [hint("bullying", 0.9), hint("sleep", 0.4)], [hint("teen", 0.7)], words=["gepest", "school"]
    )

    with django_assert_num_queries(3):
        found = services_for(zuid, asked)
        assert [s.because for s in found] and [s.map_organisation.name for s in found]

    assert len(found) == 3


def test_from_a_question_through_the_engine_to_a_service(zuid, social_map):
    text = "Mijn dochter van 2 wordt elke nacht drie keer wakker en wil dan alleen bij ons in bed slapen."

    found = services_for(zuid, suggest(zuid, text))

    assert names(found)[0] == "Consultatiebureau"


def test_a_theme_code_with_an_underscore_is_matched_as_written(zuid, social_map):
    found = services_for(zuid, suggestions([hint("school_transition", 0.8, "Overgang naar school")]))

    assert names(found) == ["Aanpak van pesten op school"]
    assert found[0].because[0] == "Overgang naar school"
