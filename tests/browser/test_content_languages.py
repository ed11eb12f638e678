"""The organisation's own texts in the parents' languages: a coordinator writes the home text in Polish
beside the Dutch on a phone, without JavaScript; a Polish parent reads it; a Turkish parent reads the
Dutch, marked as Dutch, with a note."""

from playwright.sync_api import expect

from opvoedwijzer.pages.models import PublicProfile
from tests.factories import make_activity

DUTCH = "Heb je een vraag over opvoeden? Groot of klein, je kunt bij ons terecht."
POLISH = "Masz pytanie o wychowanie? Duże czy małe, możesz do nas przyjść."
PHONE = {"width": 390, "height": 844}


def fits_the_phone(page):
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_coordinator_writes_the_home_text_in_polish_and_a_polish_parent_reads_it(
    zuid, ilse, logged_in, new_page, check_a11y
):
    page = logged_in(ilse, js=False)
    page.set_viewport_size(PHONE)
    page.goto("/o/zuid-limburg/public-site/")
    page.fill("#id_intro", DUTCH)
    polish = page.locator("details:has(#id_intro__pl)")
    expect(page.locator("#id_intro__pl")).to_be_hidden()  # folded until opened
    polish.locator("summary").click()
    expect(page.locator("#id_intro__pl")).to_have_attribute("lang", "pl")
    page.fill("#id_intro__pl", POLISH)
    page.fill("#id_email", "geen adres")  # a mistake: everything typed comes back
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("#id_intro__pl")).to_have_value(POLISH)
    assert fits_the_phone(page)
    check_a11y(page, "content-languages-staff-error")
    page.fill("#id_email", "info@example.org")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert PublicProfile.objects.get().translations == {"pl": {"intro": POLISH}}
    page.goto("/o/zuid-limburg/public-site/")
    expect(page.locator("details:has(#id_intro__pl)")).to_have_attribute("open", "")
    check_a11y(page, "content-languages-staff")

    parent = new_page(js=False)
    parent.set_viewport_size(PHONE)
    parent.goto("/zuid-limburg/")
    with parent.expect_navigation():
        parent.click("footer a[hreflang=pl]")
    expect(parent.locator("main .lead")).to_have_text(POLISH)
    expect(parent.locator(".translation-note")).to_have_count(0)
    assert fits_the_phone(parent)
    check_a11y(parent, "content-languages-home-pl")

    with parent.expect_navigation():
        parent.click("footer a[hreflang=tr]")
    expect(parent.locator("main .lead")).to_have_text(DUTCH)
    expect(parent.locator("main .lead")).to_have_attribute("lang", "nl")
    expect(parent.locator(".translation-note")).to_be_visible()
    assert fits_the_phone(parent)
    check_a11y(parent, "content-languages-home-tr")


def test_an_arabic_parent_reads_an_activity_kept_in_dutch_left_to_right(zuid, new_page, check_a11y):
    course = make_activity(zuid, description="Vier avonden over de tienerjaren, met tijd voor je vragen.")
    page = new_page(js=False)
    page.set_viewport_size(PHONE)
    page.goto(f"/zuid-limburg/agenda/{course.pk}/?lang=ar")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    expect(page.locator("h1")).to_have_attribute("dir", "ltr")
    expect(page.locator(".translation-note")).to_be_visible()
    assert fits_the_phone(page)
    check_a11y(page, "content-languages-activity-ar")


def test_a_french_parent_finds_a_book_in_french_and_one_kept_in_dutch(zuid, new_page, check_a11y):
    from opvoedwijzer.library.services import add_copy, create_resource

    french = {"title": "Dormir sans se disputer", "description": "Le rythme de sommeil des bébés."}
    book = create_resource(
        zuid,
        {"kind": "book", "title": "Slapen zonder strijd", "published": True, "translations": {"fr": french}},
    )
    add_copy(book, "INF-1")
    create_resource(zuid, {"kind": "folder", "title": "Huilen bij baby's", "published": True})
    page = new_page(js=False)
    page.set_viewport_size(PHONE)
    page.goto("/zuid-limburg/library/?lang=fr")
    expect(page.locator("main h2 a[lang=nl]")).to_have_text("Huilen bij baby's")
    assert fits_the_phone(page)
    check_a11y(page, "content-languages-library-fr")
    with page.expect_navigation():
        page.click(f"text={french['title']}")
    expect(page.locator("h1")).to_have_text(french["title"])
    assert fits_the_phone(page)
    check_a11y(page, "content-languages-book-fr")
