"""Writes on web questions: each a verb-first function in one transaction."""

import datetime
import secrets

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from opvoedwijzer.contacts.models import Area, Source
from opvoedwijzer.contacts.services import register_contact
from opvoedwijzer.core.crypto import decrypt, encrypt
from opvoedwijzer.core.language import with_lang
from opvoedwijzer.core.models import hash_secret
from opvoedwijzer.privacy.audit import record_pii_confirmations

from .models import (
    CODE_ALPHABET,
    Message,
    Question,
    ReplyTemplate,
    Status,
    add_working_days,
    public_language,
)


def _random(n):
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(n))


def new_code():
    """ "K7M-4PX-R9T": 25^9 ≈ 4·10^12 codes."""
    return "-".join(_random(3) for _ in range(3))


@transaction.atomic
def ask_question(org, *, text, life_stage=None, municipality=None, language="nl", email=""):
    """Store a parent's question (its text already redacted by the caller's form or schema); returns
    (question, secret). The secret is shown once and kept only as a hash; an e-mail address only
    encrypted, until the answer mail is sent (at the latest `RETENTION_DAYS["question_email"]`)."""
    secret = "-".join(_random(4) for _ in range(2))
    today = timezone.localdate()
    purge_on = today + datetime.timedelta(days=settings.RETENTION_DAYS["question_email"]) if email else None
    for _attempt in range(5):
        try:
            with transaction.atomic():
                question = Question.objects.create(
                    organisation=org,
                    code=new_code(),
                    secret_hash=hash_secret(secret),
                    text=text,
                    life_stage=life_stage,
                    municipality=municipality,
                    language=language or "nl",
                    asked_on=today,
                    due_on=add_working_days(today, settings.QUESTION_DUE_WORKING_DAYS),
                    notify_email=encrypt(email),
                    email_purge_on=purge_on,
                )
            return question, secret
        except IntegrityError:  # the same code drawn twice: draw again
            continue
    raise RuntimeError("No free pick-up code after five draws.")


@transaction.atomic
def assign_question(question, user):
    question.assigned_to = user
    question.status = Status.ASSIGNED if question.status != Status.ANSWERED else question.status
    question.save(update_fields=["assigned_to", "status"])
    return question


@transaction.atomic
def answer_question(question, membership, *, answer, contact_data, pii_confirmations=()):
    """Answer a question and register it as a contact (channel `web_question`); what staff confirmed
    is no personal data in the answer goes into the audit log."""
    question.answer = answer
    question.status = Status.ANSWERED
    question.answered_on = timezone.localdate()
    question.assigned_to = question.assigned_to or membership.user
    if question.contact_id is None:
        data = dict(contact_data)
        data.setdefault("date", question.answered_on)
        data.setdefault("life_stages", [question.life_stage] if question.life_stage_id else [])
        data.setdefault("municipality", question.municipality or Area.UNKNOWN)
        data.setdefault("language", question.language if question.language != "other" else "")
        data.setdefault("note", "")
        question.contact = register_contact(membership, data, source=Source.FORM)
    question.save(update_fields=["answer", "status", "answered_on", "assigned_to", "contact"])
    Message.objects.create(question=question, from_parent=False, text=answer, sent_on=question.answered_on)
    record_pii_confirmations(pii_confirmations)
    if question.notify_email:
        transaction.on_commit(lambda: send_answer_ready(question.pk))
    return question


def send_answer_ready(question_pk):
    """The one mail: "your answer is ready" with the link (never the code, the secret or the text),
    in the question's language (or the parents' fallback language when the site does not speak it),
    the link opening the pick-up page in that language; then the address is gone."""
    question = Question.objects.select_related("organisation").get(pk=question_pk)
    address = decrypt(question.notify_email)
    if address:
        language = public_language(question.language)
        link = settings.SITE_URL.rstrip("/") + reverse(
            "public_pick_up", kwargs={"slug": question.organisation.slug}
        )
        with translation.override(language):
            context = {"organisation": question.organisation, "link": with_lang(link, language)}
            subject = render_to_string("questions/email/answer_ready_subject.txt", context).strip()
            send_mail(subject, render_to_string("questions/email/answer_ready.txt", context), None, [address])
    Question.objects.filter(pk=question_pk).update(notify_email="", email_purge_on=None)


@transaction.atomic
def reply_to_answer(question, text):
    """The parent writes back (text already redacted): the question is open again, with a new due day."""
    today = timezone.localdate()
    Message.objects.create(question=question, from_parent=True, text=text, sent_on=today)
    question.status = Status.ASSIGNED if question.assigned_to_id else Status.NEW
    question.due_on = add_working_days(today, settings.QUESTION_DUE_WORKING_DAYS)
    question.save(update_fields=["status", "due_on"])
    return question


@transaction.atomic
def mark_answer_read(question):
    if question.status == Status.ANSWERED and question.answer_read_on is None:
        question.answer_read_on = timezone.localdate()
        question.notify_email, question.email_purge_on = "", None  # read: no mail needed any more
        question.save(update_fields=["answer_read_on", "notify_email", "email_purge_on"])
    return question


@transaction.atomic
def create_reply_template(org, data, *, pii_confirmations=()):
    template = ReplyTemplate.objects.create(
        organisation=org, title=data["title"], text=data["text"], language=data.get("language") or "nl"
    )
    record_pii_confirmations(pii_confirmations)
    return template


@transaction.atomic
def update_reply_template(template, data, *, pii_confirmations=()):
    template.title, template.text = data["title"], data["text"]
    template.language = data.get("language") or template.language
    template.save(update_fields=["title", "text", "language"])
    record_pii_confirmations(pii_confirmations)
    return template


def normalise_code(code):
    """The code as typed — "k7m4pxr9t", "K7M 4PX R9T", " k7m-4px-r9t " — as stored: "K7M-4PX-R9T"."""
    plain = "".join(ch for ch in (code or "").upper() if ch.isalnum())
    if len(plain) == 9:
        return "-".join(plain[i : i + 3] for i in (0, 3, 6))
    return (code or "").strip().upper()


def normalise_secret(secret):
    """The secret as typed, in any case, with or without its dash or spaces: "ABCD-EFGH"."""
    plain = "".join(ch for ch in (secret or "").upper() if ch.isalnum())
    if len(plain) == 8:
        return f"{plain[:4]}-{plain[4:]}"
    return secret or ""


def find_question(code, secret):
    """The question with this code whose secret matches, or None (the same answer for both misses)."""
    code = normalise_code(code)
    question = Question.objects.filter(code=code).select_related("organisation").first()
    if question is None or not question.has_secret(normalise_secret(secret)):
        return None
    return question
