"""The foundation's retention rules (privacy rule 6), run nightly by opvoedwijzer.retention: invitations
(an e-mail address), ended login sessions, the audit log (who did what, with their e-mail address) and
the rate limiter's counters of past hours."""

import datetime

from django.conf import settings
from django.contrib.sessions.models import Session

from .models import AuditEvent, Invitation
from .ratelimit import delete_expired_counters


def expired_invitations(now):
    """Invitations accepted or expired longer ago than the period."""
    cutoff = now - datetime.timedelta(days=settings.RETENTION_DAYS["invitation"])
    return Invitation.objects.filter(expires_at__lt=cutoff)


def expired_audit_events(now):
    """Audit events older than the period."""
    cutoff = now - datetime.timedelta(days=settings.RETENTION_DAYS["audit_event"])
    return AuditEvent.objects.filter(created__lt=cutoff)


def purge_expired(now):
    return {
        "invitations deleted": expired_invitations(now).delete()[0],
        "sessions deleted": Session.objects.filter(expire_date__lt=now).delete()[0],
        "audit events deleted": expired_audit_events(now).delete()[0],
    }


def purge_expired_counters(now):
    return {"rate-limit counters deleted": delete_expired_counters(now)}
