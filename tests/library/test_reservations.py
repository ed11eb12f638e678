"""Availability on the public library, the waiting list, the confirmation with where and when to pick
up, and the cancel link (issue 15, item 5)."""

import re

import pytest
from django.utils import translation

from opvoedwijzer.library import services
from opvoedwijzer.library.models import Reservation
from opvoedwijzer.pages.models import PublicProfile


@pytest.fixture
def sleep_book(zuid):
    return services.create_resource(
        zuid, {"kind": "book", "title": "Slapen zonder tranen", "published": True, "language": "nl"}
    )


def reserve(client, book, contact):
    return client.post(f"/zuid-limburg/library/{book.pk}/", {"contact": contact}, follow=True)


def test_a_book_without_copies_takes_no_reservation(zuid, sleep_book, client):
    page = client.get(f"/zuid-limburg/library/{sleep_book.pk}/").content.decode()
    assert "We hebben er nog geen om uit te lenen." in page and 'name="contact"' not in page
    for n in range(5):
        reserve(client, sleep_book, f"ouder{n}@example.org")
    assert not Reservation.objects.exists()


def test_a_parent_sees_the_free_copies_then_joins_a_visible_waiting_list(zuid, sleep_book, client):
    services.add_copy(sleep_book, "INF-1")
    services.add_copy(sleep_book, "INF-2")
    book = f"/zuid-limburg/library/{sleep_book.pk}/"
    assert "Je kan er nu 2 lenen." in client.get(book).content.decode()
    assert "Je kan er nu 2 lenen." in client.get("/zuid-limburg/library/").content.decode()
    first = reserve(client, sleep_book, "0470 11 11 11").content.decode()
    assert "We leggen er een voor je opzij." in first
    assert "Je kan er nu 1 lenen." in client.get(book).content.decode()
    reserve(client, sleep_book, "0470 22 22 22")
    full = client.get(book).content.decode()
    assert (
        "Ze zijn nu allemaal uitgeleend of gereserveerd." in full
        and "0 mensen staan op de wachtlijst." in full
    )
    assert "kom je op de wachtlijst. Je bent dan nummer 1." in full and "Zet me op de wachtlijst" in full
    third = reserve(client, sleep_book, "0470 33 33 33").content.decode()
    assert "Je bent nummer 1 op de wachtlijst." in third
    fourth = reserve(client, sleep_book, "0470 44 44 44").content.decode()
    assert "Je bent nummer 2 op de wachtlijst." in fourth
    listing = client.get("/zuid-limburg/library/").content.decode()
    assert "2 mensen staan op de wachtlijst." in listing
    assert Reservation.objects.count() == 4


def test_staff_see_the_waiting_list_in_order(zuid, sam, sleep_book, client, client_for):
    services.add_copy(sleep_book, "INF-1")
    for contact in ["0470 11 11 11", "0470 22 22 22", "0470 33 33 33"]:
        reserve(client, sleep_book, contact)
    desk = client_for(sam).get("/o/zuid-limburg/library/").content.decode()
    assert desk.index("0470 11 11 11") < desk.index("0470 22 22 22") < desk.index("0470 33 33 33")


def test_the_confirmation_says_where_and_when_to_pick_up_and_the_parent_cancels(zuid, sleep_book, client):
    PublicProfile.objects.create(
        organisation=zuid, address="Stationsstraat 1, 3800 Sint-Truiden", opening_hours="Woensdag 13–17 u"
    )
    services.add_copy(sleep_book, "INF-1")
    response = reserve(client, sleep_book, "ouder@example.org")
    page = response.content.decode()
    assert "Stationsstraat 1, 3800 Sint-Truiden" in page and "Woensdag 13–17 u" in page
    assert "ouder@example.org" not in page
    link = response.redirect_chain[-1][0].split("?")[0]
    assert re.fullmatch(r"/zuid-limburg/library/reservation/[^/]+/", link)
    cancelled = client.post(link).content.decode()
    assert "Je reservatie is geannuleerd." in cancelled
    reservation = Reservation.objects.get()
    assert reservation.ended_on is not None and reservation.contact == ""
    assert "Deze reservatie is afgelopen." in client.get(link).content.decode()
    assert "Je kan er nu 1 lenen." in client.get(f"/zuid-limburg/library/{sleep_book.pk}/").content.decode()


def test_a_cancel_link_works_only_for_its_own_organisation_and_cannot_be_guessed(
    zuid, noord, sleep_book, client
):
    services.add_copy(sleep_book, "INF-1")
    link = reserve(client, sleep_book, "ouder@example.org").redirect_chain[-1][0].split("?")[0]
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert client.post(f"/noord-limburg/library/reservation/{token}/").status_code == 404
    assert client.post(f"/zuid-limburg/library/reservation/{token[:-1]}x/").status_code == 404
    assert client.post("/zuid-limburg/library/reservation/1/").status_code == 404
    assert Reservation.objects.get().ended_on is None


@pytest.mark.parametrize("language", ["nl", "fr", "ar", "tr", "pl"])
def test_the_parent_facing_library_text_is_translated(language):
    with translation.override(language):
        for text in [
            "All copies are out or reserved.",
            "Join the waiting list",
            "Where and when to pick it up",
            "Cancel my reservation",
            "Too many reservations from this connection in the last hour. Try again later.",
            "Help with raising your child",
            "Log in for staff",
        ]:
            assert translation.gettext(text) != text, (language, text)


def test_the_rate_limit_message_is_in_the_page_language(zuid, sleep_book, client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "reserve": 2}
    services.add_copy(sleep_book, "INF-1")
    for n in range(2):
        reserve(client, sleep_book, f"0470 00 00 {n:02}")
    page = reserve(client, sleep_book, "0470 00 00 99").content.decode()
    assert "Er kwamen het voorbije uur te veel reservaties van deze verbinding." in page
    assert "Too many reservations" not in page and Reservation.objects.count() == 2


def test_the_public_list_counts_availability_in_the_same_queries_for_3_or_30_books(
    zuid, client, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def add_books(n):
        for i in range(n):
            book = services.create_resource(
                zuid, {"kind": "book", "title": f"Boek {i:02}", "published": True}
            )
            services.add_copy(book, f"INF-{i}")
            services.reserve(book, "ouder@example.org")

    add_books(3)
    with CaptureQueriesContext(connection) as few:
        assert "0 mensen staan op de wachtlijst." in client.get("/zuid-limburg/library/").content.decode()
    add_books(27)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/zuid-limburg/library/")


def done(staff, reservation, **data):
    return staff.post(f"/o/zuid-limburg/library/reservations/{reservation.pk}/done/", data, follow=True)


def test_staff_record_whether_a_reservation_was_picked_up_or_cancelled(
    zuid, sam, sleep_book, client, client_for
):
    services.add_copy(sleep_book, "INF-1")
    services.add_copy(sleep_book, "INF-2")
    reserve(client, sleep_book, "0470 11 11 11")
    reserve(client, sleep_book, "0470 22 22 22")
    first, second = Reservation.objects.order_by("pk")
    staff = client_for(sam)

    page = done(staff, first, ended_as="picked_up").content.decode()
    assert "Slapen zonder tranen: opgehaald. Het telefoonnummer of e-mailadres is gewist." in page
    done(staff, second, ended_as="cancelled")

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.ended_as, second.ended_as) == ("picked_up", "cancelled")
    assert first.contact == second.contact == ""


def test_staff_who_do_not_say_how_it_ended_are_asked_and_nothing_changes(
    zuid, sam, sleep_book, client, client_for
):
    services.add_copy(sleep_book, "INF-1")
    reserve(client, sleep_book, "0470 11 11 11")
    reservation = Reservation.objects.get()
    page = done(client_for(sam), reservation, ended_as="lost").content.decode()
    assert "Zeg of de reservatie opgehaald of geannuleerd is." in page
    reservation.refresh_from_db()
    assert reservation.ended_on is None and reservation.contact != ""


def test_a_cancel_link_and_a_loan_record_how_the_reservation_ended(zuid, sleep_book, client):
    copy = services.add_copy(sleep_book, "INF-1")
    services.add_copy(sleep_book, "INF-2")
    link = reserve(client, sleep_book, "0470 11 11 11").redirect_chain[-1][0].split("?")[0]
    reserve(client, sleep_book, "0470 22 22 22")
    client.post(link)
    services.lend_copy(copy, "0470 22 22 22")
    assert list(Reservation.objects.order_by("pk").values_list("ended_as", flat=True)) == [
        "cancelled",
        "picked_up",
    ]


def test_a_parent_who_reserves_with_an_e_mail_address_gets_the_link_in_her_language(
    zuid, sleep_book, client, mailoutbox, django_capture_on_commit_callbacks
):
    services.add_copy(sleep_book, "INF-1")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/zuid-limburg/library/{sleep_book.pk}/",
            {"contact": "maman@example.org"},
            headers={"accept-language": "fr"},
            follow=True,
        )
    (mail,) = mailoutbox
    assert mail.to == ["maman@example.org"]
    assert mail.subject == "Votre réservation chez Opvoedingswinkel Zuid-Limburg"
    assert "Vous avez réservé «\u00a0Slapen zonder tranen\u00a0»." in mail.body  # no-break spaces
    # The mail holds one link, to the same reservation as the page she was sent to (the two are signed
    # a moment apart, so their time stamps may differ), and it is the parent's own: it cancels.
    (link,) = re.findall(r"https?://\S+/zuid-limburg/library/reservation/([^/\s]+)/", mail.body)
    shown = response.redirect_chain[-1][0].split("/reservation/")[1].split("/")[0]
    reservation = Reservation.objects.get()
    assert services.find_reservation(zuid, link) == services.find_reservation(zuid, shown) == reservation
    page = client.get(f"/zuid-limburg/library/reservation/{link}/", headers={"accept-language": "fr"})
    assert "annul" in page.content.decode().lower()


def test_a_reservation_with_a_phone_number_sends_no_mail(
    zuid, sleep_book, client, mailoutbox, django_capture_on_commit_callbacks
):
    services.add_copy(sleep_book, "INF-1")
    with django_capture_on_commit_callbacks(execute=True):
        reserve(client, sleep_book, "0470 11 11 11")
    assert mailoutbox == []
