"""Staff screens of the volunteer programme: profiles, the overview, training.

Staff members and coordinators see the overview (who is active where, in which languages) and a
volunteer's profile; coordinators make and change profiles, change a status and run the training.
Volunteers and funders get 403 here (a volunteer's own page is `volunteers:me`, in guidance_views.py);
another organisation's volunteer, module or session is a 404 (looked up through `for_org`)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from opvoedwijzer.core.decorators import member_may
from opvoedwijzer.core.models import Membership, Role

from . import services
from .forms import (
    AttendanceForm,
    CompletionForm,
    ModuleForm,
    OverviewFilterForm,
    SessionForm,
    StatusForm,
    VolunteerForm,
)
from .models import CheckIn, Status, TrainingCompletion, TrainingModule, TrainingSession, Volunteer
from .selectors import modules_to_follow

can_see_volunteers = member_may("can_see_volunteers")
can_coordinate = member_may("is_coordinator")


def _required_modules(org):
    return TrainingModule.objects.for_org(org).in_use().filter(required=True)


def _with_progress(qs, org):
    """Each volunteer with `required_done` (required modules completed) and `last_check_in`, in the
    same query; neighbourhoods and languages prefetched."""
    done = (
        TrainingCompletion.objects.filter(volunteer=OuterRef("pk"), module__in=_required_modules(org))
        .order_by()
        .values("volunteer")
        .annotate(n=Count("pk"))
        .values("n")
    )
    last = CheckIn.objects.filter(volunteer=OuterRef("pk")).order_by("-date").values("date")[:1]
    return qs.annotate(
        required_done=Coalesce(Subquery(done, output_field=IntegerField()), Value(0)),
        last_check_in=Subquery(last),
    ).prefetch_related("neighbourhoods", "languages")


def _summary(volunteers):
    """Active volunteers per language and per neighbourhood: [(label, [names])], most first."""
    by_language, by_area = {}, {}
    for v in volunteers:
        for row in v.languages.all():
            by_language.setdefault(row.get_language_display(), []).append(v.name)
        for area in v.neighbourhoods.all():
            by_area.setdefault(area.name, []).append(v.name)

    def ordered(groups):
        return sorted(groups.items(), key=lambda item: (-len(item[1]), str(item[0])))

    return ordered(by_language), ordered(by_area)


@can_see_volunteers
def overview(request):
    org = request.organisation
    form = OverviewFilterForm(org, request.GET or None)
    rows = Volunteer.objects.for_org(org)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = rows.filter(status=filters["status"]) if filters.get("status") else rows.current()
    if filters.get("language"):
        rows = rows.speaking(filters["language"])
    if filters.get("neighbourhood"):
        rows = rows.in_area(filters["neighbourhood"])
    required_total = _required_modules(org).count()
    rows = list(_with_progress(rows, org))
    for v in rows:
        v.ready_to_start = (
            v.status in (Status.CANDIDATE, Status.IN_TRAINING) and v.required_done >= required_total
        )
    active = Volunteer.objects.for_org(org).active().prefetch_related("neighbourhoods", "languages")
    by_language, by_area = _summary(active)
    coordinator = request.membership.is_coordinator
    return render(
        request,
        "volunteers/overview.html",
        {
            "form": form,
            "volunteers": rows,
            "required_total": required_total,
            "by_language": by_language,
            "by_area": by_area,
            "filtered": any(filters.values()),
            "is_coordinator": coordinator,
            "accounts": list(services.accounts_without_profile(org)) if coordinator else [],
        },
    )


def _volunteer(request, pk):
    return get_object_or_404(Volunteer.objects.for_org(request.organisation), pk=pk)


def _name_of_account(membership):
    user = membership.user
    return (user.first_name or user.email.split("@")[0])[:60]


@can_coordinate
def volunteer_new(request):
    org = request.organisation
    initial = {}
    account = request.GET.get("account", "")
    if request.method == "GET" and account.isdigit():
        membership = Membership.objects.filter(
            organisation=org, role=Role.VOLUNTEER, is_active=True, pk=int(account)
        ).first()
        if membership is not None:
            initial = {"membership": membership.pk, "name": _name_of_account(membership)}
    form = VolunteerForm(org, request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            volunteer = services.create_volunteer(
                org, form.cleaned_data, pii_confirmations=form.pii_confirmations
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Profile of %(name)s made.") % {"name": volunteer.name})
            return redirect("volunteers:volunteer", org=org.slug, pk=volunteer.pk)
    return render(request, "volunteers/form.html", {"form": form, "volunteer": None})


@can_coordinate
def volunteer_edit(request, pk):
    org = request.organisation
    volunteer = _volunteer(request, pk)
    form = VolunteerForm(
        org,
        request.POST or None,
        user=request.user,
        volunteer=volunteer,
        initial=VolunteerForm.initial_of(volunteer),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_volunteer(volunteer, form.cleaned_data, pii_confirmations=form.pii_confirmations)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Profile saved."))
            return redirect("volunteers:volunteer", org=org.slug, pk=volunteer.pk)
    return render(request, "volunteers/form.html", {"form": form, "volunteer": volunteer})


def _profile_page(request, volunteer, *, status_form=None, missing=()):
    org = request.organisation
    volunteer = (
        Volunteer.objects.for_org(org)
        .select_related("membership__user")
        .prefetch_related("neighbourhoods", "languages")
        .get(pk=volunteer.pk)
    )
    completions = list(
        TrainingCompletion.objects.filter(volunteer=volunteer)
        .select_related("module", "session")
        .order_by("-completed_on", "-pk")
    )
    to_follow = list(
        TrainingModule.objects.for_org(org)
        .in_use()
        .exclude(completions__volunteer=volunteer)
        .order_by("-required", "position", "title", "pk")
    )
    coordinator = request.membership.is_coordinator
    last_check_in = (
        CheckIn.objects.filter(volunteer=volunteer).order_by("-date").values_list("date", flat=True).first()
        if coordinator
        else None
    )
    return render(
        request,
        "volunteers/volunteer.html",
        {
            "volunteer": volunteer,
            "completions": completions,
            "to_follow": to_follow,
            "required_left": [m for m in to_follow if m.required],
            "is_coordinator": coordinator,
            "last_check_in": last_check_in,
            "status_form": status_form
            or (StatusForm(initial={"status": volunteer.status}) if coordinator else None),
            "missing": missing,
            "account_closed": volunteer.status == Status.STOPPED
            and volunteer.membership_id is not None
            and not volunteer.membership.is_active,
        },
    )


@can_see_volunteers
def volunteer(request, pk):
    return _profile_page(request, _volunteer(request, pk))


@can_coordinate
@require_POST
def volunteer_status(request, pk):
    volunteer = _volunteer(request, pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            volunteer = services.change_status(volunteer, form.cleaned_data["status"])
        except ValidationError as error:
            form.add_error("status", error)
            missing = list(modules_to_follow(volunteer)) if error.code == "modules_to_follow" else ()
            return _profile_page(request, volunteer, status_form=form, missing=missing)
        messages.success(
            request,
            _("%(name)s is now %(status)s.")
            % {"name": volunteer.name, "status": volunteer.get_status_display()},
        )
        if volunteer.status == Status.STOPPED and volunteer.membership_id:
            messages.info(request, _("Their account can no longer open the organisation."))
        return redirect("volunteers:volunteer", org=request.organisation.slug, pk=volunteer.pk)
    return _profile_page(request, volunteer, status_form=form)


@can_coordinate
def completion_new(request, pk):
    volunteer = _volunteer(request, pk)
    form = CompletionForm(volunteer, request.POST or None)
    if request.method == "GET" and request.GET.get("module", "").isdigit():
        form.initial["module"] = int(request.GET["module"])
    if request.method == "POST" and form.is_valid():
        try:
            completion = services.record_completion(volunteer, form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("%(name)s completed %(module)s.")
                % {"name": volunteer.name, "module": completion.module.title},
            )
            return redirect("volunteers:volunteer", org=request.organisation.slug, pk=volunteer.pk)
    return render(request, "volunteers/completion_new.html", {"form": form, "volunteer": volunteer})


# Training


def _module(request, pk):
    return get_object_or_404(TrainingModule.objects.for_org(request.organisation), pk=pk)


@can_coordinate
def training(request):
    org = request.organisation
    today = timezone.localdate()
    next_session = (
        TrainingSession.objects.filter(module=OuterRef("pk"), date__gte=today)
        .order_by("date")
        .values("date")[:1]
    )
    completed = (
        TrainingCompletion.objects.filter(module=OuterRef("pk"))
        .order_by()
        .values("module")
        .annotate(n=Count("pk"))
        .values("n")
    )
    modules = list(
        TrainingModule.objects.for_org(org)
        .annotate(
            next_session=Subquery(next_session),
            completed=Coalesce(Subquery(completed, output_field=IntegerField()), Value(0)),
        )
        .prefetch_related("themes")
    )
    sessions = list(
        TrainingSession.objects.for_org(org)
        .filter(date__gte=today)
        .select_related("module", "activity")
        .order_by("date", "pk")[:20]
    )
    return render(
        request,
        "volunteers/training.html",
        {
            "modules": [m for m in modules if not m.archived],
            "archived": [m for m in modules if m.archived],
            "sessions": sessions,
        },
    )


@can_coordinate
def module_new(request):
    org = request.organisation
    form = ModuleForm(org, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            module = services.create_module(org, form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Module %(title)s made.") % {"title": module.title})
            return redirect("volunteers:module", org=org.slug, pk=module.pk)
    return render(request, "volunteers/module_form.html", {"form": form, "module": None})


@can_coordinate
def module_edit(request, pk):
    org = request.organisation
    module = _module(request, pk)
    form = ModuleForm(org, request.POST or None, module=module, initial=ModuleForm.initial_of(module))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_module(module, form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Module saved."))
            return redirect("volunteers:module", org=org.slug, pk=module.pk)
    return render(request, "volunteers/module_form.html", {"form": form, "module": module})


@can_coordinate
def module(request, pk):
    org = request.organisation
    item = get_object_or_404(
        TrainingModule.objects.for_org(org).prefetch_related("themes", "materials"), pk=pk
    )
    sessions = list(
        item.sessions.select_related("activity")
        .annotate(attendee_count=Count("attendees"))
        .order_by("-date", "-pk")
    )
    completions = list(
        item.completions.select_related("volunteer", "session").order_by("volunteer__name", "pk")
    )
    still = list(
        Volunteer.objects.for_org(org).current().exclude(completions__module=item).order_by("name", "pk")
    )
    return render(
        request,
        "volunteers/module.html",
        {"module": item, "sessions": sessions, "completions": completions, "still": still},
    )


@can_coordinate
def session_new(request, pk):
    org = request.organisation
    item = _module(request, pk)
    form = SessionForm(org, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.plan_session(item, form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Session planned."))
            return redirect("volunteers:session", org=org.slug, pk=session.pk)
    return render(request, "volunteers/session_new.html", {"form": form, "module": item})


@can_coordinate
def session(request, pk):
    org = request.organisation
    item = get_object_or_404(TrainingSession.objects.for_org(org).select_related("module", "activity"), pk=pk)
    form = AttendanceForm(
        item, request.POST or None, initial={"attendees": [v.pk for v in item.attendees.all()]}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.record_training_attendance(item, form.cleaned_data["attendees"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            count = len(form.cleaned_data["attendees"])
            messages.success(
                request,
                ngettext("Attendance saved: %(count)s came.", "Attendance saved: %(count)s came.", count)
                % {"count": count},
            )
            return redirect("volunteers:session", org=org.slug, pk=item.pk)
    return render(request, "volunteers/session.html", {"session": item, "form": form})
