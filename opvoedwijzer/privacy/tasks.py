"""Background tasks of the privacy app. The task runner (`manage.py taskrunner`, started by
`make run`) runs `purge_expired_data` every night (settings.TASKS → periodic)."""

from django.tasks import task

from .audit import AuditAction, record
from .retention import purge_expired


@task
def purge_expired_data():
    """Blank or delete what passed its retention period, and say so in the audit log (counts only)."""
    counts = purge_expired()
    record(AuditAction.PURGED, **{kind.replace(" ", "_"): n for kind, n in counts.items()})
    return counts
