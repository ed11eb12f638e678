"""The public API of the group offer (no account). /api/v1/public/…

GET    /api/v1/public/<org>/activities                  published activities that are not over
POST   /api/v1/public/<org>/activities/<id>/signups     {"name", "people", "contact"?}
       → 201 {"status": "confirmed"|"waiting", "cancel_token"}; 404 unknown, 409 closed, 422 bad fields
GET    /api/v1/public/signups/<cancel_token>            → {"status", "activity", "people"}
DELETE /api/v1/public/signups/<cancel_token>            → {"status": "cancelled"}
"""

import datetime
from decimal import Decimal
from typing import Literal

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.views.decorators.gzip import gzip_page
from ninja import Field, Schema
from ninja.decorators import decorate_view

from opvoedwijzer.activities import services
from opvoedwijzer.activities.forms import SignUpForm
from opvoedwijzer.activities.models import MAX_PEOPLE_PER_SIGNUP, Activity, SignUpStatus
from opvoedwijzer.activities.public import agenda_activities
from opvoedwijzer.core.models import Organisation
from opvoedwijzer.core.ratelimit import HONEYPOT, over_limit

from .errors import ApiError, errors, field_error, rate_limited
from .public import HONEYPOT_HELP, form_errors, router
from .types import Id, Slug, Text, Token

Language = Literal[tuple(code for code, _label in settings.LANGUAGES)]
Status = Literal[tuple(SignUpStatus.values)]


class SessionOut(Schema):
    start: datetime.datetime
    end: datetime.datetime
    location: str | None = Field(description="Name, address and room, in one line")
    municipality: str | None = Field(description="NIS code of the location's municipality")


class ActivityOut(Schema):
    id: int
    title: str
    kind: str
    description: str
    audience: str
    language: str
    price: Decimal
    capacity: int
    places_left: int
    waiting_list: int = Field(description="People on the waiting list")
    signups_open: bool
    themes: list[str]
    life_stages: list[str]
    sessions: list[SessionOut]


class SignUpIn(Schema):
    name: Text(60, filled=True) = Field(description="A first name or a nickname")
    people: int = Field(1, ge=1, le=MAX_PEOPLE_PER_SIGNUP)
    contact: Text(254) | None = Field(
        None, description="Phone number or e-mail address, only for reminders (optional)"
    )
    language: Language = Field("nl", description="Language of the messages")
    website: Text(200) | None = Field(None, description=HONEYPOT_HELP)


class SignedUp(Schema):
    status: Literal["confirmed", "waiting"]
    cancel_token: str


class SignUpOut(Schema):
    status: Status
    activity: int
    people: int
    waiting_position: int | None


def _activity_out(activity):
    sessions = list(activity.sessions.all())
    return {
        "id": activity.pk,
        "title": activity.title,
        "kind": activity.kind,
        "description": activity.description,
        "audience": activity.audience,
        "language": activity.language,
        "price": activity.price,
        "capacity": activity.capacity,
        "places_left": activity.places_left,
        "waiting_list": activity.waiting,
        "signups_open": activity.signups_open(),
        "themes": [t.code for t in activity.themes.all()],
        "life_stages": [s.code for s in activity.life_stages.all()],
        "sessions": [
            {
                "start": s.starts_at,
                "end": s.ends_at,
                "location": s.place or None,
                "municipality": s.municipality.code if s.municipality else None,
            }
            for s in sessions
        ],
    }


@router.get(
    "/{org_slug}/activities",
    response={200: list[ActivityOut], **errors(404)},
    summary="The agenda: published activities",
)
@decorate_view(gzip_page)  # public data only: compression cannot leak a secret (BREACH)
def activities(request, org_slug: Slug):
    org = get_object_or_404(Organisation, slug=org_slug)
    return [_activity_out(a) for a in agenda_activities(org)]


@router.post(
    "/{org_slug}/activities/{activity_id}/signups",
    response={201: SignedUp, **errors(404, 409, 429)},
    summary="Sign up for an activity (no account)",
)
def sign_up(request, org_slug: Slug, activity_id: Id, payload: SignUpIn):
    """Checked by the web form itself (`activities.forms.SignUpForm`): the same limits, honeypot and
    rate limit, whichever way a sign-up comes in."""
    org = get_object_or_404(Organisation, slug=org_slug)
    activity = Activity.objects.for_org(org).published().filter(pk=activity_id).first()
    if activity is None:
        raise ApiError(404, [field_error("activity_id", "No published activity with this id.", "path")])
    form = SignUpForm(
        {
            "name": payload.name,
            "people": payload.people,
            "contact": payload.contact or "",
            HONEYPOT: payload.website or "",
        }
    )
    if form.is_spam():  # as the web form: no sign-up, no hint why
        raise ApiError(422, [field_error("body", "Something went wrong. Please try again.")])
    if over_limit(request, "sign_up"):
        raise rate_limited("name", "Too many sign-ups from this address in the last hour.")
    if not form.is_valid():
        raise ApiError(422, form_errors(form))
    d = form.cleaned_data
    try:
        signup, token = services.sign_up(
            activity, name=d["name"], people=d["people"], contact=d["contact"], language=payload.language
        )
    except services.SignUpClosed:
        msg = "Signing up for this activity is closed."
        raise ApiError(409, [field_error("activity_id", msg, "path")]) from None
    return 201, {"status": signup.status, "cancel_token": token}


def _found(token):
    signup = services.find_signup(token)
    if signup is None:
        raise ApiError(404, [field_error("cancel_token", "No sign-up with this token.", "path")])
    return signup


@router.get("/signups/{cancel_token}", response={200: SignUpOut, **errors(404)}, summary="Read a sign-up")
def read_signup(request, cancel_token: Token):
    signup = _found(cancel_token)
    return {
        "status": signup.status,
        "activity": signup.activity_id,
        "people": signup.people,
        "waiting_position": signup.waiting_position(),
    }


@router.delete(
    "/signups/{cancel_token}", response={200: SignUpOut, **errors(404)}, summary="Cancel a sign-up"
)
def cancel_signup(request, cancel_token: Token):
    signup, _promoted = services.cancel_signup(_found(cancel_token))
    return {
        "status": signup.status,
        "activity": signup.activity_id,
        "people": signup.people,
        "waiting_position": None,
    }
