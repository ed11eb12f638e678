"""The audit log (privacy rule 5): append-only, and never the content of what was registered."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    LOGIN = "login", _("logged in")
    LOGIN_FAILED = "login_failed", _("failed login")
    INVITATION_SENT = "invitation_sent", _("invitation sent")
    INVITATION_ACCEPTED = "invitation_accepted", _("invitation accepted")
    EXPORT = "export", _("export")
    PII_CONFIRMED = "pii_confirmed", _("personal data confirmed as none")
    TOKEN_CREATED = "token_created", _("API token made")
    TOKEN_REVOKED = "token_revoked", _("API token revoked")
    ROLE_CHANGED = "role_changed", _("role changed")
    MFA_ADDED = "mfa_added", _("second factor added")
    MFA_REMOVED = "mfa_removed", _("second factor removed")
    MFA_FAILED = "mfa_failed", _("failed second factor")
    MFA_REOPENED = "mfa_reopened", _("two-step login set-up reopened")
    PURGED = "purged", _("expired data removed")
    REGION_AGREED = "region_agreed", _("agreed to share numbers with a region")
    REGION_WITHDRAWN = "region_withdrawn", _("stopped sharing numbers with a region")


class AuditEventQuerySet(models.QuerySet):
    def for_org(self, org):
        """The organisation's events, and the account events (logins) of its members."""
        members = org.memberships.values("user_id")
        return self.filter(Q(organisation=org) | Q(organisation__isnull=True, actor__in=members))


class AuditEvent(models.Model):
    created = models.DateTimeField(default=timezone.now, db_index=True)
    organisation = models.ForeignKey(
        "core.Organisation", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_email = models.EmailField(blank=True)  # kept when the account is deleted
    action = models.CharField(max_length=30, choices=AuditAction.choices)
    detail = models.JSONField(default=dict, blank=True)  # codes and counts only, never free text

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self):
        return f"{self.created:%Y-%m-%d %H:%M} {self.actor_email} {self.action}"
