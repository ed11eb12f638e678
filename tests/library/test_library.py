"""The library: staff add books, a parent finds one about puberty and reserves it without an account."""

import pytest

from opvoedwijzer.core.crypto import decrypt
from opvoedwijzer.library import services
from opvoedwijzer.library.models import Reservation, Resource
from opvoedwijzer.taxonomy.models import Theme


@pytest.fixture
def puberty_book(zuid):
    return services.create_resource(
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
    services.add_copy(puberty_book, "INF-0001")
    response = client.post(
        f"/zuid-limburg/library/{puberty_book.pk}/", {"contact": "0470 12 34 56"}, follow=True
    )
    assert response.status_code == 200 and "panel--success" in response.content.decode()
    reservation = Reservation.objects.get()
    assert "0470" not in reservation.contact and decrypt(reservation.contact) == "0470 12 34 56"
    staff = client_for(sam)
    assert "0470 12 34 56" in staff.get("/o/zuid-limburg/library/").content.decode()
    staff.post(f"/o/zuid-limburg/library/reservations/{reservation.pk}/done/", {"ended_as": "picked_up"})
    reservation.refresh_from_db()
    assert reservation.ended_on is not None and reservation.contact == ""


def test_a_bad_contact_is_explained_and_kept(zuid, puberty_book, client):
    services.add_copy(puberty_book, "INF-0001")
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


def test_the_desk_lends_renews_and_takes_back_and_the_contact_is_purged_a_month_later(
    zuid, sam, puberty_book, client, client_for
):
    import datetime

    from django.utils import timezone

    from opvoedwijzer.library.models import Loan
    from opvoedwijzer.retention.run import purge_expired

    staff = client_for(sam)
    desk = f"/o/zuid-limburg/library/{puberty_book.pk}/"
    staff.post(f"{desk}copies/", {"copy-barcode": "INF-0001"})
    refused = staff.post(f"{desk}copies/", {"copy-barcode": "INF-0001"})  # the same barcode twice
    assert refused.status_code == 200 and "Deze streepjescode" in refused.content.decode()
    client.post(f"/zuid-limburg/library/{puberty_book.pk}/", {"contact": "ouder@example.org"})
    copy = puberty_book.copies.get()
    staff.post(f"{desk}lend/", {"lend-copy": copy.pk, "lend-contact": "0470 12 34 56"})
    loan = Loan.objects.get()
    assert decrypt(loan.contact) == "0470 12 34 56" and "0470" not in loan.contact
    assert loan.due_on == timezone.localdate() + datetime.timedelta(days=21)
    assert Reservation.objects.get().ended_on is not None  # the first in the queue got it
    staff.post(f"{desk}loans/{loan.pk}/renew/")
    loan.refresh_from_db()
    assert loan.renewals == 1 and loan.due_on == timezone.localdate() + datetime.timedelta(days=42)
    Loan.objects.filter(pk=loan.pk).update(due_on=timezone.localdate() - datetime.timedelta(days=1))
    assert "0470 12 34 56" in staff.get("/o/zuid-limburg/library/").content.decode()  # overdue: remind
    staff.post(f"{desk}loans/{loan.pk}/return/")
    loan.refresh_from_db()
    assert loan.returned_on == timezone.localdate() and decrypt(loan.contact)
    assert purge_expired()["library borrower contacts removed"] == 0  # not yet
    Loan.objects.update(contact_purge_on=timezone.localdate())
    assert purge_expired()["library borrower contacts removed"] == 1
    assert Loan.objects.get().contact == ""


def test_an_article_written_here_is_shown_cleaned(zuid, client):
    article = services.create_resource(
        zuid,
        {
            "kind": "article",
            "title": "Grenzen stellen",
            "body": "## Waarom\n\nKinderen hebben **grenzen** nodig.\n\n- rust\n- duidelijkheid\n\n"
            '<script>alert(1)</script> [klik](javascript:alert(2)) <img src=x onerror="alert(3)">'
            "[meer](https://example.org)",
            "published": True,
        },
    )
    page = client.get(f"/zuid-limburg/library/{article.pk}/").content.decode()
    assert "<h2>Waarom</h2>" in page and "<strong>grenzen</strong>" in page and "<li>rust</li>" in page
    assert '<a href="https://example.org" rel="noopener">meer</a>' in page
    for bad in ("<script", "javascript:", "onerror", "<img"):
        assert bad not in page.split('<div class="article">')[1]


def test_folders_handed_out_leave_the_stock_and_show_in_the_numbers(zuid, sam, client_for):
    from django.utils import timezone

    folder = services.create_resource(zuid, {"kind": "folder", "title": "Slapen zonder zorgen", "stock": 50})
    staff = client_for(sam)
    desk = f"/o/zuid-limburg/library/{folder.pk}/"
    staff.post(f"{desk}hand-out/", {"hand_out-count": "3"})
    refused = staff.post(f"{desk}hand-out/", {"hand_out-count": "0"})  # at least one
    assert refused.status_code == 200 and 'value="0"' in refused.content.decode()
    folder.refresh_from_db()
    assert folder.stock == 47 and folder.handouts.get().count == 3
    staff.post(f"{desk}restock/", {"restock-count": "10"})
    folder.refresh_from_db()
    assert folder.stock == 57
    today = timezone.localdate()
    page = staff.get(
        f"/o/zuid-limburg/overview/?start={today.isoformat()}&end={today.isoformat()}&rows=theme"
    )
    assert "Slapen zonder zorgen" in page.content.decode()


def test_the_library_search_stems_dutch_words(zuid, client):
    services.create_resource(zuid, {"kind": "folder", "title": "Pesterijen op school", "published": True})
    services.create_resource(zuid, {"kind": "book", "title": "Slapen", "published": True})
    page = client.get("/zuid-limburg/library/?q=pesten").content.decode()
    assert "Pesterijen op school" in page and ">Slapen</a>" not in page


def test_the_public_library_filters_by_theme_age_and_language(zuid, client):
    from opvoedwijzer.taxonomy.models import LifeStage

    teen = LifeStage.objects.get(organisation=zuid, code="teen")
    puberty = Theme.objects.get(organisation=zuid, code="puberty")
    services.create_resource(
        zuid, {"kind": "book", "title": "Pubers", "themes": [puberty], "life_stages": [teen]}
    )
    services.create_resource(
        zuid, {"kind": "folder", "title": "Ergenlik", "themes": [puberty], "language": "tr"}
    )
    services.create_resource(zuid, {"kind": "book", "title": "Slapen", "language": "nl"})

    def titles(**query):
        page = client.get("/zuid-limburg/library/", query).content.decode()
        return {t for t in ("Pubers", "Ergenlik", "Slapen") if f">{t}</a>" in page}

    assert titles() == {"Pubers", "Ergenlik", "Slapen"}
    assert titles(theme="puberty") == {"Pubers", "Ergenlik"}
    assert titles(life_stage="teen") == {"Pubers"}
    assert titles(language="tr") == {"Ergenlik"}
