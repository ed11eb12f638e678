"""The HSDS 3.0 tables an import keeps or leaves out, and how records nest in HSDS JSON."""

KEPT_TABLES = [
    "organizations",
    "organization_identifiers",
    "locations",
    "addresses",
    "accessibility",
    "services",
    "service_at_location",
    "phones",
    "contacts",
    "schedules",
    "service_areas",
    "languages",
    "taxonomies",
    "taxonomy_terms",
    "attributes",
]
IGNORED_TABLES = [
    "funding",
    "cost_options",
    "programs",
    "required_documents",
    "metadata",
    "meta_table_descriptions",
]

# Nested arrays/objects of HSDS JSON: key → (table, the child's field that points at the parent).
# For a nested object (organization in a service, location in a service_at_location, …) the parent
# points at the child instead: the third element names the parent's field.
NESTED = {
    "services": {
        "phones": ("phones", "service_id"),
        "schedules": ("schedules", "service_id"),
        "service_areas": ("service_areas", "service_id"),
        "service_at_locations": ("service_at_location", "service_id"),
        "languages": ("languages", "service_id"),
        "contacts": ("contacts", "service_id"),
        "attributes": ("attributes", "link_id"),
        "funding": ("funding", "service_id"),
        "cost_options": ("cost_options", "service_id"),
        "required_documents": ("required_documents", "service_id"),
        "metadata": ("metadata", "resource_id"),
        "organization": ("organizations", None, "organization_id"),
        "program": ("programs", None, "program_id"),
    },
    "organizations": {
        "phones": ("phones", "organization_id"),
        "contacts": ("contacts", "organization_id"),
        "locations": ("locations", "organization_id"),
        "organization_identifiers": ("organization_identifiers", "organization_id"),
        "attributes": ("attributes", "link_id"),
        "services": ("services", "organization_id"),
        "funding": ("funding", "organization_id"),
        "programs": ("programs", "organization_id"),
        "metadata": ("metadata", "resource_id"),
    },
    "locations": {
        "addresses": ("addresses", "location_id"),
        "accessibility": ("accessibility", "location_id"),
        "phones": ("phones", "location_id"),
        "schedules": ("schedules", "location_id"),
        "languages": ("languages", "location_id"),
        "contacts": ("contacts", "location_id"),
        "attributes": ("attributes", "link_id"),
        "metadata": ("metadata", "resource_id"),
    },
    "service_at_location": {
        "location": ("locations", None, "location_id"),
        "phones": ("phones", "service_at_location_id"),
        "schedules": ("schedules", "service_at_location_id"),
        "contacts": ("contacts", "service_at_location_id"),
        "attributes": ("attributes", "link_id"),
        "metadata": ("metadata", "resource_id"),
    },
    "phones": {"languages": ("languages", "phone_id"), "attributes": ("attributes", "link_id")},
    "contacts": {"phones": ("phones", "contact_id"), "attributes": ("attributes", "link_id")},
    "attributes": {"taxonomy_term": ("taxonomy_terms", None, "taxonomy_term_id")},
    "taxonomy_terms": {"taxonomy_detail": ("taxonomies", None, "taxonomy_id")},
}
# Every other table may carry attributes and metadata.
for _table in (
    "schedules",
    "service_areas",
    "languages",
    "addresses",
    "accessibility",
    "organization_identifiers",
):
    NESTED.setdefault(
        _table, {"attributes": ("attributes", "link_id"), "metadata": ("metadata", "resource_id")}
    )
