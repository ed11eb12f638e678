"""Writing: the checked flat tables into the organisation's map, in one transaction — upserts of
organisations, locations and services (a row that would not change is not written), their links,
children and relations (themes, life stages, areas, languages), the counts in the report, and the
search index of what changed."""

from collections import defaultdict

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opvoedwijzer.core.services import note_social_map_changed

from .. import search
from ..hsds import OUR_TAXONOMIES
from ..models import (
    Location,
    MapOrganisation,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceContact,
    ServiceStatus,
    Taxonomy,
    TaxonomyTerm,
)
from .terms import OrganisationTerms
from .values import EMAIL, URL, as_date, as_number, as_text, as_time, as_uuid, is_valid


@transaction.atomic
def write_tables(org, tables, report):
    """Write checked tables into the map of `org`; all or nothing."""
    Writer(org, tables, report).write()
    note_social_map_changed(org)


class Writer:
    """Writes flat tables (checked) into the map of one organisation."""

    def __init__(self, org, tables, report):
        self.org = org
        self.tables = tables
        self.report = report
        self.terms = OrganisationTerms(org)

    def write(self):
        t, r = self.tables, self.report
        org_ids, changed_orgs = self._upsert(MapOrganisation, "organizations", self._organisation_values)
        for row in t.get("organization_identifiers", {}).values():
            scheme = f"{as_text(row.get('identifier_scheme'))} {as_text(row.get('identifier_type'))}".lower()
            if "sociale" in scheme or "socialekaart" in scheme:
                MapOrganisation.objects.filter(
                    organisation=self.org, uuid=as_uuid(row["organization_id"])
                ).update(sociale_kaart_id=as_text(row.get("identifier"))[:40])
            else:
                r.warnings.append(
                    _("Identifier scheme “%(scheme)s” is not kept (only the Flemish Sociale Kaart's).")
                    % {"scheme": as_text(row.get("identifier_scheme"))}
                )
        self._merge_into_locations()
        loc_ids, changed_locations = self._upsert(
            Location, "locations", lambda row: self._location_values(row, org_ids)
        )
        service_ids, dirty = self._upsert(Service, "services", lambda row: self._service_values(row, org_ids))
        sal_ids, linked = self._links(service_ids, loc_ids)
        self._children(service_ids, loc_ids, org_ids, sal_ids)
        dirty |= linked | self._relations(service_ids)
        # What search reads of a service includes its organisation's name and its locations' places.
        dirty |= set(Service.objects.filter(map_organisation__in=changed_orgs).values_list("pk", flat=True))
        dirty |= set(
            ServiceAtLocation.objects.filter(location__in=changed_locations).values_list(
                "service_id", flat=True
            )
        )
        search.reindex(sorted(dirty))
        r.services = len(service_ids)

    def _upsert(self, model, table, values_of):
        rows = {as_uuid(row["id"]): values_of(row) for row in self.tables.get(table, {}).values()}
        return self._save(model, table, rows)

    def _save(self, model, table, rows):
        """Create or update `rows` ({uuid: {field: value}}) of `model`; returns ({uuid: pk}, the pks
        that were created or changed). Rows that would not change are not written."""
        existing = {}
        keys = list(rows)
        for start in range(0, len(keys), 2000):
            for obj in model.objects.filter(organisation=self.org, uuid__in=keys[start : start + 2000]):
                existing[obj.uuid] = obj
        new, changed, fields = [], [], set()
        for key, values in rows.items():
            obj = existing.get(key)
            if obj is None:
                new.append({**values, "organisation": self.org, "uuid": key})
                continue
            differs = [n for n, v in values.items() if n != "last_modified" and _differs(obj, n, v)]
            if differs:
                for name, value in values.items():
                    setattr(obj, name, value)
                fields.update(values)
                changed.append(obj)
        _insert_rows(model, new)
        _update_rows(model, changed, sorted(fields))
        self.report.created[table] += len(new)
        self.report.updated[table] += len(changed)
        self.report.unchanged[table] += len(existing) - len(changed)
        ids = {obj.uuid: obj.pk for obj in existing.values()}
        created = [row["uuid"] for row in new]
        for start in range(0, len(created), 2000):
            batch = model.objects.filter(organisation=self.org, uuid__in=created[start : start + 2000])
            ids.update(batch.values_list("uuid", "pk"))
        return ids, {ids[key] for key in created} | {obj.pk for obj in changed}

    def _ref(self, ids, model, value):
        key = as_uuid(value)
        if key is None:
            return None
        if key in ids:
            return ids[key]
        return model.objects.filter(organisation=self.org, uuid=key).values_list("pk", flat=True).first()

    def _organisation_values(self, row):
        values = {
            "name": as_text(row.get("name"))[:200],
            "alternate_name": as_text(row.get("alternate_name"))[:200],
            "description": as_text(row.get("description")),
            "email": as_text(row.get("email"))[:254],
            "website": (
                as_text(row.get("website"))[:300] if is_valid(URL, as_text(row.get("website"))) else ""
            ),
            "last_modified": timezone.now(),
        }
        if "_partnership" in row:
            values["partnership"] = row["_partnership"]
        if as_text(row.get("_sociale_kaart_id")):
            values["sociale_kaart_id"] = row["_sociale_kaart_id"]
        return values

    def _merge_into_locations(self):
        """Addresses and accessibility are fields of our locations."""
        locations = self.tables.get("locations", {})
        for row in self.tables.get("addresses", {}).values():
            location = locations.get(as_uuid(row["location_id"]))
            if location is None:
                location = locations.setdefault(
                    as_uuid(row["location_id"]), {"id": row["location_id"], "_existing_only": True}
                )
            if "_address" not in location or row.get("address_type") == "physical":
                location["_address"] = row
        for row in self.tables.get("accessibility", {}).values():
            location = locations.setdefault(
                as_uuid(row["location_id"]), {"id": row["location_id"], "_existing_only": True}
            )
            text = " ".join(p for p in (as_text(row.get("description")), as_text(row.get("details"))) if p)
            location["_accessibility"] = " ".join(p for p in (location.get("_accessibility", ""), text) if p)

    def _location_values(self, row, org_ids):
        values = {}
        if not row.get("_existing_only"):
            latitude, longitude = as_number(row.get("latitude")), as_number(row.get("longitude"))
            if latitude is not None and not (-90 <= latitude <= 90 and -180 <= (longitude or 0) <= 180):
                self.report.warnings.append(
                    _("Location %(id)s: coordinates %(lat)s, %(lon)s are not on Earth; left out.")
                    % {"id": row.get("id"), "lat": row.get("latitude"), "lon": row.get("longitude")}
                )
                latitude = longitude = None
            values = {
                "map_organisation_id": self._ref(org_ids, MapOrganisation, row.get("organization_id")),
                "location_type": as_text(row.get("location_type")) or "physical",
                "name": as_text(row.get("name"))[:200],
                "alternate_name": as_text(row.get("alternate_name"))[:200],
                "description": as_text(row.get("description")),
                "transportation": as_text(row.get("transportation")),
                "url": as_text(row.get("url"))[:300] if is_valid(URL, as_text(row.get("url"))) else "",
                "latitude": latitude,
                "longitude": longitude if latitude is not None else None,
                "external_identifier": as_text(row.get("external_identifier"))[:100],
                "external_identifier_type": as_text(row.get("external_identifier_type"))[:50],
            }
        address = row.get("_address")
        if address:
            values.update(
                address_1=as_text(address.get("address_1"))[:200],
                address_2=as_text(address.get("address_2"))[:200],
                postal_code=as_text(address.get("postal_code"))[:12],
                city=as_text(address.get("city"))[:100],
                state_province=as_text(address.get("state_province"))[:100],
                country=as_text(address.get("country"))[:2].upper() or "BE",
            )
            if values["country"] == "BE":
                values["municipality"] = self.terms.municipality(values["city"], values["postal_code"])
        if "_accessibility" in row:
            values["accessibility"] = row["_accessibility"]
        if "_municipality" in row:
            values["municipality"] = row["_municipality"]
        return values

    def _service_values(self, row, org_ids):
        def months(name):
            years = as_number(row.get(name))
            return None if years is None else round(years * 12)

        status = as_text(row.get("status")) or ServiceStatus.ACTIVE
        values = {
            "map_organisation_id": self._ref(org_ids, MapOrganisation, row.get("organization_id")),
            "name": as_text(row.get("name"))[:200],
            "alternate_name": as_text(row.get("alternate_name"))[:200],
            "description": as_text(row.get("description")),
            "url": as_text(row.get("url"))[:300] if is_valid(URL, as_text(row.get("url"))) else "",
            "email": as_text(row.get("email"))[:254],
            "status": status,
            "interpretation_services": as_text(row.get("interpretation_services"))[:300],
            "application_process": as_text(row.get("application_process")),
            "fees_description": (as_text(row.get("fees_description")) or as_text(row.get("fees")))[:300],
            "eligibility_description": as_text(row.get("eligibility_description")),
            "wait_time": as_text(row.get("wait_time"))[:200],
            "alert": as_text(row.get("alert"))[:300],
            "min_months": months("minimum_age"),
            "max_months": months("maximum_age"),
            "last_modified": timezone.now(),
        }
        if status == ServiceStatus.DEFUNCT:
            values["retired_on"] = timezone.localdate()
        assured = as_date(row.get("assured_date"))
        if assured:
            values["last_checked_on"] = assured
        return values

    def _links(self, service_ids, loc_ids):
        rows = self.tables.get("service_at_location", {})
        pairs = {}
        for row in rows.values():
            service = self._ref(service_ids, Service, row["service_id"])
            location = self._ref(loc_ids, Location, row["location_id"])
            pairs[(service, location)] = row
        existing = {}
        services = sorted({s for s, _l in pairs if s})
        for start in range(0, len(services), 2000):
            links = ServiceAtLocation.objects.filter(service_id__in=services[start : start + 2000])
            existing.update(
                {(s, loc): pk for pk, s, loc in links.values_list("pk", "service_id", "location_id")}
            )
        new = [
            {
                "organisation": self.org,
                "uuid": as_uuid(row["id"]),
                "service_id": service,
                "location_id": location,
                "description": as_text(row.get("description")),
            }
            for (service, location), row in pairs.items()
            if (service, location) not in existing
        ]
        _insert_rows(ServiceAtLocation, new)
        self.report.created["service_at_location"] += len(new)
        ids = {as_uuid(row["id"]): (existing.get(pair), *pair) for pair, row in pairs.items()}
        return ids, {row["service_id"] for row in new}

    def _children(self, service_ids, loc_ids, org_ids, sal_ids):
        t = self.tables

        def owner(row, allow_org=True):
            service = (
                self._ref(service_ids, Service, row.get("service_id"))
                if as_text(row.get("service_id"))
                else None
            )
            location = (
                self._ref(loc_ids, Location, row.get("location_id"))
                if as_text(row.get("location_id"))
                else None
            )
            sal = sal_ids.get(as_uuid(row.get("service_at_location_id")))
            if sal and not service and not location:
                location = sal[2]
            org = None
            if allow_org and not service and not location and as_text(row.get("organization_id")):
                org = self._ref(org_ids, MapOrganisation, row["organization_id"])
            return service, location, org

        phones = {}
        for row in t.get("phones", {}).values():
            service, location, org = owner(row)
            phones[as_uuid(row["id"])] = {
                "service_id": service,
                "location_id": location if not service else None,
                "map_organisation_id": org,
                "number": as_text(row.get("number"))[:40],
                "extension": as_number(row.get("extension"), int),
                "type": as_text(row.get("type"))[:20] or "voice",
                "description": as_text(row.get("description")),
            }
        self._upsert_rows(Phone, "phones", phones)
        contacts = {}
        for row in t.get("contacts", {}).values():
            service, _location, org = owner(row)
            if not service and not org and as_text(row.get("organization_id")):
                org = self._ref(org_ids, MapOrganisation, row["organization_id"])
            contacts[as_uuid(row["id"])] = {
                "service_id": service,
                "map_organisation_id": org if not service else None,
                "name": as_text(row.get("name"))[:200],
                "title": as_text(row.get("title"))[:200],
                "department": as_text(row.get("department"))[:200],
                "email": (
                    as_text(row.get("email"))[:254] if is_valid(EMAIL, as_text(row.get("email"))) else ""
                ),
            }
        self._upsert_rows(ServiceContact, "contacts", contacts)
        schedules = {}
        for row in t.get("schedules", {}).values():
            service, location, _org = owner(row, allow_org=False)
            schedules[as_uuid(row["id"])] = {
                "service_id": service,
                "location_id": location if not service else None,
                "freq": as_text(row.get("freq")).upper()[:10] or "WEEKLY",
                "interval": as_number(row.get("interval"), int),
                "byday": as_text(row.get("byday")).upper()[:40],
                "bymonthday": as_text(row.get("bymonthday"))[:40],
                "opens_at": as_time(row.get("opens_at")),
                "closes_at": as_time(row.get("closes_at")),
                "valid_from": as_date(row.get("valid_from")),
                "valid_to": as_date(row.get("valid_to")),
                "description": as_text(row.get("description")),
                "notes": as_text(row.get("notes")),
                "attending_type": as_text(row.get("attending_type"))[:200],
            }
        self._upsert_rows(Schedule, "schedules", schedules)

    def _upsert_rows(self, model, table, rows):
        self._save(model, table, rows)

    def _relations(self, service_ids):
        """Themes, life stages, imported terms, area and languages of the imported services. A relation
        is replaced only for services the import says something about."""
        t = self.tables
        taxonomies = {
            key: self._count(
                "taxonomies",
                *Taxonomy.objects.update_or_create(
                    organisation=self.org,
                    uuid=key,
                    defaults={
                        "name": as_text(row.get("name"))[:200],
                        "description": as_text(row.get("description")),
                        "uri": (
                            as_text(row.get("uri"))[:300] if is_valid(URL, as_text(row.get("uri"))) else ""
                        ),
                        "version": as_text(row.get("version"))[:40],
                    },
                ),
            )
            for key, row in t.get("taxonomies", {}).items()
            if as_text(row.get("name")) not in {name for name, _d in OUR_TAXONOMIES.values()}
        }
        ours = {name: kind for kind, (name, _d) in OUR_TAXONOMIES.items()}
        term_targets = {}  # term uuid → ("theme", Theme) | ("life_stage", LifeStage) | ("term", TaxonomyTerm)
        for key, row in t.get("taxonomy_terms", {}).items():
            code, name = as_text(row.get("code")), as_text(row.get("name"))
            kind = ours.get(as_text(row.get("taxonomy")))
            if kind == "theme" and code in self.terms.themes:
                term_targets[key] = ("theme", self.terms.themes[code])
                continue
            if kind == "life_stage" and code in self.terms.stages:
                term_targets[key] = ("life_stage", self.terms.stages[code])
                continue
            if kind == "theme_group":
                continue
            theme = self.terms.themes.get(code) or self.terms.theme_names.get(name.lower())
            stage = self.terms.stages.get(code)
            taxonomy = taxonomies.get(as_uuid(row.get("taxonomy_id")))
            if taxonomy is None and as_uuid(row.get("taxonomy_id")):
                taxonomy = Taxonomy.objects.filter(
                    organisation=self.org, uuid=as_uuid(row["taxonomy_id"])
                ).first()
            term, created = TaxonomyTerm.objects.update_or_create(
                organisation=self.org,
                uuid=key,
                defaults={
                    "taxonomy": taxonomy,
                    "taxonomy_name": as_text(row.get("taxonomy"))[:200],
                    "code": code[:100],
                    "name": name[:200],
                    "description": as_text(row.get("description")),
                    "parent_uuid": as_uuid(row.get("parent_id")),
                    "language": as_text(row.get("language"))[:10],
                    "term_uri": as_text(row.get("term_uri"))[:300]
                    if is_valid(URL, as_text(row.get("term_uri")))
                    else "",
                    "theme": theme,
                    "life_stage": stage,
                },
            )
            (self.report.created if created else self.report.updated)["taxonomy_terms"] += 1
            term_targets[key] = ("term", term)
        themes, stages, terms = defaultdict(set), defaultdict(set), defaultdict(set)
        for row in t.get("attributes", {}).values():
            service = service_ids.get(as_uuid(row.get("link_id")))
            target = term_targets.get(as_uuid(row.get("taxonomy_term_id")))
            if target is None:
                existing = TaxonomyTerm.objects.filter(
                    organisation=self.org, uuid=as_uuid(row.get("taxonomy_term_id"))
                ).first()
                target = ("term", existing) if existing else None
            if service is None or target is None:
                self.report.warnings.append(
                    _("Attribute %(id)s links no service of the import to a known taxonomy term: left out.")
                    % {"id": row.get("id")}
                )
                continue
            kind, obj = target
            if kind == "theme":
                themes[service].add(obj.pk)
            elif kind == "life_stage":
                stages[service].add(obj.pk)
            else:
                terms[service].add(obj.pk)
                if obj.theme_id:
                    themes[service].add(obj.theme_id)
                if obj.life_stage_id:
                    stages[service].add(obj.life_stage_id)
        for row in t.get("services", {}).values():  # the plain list gives codes directly
            pk = service_ids[as_uuid(row["id"])]
            for code in row.get("_themes", []):
                themes[pk].add(self.terms.themes[code].pk)
            for code in row.get("_life_stages", []):
                stages[pk].add(self.terms.stages[code].pk)
        areas, area_texts = defaultdict(set), defaultdict(list)
        for row in t.get("service_areas", {}).values():
            pk = service_ids.get(as_uuid(row["service_id"])) or self._ref({}, Service, row["service_id"])
            extent_type = as_text(row.get("extent_type")).lower()
            municipality = None
            if extent_type == "nis_code":
                municipality = self.terms.municipality(row.get("extent"))
            municipality = municipality or self.terms.municipality(row.get("name"))
            if municipality:
                areas[pk].add(municipality.pk)
            else:
                area_texts[pk].append(as_text(row.get("description")) or as_text(row.get("name")))
        for row in t.get("services", {}).values():
            if "_municipalities" in row:
                pk = service_ids[as_uuid(row["id"])]
                areas[pk].update(m.pk for m in row["_municipalities"])
                if not row["_municipalities"]:
                    areas.setdefault(pk, set())
        languages = defaultdict(list)
        for row in t.get("languages", {}).values():
            pk = service_ids.get(as_uuid(row.get("service_id"))) or self._ref(
                {}, Service, row.get("service_id")
            )
            code = (as_text(row.get("code")) or as_text(row.get("name"))).lower()[:3]
            if pk and code and code not in languages[pk]:
                languages[pk].append(code)
        for row in t.get("services", {}).values():
            if "_languages" in row:
                languages[service_ids[as_uuid(row["id"])]] = row["_languages"]
        changed = self._replace(Service.themes.through, "theme_id", themes)
        changed |= self._replace(Service.life_stages.through, "lifestage_id", stages)
        changed |= self._replace(Service.terms.through, "taxonomyterm_id", terms)
        changed |= self._replace(Service.municipalities.through, "municipality_id", areas)
        current = Service.objects.filter(pk__in=list(set(area_texts) | set(languages)))
        changed_rows = []
        for service in current.only("pk", "area_description", "languages"):
            area = "\n".join(t for t in area_texts[service.pk] if t) if service.pk in area_texts else None
            langs = ",".join(languages[service.pk])[:200] if service.pk in languages else None
            if (area is not None and area != service.area_description) or (
                langs is not None and langs != service.languages
            ):
                service.area_description = service.area_description if area is None else area
                service.languages = service.languages if langs is None else langs
                changed_rows.append(service)
        _update_rows(Service, changed_rows, ["area_description", "languages"])
        changed |= {service.pk for service in changed_rows}
        return changed

    def _count(self, table, obj, created):
        (self.report.created if created else self.report.updated)[table] += 1
        return obj

    def _replace(self, through, field_name, wanted):
        """Set the links of `through` for the services in `wanted` ({service pk: {pk}}); returns the
        services whose links changed."""
        if not wanted:
            return set()
        services = list(wanted)
        present = defaultdict(set)
        for start in range(0, len(services), 2000):
            rows = through.objects.filter(service_id__in=services[start : start + 2000])
            for service, pk in rows.values_list("service_id", field_name):
                present[service].add(pk)
        changed = {s for s, pks in wanted.items() if present.get(s, set()) != pks}
        ordered = sorted(changed)
        for start in range(0, len(ordered), 2000):
            through.objects.filter(service_id__in=ordered[start : start + 2000]).delete()
        _insert_rows(through, [{"service_id": s, field_name: pk} for s in ordered for pk in wanted[s]])
        return changed


def _differs(obj, name, value):
    """Whether a field of `obj` would change; a foreign key given as an object is compared by id
    (reading `obj.<fk>` would cost a query per row)."""
    field = obj._meta.get_field(name)
    if field.is_relation and field.name == name:
        return getattr(obj, field.attname) != (value.pk if value is not None else None)
    return getattr(obj, name) != value


def _insert_rows(model, rows):
    """INSERT `rows` ({field name: value}; the model's defaults for the rest) in one statement executed
    for many rows: no model instances, no per-value SQL compilation (bulk_create's cost at 100 000s)."""
    if not rows:
        return
    meta = model._meta
    fields = [f for f in meta.concrete_fields if not f.primary_key and not f.generated]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    sql = f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"
    defaults = {f: f.get_default() for f in fields}
    values = []
    for row in rows:
        line = []
        for f in fields:
            if f.name in row:
                value = row[f.name]
                value = value.pk if f.is_relation and value is not None and hasattr(value, "pk") else value
            elif f.attname in row:
                value = row[f.attname]
            else:
                value = defaults[f]
            line.append(f.get_db_prep_save(value, connection))
        values.append(line)
    with connection.cursor() as cursor:
        for start in range(0, len(values), 5000):
            cursor.executemany(sql, values[start : start + 5000])


def _update_rows(model, objects, fields):
    """UPDATE these rows' `fields`, one statement executed for many rows (much faster than
    bulk_update's CASE WHEN on big batches)."""
    if not objects or not fields:
        return
    meta = model._meta
    columns = [meta.get_field(name) for name in fields]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(c.column)} = %s" for c in columns)
    sql = f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {quote(meta.pk.column)} = %s"
    rows = [
        [c.get_db_prep_save(getattr(o, c.attname), connection) for c in columns] + [o.pk] for o in objects
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
