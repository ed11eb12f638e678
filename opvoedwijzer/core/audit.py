"""Write to the audit log. One function; the log has no update or delete path."""

from .models import AuditAction, AuditEvent

__all__ = ["AuditAction", "record"]


def record(action, *, actor=None, organisation=None, **detail):
    """Append one event. `detail` holds codes and counts only — never a note, a name or a text."""
    return AuditEvent.objects.create(
        action=action,
        actor=actor if getattr(actor, "pk", None) else None,
        actor_email=getattr(actor, "email", "") or "",
        organisation=organisation,
        detail=detail,
    )
