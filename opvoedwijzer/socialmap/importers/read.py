"""Reading: files → flat HSDS tables {table: {id: row}} (HSDS JSON in any of its shapes, flattened; the
tabular package's CSV files). Nothing is checked here."""

import csv
import io
import re
from collections import defaultdict

from django.utils.translation import gettext as _

from .report import ImportFileError
from .tables import IGNORED_TABLES, KEPT_TABLES, NESTED
from .values import table_key


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
    key = table_key(row.get("id")) or f"#{len(tables[table]) + 1}"
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
            key = table_key(clean.get("id")) or f"row {number}"
            clean["_row"] = number
            tables[table][key] = clean
    return tables


def _csv_value(value):
    value = (value or "").strip()
    # The official package writes a phone number as """+44 1234 234567""" (quotes kept in the value).
    return value.strip('"').strip() if value.startswith('"') else value
