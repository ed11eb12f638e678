"""Sign-ups without an account: places, the waiting list, cancelling, closing, messages."""

import datetime

import pytest
import sms
from django.core import mail
from django.utils import timezone

from opvoedwijzer.activities import services
from opvoedwijzer.activities.models import SignUp, SignUpStatus
from opvoedwijzer.core.crypto import decrypt
from tests.factories import make_activity


@pytest.fixture(autouse=True)
def texts(settings):
    settings.SMS_BACKEND = "sms.backends.locmem.SmsBackend"
    sms.outbox = []
    return sms.outbox


@pytest.fixture
def course(zuid):
    return make_activity(zuid, capacity=10)


def sign_up(activity, name, people=1, contact=""):
    signup, _token = services.sign_up(activity, name=name, people=people, contact=contact)
    return signup


def test_the_first_ten_get_a_place_and_the_eleventh_waits(course):
    statuses = [sign_up(course, f"Ouder {n}").status for n in range(11)]
    assert statuses == ["confirmed"] * 10 + ["waiting"]


def test_a_group_counts_as_its_number_of_people(course):
    assert sign_up(course, "Els", people=8).status == "confirmed"
    assert sign_up(course, "Karim", people=3).status == "waiting"
    assert sign_up(course, "Sofie", people=2).status == "confirmed"
    assert services.places_taken(course) == 10


def test_who_cancels_frees_the_place_for_the_first_who_waits(course, django_capture_on_commit_callbacks):
    ten = [sign_up(course, f"Ouder {n}") for n in range(10)]
    first_waiting = sign_up(course, "Karim", contact="karim@example.org")
    second_waiting = sign_up(course, "Els")

    with django_capture_on_commit_callbacks(execute=True):
        cancelled, promoted = services.cancel_signup(ten[3])

    assert promoted == [first_waiting.pk]
    first_waiting.refresh_from_db()
    second_waiting.refresh_from_db()
    assert first_waiting.status == "confirmed"
    assert second_waiting.status == "waiting"
    assert second_waiting.waiting_position() == 1
    # The one who cancelled leaves no name or contact behind.
    cancelled.refresh_from_db()
    assert (cancelled.status, cancelled.name, cancelled.contact) == ("cancelled", "", "")
    # Karim hears that he has a place.
    assert [m.to for m in mail.outbox if "plaats" in m.subject.lower() or "place" in m.subject.lower()] == [
        ["karim@example.org"]
    ]


def test_a_group_too_big_for_the_free_place_keeps_its_turn_while_a_smaller_one_moves_up(course):
    ten = [sign_up(course, f"Ouder {n}") for n in range(10)]
    big = sign_up(course, "Papa Tom", people=3)
    small = sign_up(course, "Sofie")
    services.cancel_signup(ten[0])
    big.refresh_from_db()
    small.refresh_from_db()
    assert (big.status, small.status) == ("waiting", "confirmed")
    assert big.waiting_position() == 1


def test_more_places_move_people_up_from_the_waiting_list(zuid, course):
    for n in range(12):
        sign_up(course, f"Ouder {n}")
    services.update_activity(course, {"capacity": 11})
    assert course.signups.confirmed().count() == 11
    assert course.signups.waiting().count() == 1


def test_sign_up_closes_when_the_first_session_has_started(zuid):
    started = make_activity(zuid, first=timezone.localdate() - datetime.timedelta(days=1))
    with pytest.raises(services.SignUpClosed):
        sign_up(started, "Els")
    # Staff may still add someone who drops in.
    signup, _ = services.sign_up(started, name="Els", people=1, by_staff=True)
    assert signup.status == "confirmed"


def test_nobody_signs_up_for_an_unpublished_or_cancelled_activity(course):
    services.publish(course, False)
    with pytest.raises(services.SignUpClosed):
        sign_up(course, "Els")
    services.publish(course, True)
    services.cancel_activity(course)
    with pytest.raises(services.SignUpClosed):
        services.sign_up(course, name="Els", people=1, by_staff=True)


def test_the_contact_is_kept_encrypted_and_only_the_cancel_token_hash(course):
    signup, token = services.sign_up(course, name="Sofie", people=2, contact="0470 12 34 56")
    stored = SignUp.objects.get(pk=signup.pk)
    assert "0470" not in stored.contact
    assert decrypt(stored.contact) == "0470 12 34 56"
    assert token not in stored.token_hash
    assert services.find_signup(token) == stored
    assert services.find_signup(token + "x") is None


def test_who_leaves_an_email_address_gets_the_cancel_link(course, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _signup, token = services.sign_up(course, name="Sofie", people=1, contact="sofie@example.org")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["sofie@example.org"]
    assert f"/zuid-limburg/signup/{token}/" in mail.outbox[0].body
    assert "Pubers in huis" in mail.outbox[0].body


def test_who_leaves_a_phone_number_gets_a_text(course, texts, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.sign_up(course, name="Karim", people=1, contact="0470123456")
    assert [m.recipients for m in texts] == [["0470123456"]]
    assert mail.outbox == []


def test_without_an_sms_backend_nothing_is_sent_and_nothing_breaks(
    course, settings, texts, django_capture_on_commit_callbacks
):
    settings.SMS_BACKEND = ""
    with django_capture_on_commit_callbacks(execute=True):
        signup, _ = services.sign_up(course, name="Karim", people=1, contact="0470123456")
    assert texts == []
    assert signup.status == "confirmed"


def test_a_reminder_goes_out_two_days_before_each_session_once(zuid, texts):
    in_two_days = timezone.localdate() + datetime.timedelta(days=2)
    course = make_activity(zuid, first=in_two_days, sessions=2)
    sign_up(course, "Sofie", contact="sofie@example.org")
    sign_up(course, "Karim", contact="0470123456")
    sign_up(course, "Els")  # no contact: no reminder
    waiting = make_activity(zuid, title="Vol", capacity=1, first=in_two_days, sessions=1)
    sign_up(waiting, "Ann", contact="ann@example.org")
    sign_up(waiting, "Bart", contact="bart@example.org")  # waiting: no reminder
    mail.outbox.clear()
    texts.clear()

    assert services.send_reminders() == (3, 0)
    assert services.send_reminders() == (0, 0)  # once per session

    assert sorted(m.to[0] for m in mail.outbox) == ["ann@example.org", "sofie@example.org"]
    assert [t.recipients for t in texts] == [["0470123456"]]
    assert "Pubers in huis" in mail.outbox[0].body + mail.outbox[1].body
    # A week later the second evening gets its own reminder.
    assert services.send_reminders(timezone.localdate() + datetime.timedelta(days=7)) == (2, 0)


def test_cancelling_the_activity_tells_everyone_with_a_contact(course, django_capture_on_commit_callbacks):
    sign_up(course, "Sofie", contact="sofie@example.org")
    sign_up(course, "Els")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _activity, told = services.cancel_activity(course, "De lesgever is ziek.")
    assert told == 1
    assert mail.outbox[0].to == ["sofie@example.org"]
    assert "De lesgever is ziek." in mail.outbox[0].body


def test_signup_status_values_are_the_ones_the_api_promises():
    assert {s.value for s in SignUpStatus} == {"confirmed", "waiting", "cancelled"}


def test_a_series_people_can_join_later_stays_open_until_its_last_session_starts(zuid):
    babbelbox = make_activity(
        zuid,
        title="Babbelbox",
        kind="meeting",
        first=timezone.localdate() - datetime.timedelta(days=8),
        sessions=3,
    )
    with pytest.raises(services.SignUpClosed):
        sign_up(babbelbox, "Els")
    services.update_activity(babbelbox, {"join_later": True})
    assert sign_up(babbelbox, "Els").status == "confirmed"
    assert babbelbox.next_session() == babbelbox.sessions.last()

    over = make_activity(
        zuid,
        kind="meeting",
        join_later=True,
        first=timezone.localdate() - datetime.timedelta(days=1),
        sessions=1,
    )
    with pytest.raises(services.SignUpClosed):
        sign_up(over, "Els")
