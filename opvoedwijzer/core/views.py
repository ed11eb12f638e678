import sys

from allauth.account.views import LoginView
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from . import mfa, services
from .decorators import member_may
from .forms import InvitationForm, MembershipForm, MunicipalitySearchForm, TokenForm
from .landing import landing
from .models import ApiToken, Membership, Municipality, Organisation, User


def login_page(request, *args, **kwargs):
    """allauth's login page, answering 429 Too Many Requests (with Retry-After) when the attempts of this
    address or account are used up; the page says so in the user's language. Counted in the shared
    cache, so across every worker and app server (settings.ACCOUNT_RATE_LIMITS)."""
    response = LoginView.as_view()(request, *args, **kwargs)
    if getattr(request, "login_throttled", False):
        response.status_code = 429
        response["Retry-After"] = "300"
    return response


# While the database does not answer: clients are asked to come back after this many seconds.
RETRY_AFTER_SECONDS = 30


def server_error(request):
    """handler500. A database that does not answer (stopped, restarting, unreachable, SQLite locked too
    long) is not a fault of the request: 503 with Retry-After — JSON in the API's error shape for API
    clients, a plain page for people. Anything else stays a 500. Touches no database itself."""
    exc = sys.exc_info()[1]
    unavailable = isinstance(exc, (OperationalError, InterfaceError))
    status = 503 if unavailable else 500
    if request.path.startswith("/api/"):
        msg = (
            "The database is not available; nothing was stored. Try again later."
            if unavailable
            else "Internal server error."
        )
        response = JsonResponse({"detail": [{"loc": ["server"], "msg": msg}]}, status=status)
    else:
        template = loader.get_template("503.html" if unavailable else "500.html")
        response = HttpResponse(template.render(), status=status)
    if unavailable:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def page_not_found(request, exception):
    """handler404. Staff keep the staff layout; anyone else (a parent following an expired link) gets
    the public one in their language and, under /<organisation>/…, that organisation's name and the way
    back to its start page."""
    context = {}
    if not request.user.is_authenticated:  # staff: the context processors' organisation, if any
        slug = request.path.strip("/").split("/")[0]
        context["organisation"] = Organisation.objects.filter(slug=slug).first() if slug else None
    return render(request, "404.html", context, status=404)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form sent from a page open too long (or with cookies refused) is told so
    in the visitor's language, with the way back, instead of Django's English technical page."""
    back = request.headers.get("referer", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = "/"
    response = render(request, "403_csrf.html", {"back": back}, status=403)
    response["Cache-Control"] = "no-store"
    return response


@never_cache
def health(request):
    """200 when the app and its database answer, 503 otherwise. For load balancers and uptime
    checks: no login, no personal data."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def home(request):
    if not request.user.is_authenticated:  # a parent (or staff before logging in): core/landing.py
        return landing(request)
    memberships = list(Membership.objects.active().filter(user=request.user).select_related("organisation"))
    if len(memberships) == 1 and not request.user.is_superuser:
        return redirect("org_home", org=memberships[0].organisation.slug)
    return render(request, "core/home.html", {"memberships": memberships})


@member_may("is_coordinator")
def members(request):
    org = request.organisation
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invite_member(
                org,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                invited_by=request.user,
                build_url=lambda token: request.build_absolute_uri(
                    reverse("accept_invitation", args=[token])
                ),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]}
            )
            return redirect("members", org=org.slug)
    context = {
        "form": form,
        "memberships": Membership.objects.filter(organisation=org)
        .select_related("user")
        .order_by("role", "user__email"),
        "invitations": org.invitations.open().order_by("-created"),
    }
    return render(request, "core/members.html", context)


def _membership(request, pk):
    return get_object_or_404(
        Membership.objects.select_related("user"), organisation=request.organisation, pk=pk
    )


@member_may("is_coordinator")
def member_edit(request, pk):
    """A coordinator changes a member's role (and a funder's municipalities) or deactivates them; the
    page also offers to reopen their two-step login set-up (reopen_mfa)."""
    org = request.organisation
    membership = _membership(request, pk)
    initial = {
        "role": membership.role,
        "is_active": membership.is_active,
        "municipalities": membership.municipalities.all(),
    }
    form = MembershipForm(request.POST or None, initial=initial, organisation=org)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_membership(membership, **form.cleaned_data, changed_by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("The membership of %(email)s was saved.") % {"email": membership.user.email}
            )
            return redirect("members", org=org.slug)
    context = {"form": form, "member": membership, "mfa_status": mfa.mfa_status(membership.user).value}
    return render(request, "core/member_edit.html", context)


@member_may("is_coordinator")
@require_POST
def reopen_mfa(request, pk):
    """For a member who lost their phone or missed the deadline: a new grace period to set it up."""
    membership = _membership(request, pk)
    services.reopen_mfa_setup(membership, reopened_by=request.user)
    messages.success(
        request,
        _("%(email)s can set up two-step login again until %(date)s.")
        % {
            "email": membership.user.email,
            "date": formats.date_format(timezone.localtime(mfa.setup_deadline(membership.user))),
        },
    )
    return redirect("members", org=request.organisation.slug)


@login_required
def mfa_required(request):
    """Where an account without its required second factor lands after the grace period."""
    if mfa.mfa_status(request.user) is not mfa.MFAStatus.LOCKED:
        return redirect("home")
    return render(request, "core/mfa_required.html")


@never_cache
def accept_invitation(request, token):
    invitation = services.find_open_invitation(token)
    if invitation is None:
        return render(request, "core/invitation_invalid.html", status=404)
    if request.user.is_authenticated and request.user.email.lower() == invitation.email:
        if request.method == "POST":
            services.accept_invitation(invitation, user=request.user)
            return redirect("org_home", org=invitation.organisation.slug)
        return render(request, "core/invitation_accept.html", {"invitation": invitation})
    if (
        User.objects.filter(email__iexact=invitation.email)
        .exclude(password__startswith=UNUSABLE_PASSWORD_PREFIX)
        .exists()
    ):
        # An account with a password: its owner logs in (with the second factor) and accepts then.
        # The link alone must never open an existing account.
        return redirect_to_login(request.get_full_path())
    form = SetPasswordForm(user=None, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = services.accept_invitation(invitation, password=form.cleaned_data["new_password1"])
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome! Your account is ready."))
        return redirect("org_home", org=invitation.organisation.slug)
    return render(request, "core/invitation_accept.html", {"invitation": invitation, "form": form})


@login_required
def profile(request):
    form = TokenForm(request.POST or None)
    new_token = None
    status = mfa.mfa_status(request.user)
    # A token outlives any session: whoever must use two-step login gets one only once it is active.
    may_make_tokens = status is not mfa.MFAStatus.GRACE
    if request.method == "POST" and may_make_tokens and form.is_valid():
        _token, new_token = services.create_api_token(request.user, form.cleaned_data["name"])
        form = TokenForm()
    context = {
        "form": form,
        "tokens": ApiToken.objects.filter(user=request.user),
        "new_token": new_token,
        "mfa_status": status.value,
        "may_make_tokens": may_make_tokens,
    }
    return render(request, "core/profile.html", context)


@login_required
@require_POST
def revoke_token(request, pk):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    services.revoke_api_token(token)
    messages.success(request, _("The token was revoked."))
    return redirect("profile")


def _posted_municipality(request):
    # Only official municipalities and the organisation's own areas: never another's own area.
    visible = Municipality.objects.visible_to(request.organisation)
    return get_object_or_404(visible, code=request.POST.get("code", ""))


@member_may("is_coordinator")
@require_POST
def add_municipality(request):
    m = _posted_municipality(request)
    services.add_municipality(request.organisation, m)
    messages.success(request, _("%(name)s added.") % {"name": m.name})
    return redirect("municipalities", org=request.organisation.slug)


@member_may("is_coordinator")
@require_POST
def remove_municipality(request):
    m = _posted_municipality(request)
    services.remove_municipality(request.organisation, m)
    messages.success(request, _("%(name)s removed.") % {"name": m.name})
    return redirect("municipalities", org=request.organisation.slug)


@member_may("is_coordinator")
@require_safe
def municipalities(request):
    """The municipalities the organisation serves; find more by postal code or name. Adding and removing
    post to add_municipality and remove_municipality."""
    org = request.organisation
    form = MunicipalitySearchForm(request.GET or None)
    results = []
    if form.is_valid() and form.cleaned_data["q"]:
        results = (
            Municipality.objects.visible_to(org)
            .search(form.cleaned_data["q"])
            .exclude(organisations=org)
            .select_related("part_of")
            .prefetch_related("postal_codes")
            .order_by("name_nl", "country")[:25]
        )
    served = org.municipalities.select_related("part_of").prefetch_related("postal_codes").order_by("name_nl")
    return render(request, "core/municipalities.html", {"form": form, "results": results, "served": served})
