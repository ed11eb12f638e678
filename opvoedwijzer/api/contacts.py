"""Contacts: register, correct, delete, list and count."""

import datetime
import json
from typing import Literal

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema

from opvoedwijzer.contacts import services
from opvoedwijzer.contacts.forms import ContactForm
from opvoedwijzer.contacts.models import CONTACT_LANGUAGES, Contact, Source
from opvoedwijzer.reports.outside import outside_rows, period_rule, whole_past_years
from opvoedwijzer.reports.stats import API_DIMENSIONS, MAX_CROSSED, count_contacts, crossing_problem
from opvoedwijzer.taxonomy import defaults

from .errors import ApiError, errors, field_error
from .tenancy import membership_for
from .types import Code, Day, Id, Offset, Slug, Text

router = Router(tags=["contacts"])

RequestKind = Literal[tuple(defaults.LABELS["request_kind"])]
Duration = Literal[tuple(defaults.LABELS["duration"])]
ContactLanguage = Literal[tuple(code for code, _label in CONTACT_LANGUAGES)]
# Comma-separated dimensions, spaces allowed around them: "municipality,theme".
_DIMENSION = "(?:" + "|".join(API_DIMENSIONS) + ")"
DIMENSIONS_PATTERN = rf"^\s*(?:{_DIMENSION}\s*(?:,\s*{_DIMENSION}\s*)*)?$"
MANY = 50  # more codes than any taxonomy dimension has


class ContactIn(Schema):
    date: Day = Field(description="The day of the contact; not in the future")
    channel: Code
    asker_role: Code
    municipality: str = Field(
        max_length=20,
        pattern=r"^[-A-Za-z0-9._]+$",
        description="Code of a municipality or own area the organisation serves (a Belgian NIS code such "
        "as 71053, a Dutch CBS code such as GM0363, or the organisation's own area code; see "
        "/municipalities), 'outside' or 'unknown'",
    )
    request_kind: RequestKind
    life_stages: list[Code] = Field([], max_length=MANY)
    themes: list[Code] = Field(min_length=1, max_length=MANY, description="The first one is the main theme")
    offers: list[Code] = Field(min_length=1, max_length=MANY)
    duration: Duration
    language: ContactLanguage | None = None
    note: Text(settings.CONTACT_NOTE_MAX_LENGTH) = ""
    organisation: Slug | None = Field(None, description="Slug; needed with several memberships")
    note_pii_reason: Text(200) | None = Field(
        None,
        description="When the PII guard refuses the note but it holds no personal data: why (logged)",
    )


class ContactOut(Schema):
    id: int
    organisation: str
    date: datetime.date
    channel: str
    asker_role: str
    municipality: str
    request_kind: str
    life_stages: list[str]
    themes: list[str]
    main_theme: str
    offers: list[str]
    duration: str
    language: str | None
    note: str


def contact_out(contact):
    codes = contact.as_codes()
    return {
        **codes,
        "id": contact.pk,
        "organisation": contact.organisation.slug,
        "themes": [codes["main_theme"], *codes["themes"]],
        "language": contact.language or None,
    }


def registered_out(contact, data):
    """The contact just registered, from the validated data in hand: no query to read it back."""
    others = [t.code for t in dict.fromkeys(data.get("themes") or []) if t.pk != data["main_theme"].pk]
    return {
        "id": contact.pk,
        "organisation": contact.organisation.slug,
        "date": contact.date,
        "channel": data["channel"].code,
        "asker_role": data["asker_role"].code,
        "municipality": contact.municipality_code,
        "request_kind": contact.request_kind,
        "life_stages": [t.code for t in dict.fromkeys(data.get("life_stages") or [])],
        "themes": [data["main_theme"].code, *others],
        "main_theme": data["main_theme"].code,
        "offers": [t.code for t in dict.fromkeys(data.get("offers") or [])],
        "duration": contact.duration,
        "language": contact.language or None,
        "note": contact.note,
    }


# Form field → API field, for error messages.
FORM_TO_API = {"main_theme": "themes", "__all__": "body"}


def validated(membership, payload, contact=None):
    """Run the web form's validation on the API payload: its cleaned data and what was confirmed is no
    personal data (for the write to record); 422 with field errors when it fails."""
    data = payload.dict()
    form = ContactForm(
        membership.organisation,
        {
            **{
                k: v
                for k, v in data.items()
                if k not in ("themes", "organisation", "language", "note_pii_reason")
            },
            "note_pii_reason": data["note_pii_reason"] or "",
            "language": data["language"] or "",
            "main_theme": data["themes"][0],
            "themes": data["themes"][1:],
        },
        contact=contact,
        user=membership.user,
    )
    if not form.is_valid():
        raise ApiError(
            422,
            [
                field_error(FORM_TO_API.get(name, name), str(msg))
                for name, msgs in form.errors.items()
                for msg in msgs
            ],
        )
    return form.cleaned_data, form.pii_confirmations


def _load(contact_id):
    return get_object_or_404(Contact.objects.with_details().select_related("organisation"), pk=contact_id)


@router.post("", response={201: ContactOut, **errors(403, 404)})
def create_contact(request, payload: ContactIn):
    membership = membership_for(request, payload.organisation, permission="can_register")
    data, confirmations = validated(membership, payload)
    contact = services.register_contact(membership, data, source=Source.API, pii_confirmations=confirmations)
    return 201, registered_out(contact, data)


class StatsQuery(Schema):
    start: Day = Field(alias="from", description="First day; not after `to`")
    end: Day = Field(alias="to", description="Last day; not before `from`")
    by: str = Field(
        "",
        max_length=200,
        pattern=DIMENSIONS_PATTERN,
        description="Comma-separated, each at most once: "
        + ", ".join(API_DIMENSIONS)
        + f"; besides municipality and month at most {MAX_CROSSED} of the others",
    )
    organisation: Slug | None = None


class StatsOut(Schema):
    rows: list[dict]
    total: int | None


@router.get("/stats", response={200: StatsOut, **errors(403, 404)})
def stats(request, q: Query[StatsQuery]):
    """Contacts counted per combination of the `by` dimensions. A contact with two themes counts
    once in each theme row and once in `total`.

    For a funder's token the numbers are as they leave the service: only the funder's municipalities,
    whole calendar years that have ended, `by` at most municipality and one other dimension, and a
    small count (or one that would give a small count away) as `"count": null, "suppressed": true`."""
    membership = membership_for(request, q.organisation, where="query", permission="can_read_reports")
    by = [d.strip() for d in q.by.split(",") if d.strip()]
    errors = [
        field_error("by", f"Unknown dimension '{d}'. Use: {', '.join(API_DIMENSIONS)}.", "query")
        for d in by
        if d not in API_DIMENSIONS
    ]
    if len(set(by)) != len(by):
        errors.append(field_error("by", "A dimension may appear only once.", "query"))
    elif problem := crossing_problem(by):
        errors.append(field_error("by", problem, "query"))
    if q.start > q.end:
        errors.append(field_error("from", "'from' must not be after 'to'.", "query"))
    if membership.reads_outside_numbers:
        if len([d for d in by if d != "municipality"]) > 1:
            errors.append(
                field_error("by", "Funders see municipality and at most one other dimension.", "query")
            )
        if q.start <= q.end and not whole_past_years(q.start, q.end):
            errors.append(field_error("from", period_rule(), "query"))
    if errors:
        raise ApiError(422, errors)
    if membership.reads_outside_numbers:
        own = list(membership.municipalities.all())
        rows, total = outside_rows(membership.organisation, q.start, q.end, by, own)
    else:
        rows, total = count_contacts(membership.organisation, q.start, q.end, by)
    return stats_response(rows, total)


def stats_response(rows, total):
    """The counted rows as JSON, written directly: the rows are plain values the reports built, and
    validating and dumping tens of thousands of them through the schema (StatsOut) took longer than
    counting them (66,645 rows for by=municipality,month,theme,offer at 10 M contacts)."""
    body = json.dumps({"rows": rows, "total": total}, cls=DjangoJSONEncoder, separators=(",", ":"))
    return HttpResponse(body, content_type="application/json")


class ListQuery(Schema):
    organisation: Slug | None = None
    limit: int = Field(50, ge=1, le=500)
    offset: Offset = 0


@router.get("", response={200: list[ContactOut], **errors(403, 404)})
def list_contacts(request, q: Query[ListQuery]):
    """Your own registrations, newest first."""
    membership = membership_for(request, q.organisation, where="query", permission="can_register")
    qs = (
        Contact.objects.for_org(membership.organisation)
        .by_author(membership.user)
        .with_details()
        .select_related("organisation")
        .order_by("-id")
    )
    return [contact_out(c) for c in qs[q.offset : q.offset + q.limit]]


def _editable(request, contact_id):
    contact = _load(contact_id)
    membership = membership_for(request, contact.organisation.slug, permission="can_register")
    if not Contact.objects.editable_by(membership).filter(pk=contact.pk).exists():
        if not Contact.objects.filter(pk=contact.pk).exists():  # deleted by a simultaneous request
            raise ApiError(404, [field_error("id", "Not found.", "path")])
        raise ApiError(
            403,
            [
                field_error(
                    "id",
                    "You can no longer change this registration "
                    f"(only your own, for {settings.CONTACT_EDIT_DAYS} days).",
                    "path",
                )
            ],
        )
    return membership, contact


@router.get("/{int:contact_id}", response={200: ContactOut, **errors(403, 404)})
def get_contact(request, contact_id: Id):
    contact = _load(contact_id)
    membership = membership_for(request, contact.organisation.slug, permission="can_register")
    if contact.author_id != request.auth.pk and not membership.is_coordinator:
        raise ApiError(404, [field_error("id", "Not found.", "path")])
    return contact_out(contact)


@router.put("/{int:contact_id}", response={200: ContactOut, **errors(403, 404)})
def update_contact(request, contact_id: Id, payload: ContactIn):
    membership, contact = _editable(request, contact_id)
    data, confirmations = validated(membership, payload, contact=contact)
    try:
        services.update_contact(contact, data, pii_confirmations=confirmations)
    except Contact.DoesNotExist:  # deleted by a simultaneous request
        raise ApiError(404, [field_error("id", "Not found.", "path")]) from None
    # What was stored, from the data in hand: read back, a simultaneous DELETE could take the themes
    # away between the two reads of the contact (an answer without a main theme, a 500).
    return registered_out(contact, data)


@router.delete("/{int:contact_id}", response={204: None, **errors(403, 404)})
def delete_contact(request, contact_id: Id):
    _membership, contact = _editable(request, contact_id)
    try:
        services.delete_contact(contact)
    except Contact.DoesNotExist:  # deleted by a simultaneous request (a client's retry)
        raise ApiError(404, [field_error("id", "Not found.", "path")]) from None
    return 204, None
