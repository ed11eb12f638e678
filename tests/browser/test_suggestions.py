"""Suggestions from a text's own words in a real browser (issue 20): staff answering a web question accept
the suggested themes and insert a suggested folder and service, one click each (with and without
JavaScript); a registration note's words offer themes to click; a parent typing a question sees what may
already help. Each page: axe, and a 390 px phone without sideways scrolling."""

import re

import pytest
from playwright.sync_api import expect

from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.library import services as library
from opvoedwijzer.questions import services as questions
from opvoedwijzer.questions.models import Question
from opvoedwijzer.taxonomy.models import Theme
from tests.mapdata import make_social_map

TANTRUMS_AT_BEDTIME = (
    "Mijn zoon van 3 krijgt elke avond driftbuien als hij moet gaan slapen en wordt 's nachts vaak wakker."
)
PHONE = {"width": 390, "height": 844}


@pytest.fixture(autouse=True)
def _a_named_limit(settings):
    """The public suggestions' hourly limit as settings.py names it (the value there may differ)."""
    settings.RATE_LIMITS = {"ask_suggestions": 120, **settings.RATE_LIMITS}


@pytest.fixture
def sleep_folder(zuid):
    return library.create_resource(
        zuid,
        {
            "kind": "folder",
            "title": "Slapen, hoe doe je dat?",
            "language": "nl",
            "audience": "parents",
            "published": True,
            "themes": list(Theme.objects.filter(organisation=zuid, code="sleep")),
            "description": "Over 's nachts wakker worden en slapen gaan zonder strijd.",
        },
    )


@pytest.fixture
def social_map(zuid):
    return make_social_map(zuid)


@pytest.fixture
def question(zuid):
    return questions.ask_question(zuid, text=TANTRUMS_AT_BEDTIME)[0]


def fits_a_phone(page):
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def suggestion(page, name, value):
    return page.locator(f"#suggestions button[name={name}][value='{value}']")


def click_and_wait(page, locator):
    with page.expect_navigation():
        locator.click()


def assert_answered_with_both_themes_and_links(question, sleep_folder):
    question.refresh_from_db()
    assert question.status == "answered"
    assert [t.code for t in question.contact.themes_in_order()] == ["sleep", "tantrums"]
    assert f"/zuid-limburg/library/{sleep_folder.pk}/" in question.answer
    assert "Consultatiebureau (Kind en Gezin)" in question.answer


def test_answering_staff_accept_two_themes_and_insert_a_folder_and_a_service_one_click_each(
    question, sleep_folder, social_map, sam, logged_in, check_a11y
):
    page = logged_in(sam)
    page.goto(f"/o/zuid-limburg/questions/{question.pk}/")
    check_a11y(page, "suggestions-answer")
    page.fill("#id_answer", "Dat is heel vermoeiend, voor jullie allebei.")

    # With JavaScript a theme is chosen in place: the first as the main theme, the next as another.
    address = page.url
    suggestion(page, "theme", "sleep").click()
    expect(page.locator("#id_main_theme")).to_have_value("sleep")
    expect(suggestion(page, "theme", "sleep")).to_have_attribute("aria-pressed", "true")
    suggestion(page, "theme", "tantrums").click()
    expect(page.locator("input[name=themes][value=tantrums]")).to_be_checked()
    expect(page.locator("#id_main_theme")).to_have_value("sleep")
    expect(page.locator("#suggestions [data-suggest-status]")).not_to_be_empty()
    assert page.url == address  # nothing posted
    check_a11y(page, "suggestions-answer-themes-chosen")

    click_and_wait(page, suggestion(page, "resource", sleep_folder.pk))
    click_and_wait(page, suggestion(page, "service", social_map["kg"].pk))
    answer = page.locator("#id_answer").input_value()
    assert answer.startswith("Dat is heel vermoeiend, voor jullie allebei.\n\nSlapen, hoe doe je dat?")
    assert answer.endswith("Consultatiebureau (Kind en Gezin)")
    # The themes chosen in place went along with each insert and came back chosen.
    expect(page.locator("#id_main_theme")).to_have_value("sleep")
    expect(page.locator("input[name=themes][value=tantrums]")).to_be_checked()
    expect(suggestion(page, "theme", "tantrums")).to_have_attribute("aria-pressed", "true")
    page.select_option("#id_asker_role", "mother")
    check_a11y(page, "suggestions-answer-inserted")
    fits_a_phone(page)
    check_a11y(page, "suggestions-answer-phone")

    with page.expect_navigation():
        page.click("#send-answer")
    assert_answered_with_both_themes_and_links(question, sleep_folder)


def test_without_javascript_each_suggestion_is_a_button_that_comes_back_with_what_was_typed(
    question, sleep_folder, social_map, sam, logged_in, check_a11y
):
    page = logged_in(sam, js=False)
    page.goto(f"/o/zuid-limburg/questions/{question.pk}/")
    page.fill("#id_answer", "Dat is heel vermoeiend.")
    page.select_option("#id_asker_role", "mother")
    click_and_wait(page, suggestion(page, "theme", "sleep"))
    expect(page.locator("#id_main_theme")).to_have_value("sleep")
    click_and_wait(page, suggestion(page, "theme", "tantrums"))
    expect(page.locator("input[name=themes][value=tantrums]")).to_be_checked()
    click_and_wait(page, suggestion(page, "life_stage", "preschool"))
    expect(page.locator("input[name=life_stages][value=preschool]")).to_be_checked()
    click_and_wait(page, suggestion(page, "resource", sleep_folder.pk))
    click_and_wait(page, suggestion(page, "service", social_map["kg"].pk))
    expect(page.locator("#id_answer")).to_have_value(re.compile(r"^Dat is heel vermoeiend\.\n\nSlapen, hoe"))
    expect(page.locator("#id_asker_role")).to_have_value("mother")
    expect(suggestion(page, "theme", "sleep")).to_have_attribute("aria-pressed", "true")
    check_a11y(page, "suggestions-answer-nojs")
    fits_a_phone(page)

    with page.expect_navigation():
        page.click("#send-answer")
    assert_answered_with_both_themes_and_links(question, sleep_folder)
    assert [s.code for s in question.contact.life_stages.all()] == ["preschool"]


def test_a_registration_notes_words_offer_themes_to_click(zuid, sam, logged_in, check_a11y):
    page = logged_in(sam)
    page.goto("/o/zuid-limburg/contacts/new/")
    page.select_option("#id_asker_role", "mother")
    page.select_option("#id_municipality", "71053")
    page.check("input[name=offers][value=info]")
    page.click("details.more summary")
    page.locator("#id_note").press_sequentially(
        "Elke avond driftbuien als hij moet gaan slapen, 's nachts wakker"
    )
    chips = page.locator(".suggest-themes")
    expect(chips.locator("button[value=sleep]")).to_be_visible()
    expect(chips).to_have_attribute("aria-live", "polite")
    expect(page.locator("#id_note")).to_be_focused()  # the suggestions do not take the cursor
    chips.locator("button[value=sleep]").click()
    expect(page.locator("#id_main_theme")).to_have_value("sleep")
    expect(chips.locator("button[value=sleep]")).to_have_attribute("aria-pressed", "true")
    chips.locator("button[value=tantrums]").press("Enter")  # by keyboard too
    expect(page.locator("input[name=themes][value=tantrums]")).to_be_checked()
    check_a11y(page, "suggestions-register-note")
    fits_a_phone(page)
    check_a11y(page, "suggestions-register-note-phone")
    with page.expect_navigation():
        page.locator("#contact-form button[type=submit]").first.click()
    contact = Contact.objects.get()
    assert [t.code for t in contact.themes_in_order()] == ["sleep", "tantrums"]
    assert contact.note.startswith("Elke avond driftbuien")


def test_a_parent_typing_a_question_sees_what_may_already_help(
    zuid, sleep_folder, social_map, new_page, check_a11y
):
    page = new_page()
    page.set_viewport_size(PHONE)
    page.goto("/zuid-limburg/ask/")
    page.locator("#id_text").press_sequentially(TANTRUMS_AT_BEDTIME)
    block = page.locator("[data-suggest-items]")
    expect(block.locator(f"a[href='/zuid-limburg/library/{sleep_folder.pk}/']")).to_be_visible()
    expect(block.locator(f"a[href='/zuid-limburg/map/{social_map['kg'].uuid}/']")).to_be_visible()
    expect(block.locator("button")).to_have_count(0)  # no themes for parents
    expect(page.locator("#id_text")).to_be_focused()
    check_a11y(page, "suggestions-ask-phone")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    page.goto("/zuid-limburg/ask/?lang=ar")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    page.locator("#id_text").press_sequentially(TANTRUMS_AT_BEDTIME)
    expect(block.locator(f"a[href='/zuid-limburg/library/{sleep_folder.pk}/']")).to_be_visible()
    check_a11y(page, "suggestions-ask-phone-ar")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert not Question.objects.exists()  # typing sends nothing that is kept


def test_without_javascript_a_parent_sees_it_after_asking(
    zuid, sleep_folder, social_map, new_page, check_a11y
):
    page = new_page(js=False)
    page.set_viewport_size(PHONE)
    page.goto("/zuid-limburg/ask/")
    page.fill("#id_text", TANTRUMS_AT_BEDTIME)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    block = page.locator(".maybe-helps")
    expect(block.locator(f"a[href='/zuid-limburg/library/{sleep_folder.pk}/']")).to_be_visible()
    expect(block.locator(f"a[href='/zuid-limburg/map/{social_map['kg'].uuid}/']")).to_be_visible()
    check_a11y(page, "suggestions-asked-phone-nojs")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_trajectorys_request_offers_themes_to_click_beside_a_main_theme_already_chosen(
    zuid, sam, logged_in, check_a11y
):
    page = logged_in(sam)
    page.goto("/o/zuid-limburg/trajectories/new/")
    page.select_option("#id_main_theme", "bullying")
    page.locator("#id_request").press_sequentially("Onze zoon wordt gepest en slaapt daardoor slecht.")
    chips = page.locator(".suggest-themes")
    chips.locator("button[value=sleep]").click()
    expect(page.locator("#id_main_theme")).to_have_value("bullying")  # the main theme stays
    expect(page.locator("input[name=themes][value=sleep]")).to_be_checked()
    expect(chips.locator("button[value=bullying]")).to_have_attribute("aria-pressed", "true")
    check_a11y(page, "suggestions-trajectory-request")
