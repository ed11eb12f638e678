"""The public HSDS 3.0 API of each organisation's social map: /api/hsds/<org>/…

Read-only and without authentication (a social map is public information). Paths, parameters and the
page envelope follow HSDS's `schema/openapi.json`; records are built by `socialmap/hsds.py`. Lists hold
the one-to-one fields of each record unless `full=true`; `/services/{id}` and `/organizations/{id}` are
always fully nested. An unknown organisation or id answers 404 with `{"detail": …}`.
"""

import uuid

from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Query, Schema
from pydantic import Field

from opvoedwijzer.core.models import Municipality, Organisation
from opvoedwijzer.socialmap import hsds
from opvoedwijzer.socialmap.models import MapOrganisation, Service, ServiceAtLocation
from opvoedwijzer.socialmap.search import Criteria, find_services

from .errors import ApiError, DocumentedAPI, errors, field_error, install_error_handlers
from .types import Moment, PageNumber, Slug, Text

api = DocumentedAPI(
    title="Opvoedwijzer social map (HSDS 3.0)",
    version="3.0",
    urls_namespace="hsds",
    description=__doc__,
    docs_url="/docs",
)
install_error_handlers(api)
# The records follow HSDS's own schemas (checked against them in tests/hsds); here: objects.
NOT_FOUND = {200: dict, **errors(404)}


class Paging(Schema):
    page: PageNumber = Field(1, description="Page number of paginated result.")
    per_page: int = Field(50, ge=1, le=500, description="Number of results in a single page (at most 500).")


class ServiceFilters(Paging):
    search: Text(200) = Field("", description="Full text search (Dutch stemming).")
    taxonomy_term_id: uuid.UUID | None = None
    taxonomy_id: uuid.UUID | None = None
    organization_id: uuid.UUID | None = None
    modified_after: Moment | None = None
    postcode: str = Field(
        "",
        max_length=4,
        pattern=r"^([0-9]{4})?$",
        description="Services whose area covers this (Belgian) postal code.",
    )
    full: bool = False


def _org(slug):
    return get_object_or_404(Organisation, slug=slug)


def _filtered_services(org, filters):
    if filters.search or filters.postcode:
        municipality = None
        if filters.postcode:
            municipality = Municipality.objects.filter(postal_codes__code=filters.postcode).first()
            if municipality is None:
                msg = "No municipality has this postal code."
                raise ApiError(404, [field_error("postcode", msg, "query")])
        found, _understood = find_services(org, Criteria(text=filters.search, municipality=municipality))
        qs = hsds.services_for_export(org, full=filters.full, qs=found)
    else:
        qs = hsds.services_for_export(org, full=filters.full)
    if filters.organization_id:
        qs = qs.filter(map_organisation__uuid=filters.organization_id)
    if filters.modified_after:
        qs = qs.filter(last_modified__gte=filters.modified_after)
    if filters.taxonomy_term_id:
        term = str(filters.taxonomy_term_id)
        ours = [t for t in org_terms(org) if t[0] == term]
        if ours:
            kind, code = ours[0][1], ours[0][2]
            qs = qs.filter(**{f"{'theme' if kind == 'theme' else 'stage'}_codes__contains": f",{code},"})
        else:
            tagged = Service.terms.through.objects.filter(taxonomyterm__uuid=filters.taxonomy_term_id)
            qs = qs.filter(pk__in=tagged.values("service_id"))
    if filters.taxonomy_id:
        taxonomy = str(filters.taxonomy_id)
        if taxonomy == hsds.our_uuid(org, "taxonomy", "theme"):
            qs = qs.exclude(theme_codes="")
        elif taxonomy == hsds.our_uuid(org, "taxonomy", "life_stage"):
            qs = qs.exclude(stage_codes="")
        else:
            tagged = Service.terms.through.objects.filter(taxonomyterm__taxonomy__uuid=filters.taxonomy_id)
            qs = qs.filter(pk__in=tagged.values("service_id"))
    return qs


def org_terms(org):
    from opvoedwijzer.taxonomy.models import LifeStage, Theme

    terms = [(hsds.our_uuid(org, "theme", t.code), "theme", t.code) for t in Theme.objects.for_org(org)]
    terms += [
        (hsds.our_uuid(org, "life_stage", s.code), "life_stage", s.code)
        for s in LifeStage.objects.for_org(org)
    ]
    return terms


@api.get(
    "/{org_slug}/", response=NOT_FOUND, summary="Information about this API and its relationship with HSDS"
)
def index(request, org_slug: Slug):
    organisation = _org(org_slug)
    return {
        "version": hsds.HSDS_VERSION,
        "profile": hsds.PROFILE,
        "openapi_url": request.build_absolute_uri(reverse("hsds:openapi-json")),
        "organization": organisation.name,
    }


@api.get("/{org_slug}/services", response=NOT_FOUND, summary="Paginated list of services")
def services(request, org_slug: Slug, filters: Query[ServiceFilters]):
    organisation = _org(org_slug)
    qs = _filtered_services(organisation, filters)
    return hsds.paginate(
        qs, filters.page, filters.per_page, lambda s: hsds.service_record(s, full=filters.full)
    )


@api.get("/{org_slug}/services/{id}", response=NOT_FOUND, summary="A fully nested service")
def service(request, org_slug: Slug, id: uuid.UUID):
    organisation = _org(org_slug)
    record = get_object_or_404(hsds.services_for_export(organisation), uuid=id)
    return hsds.service_record(record)


@api.get("/{org_slug}/organizations", response=NOT_FOUND, summary="Paginated list of organizations")
def organizations(request, org_slug: Slug, filters: Query[Paging], full: bool = False):
    organisation = _org(org_slug)
    qs = (
        hsds.organisations_for_export(organisation) if full else MapOrganisation.objects.for_org(organisation)
    )
    return hsds.paginate(qs, filters.page, filters.per_page, lambda o: hsds.organization_record(o, full=full))


@api.get(
    "/{org_slug}/organizations/{id}",
    response=NOT_FOUND,
    summary="A fully nested organization, with its services",
)
def organization(request, org_slug: Slug, id: uuid.UUID, full_service: bool = True):
    organisation = _org(org_slug)
    record = get_object_or_404(hsds.organisations_for_export(organisation), uuid=id)
    services = hsds.services_for_export(organisation, full=full_service).filter(map_organisation=record)
    return hsds.organization_record(record, services=services if full_service else None)


@api.get(
    "/{org_slug}/service_at_locations", response=NOT_FOUND, summary="Paginated list of services at locations"
)
def service_at_locations(request, org_slug: Slug, filters: Query[Paging], full: bool = False):
    organisation = _org(org_slug)
    qs = ServiceAtLocation.objects.for_org(organisation).select_related("service", "location").order_by("id")
    if full:
        qs = qs.prefetch_related("location__schedules", "location__phones")
    return hsds.paginate(
        qs, filters.page, filters.per_page, lambda s: hsds.service_at_location_record(s, full=full)
    )


@api.get(
    "/{org_slug}/service_at_locations/{id}",
    response=NOT_FOUND,
    summary="A fully nested service at a location",
)
def service_at_location(request, org_slug: Slug, id: uuid.UUID):
    organisation = _org(org_slug)
    qs = ServiceAtLocation.objects.for_org(organisation).select_related("service", "location")
    return hsds.service_at_location_record(get_object_or_404(qs, uuid=id))


@api.get("/{org_slug}/taxonomies", response=NOT_FOUND, summary="Paginated list of taxonomies")
def taxonomies(request, org_slug: Slug, filters: Query[Paging]):
    records = hsds.taxonomy_records(_org(org_slug))
    return hsds.paginate(records, filters.page, filters.per_page, lambda r: r)


@api.get("/{org_slug}/taxonomies/{id}", response=NOT_FOUND, summary="One taxonomy")
def taxonomy(request, org_slug: Slug, id: uuid.UUID):
    for record in hsds.taxonomy_records(_org(org_slug)):
        if record["id"] == str(id):
            return record
    raise ApiError(404, [field_error("id", "Not found.", "path")])


@api.get("/{org_slug}/taxonomy_terms", response=NOT_FOUND, summary="Paginated list of taxonomy terms")
def taxonomy_terms(request, org_slug: Slug, filters: Query[Paging], taxonomy_id: uuid.UUID | None = None):
    records = hsds.taxonomy_term_records(_org(org_slug))
    if taxonomy_id:
        records = [r for r in records if r.get("taxonomy_id") == str(taxonomy_id)]
    return hsds.paginate(records, filters.page, filters.per_page, lambda r: r)


@api.get("/{org_slug}/taxonomy_terms/{id}", response=NOT_FOUND, summary="One taxonomy term")
def taxonomy_term(request, org_slug: Slug, id: uuid.UUID):
    for record in hsds.taxonomy_term_records(_org(org_slug)):
        if record["id"] == str(id):
            return record
    raise ApiError(404, [field_error("id", "Not found.", "path")])
