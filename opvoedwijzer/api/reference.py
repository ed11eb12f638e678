"""Reference data: municipalities and the organisation's taxonomy."""

from ninja import Router, Schema

from opvoedwijzer.core.models import Municipality
from opvoedwijzer.taxonomy import defaults
from opvoedwijzer.taxonomy.models import TERM_MODELS, Theme

from .errors import errors
from .tenancy import membership_for
from .types import Slug, Text

router = Router(tags=["reference"])


class MunicipalityOut(Schema):
    code: str
    name: str
    postal_codes: list[str]


@router.get("/municipalities", response=list[MunicipalityOut])
def municipalities(request, search: Text(50) = ""):
    """Belgian municipalities (NIS code); `search` matches part of a name or a postal code."""
    qs = Municipality.objects.search(search).prefetch_related("postal_codes")[:100]
    return [
        {
            "code": m.code,
            "name": m.name,
            "postal_codes": sorted({p.code for p in m.postal_codes.all()}),
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
