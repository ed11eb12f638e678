"""A Turkish-speaking parent on a phone without JavaScript asks on the Turkish page and gets the code;
staff see "Turks" in the inbox, filter on it and answer with a Turkish reply template; the parent opens
the mail's link on another phone and reads the answer on a Turkish page (issue 19, item 3)."""

import re
from urllib.parse import urlsplit

from django.core import mail
from django.utils import translation
from playwright.sync_api import expect

from opvoedwijzer.questions import services
from opvoedwijzer.questions.models import Question

PHONE = {"width": 390, "height": 844}
TURKISH_TEMPLATE = "Merhaba, sorunuz için teşekkürler. Akşamları sabit bir uyku saati deneyin."


def in_turkish(msgid):
    with translation.override("tr"):
        return translation.gettext(msgid)


def fits_a_phone(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], page.url


def submit(page, selector):
    with page.expect_navigation():
        page.click(selector)


def test_a_turkish_parent_asks_staff_answer_in_turkish_and_the_parent_reads_it_in_turkish(
    zuid, sam, new_page, logged_in, check_a11y
):
    services.create_reply_template(zuid, {"title": "Afsluiter", "language": "nl", "text": "Groeten."})
    turkish = services.create_reply_template(
        zuid, {"title": "Uyku", "language": "tr", "text": TURKISH_TEMPLATE}
    )

    parent = new_page(js=False)
    parent.set_viewport_size(PHONE)
    parent.goto("/zuid-limburg/ask/?lang=tr")
    expect(parent.locator("html")).to_have_attribute("lang", "tr")
    expect(parent.locator("h1")).to_have_text(in_turkish("Ask a question"))
    expect(parent.locator("#id_language")).to_have_value("tr")  # the answer follows the page
    check_a11y(parent, "question-languages-ask-tr-phone")
    fits_a_phone(parent)
    parent.fill("#id_text", "Oğlum 4 yaşında ve geceleri uyumuyor. Ne yapabilirim?")
    parent.fill("#id_email", "ebeveyn@example.org")
    submit(parent, "main form button[type=submit]")
    question = Question.objects.get()
    assert question.language == "tr"
    expect(parent.locator(".pick-up")).to_contain_text(question.code)
    secret = parent.locator(".pick-up dd").nth(1).inner_text().strip()
    check_a11y(parent, "question-languages-asked-tr-phone")
    fits_a_phone(parent)

    staff = logged_in(sam, js=False)
    staff.goto("/o/zuid-limburg/questions/")
    row = staff.locator("tbody tr", has_text="Oğlum")
    expect(row).to_contain_text("Turks")
    expect(row.locator("a")).to_have_attribute("lang", "tr")
    staff.select_option("#id_language", "tr")
    submit(staff, "main form[method=get] button[type=submit]")
    assert "language=tr" in staff.url
    expect(staff.locator("tbody tr")).to_have_count(1)
    check_a11y(staff, "question-languages-inbox-filtered")
    submit(staff, f"a[href$='/questions/{question.pk}/']")
    expect(staff.locator("#id_answer")).to_have_attribute("lang", "tr")
    expect(staff.locator("#id_template optgroup").first).to_have_attribute("label", "Turks")
    expect(staff.locator("#id_template")).to_have_value(str(turkish.pk))  # chosen first
    staff.select_option("#id_main_theme", "sleep")
    submit(staff, "button[formaction$='/insert-template/']")
    expect(staff.locator("#id_answer")).to_have_value(TURKISH_TEMPLATE)
    expect(staff.locator("#id_main_theme")).to_have_value("sleep")  # what was chosen is kept
    check_a11y(staff, "question-languages-answer-tr")
    submit(staff, "#send-answer")
    question.refresh_from_db()
    assert question.status == "answered"

    staff.goto(f"/o/zuid-limburg/questions/templates/{turkish.pk}/")
    expect(staff.locator("#id_language")).to_have_value("tr")
    expect(staff.locator("#id_text")).to_have_attribute("lang", "tr")
    check_a11y(staff, "question-languages-template-tr")

    (sent,) = mail.outbox
    assert sent.to == ["ebeveyn@example.org"] and in_turkish("Your answer is ready.") in sent.body
    link = re.search(r"https?://\S+", sent.body).group(0)
    assert link.endswith("/zuid-limburg/answer/?lang=tr")

    later = new_page(js=False)  # another phone, no cookie: the link says the language
    later.set_viewport_size(PHONE)
    address = urlsplit(link)
    later.goto(f"{address.path}?{address.query}")
    expect(later.locator("html")).to_have_attribute("lang", "tr")
    later.fill("#id_code", question.code)
    later.fill("#id_secret", secret)
    submit(later, "main form button[type=submit]")
    expect(later.locator("html")).to_have_attribute("lang", "tr")
    expect(later.locator("main")).to_contain_text(in_turkish("Our answer"))
    expect(later.locator(".answer")).to_have_text(TURKISH_TEMPLATE)
    expect(later.locator(".answer")).to_have_attribute("lang", "tr")
    check_a11y(later, "question-languages-answer-tr-phone")
    fits_a_phone(later)


def test_an_arabic_question_reads_right_to_left_in_the_inbox_and_on_the_parents_phone(
    zuid, sam, new_page, logged_in, check_a11y
):
    question, secret = services.ask_question(zuid, text="ابني عمره 4 سنوات ولا ينام في الليل.", language="ar")
    staff = logged_in(sam, js=False)
    staff.goto("/o/zuid-limburg/questions/")
    link = staff.locator(f"a[href$='/questions/{question.pk}/']")
    expect(link).to_have_attribute("dir", "rtl")
    expect(staff.locator("tbody tr")).to_contain_text("Arabisch")
    check_a11y(staff, "question-languages-inbox-arabic")
    submit(staff, f"a[href$='/questions/{question.pk}/']")
    expect(staff.locator("#id_answer")).to_have_attribute("dir", "rtl")
    staff.fill("#id_answer", "جرّبوا موعدًا ثابتًا للنوم كل مساء.")
    staff.select_option("#id_main_theme", "sleep")
    check_a11y(staff, "question-languages-answer-arabic")
    submit(staff, "#send-answer")

    parent = new_page(js=False)  # the Dutch page: the answer's page is Arabic all the same
    parent.set_viewport_size(PHONE)
    parent.goto("/zuid-limburg/answer/")
    parent.fill("#id_code", question.code)
    parent.fill("#id_secret", secret)
    submit(parent, "main form button[type=submit]")
    expect(parent.locator("html")).to_have_attribute("dir", "rtl")
    expect(parent.locator(".answer")).to_have_text("جرّبوا موعدًا ثابتًا للنوم كل مساء.")
    check_a11y(parent, "question-languages-answer-arabic-phone")
    fits_a_phone(parent)
