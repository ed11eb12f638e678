"""Imports into the social map — all or nothing, with a report of what was refused and why.

Three ways in, one loader:

- `import_hsds_json`: HSDS 3.0 JSON — a list of (full) services or organizations, an API page
  (`{"contents": […]}`), or one object per table (`{"services": […], "organizations": […]}`).
- `import_hsds_package`: the tabular data package (CSV files named after the tables, as in HSDS's
  `examples/csv/`).
- `import_list`: a plain CSV/XLSX list, one service per row, with Dutch or English column names.

Each is turned into flat HSDS tables ({table: {uuid: row}}), checked row by row, and written in one
transaction only when no row was refused — or, when the caller asks for it, without the refused rows
(and what depends on them). References to records that are in neither the import nor the map are
dropped with a warning when they are optional (the official example package has several).
"""

import csv
import datetime
import functools
import io
import json
import re
import uuid
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opvoedwijzer.core.models import Municipality
from opvoedwijzer.core.services import note_social_map_changed
from opvoedwijzer.core.text import without_control_characters_in
from opvoedwijzer.taxonomy import defaults
from opvoedwijzer.taxonomy.models import LifeStage, Theme

from . import search
from .hours import parse_hours
from .hsds import OUR_TAXONOMIES
from .models import (
    Location,
    MapOrganisation,
    Partnership,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceContact,
    ServiceStatus,
    Taxonomy,
    TaxonomyTerm,
)

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

MAX_ROWS = 1_000_000  # flat rows (every nested record counts): about 12 per service


@dataclass
class Refusal:
    table: str
    row: str  # a row number (lists, CSV files) or the record's id
    reasons: list


@dataclass
class ImportReport:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    refused: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    ignored: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    imported: bool = False
    services: int = 0

    def refuse(self, table, row, *reasons):
        self.refused.append(Refusal(table, str(row), list(reasons)))

    @property
    def ok(self):
        return not self.refused

    def written(self):
        """[(table, new, updated, unchanged)] for the report page."""
        tables = list(dict.fromkeys([*self.created, *self.updated, *self.unchanged]))
        return [(t, self.created[t], self.updated[t], self.unchanged[t]) for t in tables]

    def ignored_tables(self):
        return sorted(self.ignored.items())

    def summary(self):
        return {
            "imported": self.imported,
            "created": dict(self.created),
            "updated": dict(self.updated),
            "unchanged": dict(self.unchanged),
            "refused": [{"table": r.table, "row": r.row, "reasons": r.reasons} for r in self.refused],
            "warnings": self.warnings,
            "ignored": dict(self.ignored),
        }


class ImportFileError(Exception):
    """The file as a whole cannot be read (wrong format, not JSON, no header …)."""


# Reading files ------------------------------------------------------------------------------------------


def _uuid(value):
    if isinstance(value, uuid.UUID):
        return value
    return _parse_uuid(value) if isinstance(value, str) else None


@functools.lru_cache(maxsize=500_000)
def _parse_uuid(text):
    """A UUID from text, or None (cached: an import refers to the same ids many times)."""
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        return None


def _text(value):
    if value is None:
        return ""
    return str(value).strip()


def _table_key(value):
    return _uuid(value) or _text(value)


def flatten_json(data):
    """HSDS JSON in any of its shapes → flat tables {table: {id: row}} (rows keep their given id)."""
    tables = defaultdict(dict)
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        data = data["contents"]
    if isinstance(data, dict) and any(key in KEPT_TABLES + IGNORED_TABLES for key in data):
        for table, records in data.items():
            for record in records if isinstance(records, list) else []:
                _walk(_table_name(table), record, tables)
        return tables
    records = data if isinstance(data, list) else [data]
    for record in records:
        if not isinstance(record, dict):
            raise ImportFileError(_("The JSON holds something that is not an HSDS record."))
        _walk(_guess_table(record), record, tables)
    return tables


def _table_name(key):
    return {"service_at_locations": "service_at_location", "accessibilities": "accessibility"}.get(key, key)


def _guess_table(record):
    if "location_type" in record:
        return "locations"
    if "status" in record or "service_at_locations" in record or "organization" in record:
        return "services"
    if "service_id" in record and "location_id" in record:
        return "service_at_location"
    return "organizations"


def _walk(table, record, tables, parent=None):
    """Store one record (and, recursively, what is nested in it) as flat rows; returns its id."""
    if not isinstance(record, dict):
        return None
    nested = NESTED.get(table, {})
    row = {k: v for k, v in record.items() if k not in nested and not isinstance(v, (dict, list))}
    if parent is not None and not row.get(parent[0]):
        row[parent[0]] = parent[1]
    for key, value in record.items():
        if key in nested and nested[key][1] is None:  # a nested object the parent points at
            child_table, _fk, parent_field = nested[key]
            child_id = _walk(child_table, value, tables)
            if child_id and not row.get(parent_field):
                row[parent_field] = child_id
    key = _table_key(row.get("id")) or f"#{len(tables[table]) + 1}"
    existing = tables[table].get(key)
    if existing is None:
        tables[table][key] = row
    else:  # the same record nested in several places: keep every value given anywhere
        for name, value in row.items():
            if value not in (None, "") and existing.get(name) in (None, ""):
                existing[name] = value
    for key, value in record.items():
        if key in nested and nested[key][1] is not None:
            child_table, fk = nested[key][:2]
            for item in value if isinstance(value, list) else []:
                _walk(child_table, item, tables, parent=(fk, row.get("id")))
    return row.get("id")


def read_package(files):
    """The tabular package: {file name: text} → flat tables. Unknown files are ignored by name."""
    tables = defaultdict(dict)
    for name, text in files.items():
        stem = re.sub(r"\.csv$", "", name.rsplit("/", 1)[-1], flags=re.I)
        if not name.lower().endswith(".csv"):
            continue
        table = _table_name(stem)
        reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
        for number, row in enumerate(reader, start=2):
            clean = {k.strip(): _csv_value(v) for k, v in row.items() if k}
            key = _table_key(clean.get("id")) or f"row {number}"
            clean["_row"] = number
            tables[table][key] = clean
    return tables


def _csv_value(value):
    value = (value or "").strip()
    # The official package writes a phone number as """+44 1234 234567""" (quotes kept in the value).
    return value.strip('"').strip() if value.startswith('"') else value


# Checking and writing -------------------------------------------------------------------------------------


_url = URLValidator(schemes=["http", "https"])
_email = EmailValidator()


def _valid(validator, value):
    try:
        validator(value)
    except ValidationError:
        return False
    return True


def _number(value, kind=float):
    if value in (None, ""):
        return None
    try:
        return kind(str(value).replace(",", "."))
    except ValueError:
        return None


def _date(value):
    try:
        return datetime.date.fromisoformat(_text(value)[:10]) if _text(value) else None
    except ValueError:
        return None


def _time(value):
    text = _text(value)
    if not text:
        return None
    try:
        return datetime.time.fromisoformat(text[:8] if len(text) >= 8 else text)
    except ValueError:
        return None


class Loader:
    """Checks flat tables against the map of one organisation, then writes them."""

    def __init__(self, org, tables, report):
        self.org = org
        self.tables = tables
        self.report = report
        self.themes = {t.code: t for t in Theme.objects.for_org(org)}
        self.stages = {s.code: s for s in LifeStage.objects.for_org(org)}
        self.theme_names = {}
        for theme in self.themes.values():
            for label in [theme.custom_label, *defaults.LABELS["theme"].get(theme.code, {}).values()]:
                if label:
                    self.theme_names[label.lower()] = theme
        self.municipalities = None

    # --- helpers

    def _known(self, model, table, value):
        """The uuid when it is in this import (table) or already on the map, else None."""
        key = _uuid(value)
        if key is None:
            return None
        if key in self.tables.get(table, {}):
            return key
        if model.objects.filter(organisation=self.org, uuid=key).exists():
            return key
        return None

    def _municipality(self, text, postal_code=""):
        if self.municipalities is None:
            self.municipalities = {}
            for m in Municipality.objects.visible_to(self.org).prefetch_related("postal_codes"):
                self.municipalities.setdefault(m.code, m)
                for name in (m.name_nl, m.name_fr):
                    if name:
                        self.municipalities.setdefault(name.lower(), m)
                for pc in m.postal_codes.all():
                    self.municipalities.setdefault(f"pc:{pc.code}", m)
        text = _text(text).lower()
        return self.municipalities.get(text) or self.municipalities.get(f"pc:{_text(postal_code)}")

    # --- checking

    def check(self):
        """Refuse rows that cannot be kept; returns the rows to write per table."""
        t, r = self.tables, self.report
        total = sum(len(rows) for rows in t.values())
        if total > MAX_ROWS:
            raise ImportFileError(_("At most %(max)s rows per import.") % {"max": f"{MAX_ROWS:,}"})
        for table in list(t):
            if table in IGNORED_TABLES:
                r.ignored[table] += len(t.pop(table))
            elif table not in KEPT_TABLES:
                r.warnings.append(
                    _("The table “%(table)s” is not part of HSDS 3.0: left out.") % {"table": table}
                )
                t.pop(table)
        for table in KEPT_TABLES:
            rows = t.get(table, {})
            for key, row in list(rows.items()):
                reasons = self._row_reasons(table, row)
                if _uuid(row.get("id")) is None:
                    reasons.insert(0, _("its id is not a UUID"))
                if reasons:
                    r.refuse(table, row.get("_row") or row.get("id") or key, *reasons)
                    rows.pop(key)
        # What points at a refused or unknown record goes too (required links) or loses the link.
        self._drop_dangling()

    def _row_reasons(self, table, row):
        reasons = []
        if table in ("organizations", "services", "taxonomies", "taxonomy_terms") and not _text(
            row.get("name")
        ):
            reasons.append(_("a name is required"))
        if table == "services":
            status = _text(row.get("status")) or "active"
            if status not in ServiceStatus.values:
                reasons.append(_("status “%(status)s” is not one of HSDS's") % {"status": status})
            for name in ("minimum_age", "maximum_age"):
                if _text(row.get(name)) and _number(row.get(name)) is None:
                    reasons.append(_("%(field)s is not a number") % {"field": name})
            low, high = _number(row.get("minimum_age")), _number(row.get("maximum_age"))
            if low is not None and high is not None and low > high:
                reasons.append(_("minimum_age is above maximum_age"))
        email = _text(row.get("email"))
        if table in ("services", "organizations") and email and not _valid(_email, email):
            reasons.append(_("“%(value)s” is not an e-mail address") % {"value": row["email"]})
        if table == "phones" and not _text(row.get("number")):
            reasons.append(_("a number is required"))
        if table == "locations" and _text(row.get("location_type")) not in (
            "",
            "physical",
            "postal",
            "virtual",
        ):
            reasons.append(_("location_type must be physical, postal or virtual"))
        if table == "schedules":
            for name in ("opens_at", "closes_at"):
                if _text(row.get(name)) and _time(row.get(name)) is None:
                    reasons.append(_("%(field)s is not a time") % {"field": name})
        return reasons

    def _drop_dangling(self):
        t, r = self.tables, self.report
        links = [
            # table, field, model, target table, required
            ("services", "organization_id", MapOrganisation, "organizations", False),
            ("locations", "organization_id", MapOrganisation, "organizations", False),
            ("service_at_location", "service_id", Service, "services", True),
            ("service_at_location", "location_id", Location, "locations", True),
            ("addresses", "location_id", Location, "locations", True),
            ("accessibility", "location_id", Location, "locations", True),
            ("organization_identifiers", "organization_id", MapOrganisation, "organizations", True),
            ("service_areas", "service_id", Service, "services", True),
        ]
        for table, fk, model, target, required in links:
            for key, row in list(t.get(table, {}).items()):
                if not _text(row.get(fk)):
                    if required:
                        r.refuse(
                            table, row.get("_row") or row.get("id"), _("%(field)s is missing") % {"field": fk}
                        )
                        t[table].pop(key)
                    continue
                if self._known(model, target, row[fk]) is None:
                    if required:
                        r.refuse(
                            table,
                            row.get("_row") or row.get("id"),
                            _("%(field)s %(id)s is neither in the import nor on the map")
                            % {"field": fk, "id": row[fk]},
                        )
                        t[table].pop(key)
                    else:
                        r.warnings.append(
                            _(
                                "%(table)s %(id)s: %(field)s %(ref)s is neither in the import nor on "
                                "the map; kept without it."
                            )
                            % {"table": table, "id": row.get("id"), "field": fk, "ref": row[fk]}
                        )
                        row[fk] = ""
        # Phones, contacts, schedules and languages need at least one owner we keep.
        owners = {
            "phones": [
                ("service_id", Service, "services"),
                ("location_id", Location, "locations"),
                ("organization_id", MapOrganisation, "organizations"),
                ("service_at_location_id", ServiceAtLocation, "service_at_location"),
            ],
            "contacts": [
                ("service_id", Service, "services"),
                ("organization_id", MapOrganisation, "organizations"),
                ("service_at_location_id", ServiceAtLocation, "service_at_location"),
            ],
            "schedules": [
                ("service_id", Service, "services"),
                ("location_id", Location, "locations"),
                ("service_at_location_id", ServiceAtLocation, "service_at_location"),
            ],
            "languages": [("service_id", Service, "services")],
        }
        for table, candidates in owners.items():
            for key, row in list(t.get(table, {}).items()):
                found = False
                for fk, model, target in candidates:
                    if _text(row.get(fk)) and self._known(model, target, row[fk]) is not None:
                        found = True
                    else:
                        row[fk] = ""
                if not found:
                    if table == "languages":
                        r.warnings.append(
                            _("language %(id)s belongs to no service of the import: left out.")
                            % {"id": row.get("id")}
                        )
                        t[table].pop(key)
                        continue
                    r.refuse(
                        table,
                        row.get("_row") or row.get("id"),
                        _("it belongs to no organisation, service or location of the import or the map"),
                    )
                    t[table].pop(key)

    # --- writing

    def write(self):
        t, r = self.tables, self.report
        org_ids, changed_orgs = self._upsert(MapOrganisation, "organizations", self._organisation_values)
        for row in t.get("organization_identifiers", {}).values():
            scheme = f"{_text(row.get('identifier_scheme'))} {_text(row.get('identifier_type'))}".lower()
            if "sociale" in scheme or "socialekaart" in scheme:
                MapOrganisation.objects.filter(
                    organisation=self.org, uuid=_uuid(row["organization_id"])
                ).update(sociale_kaart_id=_text(row.get("identifier"))[:40])
            else:
                r.warnings.append(
                    _("Identifier scheme “%(scheme)s” is not kept (only the Flemish Sociale Kaart's).")
                    % {"scheme": _text(row.get("identifier_scheme"))}
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
        rows = {_uuid(row["id"]): values_of(row) for row in self.tables.get(table, {}).values()}
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
        key = _uuid(value)
        if key is None:
            return None
        if key in ids:
            return ids[key]
        return model.objects.filter(organisation=self.org, uuid=key).values_list("pk", flat=True).first()

    def _organisation_values(self, row):
        values = {
            "name": _text(row.get("name"))[:200],
            "alternate_name": _text(row.get("alternate_name"))[:200],
            "description": _text(row.get("description")),
            "email": _text(row.get("email"))[:254],
            "website": _text(row.get("website"))[:300] if _valid(_url, _text(row.get("website"))) else "",
            "last_modified": timezone.now(),
        }
        if "_partnership" in row:
            values["partnership"] = row["_partnership"]
        if _text(row.get("_sociale_kaart_id")):
            values["sociale_kaart_id"] = row["_sociale_kaart_id"]
        return values

    def _merge_into_locations(self):
        """Addresses and accessibility are fields of our locations."""
        locations = self.tables.get("locations", {})
        for row in self.tables.get("addresses", {}).values():
            location = locations.get(_uuid(row["location_id"]))
            if location is None:
                location = locations.setdefault(
                    _uuid(row["location_id"]), {"id": row["location_id"], "_existing_only": True}
                )
            if "_address" not in location or row.get("address_type") == "physical":
                location["_address"] = row
        for row in self.tables.get("accessibility", {}).values():
            location = locations.setdefault(
                _uuid(row["location_id"]), {"id": row["location_id"], "_existing_only": True}
            )
            text = " ".join(p for p in (_text(row.get("description")), _text(row.get("details"))) if p)
            location["_accessibility"] = " ".join(p for p in (location.get("_accessibility", ""), text) if p)

    def _location_values(self, row, org_ids):
        values = {}
        if not row.get("_existing_only"):
            latitude, longitude = _number(row.get("latitude")), _number(row.get("longitude"))
            if latitude is not None and not (-90 <= latitude <= 90 and -180 <= (longitude or 0) <= 180):
                self.report.warnings.append(
                    _("Location %(id)s: coordinates %(lat)s, %(lon)s are not on Earth; left out.")
                    % {"id": row.get("id"), "lat": row.get("latitude"), "lon": row.get("longitude")}
                )
                latitude = longitude = None
            values = {
                "map_organisation_id": self._ref(org_ids, MapOrganisation, row.get("organization_id")),
                "location_type": _text(row.get("location_type")) or "physical",
                "name": _text(row.get("name"))[:200],
                "alternate_name": _text(row.get("alternate_name"))[:200],
                "description": _text(row.get("description")),
                "transportation": _text(row.get("transportation")),
                "url": _text(row.get("url"))[:300] if _valid(_url, _text(row.get("url"))) else "",
                "latitude": latitude,
                "longitude": longitude if latitude is not None else None,
                "external_identifier": _text(row.get("external_identifier"))[:100],
                "external_identifier_type": _text(row.get("external_identifier_type"))[:50],
            }
        address = row.get("_address")
        if address:
            values.update(
                address_1=_text(address.get("address_1"))[:200],
                address_2=_text(address.get("address_2"))[:200],
                postal_code=_text(address.get("postal_code"))[:12],
                city=_text(address.get("city"))[:100],
                state_province=_text(address.get("state_province"))[:100],
                country=_text(address.get("country"))[:2].upper() or "BE",
            )
            if values["country"] == "BE":
                values["municipality"] = self._municipality(values["city"], values["postal_code"])
        if "_accessibility" in row:
            values["accessibility"] = row["_accessibility"]
        if "_municipality" in row:
            values["municipality"] = row["_municipality"]
        return values

    def _service_values(self, row, org_ids):
        def months(name):
            years = _number(row.get(name))
            return None if years is None else round(years * 12)

        status = _text(row.get("status")) or ServiceStatus.ACTIVE
        values = {
            "map_organisation_id": self._ref(org_ids, MapOrganisation, row.get("organization_id")),
            "name": _text(row.get("name"))[:200],
            "alternate_name": _text(row.get("alternate_name"))[:200],
            "description": _text(row.get("description")),
            "url": _text(row.get("url"))[:300] if _valid(_url, _text(row.get("url"))) else "",
            "email": _text(row.get("email"))[:254],
            "status": status,
            "interpretation_services": _text(row.get("interpretation_services"))[:300],
            "application_process": _text(row.get("application_process")),
            "fees_description": (_text(row.get("fees_description")) or _text(row.get("fees")))[:300],
            "eligibility_description": _text(row.get("eligibility_description")),
            "wait_time": _text(row.get("wait_time"))[:200],
            "alert": _text(row.get("alert"))[:300],
            "min_months": months("minimum_age"),
            "max_months": months("maximum_age"),
            "last_modified": timezone.now(),
        }
        if status == ServiceStatus.DEFUNCT:
            values["retired_on"] = timezone.localdate()
        assured = _date(row.get("assured_date"))
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
                "uuid": _uuid(row["id"]),
                "service_id": service,
                "location_id": location,
                "description": _text(row.get("description")),
            }
            for (service, location), row in pairs.items()
            if (service, location) not in existing
        ]
        _insert_rows(ServiceAtLocation, new)
        self.report.created["service_at_location"] += len(new)
        ids = {_uuid(row["id"]): (existing.get(pair), *pair) for pair, row in pairs.items()}
        return ids, {row["service_id"] for row in new}

    def _children(self, service_ids, loc_ids, org_ids, sal_ids):
        t = self.tables

        def owner(row, allow_org=True):
            service = (
                self._ref(service_ids, Service, row.get("service_id"))
                if _text(row.get("service_id"))
                else None
            )
            location = (
                self._ref(loc_ids, Location, row.get("location_id"))
                if _text(row.get("location_id"))
                else None
            )
            sal = sal_ids.get(_uuid(row.get("service_at_location_id")))
            if sal and not service and not location:
                location = sal[2]
            org = None
            if allow_org and not service and not location and _text(row.get("organization_id")):
                org = self._ref(org_ids, MapOrganisation, row["organization_id"])
            return service, location, org

        phones = {}
        for row in t.get("phones", {}).values():
            service, location, org = owner(row)
            phones[_uuid(row["id"])] = {
                "service_id": service,
                "location_id": location if not service else None,
                "map_organisation_id": org,
                "number": _text(row.get("number"))[:40],
                "extension": _number(row.get("extension"), int),
                "type": _text(row.get("type"))[:20] or "voice",
                "description": _text(row.get("description")),
            }
        self._upsert_rows(Phone, "phones", phones)
        contacts = {}
        for row in t.get("contacts", {}).values():
            service, _location, org = owner(row)
            if not service and not org and _text(row.get("organization_id")):
                org = self._ref(org_ids, MapOrganisation, row["organization_id"])
            contacts[_uuid(row["id"])] = {
                "service_id": service,
                "map_organisation_id": org if not service else None,
                "name": _text(row.get("name"))[:200],
                "title": _text(row.get("title"))[:200],
                "department": _text(row.get("department"))[:200],
                "email": _text(row.get("email"))[:254] if _valid(_email, _text(row.get("email"))) else "",
            }
        self._upsert_rows(ServiceContact, "contacts", contacts)
        schedules = {}
        for row in t.get("schedules", {}).values():
            service, location, _org = owner(row, allow_org=False)
            schedules[_uuid(row["id"])] = {
                "service_id": service,
                "location_id": location if not service else None,
                "freq": _text(row.get("freq")).upper()[:10] or "WEEKLY",
                "interval": _number(row.get("interval"), int),
                "byday": _text(row.get("byday")).upper()[:40],
                "bymonthday": _text(row.get("bymonthday"))[:40],
                "opens_at": _time(row.get("opens_at")),
                "closes_at": _time(row.get("closes_at")),
                "valid_from": _date(row.get("valid_from")),
                "valid_to": _date(row.get("valid_to")),
                "description": _text(row.get("description")),
                "notes": _text(row.get("notes")),
                "attending_type": _text(row.get("attending_type"))[:200],
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
                        "name": _text(row.get("name"))[:200],
                        "description": _text(row.get("description")),
                        "uri": _text(row.get("uri"))[:300] if _valid(_url, _text(row.get("uri"))) else "",
                        "version": _text(row.get("version"))[:40],
                    },
                ),
            )
            for key, row in t.get("taxonomies", {}).items()
            if _text(row.get("name")) not in {name for name, _d in OUR_TAXONOMIES.values()}
        }
        ours = {name: kind for kind, (name, _d) in OUR_TAXONOMIES.items()}
        term_targets = {}  # term uuid → ("theme", Theme) | ("life_stage", LifeStage) | ("term", TaxonomyTerm)
        for key, row in t.get("taxonomy_terms", {}).items():
            code, name = _text(row.get("code")), _text(row.get("name"))
            kind = ours.get(_text(row.get("taxonomy")))
            if kind == "theme" and code in self.themes:
                term_targets[key] = ("theme", self.themes[code])
                continue
            if kind == "life_stage" and code in self.stages:
                term_targets[key] = ("life_stage", self.stages[code])
                continue
            if kind == "theme_group":
                continue
            theme = self.themes.get(code) or self.theme_names.get(name.lower())
            stage = self.stages.get(code)
            taxonomy = taxonomies.get(_uuid(row.get("taxonomy_id")))
            if taxonomy is None and _uuid(row.get("taxonomy_id")):
                taxonomy = Taxonomy.objects.filter(
                    organisation=self.org, uuid=_uuid(row["taxonomy_id"])
                ).first()
            term, created = TaxonomyTerm.objects.update_or_create(
                organisation=self.org,
                uuid=key,
                defaults={
                    "taxonomy": taxonomy,
                    "taxonomy_name": _text(row.get("taxonomy"))[:200],
                    "code": code[:100],
                    "name": name[:200],
                    "description": _text(row.get("description")),
                    "parent_uuid": _uuid(row.get("parent_id")),
                    "language": _text(row.get("language"))[:10],
                    "term_uri": _text(row.get("term_uri"))[:300]
                    if _valid(_url, _text(row.get("term_uri")))
                    else "",
                    "theme": theme,
                    "life_stage": stage,
                },
            )
            (self.report.created if created else self.report.updated)["taxonomy_terms"] += 1
            term_targets[key] = ("term", term)
        themes, stages, terms = defaultdict(set), defaultdict(set), defaultdict(set)
        for row in t.get("attributes", {}).values():
            service = service_ids.get(_uuid(row.get("link_id")))
            target = term_targets.get(_uuid(row.get("taxonomy_term_id")))
            if target is None:
                existing = TaxonomyTerm.objects.filter(
                    organisation=self.org, uuid=_uuid(row.get("taxonomy_term_id"))
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
            pk = service_ids[_uuid(row["id"])]
            for code in row.get("_themes", []):
                themes[pk].add(self.themes[code].pk)
            for code in row.get("_life_stages", []):
                stages[pk].add(self.stages[code].pk)
        areas, area_texts = defaultdict(set), defaultdict(list)
        for row in t.get("service_areas", {}).values():
            pk = service_ids.get(_uuid(row["service_id"])) or self._ref({}, Service, row["service_id"])
            extent_type = _text(row.get("extent_type")).lower()
            municipality = None
            if extent_type == "nis_code":
                municipality = self._municipality(row.get("extent"))
            municipality = municipality or self._municipality(row.get("name"))
            if municipality:
                areas[pk].add(municipality.pk)
            else:
                area_texts[pk].append(_text(row.get("description")) or _text(row.get("name")))
        for row in t.get("services", {}).values():
            if "_municipalities" in row:
                pk = service_ids[_uuid(row["id"])]
                areas[pk].update(m.pk for m in row["_municipalities"])
                if not row["_municipalities"]:
                    areas.setdefault(pk, set())
        languages = defaultdict(list)
        for row in t.get("languages", {}).values():
            pk = service_ids.get(_uuid(row.get("service_id"))) or self._ref(
                {}, Service, row.get("service_id")
            )
            code = (_text(row.get("code")) or _text(row.get("name"))).lower()[:3]
            if pk and code and code not in languages[pk]:
                languages[pk].append(code)
        for row in t.get("services", {}).values():
            if "_languages" in row:
                languages[service_ids[_uuid(row["id"])]] = row["_languages"]
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


def load(org, tables, *, skip_refused=False):
    """Check and write flat tables; returns the ImportReport."""
    report = ImportReport()
    # A file from elsewhere may carry control characters (a NUL cannot be stored in PostgreSQL).
    loader = Loader(org, without_control_characters_in(tables), report)
    loader.check()
    if report.refused and not skip_refused:
        return report
    with transaction.atomic():
        loader.write()
        note_social_map_changed(org)
    report.imported = True
    return report


def import_hsds_json(org, data, **options):
    return load(org, flatten_json(data), **options)


def import_hsds_package(org, files, **options):
    return load(org, read_package(files), **options)


# The plain list ---------------------------------------------------------------------------------------

LIST_COLUMNS = {
    "organisation": ["organisatie", "organisation", "organization", "organisatienaam"],
    "name": ["dienst", "aanbod", "naam", "service", "name", "naam_dienst"],
    "description": ["beschrijving", "omschrijving", "description", "wat"],
    "themes": ["themas", "thema", "themes", "theme"],
    "life_stages": ["levensfasen", "levensfase", "life_stages", "life_stage"],
    "min_age": ["leeftijd_van", "vanaf_leeftijd", "van_leeftijd", "min_age", "minimum_age"],
    "max_age": ["leeftijd_tot", "tot_leeftijd", "max_age", "maximum_age"],
    "languages": ["talen", "taal", "languages", "language"],
    "municipalities": ["gemeenten", "werkgebied", "municipalities", "area", "service_area"],
    "address": ["adres", "straat", "address", "street"],
    "postal_code": ["postcode", "postal_code", "zip"],
    "city": ["plaats", "gemeente", "woonplaats", "city", "place"],
    "phone": ["telefoon", "tel", "telefoonnummer", "phone"],
    "email": ["e_mail", "email", "mail"],
    "website": ["website", "url", "web", "webpagina"],
    "hours": ["openingsuren", "uren", "openingstijden", "opening_hours", "hours"],
    "application_process": ["aanmelden", "toegang", "hoe_aanmelden", "how_to_apply", "application_process"],
    "fees": ["kost", "prijs", "kostprijs", "fees", "cost"],
    "sociale_kaart_id": ["sociale_kaart_id", "sociale_kaart", "socialekaart", "sociale_kaart_nummer"],
    "partner": ["partner", "partnerschap", "partnership"],
}
LANGUAGE_NAMES = {
    "nederlands": "nl",
    "dutch": "nl",
    "frans": "fr",
    "french": "fr",
    "engels": "en",
    "english": "en",
    "duits": "de",
    "german": "de",
    "arabisch": "ar",
    "arabic": "ar",
    "turks": "tr",
    "turkish": "tr",
    "pools": "pl",
    "polish": "pl",
    "roemeens": "ro",
    "bulgaars": "bg",
    "russisch": "ru",
    "oekraïens": "uk",
    "spaans": "es",
    "italiaans": "it",
    "somalisch": "so",
    "tigrinya": "ti",
    "perzisch": "fa",
    "dari": "fa",
    "pasjtoe": "ps",
    "berbers": "ber",
    "portugees": "pt",
}
PARTNER_WORDS = {
    "structureel": Partnership.STRUCTURAL,
    "structural": Partnership.STRUCTURAL,
    "ad hoc": Partnership.ADHOC,
    "ad-hoc": Partnership.ADHOC,
    "adhoc": Partnership.ADHOC,
    "nee": Partnership.NONE,
    "neen": Partnership.NONE,
    "geen": Partnership.NONE,
    "no": Partnership.NONE,
}


def _header_key(text):
    text = _text(text).lower().replace("'", "").replace("’", "")
    return re.sub(r"[\s\-/]+", "_", text).strip("_")


def read_list(name, content):
    """A CSV (`;` or `,`, UTF-8 or Windows-1252) or XLSX file → (header, [(row number, values)])."""
    if name.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).worksheets[0]
        except Exception as error:  # openpyxl raises many kinds for a file that is not XLSX
            raise ImportFileError(_("This is not an XLSX file that can be read.")) from error
        rows = [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]
    else:
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = content.decode("cp1252", errors="replace")
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
        except csv.Error:
            dialect = csv.excel
        rows = list(csv.reader(io.StringIO(text), dialect))
    # Keep each row's number in the file (the header is row 1) before leaving out empty ones.
    numbered = [(number, row) for number, row in enumerate(rows, start=1) if any(_text(v) for v in row)]
    if not numbered:
        raise ImportFileError(_("The file is empty."))
    return numbered[0][1], numbered[1:]


def _split(value):
    return [part.strip() for part in re.split(r"[;,|\n]+", _text(value)) if part.strip()]


def list_to_tables(org, header, rows, report):
    """Check each row of a plain list; the good ones become flat HSDS tables."""
    columns = {}
    for index, title in enumerate(header):
        key = _header_key(title)
        for name, aliases in LIST_COLUMNS.items():
            if key in aliases and name not in columns:
                columns[name] = index
    if "name" not in columns:
        raise ImportFileError(
            _("No column with the name of the service: call it “dienst” or “name”. Columns found: %(cols)s")
            % {"cols": ", ".join(_text(h) for h in header)}
        )
    loader = Loader(org, {}, report)
    stages_by_name = {}
    for stage in loader.stages.values():
        for label in [stage.custom_label, *defaults.LABELS["life_stage"].get(stage.code, {}).values()]:
            if label:
                stages_by_name[label.lower()] = stage
    org_municipalities = list(org.municipalities.all())
    known_orgs = {m.name.lower(): m.uuid for m in MapOrganisation.objects.for_org(org)}
    known_services = {
        (s.map_organisation.uuid if s.map_organisation_id else None, s.name.lower()): s.uuid
        for s in Service.objects.for_org(org).select_related("map_organisation")
    }
    known_locations = {
        (
            loc.map_organisation.uuid if loc.map_organisation_id else None,
            loc.address_1.lower(),
            loc.postal_code,
        ): loc.uuid
        for loc in Location.objects.for_org(org).select_related("map_organisation")
    }
    tables = defaultdict(dict)
    seen = set()
    for number, raw in rows:

        def cell(name, raw=raw):
            index = columns.get(name)
            return _text(raw[index]) if index is not None and index < len(raw) else ""

        reasons = []
        name, org_name = cell("name"), cell("organisation")
        if not name:
            reasons.append(_("the name of the service is missing"))
        if not org_name:
            reasons.append(_("the organisation is missing"))
        if (org_name.lower(), name.lower()) in seen:
            reasons.append(_("the same service is already on an earlier row"))
        themes = []
        for part in _split(cell("themes")):
            theme = loader.themes.get(part.lower()) or loader.theme_names.get(part.lower())
            if theme is None:
                reasons.append(_("unknown theme “%(value)s”") % {"value": part})
            else:
                themes.append(theme.code)
        stages = []
        for part in _split(cell("life_stages")):
            stage = loader.stages.get(part.lower()) or stages_by_name.get(part.lower())
            if stage is None:
                reasons.append(_("unknown life stage “%(value)s”") % {"value": part})
            else:
                stages.append(stage.code)
        ages = {}
        for key in ("min_age", "max_age"):
            if cell(key):
                ages[key] = _number(cell(key))
                if ages[key] is None or not 0 <= ages[key] <= 120:
                    reasons.append(_("“%(value)s” is not an age in years") % {"value": cell(key)})
        if (
            ages.get("min_age") is not None
            and ages.get("max_age") is not None
            and ages["min_age"] > ages["max_age"]
        ):
            reasons.append(_("the lowest age is above the highest"))
        languages = []
        for part in _split(cell("languages")):
            code = LANGUAGE_NAMES.get(part.lower(), part.lower())
            if not re.fullmatch(r"[a-z]{2,3}", code):
                reasons.append(_("unknown language “%(value)s”") % {"value": part})
            else:
                languages.append(code)
        municipalities = []
        area = cell("municipalities")
        if area.lower() in ("alle", "all", "regio", "heel de regio"):
            municipalities = org_municipalities
        else:
            for part in _split(area):
                municipality = loader._municipality(part, part)
                if municipality is None:
                    reasons.append(_("unknown municipality “%(value)s”") % {"value": part})
                else:
                    municipalities.append(municipality)
        try:
            hours = parse_hours(cell("hours"))
        except ValueError as error:
            reasons.append(str(error))
            hours = []
        if cell("email") and not _valid(_email, cell("email")):
            reasons.append(_("“%(value)s” is not an e-mail address") % {"value": cell("email")})
        website = cell("website")
        if website and not website.startswith(("http://", "https://")):
            website = "https://" + website
        if website and not _valid(_url, website):
            reasons.append(_("“%(value)s” is not a web address") % {"value": cell("website")})
        partner = cell("partner").lower()
        if partner and partner not in PARTNER_WORDS:
            reasons.append(
                _("partner must be “structureel”, “ad hoc” or empty, not “%(value)s”")
                % {"value": cell("partner")}
            )
        if reasons:
            report.refuse("list", number, *reasons)
            continue
        seen.add((org_name.lower(), name.lower()))
        org_uuid = known_orgs.setdefault(org_name.lower(), uuid.uuid4())
        org_row = tables["organizations"].setdefault(org_uuid, {"id": str(org_uuid), "name": org_name})
        if partner:
            org_row["_partnership"] = PARTNER_WORDS[partner]
        if cell("sociale_kaart_id"):
            org_row["_sociale_kaart_id"] = cell("sociale_kaart_id")[:40]
        service_uuid = known_services.get((org_uuid, name.lower())) or uuid.uuid4()
        tables["services"][service_uuid] = {
            "id": str(service_uuid),
            "organization_id": str(org_uuid),
            "name": name,
            "description": cell("description"),
            "url": website,
            "email": cell("email"),
            "status": "active",
            "application_process": cell("application_process"),
            "fees_description": cell("fees"),
            "minimum_age": ages.get("min_age"),
            "maximum_age": ages.get("max_age"),
            "_themes": themes,
            "_life_stages": stages,
            "_languages": languages,
            "_municipalities": municipalities,
            "_row": number,
        }
        if cell("phone"):
            phone_uuid = uuid.uuid5(service_uuid, "phone")
            tables["phones"][phone_uuid] = {
                "id": str(phone_uuid),
                "service_id": str(service_uuid),
                "number": cell("phone"),
            }
        for i, (days, opens, closes) in enumerate(hours):
            schedule_uuid = uuid.uuid5(service_uuid, f"schedule:{i}")
            tables["schedules"][schedule_uuid] = {
                "id": str(schedule_uuid),
                "service_id": str(service_uuid),
                "freq": "WEEKLY",
                "byday": ",".join(days),
                "opens_at": opens.isoformat(),
                "closes_at": closes.isoformat(),
            }
        if cell("address") or cell("city"):
            key = (org_uuid, cell("address").lower(), cell("postal_code"))
            location_uuid = known_locations.setdefault(key, uuid.uuid4())
            tables["locations"][location_uuid] = {
                "id": str(location_uuid),
                "organization_id": str(org_uuid),
                "name": f"{org_name} – {cell('city')}".strip(" –"),
                "location_type": "physical",
                "_address": {
                    "address_1": cell("address"),
                    "postal_code": cell("postal_code"),
                    "city": cell("city"),
                    "country": "BE",
                },
            }
            link = uuid.uuid5(service_uuid, f"at:{location_uuid}")
            tables["service_at_location"][link] = {
                "id": str(link),
                "service_id": str(service_uuid),
                "location_id": str(location_uuid),
            }
    return tables


def import_list(org, name, content, *, skip_refused=False):
    """A plain CSV/XLSX list: one service per row. Returns the ImportReport."""
    report = ImportReport()
    header, rows = read_list(name, content)
    if len(rows) > MAX_ROWS:
        raise ImportFileError(_("At most %(max)s rows per import.") % {"max": f"{MAX_ROWS:,}"})
    tables = list_to_tables(org, header, rows, report)
    if report.refused and not skip_refused:
        return report
    loader = Loader(org, tables, report)
    loader.check()
    if report.refused and not skip_refused:
        return report
    with transaction.atomic():
        loader.write()
        note_social_map_changed(org)
    report.imported = True
    return report


def import_file(org, name, content, skip_refused=False):
    """Any of the three by its file name: .json (HSDS JSON), .zip (the HSDS tabular package),
    .csv/.xlsx (a plain list). Raises ImportFileError for a file that cannot be read."""
    lowered = name.lower()
    if lowered.endswith(".json"):
        try:
            data = json.loads(content.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError) as error:
            raise ImportFileError(_("This is not a JSON file: %(error)s") % {"error": error}) from error
        return import_hsds_json(org, data, skip_refused=skip_refused)
    if lowered.endswith(".zip"):
        try:
            archive = zipfile.ZipFile(io.BytesIO(content))
            files = {
                info.filename: archive.read(info).decode("utf-8-sig")
                for info in archive.infolist()
                if info.filename.lower().endswith(".csv") and info.file_size < 50 * 1024 * 1024
            }
        except (zipfile.BadZipFile, UnicodeDecodeError) as error:
            raise ImportFileError(_("This ZIP file cannot be read.")) from error
        if not files:
            raise ImportFileError(_("The ZIP file holds no CSV files."))
        return import_hsds_package(org, files, skip_refused=skip_refused)
    if lowered.endswith((".csv", ".xlsx")):
        return import_list(org, name, content, skip_refused=skip_refused)
    raise ImportFileError(_("Choose a .json, .zip, .csv or .xlsx file."))
