"""The library: staff add books, a parent finds one about puberty and reserves it without an account."""

import pytest
from django.core.cache import cache

from opvoedwijzer.core.crypto import decrypt
from opvoedwijzer.infotheek import services
from opvoedwijzer.infotheek.models import Reservation, Resource
from opvoedwijzer.taxonomy.models import Theme


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


@pytest.fixture
def puberty_book(zuid):
    return services.save_resource(
        zuid,
        {
            "kind": "book",
            "title": "Help, mijn kind wordt groot",
            "author": "A. Auteur",
            "description": "Over de tienerjaren.",
            "themes": [Theme.objects.get(organisation=zuid, code="puberty")],
            "language": "nl",
            "audience": "parents",
            "published": True,
        },
    )


def test_staff_add_a_book_with_its_themes(sam, client_for):
    response = client_for(sam).post(
        "/o/zuid-limburg/library/new/",
        {
            "kind": "book",
            "title": "Slapen zonder tranen",
            "themes": ["sleep"],
            "language": "nl",
            "audience": "parents",
        },
    )
    assert response.status_code == 302
    book = Resource.objects.get()
    assert [t.code for t in book.themes.all()] == ["sleep"]


def test_a_parent_finds_a_book_about_puberty_by_the_theme_word(zuid, puberty_book, client):
    page = client.get("/zuid-limburg/library/?q=puberteit").content.decode()
    assert "Help, mijn kind wordt groot" in page
    assert "Help, mijn kind wordt groot" not in client.get("/zuid-limburg/library/?q=slapen").content.decode()


def test_a_parent_reserves_with_a_phone_number_kept_encrypted_until_picked_up(
    zuid, sam, puberty_book, client, client_for
):
    response = client.post(f"/zuid-limburg/library/{puberty_book.pk}/", {"contact": "0470 12 34 56"})
    assert response.status_code == 200 and "panel--success" in response.content.decode()
    reservation = Reservation.objects.get()
    assert "0470" not in reservation.contact and decrypt(reservation.contact) == "0470 12 34 56"
    staff = client_for(sam)
    assert "0470 12 34 56" in staff.get("/o/zuid-limburg/library/").content.decode()
    staff.post(f"/o/zuid-limburg/library/reservations/{reservation.pk}/done/")
    reservation.refresh_from_db()
    assert reservation.ended_on is not None and reservation.contact == ""


def test_a_bad_contact_is_explained_and_kept(zuid, puberty_book, client):
    response = client.post(f"/zuid-limburg/library/{puberty_book.pk}/", {"contact": "morgen"})
    assert response.status_code == 200 and 'value="morgen"' in response.content.decode()
    assert not Reservation.objects.exists()


def test_unpublished_and_foreign_items_are_404(zuid, noord, puberty_book, client):
    assert client.get(f"/noord-limburg/library/{puberty_book.pk}/").status_code == 404
    Resource.objects.update(published=False)
    assert client.get(f"/zuid-limburg/library/{puberty_book.pk}/").status_code == 404


def test_volunteers_see_the_library_but_do_not_change_it(vera, puberty_book, client_for):
    client = client_for(vera)
    assert client.get("/o/zuid-limburg/library/").status_code == 200
    assert client.get(f"/o/zuid-limburg/library/{puberty_book.pk}/edit/").status_code == 403
