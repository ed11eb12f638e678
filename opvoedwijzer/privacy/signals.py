"""Logins, failed logins and second factors reach us only as signals (allauth, django.contrib.auth)."""

from allauth.account.signals import user_logged_in
from allauth.mfa.signals import authentication_failed, authenticator_added, authenticator_removed
from django.contrib.auth.signals import user_login_failed
from django.dispatch import receiver

from opvoedwijzer.core.models import User

from .audit import AuditAction, record


@receiver(user_logged_in)
def log_login(sender, request, user, **kwargs):
    record(AuditAction.LOGIN, actor=user)


@receiver(user_login_failed)
def log_failed_login(sender, credentials, request=None, **kwargs):
    # Only for an existing account: an unknown address typed by mistake is not kept.
    email = (credentials or {}).get("email") or (credentials or {}).get("username") or ""
    user = User.objects.filter(email__iexact=email).first() if email else None
    if user is not None:
        record(AuditAction.LOGIN_FAILED, actor=user)


@receiver(authenticator_added)
def log_authenticator_added(sender, request, user, authenticator, **kwargs):
    record(AuditAction.MFA_ADDED, actor=user, kind=authenticator.type)


@receiver(authenticator_removed)
def log_authenticator_removed(sender, request, user, authenticator, **kwargs):
    record(AuditAction.MFA_REMOVED, actor=user, kind=authenticator.type)


@receiver(authentication_failed)
def log_mfa_failed(sender, request, user, authenticator=None, **kwargs):
    record(AuditAction.MFA_FAILED, actor=user, kind=getattr(authenticator, "type", ""))
