"""Anonymous web questions in a real browser: a parent on a phone asks, staff answer, the parent reads."""

import pytest
from playwright.sync_api import expect

from opvoedwijzer.questions.models import Question


@pytest.mark.parametrize("js", [True, False], ids=["with-js", "without-js"])
def test_a_parent_on_a_phone_asks_and_later_reads_the_answer(zuid, sam, new_page, logged_in, check_a11y, js):
    tag = "js" if js else "nojs"
    page = new_page(js=js)
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/zuid-limburg/ask/")
    check_a11y(page, f"ask-phone-{tag}")
    page.fill("#id_text", "Mijn dochter Lotte van 14 zit de hele avond op haar gsm. Hoe maak ik afspraken?")
    page.select_option("#id_life_stage", "teen")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    question = Question.objects.get()
    expect(page.locator("main")).to_contain_text(question.code)
    expect(page.locator("blockquote")).not_to_contain_text("Lotte")
    check_a11y(page, f"asked-phone-{tag}")
    secret = page.locator(".pick-up dd").nth(1).inner_text().strip()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    staff = logged_in(sam)
    staff.goto("/o/zuid-limburg/questions/")
    check_a11y(staff, f"questions-inbox-{tag}")
    staff.click(f"a[href$='/questions/{question.pk}/']")
    staff.fill("#id_answer", "Maak samen afspraken over schermtijd, en leg ze op papier.")
    staff.select_option("#id_main_theme", "screen_time")
    check_a11y(staff, f"question-answer-{tag}")
    with staff.expect_navigation():
        staff.click("#send-answer")
    question.refresh_from_db()
    assert question.status == "answered"

    page.goto("/zuid-limburg/answer/")
    page.fill("#id_code", question.code)
    page.fill("#id_secret", secret)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    expect(page.locator(".answer")).to_contain_text("afspraken over schermtijd")
    check_a11y(page, f"answer-phone-{tag}")
    # And writes back, from the same page.
    page.fill("#id_text", "Dank je, dat helpt.")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    expect(page.locator("main")).to_contain_text("Dank je, dat helpt.")
    check_a11y(page, f"answer-replied-phone-{tag}")
    question.refresh_from_db()
    assert question.status == "assigned"
