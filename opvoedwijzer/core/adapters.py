from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """No public sign-up: accounts are made by accepting a coordinator's invitation."""

    def is_open_for_signup(self, request):
        return False
