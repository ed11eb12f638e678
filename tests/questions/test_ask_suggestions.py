""" "Maybe this already helps" for a parent (issue 20): while typing a question on the public ask page
(/<org>/ask/suggestions/, a fragment) and on the page shown after asking, a few library items a parent may
see and services of the social map, linked to their public pages; never themes; nothing kept or logged."""

import logging

import pytest
from django.apps import apps
from django.test import Client

from opvoedwijzer.core.models import RateCounter
from opvoedwijzer.library import services as library
from opvoedwijzer.questions.models import Question
from opvoedwijzer.taxonomy.models import Theme
from tests.mapdata import make_social_map

SUGGESTIONS = "/zuid-limburg/ask/suggestions/"
SLEEPLESS = "Mijn dochter van 2 wordt elke nacht drie keer wakker en wil dan alleen bij ons in bed slapen."


@pytest.fixture(autouse=True)
def _a_named_limit(settings):
    """The limit as settings.py names it (the value there may differ)."""
    settings.RATE_LIMITS = {"ask_suggestions": 120, **settings.RATE_LIMITS}


def folder(org, title, audience="parents"):
    return library.create_resource(
        org,
        {
            "kind": "folder",
            "title": title,
            "language": "nl",
            "audience": audience,
            "published": True,
            "themes": list(Theme.objects.filter(organisation=org, code="sleep")),
            "description": "Over 's nachts wakker worden en slapen.",
        },
    )


@pytest.fixture
def shelf(zuid):
    return {
        "parents": folder(zuid, "Slapen, hoe doe je dat?"),
        "professionals": folder(zuid, "Slaapproblemen: handboek", audience="professionals"),
    }


@pytest.fixture
def social_map(zuid):
    return make_social_map(zuid)


def test_while_typing_a_parent_sees_a_folder_and_a_service_linked_to_their_public_pages(
    zuid, shelf, social_map, client
):
    response = client.post(SUGGESTIONS, {"text": SLEEPLESS})
    assert response.status_code == 200 and response["Cache-Control"].startswith("max-age=0")
    page = response.content.decode()
    assert f'href="/zuid-limburg/library/{shelf["parents"].pk}/"' in page
    assert f'href="/zuid-limburg/map/{social_map["kg"].uuid}/"' in page
    assert "Slaapproblemen" not in page  # for professionals only
    assert 'name="theme"' not in page and "Slapen</button>" not in page  # no themes for parents
    assert "<html" not in page  # a fragment


def test_the_fragment_speaks_the_language_of_the_page(zuid, shelf, social_map, client):
    client.cookies["django_language"] = "fr"
    response = client.post(SUGGESTIONS, {"text": SLEEPLESS})
    assert response["Content-Language"] == "fr"
    assert "Ceci peut peut-être déjà vous aider" in response.content.decode()


def test_a_short_empty_or_unknown_text_suggests_nothing(zuid, shelf, social_map, client):
    for text in ("", "   ", "xyzzy qwerty"):
        response = client.post(SUGGESTIONS, {"text": text})
        assert response.status_code == 200 and "href" not in response.content.decode()


def test_strange_or_endless_text_is_never_a_server_error(zuid, shelf, social_map, client):
    for text in ("slapen\x00wakker nacht bed", "wakker " * 20_000, '"slapen" OR NEAR(bed*', "😴 " * 50):
        assert client.post(SUGGESTIONS, {"text": text}).status_code == 200


def test_nothing_of_the_text_is_kept_nor_logged(zuid, shelf, social_map, client, caplog):
    def rows():
        return {m._meta.label: m.objects.count() for m in apps.get_models() if m is not RateCounter}

    before = rows()
    with caplog.at_level(logging.DEBUG):
        client.post(SUGGESTIONS, {"text": SLEEPLESS + " Mijn naam is Griet Peeters."})
    assert rows() == before and not Question.objects.exists()
    assert "Peeters" not in caplog.text and "wakker" not in caplog.text


def test_too_many_asks_from_one_connection_are_refused(zuid, client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "ask_suggestions": 2}
    codes = [client.post(SUGGESTIONS, {"text": SLEEPLESS}).status_code for _ in range(3)]
    assert codes == [200, 200, 429]


def test_it_takes_a_post_with_the_pages_csrf_token_and_a_known_organisation(zuid, client):
    assert client.get(SUGGESTIONS).status_code == 405
    assert Client(enforce_csrf_checks=True).post(SUGGESTIONS, {"text": SLEEPLESS}).status_code == 403
    assert client.post("/nergens/ask/suggestions/", {"text": SLEEPLESS}).status_code == 404


def test_the_fragment_takes_a_fixed_number_of_queries(
    zuid, shelf, social_map, client, django_assert_num_queries
):
    client.post(SUGGESTIONS, {"text": SLEEPLESS})  # the engine's word lists are read once per process
    for n in range(3):
        folder(zuid, f"Slaapfolder {n}")
    with django_assert_num_queries(9):
        response = client.post(SUGGESTIONS, {"text": SLEEPLESS})
    assert "Slaapfolder" in response.content.decode()


def test_the_limit_is_named_in_the_settings():
    from opvoedwijzer import settings as project  # the module itself: the fixture above leaves it alone

    assert project.RATE_LIMITS["ask_suggestions"] > 0


def test_after_asking_the_parent_sees_what_may_help_while_waiting(zuid, shelf, social_map, client):
    response = client.post(
        "/zuid-limburg/ask/", {"text": SLEEPLESS, "life_stage": "", "municipality": "", "language": "nl"}
    )
    page = response.content.decode()
    assert Question.objects.count() == 1
    assert 'id="maybe-helps-title"' in page
    assert f'href="/zuid-limburg/library/{shelf["parents"].pk}/"' in page and 'target="_blank"' not in page
    assert f'href="/zuid-limburg/map/{social_map["kg"].uuid}/"' in page


def test_the_ask_page_has_the_place_for_it_and_loads_the_script(zuid, client):
    page = client.get("/zuid-limburg/ask/").content.decode()
    assert f'data-suggest-items="{SUGGESTIONS}"' in page and "js/suggest" in page
