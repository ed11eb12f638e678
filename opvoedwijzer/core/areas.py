"""Where a contact's family lives (`Area`: a municipality of the region, outside it, or unknown), and an
organisation's own areas (neighbourhoods, *wijken*, a region) from a CSV file: every row checked
(`check_area_file`) before anything is written (`import_own_areas`, the one write, in one transaction).

Columns, Dutch or English, in any order: code, name (naam), optionally the municipality the area lies
in (gemeente: its NIS or CBS code), valid_from (geldig vanaf) and valid_to (geldig tot) as ISO dates,
dd/mm/yyyy or d-m-yyyy. Comma or semicolon, UTF-8 with or without BOM, or Windows-1252.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import OFFICIAL_CODE, Municipality
from .municipalities import cbs_code
from .tabular import UnreadableFile, column, read_rows
from .versions import note_terms_changed


class Area(models.TextChoices):
    MUNICIPALITY = "municipality", gettext_lazy("A municipality of the region")
    OUTSIDE = "outside", gettext_lazy("Outside the region")
    UNKNOWN = "unknown", gettext_lazy("Unknown")


MAX_ROWS = 5000
CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,19}")
COLUMNS = {
    "code": ("code", "wijkcode", "gebiedscode", "area code", "area_code"),
    "name": ("name", "naam", "wijknaam", "gebiedsnaam", "area", "wijk", "gebied"),
    "municipality": (
        "municipality",
        "municipality code",
        "municipality_code",
        "gemeente",
        "gemeentecode",
        "part_of",
        "lies in",
        "ligt in",
    ),
    "valid_from": ("valid_from", "valid from", "geldig_vanaf", "geldig vanaf", "vanaf", "van"),
    "valid_to": ("valid_to", "valid to", "geldig_tot", "geldig tot", "tot"),
}
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y")


@dataclass
class AreaRow:
    line: int
    code: str
    name: str
    part_of: Municipality | None
    valid_from: datetime.date | None
    valid_to: datetime.date | None


@dataclass
class AreaCheck:
    rows: list[AreaRow] = field(default_factory=list)
    refusals: list[tuple[int, str]] = field(default_factory=list)  # (line, reason); line 0 = the file

    @property
    def ok(self):
        return not self.refusals


def parse_day(text):
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def _official_by_code(codes):
    """Official municipalities by their code as written, GM codes also without 'GM' or zeros."""
    wanted = {c.upper() for c in codes} | {cbs_code(c) for c in codes if cbs_code(c)}
    found = {m.code.upper(): m for m in Municipality.objects.official().filter(code__in=wanted)}
    return lambda text: found.get(text.upper()) or found.get(cbs_code(text) or "")


def check_area_file(org, data: bytes) -> AreaCheck:
    """Every row of the file checked; the rows to write, or the refusals (line number and reason)."""
    check = AreaCheck()
    try:
        header, rows = read_rows(data)
    except UnreadableFile as exc:
        check.refusals.append((0, str(exc)))
        return check
    cols = {key: column(header, *names) for key, names in COLUMNS.items()}
    if not cols["code"] or not cols["name"]:
        check.refusals.append(
            (0, _("The file needs a column 'code' and a column 'name' (or 'naam') in its first line."))
        )
        return check
    if not rows:
        check.refusals.append((0, _("The file has no areas.")))
        return check
    if len(rows) > MAX_ROWS:
        check.refusals.append((0, _("At most %(n)s areas per file.") % {"n": MAX_ROWS}))
        return check

    def cell(row, key):
        return row.get(cols[key], "") if cols[key] else ""

    codes = [cell(r, "code") for _line, r in rows]
    taken = set(
        Municipality.objects.official()
        .filter(code__in=[c for c in codes if c])
        .values_list("code", flat=True)
    )
    official = _official_by_code({cell(r, "municipality") for _line, r in rows if cell(r, "municipality")})
    seen = {}
    for line, row in rows:
        reasons = []
        code, name = cell(row, "code"), cell(row, "name")
        if not code:
            reasons.append(_("the code is empty"))
        elif not CODE.fullmatch(code):
            reasons.append(
                _("code '%(code)s': use at most 20 letters, digits, '.', '_' or '-' (no spaces)")
                % {"code": code}
            )
        elif OFFICIAL_CODE.fullmatch(code) or code in taken:
            reasons.append(
                _("code '%(code)s' is the shape of an official municipality code; choose another")
                % {"code": code}
            )
        elif code.upper() in seen:
            reasons.append(
                _("code '%(code)s' is already on line %(line)s") % {"code": code, "line": seen[code.upper()]}
            )
        else:
            seen[code.upper()] = line
        if not name:
            reasons.append(_("the name is empty"))
        elif len(name) > 100:
            reasons.append(_("the name is longer than 100 characters"))
        part_of = None
        if cell(row, "municipality"):
            part_of = official(cell(row, "municipality"))
            if part_of is None:
                reasons.append(
                    _("'%(value)s' is no municipality code (NIS or CBS)")
                    % {"value": cell(row, "municipality")}
                )
        days = {}
        for key in ("valid_from", "valid_to"):
            text = cell(row, key)
            days[key] = None
            if text:
                try:
                    days[key] = parse_day(text)
                except ValueError:
                    reasons.append(
                        _("'%(value)s' is no date (use 2025-01-01 or 01/01/2025)") % {"value": text}
                    )
        if days["valid_from"] and days["valid_to"] and days["valid_from"] > days["valid_to"]:
            reasons.append(_("valid from is after valid to"))
        if reasons:
            check.refusals.append((line, "; ".join(reasons)))
        else:
            check.rows.append(AreaRow(line, code, name, part_of, days["valid_from"], days["valid_to"]))
    return check


@transaction.atomic
def import_own_areas(org, rows: list[AreaRow]) -> dict[str, int]:
    """Create or update the organisation's own areas by code and serve them all (so that contacts can be
    registered in them and reports count them like any municipality). Rows that would not change are
    not written: importing the same file again writes nothing."""
    existing = {m.code.upper(): m for m in Municipality.objects.filter(organisation=org)}
    served = set(org.municipalities.filter(organisation=org).values_list("id", flat=True))
    counts = {"added": 0, "changed": 0, "unchanged": 0}
    fields = ["name_nl", "country", "part_of", "valid_from", "valid_to"]
    to_serve = []
    for row in rows:
        values = {
            "name_nl": row.name,
            "country": row.part_of.country if row.part_of else "",
            "part_of": row.part_of,
            "valid_from": row.valid_from,
            "valid_to": row.valid_to,
        }
        area = existing.get(row.code.upper())
        if area is None:
            area = Municipality.objects.create(organisation=org, code=row.code, **values)
            counts["added"] += 1
        elif any(getattr(area, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(area, k, v)
            area.save(update_fields=fields)
            counts["changed"] += 1
        else:
            counts["unchanged"] += 1
        if area.id not in served:
            to_serve.append(area)
    if to_serve:
        org.municipalities.add(*to_serve)
    if to_serve or counts["added"] or counts["changed"]:
        note_terms_changed(org)
    return counts
