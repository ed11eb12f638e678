"""Ilse plans the monthly reflection meetings, records who came and the anonymous intervision cases;
volunteers read them, staff do not get in."""

import datetime

import pytest
from django.urls import reverse

from opvoedwijzer.core.models import Role
from opvoedwijzer.volunteers import guidance
from opvoedwijzer.volunteers.models import IntervisionCase, ReflectionMeeting, Status, Volunteer
from tests.factories import make_member

ORG = "zuid-limburg"
# session, user, membership, organisation; the meetings with their counts; the next meeting
QUERIES_ON_THE_MEETINGS_LIST = 6


def url(name, **kwargs):
    return reverse(f"volunteers:{name}", kwargs={"org": ORG, **kwargs})


@pytest.fixture
def veras_profile(vera):
    return Volunteer.objects.create(
        organisation=vera.organisation, membership=vera, name="Vera", status=Status.ACTIVE
    )


@pytest.fixture
def karim(zuid):
    return Volunteer.objects.create(organisation=zuid, name="Karim", status=Status.IN_TRAINING)


@pytest.fixture
def meeting(zuid, today):
    return ReflectionMeeting.objects.create(
        organisation=zuid, date=today, topics="Puberty and screens", expert="youth officer of the police"
    )


def test_ilse_plans_a_reflection_meeting_and_finds_it_as_the_next_one(ilse, client_for, today):
    client = client_for(ilse)
    day = today + datetime.timedelta(days=10)
    response = client.post(
        url("meeting_new"), {"date": day.isoformat(), "topics": "Talking about money", "expert": "CAW"}
    )
    meeting = ReflectionMeeting.objects.get()
    assert response.status_code == 302 and response["Location"] == url("meeting", pk=meeting.pk)
    assert meeting.organisation == ilse.organisation and meeting.date == day and meeting.expert == "CAW"
    listing = client.get(url("meetings"))
    assert listing.context["next_meeting"] == meeting


def test_a_meeting_without_a_date_comes_back_with_what_was_typed(ilse, client_for):
    page = client_for(ilse).post(url("meeting_new"), {"date": "", "topics": "Talking about money"})
    assert page.status_code == 200 and "Talking about money" in page.content.decode()
    assert not ReflectionMeeting.objects.exists()


def test_ilse_changes_the_topics_of_a_meeting(ilse, client_for, meeting):
    client_for(ilse).post(
        url("meeting_edit", pk=meeting.pk),
        {"date": meeting.date.isoformat(), "topics": "Sleep", "expert": ""},
    )
    meeting.refresh_from_db()
    assert meeting.topics == "Sleep" and meeting.expert == ""


def test_attendance_saved_twice_stays_one_row_per_volunteer(ilse, client_for, meeting, veras_profile, karim):
    client = client_for(ilse)
    for _ in range(2):
        response = client.post(
            url("attendance", pk=meeting.pk), {"attendance-attendees": [veras_profile.pk, karim.pk]}
        )
        assert response.status_code == 302
    through = ReflectionMeeting.attendees.through
    assert through.objects.filter(reflectionmeeting=meeting).count() == 2
    client.post(url("attendance", pk=meeting.pk), {"attendance-attendees": [karim.pk]})
    assert list(meeting.attendees.all()) == [karim]


def test_a_volunteer_of_another_organisation_cannot_be_marked_present(ilse, client_for, meeting, noord):
    stranger = Volunteer.objects.create(organisation=noord, name="Nora")
    page = client_for(ilse).post(url("attendance", pk=meeting.pk), {"attendance-attendees": [stranger.pk]})
    assert page.status_code == 200 and "error-summary" in page.content.decode()
    assert not meeting.attendees.exists()


def test_attendance_is_a_post(ilse, client_for, meeting):
    assert client_for(ilse).get(url("attendance", pk=meeting.pk)).status_code == 405


def test_ilse_adds_an_anonymous_case_with_its_themes(ilse, client_for, meeting):
    response = client_for(ilse).post(
        url("case_new", pk=meeting.pk),
        {
            "situation": "A mother at the school gate worries that her son games all night.",
            "questions": "How do you raise it without judging?",
            "learned": "Ask first what she already tried.",
            "themes": ["screen_time"],
        },
    )
    case = IntervisionCase.objects.get()
    assert response.status_code == 302 and case.meeting == meeting
    assert [t.code for t in case.themes.all()] == ["screen_time"]


def test_a_case_with_a_phone_number_is_refused_and_the_text_kept(ilse, client_for, meeting):
    situation = "The father asked me to call him back on 0471 23 45 67 about the school."
    page = client_for(ilse).post(url("case_new", pk=meeting.pk), {"situation": situation})
    html = page.content.decode()
    assert page.status_code == 200 and 'name="situation_pii_redact"' in html
    assert "about the school" in html
    assert not IntervisionCase.objects.exists()


def test_ilse_corrects_a_case(ilse, client_for, meeting):
    case = guidance.create_case(meeting, {"situation": "A grandmother raises two grandchildren."})
    client_for(ilse).post(
        url("case_edit", pk=case.pk),
        {"situation": "A grandmother raises three grandchildren.", "learned": "Ask about her own rest."},
    )
    case.refresh_from_db()
    assert case.situation.endswith("three grandchildren.") and case.learned == "Ask about her own rest."


def test_vera_reads_the_meeting_and_its_cases_without_forms(vera, veras_profile, client_for, meeting):
    guidance.create_case(meeting, {"situation": "A father new in town looks for a playgroup."})
    client = client_for(vera)
    assert client.get(url("meetings")).status_code == 200
    page = client.get(url("meeting", pk=meeting.pk))
    html = page.content.decode()
    assert page.status_code == 200 and "looks for a playgroup" in html
    assert url("attendance", pk=meeting.pk) not in html and url("case_new", pk=meeting.pk) not in html


def test_vera_may_not_plan_or_change_meetings(vera, client_for, meeting):
    client = client_for(vera)
    assert client.get(url("meeting_new")).status_code == 403
    assert client.post(url("meeting_edit", pk=meeting.pk), {"date": "2026-01-01"}).status_code == 403
    assert client.post(url("case_new", pk=meeting.pk), {"situation": "x"}).status_code == 403
    assert client.post(url("attendance", pk=meeting.pk), {}).status_code == 403


@pytest.mark.parametrize("role", [Role.STAFF, Role.FUNDER])
def test_staff_and_funders_get_403_on_the_reflection_meetings(zuid, client_for, meeting, role):
    member = make_member(zuid, f"{role}@zuid.test", role)
    client = client_for(member)
    assert client.get(url("meetings")).status_code == 403
    assert client.get(url("meeting", pk=meeting.pk)).status_code == 403


def test_noor_finds_no_meeting_of_zuid_in_her_own_organisation(noor, client_for, meeting):
    client = client_for(noor)
    noord_url = reverse("volunteers:meeting", kwargs={"org": "noord-limburg", "pk": meeting.pk})
    assert client.get(noord_url).status_code in (403, 404)


def test_the_meetings_list_asks_the_database_as_often_for_ten_meetings_as_for_one(
    ilse, client_for, zuid, today, veras_profile, django_assert_num_queries
):
    client = client_for(ilse)

    def add_meeting(n):
        m = ReflectionMeeting.objects.create(organisation=zuid, date=today - datetime.timedelta(days=30 * n))
        m.attendees.add(veras_profile)
        guidance.create_case(m, {"situation": f"Situation {n}"})

    add_meeting(1)
    client.get(url("meetings"))  # the session and the menu's caches are warm from here
    with django_assert_num_queries(QUERIES_ON_THE_MEETINGS_LIST):
        assert client.get(url("meetings")).status_code == 200
    for n in range(2, 11):
        add_meeting(n)
    with django_assert_num_queries(QUERIES_ON_THE_MEETINGS_LIST):
        response = client.get(url("meetings"))
    assert len(response.context["meetings"]) == 10
    assert response.context["meetings"][0].attendance == 1 and response.context["meetings"][0].case_count == 1
