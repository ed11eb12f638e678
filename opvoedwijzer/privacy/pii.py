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
    re.compile(r"(?<![\d/.-])(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?(\d{4}|\d{2})(?![\d/-]|\.\d)"),
    re.compile(r"(?<![\d/.-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d/-]|\.\d)"),
    re.compile(rf"\b(\d{{1,2}})(?:ste|de|e)?\s+(?:{MONTHS})\.?\s+(\d{{4}})\b", re.IGNORECASE),
]
BIRTH_CUE = re.compile(
    r"(geboren|geb\.?|°|geboortedatum|geboortedag|verjaardag|jarig|born|d\.o\.b|dob)\W{0,3}"
    r"(?:\w+\W+){0,3}$",
    re.IGNORECASE,
)

STRONG_STREET = r"straat|laan|steenweg|plein|lei|dreef|baan|kaai|dijk|singel|gracht|kade|straatje"
WEAK_STREET = (
    r"weg|markt|pad|hof|ring|campus|vest|steeg|dries|wegel|park|veld|berg|erf|hoeve|heide|"
    r"beemd|akker|weide|kouter|meers|dal|hoek|wal|boulevard|allee|poort|plaats|hoven"
)
# Streets named with the street word first: "Laan van Meerdervoort", "Chaussée de Mons".
STREET_WORDS_FIRST = (
    r"(?:Laan|Plein|Kade|Dreef|Weg|Straat|Lei|Singel|Markt|Steenweg|Boulevard|Avenue|"
    r"Rue|Chaussée|Place|Quai|Allée|Square)"
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
    rf"|(?:[A-Z][\w'-]*\s+){{0,2}}(?=[A-Z])[\w'-]*?(?i:{WEAK_STREET}|{STRONG_STREET})"
    # Laan van Meerdervoort, Plein 1944: a street word first
    rf"|{STREET_WORDS_FIRST}\s+"
    r"(?:(?:van|de|der|den|het|ter|ten|naar|du|des|la|le|l')\s*)*[A-Z][\w'-]+"
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


def _allowed_phones(extra=()):
    """Phone numbers that are no personal data: the settings' list plus `extra` (the numbers on the
    social map, see `socialmap.selectors.public_phone_numbers`), as dialled at home."""
    allowed = set()
    for number in [*getattr(settings, "PII_ALLOWED_PHONE_NUMBERS", []), *extra]:
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
        if NOT_A_HOUSE_NUMBER.match(text[m.end(2) :]) or NOT_A_HOUSE_NUMBER.match(after):
            continue
        street = m.group(1)
        last = street.split()[-1]
        starts_with_street_word = re.match(STREET_WORDS_FIRST, street)
        if (
            not starts_with_street_word
            and last.lower() in lexicon.NOT_NAMES
            and not re.search(STRONG_STREET, last, re.IGNORECASE)
        ):
            continue  # "Hasselt 3500", not a street
        found.append(("street_address", m.start(), m.end()))
    return found


# ---------------------------------------------------------------------------------------------
# Names

TOKEN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ž]+(?:['’-][A-Za-zÀ-ÖØ-öø-ÿĀ-ž]+)*\.?")
# What may stand before the first word of a sentence (or of a quote, a list item, a title).
SENTENCE_START = re.compile(r"(?:^|[.!?:;…\n\"“”‘’'«»(•*–-])\s*$")
# Nouns and adjectives end like this; names hardly ever do.
NOT_NAME_SUFFIXES = tuple(
    """
ing heid schap isch ische talig talige lijk lijke tie teit nummer lijn centrum dienst huis school
werking punt raad plan zorg hulp week dag avond groep uren aans aanse ees ese tje pje kje campus
""".split()
)
STREET_SUFFIXES = (
    "straat",
    "laan",
    "steenweg",
    "plein",
    "markt",
    "dreef",
    "kaai",
    "dijk",
    "singel",
    "gracht",
    "kade",
    "baan",
    "lei",
)
AGE_AFTER = re.compile(r"^\s*(?:\(\s*\d{1,2}\s*(?:j|jaar)?\s*[),]|,\s*\d{1,2}\s*(?:j\b|jaar))")


def _bare(word):
    return word.rstrip(".").strip("'’")


def _capitalised(word):
    return word[:1].isupper() and not word.isupper()


def _looks_like_a_thing(word):
    """CamelCase brands (TikTok, DrugLijn), compounds (WhatsApp-account), suffixes of nouns."""
    if any(ch.isupper() for ch in word[1:].replace("-", "")) and "-" not in word:
        return True
    if _possessive(word):
        return False
    parts = re.split(r"[-'’]", word)
    if len(parts) > 1 and (any(len(p) < 2 for p in parts) or any(not p[:1].isupper() for p in parts[1:])):
        return True
    lower = word.lower()
    if lower.endswith(STREET_SUFFIXES):
        return True
    return lower.endswith(NOT_NAME_SUFFIXES) and lower not in lexicon.FIRST_NAMES


def _known_name(lower):
    return lower in lexicon.FIRST_NAMES or lower in lexicon.SURNAMES


def _possessive(word):
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return None


class _Sentence:
    """Token access with context for the name rules."""

    def __init__(self, text):
        self.text = text
        self.tokens = list(TOKEN.finditer(text))

    def word(self, i):
        return _bare(self.tokens[i].group()) if 0 <= i < len(self.tokens) else ""

    def lower(self, i):
        return self.word(i).lower()

    def at_sentence_start(self, i):
        return bool(SENTENCE_START.search(self.text[: self.tokens[i].start()]))

    def ends_sentence(self, i):
        """A token with a full stop, unless it is an abbreviation of a title ("mevr.", "dhr.")."""
        return self.tokens[i].group().endswith(".") and self.lower(i) not in lexicon.TITLE_CUES

    def adjacent(self, i, j, allow=""):
        """Only spaces (and the characters in `allow`) between token i and token j = i + 1, and
        token i does not end a sentence."""
        if not (i >= 0 and j < len(self.tokens)) or self.ends_sentence(i):
            return False
        return not self.text[self.tokens[i].end() : self.tokens[j].start()].strip(" \t" + allow)

    def cue(self, i):
        """How a title or role precedes token i: "direct" ("juf Sandra"), "van" ("mama van
        Lotte"), "title" ("mevrouw van der Berg", "dhr. en mevr. De Smet") or None."""
        prev = self.lower(i - 1)
        if not self.adjacent(i - 1, i, allow="(:"):
            return None  # "juf Sandra", "Moeder (Hanne)", "Kind: Fleur"
        if prev in lexicon.TITLE_CUES:
            return "title"
        if prev in lexicon.NAME_CUES:
            return "direct"
        if prev == "van" and self.lower(i - 2) in lexicon.NAME_CUES and self.adjacent(i - 2, i - 1):
            return "van"
        if prev == "en" and self.lower(i - 2) in lexicon.TITLE_CUES:
            return "title"
        return None

    def after(self, i):
        return self.text[self.tokens[i].end() : self.tokens[i].end() + 20]


def _name_word(lower, word, cued=False):
    """Could this capitalised word be (part of) a name?"""
    not_names = lexicon.NOT_NAMES_AFTER_CUE if cued else lexicon.NOT_NAMES
    return lower not in not_names and lower not in lexicon.NAME_CUES and not _looks_like_a_thing(word)


def _starts_name(s, i, previous_name_end):
    word, lower = s.word(i), s.lower(i)
    cue = s.cue(i)
    if cue is None and s.lower(i - 1) == "en" and previous_name_end == i - 2 and s.adjacent(i - 1, i):
        cue = "van"  # "mama van Mees en Noor": the second name shares the first one's cue
    if len(word) < 2:
        return False
    possessive = _possessive(word)
    if possessive and s.lower(i + 1) in lexicon.NAME_CUES:
        return True  # "Kiara's papa"
    if lower in lexicon.PARTICLES:
        if cue == "title" or (_capitalised(word) and not s.at_sentence_start(i)):
            return _particle_run_then_name(s, i, cued=cue == "title")  # "mevrouw van der Berg"
        if _capitalised(word):  # at a sentence start only before a known surname
            return _particle_run_then_name(s, i, known=True)
        return False
    if cue:
        if lower in lexicon.FIRST_NAMES:
            return _capitalised(word) or cue == "van" or lower not in lexicon.AMBIGUOUS_FIRST_NAMES
        return _capitalised(word) and _name_word(lower, word, cued=True)
    if AGE_AFTER.match(s.after(i)) and (
        lower in lexicon.FIRST_NAMES
        or (_capitalised(word) and _name_word(lower, word) and not s.at_sentence_start(i))
    ):
        return True  # "Sam (15)", "Bloem, 8 jaar"
    if not _capitalised(word):
        # lowercase sloppy typing ("mama van lotte"); an all-caps word is an acronym ("FONS")
        return (
            word.islower()
            and lower in lexicon.FIRST_NAMES
            and lower not in lexicon.AMBIGUOUS_FIRST_NAMES
            and len(lower) >= 3
        )
    if s.at_sentence_start(i):
        if not _known_name(lower) or lower in lexicon.NOT_NAMES:
            return False
        if lower not in lexicon.AMBIGUOUS_FIRST_NAMES:
            return True
        nxt = s.lower(i + 1)
        return (
            nxt in lexicon.PERSON_VERBS
            or s.after(i)[:1] in (",", "(")
            or (nxt == "en" and _capitalised(s.word(i + 2)))
        )
    if s.lower(i - 1) in lexicon.NOT_NAME_CONTEXT:
        return False
    if re.search(r"[^aeiou]en$", lower) and lower not in lexicon.FIRST_NAMES:
        return False  # an infinitive or plural in a title ("Opvoeden"), unless after a cue
    return _name_word(lower, word)


def _particle_run_then_name(s, i, known=False, cued=False):
    j = i
    while s.lower(j) in lexicon.PARTICLES and s.adjacent(j, j + 1):
        j += 1
    word = s.word(j)
    if j == i or not _capitalised(word) or not _name_word(word.lower(), word, cued=cued):
        return False
    return not known or word.lower() in lexicon.SURNAMES


def find_names(text):
    s = _Sentence(text)
    names = []
    previous_name_end = -10
    i = 0
    while i < len(s.tokens):
        if not _starts_name(s, i, previous_name_end):
            i += 1
            continue
        start = s.tokens[i].start()
        word = s.tokens[i].group()
        possessive = _possessive(_bare(word))
        end = (
            s.tokens[i].start() + len(possessive)
            if possessive
            else s.tokens[i].start() + len(word.rstrip("."))
        )
        j = i + 1
        # Extend over the rest of the name: "Jan van der Berg", "Ayoub El Idrissi".
        while j < len(s.tokens) and not possessive and not s.ends_sentence(j - 1):
            if s.text[s.tokens[j - 1].end() : s.tokens[j].start()].strip():
                break
            w, lw = s.word(j), s.lower(j)
            if lw in lexicon.PARTICLES and _particle_run_then_name(s, j):
                k = j
                while s.lower(k) in lexicon.PARTICLES:
                    k += 1
                end, j = s.tokens[k].start() + len(s.word(k)), k + 1
                continue
            if _capitalised(w) and _name_word(lw, w) and not _possessive(w):
                end, j = s.tokens[j].start() + len(w), j + 1
                continue
            if _capitalised(w) and _possessive(w):
                end, j = s.tokens[j].start() + len(_possessive(w)), j + 1
            break
        names.append(("person_name", start, end))
        previous_name_end = j - 1
        i = j
    return names


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
