"""Anonymous web questions: a parent asks without an account, the name is gone from what is kept,
staff answer, the parent reads the answer with the code and the secret."""

import datetime

import pytest

from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.questions.models import Question, add_working_days

ASK = "/api/v1/public/zuid-limburg/questions"


def ask(client, **payload):
    payload.setdefault("text", "Mijn dochter Lotte (14) wil niet meer naar school. Bel me op 0470 12 34 56.")
    return client.post(ASK, payload, content_type="application/json")


def read(client, code, secret):
    return client.get(f"/api/v1/public/questions/{code}", headers={"x-question-secret": secret})


def test_a_parent_asks_through_the_api_and_the_name_is_gone_from_what_is_kept(zuid, client):
    response = ask(client, life_stage="teen", language="nl")
    assert response.status_code == 201
    body = response.json()
    question = Question.objects.get(code=body["code"])
    assert "Lotte" not in question.text and "0470" not in question.text
    assert question.life_stage.code == "teen" and question.status == "new"
    assert question.due_on == add_working_days(question.asked_on, 3)
    assert body["secret"] not in question.secret_hash  # only a hash is kept

    answer = read(client, body["code"], body["secret"])
    assert answer.status_code == 200
    assert answer.json() == {"status": "new", "text": question.text, "answer": None}


def test_a_wrong_secret_or_code_is_404_and_says_nothing_more(zuid, client):
    body = ask(client).json()
    assert read(client, body["code"], "FOUT-FOUT").status_code == 404
    assert read(client, "AAA-AAA-AAA", body["secret"]).status_code == 404
    assert read(client, body["code"], "").status_code == 404


def test_bad_input_is_a_4xx_with_field_errors(zuid, client):
    assert ask(client, text="").status_code == 422
    response = ask(client, language="xx")  # a fixed list: the schema's enum refuses it
    assert response.status_code == 422
    assert {e["loc"][-1] for e in response.json()["detail"]} == {"language"}
    response = ask(client, life_stage="adult", municipality="11002")  # the organisation's codes
    assert response.status_code == 422
    assert {e["loc"][-1] for e in response.json()["detail"]} == {"life_stage", "municipality"}
    assert (
        client.post(
            "/api/v1/public/nergens/questions", {"text": "x"}, content_type="application/json"
        ).status_code
        == 404
    )


def test_too_many_questions_from_one_address_are_refused(zuid, client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "ask": 2}
    assert [ask(client).status_code for _ in range(3)] == [201, 201, 429]
    assert Question.objects.count() == 2


def test_staff_answer_and_the_parent_reads_it_the_next_day(zuid, sam, client, client_for):
    body = ask(client, life_stage="teen").json()
    question = Question.objects.get(code=body["code"])
    staff = client_for(sam)
    assert body["code"] not in staff.get("/o/zuid-limburg/questions/").content.decode()  # text, not codes
    assert question.text[:20] in staff.get("/o/zuid-limburg/questions/").content.decode()
    response = staff.post(
        f"/o/zuid-limburg/questions/{question.pk}/",
        {
            "answer": "Dat is niet makkelijk. Praat eerst met de school.",
            "main_theme": "school_transition",
            "asker_role": "mother",
            "request_kind": "parenting",
            "offers": ["info"],
            "duration": "15to30",
        },
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == "answered"
    contact = Contact.objects.get()
    assert contact == question.contact and contact.channel.code == "web_question"
    assert contact.area == "unknown" and [s.code for s in contact.life_stages.all()] == ["teen"]

    client.logout()
    result = read(client, body["code"], body["secret"]).json()
    assert result["status"] == "answered" and result["answer"].startswith("Dat is niet makkelijk")
    question.refresh_from_db()
    assert question.answer_read_on is not None


def test_the_public_form_shows_the_question_as_kept_and_the_code(zuid, client):
    response = client.post(
        "/zuid-limburg/ask/", {"text": "Mijn zoon Jonas slaapt slecht.", "life_stage": "", "language": "nl"}
    )
    page = response.content.decode()
    question = Question.objects.get()
    assert question.code in page and "Jonas" not in question.text and "Jonas" not in page
    assert question.text in page


def test_the_honeypot_keeps_nothing(zuid, client):
    client.post(
        "/zuid-limburg/ask/", {"text": "Koop nu!", "language": "nl", "website": "http://spam.example"}
    )
    assert not Question.objects.exists()


def test_the_public_pick_up_page_reads_the_answer_with_code_and_secret(zuid, client):
    body = ask(client).json()
    page = client.post("/zuid-limburg/answer/", {"code": body["code"].lower(), "secret": body["secret"]})
    assert "Lotte" not in page.content.decode() and Question.objects.get().text in page.content.decode()
    wrong = client.post("/zuid-limburg/answer/", {"code": body["code"], "secret": "NOPE-NOPE"})
    assert wrong.status_code == 200 and Question.objects.get().text not in wrong.content.decode()


@pytest.mark.parametrize(
    "typed",
    [
        lambda code, secret: (code.replace("-", ""), secret.replace("-", "")),
        lambda code, secret: (code.replace("-", " ").lower(), secret.replace("-", " ").lower()),
        lambda code, secret: (f"  {code.lower()} ", f" {secret.lower()}"),
        lambda code, secret: (code.replace("-", " - "), secret),
    ],
    ids=["without dashes", "spaces and lower case", "padded", "spaced dashes"],
)
def test_a_parent_picks_up_the_answer_however_the_code_is_typed(zuid, client, typed):
    body = ask(client).json()
    code, secret = typed(body["code"], body["secret"])
    page = client.post("/zuid-limburg/answer/", {"code": code, "secret": secret}).content.decode()
    assert Question.objects.get().text in page


def test_a_code_with_one_character_wrong_is_still_refused(zuid, client):
    body = ask(client).json()
    wrong = body["code"].replace("-", "")[:-1] + ("A" if body["code"][-1] != "A" else "C")
    page = client.post("/zuid-limburg/answer/", {"code": wrong, "secret": body["secret"]}).content.decode()
    assert Question.objects.get().text not in page


def test_working_days_skip_the_weekend():
    friday = datetime.date(2026, 11, 27)
    assert add_working_days(friday, 3) == datetime.date(2026, 12, 2)


def test_volunteers_and_funders_do_not_see_the_inbox(vera, fons, client_for):
    assert client_for(vera).get("/o/zuid-limburg/questions/").status_code == 403
    assert client_for(fons).get("/o/zuid-limburg/questions/").status_code == 403


ANSWER = {
    "answer": "Maak samen afspraken over schermtijd.",
    "main_theme": "screen_time",
    "asker_role": "mother",
    "request_kind": "parenting",
    "offers": ["info"],
    "duration": "15to30",
}


def test_an_email_address_is_kept_encrypted_and_gone_once_the_answer_mail_is_sent(
    zuid, sam, client, client_for, mailoutbox, django_capture_on_commit_callbacks
):
    body = ask(client, email="ouder@example.org").json()
    question = Question.objects.get()
    assert question.notify_email and "ouder@example.org" not in question.notify_email
    assert question.email_purge_on == question.asked_on + datetime.timedelta(days=30)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(sam).post(f"/o/zuid-limburg/questions/{question.pk}/", ANSWER)
    assert [m.to for m in mailoutbox] == [["ouder@example.org"]]
    mail = mailoutbox[0]
    assert "/zuid-limburg/answer/" in mail.body
    for secret_thing in (body["code"], body["secret"], "schermtijd", "Lotte"):
        assert secret_thing not in mail.body + mail.subject
    question.refresh_from_db()
    assert (question.notify_email, question.email_purge_on) == ("", None)


def test_an_unsent_email_address_is_purged_after_thirty_days(zuid, client):
    from opvoedwijzer.retention.run import purge_expired

    ask(client, email="ouder@example.org")
    Question.objects.update(email_purge_on=datetime.date.today() - datetime.timedelta(days=1))
    assert purge_expired()["question e-mail addresses removed"] == 1
    assert Question.objects.get().notify_email == ""


def test_a_bad_email_address_is_a_field_error(zuid, client):
    response = ask(client, email="geen-adres")
    assert response.status_code == 422 and response.json()["detail"][0]["loc"][-1] == "email"


def test_staff_insert_a_template_and_a_service_from_the_map_into_the_answer(zuid, sam, client, client_for):
    from opvoedwijzer.questions.models import ReplyTemplate
    from tests.mapdata import make_social_map

    social_map = make_social_map(zuid)
    ask(client, life_stage="primary", text="Mijn zoon wordt gepest op school.")
    question = Question.objects.get()
    ReplyTemplate.objects.create(
        organisation=zuid, title="Afsluiter", text="Met vriendelijke groet, de opvoedingswinkel."
    )
    staff = client_for(sam)
    url = f"/o/zuid-limburg/questions/{question.pk}/"
    typed = dict(ANSWER, answer="Wat vervelend.", main_theme="bullying")
    found = staff.post(f"{url}find-service/", dict(typed, service_q="pesten")).content.decode()
    assert "Aanpak van pesten op school" in found and "Wat vervelend." in found  # what was typed is kept
    page = staff.post(f"{url}insert-service/", dict(typed, service=social_map["clb"].pk)).content.decode()
    assert "Wat vervelend.\n\nAanpak van pesten op school (Vrij CLB Limburg) – 011 70 12 34" in page
    template = ReplyTemplate.objects.get()
    page = staff.post(f"{url}insert-template/", dict(typed, template=template.pk)).content.decode()
    assert "Wat vervelend.\n\nMet vriendelijke groet" in page
    assert "error-summary" not in page  # an insert is not a submit
    # Each button posts to its own address; the answer itself still goes to the question's page.
    assert f'action="{url}"' in page and f'formaction="{url}insert-template/"' in page
    assert staff.get(f"{url}insert-template/").status_code == 405
    question.refresh_from_db()
    assert question.status == "new"  # nothing sent yet


def test_staff_keep_reply_templates(zuid, sam, client_for):
    from opvoedwijzer.questions.models import ReplyTemplate

    staff = client_for(sam)
    staff.post(
        "/o/zuid-limburg/questions/templates/",
        {"title": "Openingsuren", "language": "nl", "text": "We zijn open op ..."},
    )
    template = ReplyTemplate.objects.get()
    staff.post(
        f"/o/zuid-limburg/questions/templates/{template.pk}/",
        {"title": "Uren", "language": "nl", "text": "ma-vr"},
    )
    template.refresh_from_db()
    assert (template.title, template.text) == ("Uren", "ma-vr")


def test_the_parent_writes_back_and_the_question_opens_again(zuid, sam, client, client_for):
    body = ask(client).json()
    question = Question.objects.get()
    client_for(sam).post(f"/o/zuid-limburg/questions/{question.pk}/", ANSWER)
    client.logout()
    page = client.post(
        "/zuid-limburg/answer/", {"code": body["code"], "secret": body["secret"]}
    ).content.decode()
    assert "Maak samen afspraken" in page and 'name="text"' in page
    reply = {"code": body["code"], "secret": body["secret"], "text": "Dank je! En als Lotte boos wordt?"}
    page = client.post("/zuid-limburg/answer/", reply).content.decode()
    question.refresh_from_db()
    assert question.status == "assigned"  # back in the inbox of whoever answered
    parent_says = question.messages.get(from_parent=True).text
    assert "Lotte" not in parent_says and "[" in parent_says and parent_says in page
    forged = dict(reply, secret="FOUT-FOUT")
    client.post("/zuid-limburg/answer/", forged)
    assert question.messages.filter(from_parent=True).count() == 1


def test_staff_insert_a_library_item_into_the_answer(zuid, sam, client, client_for):
    from opvoedwijzer.library.services import create_resource

    book = create_resource(zuid, {"kind": "book", "title": "Pubers in huis", "published": True})
    ask(client)
    question = Question.objects.get()
    url = f"/o/zuid-limburg/questions/{question.pk}/"
    staff = client_for(sam)
    typed = dict(ANSWER, answer="Lees eens:")
    assert (
        "Pubers in huis"
        in staff.post(f"{url}find-resource/", dict(typed, resource_q="pubers")).content.decode()
    )
    page = staff.post(f"{url}insert-resource/", dict(typed, resource=book.pk)).content.decode()
    assert f"Lees eens:\n\nPubers in huis – http://testserver/zuid-limburg/library/{book.pk}/" in page


def test_a_name_in_a_reply_template_is_caught_by_the_pii_guard(zuid, sam, client_for):
    from opvoedwijzer.questions.models import ReplyTemplate

    response = client_for(sam).post(
        "/o/zuid-limburg/questions/templates/",
        {"title": "Groet", "language": "nl", "text": "Groetjes, Marieke Peeters, 0470 11 22 33"},
    )
    assert response.status_code == 200 and not ReplyTemplate.objects.exists()
