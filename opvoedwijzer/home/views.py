"""The organisation's staff home: what to do today, composed from the domains' reads."""

import datetime

from django.shortcuts import render
from django.utils import timezone

from opvoedwijzer.activities.models import Session
from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.onboarding.steps import steps_left
from opvoedwijzer.policy.models import Signal
from opvoedwijzer.questions.models import Question
from opvoedwijzer.socialmap.models import Referral

# How many questions or referrals the home lists before "and more: see all".
HOME_LIST_LENGTH = 5


def org_home(request):
    """What do I do today, for the member's role: web questions due (mine first), referrals to follow
    up, this week's sessions with their sign-ups, signals waiting, today's and this week's registrations
    (mine; the team's too for coordinators). The rest is the grouped navigation (core/navigation.py).
    A fixed number of queries whatever the amounts (tests/home/test_org_home.py pins it)."""
    org, membership, user = request.organisation, request.membership, request.user
    today = timezone.localdate()
    week_start = today - datetime.timedelta(days=today.weekday())
    week_end = week_start + datetime.timedelta(days=6)
    context = {"today": today, "week_start": week_start, "week_end": week_end, "shown": HOME_LIST_LENGTH}
    if membership.can_answer_questions:
        due = Question.objects.for_org(org).due_by(today).mine_first(user).select_related("assigned_to")
        context["questions"] = list(due[: HOME_LIST_LENGTH + 1])
    if membership.can_register:
        follow_ups = Referral.objects.for_org(org).to_follow_up(user, day=today)
        context["referrals"] = list(
            follow_ups.select_related("service").order_by("follow_up_on", "id")[: HOME_LIST_LENGTH + 1]
        )
        tz = timezone.get_current_timezone()
        start = datetime.datetime.combine(week_start, datetime.time.min, tzinfo=tz)
        context["sessions"] = list(
            Session.objects.for_org(org)
            .of_activities_not_cancelled()
            .starting_between(start, start + datetime.timedelta(days=7))
            .with_signups()
            .select_related("activity")
            .order_by("starts_at", "id")
        )
        context["signals_waiting"] = Signal.objects.for_org(org).waiting().count()
        context["registrations"] = (
            Contact.objects.for_org(org)
            .in_period(week_start, week_end)
            .counted_for(user, today, team=membership.is_coordinator)
        )
    # Coordinators see what is left of the first-run steps, while anything is.
    context["setup_left"] = steps_left(org) if membership.is_coordinator else []
    return render(request, "home/org_home.html", context)
