"""The answer language follows the page: a parent on the French page is answered in French unless they
choose otherwise; staff see each question's language in the inbox, filter on it and answer with reply
templates in that language; the mail and the pick-up page speak the parent's language."""

import re

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from opvoedwijzer.questions import services
from opvoedwijzer.questions.models import Question, ReplyTemplate, default_answer_language

ASK = "/zuid-limburg/ask/"
ASK_API = "/api/v1/public/zuid-limburg/questions"
INBOX = "/o/zuid-limburg/questions/"
TEMPLATES = "/o/zuid-limburg/questions/templates/"
ANSWER = {
    "main_theme": "screen_time",
    "asker_role": "mother",
    "request_kind": "parenting",
    "offers": ["info"],
    "duration": "15to30",
}


def parent_on_the_page_in(language):
    """A parent's browser that chose `language` with the language links (a cookie, no account)."""
    parent = Client()
    parent.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return parent


def selected_language(page):
    select = re.search(r'<select name="language".*?</select>', page, re.S).group(0)
    return re.findall(r'<option value="(\w+)" selected>', select)


def asked(org, language, text="Hoe leg ik grenzen uit aan een kleuter?", **extra):
    return services.ask_question(org, text=text, language=language, **extra)[0]


def test_a_question_asked_on_the_french_page_is_answered_in_french_by_default(zuid):
    parent = parent_on_the_page_in("fr")
    page = parent.get(ASK).content.decode()
    assert '<html lang="fr"' in page
    assert selected_language(page) == ["fr"]
    parent.post(ASK, {"text": "Mon fils ne dort pas la nuit.", "language": "fr"})
    assert Question.objects.get().language == "fr"


def test_the_language_link_on_the_ask_page_sets_the_answer_language_too(zuid):
    page = Client().get(ASK, {"lang": "pl"}).content.decode()
    assert selected_language(page) == ["pl"]


def test_a_parent_who_chooses_another_answer_language_gets_that_one(zuid):
    parent = parent_on_the_page_in("fr")
    parent.post(ASK, {"text": "Mijn zoon slaapt slecht.", "language": "tr"})
    assert Question.objects.get().language == "tr"


def test_on_the_dutch_page_the_answer_is_in_dutch_by_default(zuid, client):
    assert selected_language(client.get(ASK).content.decode()) == ["nl"]


@pytest.mark.parametrize(
    ("page_language", "answer_language"),
    [("fr", "fr"), ("ar", "ar"), ("fr-be", "fr"), ("de", "de"), ("ja", "nl")],
    ids=["French", "Arabic", "Belgian French", "German, not on the site", "Japanese, no answers in it"],
)
def test_the_default_answer_language_is_the_page_language_when_an_answer_can_be_in_it(
    page_language, answer_language
):
    with translation.override(page_language):
        assert default_answer_language() == answer_language


def test_through_the_api_without_a_language_the_answer_is_in_the_request_language(zuid, client):
    body = {"text": "Mon fils ne dort pas."}
    response = client.post(ASK_API, body, content_type="application/json", headers={"accept-language": "fr"})
    assert response.status_code == 201
    assert Question.objects.get(code=response.json()["code"]).language == "fr"
    chosen = client.post(
        ASK_API, dict(body, language="pl"), content_type="application/json", headers={"accept-language": "fr"}
    )
    assert Question.objects.get(code=chosen.json()["code"]).language == "pl"
    plain = client.post(ASK_API, body, content_type="application/json")
    assert Question.objects.get(code=plain.json()["code"]).language == "nl"


def test_staff_see_the_language_of_each_question_in_the_inbox(zuid, sam, client_for):
    asked(zuid, "fr", "Mon fils ne dort pas la nuit.")
    asked(zuid, "ar", "ابني لا ينام في الليل.")
    page = client_for(sam).get(INBOX).content.decode()
    assert "<td>Frans</td>" in page and "<td>Arabisch</td>" in page
    assert 'lang="fr">Mon fils ne dort pas la nuit.</a>' in page  # read by a French voice
    assert 'lang="ar" dir="rtl">ابني لا ينام في الليل.</a>' in page


def test_staff_filter_the_inbox_on_a_language_and_the_tabs_keep_the_filter(zuid, sam, client_for):
    french = asked(zuid, "fr", "Mon fils ne dort pas la nuit.")
    asked(zuid, "tr", "Oğlum geceleri uyumuyor.")
    answered = asked(zuid, "fr", "Ma fille mange mal.")
    Question.objects.filter(pk=answered.pk).update(status="answered")
    page = client_for(sam).get(INBOX, {"language": "fr"}).content.decode()
    assert french.text in page and "Oğlum" not in page
    assert "Nieuw (1)" in page and "Beantwoord (1)" in page  # the counts of French questions
    assert 'href="?status=answered&amp;language=fr"' in page
    assert '<input type="hidden" name="status" value="new">' in page  # the filter keeps the tab
    answered_tab = client_for(sam).get(INBOX, {"status": "answered", "language": "fr"}).content.decode()
    assert answered.text in answered_tab and french.text not in answered_tab
    everything = client_for(sam).get(INBOX, {"language": ""}).content.decode()
    assert french.text in everything and "Oğlum" in everything


def test_a_language_that_does_not_exist_shows_all_questions_not_an_error(zuid, sam, client_for):
    asked(zuid, "fr", "Mon fils ne dort pas la nuit.")
    response = client_for(sam).get(INBOX, {"language": "klingon", "status": "nope"})
    assert response.status_code == 200 and "Mon fils" in response.content.decode()


def test_the_inbox_asks_the_database_as_often_for_one_question_as_for_twelve(
    zuid, sam, client_for, django_assert_num_queries
):
    staff = client_for(sam)
    services.assign_question(asked(zuid, "fr"), sam.user)

    def queries_of_the_inbox():
        staff.get(INBOX, {"status": "assigned", "language": "fr"})  # warm the caches
        with CaptureQueriesContext(connection) as captured:
            assert staff.get(INBOX, {"status": "assigned", "language": "fr"}).status_code == 200
        return len(captured)

    one = queries_of_the_inbox()
    for n in range(11):
        services.assign_question(asked(zuid, "fr", f"Vraag {n}", life_stage=None), sam.user)
    assert queries_of_the_inbox() == one
    # The session, the user, the membership, the menu's check, the counts per tab (one query) and the
    # questions with their life stage and who took them.
    with django_assert_num_queries(6):
        staff.get(INBOX, {"status": "assigned", "language": "fr"})


def test_staff_give_a_reply_template_a_language_and_see_it_in_the_list(zuid, sam, client_for):
    staff = client_for(sam)
    staff.post(TEMPLATES, {"title": "Slaap", "language": "tr", "text": "Uyku hakkında …"})
    template = ReplyTemplate.objects.get()
    assert template.language == "tr"
    page = staff.get(f"{TEMPLATES}{template.pk}/").content.decode()
    assert 'Slaap</a> <span class="muted">(Turks)</span>' in page
    assert re.search(r'<textarea[^>]*lang="tr"', page)  # edited with the right spelling and voice
    staff.post(f"{TEMPLATES}{template.pk}/", {"title": "Slaap", "language": "pl", "text": "O spaniu …"})
    template.refresh_from_db()
    assert (template.language, template.text) == ("pl", "O spaniu …")


def test_a_reply_template_in_an_unknown_language_is_a_field_error(zuid, sam, client_for):
    response = client_for(sam).post(TEMPLATES, {"title": "Slaap", "language": "xx", "text": "Over slaap"})
    assert response.status_code == 200 and not ReplyTemplate.objects.exists()
    page = response.content.decode()
    assert "error-summary" in page and 'href="#id_language"' in page and "Over slaap" in page


def test_answering_a_question_the_templates_in_its_language_come_first(zuid, sam, client_for):
    for title, language in [("Afsluiter", "nl"), ("Kapanış", "tr"), ("Conclusion", "fr"), ("Uyku", "tr")]:
        services.create_reply_template(zuid, {"title": title, "language": language, "text": title})
    question = asked(zuid, "tr", "Oğlum geceleri uyumuyor.")
    page = client_for(sam).get(f"{INBOX}{question.pk}/").content.decode()
    groups = re.findall(r'<optgroup label="([^"]+)">(.*?)</optgroup>', page)
    assert [label for label, _options in groups] == ["Turks", "Frans", "Nederlands"]
    assert re.findall(r">([^<]+)</option>", groups[0][1]) == ["Kapanış", "Uyku"]


@pytest.mark.parametrize(
    ("language", "attributes"),
    [("tr", 'lang="tr"'), ("ar", 'lang="ar" dir="rtl"')],
    ids=["Turkish", "Arabic, right to left"],
)
def test_the_answer_is_written_in_a_box_marked_with_the_question_language(
    zuid, sam, client_for, language, attributes
):
    question = asked(zuid, language, "…")
    page = client_for(sam).get(f"{INBOX}{question.pk}/").content.decode()
    textarea = re.search(r'<textarea name="answer"[^>]*>', page).group(0)
    assert attributes in textarea
    # An insert tool shows the page again: the box keeps its language.
    template = services.create_reply_template(zuid, {"title": "T", "language": language, "text": "…"})
    again = client_for(sam).post(f"{INBOX}{question.pk}/insert-template/", dict(ANSWER, template=template.pk))
    assert attributes in re.search(r'<textarea name="answer"[^>]*>', again.content.decode()).group(0)


def test_the_answer_mail_is_in_the_question_language_and_its_link_opens_the_page_in_it(
    zuid, sam, client_for, mailoutbox, django_capture_on_commit_callbacks
):
    parent = parent_on_the_page_in("fr")
    parent.post(ASK, {"text": "Mon fils ne dort pas.", "language": "fr", "email": "parent@example.org"})
    question = Question.objects.get()
    assert question.notify_email and "parent@example.org" not in question.notify_email  # encrypted
    with django_capture_on_commit_callbacks(execute=True):
        client_for(sam).post(f"{INBOX}{question.pk}/", dict(ANSWER, answer="Essayez un rituel du soir."))
    mail = mailoutbox[0]
    assert re.search(r"/zuid-limburg/answer/\?lang=fr\s", mail.body)
    assert "Votre réponse est prête." in mail.body  # the French catalogue
    assert "Je antwoord" not in mail.body + mail.subject


def test_an_answer_in_a_language_the_site_does_not_speak_is_announced_in_the_fallback_language(
    zuid, sam, client_for, mailoutbox, django_capture_on_commit_callbacks
):
    question = asked(zuid, "ro", "…", email="parent@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        client_for(sam).post(f"{INBOX}{question.pk}/", dict(ANSWER, answer="Încercați un ritual de seară."))
    mail = mailoutbox[0]
    assert "Your answer is ready." in mail.body  # English, the parents' fallback
    assert re.search(r"/zuid-limburg/answer/\?lang=en\s", mail.body)


def test_the_parent_picks_up_the_answer_on_a_page_in_the_question_language(zuid, sam, client_for):
    question, secret = services.ask_question(zuid, text="Oğlum geceleri uyumuyor.", language="tr")
    client_for(sam).post(f"{INBOX}{question.pk}/", dict(ANSWER, answer="Akşam rutini deneyin."))
    parent = Client()  # on the Dutch page, as the cookie says nothing
    response = parent.post("/zuid-limburg/answer/", {"code": question.code, "secret": secret})
    page = response.content.decode()
    assert '<html lang="tr"' in page and response.headers["Content-Language"] == "tr"
    with translation.override("tr"):
        assert translation.gettext("Our answer") in page
    assert '<div class="prewrap answer" lang="tr" dir="ltr">Akşam rutini deneyin.</div>' in page


def test_a_question_in_arabic_is_picked_up_on_a_right_to_left_page(zuid, sam, client_for):
    question, secret = services.ask_question(zuid, text="ابني لا ينام.", language="ar")
    page = Client().post("/zuid-limburg/answer/", {"code": question.code, "secret": secret}).content.decode()
    assert re.search(r'<html lang="ar" dir="rtl"', page)
    assert '<blockquote class="prewrap" lang="ar" dir="rtl">ابني لا ينام.</blockquote>' in page


def test_a_parent_who_chose_a_language_picks_up_the_answer_on_a_page_in_that_language(zuid, sam, client_for):
    question, secret = services.ask_question(zuid, text="Mijn zoon slaapt slecht.", language="nl")
    client_for(sam).post(f"{INBOX}{question.pk}/", dict(ANSWER, answer="Probeer een vast slaapritueel."))
    parent = parent_on_the_page_in("fr")  # asked for a Dutch answer, reads the site in French
    page = parent.post("/zuid-limburg/answer/", {"code": question.code, "secret": secret}).content.decode()
    assert '<html lang="fr"' in page
    assert '<div class="prewrap answer" lang="nl" dir="ltr">Probeer een vast slaapritueel.</div>' in page
