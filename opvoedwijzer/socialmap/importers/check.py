"""Checking: each row of the flat tables against HSDS and the organisation's map. A row that cannot be
kept is refused with its reasons; what points at a refused or unknown record goes too (a required link)
or loses the link (an optional one, with a warning)."""

from django.utils.translation import gettext as _

from ..models import (
    Location,
    MapOrganisation,
    Service,
    ServiceAtLocation,
    ServiceStatus,
)
from .report import ImportFileError
from .tables import IGNORED_TABLES, KEPT_TABLES
from .values import EMAIL, as_number, as_text, as_time, as_uuid, is_valid

MAX_ROWS = 1_000_000  # flat rows (every nested record counts): about 12 per service


def refuse_too_many_rows(count):
    """An import of more than MAX_ROWS rows is refused as a whole."""
    if count > MAX_ROWS:
        raise ImportFileError(_("At most %(max)s rows per import.") % {"max": f"{MAX_ROWS:,}"})


class Checker:
    """Refuses the rows of flat tables that cannot be kept in the map of one organisation."""

    def __init__(self, org, tables, report):
        self.org = org
        self.tables = tables
        self.report = report

    def _known(self, model, table, value):
        """The uuid when it is in this import (table) or already on the map, else None."""
        key = as_uuid(value)
        if key is None:
            return None
        if key in self.tables.get(table, {}):
            return key
        if model.objects.filter(organisation=self.org, uuid=key).exists():
            return key
        return None

    def check(self):
        """Refuse rows that cannot be kept; returns the rows to write per table."""
        t, r = self.tables, self.report
        refuse_too_many_rows(sum(len(rows) for rows in t.values()))
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
                if as_uuid(row.get("id")) is None:
                    reasons.insert(0, _("its id is not a UUID"))
                if reasons:
                    r.refuse(table, row.get("_row") or row.get("id") or key, *reasons)
                    rows.pop(key)
        # What points at a refused or unknown record goes too (required links) or loses the link.
        self._drop_dangling()

    def _row_reasons(self, table, row):
        reasons = []
        if table in ("organizations", "services", "taxonomies", "taxonomy_terms") and not as_text(
            row.get("name")
        ):
            reasons.append(_("a name is required"))
        if table == "services":
            status = as_text(row.get("status")) or "active"
            if status not in ServiceStatus.values:
                reasons.append(_("status “%(status)s” is not one of HSDS's") % {"status": status})
            for name in ("minimum_age", "maximum_age"):
                if as_text(row.get(name)) and as_number(row.get(name)) is None:
                    reasons.append(_("%(field)s is not a number") % {"field": name})
            low, high = as_number(row.get("minimum_age")), as_number(row.get("maximum_age"))
            if low is not None and high is not None and low > high:
                reasons.append(_("minimum_age is above maximum_age"))
        email = as_text(row.get("email"))
        if table in ("services", "organizations") and email and not is_valid(EMAIL, email):
            reasons.append(_("“%(value)s” is not an e-mail address") % {"value": row["email"]})
        if table == "phones" and not as_text(row.get("number")):
            reasons.append(_("a number is required"))
        if table == "locations" and as_text(row.get("location_type")) not in (
            "",
            "physical",
            "postal",
            "virtual",
        ):
            reasons.append(_("location_type must be physical, postal or virtual"))
        if table == "schedules":
            for name in ("opens_at", "closes_at"):
                if as_text(row.get(name)) and as_time(row.get(name)) is None:
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
                if not as_text(row.get(fk)):
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
                    if as_text(row.get(fk)) and self._known(model, target, row[fk]) is not None:
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
