"""Two-step login: who must have it, and until when they may still do without.

Staff, coordinators and funders (settings.MFA_REQUIRED_ROLES) must log in with a second factor: an
authenticator app (TOTP) or a passkey. A new member gets MFA_GRACE_DAYS to set one up. After that, an
account without a second factor opens nothing — not even the page to add one, because whoever holds
only the password could then add their own. A coordinator reopens the grace period (`reopen_mfa_setup`
in services), which is audited.
"""

import datetime
import enum

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils import timezone

from .models import Membership, User

SECOND_FACTORS = (Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN)


class MFAStatus(enum.Enum):
    NOT_REQUIRED = "not_required"
    ACTIVE = "active"
    GRACE = "grace"  # required, not set up, still allowed in until the deadline
    LOCKED = "locked"  # required, not set up, deadline passed


# Other apps may add people who need a second factor (a region's coordinators and funders): callables
# that return a queryset of `user_id` values, registered in their AppConfig.ready().
_ALSO_REQUIRED = []


def also_required_for(user_ids):
    """Register `user_ids()`: a queryset of "user_id" values of people who must use a second factor."""
    if user_ids not in _ALSO_REQUIRED:
        _ALSO_REQUIRED.append(user_ids)


def _required_expression(user_ref):
    required = Exists(Membership.objects.active().filter(user=user_ref, role__in=settings.MFA_REQUIRED_ROLES))
    for user_ids in _ALSO_REQUIRED:
        required = required | Exists(user_ids().filter(user_id=user_ref))
    return required


def must_use_mfa(user):
    return User.objects.filter(pk=user.pk).filter(_required_expression(user.pk)).exists()


def has_second_factor(user):
    return Authenticator.objects.filter(user=user, type__in=SECOND_FACTORS).exists()


def _required_and_present(user):
    """Both questions in one query: this runs on every request of a logged-in user."""
    row = (
        User.objects.filter(pk=user.pk)
        .annotate(
            required=_required_expression(OuterRef("pk")),
            present=Exists(Authenticator.objects.filter(user=OuterRef("pk"), type__in=SECOND_FACTORS)),
        )
        .values_list("required", "present")
        .first()
    )
    return row or (False, False)


def grace_period():
    return datetime.timedelta(days=settings.MFA_GRACE_DAYS)


def setup_deadline(user):
    return user.mfa_setup_deadline or (user.date_joined + grace_period())


def mfa_status(user):
    required, present = _required_and_present(user)
    if not required:
        return MFAStatus.NOT_REQUIRED
    if present:
        return MFAStatus.ACTIVE
    if timezone.now() < setup_deadline(user):
        return MFAStatus.GRACE
    return MFAStatus.LOCKED
