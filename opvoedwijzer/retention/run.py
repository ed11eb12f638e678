"""Retention (privacy rule 6): each app owns the rules for its personal data (its `retention.py`, with
the periods in settings.RETENTION_DAYS); this runs them, in this order, in one transaction. Each rule
blanks or deletes personal or free-text data; the anonymous counts are never deleted by a purge.
A new rule: write `purge_expired(now)` → {what happened: count} in the app and add it to RULES."""

from django.db import transaction
from django.utils import timezone

from opvoedwijzer.activities import retention as activities
from opvoedwijzer.contacts import retention as contacts
from opvoedwijzer.core import retention as core
from opvoedwijzer.imports import retention as imports
from opvoedwijzer.library import retention as library
from opvoedwijzer.questions import retention as questions
from opvoedwijzer.trajectories import retention as trajectories
from opvoedwijzer.volunteers import retention as volunteers

RULES = [
    contacts.purge_expired,
    core.purge_expired,
    library.purge_expired,
    questions.purge_expired,
    activities.purge_expired,
    trajectories.purge_expired,
    volunteers.purge_expired,
    core.purge_expired_counters,
    imports.purge_expired,
]


@transaction.atomic
def purge_expired(now=None):
    """Blank or delete what expired; returns {kind: count}. Running it twice changes nothing."""
    now = now or timezone.now()
    counts = {}
    for rule in RULES:
        counts |= rule(now)
    return counts
