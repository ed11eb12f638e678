from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter

from . import mfa


class AccountAdapter(DefaultAccountAdapter):
    """No public sign-up: accounts are made by accepting a coordinator's invitation."""

    def is_open_for_signup(self, request):
        return False


class MFAAdapter(DefaultMFAAdapter):
    """Whoever must use two-step login cannot remove their last second factor."""

    def can_delete_authenticator(self, authenticator):
        if authenticator.type not in mfa.SECOND_FACTORS or not mfa.must_use_mfa(authenticator.user):
            return True
        others = authenticator.user.authenticator_set.filter(type__in=mfa.SECOND_FACTORS).exclude(
            pk=authenticator.pk
        )
        return others.exists()
