"""The plain list: a CSV/XLSX file, one service per row, with Dutch or English column names → flat HSDS
tables (each row checked as it is read)."""

import csv
import io
import re
import uuid
from collections import defaultdict

from django.utils.translation import gettext as _

from opvoedwijzer.taxonomy import defaults

from ..hours import parse_hours
from ..models import (
    Location,
    MapOrganisation,
    Partnership,
    Service,
)
from .report import ImportFileError
from .terms import OrganisationTerms
from .values import EMAIL, URL, as_number, as_text, is_valid

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
    text = as_text(text).lower().replace("'", "").replace("’", "")
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
    numbered = [(number, row) for number, row in enumerate(rows, start=1) if any(as_text(v) for v in row)]
    if not numbered:
        raise ImportFileError(_("The file is empty."))
    return numbered[0][1], numbered[1:]


def _split(value):
    return [part.strip() for part in re.split(r"[;,|\n]+", as_text(value)) if part.strip()]


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
            % {"cols": ", ".join(as_text(h) for h in header)}
        )
    terms = OrganisationTerms(org)
    stages_by_name = {}
    for stage in terms.stages.values():
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
            return as_text(raw[index]) if index is not None and index < len(raw) else ""

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
            theme = terms.themes.get(part.lower()) or terms.theme_names.get(part.lower())
            if theme is None:
                reasons.append(_("unknown theme “%(value)s”") % {"value": part})
            else:
                themes.append(theme.code)
        stages = []
        for part in _split(cell("life_stages")):
            stage = terms.stages.get(part.lower()) or stages_by_name.get(part.lower())
            if stage is None:
                reasons.append(_("unknown life stage “%(value)s”") % {"value": part})
            else:
                stages.append(stage.code)
        ages = {}
        for key in ("min_age", "max_age"):
            if cell(key):
                ages[key] = as_number(cell(key))
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
                municipality = terms.municipality(part, part)
                if municipality is None:
                    reasons.append(_("unknown municipality “%(value)s”") % {"value": part})
                else:
                    municipalities.append(municipality)
        try:
            hours = parse_hours(cell("hours"))
        except ValueError as error:
            reasons.append(str(error))
            hours = []
        if cell("email") and not is_valid(EMAIL, cell("email")):
            reasons.append(_("“%(value)s” is not an e-mail address") % {"value": cell("email")})
        website = cell("website")
        if website and not website.startswith(("http://", "https://")):
            website = "https://" + website
        if website and not is_valid(URL, website):
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
