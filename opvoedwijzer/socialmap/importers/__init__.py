"""Imports into the social map — all or nothing, with a report of what was refused and why.

Three ways in, one way to check and write:

- `import_hsds_json`: HSDS 3.0 JSON — a list of (full) services or organizations, an API page
  (`{"contents": […]}`), or one object per table (`{"services": […], "organizations": […]}`).
- `import_hsds_package`: the tabular data package (CSV files named after the tables, as in HSDS's
  `examples/csv/`).
- `import_list`: a plain CSV/XLSX list, one service per row, with Dutch or English column names.

Each is turned into flat HSDS tables ({table: {uuid: row}}), checked row by row, and written in one
transaction only when no row was refused — or, when the caller asks for it, without the refused rows
(and what depends on them). References to records that are in neither the import nor the map are
dropped with a warning when they are optional (the official example package has several).

As pretix splits its model import: `read` (files → flat tables), `lists` (a plain list → flat tables),
`check` (per-row reasons, dangling references, refusals), `write` (upserts, relations, counts: one
transaction); `tables`, `values`, `terms` and `report` hold what they share. The public names are here.
"""

import io
import json
import zipfile

from django.utils.translation import gettext as _

from opvoedwijzer.core.text import without_control_characters_in

from .check import Checker, refuse_too_many_rows
from .lists import list_to_tables, read_list
from .read import flatten_json, read_package
from .report import ImportFileError, ImportReport, Refusal
from .tables import IGNORED_TABLES, KEPT_TABLES
from .write import write_tables

__all__ = [
    "IGNORED_TABLES",
    "KEPT_TABLES",
    "ImportFileError",
    "ImportReport",
    "Refusal",
    "flatten_json",
    "import_file",
    "import_hsds_json",
    "import_hsds_package",
    "import_list",
    "load",
    "read_list",
    "read_package",
]


def load(org, tables, *, skip_refused=False):
    """Check and write flat tables; returns the ImportReport."""
    report = ImportReport()
    # A file from elsewhere may carry control characters (a NUL cannot be stored in PostgreSQL).
    return _check_and_write(org, without_control_characters_in(tables), report, skip_refused)


def _check_and_write(org, tables, report, skip_refused):
    Checker(org, tables, report).check()
    if report.refused and not skip_refused:
        return report
    write_tables(org, tables, report)
    report.imported = True
    return report


def import_hsds_json(org, data, **options):
    return load(org, flatten_json(data), **options)


def import_hsds_package(org, files, **options):
    return load(org, read_package(files), **options)


def import_list(org, name, content, *, skip_refused=False):
    """A plain CSV/XLSX list: one service per row. Returns the ImportReport."""
    report = ImportReport()
    header, rows = read_list(name, content)
    refuse_too_many_rows(len(rows))
    tables = list_to_tables(org, header, rows, report)
    if report.refused and not skip_refused:
        return report
    return _check_and_write(org, tables, report, skip_refused)


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
