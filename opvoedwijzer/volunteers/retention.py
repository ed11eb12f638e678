"""The volunteer programme's retention rule (privacy rule 6): RETENTION_DAYS["volunteer_stopped"] days
after a volunteer stopped (`status_since` of the status "stopped"), the programme forgets the person: the
name and availability are blanked (the volunteer becomes "Volunteer 12"), the link to their account is
cleared, their learning notes and questions are deleted and the topics and agreements of their check-ins
blanked; `forgotten_on` says when. Their languages, neighbourhoods, training completed and attendance
stay: the reports count them. Run nightly by opvoedwijzer.retention; a volunteer forgotten once is not
touched again."""

import datetime

from django.conf import settings
from django.utils import timezone

from .models import CheckIn, LearningNote, Status, Volunteer, VolunteerQuestion


def expired_volunteers(now):
    """Volunteers stopped more than RETENTION_DAYS["volunteer_stopped"] days ago, not yet forgotten."""
    today = timezone.localdate(now)
    last_kept = today - datetime.timedelta(days=settings.RETENTION_DAYS["volunteer_stopped"])
    return Volunteer.objects.filter(
        status=Status.STOPPED, status_since__lt=last_kept, forgotten_on__isnull=True
    )


def purge_expired(now):
    """Forget the volunteers whose day has come: one statement per kind of data; {what: count}."""
    expired = expired_volunteers(now).values("pk")
    notes, _kinds = LearningNote.objects.filter(volunteer__in=expired).delete()
    questions, _kinds = VolunteerQuestion.objects.filter(volunteer__in=expired).delete()
    check_ins = CheckIn.objects.filter(volunteer__in=expired).update(topics="", agreements="")
    forgotten = expired_volunteers(now).update(
        name="", availability="", membership=None, forgotten_on=timezone.localdate(now)
    )
    return {
        "stopped volunteers forgotten": forgotten,
        "volunteers' learning notes deleted": notes,
        "volunteers' questions deleted": questions,
        "volunteers' check-in texts removed": check_ins,
    }
