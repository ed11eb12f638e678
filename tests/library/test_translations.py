"""The library in the parents' languages: staff write a title and description per language beside the
Dutch; the list, the item and the reservation show the parent's version, or the Dutch marked as such."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from opvoedwijzer.library import services
from opvoedwijzer.library.models import Resource
from opvoedwijzer.pages.models import PublicProfile

FRENCH = {"title": "Dormir sans se disputer", "description": "Le rythme de sommeil des bébés."}


def page(client, url, language):
    return client.get(url, headers={"accept-language": language}).content.decode()


@pytest.fixture
def sleep_book(zuid):
    book = services.create_resource(
        zuid,
        {
            "kind": "book",
            "title": "Slapen zonder strijd",
            "description": "Over het slaapritme van baby's.",
            "published": True,
            "translations": {"fr": FRENCH, "pl": {"title": ""}},
        },
    )
    services.add_copy(book, "INF-1")
    return book


def test_staff_add_a_book_with_its_french_version(sam, ilse, client_for):
    response = client_for(ilse).post(
        "/o/zuid-limburg/library/new/",
        {
            "kind": "book",
            "title": "Slapen zonder strijd",
            "title__fr": FRENCH["title"],
            "description__fr": FRENCH["description"],
            "language": "nl",
            "audience": "parents",
        },
    )
    assert response.status_code == 302
    assert Resource.objects.get().translations == {"fr": FRENCH}


def test_the_form_keeps_the_versions_typed_when_something_is_wrong(ilse, client_for):
    response = client_for(ilse).post(
        "/o/zuid-limburg/library/new/", {"kind": "book", "title": "", "title__tr": "Kavgasız uyku"}
    )
    html = response.content.decode()
    assert response.status_code == 200 and 'value="Kavgasız uyku"' in html and "error-summary" in html
    assert '<details class="action translation" open>' in html and not Resource.objects.exists()


def test_the_stored_versions_drop_what_is_empty(sleep_book):
    assert sleep_book.translations == {"fr": FRENCH}


def test_the_french_list_and_item_show_the_french_version(client, sleep_book):
    listing = page(client, "/zuid-limburg/library/", "fr")
    assert FRENCH["title"] in listing and "Slapen zonder strijd" not in listing
    item = page(client, f"/zuid-limburg/library/{sleep_book.pk}/", "fr")
    assert f"<h1>{FRENCH['title']}</h1>" in item and FRENCH["description"] in item
    assert "translation-note" not in item


def test_without_a_version_the_dutch_is_marked_and_the_parent_told(client, sleep_book):
    item = page(client, f"/zuid-limburg/library/{sleep_book.pk}/", "tr")
    assert '<h1 lang="nl" dir="ltr">Slapen zonder strijd</h1>' in item
    assert 'class="hint translation-note"' in item
    listing = page(client, "/zuid-limburg/library/", "ar")
    assert 'lang="nl" dir="ltr">Slapen zonder strijd</a>' in listing


def test_a_french_word_finds_the_book(client, sleep_book):
    assert FRENCH["title"] in page(client, "/zuid-limburg/library/?q=dormir", "fr")


def test_the_reservation_shows_the_french_title_and_opening_hours(client, zuid, sleep_book):
    PublicProfile.objects.create(
        organisation=zuid,
        opening_hours="woensdag 13–17 u",
        translations={"fr": {"opening_hours": "mercredi 13–17 h"}},
    )
    response = client.post(
        f"/zuid-limburg/library/{sleep_book.pk}/",
        {"contact": "0470 12 34 56"},
        headers={"accept-language": "fr"},
    )
    confirmation = page(client, response["Location"], "fr")
    assert FRENCH["title"] in confirmation and "mercredi 13–17 h" in confirmation


def test_the_list_in_french_costs_the_queries_of_the_list_in_dutch(client, zuid):
    for n in range(6):
        services.create_resource(
            zuid,
            {
                "kind": "book",
                "title": f"Boek {n}",
                "published": True,
                "translations": {"fr": {"title": f"Livre {n}"}},
            },
        )
    with CaptureQueriesContext(connection) as dutch:
        page(client, "/zuid-limburg/library/", "nl")
    with CaptureQueriesContext(connection) as french:
        assert "Livre 5" in page(client, "/zuid-limburg/library/", "fr")
    assert len(french) == len(dutch)


def test_the_demo_library_has_items_with_an_english_and_french_version(zuid):
    from opvoedwijzer.demo.library import seed_library

    seed_library(zuid)
    book = Resource.objects.get(organisation=zuid, title="Slapen zonder strijd")
    assert set(book.translations) == {"en", "fr"} and book.translations["fr"]["title"] == FRENCH["title"]
