"""Contacts: register, correct, delete, list and count."""

import datetime
import json
from typing import Literal
from uuid import UUID

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema

from opvoedwijzer.contacts import services
from opvoedwijzer.contacts.forms import ContactForm, LogForm
from opvoedwijzer.contacts.models import CONTACT_LANGUAGES, Contact, Source
from opvoedwijzer.reports.outside import outside_rows, period_rule, whole_past_years
from opvoedwijzer.reports.stats import API_DIMENSIONS, MAX_CROSSED, count_contacts, crossing_problem
from opvoedwijzer.socialmap import services as socialmap_services
from opvoedwijzer.socialmap.models import Service
from opvoedwijzer.taxonomy import defaults

from .auth import BrowserSessionAuth, TokenAuth
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
    place: Text(100) | None = Field(
        None,
        description="Where exactly (school gate, market, …), as on the outreach tally; no names of people. "
        "Left out: a correction keeps the place the contact had",
    )
    place_pii_reason: Text(200) | None = Field(
        None,
        description="When the PII guard refuses the place but it holds no personal data: why (logged)",
    )


class ContactCreateIn(ContactIn):
    client_id: UUID | None = Field(
        None,
        description="An id the client made up for this contact (a UUID), so that sending it again (an "
        "answer lost on a bad connection) never stores it twice: the first send answers 201, every later "
        "one 200 with the contact stored the first time (the first send wins, also when the later one "
        "carries other data); 409 when the id is already used for a contact that is not yours",
    )
    refer_to: Id | None = Field(
        None,
        description="Id of a current service on the organisation's social map to refer the contact to, "
        "in the same transaction (the contact gets the offer 'referral' or 'warm referral')",
    )
    refer_warm: bool = Field(False, description="With `refer_to`: a warm referral (you made the contact)")


class ContactOut(Schema):
    id: int
    client_id: UUID | None
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
        "client_id": contact.client_id,
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
        "client_id": contact.client_id,
    }


# Form field → API field, for error messages.
FORM_TO_API = {"main_theme": "themes", "__all__": "body"}


def validated(membership, payload, contact=None):
    """Run the web form's validation on the API payload: its cleaned data and what was confirmed is no
    personal data (for the write to record); 422 with field errors when it fails."""
    data = payload.dict(exclude={"client_id", "refer_to", "refer_warm"})
    with_place = data["place"] is not None  # a correction without it keeps the contact's place
    form = (LogForm if with_place else ContactForm)(
        membership.organisation,
        {
            **{
                k: v
                for k, v in data.items()
                if k
                not in ("themes", "organisation", "language", "note_pii_reason", "place", "place_pii_reason")
            },
            "note_pii_reason": data["note_pii_reason"] or "",
            "place": data["place"] or "",
            "place_pii_reason": data["place_pii_reason"] or "",
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


@router.post(
    "",
    response={201: ContactOut, 200: ContactOut, **errors(403, 404, 409)},
    auth=[TokenAuth(), BrowserSessionAuth()],
)
def create_contact(request, payload: ContactCreateIn):
    """Register one anonymous contact: 201 with it.

    With `client_id` the send is idempotent: the same id sent again answers 200 with the contact stored
    the first time (read back from the database: the first send wins, whatever the later ones carry), never
    a second contact, also when two sends arrive at the same moment; an id already used for a contact
    that is not yours answers 409 on `client_id`. With `refer_to` the contact is referred to that service
    of the social map in the same transaction (422 on `refer_to` when the organisation's map has no such
    current service); a repeated send refers nothing again.

    Besides the bearer token this operation takes the browser's login session (the conversation log,
    /o/<org>/contacts/log/, sends its queue here): then the `X-CSRFToken` header must carry the
    `csrftoken` cookie's value, or the answer is 403. Contacts sent by the conversation log (with
    `client_id`) count as registered there (source `log`), others as registered through the API."""
    membership = membership_for(request, payload.organisation, permission="can_register")
    data, confirmations = validated(membership, payload)
    service = _service_to_refer(membership, payload.refer_to)
    source = Source.LOG if payload.client_id else Source.API
    try:
        contact, created = _register_and_refer(
            membership, data, payload, service, source=source, pii_confirmations=confirmations
        )
    except services.ClientIdTaken:
        raise ApiError(409, [field_error("client_id", "This client_id is already used.")]) from None
    if not created:
        return 200, contact_out(_load(contact.pk))
    if service is not None:  # the referral added an offer: read back what was stored
        return 201, contact_out(_load(contact.pk))
    return 201, registered_out(contact, data)


def _register_and_refer(membership, data, payload, service, **kwargs):
    """The contact (once per client_id), and with a service its referral, in one transaction (without
    one, register_contact's own: no savepoint more than needed)."""

    def register():
        contact, created = services.register_contact_once(
            membership, data, client_id=payload.client_id, **kwargs
        )
        if created and service is not None:
            socialmap_services.refer_contact(
                contact, service, warm=payload.refer_warm, author=membership.user
            )
        return contact, created

    if service is None:
        return register()
    with transaction.atomic():
        return register()


def _service_to_refer(membership, service_id):
    if service_id is None:
        return None
    service = Service.objects.for_org(membership.organisation).current().filter(pk=service_id).first()
    if service is None:
        raise ApiError(
            422,
            [field_error("refer_to", "No current service with this id on your organisation's social map.")],
        )
    return service


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
