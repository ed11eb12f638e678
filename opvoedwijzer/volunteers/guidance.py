"""The services of the volunteers' reflection and guidance: reflection meetings, their attendance and
anonymous intervision cases, a volunteer's learning notes, the coordinator's check-ins and the
volunteers' questions to the coordinator. Each write is a verb-first function in one transaction; what
the writer confirmed is no personal data in a text (a form's `pii_confirmations`) is recorded in the
audit log in the same transaction.

Also the reads these screens share (`meetings_for_listing`, `next_meeting`, `last_check_in_dates`), so
that another screen (the overview) finds, for instance, the last check-in of each volunteer in one
query.

A question that arrives is told to the coordinators by e-mail, and an answer to the volunteer, after the
commit: the mail says only that there is a question or an answer, with a link, never the text.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count, Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from opvoedwijzer.core.models import Membership, Role
from opvoedwijzer.privacy.audit import record_pii_confirmations

from .models import CheckIn, IntervisionCase, LearningNote, ReflectionMeeting, Volunteer, VolunteerQuestion

# --- reads -------------------------------------------------------------------------------------------


def meetings_for_listing(org):
    """The organisation's reflection meetings, newest first, each with `attendance` and `case_count`."""
    return ReflectionMeeting.objects.for_org(org).annotate(
        attendance=Count("attendees", distinct=True), case_count=Count("cases", distinct=True)
    )


def next_meeting(org, today=None):
    """The first reflection meeting from today on, or None."""
    today = today or timezone.localdate()
    return ReflectionMeeting.objects.for_org(org).filter(date__gte=today).order_by("date", "id").first()


def last_check_in_dates(volunteers):
    """{volunteer id: date of the last check-in} for these volunteers (a queryset or ids), in one query;
    volunteers without a check-in are missing."""
    rows = (
        CheckIn.objects.filter(volunteer__in=volunteers)
        .values("volunteer")
        .annotate(last=Max("date"))
        .values_list("volunteer", "last")
    )
    return dict(rows)


# --- reflection meetings ------------------------------------------------------------------------------


def _write_meeting(meeting, data):
    meeting.date = data["date"]
    meeting.topics = data.get("topics") or ""
    meeting.expert = data.get("expert") or ""


@transaction.atomic
def create_reflection_meeting(org, data, *, pii_confirmations=()):
    meeting = ReflectionMeeting(organisation=org)
    _write_meeting(meeting, data)
    meeting.save()
    record_pii_confirmations(pii_confirmations)
    return meeting


@transaction.atomic
def update_reflection_meeting(meeting, data, *, pii_confirmations=()):
    _write_meeting(meeting, data)
    meeting.save(update_fields=["date", "topics", "expert"])
    record_pii_confirmations(pii_confirmations)
    return meeting


@transaction.atomic
def record_attendance(meeting, volunteers):
    """Who came: exactly these volunteers of the meeting's organisation (saved again, still one row per
    volunteer)."""
    chosen = Volunteer.objects.for_org(meeting.organisation_id).filter(pk__in=[v.pk for v in volunteers])
    meeting.attendees.set(chosen)
    return meeting


def _write_case(case, data):
    case.situation = data["situation"]
    case.questions = data.get("questions") or ""
    case.learned = data.get("learned") or ""


@transaction.atomic
def create_case(meeting, data, *, pii_confirmations=()):
    """An anonymous intervision case discussed at a meeting (texts already through the PII guard)."""
    case = IntervisionCase(meeting=meeting)
    _write_case(case, data)
    case.save()
    case.themes.set(data.get("themes") or [])
    record_pii_confirmations(pii_confirmations)
    return case


@transaction.atomic
def update_case(case, data, *, pii_confirmations=()):
    _write_case(case, data)
    case.save(update_fields=["situation", "questions", "learned"])
    case.themes.set(data.get("themes") or [])
    record_pii_confirmations(pii_confirmations)
    return case


# --- the volunteer's own learning notes ---------------------------------------------------------------


@transaction.atomic
def create_learning_note(volunteer, data, *, pii_confirmations=()):
    meeting = data.get("meeting")
    if meeting is not None and meeting.organisation_id != volunteer.organisation_id:
        meeting = None
    note = LearningNote.objects.create(volunteer=volunteer, meeting=meeting, text=data["text"])
    record_pii_confirmations(pii_confirmations)
    return note


# --- check-ins ----------------------------------------------------------------------------------------


@transaction.atomic
def create_check_in(volunteer, data, *, coordinator, pii_confirmations=()):
    """The coordinator's individual conversation with a volunteer."""
    check_in = CheckIn.objects.create(
        volunteer=volunteer,
        date=data.get("date") or timezone.localdate(),
        topics=data["topics"],
        agreements=data.get("agreements") or "",
        coordinator=coordinator,
    )
    record_pii_confirmations(pii_confirmations)
    return check_in


# --- questions to the coordinator ---------------------------------------------------------------------


@transaction.atomic
def ask_question(volunteer, data, *, pii_confirmations=()):
    question = VolunteerQuestion.objects.create(volunteer=volunteer, question=data["question"])
    record_pii_confirmations(pii_confirmations)
    transaction.on_commit(lambda: send_question_arrived(question.pk))
    return question


@transaction.atomic
def answer_question(question, data, *, user, pii_confirmations=()):
    """The coordinator answers (or corrects the answer); the volunteer gets a mail with the link."""
    first_answer = question.answered_on is None
    question.answer = data["answer"]
    question.answered_on = timezone.localdate()
    question.answered_by = user
    question.save(update_fields=["answer", "answered_on", "answered_by"])
    record_pii_confirmations(pii_confirmations)
    if first_answer:
        transaction.on_commit(lambda: send_question_answered(question.pk))
    return question


def _link(name, org):
    return settings.SITE_URL.rstrip("/") + reverse(name, kwargs={"org": org.slug})


def send_question_arrived(question_pk):
    """Tell the coordinators that a volunteer asked a question: a link, never the text or the name."""
    question = VolunteerQuestion.objects.select_related("volunteer__organisation").get(pk=question_pk)
    org = question.volunteer.organisation
    addresses = list(
        Membership.objects.filter(
            organisation=org, role=Role.COORDINATOR, is_active=True, user__is_active=True
        )
        .exclude(user__email="")
        .values_list("user__email", flat=True)
    )
    if not addresses:
        return
    subject = _("A volunteer asked a question")
    body = _("A volunteer of %(organisation)s asked a question. Read and answer it here:\n%(link)s\n") % {
        "organisation": org.name,
        "link": _link("volunteers:questions", org),
    }
    send_mail(subject, body, None, addresses)


def send_question_answered(question_pk):
    """Tell the volunteer their question was answered: a link, never the text."""
    question = VolunteerQuestion.objects.select_related(
        "volunteer__organisation", "volunteer__membership__user"
    ).get(pk=question_pk)
    membership = question.volunteer.membership
    if membership is None or not membership.user.email:
        return
    org = question.volunteer.organisation
    subject = _("Your question was answered")
    body = _(
        "Your coordinator at %(organisation)s answered your question. Read the answer here:\n%(link)s\n"
    ) % {
        "organisation": org.name,
        "link": _link("volunteers:me", org),
    }
    send_mail(subject, body, None, [membership.user.email])
