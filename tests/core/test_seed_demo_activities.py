"""The demo group offer that `seed_demo` loads for Zuid-Limburg (opvoedwijzer/activities/demo.py)."""

import io

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from opvoedwijzer.activities.models import Activity, Attendance, Evaluation, Kind, Session, SignUp
from opvoedwijzer.core.crypto import decrypt


def test_seed_demo_loads_a_group_offer_in_every_kind_and_is_idempotent(
    db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=io.StringIO())
    assert mail.outbox == [], "seeding writes to nobody who signed up"
    counts = (Activity.objects.count(), Session.objects.count(), SignUp.objects.count())
    call_command("seed_demo", stdout=io.StringIO())
    assert (Activity.objects.count(), Session.objects.count(), SignUp.objects.count()) == counts

    now, today = timezone.now(), timezone.localdate()
    activities = Activity.objects.filter(organisation__slug="zuid-limburg")
    assert 10 <= activities.count() <= 16
    assert set(activities.values_list("kind", flat=True)) == set(Kind.values)
    noord = Activity.objects.filter(organisation__slug="noord-limburg").with_dates()
    assert noord.count() == 3, "Noord-Limburg's smaller offer, on its own map"
    assert noord.past(now).exists() and noord.upcoming(now).published().exists()
    noord_places = Session.objects.filter(activity__in=noord).values_list(
        "location__municipality__code", flat=True
    )
    assert set(noord_places) <= {"72043", "72020"}, "Pelt and Lommel"
    sessions = Session.objects.filter(activity__in=activities)
    places = set(sessions.values_list("location__municipality__code", flat=True))
    assert {"71053", "71017", "73022"} <= places, "Sint-Truiden, Gingelom and Heers"
    assert any(timezone.localtime(s.starts_at).strftime("%H:%M") == "19:30" for s in sessions)

    # upcoming: one full with two people waiting, a draft, a cancelled one
    upcoming = activities.with_dates().upcoming(now).with_places()
    full = [a for a in upcoming.published() if a.taken == a.capacity and a.waiting == 2]
    assert len(full) == 1 and full[0].signups_open(now)
    assert upcoming.filter(published=False).exists()
    assert upcoming.filter(cancelled_on__isnull=False).exists()
    open_signups = SignUp.objects.filter(activity__in=upcoming.published()).active()
    assert open_signups.exists() and not open_signups.filter(name="").exists()
    contacts = [decrypt(c) for c in open_signups.exclude(contact="").values_list("contact", flat=True)]
    assert contacts and all(contacts), "a few contacts, encrypted"
    assert not open_signups.filter(contact__contains="@").exists(), "never in plain text"

    # past: held sessions with head counts and evaluations
    past = activities.with_dates().past(now)
    assert past.filter(last_end__year=today.year - 1).exists(), "last year, for the yearly report"
    if today.month > 1:
        assert past.filter(last_end__year=today.year).exists(), "and this year"
    held = sessions.filter(ends_at__lt=now, activity__cancelled_on__isnull=True)
    assert held.count() >= 10
    for session in held:
        total = sum(session.attendance.values_list("count", flat=True))
        assert 6 <= total <= 30, session
        assert 0 < session.evaluations.count() <= total, session
    assert Attendance.objects.filter(session__in=held).values("municipality").distinct().count() >= 3
    evaluations = Evaluation.objects.filter(session__in=held)
    assert evaluations.exclude(comment="").count() >= 5
    assert all(1 <= e.overall <= 5 and e.given_on <= today for e in evaluations)

    # retention: once the purge day has come, no sign-up keeps a name or contact
    purged = 0
    for activity in activities.prefetch_related("sessions", "signups"):
        purge_on = activity.personal_data_purge_on()
        if purge_on and purge_on <= today:
            purged += 1
            assert all(s.name == "" and s.contact == "" for s in activity.signups.all()), activity
    assert purged >= 5
