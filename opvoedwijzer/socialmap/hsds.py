"""Our social map as Open Referral HSDS 3.0 (export); the importers are in `importers/`.

Records are dicts shaped as the schemas in HSDS's `schema/*.json`: empty values are left out (the
schemas type fields as plain strings, so a `null` would not validate). Our own taxonomy — themes, their
groups and life stages — is published as three HSDS taxonomies whose ids are UUIDv5 names derived from
the organisation and the code, so they stay the same across exports.
"""

import uuid

from django.db.models import Prefetch

from opvoedwijzer.taxonomy import defaults
from opvoedwijzer.taxonomy.models import LifeStage, Theme, ThemeGroup

from .models import Location, MapOrganisation, Schedule, Service, ServiceAtLocation, Taxonomy, TaxonomyTerm

HSDS_VERSION = "3.0"
PROFILE = "https://specs.openreferral.org/en/latest/hsds/"
OUR_TAXONOMIES = {
    "theme": ("Opvoedwijzer: themes", "Themes of parenting questions (TAXONOMY.md)."),
    "theme_group": ("Opvoedwijzer: theme groups", "Groups of themes of parenting questions (TAXONOMY.md)."),
    "life_stage": (
        "Opvoedwijzer: life stages",
        "Life stages of the child, with ages in months (TAXONOMY.md).",
    ),
}


def namespace(org):
    return uuid.uuid5(uuid.NAMESPACE_URL, f"https://opvoedwijzer.org/{org.slug}/")


def our_uuid(org, kind, code=""):
    return str(uuid.uuid5(namespace(org), f"{kind}:{code}"))


def _clean(record):
    """Leave out empty values (None, "", []) — but keep zeros and False."""
    return {k: v for k, v in record.items() if v not in (None, "", [])}


def _years(months):
    return None if months is None else round(months / 12, 2)


def _time(value):
    return value.strftime("%H:%M:%S") if value else None


# Querysets that fetch what a record needs in a fixed number of queries ------------------------------


def services_for_export(org, full=True, qs=None):
    """`qs` (default: all services of `org`, by name) with what its records need."""
    if qs is None:
        qs = Service.objects.for_org(org).order_by("name", "id")
    qs = qs.select_related("organisation", "map_organisation")
    if not full:
        return qs
    return qs.prefetch_related(
        "phones",
        "contacts",
        "schedules",
        "municipalities",
        "themes__group",
        "life_stages",
        "terms__taxonomy",
        Prefetch(
            "service_at_locations",
            ServiceAtLocation.objects.select_related("service", "location__map_organisation"),
        ),
        Prefetch("service_at_locations__location__schedules", Schedule.objects.all()),
        "service_at_locations__location__phones",
    )


def organisations_for_export(org):
    return MapOrganisation.objects.for_org(org).prefetch_related(
        "phones", "contacts", Prefetch("locations", Location.objects.prefetch_related("schedules", "phones"))
    )


# Records ----------------------------------------------------------------------------------------------


def phone_record(phone):
    return _clean(
        {
            "id": str(phone.uuid),
            "number": phone.number,
            "extension": phone.extension,
            "type": phone.type,
            "description": phone.description,
        }
    )


def contact_record(contact):
    return _clean(
        {
            "id": str(contact.uuid),
            "name": contact.name,
            "title": contact.title,
            "department": contact.department,
            "email": contact.email,
        }
    )


def schedule_record(schedule, *, service_id=None, location_id=None):
    return _clean(
        {
            "id": str(schedule.uuid),
            "service_id": service_id,
            "location_id": location_id,
            "valid_from": schedule.valid_from.isoformat() if schedule.valid_from else None,
            "valid_to": schedule.valid_to.isoformat() if schedule.valid_to else None,
            "freq": schedule.freq if schedule.freq in ("WEEKLY", "MONTHLY") else None,
            "interval": schedule.interval,
            "byday": schedule.byday,
            "bymonthday": schedule.bymonthday,
            "opens_at": _time(schedule.opens_at),
            "closes_at": _time(schedule.closes_at),
            "description": schedule.description,
            "notes": schedule.notes,
            "attending_type": schedule.attending_type,
        }
    )


def location_record(location, full=True):
    record = {
        "id": str(location.uuid),
        "location_type": location.location_type,
        "url": location.url,
        "organization_id": str(location.map_organisation.uuid) if location.map_organisation_id else None,
        "name": location.name,
        "alternate_name": location.alternate_name,
        "description": location.description,
        "transportation": location.transportation,
        "latitude": location.latitude,
        "longitude": location.longitude,
        "external_identifier": location.external_identifier,
        "external_identifier_type": location.external_identifier_type,
    }
    if full:
        if location.address_1 and location.city:
            record["addresses"] = [
                {
                    "id": str(uuid.uuid5(location.uuid, "address")),
                    "location_id": str(location.uuid),
                    "address_1": location.address_1,
                    "address_2": location.address_2,
                    "city": location.city,
                    "state_province": location.state_province or location.city,
                    "postal_code": location.postal_code or "-",
                    "country": location.country or "BE",
                    "address_type": "physical" if location.location_type != "postal" else "postal",
                }
            ]
        if location.accessibility:
            record["accessibility"] = [
                {
                    "id": str(uuid.uuid5(location.uuid, "accessibility")),
                    "location_id": str(location.uuid),
                    "description": location.accessibility,
                }
            ]
        record["schedules"] = [
            schedule_record(s, location_id=str(location.uuid)) for s in location.schedules.all()
        ]
        record["phones"] = [phone_record(p) for p in location.phones.all()]
    return _clean(record)


def organization_record(map_org, full=True, services=None):
    record = {
        "id": str(map_org.uuid),
        "name": map_org.name,
        "alternate_name": map_org.alternate_name,
        "description": map_org.description or map_org.name,
        "email": map_org.email,
        "website": map_org.website,
    }
    if full:
        if map_org.sociale_kaart_id:
            record["organization_identifiers"] = [
                {
                    "id": str(uuid.uuid5(map_org.uuid, "sociale-kaart")),
                    "organization_id": str(map_org.uuid),
                    "identifier_scheme": "BE-SOCIALEKAART",
                    "identifier_type": "Sociale Kaart",
                    "identifier": map_org.sociale_kaart_id,
                }
            ]
        record["phones"] = [phone_record(p) for p in map_org.phones.all()]
        record["contacts"] = [contact_record(c) for c in map_org.contacts.all()]
        record["locations"] = [location_record(loc) for loc in map_org.locations.all()]
        if services is not None:
            record["services"] = [service_record(s) for s in services]
    return _clean(record)


def _attribute(service, term):
    """A service's link to a taxonomy term, with the term inside (so that an importer elsewhere can
    map it by its taxonomy and code)."""
    return {
        "id": str(uuid.uuid5(service.uuid, f"attribute:{term['id']}")),
        "link_id": str(service.uuid),
        "taxonomy_term_id": term["id"],
        "link_type": "service_category",
        "link_entity": "service",
        "taxonomy_term": term,
    }


def service_record(service, full=True):
    org = service.organisation
    record = {
        "id": str(service.uuid),
        "organization_id": str(service.map_organisation.uuid) if service.map_organisation_id else None,
        "name": service.name,
        "alternate_name": service.alternate_name,
        "description": service.description,
        "url": service.url,
        "email": service.email,
        "status": service.status,
        "interpretation_services": service.interpretation_services,
        "application_process": service.application_process,
        "fees_description": service.fees_description,
        "wait_time": service.wait_time,
        "eligibility_description": service.eligibility_description,
        "minimum_age": _years(service.min_months),
        "maximum_age": _years(service.max_months),
        "assured_date": service.last_checked_on.isoformat() if service.last_checked_on else None,
        "alert": service.alert,
        "last_modified": service.last_modified.isoformat().replace("+00:00", "Z"),
    }
    if not full:
        return _clean(record)
    if service.map_organisation_id:
        record["organization"] = organization_record(service.map_organisation, full=False)
    record["phones"] = [phone_record(p) for p in service.phones.all()]
    record["contacts"] = [contact_record(c) for c in service.contacts.all()]
    record["schedules"] = [schedule_record(s, service_id=str(service.uuid)) for s in service.schedules.all()]
    areas = [
        {
            "id": str(uuid.uuid5(service.uuid, f"area:{m.code}")),
            "service_id": str(service.uuid),
            "name": m.name_nl,
            "description": m.name_nl,
            "extent_type": "nis_code",
            "extent": m.code,
        }
        for m in service.municipalities.all()
    ]
    if service.area_description:
        areas.append(
            {
                "id": str(uuid.uuid5(service.uuid, "area:text")),
                "service_id": str(service.uuid),
                "description": service.area_description,
            }
        )
    record["service_areas"] = areas
    record["languages"] = [
        {
            "id": str(uuid.uuid5(service.uuid, f"language:{code}")),
            "service_id": str(service.uuid),
            "code": code,
        }
        for code in service.language_list
    ]
    record["service_at_locations"] = [
        service_at_location_record(sal) for sal in service.service_at_locations.all()
    ]
    attributes = [_attribute(service, _our_term(org, "theme", t)) for t in service.themes.all()]
    attributes += [_attribute(service, _our_term(org, "life_stage", s)) for s in service.life_stages.all()]
    attributes += [_attribute(service, imported_term_record(t)) for t in service.terms.all()]
    record["attributes"] = attributes
    return _clean(record)


def service_at_location_record(sal, full=True):
    record = {
        "id": str(sal.uuid),
        "service_id": str(sal.service.uuid),
        "location_id": str(sal.location.uuid),
        "description": sal.description,
    }
    if full:
        record["location"] = location_record(sal.location)
    return _clean(record)


# Taxonomies ----------------------------------------------------------------------------------------


def taxonomy_records(org):
    records = [
        {
            "id": our_uuid(org, "taxonomy", kind),
            "name": name,
            "description": description,
            "version": "1",
        }
        for kind, (name, description) in OUR_TAXONOMIES.items()
    ]
    for taxonomy in Taxonomy.objects.for_org(org):
        records.append(
            _clean(
                {
                    "id": str(taxonomy.uuid),
                    "name": taxonomy.name,
                    "description": taxonomy.description or taxonomy.name,
                    "uri": taxonomy.uri,
                    "version": taxonomy.version,
                }
            )
        )
    return records


def taxonomy_term_records(org):
    records = []
    for group in ThemeGroup.objects.for_org(org):
        records.append(_our_term(org, "theme_group", group))
    for theme in Theme.objects.for_org(org).select_related("group"):
        records.append(_our_term(org, "theme", theme, parent=our_uuid(org, "theme_group", theme.group.code)))
    for stage in LifeStage.objects.for_org(org):
        records.append(_our_term(org, "life_stage", stage))
    for term in TaxonomyTerm.objects.for_org(org).select_related("taxonomy"):
        records.append(imported_term_record(term))
    return records


def imported_term_record(term):
    return _clean(
        {
            "id": str(term.uuid),
            "code": term.code,
            "name": term.name,
            "description": term.description or term.name,
            "parent_id": str(term.parent_uuid) if term.parent_uuid else None,
            "taxonomy": term.taxonomy_name,
            "language": term.language,
            "taxonomy_id": str(term.taxonomy.uuid) if term.taxonomy_id else None,
            "term_uri": term.term_uri,
        }
    )


def _our_term(org, kind, term, parent=None):
    english = defaults.LABELS[kind].get(term.code, {}).get("en", "")
    return _clean(
        {
            "id": our_uuid(org, kind, term.code),
            "code": term.code,
            "name": str(term.label),
            "description": english or str(term.label),
            "parent_id": parent,
            "taxonomy": OUR_TAXONOMIES[kind][0],
            "language": "nl",
            "taxonomy_id": our_uuid(org, "taxonomy", kind),
        }
    )


def paginate(items_qs, page, per_page, to_record):
    """An HSDS page (the `Page` schema of HSDS's openapi.json) of records."""
    total = len(items_qs) if isinstance(items_qs, list) else items_qs.count()
    total_pages = max(1, -(-total // per_page))
    page = min(max(1, page), total_pages)
    chunk = items_qs[(page - 1) * per_page : page * per_page]
    contents = [to_record(item) for item in chunk]
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "page": page,  # the same as page_number, for clients written against earlier drafts
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page == total_pages,
        "empty": total == 0,
        "contents": contents,
    }
