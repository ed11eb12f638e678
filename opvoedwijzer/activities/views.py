"""Staff screens of the group offer: activities with their sessions, sign-ups, check-in, head counts,
evaluation links and results."""

from django.contrib import messages
from django.db.models import Prefetch, Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opvoedwijzer.core.badinput import as_id
from opvoedwijzer.core.crypto import decrypt
from opvoedwijzer.core.decorators import member_may
from opvoedwijzer.core.language import with_lang

from . import qr, services
from .forms import ActivityForm, CancelActivityForm, SignUpForm, attendance_formset, session_formset
from .models import Activity, Evaluation, Session, SignUp, SignUpStatus


def _activities(org):
    return Activity.objects.for_org(org).with_dates().with_places()


@member_may("can_register")
def activities(request):
    org = request.organisation
    past = request.GET.get("when") == "past"
    qs = _activities(org)
    qs = qs.past().order_by("-first_start") if past else qs.upcoming().order_by("first_start")
    drafts = _activities(org).filter(first_start__isnull=True)
    context = {"activities": qs[:200], "past": past, "drafts": [] if past else drafts}
    return render(request, "activities/activities.html", context)


def _edit(request, activity=None):
    org = request.organisation
    taken = services.places_taken(activity) if activity else 0
    form = ActivityForm(org, request.POST or None, instance=activity, taken=taken, user=request.user)
    sessions = list(activity.sessions.all()) if activity else []
    formset = session_formset(
        org, request.POST or None, sessions=sessions, extra=1 if activity else 4, user=request.user
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        kept = [f for f in formset.forms if f.has_changed() and not f.cleaned_data.get("DELETE")]
        deleted = [f.cleaned_data["pk"] for f in formset.forms if f.cleaned_data.get("DELETE")]
        rows = [f.session_fields() for f in kept]
        confirmed = [c for f in [form, *formset.forms] for c in f.pii_confirmations]
        data = {**form.cleaned_data, "translations": form.translations_data()}
        if activity is None:
            activity = services.create_activity(org, data, sessions=rows, pii_confirmations=confirmed)
        else:
            activity = services.update_activity(
                activity,
                data,
                sessions=rows,
                deleted_sessions=[s for s in sessions if s.pk in deleted],
                pii_confirmations=confirmed,
            )
        messages.success(request, _("Saved."))
        return redirect("activities:activity", org=org.slug, pk=activity.pk)
    return render(
        request, "activities/activity_form.html", {"form": form, "formset": formset, "activity": activity}
    )


@member_may("can_edit_content")
def activity_new(request):
    return _edit(request)


@member_may("can_edit_content")
def activity_edit(request, pk):
    return _edit(request, get_object_or_404(Activity.objects.for_org(request.organisation), pk=pk))


@member_may("can_register")
def activity(request, pk):
    """One activity: its dates, who signed up (and who waits), the evaluations; sign someone up who
    calls, publish, cancel."""
    org = request.organisation
    item = get_object_or_404(
        _activities(org).prefetch_related(
            "themes",
            "life_stages",
            "partners",
            Prefetch(
                "sessions",
                Session.objects.select_related("location__municipality").with_counts(),
            ),
        ),
        pk=pk,
    )
    signups = list(item.signups.active())
    for signup in signups:
        signup.contact_plain = decrypt(signup.contact)
    form = SignUpForm(prefix="signup", public=False)
    if request.method == "POST":
        form = SignUpForm(request.POST, prefix="signup", public=False)
        if form.is_valid():
            d = form.cleaned_data
            try:
                signup, _token = services.sign_up(
                    item, name=d["name"], people=d["people"], contact=d["contact"], by_staff=True
                )
            except services.SignUpClosed:
                form.add_error(None, _("This activity is cancelled."))
            else:
                if signup.status == SignUpStatus.CONFIRMED:
                    messages.success(request, _("%(name)s has a place.") % {"name": signup.name})
                else:
                    messages.success(request, _("%(name)s is on the waiting list.") % {"name": signup.name})
                return redirect("activities:activity", org=org.slug, pk=pk)
    evaluations = Evaluation.objects.filter(session__activity=item)
    context = {
        "activity": item,
        "sessions": item.sessions.all(),
        "confirmed": [s for s in signups if s.status == SignUpStatus.CONFIRMED],
        "waiting": [s for s in signups if s.status == SignUpStatus.WAITING],
        "cancelled": item.signups.filter(status=SignUpStatus.CANCELLED).count(),
        "form": form,
        "cancel_form": CancelActivityForm(prefix="cancel"),
        "scores": evaluations.averages(),
        "comments": evaluations.exclude(comment="").select_related("session")[:50],
        "purge_on": item.personal_data_purge_on(),
    }
    return render(request, "activities/activity.html", context)


@member_may("can_edit_content")
@require_POST
def activity_publish(request, pk):
    item = get_object_or_404(Activity.objects.for_org(request.organisation), pk=pk)
    publish = request.POST.get("published") == "1"
    if publish and not item.sessions.exists():
        messages.error(request, _("Add a date first: an activity without a date cannot be published."))
    elif publish and item.cancelled_on:
        messages.error(request, _("A cancelled activity cannot be published."))
    else:
        services.publish(item, publish)
        messages.success(
            request,
            _("It is on the public agenda.") if publish else _("It is no longer on the public agenda."),
        )
    return redirect("activities:activity", org=request.organisation.slug, pk=pk)


@member_may("can_edit_content")
@require_POST
def activity_copy(request, pk):
    """Plan the same activity again: a copy without dates, to fill in."""
    copy = services.copy_activity(get_object_or_404(Activity.objects.for_org(request.organisation), pk=pk))
    messages.success(request, _("A copy, not published yet: add its dates."))
    return redirect("activities:activity_edit", org=request.organisation.slug, pk=copy.pk)


@member_may("can_edit_content")
def activity_cancel(request, pk):
    item = get_object_or_404(
        Activity.objects.for_org(request.organisation).filter(cancelled_on__isnull=True), pk=pk
    )
    form = CancelActivityForm(request.POST or None, prefix="cancel", user=request.user)
    if request.method == "POST" and form.is_valid():
        _item, told = services.cancel_activity(
            item, form.cleaned_data["message"], pii_confirmations=form.pii_confirmations
        )
        messages.success(
            request,
            _("The activity is cancelled. %(n)s people who left a phone number or e-mail address are told.")
            % {"n": told},
        )
        return redirect("activities:activity", org=request.organisation.slug, pk=pk)
    return render(request, "activities/cancel.html", {"activity": item, "form": form})


@member_may("can_register")
@require_POST
def signup_cancel(request, pk):
    signup = get_object_or_404(SignUp.objects.for_org(request.organisation).active(), pk=pk)
    _signup, promoted = services.cancel_signup(signup)
    text = _("The sign-up is cancelled; the name and contact are deleted.")
    if promoted:
        text += " " + _("%(n)s moved up from the waiting list.") % {"n": len(promoted)}
    messages.success(request, text)
    return redirect("activities:activity", org=request.organisation.slug, pk=signup.activity_id)


def _session(request, pk):
    return get_object_or_404(
        Session.objects.filter(activity__organisation=request.organisation).select_related(
            "activity", "location"
        ),
        pk=pk,
    )


@member_may("can_register")
def check_in(request, pk):
    """The list for the evening: who signed up, how many, tick who came."""
    session = _session(request, pk)
    if request.method == "POST":
        signup = get_object_or_404(session.activity.signups.confirmed(), pk=as_id(request.POST.get("signup")))
        services.check_in(session, signup, present=request.POST.get("present") == "1")
        url = reverse("activities:check_in", kwargs={"org": request.organisation.slug, "pk": pk})
        return redirect(f"{url}#signup-{signup.pk}")
    present = set(session.check_ins.values_list("signup_id", flat=True))
    signups = list(session.activity.signups.confirmed())
    for signup in signups:
        signup.present = signup.pk in present
    context = {
        "session": session,
        "signups": signups,
        "people": sum(s.people for s in signups),
        "people_present": sum(s.people for s in signups if s.present),
    }
    return render(request, "activities/check_in.html", context)


@member_may("can_register")
def attendance(request, pk):
    """The anonymous head count of a session: who came, from where."""
    org = request.organisation
    session = _session(request, pk)
    formset = attendance_formset(org, request.POST or None, session=session)
    if request.method == "POST" and formset.is_valid():
        services.record_attendance(session, [r for f in formset.forms if (r := f.row())])
        messages.success(request, _("The head count is saved."))
        return redirect("activities:activity", org=org.slug, pk=session.activity_id)
    checked_in = session.check_ins.aggregate(n=Sum("signup__people"))["n"] or 0
    context = {"session": session, "formset": formset, "checked_in": checked_in}
    return render(request, "activities/attendance.html", context)


@member_may("can_register")
def evaluation_link(request, pk):
    """The link and QR code of the anonymous evaluation of a session, to show or print."""
    session = _session(request, pk)
    path = reverse(
        "public_evaluate", kwargs={"slug": request.organisation.slug, "code": session.evaluation_code}
    )
    # In the activity's language: the parent who scans it starts there (and can pick another).
    link = with_lang(request.build_absolute_uri(path), session.activity.language)
    context = {"session": session, "link": link, "qr": qr.svg(link, _("QR code of the evaluation link"))}
    return render(request, "activities/evaluation_link.html", context)
