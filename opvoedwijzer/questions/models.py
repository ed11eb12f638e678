"""Anonymous web questions (M3): a parent asks without an account and comes back with a pick-up code.

The question text is redacted by the PII guard before it is stored. The parent holds a code (to say
which question) and a secret (to prove it is theirs); only a hash of the secret is kept. Dates are days.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Case, IntegerField, When
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.contacts.models import CONTACT_LANGUAGES, Contact
from opvoedwijzer.core.models import Municipality, Organisation, hash_secret
from opvoedwijzer.taxonomy.models import LifeStage

# Easy to read aloud and write down: no 0/O, 1/I/L, 2/Z, 5/S, 8/B.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"

# The languages a parent can ask an answer in (every contact language but "other"), and those written
# right to left (a textarea for them gets dir="rtl").
ANSWER_LANGUAGES = [(code, label) for code, label in CONTACT_LANGUAGES if code != "other"]
RTL_LANGUAGES = {"ar", "fa", "ps"}


def default_answer_language():
    """The language of the page (or of the request, for the API) when an answer can be in it, else
    Dutch: a question asked on the French page is answered in French unless the parent says otherwise."""
    current = (translation.get_language() or "").lower()
    codes = {code for code, _label in ANSWER_LANGUAGES}
    for code in (current, current.split("-")[0]):
        if code in codes:
            return code
    return "nl"


def public_language(language):
    """The language the public pages and mails can speak for an answer `language`: itself when the
    site has it (settings.LANGUAGES), else the configured fallback for parents (English by default)."""
    if language in dict(settings.LANGUAGES):
        return language
    return settings.PUBLIC_FALLBACK_LANGUAGE


class Status(models.TextChoices):
    NEW = "new", _("new")
    ASSIGNED = "assigned", _("assigned")
    ANSWERED = "answered", _("answered")


class QuestionQuerySet(models.QuerySet):
    def for_org(self, org):
        return self.filter(organisation=org)

    def open(self):
        return self.exclude(status=Status.ANSWERED)

    def due_by(self, day):
        """Open and due on `day` or before (overdue)."""
        return self.open().filter(due_on__lte=day)

    def in_language(self, language):
        """Only those in `language` (all when it is empty)."""
        return self.filter(language=language) if language else self

    def mine_first(self, user):
        """The questions assigned to `user` first, then by due day (the staff home's list)."""
        mine = Case(When(assigned_to=user, then=0), default=1, output_field=IntegerField())
        return self.annotate(mine=mine).order_by("mine", "due_on", "id")


class Question(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    code = models.CharField(max_length=12, unique=True)
    secret_hash = models.CharField(max_length=64)
    text = models.TextField(_("question"))
    life_stage = models.ForeignKey(
        LifeStage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("life stage"),
    )
    municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    language = models.CharField(_("answer in"), max_length=8, choices=CONTACT_LANGUAGES, default="nl")
    asked_on = models.DateField()
    due_on = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answer = models.TextField(_("answer"), blank=True)
    answered_on = models.DateField(null=True, blank=True)
    answer_read_on = models.DateField(null=True, blank=True)
    # Optional, for one "your answer is ready" mail: encrypted (core/crypto.py), purged when the mail is
    # sent, and at the latest on `email_purge_on` (asked + RETENTION_DAYS["question_email"]).
    notify_email = models.TextField(blank=True, editable=False)
    email_purge_on = models.DateField(null=True, blank=True, editable=False)
    contact = models.OneToOneField(
        Contact, null=True, blank=True, on_delete=models.SET_NULL, related_name="web_question"
    )

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["organisation", "status", "due_on"])]

    def __str__(self):
        return self.code

    def has_secret(self, secret):
        return bool(secret) and hash_secret(secret.strip().upper()) == self.secret_hash

    @property
    def public_status(self):
        """What the parent sees: answered, or not yet (assigned is an inside matter)."""
        return Status.ANSWERED if self.status == Status.ANSWERED else Status.NEW

    @property
    def is_overdue(self):
        return self.status != Status.ANSWERED and self.due_on < datetime.date.today()

    @property
    def lang(self):
        """For a `lang` attribute on the question's texts ("" when unknown: no attribute then)."""
        return self.language if self.language != "other" else ""

    @property
    def is_rtl(self):
        return self.language in RTL_LANGUAGES


def add_working_days(day, n):
    """`day` plus n working days (Monday–Friday)."""
    while n > 0:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


class Message(models.Model):
    """One turn after the question: an answer of the service or a reply of the parent (redacted)."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="messages")
    from_parent = models.BooleanField(default=False)
    text = models.TextField()
    sent_on = models.DateField()

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.question_id}: {'parent' if self.from_parent else 'service'}"


class ReplyTemplateQuerySet(models.QuerySet):
    def for_org(self, org):
        return self.filter(organisation=org)

    def language_first(self, language):
        """The templates in `language` first (for answering a question in it), then the others by
        language; by title within each."""
        first = Case(When(language=language, then=0), default=1, output_field=IntegerField())
        return self.annotate(other_language=first).order_by("other_language", "language", "title", "id")


class ReplyTemplate(models.Model):
    """A reusable piece of an answer (a standard explanation, the opening hours, a closing line)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=100)
    text = models.TextField(_("text"))
    language = models.CharField(_("language"), max_length=8, choices=ANSWER_LANGUAGES, default="nl")

    objects = ReplyTemplateQuerySet.as_manager()

    class Meta:
        ordering = ["title", "id"]

    def __str__(self):
        return self.title
