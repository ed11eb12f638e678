"""Tenant resolution for staff URLs (`/o/<org>/…`).

Every staff URL pattern carries an `org` slug. This middleware turns it into `request.organisation`
and `request.membership` before the view runs, and removes it from the view's kwargs. Anyone who is
not an active member of that organisation gets 404 — the same answer as for an organisation that
does not exist, so nothing about other tenants leaks. Installation superusers may enter any
organisation as coordinators.
"""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect

from .mfa import MFAStatus, mfa_status, setup_deadline
from .models import Membership, Organisation, Role


class OrganisationMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.organisation = None
        request.membership = None
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        slug = view_kwargs.pop("org", None)
        if slug is None:
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        membership = (
            Membership.objects.active()
            .select_related("organisation", "user")
            .filter(user=request.user, organisation__slug=slug)
            .first()
        )
        if membership is None and request.user.is_superuser:
            org = Organisation.objects.filter(slug=slug).first()
            if org is not None:
                membership = Membership(user=request.user, organisation=org, role=Role.COORDINATOR)
        if membership is None:
            raise Http404("No such organisation.")
        request.organisation = membership.organisation
        request.membership = membership
        return None


# What an account without its required second factor may still reach after the grace period.
OPEN_WHEN_LOCKED = {"account_logout", "mfa_required", "set_language", "health"}


class RequireMFAMiddleware:
    """Staff, coordinators and funders must have a second factor (see core/mfa.py).

    During the grace period every page says until when (`request.mfa_deadline`); after it, every page
    but logout redirects to the page that explains what to do. The API is left alone: it takes tokens,
    not passwords, and a token can only be made with two-step login active.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.mfa_deadline = None
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.user.is_authenticated or request.path.startswith("/api/"):
            return None
        status = mfa_status(request.user)
        if status is MFAStatus.GRACE:
            request.mfa_deadline = setup_deadline(request.user)
        elif status is MFAStatus.LOCKED:
            match = request.resolver_match
            if match is None or match.url_name not in OPEN_WHEN_LOCKED:
                return redirect("mfa_required")
        return None


# Never kept by a browser or proxy: what staff see, the API's data, accounts, and the public pages that
# show what one person sent (a question's answer, a sign-up, an evaluation).
PRIVATE_PREFIXES = ("/o/", "/api/", "/accounts/", "/profile/", "/admin/", "/privacy/", "/invite/", "/i18n/")
PRIVATE_PUBLIC_PAGES = {"public_pick_up", "public_signup", "public_evaluate"}


class NoStoreMiddleware:
    """`Cache-Control: no-store` on staff pages, API responses and personal public pages, so that a shared
    computer's browser keeps nothing of them. Responses that set their own caching (the public iCalendar
    feeds, static files) keep it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        match = getattr(request, "resolver_match", None)
        private = (
            request.path.startswith(PRIVATE_PREFIXES)
            or (match is not None and match.url_name in PRIVATE_PUBLIC_PAGES)
            or (getattr(request, "_cached_user", None) is not None and request.user.is_authenticated)
        )
        if private:
            response["Cache-Control"] = "no-store"
        return response
