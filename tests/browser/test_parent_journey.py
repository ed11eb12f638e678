"""The "done when" of issue 19: a French-, Arabic-, Turkish- or Polish-speaking parent uses the whole public
side (read, ask, read the answer, sign up, reserve, evaluate) in their language, on a 390 px phone without
JavaScript, and axe stays at 0.

The parent starts at /zuid-limburg/?lang=<language> and from there clicks links and fills forms; only the
evaluation is opened by its address (on paper it is a QR code, in the activity's language). Every page is
checked the same way: the page's language (and direction), no sideways scrolling at 390 px, no axe
violation, and none of the Dutch interface text that tests/i18n/test_public_translations.py looks for.
"""

import datetime
from dataclasses import dataclass

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from opvoedwijzer.activities.models import Evaluation, SignUp
from opvoedwijzer.core.language import with_lang
from opvoedwijzer.library import services as library
from opvoedwijzer.library.models import Reservation
from opvoedwijzer.questions import services as questions
from opvoedwijzer.questions.models import Question
from tests.factories import contact_data, make_activity
from tests.i18n.test_public_translations import dutch_interface_phrases, visible_text

PHONE = {"width": 390, "height": 844}
HOME = "/zuid-limburg/"

# What the parent writes, and the organisation's own texts, in each language.
TEXTS = {
    "fr": {
        "question": "Mon fils de 4 ans ne dort pas la nuit. Que puis-je faire ?",
        "answer": "Essayez une heure de coucher fixe, chaque soir à la même heure.",
        "course": "Les ados à la maison",
        "evening": "Soirée des parents",
        "book": "Dormir sans larmes",
        "comment": "Une soirée très utile, merci.",
    },
    "ar": {
        "question": "ابني عمره 4 سنوات ولا ينام في الليل. ماذا أفعل؟",
        "answer": "جرّبوا موعدًا ثابتًا للنوم كل مساء.",
        "course": "المراهقون في البيت",
        "evening": "أمسية الآباء",
        "book": "النوم بدون دموع",
        "comment": "أمسية مفيدة جدًا، شكرًا.",
    },
    "tr": {
        "question": "Oğlum 4 yaşında ve geceleri uyumuyor. Ne yapabilirim?",
        "answer": "Her akşam aynı saatte sabit bir uyku saati deneyin.",
        "course": "Evde ergenler",
        "evening": "Ebeveyn akşamı",
        "book": "Gözyaşı olmadan uyku",
        "comment": "Çok faydalı bir akşamdı, teşekkürler.",
    },
    "pl": {
        "question": "Mój syn ma 4 lata i nie śpi w nocy. Co mogę zrobić?",
        "answer": "Proszę spróbować stałej pory snu, codziennie o tej samej godzinie.",
        "course": "Nastolatki w domu",
        "evening": "Wieczór dla rodziców",
        "book": "Sen bez łez",
        "comment": "Bardzo pożyteczny wieczór, dziękuję.",
    },
}


@dataclass
class Parent:
    """A parent's phone, in one language, and the check every page gets."""

    page: Page
    language: str
    check_a11y: object
    dutch_phrases: set
    pages_seen: int = 0

    @property
    def texts(self):
        return TEXTS[self.language]

    def sees_a_good_page(self, step):
        """In the parent's language (right to left for Arabic), fits 390 px, 0 axe violations, no Dutch
        interface text in what can be seen."""
        page = self.page
        lang, direction = page.evaluate("[document.documentElement.lang, document.documentElement.dir]")
        assert lang == self.language, f"{step}: <html lang={lang!r}> ({page.url})"
        assert direction == ("rtl" if self.language == "ar" else ""), f"{step}: dir={direction!r}"
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{step}: {width} px wide ({page.url})"
        self.check_a11y(page, f"journey-{self.language}-{step}")
        text = visible_text(page.content())
        dutch = sorted(p for p in self.dutch_phrases if p in text)
        assert not dutch, f"{step}: Dutch interface text on the {self.language} page {page.url}: {dutch}"
        self.pages_seen += 1

    def follows(self, selector):
        with self.page.expect_navigation():
            self.page.click(selector)

    def goes_home(self):
        self.follows("header a.site-header__brand")


# -- what the organisation has ready -------------------------------------------------------------------


def an_activity_with_a_future_session(zuid, language):
    texts = TEXTS[language]
    return make_activity(
        zuid,
        title="Pubers in huis",
        capacity=10,
        description="Vier avonden over pubers.",
        translations={language: {"title": texts["course"]}},
    )


def a_session_that_took_place_yesterday(zuid, language):
    evening = make_activity(
        zuid,
        title="Ouderavond",
        first=timezone.localdate() - datetime.timedelta(days=1),
        sessions=1,
        language=language,
        translations={language: {"title": TEXTS[language]["evening"]}},
    )
    return evening.sessions.get()


def a_book_with_a_copy_on_the_shelf(zuid, language):
    book = library.create_resource(
        zuid,
        {
            "kind": "book",
            "title": "Slapen zonder tranen",
            "published": True,
            "language": "nl",
            "translations": {language: {"title": TEXTS[language]["book"]}},
        },
    )
    library.add_copy(book, "INF-0001")
    return book


def staff_answer_the_question(question, member, text):
    questions.answer_question(
        question,
        member,
        answer=text,
        contact_data=contact_data(question.organisation, channel="web_question"),
    )


# -- what the parent does ------------------------------------------------------------------------------


def the_parent_reads_the_home_page_and_a_life_stage(parent):
    page = parent.page
    page.goto(f"{HOME}?lang={parent.language}")
    expect(page.locator(f"header a[hreflang={parent.language}]")).to_have_attribute("aria-current", "true")
    parent.sees_a_good_page("home")
    stage = page.locator("main .stage-list a").first
    name = stage.inner_text().strip()
    with page.expect_navigation():
        stage.click()
    expect(page.locator("h1")).to_have_text(name)
    parent.sees_a_good_page("life-stage")
    assert "lang=" not in page.url  # the choice is remembered, not carried in the address


def the_parent_asks_a_question_and_notes_the_code_and_secret(parent):
    page = parent.page
    parent.follows(f"main a[href$='{HOME}ask/']")  # the life-stage page's "Ask a question"
    expect(page.locator("#id_language")).to_have_value(parent.language)
    parent.sees_a_good_page("ask")
    page.fill("#id_text", parent.texts["question"])
    parent.follows("main form button[type=submit]")
    code = page.locator(".pick-up dd").nth(0).inner_text().strip()
    secret = page.locator(".pick-up dd").nth(1).inner_text().strip()
    question = Question.objects.get(code=code)
    assert question.language == parent.language and question.text == parent.texts["question"]
    parent.sees_a_good_page("asked")
    return code, secret


def the_parent_picks_up_the_answer(parent, code, secret):
    page = parent.page
    parent.follows(f"main a[href$='{HOME}answer/']")  # "Read the answer later", on the page of the code
    parent.sees_a_good_page("pick-up")
    page.fill("#id_code", code)
    page.fill("#id_secret", secret)
    parent.follows("main form button[type=submit]")
    expect(page.locator(".answer")).to_have_text(parent.texts["answer"])
    expect(page.locator("main blockquote")).to_have_text(parent.texts["question"])
    parent.sees_a_good_page("answer")


def the_parent_signs_up_for_the_course_in_the_agenda(parent, course):
    page = parent.page
    parent.goes_home()
    parent.follows(f"main a[href$='{HOME}agenda/']")
    parent.sees_a_good_page("agenda")
    parent.follows(f"main a[href$='/agenda/{course.pk}/']")
    expect(page.locator("h1")).to_have_text(parent.texts["course"])
    parent.sees_a_good_page("activity")
    page.fill("#id_name", "Amina")
    page.fill("#id_people", "2")
    parent.follows("main form button[type=submit]")
    expect(page.locator(".panel--success")).to_be_visible()
    assert "/signup/" in page.url
    signup = SignUp.objects.get(activity=course)
    assert (signup.name, signup.people, signup.status) == ("Amina", 2, "confirmed")
    assert signup.language == parent.language  # the messages to her will be in her language
    parent.sees_a_good_page("signed-up")


def the_parent_reserves_the_book_in_the_library(parent, book):
    page = parent.page
    parent.goes_home()
    parent.follows(f"main a[href$='{HOME}library/']")
    parent.sees_a_good_page("library")
    parent.follows(f"main a[href$='/library/{book.pk}/']")
    expect(page.locator("h1")).to_have_text(parent.texts["book"])
    expect(page.locator(".availability--free")).to_be_visible()
    parent.sees_a_good_page("library-item")
    page.fill("#id_contact", "0470 12 34 56")
    parent.follows("main form[method=post] button[type=submit]")
    expect(page.locator(".panel--success")).to_be_visible()
    assert "/library/reservation/" in page.url
    assert Reservation.objects.get(resource=book).ended_on is None
    parent.sees_a_good_page("reserved")


def the_parent_scans_the_evaluation_code_and_evaluates(parent, session):
    page = parent.page
    # The QR code's link (activities/views.py, evaluation_link): in the activity's language.
    path = reverse("public_evaluate", kwargs={"slug": "zuid-limburg", "code": session.evaluation_code})
    page.goto(with_lang(path, session.activity.language))
    parent.sees_a_good_page("evaluate")
    page.check("#id_overall_4")
    page.check("#id_useful_3")
    page.check("#id_atmosphere_4")
    page.fill("#id_comment", parent.texts["comment"])
    parent.follows("main form button[type=submit]")
    expect(page.locator(".panel--success")).to_be_visible()
    stored = Evaluation.objects.get(session=session)
    assert (stored.overall, stored.useful, stored.atmosphere) == (5, 4, 5)
    parent.sees_a_good_page("evaluated")


@pytest.mark.parametrize("language", ["fr", "ar", "tr", "pl"])
def test_a_parent_uses_the_whole_public_side_in_their_language_on_a_phone_without_javascript(
    language, zuid, sam, new_page, check_a11y
):
    course = an_activity_with_a_future_session(zuid, language)
    past_session = a_session_that_took_place_yesterday(zuid, language)
    book = a_book_with_a_copy_on_the_shelf(zuid, language)
    page = new_page(js=False)
    page.set_viewport_size(PHONE)
    phrases = dutch_interface_phrases(language)
    assert phrases, "no Dutch phrases to look for: is the nl catalogue there?"
    parent = Parent(page, language, check_a11y, phrases)

    the_parent_reads_the_home_page_and_a_life_stage(parent)
    code, secret = the_parent_asks_a_question_and_notes_the_code_and_secret(parent)
    staff_answer_the_question(Question.objects.get(code=code), sam, TEXTS[language]["answer"])
    the_parent_picks_up_the_answer(parent, code, secret)
    the_parent_signs_up_for_the_course_in_the_agenda(parent, course)
    the_parent_reserves_the_book_in_the_library(parent, book)
    the_parent_scans_the_evaluation_code_and_evaluates(parent, past_session)

    assert parent.pages_seen == 14
