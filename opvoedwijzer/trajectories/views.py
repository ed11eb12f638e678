"""The counsellor's screens: the list, a new trajectory, the trajectory page (where are we, what did we
agree, what changed) with one URL per action on it, and the consultations for professionals.

Only a trajectory's counsellors and the coordinators find it (others get 404); volunteers and funders get
403 on the whole section (`can_counsel`). Coordinators choose the counsellors (others get 403). A form
that fails comes back on the trajectory page with its errors and what was typed, without JavaScript."""

import functools

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Max, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.core.decorators import member_may
from opvoedwijzer.taxonomy import defaults

from . import services
from .charts import goal_chart, has_estimates, score_table
from .forms import (
    CloseForm,
    ConsultationForm,
    ConsultationGoalForm,
    CounsellorsForm,
    FollowUpForm,
    GoalForm,
    GoalTextForm,
    HypothesisForm,
    HypothesisUpdateForm,
    NetworkMemberForm,
    PlanForm,
    SessionEditForm,
    SessionForm,
    TrajectoryForm,
)
from .models import Consultation, Goal, Hypothesis, NetworkMember, Trajectory, TrajectorySession

can_counsel = member_may("can_counsel")
can_coordinate = member_may("is_coordinator")


def _visible(request):
    return Trajectory.objects.visible_to(request.membership)


def _trajectory(request, pk, *, for_page=False):
    qs = _visible(request)
    if for_page:
        qs = qs.select_related("organisation", "municipality", "asker_role", "main_theme").prefetch_related(
            "life_stages",
            "themes",
            "counsellors",
            "sessions",
            "hypotheses",
            "network",
            Prefetch("goals", queryset=Goal.objects.prefetch_related("scores")),
        )
    return get_object_or_404(qs, pk=pk)


def _to_page(trajectory, anchor=""):
    response = redirect("trajectories:trajectory", org=trajectory.organisation.slug, pk=trajectory.pk)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


@can_counsel
def trajectories(request):
    membership = request.membership
    rows = (
        _visible(request)
        .select_related("main_theme", "municipality")
        .annotate(session_count=Count("sessions", distinct=True), last_session=Max("sessions__date"))
        .order_by("closed_on", "-started_on", "-id")  # open ones (no closing date) first
    )
    rows = sorted(rows, key=lambda t: not t.is_open)
    consultations = _consultations(membership)[:20]
    return render(
        request,
        "trajectories/list.html",
        {"trajectories": rows, "consultations": consultations, "show_all": membership.is_coordinator},
    )


@can_counsel
def new_trajectory(request):
    membership = request.membership
    form = TrajectoryForm(
        membership.organisation,
        request.POST or None,
        user=request.user,
        choose_counsellors=membership.is_coordinator,
        initial={"counsellors": [request.user.pk]},
    )
    if request.method == "POST" and form.is_valid():
        trajectory = services.open_trajectory(
            membership, form.cleaned_data, pii_confirmations=form.pii_confirmations
        )
        messages.success(request, _("Trajectory %(code)s opened.") % {"code": trajectory.code})
        return redirect("trajectories:trajectory", org=membership.organisation.slug, pk=trajectory.pk)
    return render(request, "trajectories/new.html", {"form": form})


def _page(request, trajectory, **bound):
    """The trajectory page; `bound` holds the one form that failed, shown with its errors."""
    goals = list(trajectory.goals.all())
    sessions = list(trajectory.sessions.all())
    editable = _editable_sessions(request.membership, sessions) if trajectory.is_open else set()
    failed_session = bound.pop("session_edit", None)
    for session in sessions:
        session.duration_label = defaults.label("duration", session.duration)
        session.editable = session.pk in editable
        if failed_session is not None and failed_session[0] == session.pk:
            session.form = failed_session[1]
        elif session.editable:
            session.form = SessionEditForm(
                user=request.user,
                prefix=f"s{session.pk}",
                initial={
                    "date": session.date,
                    "kind": session.kind,
                    "duration": session.duration,
                    "notes": session.notes,
                },
            )
    failed_goal = bound.pop("goal_edit", None)
    for goal in goals:
        if failed_goal is not None and failed_goal[0] == goal.pk:
            goal.form = failed_goal[1]
        else:
            goal.form = GoalTextForm(user=request.user, prefix=f"g{goal.pk}", initial={"text": goal.text})
    forms = {
        "session_form": SessionForm(goals, user=request.user, prefix="session"),
        "goal_form": GoalForm(user=request.user, prefix="goal"),
        "hypothesis_form": HypothesisForm(user=request.user, prefix="hypothesis"),
        "plan_form": PlanForm(user=request.user, prefix="plan", initial={"plan": trajectory.plan}),
        "network_form": NetworkMemberForm(user=request.user, prefix="network"),
        "close_form": CloseForm(goals, user=request.user, prefix="close", started_on=trajectory.started_on),
        "counsellors_form": CounsellorsForm(
            trajectory.organisation,
            prefix="counsellors",
            initial={"counsellors": [user.pk for user in trajectory.counsellors.all()]},
        )
        if request.membership.is_coordinator
        else None,
    }
    forms.update(bound)
    hypotheses = list(trajectory.hypotheses.all())
    failed_hypothesis = bound.get("hypothesis_update")
    for hypothesis in hypotheses:
        if failed_hypothesis is not None and failed_hypothesis[0] == hypothesis.pk:
            hypothesis.form = failed_hypothesis[1]
        else:
            hypothesis.form = HypothesisUpdateForm(
                user=request.user,
                prefix=f"h{hypothesis.pk}",
                initial={"status": hypothesis.status, "support": hypothesis.support},
            )
    dates, score_rows = score_table(goals)
    services.note_trajectory_opened(trajectory, request.user)
    return render(
        request,
        "trajectories/trajectory.html",
        {
            "trajectory": trajectory,
            "goals": goals,
            "sessions": sessions,
            "last_session": sessions[-1] if sessions else None,
            "hypotheses": hypotheses,
            "network": list(trajectory.network.all()),
            "chart": goal_chart(goals),
            "score_dates": dates,
            "score_rows": score_rows,
            "score_estimates": has_estimates(score_rows),
            **forms,
        },
    )


def _editable_sessions(membership, sessions):
    """The ids of the sessions the member may still correct: coordinators all, the counsellor who
    registered one while its contact is theirs to correct (one query)."""
    if membership.is_coordinator:
        return {s.pk for s in sessions}
    contact_ids = [s.contact_id for s in sessions if s.contact_id]
    editable = set(
        Contact.objects.editable_by(membership).filter(pk__in=contact_ids).values_list("pk", flat=True)
    )
    return {s.pk for s in sessions if s.contact_id in editable}


@can_counsel
def trajectory(request, pk):
    return _page(request, _trajectory(request, pk, for_page=True))


def _already_closed(request, trajectory):
    messages.error(request, _("This trajectory is closed: it can no longer be changed."))
    return _to_page(trajectory)


def on_open_trajectory(view):
    """A POST action on a trajectory the member may see (others 404) and that is still open (a closed
    one is refused with a message): the view gets the trajectory instead of its pk."""

    @functools.wraps(view)
    def wrapped(request, pk, **kwargs):
        trajectory = _trajectory(request, pk)
        if not trajectory.is_open:
            return _already_closed(request, trajectory)
        return view(request, trajectory, **kwargs)

    return can_counsel(require_POST(wrapped))


def _failed(request, pk, **bound):
    """The page again with the failing form, its errors and what was typed (200, as every form page)."""
    return _page(request, _trajectory(request, pk, for_page=True), **bound)


@on_open_trajectory
def add_session(request, trajectory):
    form = SessionForm(trajectory.goals.all(), request.POST, user=request.user, prefix="session")
    if not form.is_valid():
        return _failed(request, trajectory.pk, session_form=form)
    services.add_session(
        trajectory, request.membership, form.cleaned_data, pii_confirmations=form.pii_confirmations
    )
    messages.success(request, _("Session added."))
    return _to_page(trajectory, "sessions")


@on_open_trajectory
def add_goal(request, trajectory):
    form = GoalForm(request.POST, user=request.user, prefix="goal")
    if not form.is_valid():
        return _failed(request, trajectory.pk, goal_form=form)
    services.add_goal(
        trajectory,
        text=form.cleaned_data["text"],
        score=form.cleaned_data["score"],
        by_parent=form.by_parent(),
        pii_confirmations=form.pii_confirmations,
    )
    messages.success(request, _("Goal added."))
    return _to_page(trajectory, "goals")


@on_open_trajectory
def update_goal(request, trajectory, goal_pk):
    goal = get_object_or_404(Goal, trajectory=trajectory, pk=goal_pk)
    form = GoalTextForm(request.POST, user=request.user, prefix=f"g{goal.pk}")
    if not form.is_valid():
        return _failed(request, trajectory.pk, goal_edit=(goal.pk, form))
    services.update_goal(goal, text=form.cleaned_data["text"], pii_confirmations=form.pii_confirmations)
    messages.success(request, _("Goal corrected."))
    return _to_page(trajectory, "goals")


def _session(trajectory, session_pk):
    return get_object_or_404(
        TrajectorySession.objects.select_related("trajectory"), trajectory=trajectory, pk=session_pk
    )


@on_open_trajectory
def update_session(request, trajectory, session_pk):
    """Correct a session (and the contact it registered): 403 once the member may no longer."""
    session = _session(trajectory, session_pk)
    if not services.session_editable_by(session, request.membership):
        raise PermissionDenied
    form = SessionEditForm(request.POST, user=request.user, prefix=f"s{session.pk}")
    if not form.is_valid():
        return _failed(request, trajectory.pk, session_edit=(session.pk, form))
    services.update_session(
        session, request.membership, form.cleaned_data, pii_confirmations=form.pii_confirmations
    )
    messages.success(request, _("Session corrected."))
    return _to_page(trajectory, "sessions")


@on_open_trajectory
def delete_session(request, trajectory, session_pk):
    """Delete a session made by mistake, and its contact: 403 once the member may no longer."""
    session = _session(trajectory, session_pk)
    if not services.session_editable_by(session, request.membership):
        raise PermissionDenied
    services.delete_session(session, request.membership)
    messages.success(request, _("Session deleted."))
    return _to_page(trajectory, "sessions")


@on_open_trajectory
def add_hypothesis(request, trajectory):
    form = HypothesisForm(request.POST, user=request.user, prefix="hypothesis")
    if not form.is_valid():
        return _failed(request, trajectory.pk, hypothesis_form=form)
    services.add_hypothesis(
        trajectory, text=form.cleaned_data["text"], pii_confirmations=form.pii_confirmations
    )
    messages.success(request, _("Hypothesis added."))
    return _to_page(trajectory, "hypotheses")


@on_open_trajectory
def update_hypothesis(request, trajectory, hypothesis_pk):
    hypothesis = get_object_or_404(Hypothesis, trajectory=trajectory, pk=hypothesis_pk)
    form = HypothesisUpdateForm(request.POST, user=request.user, prefix=f"h{hypothesis.pk}")
    if not form.is_valid():
        return _failed(request, trajectory.pk, hypothesis_update=(hypothesis.pk, form))
    services.update_hypothesis(
        hypothesis,
        status=form.cleaned_data["status"],
        support=form.cleaned_data["support"],
        pii_confirmations=form.pii_confirmations,
    )
    messages.success(request, _("Hypothesis updated."))
    return _to_page(trajectory, "hypotheses")


@on_open_trajectory
def update_plan(request, trajectory):
    form = PlanForm(request.POST, user=request.user, prefix="plan")
    if not form.is_valid():
        return _failed(request, trajectory.pk, plan_form=form)
    services.update_plan(trajectory, form.cleaned_data["plan"], pii_confirmations=form.pii_confirmations)
    messages.success(request, _("Plan saved."))
    return _to_page(trajectory, "plan")


@on_open_trajectory
def add_network_member(request, trajectory):
    form = NetworkMemberForm(request.POST, user=request.user, prefix="network")
    if not form.is_valid():
        return _failed(request, trajectory.pk, network_form=form)
    services.add_network_member(
        trajectory,
        role=form.cleaned_data["role"],
        how=form.cleaned_data["how"],
        pii_confirmations=form.pii_confirmations,
    )
    messages.success(request, _("Added to the network plan."))
    return _to_page(trajectory, "network")


@on_open_trajectory
def remove_network_member(request, trajectory, member_pk):
    member = get_object_or_404(NetworkMember, trajectory=trajectory, pk=member_pk)
    services.remove_network_member(member)
    messages.success(request, _("Removed from the network plan."))
    return _to_page(trajectory, "network")


@on_open_trajectory
def close(request, trajectory):
    form = CloseForm(
        trajectory.goals.all(),
        request.POST,
        user=request.user,
        prefix="close",
        started_on=trajectory.started_on,
    )
    if not form.is_valid():
        return _failed(request, trajectory.pk, close_form=form)
    data = form.cleaned_data
    services.close_trajectory(
        trajectory,
        date=data["date"],
        outcome=data["outcome"],
        scores=data["scores"],
        evaluation=data["evaluation"],
        by_parent=data["by_parent"],
        pii_confirmations=form.pii_confirmations,
    )
    messages.success(request, _("Trajectory %(code)s closed.") % {"code": trajectory.code})
    return _to_page(trajectory)


@can_coordinate
@require_POST
def set_counsellors(request, pk):
    """Also on a closed trajectory: who counsels it decides who of the staff still finds it."""
    trajectory = _trajectory(request, pk)
    form = CounsellorsForm(trajectory.organisation, request.POST, prefix="counsellors")
    if form.is_valid():
        try:
            services.set_counsellors(trajectory, form.cleaned_data["counsellors"], changed_by=request.user)
        except ValidationError as error:
            form.add_error("counsellors", error)
    if not form.is_valid():
        return _failed(request, pk, counsellors_form=form)
    messages.success(request, _("Counsellors saved."))
    return _to_page(trajectory, "counsellors")


def _consultations(membership):
    return Consultation.objects.visible_to(membership).select_related("main_theme", "municipality")


@can_counsel
def consultations(request):
    return render(
        request,
        "trajectories/consultations.html",
        {"consultations": _consultations(request.membership)[:200]},
    )


@can_counsel
def new_consultation(request):
    membership = request.membership
    form = ConsultationForm(membership.organisation, request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        consultation = services.record_consultation(
            membership, form.cleaned_data, pii_confirmations=form.pii_confirmations
        )
        messages.success(request, _("Consultation recorded."))
        return redirect("trajectories:consultation", org=membership.organisation.slug, pk=consultation.pk)
    return render(request, "trajectories/consultation_new.html", {"form": form})


def _consultation(request, pk, *, for_page=False):
    qs = _consultations(request.membership)
    if for_page:
        qs = qs.prefetch_related(
            "life_stages",
            "themes",
            "hypotheses",
            Prefetch("goals", queryset=Goal.objects.prefetch_related("scores")),
        )
    return get_object_or_404(qs, pk=pk)


def _consultation_page(request, item, **bound):
    """The consultation page with its hypotheses, goals and follow-up; `bound` holds the one form that
    failed, shown with its errors and what was typed."""
    item.duration_label = defaults.label("duration", item.duration)
    goals = list(item.goals.all())
    hypotheses = list(item.hypotheses.all())
    failed_hypothesis = bound.pop("hypothesis_update", None)
    for hypothesis in hypotheses:
        if failed_hypothesis is not None and failed_hypothesis[0] == hypothesis.pk:
            hypothesis.form = failed_hypothesis[1]
        else:
            hypothesis.form = HypothesisUpdateForm(
                user=request.user,
                prefix=f"h{hypothesis.pk}",
                initial={"status": hypothesis.status, "support": hypothesis.support},
            )
    forms = {
        "goal_form": ConsultationGoalForm(user=request.user, prefix="goal"),
        "hypothesis_form": HypothesisForm(user=request.user, prefix="hypothesis"),
        "follow_up_form": FollowUpForm(
            goals,
            user=request.user,
            prefix="follow_up",
            date=item.date,
            initial={
                "held_on": item.follow_up_held_on or item.follow_up_on,
                "notes": item.follow_up_notes,
                "advice": item.follow_up_advice,
            },
        ),
    }
    forms.update(bound)
    dates, score_rows = score_table(goals)
    return render(
        request,
        "trajectories/consultation.html",
        {
            "consultation": item,
            "goals": goals,
            "hypotheses": hypotheses,
            "score_dates": dates,
            "score_rows": score_rows,
            "score_estimates": has_estimates(score_rows),
            **forms,
        },
    )


def _to_consultation(item, anchor=""):
    response = redirect("trajectories:consultation", org=item.organisation.slug, pk=item.pk)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


@can_counsel
def consultation(request, pk):
    return _consultation_page(request, _consultation(request, pk, for_page=True))


def _consultation_failed(request, pk, **bound):
    return _consultation_page(request, _consultation(request, pk, for_page=True), **bound)


@can_counsel
@require_POST
def add_consultation_goal(request, pk):
    item = _consultation(request, pk)
    form = ConsultationGoalForm(request.POST, user=request.user, prefix="goal")
    if not form.is_valid():
        return _consultation_failed(request, pk, goal_form=form)
    services.add_goal(
        item,
        text=form.cleaned_data["text"],
        score=form.cleaned_data["score"],
        by_parent=form.by_parent(),
        pii_confirmations=form.pii_confirmations,
    )
    messages.success(request, _("Goal added."))
    return _to_consultation(item, "goals")


@can_counsel
@require_POST
def add_consultation_hypothesis(request, pk):
    item = _consultation(request, pk)
    form = HypothesisForm(request.POST, user=request.user, prefix="hypothesis")
    if not form.is_valid():
        return _consultation_failed(request, pk, hypothesis_form=form)
    services.add_hypothesis(item, text=form.cleaned_data["text"], pii_confirmations=form.pii_confirmations)
    messages.success(request, _("Hypothesis added."))
    return _to_consultation(item, "hypotheses")


@can_counsel
@require_POST
def update_consultation_hypothesis(request, pk, hypothesis_pk):
    item = _consultation(request, pk)
    hypothesis = get_object_or_404(Hypothesis, consultation=item, pk=hypothesis_pk)
    form = HypothesisUpdateForm(request.POST, user=request.user, prefix=f"h{hypothesis.pk}")
    if not form.is_valid():
        return _consultation_failed(request, pk, hypothesis_update=(hypothesis.pk, form))
    services.update_hypothesis(
        hypothesis,
        status=form.cleaned_data["status"],
        support=form.cleaned_data["support"],
        pii_confirmations=form.pii_confirmations,
    )
    messages.success(request, _("Hypothesis updated."))
    return _to_consultation(item, "hypotheses")


@can_counsel
@require_POST
def record_follow_up(request, pk):
    """What came of the follow-up meeting: the consultation's counsellor or a coordinator."""
    item = _consultation(request, pk)
    form = FollowUpForm(item.goals.all(), request.POST, user=request.user, prefix="follow_up", date=item.date)
    if not form.is_valid():
        return _consultation_failed(request, pk, follow_up_form=form)
    services.record_follow_up(item, form.cleaned_data, pii_confirmations=form.pii_confirmations)
    messages.success(request, _("Follow-up recorded."))
    return _to_consultation(item, "follow-up")
