"""Retention (privacy rule 6): what expires, and when. Periods live in settings.RETENTION_DAYS.

Each rule blanks or deletes personal or free-text data; the anonymous counts (the contacts
themselves, their terms and municipality) are never deleted by a purge.
"""

import datetime

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.core.models import Invitation
from opvoedwijzer.core.ratelimit import delete_expired_counters

from .models import AuditEvent


def _before(kind):
    return timezone.localdate() - datetime.timedelta(days=settings.RETENTION_DAYS[kind])


def expired_contact_notes():
    """Notes and tally places of contacts registered longer ago than the period."""
    return Contact.objects.filter(registered_on__lt=_before("contact_note")).exclude(note="", place="")


def expired_invitations():
    """Invitations (an e-mail address) accepted or expired longer ago than the period."""
    cutoff = timezone.now() - datetime.timedelta(days=settings.RETENTION_DAYS["invitation"])
    return Invitation.objects.filter(expires_at__lt=cutoff)


def expired_audit_events():
    """Audit events (who did what, with their e-mail address) older than the period."""
    cutoff = timezone.now() - datetime.timedelta(days=settings.RETENTION_DAYS["audit_event"])
    return AuditEvent.objects.filter(created__lt=cutoff)


def expired_loan_contacts():
    """Borrowers' phone numbers or e-mail addresses whose purge day (set on return) has come."""
    from opvoedwijzer.infotheek.models import Loan

    return Loan.objects.filter(contact_purge_on__lte=timezone.localdate())


def expired_question_emails():
    """E-mail addresses of web questions whose purge day (set when asked) has come."""
    from opvoedwijzer.questions.models import Question

    return Question.objects.filter(email_purge_on__lte=timezone.localdate())


def expired_signups():
    """Sign-ups (a first name, a phone number or e-mail address) of activities whose purge day has come:
    RETENTION_DAYS["signup_contact"] days after the last session or the cancellation — the day
    `Activity.personal_data_purge_on` tells."""
    from opvoedwijzer.activities.models import Activity, SignUp

    days = settings.RETENTION_DAYS["signup_contact"]
    # The last session ended on day D; its purge day D + days has come when D < today - days + 1.
    cutoff = timezone.make_aware(
        datetime.datetime.combine(timezone.localdate() - datetime.timedelta(days=days - 1), datetime.time.min)
    )
    over = Activity.objects.with_dates().filter(last_end__lt=cutoff).values("pk")
    cancelled = Activity.objects.filter(cancelled_on__lte=_before("signup_contact")).values("pk")
    return SignUp.objects.filter(activity__in=over.union(cancelled)).exclude(name="", contact="")


def _purge_import_uploads():
    """Files of past registrations uploaded for an import that was never finished (the imports app's
    own rule: RETENTION_DAYS["import_upload"])."""
    from opvoedwijzer.imports.services import purge_expired_uploads

    return purge_expired_uploads()


@transaction.atomic
def purge_expired():
    """Blank or delete what expired; returns {kind: count}. Running it twice changes nothing."""
    counts = {}
    counts["contact notes blanked"] = expired_contact_notes().update(note="", place="")
    counts["invitations deleted"] = expired_invitations().delete()[0]
    counts["sessions deleted"] = Session.objects.filter(expire_date__lt=timezone.now()).delete()[0]
    counts["audit events deleted"] = expired_audit_events().delete()[0]
    counts["library borrower contacts removed"] = expired_loan_contacts().update(
        contact="", contact_purge_on=None
    )
    counts["question e-mail addresses removed"] = expired_question_emails().update(
        notify_email="", email_purge_on=None
    )
    counts["sign-up names and contacts removed"] = expired_signups().update(name="", contact="")
    counts["rate-limit counters deleted"] = delete_expired_counters()
    counts["import uploads deleted"] = _purge_import_uploads()
    return counts
