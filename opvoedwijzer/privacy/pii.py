"""The PII guard: find personal data in a free text typed by staff or by the public.

`find_pii(text)` returns `Finding(kind, start, end, text)` for the kinds in `KINDS`. It is rules and
word lists only, no model: it starts in milliseconds and takes about a millisecond per note. The
detectors run from the most certain (an e-mail address, a number with a valid checksum) to the least
(a person's name); a later detector never claims text an earlier one found.
"""

import datetime
import re
from dataclasses import asdict, dataclass

from django.conf import settings

from . import lexicon

KINDS = [
    "person_name",
    "phone",
    "email",
    "street_address",
    "national_id",
    "iban",
    "date_of_birth",
    "online_handle",
]

# What a span is replaced by when staff redact or when text from the public is stored.
PLACEHOLDERS = {
    "person_name": "[naam]",
    "phone": "[telefoon]",
    "email": "[e-mail]",
    "street_address": "[adres]",
    "national_id": "[rijksregisternummer]",
    "iban": "[rekeningnummer]",
    "date_of_birth": "[geboortedatum]",
    "online_handle": "[account]",
}


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str

    def as_dict(self):
        return asdict(self)


# ---------------------------------------------------------------------------------------------
# Numbers and addresses

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
HANDLE = re.compile(r"(?<![\w.@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?")
IBAN = re.compile(
    r"\b(?:BE\s?\d{2}(?:\s?\d{4}){3}"
    r"|NL\s?\d{2}\s?[A-Z]{4}(?:\s?\d{4}){2}\s?\d{2}"
    r"|(?!BE|NL)[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?)\b",
    re.IGNORECASE,
)
# Belgian national register number: YY.MM.DD-XXX.CC in any punctuation.
RRN = re.compile(r"(?<![\d.])\d{2}[.\s]?\d{2}[.\s]?\d{2}[-\s.]?\d{3}[.\s-]?\d{2}(?![\d])")
BSN = re.compile(r"(?<![\d.])(?:\d{9}|\d{4}\.\d{2}\.\d{3})(?![\d])")
PHONE = re.compile(
    r"(?<![\w+./-])(?:(?:\+|00)\s?(?:32|31)[\s./-]?(?:\(0\)\s?)?|0)\d(?:[\s./-]{0,2}\d){6,9}(?![\w])"
)
MONTHS = (
    r"januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
    r"december|jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
)
DATES = [
    re.compile(r"(?<![\d/.-])(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?(\d{4}|\d{2})(?![\d/.-])"),
    re.compile(r"(?<![\d/.-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d/.-])"),
    re.compile(rf"\b(\d{{1,2}})(?:ste|de|e)?\s+(?:{MONTHS})\.?\s+(\d{{4}})\b", re.IGNORECASE),
]
BIRTH_CUE = re.compile(
    r"(geboren|geb\.?|°|geboortedatum|geboortedag|verjaardag|jarig|born|d\.o\.b|dob)\W{0,3}"
    r"(?:\w+\W+){0,3}$",
    re.IGNORECASE,
)

STRONG_STREET = r"straat|laan|steenweg|plein|lei|dreef|baan|kaai|dijk|singel|gracht|kade|straatje"
WEAK_STREET = (
    r"weg|markt|pad|hof|ring|vest|steeg|dries|wegel|park|veld|berg|erf|hoeve|heide|"
    r"beemd|akker|weide|kouter|meers|dal|hoek|wal|boulevard|allee|poort|plaats|hoven"
)
HOUSE_NUMBER = r"\d{1,4}(?:\s?[a-zA-Z](?![a-zA-Z]))?(?:\s*(?:bus|b\.|bte|/)\s*\d{1,4}[a-zA-Z]?)?"
NOT_A_HOUSE_NUMBER = re.compile(
    r"\s*(?:jaar|jarige|kinderen|kind|keer|euro|€|%|minuten|min|uur|u\b|weken|dagen|maanden|km|m\b|"
    r"cm|kg|leerjaar|jaar|personen|mensen|x\b)",
    re.IGNORECASE,
)
STREET = re.compile(
    r"(?<![\w-])("
    # Kerkstraat, Sint-Truidersteenweg, kerkstraat (a compound ending in a strong suffix)
    rf"(?:[A-Z][\w'-]*\s+){{0,2}}[A-Za-zÀ-ÿ'-]*[a-zà-ÿ'-](?:{STRONG_STREET})"
    # Grote Markt, Oude Vest, Hasseltweg (capitalised, weak suffix)
    rf"|(?:[A-Z][\w'-]*\s+){{0,2}}(?=[A-Z])[\w'-]*?(?i:{WEAK_STREET})"
    # Laan van Meerdervoort, Plein 1944: a street word first
    r"|(?:Laan|Plein|Kade|Dreef|Weg|Straat|Lei|Singel|Markt|Steenweg|Boulevard)\s+"
    r"(?:(?:van|de|der|den|het|ter|ten)\s+)*[A-Z][\w'-]+"
    rf")\s+({HOUSE_NUMBER})(?![\w/.,-]\d)"
)


def _digits(text):
    return re.sub(r"\D", "", text)


def _iban_valid(text):
    compact = re.sub(r"\s", "", text).upper()
    if not 15 <= len(compact) <= 34:
        return False
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(number) % 97 == 1


def _rrn_valid(digits):
    if len(digits) != 11:
        return False
    first, check = int(digits[:9]), int(digits[9:])
    month = int(digits[2:4])
    if month > 12 and month not in range(20, 33) and month not in range(40, 53):
        return False
    return check in (97 - first % 97, 97 - (2_000_000_000 + first) % 97)


def _bsn_valid(digits):
    if len(digits) != 9 or digits[0] == "0":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return total != 0 and (total - int(digits[8])) % 11 == 0


def _national_phone(digits, raw):
    """The number as dialled at home (0…), or None when it is no Belgian/Dutch phone number."""
    if raw.lstrip().startswith(("+", "00")):
        rest = digits[2:] if raw.lstrip().startswith("+") else digits[4:]
        rest = rest.removeprefix("0")  # +32 (0)11 …
        return "0" + rest if len(rest) in (8, 9) else None
    return digits if len(digits) in (9, 10) else None


def _allowed_phones():
    allowed = set()
    for number in getattr(settings, "PII_ALLOWED_PHONE_NUMBERS", []):
        national = _national_phone(_digits(number), number)
        allowed.add(national or _digits(number))
    return allowed


def _looks_like_date(raw):
    return bool(re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", raw.strip()))


def _date_year(match):
    groups = [g for g in match.groups() if g]
    year = next((int(g) for g in groups if len(g) == 4), None)
    return year


def find_numbers(text, allowed_phones):
    found = []
    for m in EMAIL.finditer(text):
        found.append(("email", m.start(), m.end()))
    for m in IBAN.finditer(text):
        if _iban_valid(m.group()):
            found.append(("iban", m.start(), m.end()))
    for m in RRN.finditer(text):
        if _rrn_valid(_digits(m.group())):
            found.append(("national_id", m.start(), m.end()))
    for m in PHONE.finditer(text):
        raw = m.group()
        national = _national_phone(_digits(raw), raw)
        if national and national not in allowed_phones and not _looks_like_date(raw):
            found.append(("phone", m.start(), m.end()))
    for m in BSN.finditer(text):
        if _bsn_valid(_digits(m.group())):
            found.append(("national_id", m.start(), m.end()))
    this_year = datetime.date.today().year
    for pattern in DATES:
        for m in pattern.finditer(text):
            year = _date_year(m)
            cue = BIRTH_CUE.search(text[max(0, m.start() - 40) : m.start()])
            if cue or (year and 1900 <= year < this_year):
                found.append(("date_of_birth", m.start(), m.end()))
    for m in HANDLE.finditer(text):
        found.append(("online_handle", m.start(), m.end()))
    for m in STREET.finditer(text):
        after = text[m.end() : m.end() + 12]
        number_start = m.start(2)
        if NOT_A_HOUSE_NUMBER.match(text[m.end(2) :]) or NOT_A_HOUSE_NUMBER.match(after):
            continue
        street = m.group(1)
        if street.split()[-1].lower() in lexicon.NOT_NAMES and not re.search(
            STRONG_STREET, street.split()[-1], re.IGNORECASE
        ):
            continue
        found.append(("street_address", m.start(), m.end()))
        del number_start
    return found


# ---------------------------------------------------------------------------------------------
# Names

TOKEN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’]+(?:-[A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’]+)*\.?")
SENTENCE_END = re.compile(r"(?:^|[.!?:;\n\"“(•*-]\s*|\n)$")


def _is_capitalised(word):
    return word[:1].isupper() and not word.isupper()


def _is_name_word(word, *, lowercase_ok=False):
    """A word that can be (part of) a person's name."""
    bare = word.rstrip(".").strip("'’")
    lower = bare.lower()
    if len(bare) < 2 or lower in lexicon.PARTICLES:
        return False
    if _is_capitalised(bare):
        return lower not in lexicon.NOT_NAMES or lower in lexicon.FIRST_NAMES
    if lowercase_ok:
        return lower in lexicon.FIRST_NAMES and lower not in lexicon.AMBIGUOUS_FIRST_NAMES
    return False


def find_names(text):
    tokens = list(TOKEN.finditer(text))
    names = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        word = token.group().rstrip(".")
        lower = word.lower()
        before = text[: token.start()]
        sentence_start = bool(SENTENCE_END.search(before)) or not before.strip()
        previous = tokens[i - 1].group().lower() if i else ""
        prev2 = tokens[i - 2].group().lower() if i > 1 else ""
        cue = previous in lexicon.NAME_CUES or (previous == "van" and prev2 in lexicon.NAME_CUES)
        next_word = tokens[i + 1].group().lower() if i + 1 < len(tokens) else ""

        start_name = False
        if lower in lexicon.PARTICLES and _is_capitalised(word) and i + 1 < len(tokens):
            # "Van Rompaey", "De Smet" (capitalised particle + capitalised name)
            j = i
            while j < len(tokens) and tokens[j].group().lower() in lexicon.PARTICLES:
                j += 1
            if (
                j < len(tokens)
                and _is_capitalised(tokens[j].group())
                and _is_name_word(tokens[j].group())
                and (not sentence_start or j > i)
            ):
                start_name = not sentence_start or tokens[j].group().lower() not in lexicon.NOT_NAMES
        elif (cue and _is_name_word(word, lowercase_ok=True) and lower not in lexicon.NAME_CUES) or (
            cue and _is_capitalised(word) and lower not in lexicon.NOT_NAMES
        ):
            start_name = True
        elif _is_capitalised(word) and not sentence_start and _is_name_word(word):
            start_name = lower not in lexicon.NAME_CUES
        elif _is_capitalised(word) and sentence_start:
            known = lower in lexicon.FIRST_NAMES or lower in lexicon.SURNAMES
            if (
                known and (lower not in lexicon.AMBIGUOUS_FIRST_NAMES or next_word in lexicon.PERSON_VERBS)
            ) or (
                (lower in lexicon.FIRST_NAMES or lower in lexicon.SURNAMES) is False
                and next_word in lexicon.PERSON_VERBS
                and lower not in lexicon.NOT_NAMES
                and lower not in lexicon.NAME_CUES
                and not _common_sentence_start(lower)
            ):
                start_name = True
        elif not _is_capitalised(word) and _is_name_word(word, lowercase_ok=True):
            start_name = True

        if not start_name:
            i += 1
            continue
        # Extend over a surname: particles and capitalised name words ("Jan van der Berg").
        j = i + 1
        end = token.end()
        while j < len(tokens):
            gap = text[end : tokens[j].start()]
            if gap.strip() not in ("",):
                break
            w = tokens[j].group()
            if w.lower() in lexicon.PARTICLES and j + 1 < len(tokens):
                k = j
                while k < len(tokens) and tokens[k].group().lower() in lexicon.PARTICLES:
                    k += 1
                if (
                    k < len(tokens)
                    and _is_capitalised(tokens[k].group())
                    and text[tokens[k - 1].end() : tokens[k].start()].strip() == ""
                    and _is_name_word(tokens[k].group())
                ):
                    end = tokens[k].end()
                    j = k + 1
                    continue
                break
            if _is_capitalised(w) and _is_name_word(w):
                end = tokens[j].end()
                j += 1
                continue
            break
        span_end = end - 1 if text[end - 1] == "." else end
        names.append(("person_name", token.start(), span_end))
        i = j
    return names


COMMON_SENTENCE_STARTS = set(
    [
        "moeder",
        "vader",
        "mama",
        "papa",
        "oma",
        "opa",
        "ouders",
        "ouder",
        "kind",
        "kinderen",
        "zoon",
        "dochter",
        "hij",
        "zij",
        "ze",
        "ik",
        "we",
        "wij",
        "jullie",
        "het",
        "de",
        "een",
        "dit",
        "dat",
        "die",
        "deze",
        "er",
        "hier",
        "daar",
        "toen",
        "nu",
        "juf",
        "meester",
        "leerkracht",
        "school",
        "iemand",
        "niemand",
        "alles",
        "niets",
        "elke",
        "iedere",
        "zijn",
        "haar",
        "mijn",
        "onze",
        "hun",
        "mevrouw",
        "meneer",
        "dokter",
        "vraag",
    ]
)


def _common_sentence_start(lower):
    return lower in COMMON_SENTENCE_STARTS


# ---------------------------------------------------------------------------------------------


def find_pii(text, *, allowed_phones=None):
    """Findings in `text`, ordered by position, never overlapping."""
    if not text:
        return []
    if allowed_phones is None:
        allowed_phones = _allowed_phones()
    claimed = []
    findings = []
    for kind, start, end in find_numbers(text, allowed_phones) + find_names(text):
        if start >= end or any(start < e and s < end for s, e in claimed):
            continue
        claimed.append((start, end))
        findings.append(Finding(kind, start, end, text[start:end]))
    return sorted(findings, key=lambda f: f.start)


def redact(text, findings=None):
    """The text with every finding replaced by its placeholder ("[naam]", "[telefoon]", …)."""
    findings = find_pii(text) if findings is None else findings
    for f in sorted(findings, key=lambda f: f.start, reverse=True):
        text = text[: f.start] + PLACEHOLDERS[f.kind] + text[f.end :]
    return text
