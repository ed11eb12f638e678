"""Writes on the group offer: each a verb-first function in one transaction.

No overbooking: every write that hands out places (`sign_up`, `cancel_signup`, `update_activity`) first
locks the activity's row (`SELECT … FOR UPDATE` on PostgreSQL; on SQLite the IMMEDIATE transaction
already holds the database's write lock from its start), then counts the places taken. Concurrent
sign-ups for one activity therefore queue, and each sees the ones before it.
"""

import datetime
import logging
import secrets

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Sum
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from opvoedwijzer.core.crypto import decrypt, encrypt
from opvoedwijzer.core.language import with_lang
from opvoedwijzer.core.models import hash_secret
from opvoedwijzer.core.translations import clean_versions
from opvoedwijzer.privacy.audit import record_pii_confirmations

from .feeds import note_agenda_changed
from .models import Activity, Attendance, CheckIn, Evaluation, Session, SignUp, SignUpStatus

log = logging.getLogger(__name__)

ACTIVITY_FIELDS = [
    *["kind", "title", "description", "audience", "language", "target_group", "price", "capacity"],
    *["join_later", "translations"],
]


class SignUpClosed(Exception):
    """The activity is cancelled, not published, or has started."""


def _locked(activity):
    return Activity.objects.select_for_update().get(pk=activity.pk)


def places_taken(activity):
    return activity.signups.confirmed().aggregate(n=Sum("people"))["n"] or 0


@transaction.atomic
def create_activity(org, data, *, sessions=(), pii_confirmations=()):
    """A new activity with its sessions (`sessions`: dicts of Session fields). What staff confirmed is
    no personal data (the forms' `pii_confirmations`) goes into the audit log."""
    activity = Activity(organisation=org)
    _fill_activity(activity, data)
    activity.save()
    _write_links_and_sessions(activity, data, sessions=sessions)
    note_agenda_changed(activity.organisation_id)
    record_pii_confirmations(pii_confirmations)
    return activity


@transaction.atomic
def update_activity(activity, data, *, sessions=(), deleted_sessions=(), pii_confirmations=()):
    """Change an activity and its sessions (`sessions`: dicts of Session fields, with "pk" for an
    existing one). More places promote people from the waiting list; when a date, time or place
    changes, everyone who signed up with a contact hears it. What staff confirmed is no personal data
    (the forms' `pii_confirmations`) goes into the audit log."""
    activity = _locked(activity)
    before = _schedule(activity)
    _fill_activity(activity, data)
    activity.save(update_fields=ACTIVITY_FIELDS)
    _write_links_and_sessions(activity, data, sessions=sessions, deleted_sessions=deleted_sessions)
    promoted = _promote(activity)
    transaction.on_commit(lambda: notify_promoted(promoted))
    if _schedule(activity) != before and not activity.cancelled_on:
        told = list(activity.signups.active().exclude(contact="").values_list("pk", flat=True))
        transaction.on_commit(lambda: [notify(pk, "dates_changed") for pk in told])
    note_agenda_changed(activity.organisation_id)
    record_pii_confirmations(pii_confirmations)
    return activity


def _fill_activity(activity, data):
    for name in ACTIVITY_FIELDS:
        if name in data:
            setattr(activity, name, data[name])
    if "translations" in data:
        activity.translations = clean_versions(data["translations"])


def _write_links_and_sessions(activity, data, *, sessions, deleted_sessions=()):
    for name in ("themes", "life_stages", "partners"):
        if name in data:
            getattr(activity, name).set(data[name] or [])
    activity.sessions.filter(pk__in=[s.pk for s in deleted_sessions]).delete()
    for row in sessions:
        fields = {k: row[k] for k in ("starts_at", "ends_at", "location", "room") if k in row}
        if row.get("pk"):
            Session.objects.filter(activity=activity, pk=row["pk"]).update(**fields)
        else:
            Session.objects.create(activity=activity, **fields)


def _schedule(activity):
    """What people who signed up go by: the sessions still to come, with their times and places."""
    upcoming = activity.sessions.filter(ends_at__gte=timezone.now()).order_by("starts_at", "id")
    return list(upcoming.values_list("starts_at", "ends_at", "location_id", "room"))


@transaction.atomic
def copy_activity(activity):
    """The same activity once more (a course that returns next season): everything but the dates,
    unpublished, without sign-ups."""
    copy = Activity.objects.create(
        organisation=activity.organisation, **{name: getattr(activity, name) for name in ACTIVITY_FIELDS}
    )
    for name in ("themes", "life_stages", "partners"):
        getattr(copy, name).set(getattr(activity, name).all())
    return copy


@transaction.atomic
def publish(activity, published=True):
    activity.published = published
    activity.save(update_fields=["published"])
    note_agenda_changed(activity.organisation_id)
    return activity


def new_token():
    return secrets.token_urlsafe(16)


@transaction.atomic
def sign_up(activity, *, name, people, contact="", language="nl", by_staff=False, now=None):
    """Sign up without an account → (signup, cancel token). Confirmed while the places last, else on the
    waiting list. Raises SignUpClosed when sign-up is closed (staff may still add people to an activity
    that has started, not to a cancelled one)."""
    activity = _locked(activity)
    if activity.cancelled_on or not (by_staff or activity.signups_open(now)):
        raise SignUpClosed
    fits = places_taken(activity) + people <= activity.capacity
    token = new_token()
    signup = SignUp.objects.create(
        activity=activity,
        name=name.strip(),
        people=people,
        contact=encrypt(contact.strip()),
        status=SignUpStatus.CONFIRMED if fits else SignUpStatus.WAITING,
        token_hash=hash_secret(token),
        language=language,
    )
    if contact.strip():
        transaction.on_commit(lambda: notify(signup.pk, "signed_up", token=token))
    return signup, token


def find_signup(token):
    if not token:
        return None
    return (
        SignUp.objects.select_related("activity__organisation")
        .filter(token_hash=hash_secret(token.strip()))
        .first()
    )


@transaction.atomic
def cancel_signup(signup):
    """The person cancels (or staff for them): their name and contact go at once; whoever waits and
    now fits moves up, in the order they signed up."""
    activity = _locked(signup.activity)
    signup = SignUp.objects.get(pk=signup.pk)
    if signup.status == SignUpStatus.CANCELLED:
        return signup, []
    signup.status = SignUpStatus.CANCELLED
    signup.name = ""
    signup.contact = ""
    signup.save(update_fields=["status", "name", "contact"])
    promoted = _promote(activity)
    transaction.on_commit(lambda: notify_promoted(promoted))
    return signup, promoted


def _promote(activity):
    """Move waiting sign-ups that fit into the free places, first come first served; a group too big
    for what is free keeps its place in the queue while smaller ones after it move up."""
    if activity.cancelled_on:
        return []
    free = activity.capacity - places_taken(activity)
    promoted = []
    for signup in activity.signups.waiting().order_by("id"):
        if free <= 0:
            break
        if signup.people <= free:
            signup.status = SignUpStatus.CONFIRMED
            signup.save(update_fields=["status"])
            free -= signup.people
            promoted.append(signup.pk)
    return promoted


@transaction.atomic
def cancel_activity(activity, message="", *, pii_confirmations=()):
    """Cancel the whole activity: it leaves the agenda, sign-up closes, and everyone who left a phone
    number or e-mail address gets the message (what staff confirmed is no personal data in it goes into
    the audit log)."""
    activity = _locked(activity)
    activity.cancelled_on = timezone.localdate()
    activity.save(update_fields=["cancelled_on"])
    note_agenda_changed(activity.organisation_id)
    pks = list(activity.signups.active().exclude(contact="").values_list("pk", flat=True))
    transaction.on_commit(lambda: [notify(pk, "activity_cancelled", message=message) for pk in pks])
    record_pii_confirmations(pii_confirmations)
    return activity, len(pks)


@transaction.atomic
def check_in(session, signup, present=True):
    if present:
        CheckIn.objects.get_or_create(session=session, signup=signup)
    else:
        CheckIn.objects.filter(session=session, signup=signup).delete()


@transaction.atomic
def record_attendance(session, rows):
    """Replace the head counts of a session by `rows`: dicts who, area, municipality, count (rows for
    the same who and place are added up)."""
    totals = {}
    for row in rows:
        key = (row["who"], row["area"], row["municipality"])
        totals[key] = totals.get(key, 0) + row["count"]
    session.attendance.all().delete()
    Attendance.objects.bulk_create(
        Attendance(session=session, who=who, area=area, municipality=municipality, count=count)
        for (who, area, municipality), count in totals.items()
        if count
    )


@transaction.atomic
def evaluate(session, *, overall, useful, atmosphere, comment=""):
    """An anonymous evaluation; `comment` must already be redacted by the PII guard."""
    return Evaluation.objects.create(
        session=session, overall=overall, useful=useful, atmosphere=atmosphere, comment=comment
    )


# Messages to people who signed up: by e-mail, or by text message through django-sms when an SMS
# backend is configured (settings.SMS_BACKEND). Sent after the commit; a failing mail server never
# undoes a sign-up.


def _link(name, **kwargs):
    return settings.SITE_URL.rstrip("/") + reverse(name, kwargs=kwargs)


def deliver(contact, subject, body):
    """Send one message to a phone number or e-mail address; True when it went out."""
    try:
        if "@" in contact:
            send_mail(subject, body, None, [contact])
            return True
        if settings.SMS_BACKEND:
            import sms

            sms.send_sms(body, recipients=[contact])
            return True
    except Exception:  # a message that cannot be sent must not break the page or the task
        log.exception("A message to someone who signed up could not be sent")
    return False


def notify(signup_pk, what, **extra):
    signup = SignUp.objects.select_related("activity__organisation").get(pk=signup_pk)
    contact = decrypt(signup.contact)
    if not contact:
        return False
    activity = signup.activity
    org = activity.organisation
    context = {
        "organisation": org,
        "activity": activity,
        "signup": signup,
        "sessions": list(activity.sessions.select_related("location")),
        "agenda_link": _link("public_agenda", slug=org.slug),
        **extra,
    }
    if "token" in extra:
        context["manage_link"] = _link("public_signup", slug=org.slug, token=extra["token"])
    language = signup.language if signup.language in dict(settings.LANGUAGES) else "nl"
    for name in ("agenda_link", "manage_link"):  # the links bring them back in their language
        if name in context:
            context[name] = with_lang(context[name], language)
    with translation.override(language):
        subject = render_to_string(f"activities/messages/{what}_subject.txt", context).strip()
        body = render_to_string(f"activities/messages/{what}.txt", context).strip()
    return deliver(contact, subject, body)


def notify_promoted(pks):
    for pk in pks:
        notify(pk, "promoted")


def send_reminders(today=None):
    """Remind everyone confirmed with a phone number or e-mail address of a session that starts in
    SIGNUP_REMINDER_DAYS days (one reminder per session). Returns (sent, not sent)."""
    today = today or timezone.localdate()
    day = today + datetime.timedelta(days=settings.SIGNUP_REMINDER_DAYS)
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
    sessions = Session.objects.filter(
        starts_at__gte=start,
        starts_at__lt=start + datetime.timedelta(days=1),
        activity__cancelled_on__isnull=True,
    ).select_related("activity__organisation", "location")
    sent = failed = 0
    for session in sessions:
        due = session.activity.signups.confirmed().exclude(contact="").exclude(reminded_for__gte=day)
        for signup in due:
            if notify(signup.pk, "reminder", session=session):
                sent += 1
            else:
                failed += 1
            SignUp.objects.filter(pk=signup.pk).update(reminded_for=day)
    return sent, failed
