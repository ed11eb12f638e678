"""A week after the last evening no name or phone number is left; the counts stay."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from opvoedwijzer.activities import services
from opvoedwijzer.activities.models import SignUp
from opvoedwijzer.retention.run import purge_expired
from tests.factories import make_activity


def days_ago(n):
    return timezone.localdate() - datetime.timedelta(days=n)


@pytest.fixture
def course_that_ended(zuid):
    """Four evenings, the last one `ended` days ago; two people signed up with a contact."""

    def make(ended):
        course = make_activity(zuid, first=days_ago(ended + 21), sessions=4)
        for name, contact in (("Sofie", "0470 12 34 56"), ("Karim", "karim@example.org")):
            services.sign_up(course, name=name, people=1, contact=contact, by_staff=True)
        return course

    return make


def test_names_and_contacts_stay_six_days_after_the_last_session(course_that_ended):
    course = course_that_ended(6)
    assert course.personal_data_purge_on() == days_ago(6) + datetime.timedelta(days=7)
    purge_expired()
    assert SignUp.objects.exclude(name="").exclude(contact="").count() == 2


def test_a_week_after_the_last_session_they_are_gone_and_the_counts_stay(course_that_ended):
    course = course_that_ended(7)
    assert course.personal_data_purge_on() == timezone.localdate()
    counts = purge_expired()
    assert counts["sign-up names and contacts removed"] == 2
    assert list(SignUp.objects.values_list("name", "contact", "people", "status")) == [
        ("", "", 1, "confirmed"),
        ("", "", 1, "confirmed"),
    ]
    assert purge_expired()["sign-up names and contacts removed"] == 0


def test_a_course_still_running_keeps_its_list(zuid):
    running = make_activity(zuid, first=days_ago(30), sessions=6)  # last evening in a week
    services.sign_up(running, name="Sofie", people=1, contact="sofie@example.org", by_staff=True)
    purge_expired()
    assert SignUp.objects.get().name == "Sofie"


def test_a_cancelled_activity_forgets_its_list_a_week_after_the_cancellation(zuid):
    course = make_activity(zuid)
    services.sign_up(course, name="Sofie", people=1, contact="sofie@example.org")
    services.cancel_activity(course)
    course.cancelled_on = days_ago(7)
    course.save(update_fields=["cancelled_on"])
    purge_expired()
    assert SignUp.objects.get().name == ""


def test_the_purge_command_reports_the_sign_ups(course_that_ended, capsys):
    course_that_ended(10)
    call_command("purge_expired")
    assert "sign-up names and contacts removed: 2" in capsys.readouterr().out
