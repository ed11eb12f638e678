"""The nightly retention run as a background task. The task runner (`manage.py taskrunner`, started by
`make run`) runs `purge_expired_data` every night (settings.TASKS → periodic)."""

from django.tasks import task

from opvoedwijzer.core.audit import AuditAction, record

from .run import purge_expired


@task
def purge_expired_data():
    """Blank or delete what passed its retention period, and say so in the audit log (counts only)."""
    counts = purge_expired()
    record(AuditAction.PURGED, **{kind.replace(" ", "_"): n for kind, n in counts.items()})
    return counts
