"""The public home page on a phone, in Dutch and, chosen at the foot of the page, in Arabic (RTL)."""

from playwright.sync_api import expect


def test_the_home_page_on_a_phone_in_dutch_and_in_arabic(zuid, new_page, check_a11y):
    page = new_page(js=False)
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/zuid-limburg/")
    assert page.evaluate("document.documentElement.dir") == ""
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    check_a11y(page, "public-home-nl")
    page.goto("/zuid-limburg/life-stages/teen/")
    check_a11y(page, "public-life-stage-nl")
    page.goto("/zuid-limburg/")

    with page.expect_navigation():
        page.click("footer a[hreflang=ar]")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    expect(page.locator("h1")).to_have_text("مساعدة في تربية طفلك")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    check_a11y(page, "public-home-ar")
    with page.expect_navigation():
        page.click("a[href$='/zuid-limburg/ask/']")
    expect(page.locator("#id_text")).to_be_visible()


def test_a_parent_on_a_phone_finds_a_book_about_puberty_and_reserves_it(zuid, new_page, check_a11y):
    from opvoedwijzer.library.services import add_copy, create_resource
    from opvoedwijzer.taxonomy.models import Theme

    book = create_resource(
        zuid,
        {
            "kind": "book",
            "title": "Help, mijn kind wordt groot",
            "description": "Over de tienerjaren.",
            "themes": [Theme.objects.get(organisation=zuid, code="puberty")],
            "published": True,
        },
    )
    add_copy(book, "INF-0001")
    page = new_page(js=False)
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/zuid-limburg/")
    with page.expect_navigation():
        page.click("a[href$='/zuid-limburg/library/']")
    page.fill("#id_q", "puberteit")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    check_a11y(page, "library-phone")
    with page.expect_navigation():
        page.click("text=Help, mijn kind wordt groot")
    check_a11y(page, "library-resource-phone")
    page.fill("#id_contact", "0470 12 34 56")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    expect(page.locator(".panel--success")).to_be_visible()
    check_a11y(page, "library-reserved-phone")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_staff_lend_a_copy_at_the_desk(zuid, sam, logged_in, check_a11y):
    from opvoedwijzer.library.services import add_copy, create_resource

    book = create_resource(zuid, {"kind": "book", "title": "Pubers in huis", "published": True})
    add_copy(book, "INF-0007")
    page = logged_in(sam, js=False)
    page.goto("/o/zuid-limburg/library/")
    check_a11y(page, "library-staff")
    page.click(f"a[href$='/library/{book.pk}/']")
    check_a11y(page, "library-desk")
    page.fill("#id_lend-contact", "0470 12 34 56")
    with page.expect_navigation():
        page.click("form[action$='/lend/'] button[type=submit]")
    expect(page.locator("main table")).to_contain_text("INF-0007")
    expect(page.locator(".error-message")).to_have_count(0)
    from opvoedwijzer.library.models import Loan

    assert Loan.objects.get().copy.barcode == "INF-0007"
    check_a11y(page, "library-desk-lent")
