"""The PII guard in staff forms: one mixin for every free-text field staff type."""

import json
import threading
import time

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.urls import reverse
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from opvoedwijzer.core.models import Organisation

from .audit import PIIConfirmation
from .pii import _allowed_phones, find_pii, redact

KIND_LABELS = {
    "person_name": gettext_lazy("name"),
    "phone": gettext_lazy("phone number"),
    "email": gettext_lazy("e-mail address"),
    "street_address": gettext_lazy("address"),
    "national_id": gettext_lazy("national number"),
    "iban": gettext_lazy("bank account"),
    "date_of_birth": gettext_lazy("date of birth"),
    "online_handle": gettext_lazy("online account"),
}


# The allow-lists built from social maps, per set of organisations: {key: (built at, AllowList)}.
_allow_lists = {}
_allow_lists_lock = threading.Lock()
ALLOW_LIST_MAX_AGE = 300  # seconds; also read again for changes made around the services


def allowed_phones_for(user):
    """The settings' numbers and those on the social maps of the user's organisations, with the names
    on those maps (read by the function settings.PII_ALLOWED_PHONE_NUMBERS_FROM names). Built once per
    process and kept while the maps are unchanged (their organisations' `map_version`, read in one small
    query), not per text: at 20,000 services building it takes tens of milliseconds."""
    if not getattr(user, "is_authenticated", False):
        return _allowed_phones()
    key = tuple(
        Organisation.objects.filter(memberships__user=user, memberships__is_active=True)
        .order_by("pk")
        .values_list("pk", "created", "map_version")
    )
    now = time.monotonic()
    cached = _allow_lists.get(key)
    if cached is not None and now - cached[0] < ALLOW_LIST_MAX_AGE:
        return cached[1]
    allowed = _allowed_phones(import_string(settings.PII_ALLOWED_PHONE_NUMBERS_FROM)(user=user))
    with _allow_lists_lock:
        if len(_allow_lists) > 1000:  # organisations' maps changed many times: start afresh
            _allow_lists.clear()
        _allow_lists[key] = (now, allowed)
    return allowed


# Every text the guard reads has a limit on the server, also where its model field has none (a
# TextField): the guard reads a 500-character note in milliseconds, 100,000 characters in seconds.
MAX_GUARDED_TEXT = 10_000


def limit_length(field):
    """Give a text field without a maximum length MAX_GUARDED_TEXT, checked on the server."""
    if isinstance(field, forms.CharField) and field.max_length is None:
        field.max_length = MAX_GUARDED_TEXT
        field.validators.append(MaxLengthValidator(MAX_GUARDED_TEXT))
        field.widget.attrs.setdefault("maxlength", str(MAX_GUARDED_TEXT))


class PIIGuardMixin:
    """A text with personal data in one of `pii_guarded_fields` is refused, showing what was
    found, until staff either tick "replace" (the spans become [naam], [telefoon], …) or give a
    reason why it is no personal data. The form takes the user as `user=` (whose organisations' maps
    allow their phone numbers). `clean()` writes nothing: what staff confirmed is in `pii_confirmations`
    (who, field, kinds, reason redacted — never the text), which the service that writes the text
    records in the audit log in its own transaction (its `pii_confirmations=` keyword, passed on to
    `privacy.audit.record_pii_confirmations`).
    """

    pii_guarded_fields = ()
    pii_findings = {}  # field name → findings, filled by clean()
    pii_confirmations = ()  # what staff confirmed is no personal data, filled by clean()

    def __init__(self, *args, user=None, **kwargs):
        self.pii_user = user
        super().__init__(*args, **kwargs)
        for name in self.pii_guarded_fields:
            limit_length(self.fields[name])
            # While staff type, htmx asks the guard (debounced) and shows what it finds under the
            # field (`forms/field.html` renders the live region). Without JavaScript: on submit.
            self.fields[name].widget.attrs.update(
                {
                    "hx-post": reverse("pii_check"),
                    "hx-trigger": "input changed delay:500ms",
                    "hx-sync": "this:replace",
                    "hx-target": f"#{self[name].auto_id}_pii_live",
                    "hx-swap": "innerHTML",
                    "hx-vals": json.dumps({"pii_field": self.add_prefix(name)}),
                }
            )

    def redact_field_name(self, name):
        return f"{name}_pii_redact"

    def reason_field_name(self, name):
        return f"{name}_pii_reason"

    def clean(self):
        cleaned = super().clean()
        self.pii_findings = {}
        self.pii_confirmations = []
        allowed = None
        for name in self.pii_guarded_fields:
            text = cleaned.get(name)
            if text and allowed is None:
                allowed = allowed_phones_for(self.pii_user)
            findings = find_pii(text, allowed_phones=allowed) if text else []
            if not findings:
                continue
            reason = (self.data.get(self.reason_field_name(name)) or "").strip()
            if self.data.get(self.redact_field_name(name)):
                cleaned[name] = redact(text, findings)
            elif reason:
                self.pii_confirmations.append(
                    PIIConfirmation(
                        actor=self.pii_user,
                        organisation=getattr(self, "org", None),
                        form=type(self).__name__,
                        field=name,
                        kinds=sorted({f.kind for f in findings}),
                        reason=redact(reason)[:200],
                    )
                )
            else:
                self.pii_findings[name] = findings
                found = ", ".join(f"«{f.text}» ({KIND_LABELS[f.kind]})" for f in findings)
                self.add_error(
                    name,
                    ValidationError(
                        _("This looks like personal data: %(found)s. Replace it, or say why it is not.")
                        % {"found": found},
                        code="pii",
                    ),
                )
        return cleaned


class RedactPublicTextMixin:
    """Text from the public (a parent's question, an evaluation comment) is redacted before it is
    stored: personal data in `pii_redacted_fields` becomes [naam], [telefoon], … without asking, and
    the form is still valid. `pii_redactions` tells which kinds were replaced per field, so the page
    can show the person their text as it was stored and why."""

    pii_redacted_fields = ()
    pii_redactions = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.pii_redacted_fields:
            limit_length(self.fields[name])

    def clean(self):
        cleaned = super().clean()
        self.pii_redactions = {}
        for name in self.pii_redacted_fields:
            text = cleaned.get(name)
            findings = find_pii(text) if text else []
            if findings:
                cleaned[name] = redact(text, findings)
                self.pii_redactions[name] = sorted({f.kind for f in findings})
        return cleaned
