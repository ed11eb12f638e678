"""The screens of the volunteers' reflection and guidance.

Coordinators plan the monthly reflection meetings, record who came and the anonymous intervision cases,
write check-ins with a volunteer and answer the volunteers' questions. Volunteers read the meetings and
their cases, and on "My volunteer work" see their profile, training, check-ins and answers, and write
their learning notes (which nobody else reads: no URL shows another's notes) and questions.
Staff and funders get 403 here; a volunteer who opens another volunteer's check-ins gets 404.
"""

import functools

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opvoedwijzer.core.decorators import member_may

from . import guidance
from .guidance_forms import (
    AnswerForm,
    AttendanceForm,
    CheckInForm,
    IntervisionCaseForm,
    LearningNoteForm,
    QuestionForm,
    ReflectionMeetingForm,
)
from .models import IntervisionCase, ReflectionMeeting, TrainingModule, Volunteer, VolunteerQuestion
from .selectors import modules_to_follow, volunteer_of

coordinators = member_may("is_coordinator")
volunteers_only = member_may("is_volunteer")


def coordinators_and_volunteers(view):
    """Coordinators and volunteers (the reflection meetings, one's own check-ins); others 403."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        membership = request.membership
        if not (getattr(membership, "is_coordinator", False) or getattr(membership, "is_volunteer", False)):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def _own_volunteer(request):
    """The profile of the volunteer who asks; 404 when the coordinator has not made it yet."""
    volunteer = volunteer_of(request.membership)
    if volunteer is None or volunteer.organisation_id != request.organisation.pk:
        raise Http404
    return volunteer


# --- My volunteer work --------------------------------------------------------------------------------


def _me_page(request, volunteer):
    org = request.organisation
    today = timezone.localdate()
    completed = (
        TrainingModule.objects.filter(completions__volunteer=volunteer)
        .order_by("position", "title", "id")
        .distinct()
    )
    meetings = guidance.meetings_for_listing(org)
    return render(
        request,
        "volunteers/me.html",
        {
            "volunteer": volunteer,
            "to_follow": list(modules_to_follow(volunteer)),
            "completed": list(completed),
            "next_meeting": guidance.next_meeting(org, today),
            "past_meetings": list(meetings.filter(date__lt=today)[:3]),
            "check_ins": list(volunteer.check_ins.all()),
            "questions": list(volunteer.questions.all()),
            "notes": list(volunteer.learning_notes.select_related("meeting")),
            "note_form": LearningNoteForm(org, user=request.user, prefix="note"),
            "question_form": QuestionForm(user=request.user, prefix="question"),
        },
    )


@volunteers_only
def me(request):
    volunteer = (
        Volunteer.objects.filter(membership=request.membership)
        .prefetch_related("neighbourhoods", "languages")
        .first()
    )
    if volunteer is None:
        return render(request, "volunteers/me_no_profile.html")
    return _me_page(request, volunteer)


@volunteers_only
def new_note(request):
    volunteer = _own_volunteer(request)
    form = LearningNoteForm(request.organisation, request.POST or None, user=request.user, prefix="note")
    if request.method == "POST" and form.is_valid():
        guidance.create_learning_note(volunteer, form.cleaned_data, pii_confirmations=form.pii_confirmations)
        messages.success(request, _("Learning note saved."))
        return redirect(_me_url(request, "notes"))
    return render(request, "volunteers/me_note_new.html", {"form": form})


@volunteers_only
def new_question(request):
    volunteer = _own_volunteer(request)
    form = QuestionForm(request.POST or None, user=request.user, prefix="question")
    if request.method == "POST" and form.is_valid():
        guidance.ask_question(volunteer, form.cleaned_data, pii_confirmations=form.pii_confirmations)
        messages.success(request, _("Your question was sent to the coordinator."))
        return redirect(_me_url(request, "questions"))
    return render(request, "volunteers/question_new.html", {"form": form})


def _me_url(request, anchor):
    return reverse("volunteers:me", kwargs={"org": request.organisation.slug}) + f"#{anchor}"


# --- reflection meetings ------------------------------------------------------------------------------


def _meeting(request, pk):
    return get_object_or_404(ReflectionMeeting.objects.for_org(request.organisation), pk=pk)


@coordinators_and_volunteers
def meetings(request):
    org = request.organisation
    return render(
        request,
        "volunteers/meetings.html",
        {
            "meetings": list(guidance.meetings_for_listing(org)),
            "next_meeting": guidance.next_meeting(org),
            "may_edit": request.membership.is_coordinator,
        },
    )


@coordinators
def new_meeting(request):
    form = ReflectionMeetingForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        meeting = guidance.create_reflection_meeting(
            request.organisation, form.cleaned_data, pii_confirmations=form.pii_confirmations
        )
        messages.success(request, _("Reflection meeting planned."))
        return redirect("volunteers:meeting", org=request.organisation.slug, pk=meeting.pk)
    return render(request, "volunteers/meeting_form.html", {"form": form, "meeting": None})


@coordinators
def edit_meeting(request, pk):
    meeting = _meeting(request, pk)
    form = ReflectionMeetingForm(
        request.POST or None,
        user=request.user,
        initial={"date": meeting.date, "topics": meeting.topics, "expert": meeting.expert},
    )
    if request.method == "POST" and form.is_valid():
        guidance.update_reflection_meeting(
            meeting, form.cleaned_data, pii_confirmations=form.pii_confirmations
        )
        messages.success(request, _("Reflection meeting saved."))
        return redirect("volunteers:meeting", org=request.organisation.slug, pk=meeting.pk)
    return render(request, "volunteers/meeting_form.html", {"form": form, "meeting": meeting})


def _meeting_page(request, meeting, *, attendance_form=None, status=200):
    may_edit = request.membership.is_coordinator
    meeting = (
        ReflectionMeeting.objects.filter(pk=meeting.pk)
        .prefetch_related(
            "attendees", Prefetch("cases", queryset=IntervisionCase.objects.prefetch_related("themes"))
        )
        .get()
    )
    if may_edit and attendance_form is None:
        attendance_form = AttendanceForm(meeting, prefix="attendance")
    return render(
        request,
        "volunteers/meeting.html",
        {
            "meeting": meeting,
            "attendees": list(meeting.attendees.all()),
            "cases": list(meeting.cases.all()),
            "may_edit": may_edit,
            "attendance_form": attendance_form,
        },
        status=status,
    )


@coordinators_and_volunteers
def meeting(request, pk):
    return _meeting_page(request, _meeting(request, pk))


@coordinators
@require_POST
def attendance(request, pk):
    meeting = _meeting(request, pk)
    form = AttendanceForm(meeting, request.POST, prefix="attendance")
    if not form.is_valid():
        return _meeting_page(request, meeting, attendance_form=form)
    guidance.record_attendance(meeting, form.cleaned_data["attendees"])
    messages.success(request, _("Attendance saved."))
    return redirect("volunteers:meeting", org=request.organisation.slug, pk=meeting.pk)


@coordinators
def new_case(request, pk):
    meeting = _meeting(request, pk)
    form = IntervisionCaseForm(request.organisation, request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        guidance.create_case(meeting, form.cleaned_data, pii_confirmations=form.pii_confirmations)
        messages.success(request, _("Intervision case added."))
        return redirect("volunteers:meeting", org=request.organisation.slug, pk=meeting.pk)
    return render(
        request, "volunteers/meeting_case_form.html", {"form": form, "meeting": meeting, "case": None}
    )


@coordinators
def edit_case(request, pk):
    case = get_object_or_404(
        IntervisionCase.objects.filter(meeting__organisation=request.organisation).select_related("meeting"),
        pk=pk,
    )
    form = IntervisionCaseForm(
        request.organisation,
        request.POST or None,
        user=request.user,
        initial={
            "situation": case.situation,
            "questions": case.questions,
            "learned": case.learned,
            "themes": [t.code for t in case.themes.all()],
        },
    )
    if request.method == "POST" and form.is_valid():
        guidance.update_case(case, form.cleaned_data, pii_confirmations=form.pii_confirmations)
        messages.success(request, _("Intervision case saved."))
        return redirect("volunteers:meeting", org=request.organisation.slug, pk=case.meeting_id)
    return render(
        request, "volunteers/meeting_case_form.html", {"form": form, "meeting": case.meeting, "case": case}
    )


# --- check-ins ----------------------------------------------------------------------------------------


def _volunteer(request, pk):
    return get_object_or_404(Volunteer.objects.for_org(request.organisation), pk=pk)


@coordinators_and_volunteers
def check_ins(request, pk):
    volunteer = _volunteer(request, pk)
    if not request.membership.is_coordinator and volunteer.membership_id != request.membership.pk:
        raise Http404  # another volunteer's check-ins
    return render(
        request,
        "volunteers/checkins.html",
        {
            "volunteer": volunteer,
            "check_ins": list(volunteer.check_ins.all()),
            "may_edit": request.membership.is_coordinator,
        },
    )


@coordinators
def new_check_in(request, pk):
    volunteer = _volunteer(request, pk)
    form = CheckInForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        guidance.create_check_in(
            volunteer, form.cleaned_data, coordinator=request.user, pii_confirmations=form.pii_confirmations
        )
        messages.success(request, _("Check-in saved."))
        return redirect("volunteers:checkins", org=request.organisation.slug, pk=volunteer.pk)
    return render(request, "volunteers/checkin_new.html", {"form": form, "volunteer": volunteer})


# --- questions to the coordinator ---------------------------------------------------------------------


def _org_questions(request):
    return VolunteerQuestion.objects.filter(volunteer__organisation=request.organisation)


@coordinators
def questions(request):
    rows = list(
        _org_questions(request)
        .select_related("volunteer")
        .order_by("answered_on", "-asked_on", "-id")  # open ones (no answer date) first
    )
    rows.sort(key=lambda q: q.answered_on is not None)
    return render(
        request,
        "volunteers/questions.html",
        {"questions": rows, "open_count": sum(1 for q in rows if q.answered_on is None)},
    )


@coordinators
def answer(request, pk):
    question = get_object_or_404(_org_questions(request).select_related("volunteer"), pk=pk)
    form = AnswerForm(request.POST or None, user=request.user, initial={"answer": question.answer})
    if request.method == "POST" and form.is_valid():
        guidance.answer_question(
            question, form.cleaned_data, user=request.user, pii_confirmations=form.pii_confirmations
        )
        messages.success(request, _("Answer saved; the volunteer reads it on their page."))
        return redirect("volunteers:questions", org=request.organisation.slug)
    return render(request, "volunteers/question_answer.html", {"form": form, "question": question})
