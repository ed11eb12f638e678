"""Checking a file of past registrations, row by row, against the organisation's terms.

`check_table(org, heading, rows, …)` recognises the columns (Dutch or English headings, matched
loosely), resolves every value to a term, a municipality or a fixed choice (by label or code, ignoring
case, accents, punctuation and spacing; remembered mappings after that), and gives for every row either
the contacts it stands for or the reasons it is refused. Nothing is written here.

Matching is memoised per distinct value: a file of 100,000 rows holds a few hundred distinct values.
"""

import datetime
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from opvoedwijzer.contacts.models import CONTACT_LANGUAGES, Area
from opvoedwijzer.core.crypto import keyed_digester
from opvoedwijzer.core.models import Municipality
from opvoedwijzer.core.text import without_control_characters
from opvoedwijzer.taxonomy import defaults
from opvoedwijzer.taxonomy.cache import terms_of

# The fields a file can hold, in the order the preview lists them.
FIELDS = [
    "date",
    "channel",
    "asker_role",
    "municipality",
    "life_stage",
    "theme",
    "offer",
    "request_kind",
    "duration",
    "language",
    "note",
    "count",
]
FIELD_LABELS = {
    "date": gettext_lazy("date"),
    "channel": gettext_lazy("channel"),
    "asker_role": gettext_lazy("who asked"),
    "municipality": gettext_lazy("municipality"),
    "life_stage": gettext_lazy("life stage"),
    "theme": gettext_lazy("theme"),
    "offer": gettext_lazy("offer"),
    "request_kind": gettext_lazy("kind of request"),
    "duration": gettext_lazy("time spent"),
    "language": gettext_lazy("language"),
    "note": gettext_lazy("note"),
    "count": gettext_lazy("count"),
}
MULTI_VALUED = {"life_stage", "theme", "offer"}
# Needed on every contact; all but the date and the theme can be given once for the whole file.
REQUIRED = ["date", "channel", "asker_role", "municipality", "theme", "offer", "request_kind", "duration"]
DEFAULTABLE = [
    "channel",
    "asker_role",
    "municipality",
    "offer",
    "request_kind",
    "duration",
    "life_stage",
    "language",
]
# Fields whose values are matched against a list (the mapping step offers that list).
MAPPABLE = [
    "channel",
    "asker_role",
    "municipality",
    "life_stage",
    "theme",
    "offer",
    "request_kind",
    "duration",
    "language",
]

# Headings, as `norm` leaves them (a trailing number is the column's number: "thema 2").
HEADINGS = {
    "date": [
        "datum",
        "date",
        "dag",
        "day",
        "contactdatum",
        "datumcontact",
        "datumvanhetcontact",
        "contactdate",
    ],
    "channel": [
        "contactwijze",
        "kanaal",
        "channel",
        "contactkanaal",
        "wijzevancontact",
        "medium",
        "contactchannel",
    ],
    "asker_role": [
        "vraagsteller",
        "asker",
        "askerrole",
        "role",
        "rol",
        "wievroeg",
        "whoasked",
        "vrager",
        "rolvraagsteller",
        "typevraagsteller",
    ],
    "municipality": [
        "gemeente",
        "municipality",
        "woonplaats",
        "postcode",
        "postalcode",
        "zipcode",
        "niscode",
        "nis",
        "cbscode",
        "gemeentecode",
        "municipalitycode",
        "gemeenteofpostcode",
        "woongemeente",
    ],
    "life_stage": [
        "levensfase",
        "levensfasen",
        "lifestage",
        "lifestages",
        "leeftijdsfase",
        "leeftijdsgroep",
        "agegroup",
        "levensfasekind",
        "lifestageofthechild",
    ],
    "theme": [
        "hoofdthema",
        "maintheme",
        "thema",
        "theme",
        "themas",
        "themes",
        "anderethemas",
        "otherthemes",
        "subthema",
        "bijkomendthema",
        "onderwerp",
        "topic",
    ],
    "offer": ["aanbod", "offer", "offers", "offertype", "wataangeboden", "whatwasoffered", "aangeboden"],
    "request_kind": [
        "soortvraag",
        "vraagsoort",
        "soort",
        "requestkind",
        "kindofrequest",
        "typevraag",
        "aardvraag",
        "aardvandevraag",
        "kind",
        "request",
        "soortvandevraag",
    ],
    "duration": [
        "duur",
        "duration",
        "tijd",
        "tijdsduur",
        "timespent",
        "gespreksduur",
        "tijdbesteed",
        "tijdsbesteding",
    ],
    "language": ["taal", "language", "contacttaal", "languageofthecontact", "taalvanhetcontact"],
    "note": [
        "notitie",
        "notities",
        "note",
        "notes",
        "opmerking",
        "opmerkingen",
        "comment",
        "comments",
        "kortenotitie",
    ],
    "count": [
        "aantal",
        "count",
        "number",
        "n",
        "aantalcontacten",
        "numberofcontacts",
        "contacts",
        "contacten",
    ],
}
_HEADING_FIELD = {alias: name for name, aliases in HEADINGS.items() for alias in aliases}
MAIN_THEME_HEADINGS = {"hoofdthema", "maintheme"}

OUTSIDE_WORDS = [
    "outside",
    "buiten",
    "buitenderegio",
    "buitenregio",
    "outsidetheregion",
    "elders",
    "andere gemeente",
]
UNKNOWN_WORDS = ["unknown", "onbekend", "nietgekend", "ongekend", "nvt", "na"]

# A cell may hold several values of one field, one per line or separated by " / ".
_SPLIT = re.compile(r"\s*(?:\r\n|\r|\n)\s*|\s+/\s+")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T][\d:.]*)?$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?: [\d:.]*)?$")
_DUTCH_POSTCODE = re.compile(r"^(\d{4}) ?[a-z]{2}$", re.IGNORECASE)
_LEADING_POSTCODE = re.compile(r"^(\d{4})\s+\S")
EARLIEST_YEAR = 1990
MAX_COUNT = 10_000


def norm(text):
    """Lower case, without accents, punctuation or spacing: 'Télé-foon ' → 'telefoon'."""
    text = unicodedata.normalize("NFKD", str(text)).casefold()
    return "".join(char for char in text if char.isalnum())


def heading_field(heading):
    """(field, number, is_main) of a column heading, or (None, None, False) when it is not recognised."""
    key = norm(heading or "")
    number = None
    match = re.match(r"^(.*?)(\d+)$", key)
    if match and match.group(1) in _HEADING_FIELD:
        key, number = match.group(1), int(match.group(2))
    name = _HEADING_FIELD.get(key)
    return name, number, key in MAIN_THEME_HEADINGS


@dataclass
class Column:
    index: int
    heading: str
    field: str | None
    number: int | None = None
    is_main: bool = False
    ignored_reason: str = ""


def recognise_columns(heading):
    """The columns with the field each holds. Several columns may hold one multi-valued field (thema 2,
    thema 3…) and the municipality (a name and a postal code); of any other field the first counts."""
    columns, seen = [], set()
    for index, text in enumerate(heading):
        text = "" if text is None else str(text).strip()
        name, number, is_main = heading_field(text)
        column = Column(index, text, name, number, is_main)
        if name and name in seen and name not in MULTI_VALUED and name != "municipality":
            column.field, column.ignored_reason = (
                None,
                _("a second column for %(field)s") % {"field": FIELD_LABELS[name]},
            )
        elif name:
            seen.add(name)
        columns.append(column)
    return columns


def _theme_order(column):
    """Theme columns in the order their values count: the main theme's column, then 'thema', then thema
    2, 3… (a file's first theme value is the main one)."""
    return (not column.is_main, column.number or 0, column.index)


@dataclass
class Contacts:
    """What one good row stands for: `count` contacts with these values (terms are model instances)."""

    row: int
    date: datetime.date
    channel: object
    asker_role: object
    municipality: object  # a Municipality, or Area.OUTSIDE / Area.UNKNOWN
    request_kind: str
    duration: str
    language: str
    life_stages: tuple
    themes: tuple  # main first
    offers: tuple
    note: str
    count: int
    key: str  # the canonical text of the values, for the fingerprint (never stored)

    def as_data(self):
        """The contact as ContactForm.cleaned_data gives it (contacts.services speaks this)."""
        return {
            "date": self.date,
            "channel": self.channel,
            "asker_role": self.asker_role,
            "municipality": self.municipality,
            "request_kind": self.request_kind,
            "duration": self.duration,
            "language": self.language,
            "life_stages": list(self.life_stages),
            "main_theme": self.themes[0],
            "themes": list(self.themes[1:]),
            "offers": list(self.offers),
            "note": self.note,
        }


@dataclass
class Checked:
    """The outcome of a check: good rows, refused rows, values to map, notes dropped, the columns."""

    columns: list
    rows_total: int = 0
    good: list = field(default_factory=list)  # [Contacts]
    refused: list = field(default_factory=list)  # [(row number, [reasons])]
    unknown: dict = field(
        default_factory=dict
    )  # (field, normed) → {"field", "value", "norm", "rows", "suggest"}
    notes_dropped: list = field(default_factory=list)  # [(row number, reason)]
    notes_expired: int = 0  # notes older than the notes' retention period, left out
    missing: list = field(default_factory=list)  # required fields the file has no column for and no default
    empty: Counter = field(default_factory=Counter)  # field → rows where it is empty (and no default)
    first_rows: list = field(default_factory=list)
    problem: str = ""  # the whole file is refused: why

    @property
    def contacts_total(self):
        return sum(item.count for item in self.good)

    def fingerprints(self, org):
        """[(fingerprint, Contacts)] one per contact: an HMAC of the organisation, the row's values and
        the contact's occurrence among equal ones in the file (two equal contacts: occurrences 1 and 2)."""
        seen = Counter()
        result = []
        digest = keyed_digester("import-row")
        for item in self.good:
            for _n in range(item.count):
                seen[item.key] += 1
                result.append((digest(f"{org.pk}\x1f{item.key}\x1f{seen[item.key]}")[:32], item))
        return result

    def preview(self, limit=200):
        """What the preview page shows, as JSON (no note text)."""
        return {
            "rows": self.rows_total,
            "contacts": self.contacts_total,
            "good_rows": len(self.good),
            "columns": [
                {"heading": c.heading, "field": c.field or "", "ignored": str(c.ignored_reason)}
                for c in self.columns
            ],
            "missing": self.missing,
            "empty": dict(self.empty),
            "first_rows": self.first_rows,
            "refused": [{"row": row, "reasons": reasons} for row, reasons in self.refused[:limit]],
            "refused_count": len(self.refused),
            "unknown": sorted(
                self.unknown.values(), key=lambda u: (FIELDS.index(u["field"]), -u["rows"], u["norm"])
            ),
            "notes_dropped": [{"row": row, "reason": reason} for row, reason in self.notes_dropped[:limit]],
            "notes_dropped_count": len(self.notes_dropped),
            "notes_expired": self.notes_expired,
            "problem": self.problem,
        }


class Matcher:
    """Resolves a file's values to the organisation's terms, municipalities and fixed choices."""

    def __init__(self, org, mappings=None):
        self.org = org
        self.terms = terms_of(org)
        self.mappings = mappings or {}  # (field, normed) → target code
        self.index = {name: self._term_index(dimension) for name, dimension in _TERM_DIMENSIONS.items()}
        self.index["request_kind"] = self._fixed_index("request_kind", defaults.REQUEST_KINDS)
        self.index["duration"] = self._fixed_index("duration", defaults.DURATIONS)
        self.index["language"] = self._language_index()
        self.index["municipality"] = self._municipality_index()
        self._memo = {}
        self._all_municipalities = None

    def _term_index(self, dimension):
        terms = self.terms.terms[dimension]
        index = {}
        for texts in (
            lambda t: [t.code],
            lambda t: [t.custom_label],
            lambda t: [defaults.LABELS[dimension].get(t.code, {}).get("nl", "")],
            lambda t: [defaults.LABELS[dimension].get(t.code, {}).get("en", "")],
        ):
            for term in terms:
                for text in texts(term):
                    if text and norm(text):
                        index.setdefault(norm(text), term)
        return index

    def _fixed_index(self, dimension, rows):
        index = {}
        for code, nl, en in rows:
            for text in (code, nl, en, nl.replace("minuten", "min"), en.replace("minutes", "min")):
                index.setdefault(norm(text), code)
        if dimension == "duration":  # "5-15", "5 tot 15 min", "minder dan 5 minuten"…
            for code, aliases in _DURATION_WORDS.items():
                for alias in aliases:
                    index.setdefault(norm(alias), code)
        return index

    def _language_index(self):
        index = {}
        for code, label in CONTACT_LANGUAGES:
            index.setdefault(norm(code), code)
            for language in ("nl", "en", "fr"):
                with translation.override(language):
                    index.setdefault(norm(str(label)), code)
        return index

    def _municipality_index(self):
        index = {}
        for municipality in self.terms.municipalities:
            for text in (municipality.code, municipality.name_nl, municipality.name_fr):
                if text:
                    index.setdefault(norm(text), municipality)
            for postal_code in municipality.postal_codes.all():
                index.setdefault(norm(postal_code.code), municipality)
        for word in OUTSIDE_WORDS:
            index.setdefault(norm(word), Area.OUTSIDE.value)
        for word in UNKNOWN_WORDS:
            index.setdefault(norm(word), Area.UNKNOWN.value)
        return index

    def _by_target(self, name, target):
        """The object a remembered mapping points at (None when that term or municipality is gone)."""
        if name == "municipality":
            if target in (Area.OUTSIDE, Area.UNKNOWN):
                return str(target)
            return next((m for m in self.terms.municipalities if m.code == target), None)
        if name in ("request_kind", "duration"):
            return target if target in defaults.LABELS[name] else None
        if name == "language":
            return target if target in dict(CONTACT_LANGUAGES) else None
        return self.terms.get(_TERM_DIMENSIONS[name], target)

    def resolve(self, name, value):
        """The term / municipality / code a value stands for, or None when unknown."""
        key = (name, value)
        if key in self._memo:
            return self._memo[key]
        normed = norm(value)
        index = self.index[name]
        found = index.get(normed)
        if found is None and name == "municipality":
            text = str(value).strip()
            dutch = _DUTCH_POSTCODE.match(text)
            leading = _LEADING_POSTCODE.match(text)
            for candidate in (dutch and dutch.group(1), leading and leading.group(1)):
                if candidate and norm(candidate) in index:
                    found = index[norm(candidate)]
                    break
        if found is None and (name, normed) in self.mappings:
            found = self._by_target(name, self.mappings[(name, normed)])
        self._memo[key] = found
        return found

    def suggestion(self, name, value):
        """For an unknown municipality that exists but is not served: 'outside'."""
        if name != "municipality":
            return ""
        if self._all_municipalities is None:
            self._all_municipalities = set()
            official = Municipality.objects.official()
            for code, name_nl, name_fr in official.values_list("code", "name_nl", "name_fr"):
                self._all_municipalities.update(norm(t) for t in (code, name_nl, name_fr) if t)
            self._all_municipalities.update(
                norm(code) for code in official.values_list("postal_codes__code", flat=True) if code
            )
        return Area.OUTSIDE.value if norm(value) in self._all_municipalities else ""


_TERM_DIMENSIONS = {
    "channel": "channel",
    "asker_role": "asker_role",
    "life_stage": "life_stage",
    "theme": "theme",
    "offer": "offer",
}
_DURATION_WORDS = {
    "lt5": ["<5", "minder dan 5 minuten", "less than 5 minutes", "0-5", "0-5 min", "kort"],
    "5to15": ["5-15", "5 tot 15 minuten", "5 to 15 minutes", "5-15 min"],
    "15to30": ["15-30", "15 tot 30 minuten", "15 to 30 minutes", "15-30 min"],
    "30to60": ["30-60", "30 tot 60 minuten", "30 to 60 minutes", "30-60 min", "half uur tot uur"],
    "gt60": [">60", "meer dan 60 minuten", "more than 60 minutes", "meer dan een uur", "more than an hour"],
}


def _valid_on(municipality, day):
    """A municipality (or an organisation's own area) exists on that day: one merged away in 2024 takes
    no contact of 2025."""
    return (municipality.valid_from is None or municipality.valid_from <= day) and (
        municipality.valid_to is None or municipality.valid_to >= day
    )


def split_values(value):
    """The values in one cell: one per line, or separated by ' / '."""
    if value is None:
        return []
    if isinstance(value, datetime.datetime | datetime.date | int | float):
        return [value]
    return [part.strip() for part in _SPLIT.split(str(value)) if part.strip()]


def parse_date(value):
    """A date from a real date cell, or text as dd/mm/yyyy, d-m-yyyy, dd.mm.yyyy or ISO yyyy-mm-dd."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    match = _ISO.match(text)
    try:
        if match:
            return datetime.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        match = _DAY_FIRST.match(text)
        if match:
            return datetime.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    except ValueError:
        return None
    return None


def parse_count(value):
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    text = str(value).strip()
    if re.fullmatch(r"\d+(?:[.,]0+)?", text):
        return int(re.split(r"[.,]", text)[0])
    return None


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime) and not (value.hour or value.minute or value.second):
        return value.date().isoformat()
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _quoted(value):
    text = _cell_text(value)
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


EXPIRED = "expired"  # a note older than the notes' retention period: counted, not listed per row


class NoteGuard:
    """The PII guard on imported notes: a note with personal data is dropped (the row kept), as is a
    note too long or older than the notes' retention period."""

    def __init__(self, user):
        from opvoedwijzer.privacy.forms import KIND_LABELS, allowed_phones_for
        from opvoedwijzer.privacy.pii import find_pii

        self.find_pii, self.kind_labels = find_pii, KIND_LABELS
        self.allowed = allowed_phones_for(user) if user is not None else None
        self.max_length = settings.CONTACT_NOTE_MAX_LENGTH
        self.oldest = timezone.localdate() - datetime.timedelta(days=settings.RETENTION_DAYS["contact_note"])

    def check(self, text, day):
        """(note to keep, reason it was dropped or "")."""
        text = without_control_characters(text).strip()
        if not text:
            return "", ""
        if len(text) > self.max_length:
            return "", _("note longer than %(n)s characters, not imported") % {"n": self.max_length}
        if day < self.oldest:
            return "", EXPIRED
        findings = self.find_pii(text, allowed_phones=self.allowed)
        if findings:
            kinds = ", ".join(sorted({str(self.kind_labels[f.kind]) for f in findings}))
            return "", _("note dropped: it holds personal data (%(kinds)s)") % {"kinds": kinds}
        return text, ""


def _default_value(matcher, name, code):
    """A default chosen for a field (a code), resolved like a cell; None when it does not exist."""
    if name in MULTI_VALUED:
        found = [matcher.resolve(name, part) for part in str(code).split(",") if part.strip()]
        return tuple(found) if found and all(f is not None for f in found) else None
    return matcher.resolve(name, code)


def check_table(
    org, heading, rows, *, mappings=None, defaults_chosen=None, user=None, progress=None, first=5
):
    """Check every row of a table (see module docstring). `defaults_chosen`: {field: code or label}
    for fields the file lacks or leaves empty. `progress(rows checked)` is called now and then."""
    matcher = Matcher(org, mappings)
    columns = recognise_columns(heading)
    checked = Checked(columns=columns, rows_total=len(rows))
    present = {c.field for c in columns if c.field}
    if "date" not in present:
        checked.problem = _("The file has no column with the date (datum, date).")
    elif "theme" not in present:
        checked.problem = _("The file has no column with the theme (hoofdthema, thema, theme).")
    chosen = {}
    for name, code in (defaults_chosen or {}).items():
        if name in DEFAULTABLE and code not in (None, "", []):
            value = _default_value(matcher, name, code)
            if value is None:
                checked.problem = checked.problem or _(
                    "The default %(value)s for %(field)s is not known."
                ) % {
                    "value": _quoted(code),
                    "field": FIELD_LABELS[name],
                }
            else:
                chosen[name] = value
    checked.missing = [n for n in REQUIRED if n not in present and n not in chosen]
    if checked.missing and not checked.problem:
        names = ", ".join(str(FIELD_LABELS[n]) for n in checked.missing)
        checked.problem = _("The file has no column for %(fields)s: choose a value for the whole file.") % {
            "fields": names
        }
    if checked.problem:
        checked.refused = [(number, [checked.problem]) for number, _cells in rows]
        return checked

    by_field = {}
    for column in columns:
        if column.field:
            by_field.setdefault(column.field, []).append(column)
    by_field.get("theme", []).sort(key=_theme_order)
    guard = NoteGuard(user) if "note" in by_field else None
    today = timezone.localdate()
    split_memo = {}  # a file repeats its labels: each distinct cell is split once

    def split(cell):
        try:
            return split_memo[cell]
        except KeyError:
            parts = split_memo[cell] = split_values(cell)
            return parts
        except TypeError:  # not hashable
            return split_values(cell)

    for done, (number, cells) in enumerate(rows, start=1):
        if progress and done % 1000 == 0:
            progress(done)
        reasons, values = [], {}
        width = len(cells)
        for name, cols in by_field.items():
            if len(cols) == 1:
                index = cols[0].index
                values[name] = split(cells[index]) if index < width else []
                continue
            parts = []
            for column in cols:
                if column.index < width:
                    parts.extend(split(cells[column.index]))
            values[name] = parts
        if len(checked.first_rows) < first:
            checked.first_rows.append(
                {
                    "row": number,
                    "cells": [
                        (
                            "…"
                            if c.field == "note"
                            and _cell_text(cells[c.index] if c.index < len(cells) else None)
                            else _cell_text(cells[c.index] if c.index < len(cells) else None)[:80]
                        )
                        for c in columns
                    ],
                }
            )
        resolved = {}
        # The date.
        dates = values.get("date", [])
        day = None
        if not dates:
            reasons.append(_("no date"))
        elif len(dates) > 1:
            reasons.append(_("several dates"))
        else:
            day = parse_date(dates[0])
            if day is None:
                reasons.append(
                    _("%(value)s is not a date (dd/mm/yyyy, d-m-yyyy or yyyy-mm-dd)")
                    % {"value": _quoted(dates[0])}
                )
            elif day > today:
                reasons.append(_("the date %(date)s is in the future") % {"date": day.strftime("%d/%m/%Y")})
            elif day.year < EARLIEST_YEAR:
                reasons.append(
                    _("the date %(date)s is before %(year)s")
                    % {"date": day.strftime("%d/%m/%Y"), "year": EARLIEST_YEAR}
                )
        # The count (the tally layout).
        count = 1
        counts = values.get("count", [])
        if len(counts) > 1:
            reasons.append(_("several counts"))
        elif counts:
            count = parse_count(counts[0])
            if count is None or count < 0 or count > MAX_COUNT:
                reasons.append(
                    _("%(value)s is not a count (a whole number from 0 to %(max)s)")
                    % {"value": _quoted(counts[0]), "max": MAX_COUNT}
                )
                count = 1
        # The terms and fixed choices.
        for name in MAPPABLE:
            parts = values.get(name, [])
            if name == "municipality" and len(parts) > 1:
                # A name and a postal code in two columns: the first that is known counts.
                known = [p for p in parts if matcher.resolve(name, p) is not None]
                parts = known[:1] or parts[:1]
            if not parts:
                if name in chosen:
                    resolved[name] = chosen[name]
                elif name in REQUIRED:
                    reasons.append(_("no %(field)s") % {"field": FIELD_LABELS[name]})
                    checked.empty[name] += 1
                continue
            if name not in MULTI_VALUED and len(parts) > 1:
                reasons.append(_("several values for %(field)s") % {"field": FIELD_LABELS[name]})
                continue
            found = []
            for part in parts:
                target = matcher.resolve(name, part)
                if target is None:
                    normed = norm(part)
                    reasons.append(
                        _("unknown %(field)s %(value)s")
                        % {"field": FIELD_LABELS[name], "value": _quoted(part)}
                    )
                    entry = checked.unknown.get((name, normed))
                    if entry is None:
                        entry = checked.unknown[(name, normed)] = {
                            "field": name,
                            "value": _cell_text(part)[:200],
                            "norm": normed,
                            "rows": 0,
                            "suggest": matcher.suggestion(name, part),
                        }
                    entry["rows"] += 1
                elif target not in found:
                    found.append(target)
            resolved[name] = tuple(found) if name in MULTI_VALUED else (found[0] if found else None)
        municipality = resolved.get("municipality")
        if (
            day
            and municipality is not None
            and not isinstance(municipality, str)
            and not _valid_on(municipality, day)
        ):
            reasons.append(
                _("%(name)s did not exist on %(date)s")
                % {"name": municipality.name, "date": day.strftime("%d/%m/%Y")}
            )
        if reasons:
            checked.refused.append((number, reasons))
            continue
        if count == 0:
            continue  # a tally row with nothing counted
        note = ""
        notes = values.get("note", [])
        if notes and guard is not None:
            raw = "\n".join(str(n) for n in notes)
            note, dropped = guard.check(raw, day)
            if dropped == EXPIRED:
                checked.notes_expired += 1
            elif dropped:
                checked.notes_dropped.append((number, dropped))
        else:
            raw = ""
        themes, life_stages, offers = resolved["theme"], resolved.get("life_stage") or (), resolved["offer"]
        municipality = resolved["municipality"]
        area = municipality if isinstance(municipality, str) else municipality.code
        key = "\x1e".join(
            [
                day.isoformat(),
                resolved["channel"].code,
                resolved["asker_role"].code,
                area,
                resolved["request_kind"],
                resolved["duration"],
                resolved.get("language") or "",
                ",".join(t.code for t in life_stages),
                ",".join(t.code for t in themes),
                ",".join(t.code for t in offers),
                raw,
            ]
        )
        checked.good.append(
            Contacts(
                row=number,
                date=day,
                channel=resolved["channel"],
                asker_role=resolved["asker_role"],
                municipality=municipality,
                request_kind=resolved["request_kind"],
                duration=resolved["duration"],
                language=resolved.get("language") or "",
                life_stages=life_stages,
                themes=themes,
                offers=offers,
                note=note,
                count=count,
                key=key,
            )
        )
    if progress:
        progress(len(rows))
    return checked
