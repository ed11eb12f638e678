from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter

from . import mfa


class AccountAdapter(DefaultAccountAdapter):
    """No public sign-up: accounts are made by accepting a coordinator's invitation."""

    def is_open_for_signup(self, request):
        return False

    def validation_error(self, code, *args):
        # Too many attempts: the login view answers 429 instead of 200 (core.views.login).
        if code == "too_many_login_attempts" and self.request is not None:
            self.request.login_throttled = True
        return super().validation_error(code, *args)


class MFAAdapter(DefaultMFAAdapter):
    """Whoever must use two-step login cannot remove their last second factor."""

    def can_delete_authenticator(self, authenticator):
        if authenticator.type not in mfa.SECOND_FACTORS or not mfa.must_use_mfa(authenticator.user):
            return True
        others = authenticator.user.authenticator_set.filter(type__in=mfa.SECOND_FACTORS).exclude(
            pk=authenticator.pk
        )
        return others.exists()
