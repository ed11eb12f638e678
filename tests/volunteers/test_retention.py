"""A year after a volunteer stopped, the programme forgets the person; the numbers stay."""

import datetime

import pytest
from django.utils import timezone

from opvoedwijzer.retention.run import purge_expired
from opvoedwijzer.volunteers.models import (
    CheckIn,
    LearningNote,
    ReflectionMeeting,
    Status,
    TrainingCompletion,
    TrainingModule,
    Volunteer,
    VolunteerLanguage,
    VolunteerQuestion,
)
from opvoedwijzer.volunteers.retention import purge_expired as forget


@pytest.fixture
def stopped_volunteer(zuid, vera, ilse, days_ago):
    """Vera's profile, with everything a volunteer leaves behind, stopped `days` days ago."""

    def make(days, name="Vera"):
        volunteer = Volunteer.objects.create(
            organisation=zuid,
            membership=vera if name == "Vera" else None,
            name=name,
            availability="Tuesday afternoons at the school gate",
            started_on=days_ago(days + 300),
            status=Status.STOPPED,
            status_since=days_ago(days),
        )
        volunteer.neighbourhoods.add(zuid.municipalities.get(code="71053"))
        VolunteerLanguage.objects.create(volunteer=volunteer, language="ar")
        module = TrainingModule.objects.get_or_create(organisation=zuid, title="Puberty")[0]
        TrainingCompletion.objects.create(
            volunteer=volunteer, module=module, completed_on=days_ago(days + 200)
        )
        meeting = ReflectionMeeting.objects.create(organisation=zuid, date=days_ago(days + 100))
        meeting.attendees.add(volunteer)
        LearningNote.objects.create(volunteer=volunteer, text="Listening first works better than advice.")
        CheckIn.objects.create(
            volunteer=volunteer,
            topics="How the school gate goes",
            agreements="Try Thursdays too",
            coordinator=ilse.user,
        )
        VolunteerQuestion.objects.create(volunteer=volunteer, question="Where do I refer a father?")
        return volunteer

    return make


def test_a_volunteer_stopped_365_days_ago_is_kept_and_366_days_ago_forgotten(stopped_volunteer, today):
    kept = stopped_volunteer(365, name="Kees")
    forgotten = stopped_volunteer(366)

    counts = purge_expired(timezone.now())

    assert counts["stopped volunteers forgotten"] == 1
    assert counts["volunteers' learning notes deleted"] == counts["volunteers' questions deleted"] == 1
    kept.refresh_from_db()
    assert (kept.name, kept.forgotten_on, kept.learning_notes.count()) == ("Kees", None, 1)
    forgotten.refresh_from_db()
    assert forgotten.forgotten_on == today
    assert (forgotten.name, forgotten.availability, forgotten.membership) == ("", "", None)
    assert str(forgotten) == f"Vrijwilliger {forgotten.pk}"
    assert forgotten.learning_notes.count() == forgotten.questions.count() == 0
    assert list(forgotten.check_ins.values_list("topics", "agreements")) == [("", "")]


def test_a_forgotten_volunteer_still_counts_in_the_numbers(stopped_volunteer):
    volunteer = stopped_volunteer(400)

    purge_expired(timezone.now())

    assert list(volunteer.languages.values_list("language", flat=True)) == ["ar"]
    assert [m.code for m in volunteer.neighbourhoods.all()] == ["71053"]
    assert volunteer.completions.count() == volunteer.reflection_meetings.count() == 1
    assert volunteer.check_ins.count() == 1, "the check-in's date stays, its texts go"


def test_only_stopped_volunteers_are_forgotten(zuid, days_ago):
    paused = Volunteer.objects.create(
        organisation=zuid, name="Paula", status=Status.PAUSED, status_since=days_ago(800)
    )

    purge_expired(timezone.now())

    paused.refresh_from_db()
    assert (paused.name, paused.forgotten_on) == ("Paula", None)


def test_forgetting_twice_changes_nothing_the_second_time(
    stopped_volunteer, today, django_assert_max_num_queries
):
    volunteer = stopped_volunteer(500)
    purge_expired(timezone.now())

    tomorrow = timezone.now() + datetime.timedelta(days=1)
    counts = purge_expired(tomorrow)

    assert counts["stopped volunteers forgotten"] == counts["volunteers' check-in texts removed"] == 0
    volunteer.refresh_from_db()
    assert volunteer.forgotten_on == today, "forgotten once, on the first day"


def test_forgetting_many_volunteers_takes_as_many_statements_as_one(
    stopped_volunteer, django_assert_num_queries, django_assert_max_num_queries
):
    stopped_volunteer(400)

    with django_assert_max_num_queries(4) as one:  # notes, questions, check-ins, the volunteers
        forget(timezone.now())
    for name in ["Anna", "Bram", "Cem"]:
        stopped_volunteer(400, name=name)
    with django_assert_num_queries(len(one.captured_queries)):
        assert forget(timezone.now())["stopped volunteers forgotten"] == 3
