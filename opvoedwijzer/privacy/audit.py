"""Write to the audit log: core/audit.py, named here too for the apps above the foundation, and the
record of what staff confirmed is no personal data (called by the service that writes the text)."""

from dataclasses import dataclass

from opvoedwijzer.core.audit import AuditAction, record

__all__ = ["AuditAction", "PIIConfirmation", "record", "record_pii_confirmations"]


@dataclass(frozen=True)
class PIIConfirmation:
    """Staff said a finding of the PII guard in one field is no personal data: who, for which
    organisation, in which form and field, the kinds found and the reason (redacted) — never the text."""

    actor: object
    organisation: object
    form: str
    field: str
    kinds: list
    reason: str


def record_pii_confirmations(confirmations):
    """One audit row per confirmation (a form's `pii_confirmations`). The service that writes the
    guarded text calls it inside its own transaction, so a form that fails or a write that rolls
    back leaves no row."""
    for c in confirmations:
        record(
            AuditAction.PII_CONFIRMED,
            actor=c.actor,
            organisation=c.organisation,
            form=c.form,
            field=c.field,
            kinds=c.kinds,
            reason=c.reason,
        )
