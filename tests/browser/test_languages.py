"""A parent finds her language on a 390 px phone without JavaScript (issue 19, item 4): the languages are
links at the top and the bottom of every public page, each named in itself; the choice stays from page to
page; a page part of which is not translated yet says so (item 1)."""

from playwright.sync_api import expect

from tests.i18n.test_fallback import only_dutch_catalogues  # noqa: F401 (a fixture)

PHONE = {"width": 390, "height": 844}


def fits(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def language(page):
    return page.evaluate("[document.documentElement.lang, document.documentElement.dir]")


def test_a_parent_picks_arabic_at_the_bottom_and_french_at_the_top(zuid, new_page, check_a11y):
    page = new_page(js=False)
    page.set_viewport_size(PHONE)
    page.goto("/zuid-limburg/")
    expect(page.locator("header a[hreflang=ar]")).to_have_text("العربية")
    expect(page.locator("footer a[hreflang=pl]")).to_have_text("Polski")

    with page.expect_navigation():
        page.click("footer a[hreflang=ar]")
    assert language(page) == ["ar", "rtl"]
    expect(page.locator("footer a[hreflang=ar]")).to_have_attribute("aria-current", "true")
    fits(page)
    check_a11y(page, "languages-home-ar")

    with page.expect_navigation():
        page.click("main a[href$='/zuid-limburg/agenda/']")
    assert language(page) == ["ar", "rtl"]  # the choice stays, without ?lang= in the address
    assert "lang=" not in page.url
    fits(page)
    check_a11y(page, "languages-agenda-ar")

    with page.expect_navigation():
        page.click("header a[hreflang=fr]")
    assert language(page) == ["fr", ""]
    expect(page.locator("header a[aria-current=true]")).to_have_text("Français")
    fits(page)
    check_a11y(page, "languages-agenda-fr")


def test_a_french_page_says_what_is_still_in_english(zuid, new_page, check_a11y, only_dutch_catalogues):  # noqa: F811
    page = new_page(js=False)
    page.set_viewport_size(PHONE)
    page.goto("/zuid-limburg/?lang=fr")
    notice = page.locator(".language-notice")
    expect(notice).to_contain_text(
        "Part of this page is not translated into Français yet; it is shown in English."
    )
    assert language(page) == ["fr", ""]
    fits(page)
    check_a11y(page, "languages-fallback-notice")


def test_a_parent_whose_link_expired_reads_it_in_arabic_on_her_phone(
    zuid, new_page, check_a11y, expect_failed_load
):
    page = new_page(js=False)
    page.set_viewport_size(PHONE)
    page.goto("/zuid-limburg/")
    with page.expect_navigation():
        page.click("footer a[hreflang=ar]")

    response = page.goto(expect_failed_load("/zuid-limburg/library/reservation/no-such-token/"))

    assert response.status == 404
    assert language(page) == ["ar", "rtl"]
    expect(page.locator("h1")).to_have_text("لم نجد الصفحة")
    expect(page.locator("footer a[hreflang=ar]")).to_have_attribute("aria-current", "true")
    fits(page)
    check_a11y(page, "not-found-ar")
