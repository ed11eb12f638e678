"""Ilse (coordinator) adds a word of her own to a theme on a 390 px phone without JavaScript, sees a
refused word come back with its error, removes her word, and lets the suggestions learn again; Sam
(staff) reads the same page. Each page passes axe and fits the phone."""

from playwright.sync_api import expect

from opvoedwijzer.suggestions.models import LearnedWeights, ThemeWord

PHONE = {"width": 390, "height": 844}
WORDS = "/o/zuid-limburg/suggestions/words/"


def fits(page, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def submit(page, selector):
    page.focus(selector)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_ilse_keeps_her_own_words_on_a_phone_and_sam_reads_them(ilse, sam, zuid, logged_in, check_a11y):
    page = logged_in(ilse, js=False)
    page.set_viewport_size(PHONE)
    page.goto(WORDS)
    fits(page, PHONE["width"])
    check_a11y(page, "suggestion-words-phone")

    page.select_option("#id_theme", "sleep")
    page.fill("#id_word", "dodo 2")
    submit(page, "#add button[type=submit]")
    expect(page.locator("#add .error-summary")).to_be_visible()
    expect(page.locator("#id_word")).to_have_value("dodo 2")
    fits(page, PHONE["width"])
    check_a11y(page, "suggestion-words-error-phone")

    page.fill("#id_word", "dodo")
    submit(page, "#add button[type=submit]")
    expect(page.locator("#theme-sleep .word-list")).to_contain_text("dodo")
    assert ThemeWord.objects.get().word == "dodo"
    page.locator("#theme-sleep details summary").click()
    fits(page, PHONE["width"])
    check_a11y(page, "suggestion-words-added-phone")

    submit(page, "#learning button[type=submit]")
    assert LearnedWeights.objects.get(organisation=zuid).trained_at is not None

    reader = logged_in(sam, js=False)
    reader.set_viewport_size(PHONE)
    reader.goto(WORDS)
    expect(reader.locator("#theme-sleep .word-list")).to_contain_text("dodo")
    expect(reader.locator("#add")).to_have_count(0)
    check_a11y(reader, "suggestion-words-staff-phone")

    submit(page, "#theme-sleep .word-list button[type=submit]")
    assert not ThemeWord.objects.exists()
