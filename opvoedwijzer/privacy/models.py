"""The audit log (privacy rule 5) lives in core (the lowest app, so every app may write to it); the
privacy app shows it (views.py) and keeps these names for the apps above."""

from opvoedwijzer.core.models import AuditAction, AuditEvent, AuditEventQuerySet

__all__ = ["AuditAction", "AuditEvent", "AuditEventQuerySet"]
