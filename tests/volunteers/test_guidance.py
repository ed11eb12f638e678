"""Ilse's check-ins with a volunteer (seen by that volunteer and the coordinators only) and the
volunteers' questions to the coordinator, answered and shown back."""

import pytest
from django.core import mail
from django.urls import reverse

from opvoedwijzer.core.audit import AuditAction
from opvoedwijzer.core.models import AuditEvent, Role
from opvoedwijzer.volunteers import guidance
from opvoedwijzer.volunteers.models import CheckIn, Status, Volunteer, VolunteerQuestion
from tests.factories import make_member

ORG = "zuid-limburg"


def url(name, **kwargs):
    return reverse(f"volunteers:{name}", kwargs={"org": ORG, **kwargs})


@pytest.fixture
def veras_profile(vera):
    return Volunteer.objects.create(
        organisation=vera.organisation, membership=vera, name="Vera", status=Status.ACTIVE
    )


@pytest.fixture
def wout(zuid):
    member = make_member(zuid, "wout@zuid.test", Role.VOLUNTEER)
    return Volunteer.objects.create(organisation=zuid, membership=member, name="Wout", status=Status.ACTIVE)


# Check-ins


def test_ilse_writes_a_check_in_with_vera(ilse, client_for, veras_profile, today):
    response = client_for(ilse).post(
        url("checkin_new", pk=veras_profile.pk),
        {"date": today.isoformat(), "topics": "How the school gate goes", "agreements": "Try the market too"},
    )
    check_in = CheckIn.objects.get()
    assert response.status_code == 302 and response["Location"] == url("checkins", pk=veras_profile.pk)
    assert check_in.volunteer == veras_profile and check_in.coordinator == ilse.user
    assert check_in.agreements == "Try the market too"


def test_a_check_in_in_the_future_comes_back_with_what_was_typed(ilse, client_for, veras_profile):
    page = client_for(ilse).post(
        url("checkin_new", pk=veras_profile.pk), {"date": "2999-01-01", "topics": "Planning the summer"}
    )
    assert page.status_code == 200 and "Planning the summer" in page.content.decode()
    assert not CheckIn.objects.exists()


def test_a_check_in_naming_a_family_is_refused_until_replaced(ilse, client_for, veras_profile, today):
    client = client_for(ilse)
    data = {"date": today.isoformat(), "topics": "The mother asked to be called on 0471 23 45 67."}
    page = client.post(url("checkin_new", pk=veras_profile.pk), data)
    assert 'name="topics_pii_redact"' in page.content.decode() and not CheckIn.objects.exists()
    client.post(url("checkin_new", pk=veras_profile.pk), dict(data, topics_pii_redact="1"))
    assert "0471" not in CheckIn.objects.get().topics


def test_vera_reads_her_check_ins_but_not_another_volunteers(vera, client_for, veras_profile, wout):
    guidance.create_check_in(veras_profile, {"topics": "Vera's first month"}, coordinator=None)
    guidance.create_check_in(wout, {"topics": "Wout's first month"}, coordinator=None)
    client = client_for(vera)
    own = client.get(url("checkins", pk=veras_profile.pk))
    assert own.status_code == 200 and "Vera&#x27;s first month" in own.content.decode()
    assert "Wout" not in own.content.decode()
    assert client.get(url("checkins", pk=wout.pk)).status_code == 404
    assert client.get(url("checkin_new", pk=veras_profile.pk)).status_code == 403


def test_sam_gets_403_on_check_ins(sam, client_for, veras_profile):
    client = client_for(sam)
    assert client.get(url("checkins", pk=veras_profile.pk)).status_code == 403
    assert client.get(url("checkin_new", pk=veras_profile.pk)).status_code == 403


def test_the_last_check_in_dates_come_in_one_query(veras_profile, wout, days_ago, django_assert_num_queries):
    for n in (30, 3):
        guidance.create_check_in(veras_profile, {"topics": "Month", "date": days_ago(n)}, coordinator=None)
    with django_assert_num_queries(1):
        dates = guidance.last_check_in_dates(Volunteer.objects.all())
    assert dates == {veras_profile.pk: days_ago(3)}


# Questions to the coordinator


def test_a_question_asked_is_open_for_ilse_then_answered_and_shown_to_vera(
    vera, ilse, veras_profile, client, django_capture_on_commit_callbacks
):
    client.force_login(vera.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("question_new"), {"question-question": "May I hand out folders at the market?"}
        )
    question = VolunteerQuestion.objects.get()
    assert response.status_code == 302 and question.volunteer == veras_profile
    assert [m.to for m in mail.outbox] == [[ilse.user.email]]
    assert "folders" not in mail.outbox[0].body and url("questions") in mail.outbox[0].body

    client.force_login(ilse.user)
    listing = client.get(url("questions"))
    assert listing.context["open_count"] == 1 and listing.context["questions"] == [question]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("answer", pk=question.pk), {"answer": "Yes, take the ones about sleep."})
    question.refresh_from_db()
    assert question.answered_on is not None and question.answered_by == ilse.user
    assert client.get(url("questions")).context["open_count"] == 0
    assert mail.outbox[-1].to == [vera.user.email] and "sleep" not in mail.outbox[-1].body

    client.force_login(vera.user)
    page = client.get(url("me")).content.decode()
    assert "Yes, take the ones about sleep." in page


def test_open_questions_come_first_for_ilse(ilse, client_for, veras_profile, days_ago):
    answered = guidance.ask_question(veras_profile, {"question": "Older question"})
    guidance.answer_question(answered, {"answer": "Done"}, user=ilse.user)
    VolunteerQuestion.objects.filter(pk=answered.pk).update(asked_on=days_ago(1))
    still_open = guidance.ask_question(veras_profile, {"question": "Newer open question"})
    VolunteerQuestion.objects.filter(pk=still_open.pk).update(asked_on=days_ago(5))
    assert client_for(ilse).get(url("questions")).context["questions"] == [still_open, answered]


def test_an_empty_answer_comes_back_with_an_error(ilse, client_for, veras_profile):
    question = guidance.ask_question(veras_profile, {"question": "Can I bring my daughter?"})
    page = client_for(ilse).post(url("answer", pk=question.pk), {"answer": ""})
    assert page.status_code == 200 and "error-summary" in page.content.decode()
    question.refresh_from_db()
    assert question.answered_on is None


def test_a_question_naming_a_family_is_refused_and_kept(vera, client_for, veras_profile):
    text = "Mrs Peeters at Kerkstraat 12 asked me about debts."
    page = client_for(vera).post(url("question_new"), {"question-question": text})
    html = page.content.decode()
    assert page.status_code == 200 and "asked me about debts" in html and "_pii_redact" in html
    assert not VolunteerQuestion.objects.exists()


def test_a_confirmed_question_is_written_to_the_audit_log(vera, client_for, veras_profile):
    text = "Mrs Peeters at Kerkstraat 12 asked me about debts."
    client_for(vera).post(
        url("question_new"),
        {"question-question": text, "question_pii_reason": "A made-up example for the training"},
    )
    assert VolunteerQuestion.objects.exists()
    assert AuditEvent.objects.filter(action=AuditAction.PII_CONFIRMED).count() == 1


@pytest.mark.parametrize("role", [Role.STAFF, Role.VOLUNTEER, Role.FUNDER])
def test_only_coordinators_read_and_answer_the_questions(zuid, client_for, veras_profile, role):
    question = guidance.ask_question(veras_profile, {"question": "When is the next training?"})
    client = client_for(make_member(zuid, f"{role}@zuid.test", role))
    assert client.get(url("questions")).status_code == 403
    assert client.post(url("answer", pk=question.pk), {"answer": "Soon"}).status_code == 403
