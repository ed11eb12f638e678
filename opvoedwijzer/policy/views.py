"""Staff screens for networking meetings (M10) and signals (M12)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opvoedwijzer.activities.models import Activity
from opvoedwijzer.core.decorators import member_may

from . import services
from .forms import ActionForm, MeetingForm, SignalForm, SignalStepForm, ThemeMeetingForm
from .models import Meeting, MeetingAction, Signal, SignalStatus
from .selectors import with_outcome

# Meetings -----------------------------------------------------------------------------------------


@member_may("can_edit_content")
def meetings(request):
    org = request.organisation
    context = {
        "meetings": Meeting.objects.for_org(org).prefetch_related("municipalities")[:200],
        "open_actions": MeetingAction.objects.open()
        .filter(meeting__organisation=org)
        .select_related("meeting", "owner_member"),
    }
    return render(request, "policy/meetings.html", context)


@member_may("can_edit_content")
def meeting_form(request, pk=None):
    org = request.organisation
    meeting = get_object_or_404(Meeting.objects.for_org(org), pk=pk) if pk else None
    initial = {"date": timezone.localdate()} if meeting is None else None
    form = MeetingForm(
        request.POST or None, instance=meeting, initial=initial, organisation=org, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        if meeting is None:
            meeting = services.create_meeting(
                form, organisation=org, user=request.user, pii_confirmations=form.pii_confirmations
            )
        else:
            meeting = services.update_meeting(form, pii_confirmations=form.pii_confirmations)
        messages.success(request, _("The meeting was saved."))
        return redirect("policy:meeting", org=org.slug, pk=meeting.pk)
    return render(request, "policy/meeting_form.html", {"form": form, "meeting": meeting})


@member_may("can_edit_content")
def meeting(request, pk):
    org = request.organisation
    meeting = get_object_or_404(Meeting.objects.for_org(org).prefetch_related("municipalities"), pk=pk)
    form = ActionForm(request.POST or None, organisation=org, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.add_action(meeting, **form.cleaned_data, pii_confirmations=form.pii_confirmations)
        messages.success(request, _("The action was added."))
        return redirect("policy:meeting", org=org.slug, pk=meeting.pk)
    actions = meeting.actions.select_related("owner_member")
    return render(request, "policy/meeting.html", {"meeting": meeting, "form": form, "actions": actions})


@member_may("can_edit_content")
@require_POST
def action_done(request, pk):
    action = get_object_or_404(MeetingAction, pk=pk, meeting__organisation=request.organisation)
    services.complete_action(action, day=timezone.localdate())
    messages.success(request, _("Marked as done."))
    return redirect("policy:meeting", org=request.organisation.slug, pk=action.meeting_id)


# Signals ------------------------------------------------------------------------------------------


@member_may("can_register")
def signals(request):
    org = request.organisation
    status = request.GET.get("status", "open")
    qs = with_outcome(
        Signal.objects.for_org(org).select_related("theme", "theme_group", "municipality", "theme_meeting")
    )
    if status == "open":
        qs = qs.open()
    elif status in SignalStatus.values:
        qs = qs.filter(status=status)
    statuses = [("open", _("open")), *SignalStatus.choices, ("all", _("all"))]
    return render(
        request, "policy/signals.html", {"signals": qs[:200], "status": status, "statuses": statuses}
    )


@member_may("can_register")
def signal_new(request):
    org = request.organisation
    form = SignalForm(request.POST or None, organisation=org, user=request.user)
    if request.method == "POST" and form.is_valid():
        signal = services.raise_signal(
            org, form.cleaned_data, user=request.user, pii_confirmations=form.pii_confirmations
        )
        messages.success(request, _("Thank you: the signal was raised."))
        return redirect("policy:signal", org=org.slug, pk=signal.pk)
    return render(request, "policy/signal_form.html", {"form": form})


@member_may("can_register")
def signal(request, pk):
    org = request.organisation
    signal = get_object_or_404(
        with_outcome(Signal.objects.for_org(org).select_related("theme", "theme_group", "municipality")),
        pk=pk,
    )
    steps = [(s, SignalStatus(s).label) for s in services.STEPS[signal.status]]
    form = None
    if request.membership.can_edit_content and steps:
        form = SignalStepForm(
            request.POST or None,
            initial={"day": timezone.localdate(), "step": steps[0][0]},
            steps=steps,
            organisation=org,
            user=request.user,
        )
        if request.method == "POST" and form.is_valid():
            try:
                services.move_signal(signal, **form.cleaned_data, pii_confirmations=form.pii_confirmations)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, _("The signal is now: %(status)s.") % {"status": signal.get_status_display()}
                )
                return redirect("policy:signal", org=org.slug, pk=signal.pk)
    context = {"signal": signal, "form": form, "theme_meeting": _theme_meeting(signal)}
    return render(request, "policy/signal.html", context)


def _theme_meeting(signal):
    """The signal's theme meeting with its first date and places taken, or None."""
    if signal.theme_meeting_id is None:
        return None
    return Activity.objects.with_dates().with_places().get(pk=signal.theme_meeting_id)


@member_may("is_coordinator")
def signal_theme_meeting(request, pk):
    """Plan a theme meeting in the signal's neighbourhood: an activity of the group offer."""
    org = request.organisation
    signal = get_object_or_404(
        Signal.objects.for_org(org).select_related("theme", "theme_group", "municipality"), pk=pk
    )
    if signal.theme_meeting_id is not None:
        messages.info(request, _("This signal has a theme meeting already."))
        return redirect("policy:signal", org=org.slug, pk=signal.pk)
    form = ThemeMeetingForm(
        request.POST or None, initial=_theme_meeting_initial(signal), signal=signal, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_theme_meeting(
                signal, form.activity_data(), pii_confirmations=form.pii_confirmations
            )
        except services.AlreadyPlanned:
            messages.info(request, _("This signal has a theme meeting already."))
        else:
            messages.success(request, _("The theme meeting was added to the group offer."))
        return redirect("policy:signal", org=org.slug, pk=signal.pk)
    return render(request, "policy/theme_meeting_form.html", {"signal": signal, "form": form})


def _theme_meeting_initial(signal):
    where = signal.municipality.name if signal.municipality_id else ""
    if signal.theme_id:
        themes = [signal.theme.code]
    elif signal.theme_group_id:
        themes = list(signal.theme_group.themes.values_list("code", flat=True))
    else:
        themes = []
    if signal.theme_id or signal.theme_group_id:
        subject = (signal.theme or signal.theme_group).label.lower()
    else:
        subject = signal.title
    if where:
        description = _(
            "Parents in %(where)s share what they experience with %(subject)s, ask their questions and "
            "hear tips from a parenting counsellor."
        ) % {"subject": subject, "where": where}
    else:
        description = _(
            "Parents share what they experience with %(subject)s, ask their questions and hear tips from a "
            "parenting counsellor."
        ) % {"subject": subject}
    return {
        "title": _("Theme meeting: %(title)s") % {"title": signal.title},
        "description": description,
        "themes": themes,
        "start": "19:30",
        "end": "21:30",
        "capacity": 20,
    }


@member_may("is_coordinator")
@require_POST
def signals_detect(request):
    created = services.propose_rising_signals(request.organisation)
    messages.success(request, _("%(n)s new signal(s) proposed from the numbers.") % {"n": len(created)})
    return redirect("policy:signals", org=request.organisation.slug)
