"""The public agenda: /<org>/agenda/ — find an activity, sign up without an account, cancel with the
link, evaluate afterwards; iCalendar feeds for calendar apps."""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache

from opvoedwijzer.core.models import Organisation
from opvoedwijzer.core.ratelimit import over_limit

from . import feeds, services
from .forms import AgendaFilterForm, EvaluationForm, SignUpForm
from .models import Activity, Session, SignUpStatus

FEED_MAX_AGE = 300


def agenda_activities(org):
    """Published activities that are not over, soonest first, with what the cards show."""
    sessions = Session.objects.select_related("location__municipality")
    return (
        Activity.objects.for_org(org)
        .published()
        .with_dates()
        .with_places()
        .upcoming()
        .order_by("first_start", "id")
        .prefetch_related(Prefetch("sessions", sessions), "themes", "life_stages")
    )


def agenda(request, slug):
    org = get_object_or_404(Organisation, slug=slug)
    form = AgendaFilterForm(org, request.GET or None)
    page = Paginator(form.filter(agenda_activities(org)), 20).get_page(request.GET.get("page"))
    context = {"organisation": org, "form": form, "page": page, "public": True}
    return render(request, "activities/public/agenda.html", context)


@never_cache
def activity(request, slug, pk):
    org = get_object_or_404(Organisation, slug=slug)
    item = get_object_or_404(
        Activity.objects.for_org(org)
        .published()
        .with_places()
        .prefetch_related(
            Prefetch("sessions", Session.objects.select_related("location__municipality")),
            "themes",
            "life_stages",
            "partners",
        ),
        pk=pk,
    )
    is_open = item.signups_open()
    form = SignUpForm(request.POST or None) if is_open else None
    if request.method == "POST" and form is not None:
        if form.is_spam():
            form.add_error(None, _("Something went wrong. Please try again."))
        elif over_limit(request, "sign_up"):
            form.add_error(None, _("Too many sign-ups from this connection in the last hour."))
        elif form.is_valid():
            d = form.cleaned_data
            try:
                _signup, token = services.sign_up(
                    item, name=d["name"], people=d["people"], contact=d["contact"], language=get_language()
                )
            except services.SignUpClosed:
                form.add_error(None, _("Signing up for this activity is closed."))
            else:
                return redirect(
                    reverse("public_signup", kwargs={"slug": org.slug, "token": token}) + "?new=1"
                )
    context = {
        "organisation": org,
        "activity": item,
        "form": form,
        "is_open": is_open,
        "public": True,
    }
    return render(request, "activities/public/activity.html", context)


@never_cache
def signup(request, slug, token):
    """The link someone keeps: their status, and a button to cancel."""
    found = services.find_signup(token)
    if found is None or found.activity.organisation.slug != slug:
        raise Http404
    cancelled_now = False
    if request.method == "POST" and found.status != SignUpStatus.CANCELLED:
        found, _promoted = services.cancel_signup(found)
        cancelled_now = True
    activity = found.activity
    context = {
        "organisation": activity.organisation,
        "activity": activity,
        "signup": found,
        "sessions": activity.sessions.select_related("location"),
        "new": request.GET.get("new") == "1" and not cancelled_now,
        "cancelled_now": cancelled_now,
        "position": found.waiting_position(),
        "link": request.build_absolute_uri(request.path),
        "public": True,
    }
    return render(request, "activities/public/signup.html", context)


@never_cache
def evaluate(request, slug, code):
    session = get_object_or_404(
        Session.objects.select_related("activity__organisation").filter(
            activity__organisation__slug=slug, starts_at__lte=timezone.now()
        ),
        evaluation_code=code,
    )
    org = session.activity.organisation
    form = EvaluationForm(request.POST or None)
    done = None
    if request.method == "POST":
        if over_limit(request, "evaluate"):
            form.add_error(None, _("Too many evaluations from this connection in the last hour."))
        elif form.is_valid():
            d = form.cleaned_data
            done = services.evaluate(
                session,
                overall=d["overall"],
                useful=d["useful"],
                atmosphere=d["atmosphere"],
                comment=d["comment"],
            )
    context = {
        "organisation": org,
        "session": session,
        "form": form,
        "done": done,
        "redactions": form.pii_redactions if done else {},
        "public": True,
    }
    return render(request, "activities/public/evaluate.html", context)


# Calendar apps and proxies may keep a feed for five minutes: it is public. Compressed, it is about 15×
# smaller (537 kB → 34 kB for 800 sessions); a feed reflects nothing secret, so compression cannot leak a
# token (BREACH), unlike the HTML pages. The whole feed is kept in memory between writes (feeds.py); a
# client that has it gets 304 Not Modified on its ETag.
@cache_control(public=True, max_age=FEED_MAX_AGE)
def agenda_ics(request, slug):
    org = get_object_or_404(Organisation, slug=slug)
    return feeds.response(request, feeds.agenda_feed(org, request), f"{org.slug}-agenda.ics")


@cache_control(public=True, max_age=FEED_MAX_AGE)
def activity_ics(request, slug, pk):
    org = get_object_or_404(Organisation, slug=slug)
    return feeds.response(request, feeds.activity_feed(org, request, pk), f"{org.slug}-{pk}.ics")
