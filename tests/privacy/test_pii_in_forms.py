"""The contact note goes through the PII guard: caught before it is saved."""

import pytest
from django import forms
from django.db import transaction

from opvoedwijzer.contacts.forms import ContactForm
from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.contacts.services import register_contact
from opvoedwijzer.core.services import create_api_token
from opvoedwijzer.privacy.forms import RedactPublicTextMixin
from opvoedwijzer.privacy.models import AuditAction, AuditEvent
from tests.api.test_api import body as api_body
from tests.contacts.test_register import form_data as contact_form

URL = "/o/zuid-limburg/contacts/new/"
NOTE = "mama van Lotte belt terug op 0470 12 34 56"


@pytest.fixture
def form_data(today):
    return contact_form(date=today.isoformat(), note=NOTE)


def test_a_note_with_a_name_or_number_is_caught_before_it_is_saved(sam, client_for, form_data):
    response = client_for(sam).post(URL, form_data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "«Lotte»" in page and "«0470 12 34 56»" in page
    assert 'name="note_pii_redact"' in page and 'name="note_pii_reason"' in page
    assert NOTE in page, "what was typed is kept"
    assert not Contact.objects.exists()


def test_one_tick_replaces_the_findings_by_placeholders(sam, client_for, form_data):
    response = client_for(sam).post(URL, dict(form_data, note_pii_redact="1"))
    assert response.status_code == 302
    assert Contact.objects.get().note == "mama van [naam] belt terug op [telefoon]"


def test_staff_may_confirm_with_a_reason_which_is_audited_without_the_note(sam, client_for, form_data):
    response = client_for(sam).post(URL, dict(form_data, note_pii_reason="naam van een pop"))
    assert response.status_code == 302
    assert Contact.objects.get().note == NOTE
    event = AuditEvent.objects.get(action=AuditAction.PII_CONFIRMED)
    assert event.actor == sam.user and event.organisation == sam.organisation
    assert event.detail["kinds"] == ["person_name", "phone"]
    assert "Lotte" not in str(event.detail) and "0470" not in str(event.detail)


def test_a_confirmed_note_writes_no_audit_row_while_another_field_fails(sam, client_for, form_data):
    response = client_for(sam).post(URL, dict(form_data, note_pii_reason="naam van een pop", date=""))
    assert response.status_code == 200, "the form is shown again, with the date's error"
    assert not Contact.objects.exists()
    assert not AuditEvent.objects.filter(action=AuditAction.PII_CONFIRMED).exists()


def test_a_confirmed_note_saved_writes_exactly_one_audit_row(sam, client_for, form_data):
    response = client_for(sam).post(URL, dict(form_data, note_pii_reason="naam van een pop"))
    assert response.status_code == 302
    assert AuditEvent.objects.filter(action=AuditAction.PII_CONFIRMED).count() == 1


def test_the_form_only_collects_what_was_confirmed_and_the_write_records_it(sam, form_data):
    form = ContactForm(sam.organisation, dict(form_data, note_pii_reason="naam van een pop"), user=sam.user)
    assert form.is_valid()
    assert not AuditEvent.objects.exists(), "validating writes nothing"
    [confirmed] = form.pii_confirmations
    assert confirmed.actor == sam.user and confirmed.field == "note"
    assert confirmed.kinds == ["person_name", "phone"] and "Lotte" not in str(confirmed)
    register_contact(sam, form.cleaned_data, pii_confirmations=form.pii_confirmations)
    event = AuditEvent.objects.get(action=AuditAction.PII_CONFIRMED)
    assert event.actor == sam.user and event.organisation == sam.organisation
    assert event.detail == {
        "form": "ContactForm",
        "field": "note",
        "kinds": ["person_name", "phone"],
        "reason": "naam van een pop",
    }


class WriteFailed(Exception):
    pass


def test_a_write_that_rolls_back_takes_its_audit_row_with_it(sam, form_data):
    form = ContactForm(sam.organisation, dict(form_data, note_pii_reason="naam van een pop"), user=sam.user)
    assert form.is_valid()
    with pytest.raises(WriteFailed), transaction.atomic():
        register_contact(sam, form.cleaned_data, pii_confirmations=form.pii_confirmations)
        raise WriteFailed
    assert not Contact.objects.exists()
    assert not AuditEvent.objects.exists()


def test_the_api_records_a_confirmed_note_only_when_the_contact_is_stored(sam, client, today):
    _token, raw = create_api_token(sam.user)
    headers = {"Authorization": f"Bearer {raw}"}
    body = api_body(date=today.isoformat(), note=NOTE, note_pii_reason="geen echte naam")
    unknown_theme = dict(body, themes=["nosuchtheme"])
    response = client.post(
        "/api/v1/contacts", unknown_theme, content_type="application/json", headers=headers
    )
    assert response.status_code == 422 and response.json()["detail"][0]["loc"] == ["body", "themes"]
    assert not AuditEvent.objects.filter(action=AuditAction.PII_CONFIRMED).exists()
    response = client.post("/api/v1/contacts", body, content_type="application/json", headers=headers)
    assert response.status_code == 201
    event = AuditEvent.objects.get(action=AuditAction.PII_CONFIRMED)
    assert event.actor == sam.user and event.organisation == sam.organisation


def test_the_api_refuses_a_note_with_personal_data_naming_the_field(sam, client, today):
    _token, raw = create_api_token(sam.user)
    body = api_body(date=today.isoformat(), note=NOTE)
    headers = {"Authorization": f"Bearer {raw}"}
    response = client.post("/api/v1/contacts", body, content_type="application/json", headers=headers)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "note"]
    response = client.post(
        "/api/v1/contacts",
        dict(body, note_pii_reason="geen echte naam"),
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 201


def test_the_live_check_marks_what_the_guard_finds_while_staff_type(sam, client_for):
    from opvoedwijzer.privacy.models import AuditEvent

    before = AuditEvent.objects.count()
    response = client_for(sam).post(
        "/privacy/check/", {"pii_field": "note", "note": "<b>mama</b> van Lotte, bel 0470 12 34 56"}
    )
    page = response.content.decode()
    assert "<mark>Lotte</mark>" in page and "<mark>0470 12 34 56</mark>" in page
    assert "&lt;b&gt;mama&lt;/b&gt;" in page  # the rest of the text is escaped, never markup
    assert AuditEvent.objects.count() == before  # nothing kept of the text


def test_the_live_check_says_nothing_about_a_clean_text(sam, client_for):
    response = client_for(sam).post("/privacy/check/", {"pii_field": "note", "note": "vraag over slapen"})
    # Nothing at all, so that the live region is :empty again and its warning frame goes away.
    assert response.content == b""


def test_the_live_check_is_only_for_people_who_are_logged_in(client):
    response = client.post("/privacy/check/", {"pii_field": "note", "note": "Lotte"})
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_the_note_field_asks_the_live_check_while_typing(sam, client_for):
    page = client_for(sam).get("/o/zuid-limburg/contacts/new/").content.decode()
    assert 'hx-post="/privacy/check/"' in page
    assert 'id="id_note_pii_live"' in page


class ParentsQuestionForm(RedactPublicTextMixin, forms.Form):
    """The shape of every public form with free text (questions, evaluations)."""

    question = forms.CharField()
    pii_redacted_fields = ("question",)


def test_text_from_the_public_is_redacted_before_it_is_stored_without_asking():
    form = ParentsQuestionForm({"question": "Ik ben de mama van Lotte, bel me op 0470 12 34 56 aub"})
    assert form.is_valid()
    assert form.cleaned_data["question"] == "Ik ben de mama van [naam], bel me op [telefoon] aub"
    assert form.pii_redactions == {"question": ["person_name", "phone"]}


def test_a_clean_question_from_the_public_is_kept_as_it_was_typed():
    form = ParentsQuestionForm({"question": "Mijn peuter van 2 jaar slaapt slecht, wat kan ik doen?"})
    assert form.is_valid()
    assert form.cleaned_data["question"] == "Mijn peuter van 2 jaar slaapt slecht, wat kan ik doen?"
    assert form.pii_redactions == {}
