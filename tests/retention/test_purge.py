"""Expired data disappears; the anonymous counts stay."""

import datetime
import io

from django.core.management import call_command
from django.utils import timezone

from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.core.models import Invitation
from opvoedwijzer.reports.stats import count_contacts
from tests.factories import ContactFactory


def purge():
    out = io.StringIO()
    call_command("purge_expired", stdout=out)
    return dict(line.rsplit(": ", 1) for line in out.getvalue().splitlines())


def test_notes_older_than_a_year_are_blanked_but_the_contacts_still_count(sam, zuid, today):
    old = ContactFactory(membership=sam, note="Belt over slapen", registered_days_ago=366)
    recent = ContactFactory(membership=sam, note="Belt over eten", registered_days_ago=300)
    start = today - datetime.timedelta(days=400)
    before = count_contacts(zuid, start, today, ["theme"])
    assert purge()["contact notes blanked"] == "1"
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.note == "" and recent.note == "Belt over eten"
    assert count_contacts(zuid, start, today, ["theme"]) == before
    assert Contact.objects.count() == 2


def test_purging_twice_changes_nothing_the_second_time(sam):
    ContactFactory(membership=sam, note="Belt over slapen", registered_days_ago=400)
    purge()
    assert set(purge().values()) == {"0"}


def test_old_invitations_are_deleted(ilse, zuid):
    Invitation.objects.create(
        organisation=zuid,
        email="oud@zuid.test",
        role="staff",
        token_hash="x" * 64,
        expires_at=timezone.now() - datetime.timedelta(days=31),
    )
    Invitation.objects.create(
        organisation=zuid,
        email="nieuw@zuid.test",
        role="staff",
        token_hash="y" * 64,
        expires_at=timezone.now() + datetime.timedelta(days=3),
    )
    assert purge()["invitations deleted"] == "1"
    assert list(Invitation.objects.values_list("email", flat=True)) == ["nieuw@zuid.test"]


def test_the_periods_come_from_settings(sam, settings):
    settings.RETENTION_DAYS = {**settings.RETENTION_DAYS, "contact_note": 30}
    ContactFactory(membership=sam, note="Belt over slapen", registered_days_ago=31)
    assert purge()["contact notes blanked"] == "1"


def test_audit_events_are_kept_two_years(sam):
    from opvoedwijzer.core.audit import AuditAction, record

    old = record(AuditAction.LOGIN, actor=sam.user)
    old.created = timezone.now() - datetime.timedelta(days=731)
    old.save(update_fields=["created"])
    record(AuditAction.LOGIN, actor=sam.user)
    assert purge()["audit events deleted"] == "1"


def test_the_purge_is_scheduled_every_night_and_runs_as_a_task(sam):
    """What the task runner does: schedule the periodic purge, then run it when it is due."""
    from zoneinfo import ZoneInfo

    from dbtasks.models import ScheduledTask
    from dbtasks.runner import Runner

    from opvoedwijzer.core.models import AuditAction, AuditEvent

    old = ContactFactory(membership=sam, note="Belt over slapen", registered_days_ago=400)
    Runner(init_periodic=False).init_periodic()
    scheduled = ScheduledTask.objects.get(task_path="opvoedwijzer.retention.tasks.purge_expired_data")
    due = scheduled.run_after.astimezone(ZoneInfo("Europe/Brussels"))
    assert (due.hour, due.minute) == (3, 15)
    assert timezone.now() < scheduled.run_after < timezone.now() + datetime.timedelta(days=1)

    scheduled.run_and_update()
    old.refresh_from_db()
    assert old.note == ""
    scheduled.refresh_from_db()
    assert scheduled.status == "SUCCESSFUL"
    event = AuditEvent.objects.get(action=AuditAction.PURGED)
    assert event.detail["contact_notes_blanked"] == 1
