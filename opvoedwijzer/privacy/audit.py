"""Write to the audit log: core/audit.py, named here too for the apps above the foundation."""

from opvoedwijzer.core.audit import AuditAction, record

__all__ = ["AuditAction", "record"]
