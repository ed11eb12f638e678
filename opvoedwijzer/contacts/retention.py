"""The contacts' retention rule (privacy rule 6): a note and a tally place are blanked
RETENTION_DAYS["contact_note"] days after the registration; the contacts themselves, their terms and
municipality (the anonymous counts) are never deleted. Run nightly by opvoedwijzer.retention."""

import datetime

from django.conf import settings
from django.utils import timezone

from .models import Contact


def expired_notes(now):
    """Notes and tally places of contacts registered longer ago than the period."""
    before = timezone.localdate(now) - datetime.timedelta(days=settings.RETENTION_DAYS["contact_note"])
    return Contact.objects.filter(registered_on__lt=before).exclude(note="", place="")


def purge_expired(now):
    return {"contact notes blanked": expired_notes(now).update(note="", place="")}
