"""Vera's "My volunteer work": her profile, training, the next reflection meeting, check-ins, answers to
her questions and her own learning notes, which nobody else reads."""

import datetime

import pytest
from django.urls import reverse

from opvoedwijzer.core.models import Role
from opvoedwijzer.volunteers import guidance
from opvoedwijzer.volunteers.models import (
    LearningNote,
    ReflectionMeeting,
    Status,
    TrainingCompletion,
    TrainingModule,
    Volunteer,
    VolunteerLanguage,
)
from tests.factories import make_member

ORG = "zuid-limburg"
# session, user, membership, organisation; the profile with neighbourhoods and languages; modules to
# follow and completed; next and past meetings; check-ins, questions, notes; the note form's meetings
QUERIES_ON_MY_VOLUNTEER_WORK = 15


def url(name, **kwargs):
    return reverse(f"volunteers:{name}", kwargs={"org": ORG, **kwargs})


@pytest.fixture
def veras_profile(vera, zuid):
    volunteer = Volunteer.objects.create(
        organisation=zuid, membership=vera, name="Vera", status=Status.IN_TRAINING, availability="Tuesdays"
    )
    volunteer.neighbourhoods.set(zuid.municipalities.filter(code="71053"))
    VolunteerLanguage.objects.create(volunteer=volunteer, language="tr")
    return volunteer


@pytest.fixture
def modules(zuid):
    return [
        TrainingModule.objects.create(organisation=zuid, title="The social map", position=1),
        TrainingModule.objects.create(organisation=zuid, title="Puberty", position=2),
    ]


def test_vera_finds_her_profile_training_and_next_meeting(
    vera, client_for, veras_profile, modules, zuid, today
):
    TrainingCompletion.objects.create(volunteer=veras_profile, module=modules[0])
    meeting = ReflectionMeeting.objects.create(
        organisation=zuid, date=today + datetime.timedelta(days=7), expert="a speech therapist"
    )
    page = client_for(vera).get(url("me"))
    assert page.status_code == 200
    assert page.context["to_follow"] == [modules[1]] and page.context["completed"] == [modules[0]]
    assert page.context["next_meeting"] == meeting
    html = page.content.decode()
    assert "Sint-Truiden" in html and "Tuesdays" in html and "a speech therapist" in html


def test_a_volunteer_without_a_profile_is_told_the_coordinator_has_not_made_it_yet(vera, client_for):
    page = client_for(vera).get(url("me"))
    assert page.status_code == 200
    assert "heeft je vrijwilligersprofiel nog niet gemaakt" in page.content.decode()
    assert client_for(vera).post(url("note_new"), {"note-text": "x"}).status_code == 404


def test_vera_writes_a_learning_note_for_a_past_meeting(vera, client_for, veras_profile, zuid, days_ago):
    meeting = ReflectionMeeting.objects.create(organisation=zuid, date=days_ago(3))
    response = client_for(vera).post(
        url("note_new"), {"note-text": "Listen first, advise later.", "note-meeting": meeting.pk}
    )
    note = LearningNote.objects.get()
    assert response.status_code == 302 and response["Location"] == url("me") + "#notes"
    assert note.volunteer == veras_profile and note.meeting == meeting
    assert "Listen first, advise later." in client_for(vera).get(url("me")).content.decode()


def test_a_note_cannot_belong_to_a_meeting_still_to_come(vera, client_for, veras_profile, zuid, today):
    later = ReflectionMeeting.objects.create(organisation=zuid, date=today + datetime.timedelta(days=5))
    page = client_for(vera).post(url("note_new"), {"note-text": "Ready for it", "note-meeting": later.pk})
    assert page.status_code == 200 and "Ready for it" in page.content.decode()
    assert not LearningNote.objects.exists()


def test_veras_learning_note_is_on_her_page_and_nowhere_for_ilse(
    vera, ilse, client_for, veras_profile, zuid, today
):
    meeting = ReflectionMeeting.objects.create(organisation=zuid, date=today)
    guidance.create_learning_note(veras_profile, {"text": "My secret lesson", "meeting": meeting})
    guidance.create_check_in(veras_profile, {"topics": "First month"}, coordinator=ilse.user)
    assert "My secret lesson" in client_for(vera).get(url("me")).content.decode()
    coordinator = client_for(ilse)
    for path in (url("meetings"), url("meeting", pk=meeting.pk), url("checkins", pk=veras_profile.pk)):
        page = coordinator.get(path)
        assert page.status_code == 200 and "My secret lesson" not in page.content.decode()
    assert coordinator.get(url("me")).status_code == 403


@pytest.mark.parametrize("role", [Role.STAFF, Role.COORDINATOR, Role.FUNDER])
def test_my_volunteer_work_is_for_volunteers_only(zuid, client_for, role):
    client = client_for(make_member(zuid, f"{role}@zuid.test", role))
    assert client.get(url("me")).status_code == 403
    assert client.post(url("question_new"), {"question-question": "?"}).status_code == 403


def test_a_learning_note_with_a_phone_number_is_refused_and_the_text_kept(vera, client_for, veras_profile):
    page = client_for(vera).post(url("note_new"), {"note-text": "Her number is 0471 23 45 67, call back."})
    html = page.content.decode()
    assert page.status_code == 200 and "call back" in html and "_pii_redact" in html
    assert not LearningNote.objects.exists()


def test_my_volunteer_work_asks_the_database_as_often_with_much_as_with_little(
    vera, ilse, client_for, veras_profile, modules, zuid, days_ago, django_assert_num_queries
):
    client = client_for(vera)

    def add_a_month(n):
        meeting = ReflectionMeeting.objects.create(organisation=zuid, date=days_ago(30 * n))
        guidance.create_learning_note(veras_profile, {"text": f"Note {n}", "meeting": meeting})
        guidance.create_check_in(veras_profile, {"topics": f"Month {n}"}, coordinator=ilse.user)
        question = guidance.ask_question(veras_profile, {"question": f"Question {n}"})
        guidance.answer_question(question, {"answer": f"Answer {n}"}, user=ilse.user)

    add_a_month(1)
    client.get(url("me"))
    with django_assert_num_queries(QUERIES_ON_MY_VOLUNTEER_WORK):
        assert client.get(url("me")).status_code == 200
    for n in range(2, 8):
        add_a_month(n)
    TrainingCompletion.objects.create(volunteer=veras_profile, module=modules[0])
    with django_assert_num_queries(QUERIES_ON_MY_VOLUNTEER_WORK):
        page = client.get(url("me"))
    assert len(page.context["notes"]) == 7 and len(page.context["check_ins"]) == 7
