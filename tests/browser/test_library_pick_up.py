"""A parent on a phone without JavaScript: from "/" to the library, sees the last copy taken, joins the
waiting list, reads where and when to pick up and cancels; then picks up an answer typing the code
without dashes (issue 15, item 5)."""

from playwright.sync_api import expect

from opvoedwijzer.library import services
from opvoedwijzer.library.models import Reservation
from opvoedwijzer.pages.models import PublicProfile

PHONE = {"width": 390, "height": 844}


def fits_a_phone(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], page.url


def submit(page, selector):
    with page.expect_navigation():
        page.click(selector)


def test_a_parent_joins_the_waiting_list_reads_the_pick_up_and_cancels(zuid, noord, new_page, check_a11y):
    PublicProfile.objects.create(
        organisation=zuid,
        address="Stationsstraat 1, 3800 Sint-Truiden",
        opening_hours="Woensdag 13–17 u\nZaterdag 10–12 u",
    )
    book = services.create_resource(
        zuid, {"kind": "book", "title": "Slapen zonder tranen", "published": True, "language": "nl"}
    )
    services.add_copy(book, "INF-1")
    services.reserve(book, "0470 11 11 11")  # someone else was first: the only copy is promised

    page = new_page(js=False)
    page.set_viewport_size(PHONE)
    page.goto("/")
    expect(page.locator("h1")).to_have_text("Hulp bij de opvoeding van je kind")
    expect(page.locator("main a[href='/accounts/login/']")).to_be_visible()
    check_a11y(page, "landing-phone")
    fits_a_phone(page)
    submit(page, "main a[href='/zuid-limburg/']")
    submit(page, "a[href$='/zuid-limburg/library/']")
    expect(page.locator("main")).to_contain_text("Ze zijn nu allemaal uitgeleend of gereserveerd.")
    check_a11y(page, "library-availability-phone")
    fits_a_phone(page)
    submit(page, "text=Slapen zonder tranen")
    expect(page.locator("main")).to_contain_text("kom je op de wachtlijst. Je bent dan nummer 1.")
    check_a11y(page, "library-waiting-list-phone")
    fits_a_phone(page)
    page.fill("#id_contact", "ouder@example.org")
    submit(page, "main form button:has-text('Zet me op de wachtlijst')")

    expect(page.locator(".panel--success")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Je bent nummer 1 op de wachtlijst.")
    expect(page.locator("main")).to_contain_text("Stationsstraat 1, 3800 Sint-Truiden")
    expect(page.locator("main")).to_contain_text("Zaterdag 10–12 u")
    check_a11y(page, "library-reservation-confirmed-phone")
    fits_a_phone(page)
    link = page.url.split("?")[0]
    assert "ouder@example.org" not in page.content()

    submit(page, "main form button:has-text('Mijn reservatie annuleren')")
    expect(page.locator(".panel--success")).to_contain_text("Je reservatie is geannuleerd.")
    check_a11y(page, "library-reservation-cancelled-phone")
    page.goto(link)
    expect(page.locator("main")).to_contain_text("Deze reservatie is afgelopen.")
    mine = Reservation.objects.order_by("id").last()
    assert mine.ended_on is not None and mine.contact == ""
    assert Reservation.objects.filter(ended_on__isnull=True).count() == 1  # the first one still waits


def test_a_parent_types_the_answer_code_without_dashes_on_a_phone(zuid, new_page, check_a11y):
    from opvoedwijzer.questions import services as questions

    question, secret = questions.ask_question(zuid, text="Hoe leer ik mijn zoon van 4 alleen slapen?")
    page = new_page(js=False)
    page.set_viewport_size(PHONE)
    page.goto("/zuid-limburg/answer/")
    page.fill("#id_code", question.code.replace("-", "").lower())
    page.fill("#id_secret", secret.replace("-", " ").lower())
    submit(page, "main form button[type=submit]")
    expect(page.locator("main")).to_contain_text("Hoe leer ik mijn zoon van 4 alleen slapen?")
    check_a11y(page, "answer-code-without-dashes-phone")
    fits_a_phone(page)
