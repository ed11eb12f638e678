"""Ilse plans a reflection meeting, records who came and adds an anonymous intervision case; Vera opens
"My volunteer work", writes a learning note and asks the coordinator a question. Every page passes axe
and fits a 390 px phone. (Fields are found by id, not by text: the Dutch catalogue is compiled later.)"""

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from opvoedwijzer.volunteers.models import (
    IntervisionCase,
    LearningNote,
    ReflectionMeeting,
    Status,
    Volunteer,
    VolunteerQuestion,
)

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
BASE = "/o/zuid-limburg/volunteers"


def fits(page, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def check_everywhere(page, check_a11y, name):
    """axe at 0 on a desktop and on a phone, where the page fits without sideways scrolling."""
    page.set_viewport_size(DESKTOP)
    check_a11y(page, name)
    page.set_viewport_size(PHONE)
    fits(page, PHONE["width"])
    check_a11y(page, f"{name}-phone")
    page.set_viewport_size(DESKTOP)


def submit(page, button):
    with page.expect_navigation():
        page.click(button)


def test_ilse_plans_a_meeting_records_who_came_and_adds_a_case(ilse, vera, zuid, logged_in, check_a11y):
    veras_profile = Volunteer.objects.create(
        organisation=zuid, membership=vera, name="Vera", status=Status.ACTIVE
    )
    karim = Volunteer.objects.create(organisation=zuid, name="Karim", status=Status.IN_TRAINING)
    day = timezone.localdate() + datetime.timedelta(days=14)
    page = logged_in(ilse)

    page.goto(f"{BASE}/reflection/")
    check_everywhere(page, check_a11y, "volunteers-meetings-empty")
    page.goto(f"{BASE}/reflection/new/")
    page.fill("#id_date", day.isoformat())
    page.fill("#id_topics", "Talking with parents about screens")
    page.fill("#id_expert", "A media coach of the library")
    check_everywhere(page, check_a11y, "volunteers-meeting-new")
    submit(page, "main form button[type=submit]")
    meeting = ReflectionMeeting.objects.get()
    assert page.url.endswith(f"{BASE}/reflection/{meeting.pk}/")

    page.check(f"input[name=attendance-attendees][value='{veras_profile.pk}']")
    page.check(f"input[name=attendance-attendees][value='{karim.pk}']")
    submit(page, "#attendance form button[type=submit]")
    assert set(meeting.attendees.all()) == {veras_profile, karim}
    expect(page.locator(f"input[name=attendance-attendees][value='{karim.pk}']")).to_be_checked()

    page.click(f"a[href='{BASE}/reflection/{meeting.pk}/cases/new/']")
    page.fill(
        "#id_situation", "At the market a father worries that his daughter is gaming until late at night."
    )
    page.fill("#id_questions", "How do you bring up sleep without lecturing?")
    page.fill("#id_learned", "Start from what the father himself worries about.")
    check_everywhere(page, check_a11y, "volunteers-case-new")
    submit(page, "main form button[type=submit]")
    assert IntervisionCase.objects.get().meeting == meeting
    expect(page.locator("#cases")).to_contain_text("gaming until late at night")
    check_everywhere(page, check_a11y, "volunteers-meeting")

    page.goto(f"{BASE}/reflection/")
    check_everywhere(page, check_a11y, "volunteers-meetings")


def test_a_case_with_a_phone_number_comes_back_on_a_phone_with_the_text_kept(
    ilse, zuid, logged_in, check_a11y
):
    meeting = ReflectionMeeting.objects.create(organisation=zuid, date=timezone.localdate())
    page = logged_in(ilse, js=False)
    page.set_viewport_size(PHONE)
    page.goto(f"{BASE}/reflection/{meeting.pk}/cases/new/")
    page.fill("#id_situation", "The mother asked me to call her on 0471 23 45 67 about the school.")
    submit(page, "main form button[type=submit]")
    expect(page.locator("#id_situation")).to_have_value(
        "The mother asked me to call her on 0471 23 45 67 about the school."
    )
    expect(page.locator("input[name=situation_pii_redact]")).to_be_visible()
    assert not IntervisionCase.objects.exists()
    fits(page, PHONE["width"])
    check_a11y(page, "volunteers-case-refused-phone")


def test_vera_writes_a_learning_note_and_asks_a_question_on_her_phone(
    vera, ilse, zuid, logged_in, check_a11y
):
    veras_profile = Volunteer.objects.create(
        organisation=zuid, membership=vera, name="Vera", status=Status.ACTIVE
    )
    veras_profile.neighbourhoods.set(zuid.municipalities.all()[:1])
    past = ReflectionMeeting.objects.create(
        organisation=zuid, date=timezone.localdate() - datetime.timedelta(days=3), topics="Sleep"
    )
    ReflectionMeeting.objects.create(
        organisation=zuid,
        date=timezone.localdate() + datetime.timedelta(days=25),
        expert="A speech therapist",
    )
    page = logged_in(vera)
    page.set_viewport_size(PHONE)

    page.goto(f"{BASE}/me/")
    check_everywhere(page, check_a11y, "volunteers-me-empty")
    page.set_viewport_size(PHONE)
    page.fill("#id_note-text", "Listen first, advise later.")
    page.select_option("#id_note-meeting", str(past.pk))
    submit(page, "#notes form button[type=submit]")
    note = LearningNote.objects.get()
    assert note.volunteer == veras_profile and note.meeting == past
    expect(page.locator("#notes")).to_contain_text("Listen first, advise later.")

    page.fill("#id_question-question", "May I hand out the folders about sleep at the market?")
    submit(page, "#questions form button[type=submit]")
    assert VolunteerQuestion.objects.get().volunteer == veras_profile
    expect(page.locator("#questions")).to_contain_text("folders about sleep")
    check_everywhere(page, check_a11y, "volunteers-me")

    ilses_page = logged_in(ilse)
    ilses_page.goto(f"{BASE}/questions/")
    check_everywhere(ilses_page, check_a11y, "volunteers-questions")
    ilses_page.goto(f"{BASE}/{veras_profile.pk}/check-ins/new/")
    check_everywhere(ilses_page, check_a11y, "volunteers-checkin-new")


def test_ilse_writes_a_check_in_and_answers_and_vera_reads_both_on_her_phone(
    vera, ilse, zuid, logged_in, check_a11y
):
    veras_profile = Volunteer.objects.create(
        organisation=zuid, membership=vera, name="Vera", status=Status.ACTIVE
    )
    question = VolunteerQuestion.objects.create(volunteer=veras_profile, question="Can I bring the folders?")
    meeting = ReflectionMeeting.objects.create(organisation=zuid, date=timezone.localdate(), topics="Sleep")
    case = IntervisionCase.objects.create(meeting=meeting, situation="A father worries about sleep.")

    page = logged_in(ilse)
    page.goto(f"{BASE}/{veras_profile.pk}/check-ins/new/")
    page.fill("#id_topics", "How the first month at the school gate went")
    page.fill("#id_agreements", "Try the weekly market too")
    submit(page, "main form button[type=submit]")
    assert page.url.endswith(f"{BASE}/{veras_profile.pk}/check-ins/")
    expect(page.locator("main")).to_contain_text("Try the weekly market too")
    check_everywhere(page, check_a11y, "volunteers-checkins")

    page.goto(f"{BASE}/questions/{question.pk}/answer/")
    check_everywhere(page, check_a11y, "volunteers-answer")
    page.fill("#id_answer", "Yes, take the ones about sleep.")
    submit(page, "main form button[type=submit]")
    question.refresh_from_db()
    assert question.answered_on is not None

    page.goto(f"{BASE}/reflection/{meeting.pk}/edit/")
    check_everywhere(page, check_a11y, "volunteers-meeting-edit")
    page.goto(f"{BASE}/reflection/cases/{case.pk}/edit/")
    expect(page.locator("#id_situation")).to_have_value("A father worries about sleep.")
    check_everywhere(page, check_a11y, "volunteers-case-edit")

    veras_page = logged_in(vera)
    veras_page.set_viewport_size(PHONE)
    veras_page.goto(f"{BASE}/me/")
    expect(veras_page.locator("#check-ins")).to_contain_text("Try the weekly market too")
    expect(veras_page.locator("#questions")).to_contain_text("Yes, take the ones about sleep.")
    veras_page.goto(f"{BASE}/{veras_profile.pk}/check-ins/")
    check_everywhere(veras_page, check_a11y, "volunteers-checkins-vera")
    veras_page.goto(f"{BASE}/reflection/{meeting.pk}/")
    expect(veras_page.locator("#cases")).to_contain_text("A father worries about sleep.")
    assert veras_page.locator("#attendance form").count() == 0
    check_everywhere(veras_page, check_a11y, "volunteers-meeting-vera")


def test_a_volunteer_without_a_profile_gets_a_friendly_page_with_the_log(vera, logged_in, check_a11y):
    page = logged_in(vera)
    page.set_viewport_size(PHONE)
    page.goto(f"{BASE}/me/")
    expect(page.locator("main a[href='/o/zuid-limburg/contacts/log/']")).to_be_visible()
    check_everywhere(page, check_a11y, "volunteers-me-no-profile")


def test_a_note_and_a_question_that_fail_come_back_on_their_own_page_with_what_was_typed(
    vera, zuid, logged_in, check_a11y
):
    Volunteer.objects.create(organisation=zuid, membership=vera, name="Vera", status=Status.ACTIVE)
    page = logged_in(vera, js=False)
    page.set_viewport_size(PHONE)
    page.goto(f"{BASE}/me/")
    page.fill("#id_note-text", "Call her back on 0471 23 45 67.")
    submit(page, "#notes form button[type=submit]")
    expect(page.locator("#id_note-text")).to_have_value("Call her back on 0471 23 45 67.")
    check_everywhere(page, check_a11y, "volunteers-note-refused")
    page.goto(f"{BASE}/me/")
    submit(page, "#questions form button[type=submit]")
    expect(page.locator(".error-summary")).to_be_visible()
    check_everywhere(page, check_a11y, "volunteers-question-empty")
    assert not LearningNote.objects.exists() and not VolunteerQuestion.objects.exists()
