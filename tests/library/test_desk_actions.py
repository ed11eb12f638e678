"""The desk of one title: every action posts to its own address; a form that fails comes back on the desk
page with its errors and what was typed, and nobody outside the organisation's registering roles gets in."""

import pytest

from opvoedwijzer.library import services
from opvoedwijzer.library.models import Loan


@pytest.fixture
def book(zuid):
    book = services.create_resource(zuid, {"kind": "book", "title": "Slapen zonder zorgen"})
    services.add_copy(book, "INF-0001")
    return book


@pytest.fixture
def folder(zuid):
    return services.create_resource(zuid, {"kind": "folder", "title": "Zindelijk worden", "stock": 20})


@pytest.fixture
def loan(book):
    return services.lend_copy(book.copies.get(), "0470 12 34 56")


def desk(resource, org="zuid-limburg"):
    return f"/o/{org}/library/{resource.pk}/"


def test_the_desk_page_answers_get_only(sam, book, client_for):
    client = client_for(sam)
    assert client.get(desk(book)).status_code == 200
    assert client.post(desk(book), {"copy-barcode": "INF-0002"}).status_code == 405
    assert book.copies.count() == 1


def test_every_form_on_the_desk_posts_to_its_own_address(sam, book, folder, loan, client_for):
    client = client_for(sam)
    book_page = client.get(desk(book)).content.decode()
    assert f'action="{desk(book)}copies/"' in book_page
    assert f'action="{desk(book)}loans/{loan.pk}/renew/"' in book_page
    assert f'formaction="{desk(book)}loans/{loan.pk}/return/"' in book_page
    services.add_copy(book, "INF-0002")
    assert f'action="{desk(book)}lend/"' in client.get(desk(book)).content.decode()
    folder_page = client.get(desk(folder)).content.decode()
    assert f'action="{desk(folder)}hand-out/"' in folder_page
    assert f'action="{desk(folder)}restock/"' in folder_page
    assert 'name="action"' not in book_page + folder_page


def test_a_lend_that_fails_shows_its_error_and_keeps_what_was_typed(sam, book, client_for):
    copy = book.copies.get()
    response = client_for(sam).post(f"{desk(book)}lend/", {"lend-copy": copy.pk, "lend-contact": "morgen"})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="morgen"' in page and 'aria-invalid="true"' in page
    assert not Loan.objects.exists()


def test_a_lend_says_until_when(sam, book, client_for):
    copy = book.copies.get()
    response = client_for(sam).post(
        f"{desk(book)}lend/", {"lend-copy": copy.pk, "lend-contact": "0470 12 34 56"}, follow=True
    )
    assert response.redirect_chain == [(desk(book), 302)]
    assert "Uitgeleend tot" in response.content.decode()


def test_a_count_that_fails_shows_its_error_in_its_own_form(sam, folder, client_for):
    response = client_for(sam).post(f"{desk(folder)}restock/", {"restock-count": "0"})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="restock-count"' in page and 'value="0"' in page and 'aria-invalid="true"' in page
    folder.refresh_from_db()
    assert folder.stock == 20


def test_a_volunteer_works_the_desk(vera, book, folder, client_for):
    client = client_for(vera)
    assert client.post(f"{desk(book)}copies/", {"copy-barcode": "INF-0002"}).status_code == 302
    assert client.post(f"{desk(folder)}hand-out/", {"hand_out-count": "2"}).status_code == 302
    assert book.copies.count() == 2


def test_a_funder_gets_403_from_every_desk_action(fons, book, folder, loan, client_for):
    client = client_for(fons)
    for url, data in [
        (f"{desk(book)}copies/", {"copy-barcode": "INF-0002"}),
        (f"{desk(book)}lend/", {"lend-copy": book.copies.get().pk, "lend-contact": "0470 12 34 56"}),
        (f"{desk(folder)}hand-out/", {"hand_out-count": "2"}),
        (f"{desk(folder)}restock/", {"restock-count": "2"}),
        (f"{desk(book)}loans/{loan.pk}/renew/", {}),
        (f"{desk(book)}loans/{loan.pk}/return/", {}),
    ]:
        assert client.post(url, data).status_code == 403, url
    loan.refresh_from_db()
    assert loan.renewals == 0 and loan.returned_on is None and book.copies.count() == 1


def test_another_organisations_title_or_loan_is_404(noor, book, folder, loan, client_for):
    client = client_for(noor)
    for url in [
        f"{desk(book, 'noord-limburg')}copies/",
        f"{desk(book, 'noord-limburg')}lend/",
        f"{desk(folder, 'noord-limburg')}hand-out/",
        f"{desk(folder, 'noord-limburg')}restock/",
        f"{desk(book, 'noord-limburg')}loans/{loan.pk}/renew/",
        f"{desk(book, 'noord-limburg')}loans/{loan.pk}/return/",
        f"{desk(book)}copies/",
    ]:
        assert (
            client.post(url, {"copy-barcode": "X", "hand_out-count": "1", "restock-count": "1"}).status_code
            == 404
        )
    loan.refresh_from_db()
    assert loan.renewals == 0 and loan.returned_on is None


def test_a_loan_of_another_title_is_404(sam, zuid, book, loan, client_for):
    other = services.create_resource(zuid, {"kind": "book", "title": "Grenzen stellen"})
    client = client_for(sam)
    assert client.post(f"{desk(other)}loans/{loan.pk}/renew/").status_code == 404
    assert client.post(f"{desk(other)}loans/{loan.pk}/return/").status_code == 404
    services.return_copy(loan)
    assert client.post(f"{desk(book)}loans/{loan.pk}/renew/").status_code == 404  # back: no longer open
