"""Who calls the API: a personal token, or (for the operations a page of the app calls) the browser's
login session."""

from django.conf import settings
from ninja.security import HttpBearer, SessionAuth

from opvoedwijzer.core.mfa import MFAStatus, mfa_status
from opvoedwijzer.core.services import memberships_for_api_token, user_for_api_token


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        # One query for the caller and their memberships (api.tenancy reads them); a second only for a
        # token whose owner has no membership.
        memberships = memberships_for_api_token(token)
        user = memberships[0].user if memberships else user_for_api_token(token)
        if user is not None:
            user.api_memberships = memberships
            request.user = user
        return user


class BrowserSessionAuth(SessionAuth):
    """The browser's login session, with django-ninja's CSRF check (`X-CSRFToken`), for the operations
    a page of the app calls itself (the conversation log). Only a request that carries a session cookie
    is checked: one with neither token nor session still gets 401, not a CSRF 403. An account whose
    required second factor is overdue gets no further than on the pages (core.middleware.RequireMFA…,
    which leaves /api/ to the tokens): 401, so that logging in again leads to the two-step setup."""

    def _get_key(self, request):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None
        return super()._get_key(request)

    def authenticate(self, request, key):
        user = None if key is None else super().authenticate(request, key)
        if user is not None and mfa_status(user) is MFAStatus.LOCKED:
            return None
        return user
