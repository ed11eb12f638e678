"""Suggestions from a text's own words: themes and life stages to register, library items and services
to link (issue 20). The text is read, never stored nor logged."""

from typing import Literal

from django.urls import reverse
from ninja import Field, Router, Schema

from opvoedwijzer.library.selectors import resources_for
from opvoedwijzer.socialmap.selectors import services_for
from opvoedwijzer.suggestions import engine

from .auth import BrowserSessionAuth, TokenAuth
from .errors import ApiError, errors
from .tenancy import membership_for
from .types import Slug, Text

router = Router(tags=["suggestions"])

MAX_TEXT = 5000
THEMES = 5  # themes and life stages at most
ITEMS = 3  # library items and services at most
Language = Literal["nl", "fr", "en"]


class SuggestIn(Schema):
    text: Text(MAX_TEXT, filled=True) = Field(
        description="The question, note or request in the parent's words (Dutch, French or English); "
        "read, never stored"
    )
    organisation: Slug | None = Field(None, description="Slug; needed with several memberships")
    language: Language | None = Field(
        None, description="The text's language; found from the text when left out"
    )


class HintOut(Schema):
    code: str = Field(description="The taxonomy code, as the contacts API takes it")
    label: str = Field(description="The organisation's label, in the request's language")
    score: float = Field(ge=0, le=1, description="0–1, best first")
    because: list[str] = Field(description="The words of the text that led to it, as typed")


class ResourceOut(Schema):
    id: int
    title: str
    url: str = Field(description="The item's staff page, relative to this site")
    because: list[str] = Field(description="The suggested themes it is about, then the text's words in it")


class ServiceOut(Schema):
    id: int
    name: str
    url: str = Field(description="The service's staff page on the social map, relative to this site")
    because: list[str] = Field(description="The suggested themes it is about, then the text's words in it")


class SuggestionsOut(Schema):
    themes: list[HintOut] = Field(description="At most 5, best first; the first one as the main theme")
    life_stages: list[HintOut] = Field(description="From the ages in the text, best first")
    resources: list[ResourceOut] = Field(description="Published library items, at most 3, best first")
    services: list[ServiceOut] = Field(description="Active services on the social map, at most 3, best first")
    language: Language = Field(description="The text's language, as given or found")


def _hint(hint):
    return {"code": hint.code, "label": str(hint.label), "score": hint.score, "because": list(hint.because)}


@router.post("", response={200: SuggestionsOut, **errors(403, 404)}, auth=[TokenAuth(), BrowserSessionAuth()])
def suggest(request, payload: SuggestIn):
    """Themes and life stages to register and library items and services to link, for a text in the
    parent's words: "Mijn dochter van 2 wordt elke nacht wakker" → the theme sleep, because of
    "wakker" and "nacht", the life stage toddler, because of "van 2", a folder and a service about
    sleep. Each with `because`: what in the text led to it.

    For staff, coordinators and volunteers (funders: 403). The text is read to answer and then
    forgotten: it is not stored, not logged and not sent anywhere. Besides the bearer token this
    operation takes the browser's login session (the staff pages ask it while someone types), with the
    `X-CSRFToken` header carrying the `csrftoken` cookie's value (else 403). A member of several
    organisations names one (`organisation`; else 422)."""
    try:
        membership = membership_for(request, payload.organisation, permission="can_register")
    except ApiError as error:
        if error.status_code != 400:
            raise
        raise ApiError(422, error.errors) from None  # several memberships: name one
    org = membership.organisation
    # Called through its module: bench/suggestions.py wraps engine.suggest for its "learned only" set-up.
    found = engine.suggest(org, payload.text, language=payload.language, limit=THEMES)
    resources = resources_for(org, found, limit=ITEMS)
    services = services_for(org, found, limit=ITEMS)
    return {
        "themes": [_hint(hint) for hint in found.themes],
        "life_stages": [_hint(hint) for hint in found.life_stages],
        "resources": [
            {
                "id": item.pk,
                "title": item.title,
                "url": reverse("library:desk", kwargs={"org": org.slug, "pk": item.pk}),
                "because": list(item.because),
            }
            for item in resources
        ],
        "services": [
            {
                "id": service.pk,
                "name": service.name,
                "url": reverse("socialmap:service", kwargs={"org": org.slug, "pk": service.pk}),
                "because": list(service.because),
            }
            for service in services
        ],
        "language": found.language,
    }
