"""Library items for a parent's question (issue 20): `library.selectors.resources_for` ranks the
published items by the themes suggested for the text and by the text's own words, and says why."""

import pytest

from opvoedwijzer.library import services
from opvoedwijzer.library.selectors import resources_for
from opvoedwijzer.suggestions.engine import Hint, Suggestions
from opvoedwijzer.taxonomy.models import LifeStage, Theme


def hint(code, score, label=None):
    return Hint(code=code, label=label or code.capitalize(), score=score, because=())


def suggestions(themes=(), life_stages=(), words=()):
    return Suggestions(
        themes=tuple(themes), life_stages=tuple(life_stages), language="nl", words=tuple(words)
    )


def item(org, title, themes=(), life_stages=(), **data):
    return services.create_resource(
        org,
        {
            "kind": "folder",
            "title": title,
            "language": "nl",
            "audience": "parents",
            "published": True,
            "themes": list(Theme.objects.filter(organisation=org, code__in=themes)),
            "life_stages": list(LifeStage.objects.filter(organisation=org, code__in=life_stages)),
            **data,
        },
    )


@pytest.fixture
def library(zuid):
    """Zuid-Limburg's shelf: two folders about sleep (one for toddlers), one about tantrums, one about
    bullying, a sleep book for professionals only and a sleep folder not on the public site."""
    return {
        "sleep": item(
            zuid, "Slapen, hoe doe je dat?", ["sleep"], description="Over wakker worden 's nachts."
        ),
        "sleep_toddler": item(zuid, "Peuters en slaap", ["sleep"], ["toddler"]),
        "tantrums": item(zuid, "Driftbuien bij peuters", ["tantrums"], ["toddler"]),
        "bullying": item(
            zuid, "Gepest op school", ["bullying"], description="Wat doe je als je kind gepest wordt?"
        ),
        "professional": item(zuid, "Slaapproblemen: handboek", ["sleep"], audience="professionals"),
        "unpublished": item(zuid, "Oude slaapfolder", ["sleep"], published=False),
    }


def titles(items):
    return [i.title for i in items]


def test_items_with_the_best_suggested_theme_come_first_and_say_why(zuid, library):
    found = resources_for(zuid, suggestions([hint("sleep", 0.9, "Slapen"), hint("tantrums", 0.3)]), limit=5)

    sleep = {"Peuters en slaap", "Slaapproblemen: handboek", "Slapen, hoe doe je dat?"}
    assert set(titles(found)[:3]) == sleep  # the same score: the oldest first
    assert titles(found)[:3] == [library[key].title for key in ("sleep", "sleep_toddler", "professional")]
    assert titles(found)[3] == "Driftbuien bij peuters"
    assert found[0].because == ("Slapen",)
    assert found[0].score > found[3].score


def test_a_suggested_life_stage_puts_the_item_for_that_age_first(zuid, library):
    found = resources_for(
        zuid, suggestions([hint("sleep", 0.9, "Slapen")], [hint("toddler", 0.8, "Peuter")]), public=True
    )
    assert titles(found) == ["Peuters en slaap", "Slapen, hoe doe je dat?"]


def test_the_texts_own_words_find_an_item_and_are_named(zuid, library):
    found = resources_for(zuid, suggestions(words=["zoon", "gepest", "school"]), limit=1)
    assert titles(found) == ["Gepest op school"]
    assert found[0].because == ("gepest", "school")


def test_theme_and_words_together_rank_above_the_theme_alone(zuid, library):
    found = resources_for(zuid, suggestions([hint("sleep", 0.8, "Slapen")], words=["nachts", "wakker"]))
    assert found[0].title == "Slapen, hoe doe je dat?"
    assert found[0].because == ("Slapen", "nachts", "wakker")


def test_an_unpublished_item_is_never_suggested(zuid, library):
    found = resources_for(zuid, suggestions([hint("sleep", 0.9)], words=["slaapfolder"]), limit=10)
    assert "Oude slaapfolder" not in titles(found)


def test_for_a_parent_the_items_for_professionals_only_are_left_out(zuid, library):
    staff = titles(resources_for(zuid, suggestions([hint("sleep", 0.9)]), limit=10))
    parent = titles(resources_for(zuid, suggestions([hint("sleep", 0.9)]), public=True, limit=10))
    assert "Slaapproblemen: handboek" in staff
    assert "Slaapproblemen: handboek" not in parent
    assert set(parent) == {"Slapen, hoe doe je dat?", "Peuters en slaap"}


def test_another_organisations_items_never_appear(zuid, noord, library):
    item(noord, "Slapen in Noord", ["sleep"], description="wakker")
    found = resources_for(zuid, suggestions([hint("sleep", 0.9)], words=["wakker", "noord"]), limit=10)
    assert "Slapen in Noord" not in titles(found)
    assert titles(resources_for(noord, suggestions([hint("sleep", 0.9)]), limit=10)) == ["Slapen in Noord"]


def test_nothing_fits_nothing_is_suggested(zuid, library):
    assert resources_for(zuid, suggestions([hint("poverty", 0.9)], words=["fiets"])) == []
    assert resources_for(zuid, suggestions()) == []


def test_a_common_word_alone_does_not_make_an_item_fit(zuid, library):
    """The weakest of several word matches falls under the bar beside a strong theme match."""
    found = resources_for(zuid, suggestions([hint("bullying", 0.9)], words=["school", "gepest", "peuters"]))
    assert found[0].title == "Gepest op school"


def test_three_queries_whatever_the_library_holds(zuid, library, django_assert_num_queries):
    for n in range(20):
        item(zuid, f"Slaapfolder {n}", ["sleep", "tantrums"], ["toddler"], description="wakker 's nachts")
    asked = suggestions(
        [hint("sleep", 0.9), hint("tantrums", 0.4)], [hint("toddler", 0.7)], words=["wakker", "nachts", "bed"]
    )
    with django_assert_num_queries(3):
        found = resources_for(zuid, asked, public=True)
        assert [i.because for i in found]
    assert len(found) == 3


def test_from_a_question_through_the_engine_to_a_folder(zuid, library):
    from opvoedwijzer.suggestions.engine import suggest

    text = "Mijn dochter van 2 wordt elke nacht drie keer wakker en wil dan alleen bij ons in bed slapen."
    found = resources_for(zuid, suggest(zuid, text), public=True)
    assert found[0].title in {"Peuters en slaap", "Slapen, hoe doe je dat?"}
    assert "wakker" in found[0].because or any("slap" in str(b).lower() for b in found[0].because)
