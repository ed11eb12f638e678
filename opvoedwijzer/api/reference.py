"""Reference data: municipalities and the organisation's taxonomy."""

import datetime

from django.db.models import Q
from ninja import Router, Schema

from opvoedwijzer.core.models import Membership, Municipality
from opvoedwijzer.taxonomy import defaults
from opvoedwijzer.taxonomy.models import TERM_MODELS, Theme

from .errors import errors
from .tenancy import membership_for
from .types import Slug, Text

router = Router(tags=["reference"])


class MunicipalityOut(Schema):
    code: str
    name: str
    country: str
    postal_codes: list[str]
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None
    own_area_of: str | None = None
    part_of: str | None = None


@router.get("/municipalities", response=list[MunicipalityOut])
def municipalities(request, search: Text(50) = ""):
    """Belgian (NIS code) and Dutch (CBS code, GMxxxx) municipalities, and the own areas of the
    caller's organisations (never another organisation's); `search` matches a code, part of a name or
    a postal code ("3800", "1012 AB")."""
    orgs = [m.organisation_id for m in getattr(request.auth, "api_memberships", None) or []] or list(
        Membership.objects.active().filter(user=request.auth).values_list("organisation_id", flat=True)
    )
    qs = (
        Municipality.objects.filter(Q(organisation__isnull=True) | Q(organisation__in=orgs))
        .search(search)
        .select_related("organisation", "part_of")
        .prefetch_related("postal_codes")
        .order_by("name_nl", "country", "code")[:100]
    )
    return [
        {
            "code": m.code,
            "name": m.name,
            "country": m.country,
            "postal_codes": sorted({p.code for p in m.postal_codes.all()}),
            "valid_from": m.valid_from,
            "valid_to": m.valid_to,
            "own_area_of": m.organisation.slug if m.organisation_id else None,
            "part_of": m.part_of.code if m.part_of_id else None,
        }
        for m in qs
    ]


class TermOut(Schema):
    code: str
    label: str
    hidden: bool
    group: str | None = None


@router.get("/taxonomy", response={200: dict[str, list[TermOut]], **errors(403, 404)})
def taxonomy(request, organisation: Slug | None = None):
    """The organisation's terms per dimension, in its order, with codes; hidden terms are
    listed (old contacts use them) but may not be used for new contacts."""
    org = membership_for(request, organisation, where="query").organisation
    result = {}
    for dimension, model in TERM_MODELS.items():
        qs = model.objects.for_org(org)
        if model is Theme:
            qs = qs.select_related("group")
        result[dimension] = [
            {
                "code": t.code,
                "label": t.label,
                "hidden": t.hidden,
                "group": t.group.code if model is Theme else None,
            }
            for t in qs
        ]
    for dimension in ("request_kind", "duration"):
        result[dimension] = [
            {"code": c, "label": defaults.label(dimension, c), "hidden": False}
            for c in defaults.LABELS[dimension]
        ]
    return result
