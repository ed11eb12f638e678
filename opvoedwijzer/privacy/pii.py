"""The PII guard: find personal data in a free text typed by staff or by the public.

`find_pii(text)` returns `Finding(kind, start, end, text)` for the kinds in `KINDS`. It is rules and
word lists only, no model: it starts in milliseconds and takes about a millisecond per note. The
detectors run from the most certain (an e-mail address, a number with a valid checksum) to the least
(a person's name); a later detector never claims text an earlier one found.
"""

import datetime
import functools
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
# A Discord tag: a user name, "#" and four digits ("shadowqueen#4471"); not "punt #1234", "C#2".
DISCORD_TAG = re.compile(r"(?<![\w#@.])(?=[\w.]*[A-Za-z])[A-Za-z0-9_.]{2,32}#\d{4}(?![\w#])")
# A user name without "@": with an underscore inside ("tibo_vanrompaey", "xX_Dark_Wolf_Xx") it is
# one wherever it stands (not a file name: "verslag_mei.pdf") …
UNDERSCORE_HANDLE = re.compile(
    r"(?<![\w@./-])[A-Za-z0-9][A-Za-z0-9.]*_[A-Za-z0-9_.]*[A-Za-z0-9](?![\w@]|\.\w)"
)
FILE_EXTENSIONS = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".jpg", ".jpeg", ".png", ".txt", ".csv")
# … and near the name of a platform or a word for a user name ("op Snapchat als 'ruben.vdb07'",
# "op Roblox onder de naam VinceGamer2013", "insta: lotte.xo", "gamertag DarkWolf") any word shaped
# like one: letters with digits or a dot inside.
HANDLE_CUE = re.compile(
    r"\b(?:insta(?:gram)?|ig|snap(?:chat)?|tik\s?tok|discord|youtube|yt|roblox|fortnite|minecraft|"
    r"twitch|steam|xbox|playstation|psn|telegram|whatsapp|facebook|fb|messenger|twitter|threads|"
    r"bereal|pinterest|reddit|tumblr|kik|signal|wattpad|spotify|yubo|omegle|valorant|brawl\s+stars|"
    r"clash\s+royale|among\s+us|gamertag|gebruikersnaam|username|accountnaam|account|profiel(?:naam)?|"
    r"kanaal|nickname|nick|schuilnaam|alias|bijnaam\s+online)\b",
    re.IGNORECASE,
)
# Right after these, the next word is the user name whatever it looks like ("gamertag wolfje",
# "insta: lottedans", "zijn snap is lotte").
HANDLE_NAMING = re.compile(
    r"\b(?:gamertag|gebruikersnaam|username|accountnaam|profielnaam|nickname|schuilnaam)"
    r"\s*(?:[:=]|\bis\b|\bwas\b)?\s*"
    r"|\b(?:insta(?:gram)?|ig|snap(?:chat)?|tik\s?tok|discord|youtube|roblox|fortnite|twitch|"
    r"telegram|account)\s*(?::|=|\bis\b|\bals\b|\bnaam\b)\s*",
    re.IGNORECASE,
)
HANDLE_WORD = re.compile(r"(?<![\w@./-])[A-Za-z0-9_][A-Za-z0-9_.]*[A-Za-z0-9_](?![\w@]|\.\w|-\w)")
DOMAIN_ENDINGS = re.compile(r"\.(?:be|nl|com|org|net|eu|fr|de|info|app|io|tv|gg)$", re.IGNORECASE)
IBAN = re.compile(
    r"\b(?:BE\s?\d{2}(?:\s?\d{4}){3}"
    r"|NL\s?\d{2}\s?[A-Z]{4}(?:\s?\d{4}){2}\s?\d{2}"
    r"|(?!BE|NL)[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?)\b",
    re.IGNORECASE,
)
# Belgian national register number: YY.MM.DD-XXX.CC in any punctuation ("79-12-03 391-08").
RRN = re.compile(r"(?<![\d.])\d{2}[./\s-]?\d{2}[./\s-]?\d{2}[-\s.]?\d{3}[.\s-]?\d{2}(?![\d])")
BSN = re.compile(r"(?<![\d.])(?:\d{9}|\d{4}\.\d{2}\.\d{3})(?![\d])")
# Any run of 8 to 11 digits in groups ("2345 67 890", "91021512345"): a national number when a
# word that names one stands before it ("BSN van zoon: …", "rrn vader: …"), checksum or not — a
# number with a typo still points at one person.
ID_DIGITS = re.compile(r"(?<![\d.,/])\d(?:[ ./-]?\d){7,10}(?![\d])")
ID_CUE = re.compile(
    r"\b(?:rijksregister\w*|rrn|insz(?:-?nummer)?|(?:nationaal|identificatie|persoons)nummer|"
    r"bsn|burgerservicenummer|sofi-?nummer)\b[^.!?\n]{0,60}$",
    re.IGNORECASE,
)
# The same for an IBAN of another country with a typo: "IBAN: …", "rekeningnummer …".
ACCOUNT_CUE = re.compile(
    r"\b(?:iban|rekening\w*|bankrekening\w*|terugbetal\w*|stort\w*|overschrijving\w*)\b"
    r"[^.!?\n]{0,40}$",
    re.IGNORECASE,
)
# Between two digits of a phone number: a space, a dot, a slash or a dash, with spaces around it
# ("0476 - 32 21 98", "06 - 4321 8765").
PHONE = re.compile(
    r"(?<![\w+./-])(?:(?:\+|00)\s?(?:32|31)[\s./-]?(?:\(0\)\s?)?|0)\d"
    r"(?:(?:\s?[./-]\s?|\s{1,2})?\d){6,9}(?![\w])"
)
# One digit too many (a typo) after a word that announces a phone number: still someone's number.
LONG_PHONE = re.compile(r"(?<![\w+./-])0\d(?:(?:\s?[./-]\s?|\s{1,2})?\d){9}(?![\w])")
PHONE_CUE = re.compile(
    r"\b(?:tel|telefoon\w*|gsm\w*|nummer|nr|mobiel|bel|bellen|bereikbaar)\b\W{0,4}(?:\w+\W+){0,3}$",
    re.IGNORECASE,
)
# An e-mail address said aloud or dodging filters: "piet punt peeters at gmail punt com",
# "lotte streepje 2012 apenstaartje telenet punt be", "jan.peeters (at) gmail (dot) com".
_SAID_DOT = r"\s*[(\[]?\s*(?:\.|\bpunt\b|\bdot\b|\bpoint\b)\s*[)\]]?\s*"
_SAID_JOIN = (
    r"(?:\s*[(\[]?\s*(?:[._-]|\bpunt\b|\bdot\b|\bpoint\b|\bstreepje\b|\bliggend\s+streepje\b|"
    r"\blaag\s+streepje\b|\bunderscore\b|\bkoppelteken\b|\bmin(?:teken)?\b|\bdash\b|"
    r"\bhyphen\b|\btiret\b)\s*[)\]]?\s*|\s+(?=\d))"
)
_SAID_AT = (
    r"\s*[(\[]?\s*(?:@|\bat\b|\bapenstaartje\b|\bapestaartje\b|\baapje\b|\bat-teken\b|"
    r"\bat\s+sign\b|\barobase\b|\barrobase\b)\s*[)\]]?\s*"
)
_SAID_TLD = r"(?:com|be|nl|net|org|eu|fr|de|info|biz|uk|co|io|me|edu|ma|tr|pl|ro|es|it|lu)"
SAID_EMAIL = re.compile(
    rf"(?<![\w@])[A-Za-z0-9]+(?:{_SAID_JOIN}[A-Za-z0-9]+){{0,5}}{_SAID_AT}"
    rf"[A-Za-z0-9-]+(?:{_SAID_DOT}[A-Za-z0-9-]+){{0,3}}?{_SAID_DOT}{_SAID_TLD}\b",
    re.IGNORECASE,
)
# Mail providers nobody mistakes for a word: "pietpeeters@gmail", "piet at telenet be".
_PROVIDERS = (
    r"(?:gmail|googlemail|hotmail|outlook|yahoo|icloud|telenet|skynet|proximus|scarlet|ziggo|"
    r"kpnmail|xs4all|hetnet|gmx|protonmail|msn)"
)
SAID_EMAIL_PROVIDER = re.compile(
    rf"(?<![\w@])[A-Za-z0-9]+(?:{_SAID_JOIN}[A-Za-z0-9]+){{0,5}}"
    rf"(?:{_SAID_AT}{_PROVIDERS}(?:(?:{_SAID_DOT}|\s+){_SAID_TLD}\b)?"
    rf"|\s+op\s+{_PROVIDERS}(?:{_SAID_DOT}|\s+){_SAID_TLD}\b)(?![\w@])",
    re.IGNORECASE,
)
# A quick look first: most texts have no "at" of any kind.
SAID_AT_ANYWHERE = re.compile(rf"@|\b(?:at|apen?staartje|aapje|arr?obase)\b|\bop\s+{_PROVIDERS}", re.I)
# Words and digits as people read a phone number out: "nul vier zeven vijf, twaalf vierendertig",
# "0475 twaalf 34 zesenvijftig", "nul vier zeven zeven dubbel twee ...".
SAID_NUMBER_TOKEN = re.compile(r"\+|\d+|[^\W\d_]+(?:-[^\W\d_]+)*")
SAID_NUMBER_GAP = re.compile(r"[\s,.;:/()–-]*")
# Between an organisation's name and its number: "CAW Limburg: 011 …", "het CLB (089 …)",
# "bel Child Focus op het nummer 116 000".
ORGANISATION_NUMBER_GAP = re.compile(
    r"(?:\s|[:(,–-]|\b(?:op|via|tel|tel\.|telefoon|telefoonnummer|nummer|nr|nr\.|het|is|bellen|"
    r"bereikbaar|gratis|tijdens|de|kantooruren)\b)*",
    re.IGNORECASE,
)
# Numbers of companies and services, never of a person: Belgian 0800 (free), 070 and 078 (one
# rate, 9 digits), 090x (paid); Dutch 0800, 090x and 088 (companies, 10 digits).
SERVICE_NUMBER = re.compile(r"0800\d*|090\d*|07[08]\d{6}|088\d{7}")
MONTHS = (
    r"januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
    r"december|jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
)
DATES = [
    re.compile(r"(?<![\d/.-])(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?(\d{4}|\d{2})(?![\d/-]|\.\d)"),
    re.compile(r"(?<![\d/.-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d/-]|\.\d)"),
    re.compile(rf"\b(\d{{1,2}})(?:ste|de|e)?\s+(?:{MONTHS})\.?\s+(\d{{4}})\b", re.IGNORECASE),
    # the day in words: "de twintigste van mei 2018", "drie maart 2019"
    re.compile(rf"\b(?:{lexicon.DAY_WORDS})(?:\s+van)?\s+(?:{MONTHS})\.?\s+(\d{{4}})\b", re.IGNORECASE),
]
# With a word about birth before it, a month and a year are a date of birth too: "geboren in mei
# 2018", "° maart 2019".
BORN_IN = re.compile(r"(?:geboren|geb\.?|°)\s*(?:in|op)?\s*$", re.IGNORECASE)
MONTH_YEAR = re.compile(rf"\b(?:{MONTHS})\.?\s+(?:19|20)\d\d\b", re.IGNORECASE)
# The year in words: "negen januari tweeduizend achttien", "twaalf maart tweeduizend zeventien",
# "vijf november negentienhonderd vierentachtig", "geboren in maart tweeduizend twintig". The
# words after the year's head are read by lexicon.YEAR_WORDS.
YEAR_SAID = r"(?:tweeduizend|negentienhonderd|negentien|twintig)(?:\s+en\s+[a-zë]+|\s+[a-zë]+|[a-zë]+)?"
YEAR_SAID_ANYWHERE = re.compile(r"tweeduizend|negentien|twintig", re.IGNORECASE)
DATE_YEAR_SAID = re.compile(
    rf"\b(?:\d{{1,2}}(?:ste|de|e)?|{lexicon.DAY_WORDS})(?:\s+van)?\s+(?:{MONTHS})\.?,?\s+({YEAR_SAID})\b",
    re.IGNORECASE,
)
MONTH_YEAR_SAID = re.compile(rf"\b(?:{MONTHS})\.?,?\s+({YEAR_SAID})\b", re.IGNORECASE)
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
# "12", "12a", "5-7" (a range), "45 bus 2", "5-7, appartement 2B"
HOUSE_NUMBER = (
    r"\d{1,4}(?:\s?[a-zA-Z](?![a-zA-Z]))?(?:-\d{1,4}[a-zA-Z]?)?"
    r"(?:\s*(?:bus|b\.|bte|/)\s*\d{1,4}[a-zA-Z]?"
    r"|,?\s*(?:appartement|app\.|apt\.?)\s*(?:\d{1,4}[a-zA-Z]?|[a-zA-Z]\d{0,3})\b)?"
)
# Adjectives that start a street's name: "grote markt 3", "oude vest 12", typed in lowercase.
STREET_ADJECTIVES = r"grote|kleine|oude|nieuwe|korte|lange|hoge|lage|brede|smalle|groene|verloren"
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
    # grote markt, oude vest: an adjective and a street word, in any case
    rf"|(?i:(?:{STREET_ADJECTIVES})\s+[a-zà-ÿ'-]*(?:{WEAK_STREET}|{STRONG_STREET}))"
    # Laan van Meerdervoort, Plein 1944: a street word first
    rf"|{STREET_WORDS_FIRST}\s+"
    r"(?:(?:van|de|der|den|het|ter|ten|naar|du|des|la|le|l')\s*)*[A-Z][\w'-]+"
    rf")\s+({HOUSE_NUMBER})(?![\w/.,-]\d)"
)

# A name, a house number and "bus" make an address even without a street's ending: "Vlaszak 8 bus
# 0102", "in de Eikenlo 12 bus 3" (Flemish addresses give the apartment as "bus").
BUS_STREET = re.compile(
    r"(?<![\w-])((?:[A-Z][\w'-]+\s+){0,2}[A-Z][a-zà-ÿ'-]{2,})\s+(\d{1,4}[a-zA-Z]?)"
    r"\s*,?\s*(?:bus|bte)\s*\d{1,4}[a-zA-Z]?(?![\w/.,-]\d)"
)

# After a word about where someone lives, a lowercase street with a weak ending is one too:
# "adres: molenweg 3", "woont nu in de kerkhof 2".
CUED_STREET = re.compile(
    rf"\b(?:adres\w*|woont|wonen|woonde|woonachtig|verhuisd|verhuist|verhuizen)\b[^.\n]{{0,25}}?"
    rf"(?<![\w-])([a-zà-ÿ'-]{{3,}}(?:{WEAK_STREET}))\s+({HOUSE_NUMBER})(?![\w/.,-]\d)",
    re.IGNORECASE,
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


def _as_dialled(numbers):
    allowed = set()
    for number in numbers:
        national = _national_phone(_digits(number), number)
        allowed.add(national or _digits(number))
    return allowed


HELPLINE_PHONES = frozenset(_as_dialled(lexicon.HELPLINE_NUMBERS))


class AllowList(frozenset):
    """Phone numbers that are no personal data, as dialled at home; `organisations` holds the names
    on the same social maps (an `Organisations` vocabulary, or None)."""

    organisations = None


def _allowed_phones(extra=()):
    """Phone numbers that are no personal data: the helplines in data/organisations.txt, the
    settings' list, and `extra` (the numbers on the social map, see
    `socialmap.selectors.public_phone_numbers`), as dialled at home. When `extra` carries the names
    on that map (its `names`), they come along as the allow-list's `organisations`: the guard takes
    them for no person either."""
    allowed = AllowList(HELPLINE_PHONES | _as_dialled([*settings.PII_ALLOWED_PHONE_NUMBERS, *extra]))
    names = getattr(extra, "names", None)
    if names:
        allowed.organisations = _social_map_organisations(frozenset(names))
    return allowed


def _personal_phone(national, allowed_phones):
    return (
        national not in allowed_phones
        and national not in HELPLINE_PHONES
        and not SERVICE_NUMBER.fullmatch(national)
    )


def _looks_like_date(raw):
    return bool(
        re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", raw.strip())
        or re.match(r"[0-2]?\d[.:][0-5]\d\s*-\s*[0-2]?\d[.:][0-5]\d", raw.strip())  # "09.30 - 10.30"
    )


def _date_year(match):
    groups = [g for g in match.groups() if g]
    year = next((int(g) for g in groups if len(g) == 4), None)
    return year


def _said_year(text, match):
    """(year, end) of the year said in words in the match's group 1 ("tweeduizend en twaalf" →
    2012), or None. A bare "tweeduizend" is a year only before a full stop or a small word, not
    before "euro" or "kilometer"."""
    said = " ".join(match.group(1).lower().split())
    if said in lexicon.YEAR_WORDS:
        return lexicon.YEAR_WORDS[said], match.end(1)
    head = re.match(r"tweeduizend|negentienhonderd", said)
    if not head:
        return None
    end = match.start(1) + head.end()
    following = re.match(r"\s*(\w*)", text[end:]).group(1).lower()
    if following and following not in lexicon.COMMON_WORDS:
        return None
    return lexicon.YEAR_WORDS.get(head.group(), 1900), end


def _said_numbers(text, allowed_phones):
    """Phone numbers read out in words, or in words and digits: (start, end) of each. A run starts
    with nul/zero/0 (or plus/+ and a country code) and makes 9 or 10 digits."""
    tokens = [(m.start(), m.end(), m.group().lower()) for m in SAID_NUMBER_TOKEN.finditer(text)]
    found, i = [], 0
    while i < len(tokens):
        word = tokens[i][2]
        if word.split("-")[0] in ("nul", "zero", "zéro", "plus", "+") or word.startswith("0"):
            end, national = _said_number_at(text, tokens, i)
            if end is not None and _personal_phone(national, allowed_phones):
                found.append((tokens[i][0], end))
                while i < len(tokens) and tokens[i][0] < end:
                    i += 1
                continue
        i += 1
    return found


def _said_number_at(text, tokens, i):
    """From token i on: the end of the longest run of number words and digits that is a Belgian or
    Dutch phone number, with at least one word in it, and the number as dialled at home."""
    international = tokens[i][2] in ("+", "plus")
    digits, words, single, repeat, best = "", 0, 0, 1, (None, None)
    j = i + 1 if international else i
    while j < len(tokens):
        start, end, word = tokens[j]
        if j > i and not SAID_NUMBER_GAP.fullmatch(text, tokens[j - 1][1], start):
            break
        if word in lexicon.REPEAT_WORDS:  # "dubbel vijf"
            repeat, words, j = lexicon.REPEAT_WORDS[word], words + 1, j + 1
            continue
        if word == "en" and j + 1 < len(tokens) and digits:
            tens = lexicon.NUMBER_WORDS.get(tokens[j + 1][2], "")
            if not tens and not tokens[j + 1][2].isdigit():
                break
            if len(tens) == 2 and tens.endswith("0") and digits[-1:] in tuple("123456789"):
                digits = digits[:-1] + tens[0] + digits[-1]  # "vier en dertig" = 34
                words, j = words + 2, j + 2
                end = tokens[j - 1][1]
            else:
                j += 1  # "… vierendertig en zesenvijftig"
                continue
        elif word.isdigit() or word in lexicon.NUMBER_WORDS or _hyphenated_number(word):
            value = word if word.isdigit() else lexicon.NUMBER_WORDS.get(word) or _hyphenated_number(word)
            words += not word.isdigit()
            following = ""
            if (
                value.endswith("00")
                and j + 1 < len(tokens)
                and SAID_NUMBER_GAP.fullmatch(text, end, tokens[j + 1][0])
            ):
                following = lexicon.NUMBER_WORDS.get(tokens[j + 1][2], "")
            if len(following) in (1, 2) and following != "0":
                value = str(int(value) + int(following))  # "vierhonderd vijfenzeventig" = 475
                words, j, end = words + 1, j + 1, tokens[j + 1][1]
            single += len(word) == 1
            digits, repeat, j = digits + value * repeat, 1, j + 1
        else:
            break
        if len(digits) > 12:
            break
        national = _said_national(digits, international)
        if national and (words or single * 2 >= j - i):  # or digits one by one: "0 4 7 2 - 1 2 …"
            best = (end, national)
    return best


def _hyphenated_number(word):
    """ "nul-vier-zeven-vijf" → "0475"; "" when a part is no number word."""
    parts = word.split("-")
    if len(parts) < 2 or not all(p in lexicon.NUMBER_WORDS for p in parts):
        return ""
    return "".join(lexicon.NUMBER_WORDS[p] for p in parts)


def _said_national(digits, international):
    """The number as dialled at home, or None when `digits` are no Belgian or Dutch number."""
    if international:
        if digits[:2] not in ("32", "31"):
            return None
        rest = digits[2:].removeprefix("0")
        return "0" + rest if len(rest) in (8, 9) else None
    return digits if digits[:1] == "0" and len(digits) in (9, 10) else None


def _handle_shaped(word):
    """Is this word shaped like a user name: letters and digits ("VinceGamer2013", "lars.skt8"),
    a dot between letters ("ruben.vdb")? Not a time or an ordinal ("14u30", "3de"), an acronym
    ("FIFA23"), a domain ("awel.be") or a brand."""
    letters = sum(ch.isalpha() for ch in word)
    if not word[:1].isalpha() or letters < 3 or DOMAIN_ENDINGS.search(word):
        return False
    if word.lower() in lexicon.NOT_NAMES or word.lower() in lexicon.COMMON_WORDS:
        return False
    if not any(ch.islower() for ch in word):
        return False
    has_digit = any(ch.isdigit() for ch in word)
    dotted = bool(re.search(r"[A-Za-z0-9]\.[A-Za-z0-9]", word))
    return has_digit or dotted or "_" in word


def _handles_without_at(text):
    """User names written without "@": (start, end) of each."""
    found = [
        (m.start(), m.end())
        for m in UNDERSCORE_HANDLE.finditer(text)
        if not m.group().lower().endswith(FILE_EXTENSIONS) and any(ch.isalpha() for ch in m.group())
    ]
    for cue in HANDLE_CUE.finditer(text):
        start = max(0, cue.start() - 40)
        end = min(len(text), cue.end() + 60)
        for m in HANDLE_WORD.finditer(text, start, end):
            if _handle_shaped(m.group()) and not HANDLE_CUE.fullmatch(m.group()):
                found.append((m.start(), m.end()))
    for cue in HANDLE_NAMING.finditer(text):
        m = HANDLE_WORD.match(text, cue.end() + (text[cue.end() : cue.end() + 1] in "'\"‘“("))
        if (
            m
            and len(m.group()) >= 3
            and not m.group().isdigit()
            and m.group().lower() not in lexicon.COMMON_WORDS
            and not HANDLE_CUE.fullmatch(m.group())
        ):
            found.append((m.start(), m.end()))
    return found


def _service_line(text, start, organisation_ends):
    """Does the number at `start` follow an organisation's name ("CLB Genk: 089 …", "bel het
    Kinderrechtencommissariaat op 02 …")? Then it is the organisation's number."""
    return any(
        0 <= start - end <= 40 and ORGANISATION_NUMBER_GAP.fullmatch(text, end, start)
        for end in organisation_ends
    )


def find_numbers(text, allowed_phones, organisation_ends=()):
    found = []
    for m in EMAIL.finditer(text):
        found.append(("email", m.start(), m.end()))
    for m in IBAN.finditer(text):
        # a Belgian or Dutch account number is known by its shape alone, a typo and all; another
        # country's by its checksum or a word such as "IBAN" before it
        if (
            _iban_valid(m.group())
            or m.group()[:2].upper() in ("BE", "NL")
            or ACCOUNT_CUE.search(text, max(0, m.start() - 60), m.start())
        ):
            found.append(("iban", m.start(), m.end()))
    for m in RRN.finditer(text):
        if _rrn_valid(_digits(m.group())):
            found.append(("national_id", m.start(), m.end()))
    for m in ID_DIGITS.finditer(text):
        if len(_digits(m.group())) in (9, 11) and ID_CUE.search(text, max(0, m.start() - 80), m.start()):
            found.append(("national_id", m.start(), m.end()))
    for m in PHONE.finditer(text):
        raw = m.group()
        national = _national_phone(_digits(raw), raw)
        if (
            national
            and _personal_phone(national, allowed_phones)
            and not _looks_like_date(raw)
            and not (national[:2] not in ("04", "06") and _service_line(text, m.start(), organisation_ends))
        ):
            found.append(("phone", m.start(), m.end()))
    for m in LONG_PHONE.finditer(text):
        if PHONE_CUE.search(text, max(0, m.start() - 40), m.start()) and not _service_line(
            text, m.start(), organisation_ends
        ):
            found.append(("phone", m.start(), m.end()))
    found.extend(("phone", start, end) for start, end in _said_numbers(text, allowed_phones))
    said, windows = set(), []
    for at in SAID_AT_ANYWHERE.finditer(text):  # only around an "at" of some kind
        start, end = max(0, at.start() - 80), min(len(text), at.end() + 60)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    for window in windows:
        for pattern in (SAID_EMAIL, SAID_EMAIL_PROVIDER):
            said.update(("email", m.start(), m.end()) for m in pattern.finditer(text, *window))
    found.extend(sorted(said))
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
    for m in MONTH_YEAR.finditer(text):
        if BORN_IN.search(text, max(0, m.start() - 20), m.start()):
            found.append(("date_of_birth", m.start(), m.end()))
    if YEAR_SAID_ANYWHERE.search(text):
        for m in DATE_YEAR_SAID.finditer(text):
            said = _said_year(text, m)
            cue = said and BIRTH_CUE.search(text[max(0, m.start() - 40) : m.start()])
            if said and (cue or 1900 <= said[0] < this_year):
                found.append(("date_of_birth", m.start(), said[1]))
        for m in MONTH_YEAR_SAID.finditer(text):
            said = _said_year(text, m)
            if said and BORN_IN.search(text, max(0, m.start() - 20), m.start()):
                found.append(("date_of_birth", m.start(), said[1]))
    if "#" in text:
        found.extend(("online_handle", m.start(), m.end()) for m in DISCORD_TAG.finditer(text))
    for m in HANDLE.finditer(text):
        found.append(("online_handle", m.start(), m.end()))
    found.extend(("online_handle", start, end) for start, end in _handles_without_at(text))
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
    for m in CUED_STREET.finditer(text):
        if not NOT_A_HOUSE_NUMBER.match(text[m.end(2) :]):
            found.append(("street_address", m.start(1), m.end()))
    if "bus" in text or "bte" in text:
        for m in BUS_STREET.finditer(text):
            if m.group(1).split()[-1].lower() not in lexicon.THINGS:  # not "Lijn 8 bus 12"
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


# Long surnames start like this ("Vandenbroucke", "Verstraelen", "Dewolf"); other long words
# are compound nouns.
LONG_SURNAME_STARTS = ("van", "ver", "de", "ter", "ten", "le", "la", "el", "ben", "abd", "ab")


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
    if (
        len(parts) == 1
        and not lower.startswith(LONG_SURNAME_STARTS)
        and lower not in lexicon.SURNAMES
        and lower not in lexicon.FIRST_NAMES
        and any(lower.endswith(noun) and len(lower) > len(noun) + 2 for noun in _LONG_ORGANISATION_NOUNS)
    ):
        return True  # a compound of a noun services are named after: "Kinderkompas", "Jeugdbrug"
    if len(parts) == 1 and len(lower) >= 13 and not lower.startswith(LONG_SURNAME_STARTS):
        return lower not in lexicon.SURNAMES  # a compound noun: "Kinderpsychiatrie", "Jeugdconsulent"
    return (
        lower.endswith(NOT_NAME_SUFFIXES) or lower.endswith(lexicon.ORGANISATION_SUFFIXES)
    ) and lower not in lexicon.FIRST_NAMES


_LONG_ORGANISATION_NOUNS = tuple(n for n in lexicon.ORGANISATION_NOUNS if len(n) >= 4 and " " not in n)


def _known_name(lower):
    return lower in lexicon.FIRST_NAMES or lower in lexicon.SURNAMES


def _possessive(word):
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return None


# ---------------------------------------------------------------------------------------------
# Organisations: services, schools and helplines are no people ("naar Tejo", "via Babel",
# "basisschool De Klimop", "het Sint-Jozefcollege", "De Kiem vzw").


def _words_of(name):
    return tuple(_bare(m.group()).lower() for m in TOKEN.finditer(name))


def _by_first_word(entries):
    index = {}
    for words, capitals in entries:
        index.setdefault(words[0], []).append((words, capitals))
    return index


class Organisations:
    """A vocabulary of organisation names, built once per list of names: one-word names that are
    no known first name or surname (`words`: always an organisation), one-word names that are
    (`context_words`: an organisation after "naar", "bij", "via", "het" …), and names of several
    words, matched word by word (`phrases`: first word → the names' words, longest first). With
    `split` (a social map's names), the capitalised words of a longer name that are no known
    first name, surname or common word count on their own too ("Stevig" of "Stevig vzw")."""

    # With `runs_on` (programmes), the capitalised words right after a name belong to it: "Triple P
    # Tieners", "Triple P Online".
    runs_on = False

    def __init__(self, names, split=False, runs_on=False):
        self.runs_on = runs_on
        self.words, self.context_words, self.phrases = set(), set(), {}
        for name in names:
            words = _words_of(name)
            if len(words) == 1:
                (self.context_words if _known_name(words[0]) else self.words).add(words[0])
            elif words:
                self.phrases.setdefault(words[0], set()).add(words)
            if split and len(words) > 1:
                # a social map's "Stevig vzw": "Stevig" alone names it too in that service's notes
                self.words.update(
                    _bare(m.group()).lower()
                    for m in TOKEN.finditer(name)
                    if m.group()[:1].isupper()
                    and len(m.group()) > 2
                    and not _known_name(_bare(m.group()).lower())
                    and _bare(m.group()).lower() not in lexicon.COMMON_WORDS
                )
        self.phrases = {first: sorted(names, key=len, reverse=True) for first, names in self.phrases.items()}

    def phrase_at(self, s, i):
        """How many tokens from token i on spell one of the names (0: none)."""
        for words in self.phrases.get(s.lower(i), ()):
            k = len(words)
            if all(s.lower(i + n) == words[n] for n in range(1, k)) and all(
                ORGANISATION_GAP.fullmatch(s.text, s.tokens[i + n].end(), s.tokens[i + n + 1].start())
                for n in range(k - 1)
            ):
                return k
        return 0


# What may stand between the words of one name: "Jeugdfonds Sport & Cultuur", "GO! atheneum".
ORGANISATION_GAP = re.compile(r"[ \t&+/'’!-]*")
# Before a known organisation that is also a first name: "naar Stijn" is the service there.
ORGANISATION_CONTEXT = {"naar", "bij", "via", "het", "t", "de", "door", "aan", "vzw"}
# Before "De Katrol", "De Sleutel": a place or service, not a person.
PLACE_PREPOSITIONS = {"bij", "naar", "via", "in", "op", "aan", "door", "uit", "voor", "tot", "vanuit"}
# Words that join the words of a school's name: "basisschool Sint-Jan", "VBS De Klimop".
NAME_JOINERS = {"de", "het", "t", "den", "ter", "ten", "sint", "sinte", "heilig", "onze", "lieve"}
SAINTS = ("sint-", "sinte-", "heilig-", "onze-lieve-")
DEFAULT_ORGANISATIONS = Organisations(lexicon.ORGANISATION_NAMES)
PROGRAMMES = Organisations(lexicon.PROGRAMME_NAMES, runs_on=True)
# Lowercase words that are an organisation or a kind of one ("vbs", "vzw", "tejo"): no names.
ORGANISATION_WORDS = (
    DEFAULT_ORGANISATIONS.words
    | PROGRAMMES.words
    | {w.lower() for w in lexicon.ORGANISATION_WORDS_BEFORE | lexicon.ORGANISATION_WORDS_AFTER}
)
_BEFORE = _by_first_word((_words_of(w), w.isupper()) for w in lexicon.ORGANISATION_WORDS_BEFORE)
_AFTER = {w.lower(): w.isupper() for w in lexicon.ORGANISATION_WORDS_AFTER}
_NOUNS = _by_first_word((_words_of(w), False) for w in lexicon.ORGANISATION_NOUNS)


@functools.lru_cache(maxsize=64)
def _social_map_organisations(names):
    """The vocabulary of one social map's names (a frozenset), built once per map."""
    return Organisations(names, split=True)


def _match_words(s, i, entries):
    """The length of the longest entry (words, capitals only) that starts at token i, or 0;
    `entries`: by first word (`_by_first_word`)."""
    best = 0
    for words, capitals in entries.get(s.lower(i), ()):
        k = len(words)
        if k <= best or s.lower(i) != words[0]:
            continue
        if capitals and not s.word(i).isupper():
            continue
        if all(s.lower(i + n) == words[n] and s.adjacent(i + n - 1, i + n) for n in range(1, k)):
            best = k
    return best


def _named_run(s, j, limit=4):
    """The tokens from j on that name a school or service after its kind ("De Klimop",
    "Sint-Jan", "Het Kompas", "Rotterdam-Zuid"): capitals and the small words that join them."""
    run, purpose = [], False  # "Academie voor Muziek, Woord en Dans"
    while j < len(s.tokens) and len(run) < limit + 3 * purpose:
        if not s.adjacent(j - 1, j, allow="!," if purpose else "!"):
            break
        word, lower = s.word(j), s.lower(j)
        if lower == "voor" and s.word(j + 1)[:1].isupper() and not purpose:
            purpose = True
        elif not (lower in NAME_JOINERS or word[:1].isupper() or (purpose and lower == "en")):
            break
        run.append(j)
        j += 1
    while run and (s.lower(run[-1]) in NAME_JOINERS or s.lower(run[-1]) in ("voor", "en")):
        run.pop()
    if len(run) == 1 and s.lower(run[0]) in lexicon.FIRST_NAMES:
        return []  # "school Lotte": no school is called after a child
    return run


def _surname_particle(s, i):
    """Does the particle at token i follow a first name, an initial, a title, a role or another
    particle ("Anouk de Vries", "A. de Groot", "mevrouw de Smet", "van de Velde")?"""
    before = s.word(i - 1)
    if not before or (not s.adjacent(i - 1, i) and not s.tokens[i - 1].group().endswith(".")):
        return False
    lower = before.lower()
    return (
        before[:1].isupper()
        or lower in lexicon.PARTICLES
        or lower in lexicon.TITLE_CUES
        or lower in lexicon.NAME_CUES
        or lower in lexicon.FIRST_NAMES
    )


def _words_that_follow(s, j, limit=3):
    """The capitalised words from token j on that are no first name we know: the rest of a
    programme's name ("Triple P Online", "Triple P Stepping Stones")."""
    run = []
    while (
        j < len(s.tokens)
        and len(run) < limit
        and s.adjacent(j - 1, j)
        and _capitalised(s.word(j))
        and s.lower(j) not in lexicon.FIRST_NAMES
        and s.lower(j) not in lexicon.NAME_CUES
    ):
        run.append(j)
        j += 1
    return run


# Between a word such as "cursus" and the title it names: a space, maybe a quote.
COURSE_TITLE_GAP = re.compile(r"[ \t]*['\"‘“«]?[ \t]*")


def _course_title(s, j):
    """The tokens from j on that are a title after a word such as "cursus", "training",
    "programma", "methode", "reeks" (token j - 1): at least two words in capitals with the small
    words that join them ("Rots en Water", "Kies voor Rust", "Signs of Safety"), none of them a
    first name we know ("de cursus van Lotte", "workshop: Lotte Peeters" stay people)."""
    if j >= len(s.tokens) or s.ends_sentence(j - 1):
        return []
    if not COURSE_TITLE_GAP.fullmatch(s.text, s.tokens[j - 1].end(), s.tokens[j].start()):
        return []
    run, capitals, last = [], 0, 0
    while j < len(s.tokens) and len(run) < 7:
        if run and not s.adjacent(j - 1, j, allow="&"):
            break
        word, lower = s.word(j), s.lower(j)
        if word[:1].isupper():
            if (lower in lexicon.FIRST_NAMES and lower not in lexicon.AMBIGUOUS_FIRST_NAMES) or (
                lower in lexicon.SURNAMES or lower in lexicon.NAME_CUES or lower in lexicon.TITLE_CUES
            ):
                return []
            run.append(j)
            capitals, last = capitals + 1, len(run)
        elif run and lower in lexicon.TITLE_JOINERS:
            run.append(j)
        else:
            break
        j += 1
    return run[:last] if capitals >= 2 else []


def _royal(s, i):
    """The tokens of a royal's name or of what is named after one, from a capitalised royal title
    at token i: the title, a royal's name ("Koningin Fabiola", "Koning Filip") or up to two words
    in capitals before an institution noun ("Koningin Paola Kinderziekenhuis", "Prinses Máxima
    Centrum"). Not a surname: "De Koning", "Lotte Prins"."""
    before = s.lower(i - 1)
    if s.adjacent(i - 1, i) and (
        (before in lexicon.PARTICLES and before not in ("het", "t"))
        or (_capitalised(s.word(i - 1)) and not s.at_sentence_start(i - 1) and before not in ("het", "t"))
        or before in lexicon.FIRST_NAMES
    ):
        return []
    j = i + 1
    while j < len(s.tokens) and j <= i + 3 and s.adjacent(j - 1, j) and s.word(j)[:1].isupper():
        if j > i + 1 and s.lower(j).endswith(lexicon.INSTITUTION_NOUNS):
            return list(range(i, j + 1))
        j += 1
    if j > i + 1 and s.adjacent(j - 1, j) and s.lower(j).endswith(lexicon.INSTITUTION_NOUNS):
        return list(range(i, j + 1))  # "Koningin Paola kinderziekenhuis"
    if s.lower(i + 1) in lexicon.ROYAL_NAMES and s.adjacent(i, i + 1) and _capitalised(s.word(i + 1)):
        return [i, i + 1]
    return []


def _organisation_tokens(s, vocabularies):
    """The indices of the tokens that belong to the name of an organisation, a school or a
    service: the names person rules must leave alone."""
    marked = set()
    for i in range(len(s.tokens)):
        word, lower = s.word(i), s.lower(i)
        for vocabulary in vocabularies:
            k = vocabulary.phrase_at(s, i)
            if not k and lower in vocabulary.words and s.cue(i) is None:
                k = 1  # "naar Tejo", but "mevrouw Babel" is someone
            elif not k and lower in vocabulary.context_words and s.lower(i - 1) in ORGANISATION_CONTEXT:
                k = 1
            if k:
                marked.update(range(i, i + k))
                if vocabulary.runs_on:
                    marked.update(_words_that_follow(s, i + k))  # "Triple P Tieners"
        if lower.endswith(lexicon.COURSE_WORDS):
            marked.update(_course_title(s, i + 1))  # "de cursus Rots en Water"
        if lower in lexicon.ROYAL_TITLES and _capitalised(word):
            marked.update(_royal(s, i))  # "Koningin Paola Kinderziekenhuis", "Koningin Fabiola"
        k = _match_words(s, i, _BEFORE)
        if k:  # "basisschool De Klimop", "VBS Sint-Jan", "GO! atheneum Hasselt"
            run = _named_run(s, i + k)
            if run:
                marked.update(range(i, run[-1] + 1))
        if lower in _AFTER and (not _AFTER[lower] or word.isupper()) and i:
            run, j = [], i - 1  # "De Kiem vzw", "Sint-Jozef College"
            while j >= 0 and len(run) < 3 and s.adjacent(j, j + 1) and s.word(j)[:1].isupper():
                run.append(j)
                j -= 1
            if run and s.lower(j) in NAME_JOINERS and s.adjacent(j, j + 1):
                run.append(j)
            if run:
                marked.update(run)
                marked.add(i)
        if word[:1].isupper() and s.adjacent(i - 1, i) and s.lower(i - 2) not in lexicon.TITLE_CUES:
            before = s.lower(i - 1)
            if before in ("het", "t") and s.cue(i - 1) is None:
                marked.add(i)  # "het Sint-Jozefcollege", "'t Kapoentje", "het Rode Kruis"
                j = i + 1
                while j < min(len(s.tokens), i + 4) and s.adjacent(j - 1, j) and s.word(j)[:1].isupper():
                    marked.add(j)
                    j += 1
            elif (
                s.word(i - 1) == "De"
                and s.lower(i - 2) in PLACE_PREPOSITIONS
                and s.adjacent(i - 2, i - 1)
                and not _known_name(lower)
                and lower not in lexicon.DE_SURNAMES
            ):
                # "bij De Katrol", "naar De Sleutel": after "bij", "naar", … a "De" with a word
                # that is no known surname names a place or service ("met De Vuyst" stays a person)
                j = i
                while j < min(len(s.tokens), i + 4) and s.adjacent(j - 1, j) and s.word(j)[:1].isupper():
                    marked.add(j)
                    j += 1
                marked.add(i - 1)
            elif before == "de" and s.word(i - 2) != "Van":
                k = _match_words(s, i, _NOUNS)
                if k:  # "De Klimop", "de Kleine Prins"; not "De Vos", not "Van de Poort"
                    marked.update(range(i - 1, i + k))
                elif s.word(i - 1) == "de" and not _surname_particle(s, i - 1):
                    # "naar de Chiro", "de Warmste Week": a surname is written "De Vries" when
                    # it stands alone, "de Vries" only after a first name or a title
                    j = i
                    while j < min(len(s.tokens), i + 4) and s.adjacent(j - 1, j) and s.word(j)[:1].isupper():
                        marked.add(j)
                        j += 1
        if (
            word[:1].isupper()
            and not _known_name(lower)
            and lower not in lexicon.PARTICLES
            and s.lower(i + 1) in lexicon.PLACES
            and s.adjacent(i, i + 1)
            and s.cue(i) is None
            and not s.at_sentence_start(i)
        ):
            marked.update((i, i + 1))  # "Rondpunt Genk", "Tejo Hasselt": a service and its place
        saint = lower in ("sint", "sinte", "heilig", "heilige") and s.adjacent(i, i + 1)
        if lower.startswith(SAINTS) or (saint and s.word(i + 1)[:1].isupper()):
            marked.add(i)  # "Sint-Jan Berchmans", "Sint Jozef", "Heilig Hart"
            j = i + 1
            while j < min(len(s.tokens), i + 4) and s.adjacent(j - 1, j) and s.word(j)[:1].isupper():
                if not (saint and j == i + 1) and s.lower(j) in lexicon.FIRST_NAMES:
                    break  # "in Sint-Truiden Lotte …"
                marked.add(j)
                j += 1
    return marked


# Who "heet" or "noemt" is said of: "mijn dochter heet kiki", "ze heet kiki" (not "het heet …").
NAMED_ONES = (lexicon.NAME_CUES - {"naam", "voornaam", "achternaam", "heet", "noemt", "genaamd"}) | {
    "hij",
    "ze",
    "zij",
    "die",
}
INTRO_LAST_WORDS = {cue[-1] for cue in lexicon.INTRO_CUES | lexicon.WEAK_INTRO_CUES}


class _Sentence:
    """Token access with context for the name rules."""

    organisations = frozenset()  # the indices of tokens that name an organisation
    not_people = frozenset()  # the indices of tokens of a character, a show or a saying

    def __init__(self, text):
        self.text = text
        self.tokens = list(TOKEN.finditer(text))
        self.words = [_bare(t.group()) for t in self.tokens]
        self.lowers = [w.lower() for w in self.words]

    def word(self, i):
        return self.words[i] if 0 <= i < len(self.words) else ""

    def lower(self, i):
        return self.lowers[i] if 0 <= i < len(self.lowers) else ""

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
        if not self.adjacent(i - 1, i, allow="(:") or i - 1 in self.organisations:
            return None  # "juf Sandra", "Moeder (Hanne)", "Kind: Fleur"; not "Kind en Gezin"
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

    def _opens_a_call(self, i):
        """Does "met" before token i open a phone call ("Goeiedag, met Els Vermeulen", "Met els,
        …"), unlike "met de school", "met roos en bloemen"?"""
        if self.lower(i - 2) in lexicon.GREETINGS:
            return True
        clause_start = self.at_sentence_start(i - 1) or self.text[
            : self.tokens[i - 1].start()
        ].rstrip().endswith(",")
        return clause_start and (self.after(i)[:1] in (",", ".", "") or _surname_follows(self, i))

    def intro(self, i):
        """How someone says token i is their name: "strong" ("mijn naam is jan", "ik heet kiki",
        "naam: kiki"), "weak" ("ik ben sofie", "dit is karin", "goeiedag, met els") or None."""
        if self.lower(i - 1) not in INTRO_LAST_WORDS:
            return None
        for n in (3, 2, 1):
            words = tuple(self.lower(k) for k in range(i - n, i)) if i >= n else ()
            if not words or not all(self.adjacent(k, k + 1, allow=":") for k in range(i - n, i)):
                continue
            gap = self.text[self.tokens[i - 1].end() : self.tokens[i].start()]
            if words in lexicon.INTRO_CUES and (n > 1 or ":" in gap or "'" in words[0]):
                return "strong"
            if words == ("met",) and not self._opens_a_call(i):
                continue
            if words in (("heet",), ("noemt",)) and self.lower(i - 2) in NAMED_ONES:
                return "strong"  # "mijn dochter heet kiki", "ze heet kiki"
            if words in lexicon.WEAK_INTRO_CUES:
                return "weak"
        return None


def _name_word(lower, word, cued=False):
    """Could this capitalised word be (part of) a name?"""
    not_names = lexicon.NOT_NAMES_AFTER_CUE if cued else lexicon.NOT_NAMES
    return lower not in not_names and lower not in lexicon.NAME_CUES and not _looks_like_a_thing(word)


def _said_name(lower):
    """Could this lowercase word, after "mijn naam is", be a name?"""
    if lower in lexicon.SURNAMES:
        return True
    return (
        len(lower) >= 2
        and lower not in lexicon.COMMON_WORDS
        and lower not in lexicon.NOT_NAMES
        and lower not in lexicon.NAME_CUES
        and not lower.endswith(NOT_SAID_NAME_SUFFIXES)
        and not PARTICIPLE.match(lower)
        and lower not in ORGANISATION_WORDS
    )


# Past participles: "ingeschreven", "aangemeld", "verplicht", "bekend".
PARTICIPLE = re.compile(
    r"(?:(?:aan|af|in|op|uit|mee|toe|terug|door|over|voor|na|bij|weg|om|tegen)?ge\w{2,}(?:en|d|t)"
    r"|(?:be(?!n)|ver|ont|her|er)\w{2,}[dt])$"
)


# Adjectives and nouns after "mijn naam is" ("… is onbelangrijk"), never names.
NOT_SAID_NAME_SUFFIXES = (
    "teit",
    "isme",
    "schap",
    "nis",
    "lijk",
    "rijk",
    "baar",
    "loos",
    "isch",
    "heid",
    "ing",
    "tie",
    "ig",
    "ief",
    "ieve",
    "eus",
    "euze",
    "end",
    "ende",
)


# After "ik ben kiki": the end of what someone says they are.
INTRODUCED_NAME_ENDS = re.compile(r"\s*(?:[,.!?;)]|$|en\b)")
# What people say they are ("ik ben verpleegster, …", "ik ben werkzoekend"): no names.
NOT_INTRODUCED_SUFFIXES = ("ster", "er", "ige", "aar", "ist", "ant", "ent", "end", "eur", "ice", "ier")


def _surname_follows(s, i):
    """Is token i followed by a known surname, maybe after particles ("nadia el amrani")?"""
    j = i + 1
    while s.lower(j) in lexicon.PARTICLES and s.adjacent(j - 1, j):
        j += 1
    return s.adjacent(j - 1, j) and s.lower(j) in lexicon.SURNAMES


def _alone_in_brackets(s, i):
    """Does token i stand alone in brackets, maybe with an age, or alone after a colon: "papa
    (geert)", "kind (jules, 3j)", "mama: kobus, papa: …"?"""
    before = s.text[s.tokens[i - 1].end() : s.tokens[i].start()] if i else ""
    if ":" in before:  # a short word shaped like a name, not "papa: overleden", "zoon: topsport"
        word = s.lower(i)
        return (
            len(word) <= 9
            and "-" not in word
            and not word.endswith(("en", "er", "ie", "eur", "ist", "iek", "ing", "sport", "isch"))
            and bool(re.match(r"\s*(?:[,.;)/\n-]|$|en\b)", s.after(i)))
        )
    return "(" in before and bool(re.match(r"\s*(?:\)|,\s*\d)", s.after(i)))


def _lowercase_surname(lower):
    """After a lowercase first name, is this lowercase word its surname ("jan peeters")? Not a
    verb ("lotte huilt", "sofie belde"), not a common word."""
    if lower in lexicon.SURNAMES:
        return True
    if lower.startswith("van") and len(lower) >= 6 and _said_name(lower):
        return True  # "vandeput", "vanbrabant"
    return (
        _said_name(lower)
        and len(lower) >= 3
        and lower not in lexicon.PERSON_VERBS
        and lower not in lexicon.FIRST_NAMES
        and not lower.endswith(("t", "de", "te", "je"))
    )


def _starts_name(s, i, previous_name_end):
    word, lower = s.word(i), s.lower(i)
    if (
        _capitalised(word)
        and s.lower(i + 1) == "genoemd"
        and s.adjacent(i, i + 1)
        and s.lower(i - 1) not in ("de", "het", "t")
        and _name_word(lower, word, cued=True)
        and lower not in lexicon.COMMON_NOUNS
    ):
        return True  # a nickname: "hij wordt op school Finnie genoemd"
    if i in s.organisations or i in s.not_people:
        return False
    intro = s.intro(i)
    if intro and word.islower():
        if intro == "strong" and _said_name(lower):
            return True  # "mijn naam is kiki"
        if _known_name(lower) and lower not in lexicon.COMMON_WORDS:
            return True  # "ik ben roos", "met els"
        if (
            _said_name(lower)
            and not lower.endswith(NOT_INTRODUCED_SUFFIXES)
            and (INTRODUCED_NAME_ENDS.match(s.after(i)) or _surname_follows(s, i))
        ):
            return True  # "ik ben fatiha, de mama van …", "ik ben kiki en ik ben 14"
    if intro == "strong" and _capitalised(word) and _name_word(lower, word, cued=True):
        return True  # "Naam: Kiki"
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
            # "mevrouw van der Berg", "mevrouw de clercq"
            return _particle_run_then_name(
                s, i, cued=cue == "title", lowercase=cue == "title" and word.islower()
            )
        if _capitalised(word):  # at a sentence start only before a known surname
            return _particle_run_then_name(s, i, known=True)
        return False
    if cue:
        if lower in lexicon.FIRST_NAMES:
            return (
                _capitalised(word)
                or cue == "van"
                or lower not in lexicon.AMBIGUOUS_FIRST_NAMES
                or _alone_in_brackets(s, i)
                or bool(AGE_AFTER.match(s.after(i)))
            )
        if word.islower() and lower in lexicon.SURNAMES:
            return True  # "gezin peeters", "meneer bouzid"
        if (
            word.islower()
            and _lowercase_surname(lower)
            and (
                cue == "title"
                or s.lower(i - 1) in ("gezin", "familie", "fam")
                or (cue == "van" and not lower.endswith("en"))
            )
        ):
            # "meneer vanbrabant", "de mama van jitse", but "meneer zegt", "juf leest voor",
            # "mama van vijf", "papa depressief"
            return True
        if (
            word.islower()
            and len(lower) >= 3
            and _said_name(lower)
            and lower not in lexicon.PERSON_VERBS
            and (AGE_AFTER.match(s.after(i)) or _surname_follows(s, i) or _alone_in_brackets(s, i))
        ):
            # a name we do not know, typed in lowercase, after a role: with an age ("zoon
            # jorrit (8)"), a surname we know ("mama (gwenny peeters)") or in brackets ("ex (marlies)")
            return True
        if cue == "van" and lower in lexicon.ORGANISATION_NOUNS:
            return False  # "de juf van Klimop"
        return _capitalised(word) and _name_word(lower, word, cued=True)
    if AGE_AFTER.match(s.after(i)) and (
        lower in lexicon.FIRST_NAMES
        or (
            _capitalised(word)
            and _name_word(lower, word)
            and not _person_noun(lower)
            and (
                not s.at_sentence_start(i)
                or (lower not in lexicon.COMMON_WORDS and not re.search(r"[^aeiou]en$|ers$", lower))
            )
        )
    ):
        return True  # "Sam (15)", "Bloem, 8 jaar", "Jitse (6) plast nog in bed"
    if not _capitalised(word):
        # lowercase sloppy typing ("mama van lotte"); an all-caps word is an acronym ("FONS")
        if not word.islower() or len(lower) < 3:
            return False
        if lower in lexicon.FIRST_NAMES:
            return lower not in lexicon.AMBIGUOUS_FIRST_NAMES or _surname_follows(s, i)
        # a first name we do not know before a surname we do: "fatiha el amrani", "kobe peeters"
        return _said_name(lower) and lower not in lexicon.PERSON_VERBS and _surname_follows(s, i)
    if s.at_sentence_start(i):
        if (
            not _known_name(lower)
            and s.lower(i + 1) == "hier"
            and s.adjacent(i, i + 1)
            and INTRODUCED_NAME_ENDS.match(s.after(i + 1))
            and _name_word(lower, word)
            and lower not in lexicon.COMMON_WORDS
        ):
            return True  # on the phone: "Kiki hier, ik bel voor …"
        if (
            not _known_name(lower)
            and s.after(i)[:1] == ","
            and s.lower(i + 1) in lexicon.NAME_CUES
            and _name_word(lower, word)
            and lower not in lexicon.COMMON_WORDS
        ):
            return True  # "Daria, mama van Zon (3)"
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
    if s.lower(i - 1) in lexicon.NOT_NAME_CONTEXT or lower in lexicon.ORGANISATION_NOUNS:
        return False  # "zaal Hoop"; "de Wereldklas van Kompas"
    if lower in lexicon.COMMON_NOUNS:
        return False  # a Dutch noun in a title: "het prentenboek 'Eend, Dood en Tulp'"
    if not _known_name(lower) and _organisation_context(s, i):
        return False  # "doorverwezen naar Eetexpert", "de time-out van Bindkracht"
    if _in_title_case(s, i) or (not _known_name(lower) and _in_quoted_title(s, i)):
        return False  # "de workshop 'Grenzen Stellen Zonder Strijd'", "'Puberteit zonder Paniek'"
    if re.search(r"[^aeiou]en$", lower) and not _known_name(lower):
        # an infinitive or plural in a title ("Opvoeden"), unless after a cue; not a surname we
        # know ("met Verhoeven", "Jansen")
        return False
    return _name_word(lower, word)


# Before a word we do not know as a name, these make it a place or a service: "naar Eetexpert",
# "bij Bindkracht", "via Telegram", "de time-out van Bindkracht" (not "mama van Lotte": a role
# before "van" makes a cue, handled first).
ORGANISATION_PREPOSITIONS = {"naar", "via", "bij", "van", "vanuit", "in", "uit", "op", "tot"}
WEB_ENDINGS = {"be", "nl", "com", "org", "eu", "net", "info"}
# After these verbs a word we do not know as a name is a language, a medicine, a game or a show:
# "spreekt Lingala", "krijgt Rilatine", "speelt Valorant", "kijkt Bluey".
THING_VERBS = {
    *"spreekt spreken sprak spreek verstaat verstaan leert leren leerde".split(),
    *"krijgt kreeg neemt nam slikt slikte gebruikt gebruikte installeerde downloadde".split(),
    *"kijkt keek kijken speelt speelde spelen gamet gamede leest las".split(),
}
# "logeert bij Samiya", "woont bij Hodan": at someone's home.
STAYING_VERBS = {
    *"logeert logeerde logeren woont woonde wonen verblijft verbleef slaapt sliep blijft bleef".split(),
    *"overnacht ingetrokken intrekken trekt".split(),
}
# Person nouns: "Jongeman (18)", "Tienermeisje (14)" are no names, whatever follows them.
PERSON_NOUN_ENDINGS = (
    "man",
    "vrouw",
    "meisje",
    "meid",
    "jongen",
    "kind",
    "kindje",
    "zoon",
    "dochter",
    "moeder",
    "vader",
    "mama",
    "papa",
    "ouder",
    "zus",
    "zusje",
    "broer",
    "broertje",
    "tiener",
    "puber",
    "peuter",
    "kleuter",
    "baby",
    "student",
    "studente",
    "leerling",
    "jongere",
    "oudste",
    "jongste",
    "tweeling",
    "cliënt",
    "client",
    "deelnemer",
    "buur",
    "buurvrouw",
    "dame",
    "heer",
    "ling",
    "komer",
    "talige",
    "vrager",
    "melder",
    "beller",
    "ster",
    "kracht",
    "werker",
    "genoot",
)
# Surnames after "De" are spelled the old way ("De Backer", "De Smedt", "De Bruyne"); a long word
# without such a spelling after "De" is a thing a place is named after ("De Speelvogel").
OLD_SURNAME_SPELLING = re.compile(r"ae|y|ck|cq|dt|gh|uy|x|q|th|ph|ey|ij$")


def _person_noun(lower):
    return lower not in lexicon.FIRST_NAMES and lower.endswith(PERSON_NOUN_ENDINGS)


def _named_after_a_thing(word):
    lower = word.lower()
    return (
        len(lower) >= 8
        and not _known_name(lower)
        and lower not in lexicon.DE_SURNAMES
        and not OLD_SURNAME_SPELLING.search(lower)
    )


def _organisation_context(s, i):
    """Does token i stand where organisations, services, apps and places stand: after a
    preposition ("naar X", "bij X", "via X", "van X"), or beside one of them ("Snapchat en X",
    "CJG Eindhoven en X", "naar Eetexpert of X")?"""
    if not s.adjacent(i - 1, i, allow=","):
        return False
    prev = s.lower(i - 1)
    gap = s.text[s.tokens[i - 1].end() : s.tokens[i].start()]
    if prev in THING_VERBS and "," not in gap:
        return True  # "ze spreekt Lingala", "krijgt Rilatine", "zus kijkt Bluey"
    if prev in ORGANISATION_PREPOSITIONS and "," not in gap:
        # not "bij Hodan thuis", "logeert bij Samiya": someone's home
        return (
            s.cue(i) is None
            and s.lower(i + 1) != "thuis"
            and not (prev == "bij" and any(s.lower(k) in STAYING_VERBS for k in range(i - 5, i - 1)))
        )
    if prev == "met" and s.lower(i - 2) in ("samenwerking", "samenwerkingsverband", "partnerschap"):
        return True  # "in samenwerking met Lumina"
    if (
        _capitalised(s.word(i - 1))
        and "," not in gap
        and not _known_name(prev)
        and s.lower(i - 2) in ORGANISATION_PREPOSITIONS
        and s.adjacent(i - 2, i - 1)
    ):
        return True  # the second word of a name there: "bij Volvo Cars"
    if prev in ("en", "of") or "," in gap:
        k = i - 2 if prev in ("en", "of") else i - 1
        if s.lower(k) in WEB_ENDINGS and s.text[s.tokens[k].start() - 1 : s.tokens[k].start()] == ".":
            return True  # "via Opvoeden.be en Groeimee"
        if k < 0 or not s.adjacent(k, k + 1, allow=","):
            return False
        lower = s.lower(k)
        return (
            k in s.organisations
            or (s.lower(k - 1) in THING_VERBS and s.adjacent(k - 1, k) and not _known_name(lower))
            or (lower in lexicon.THINGS and lower not in lexicon.NAME_CUES)
            or lower in lexicon.PLACES
            or (s.word(k).isupper() and len(s.word(k)) > 1)
            or (
                _capitalised(s.word(k))
                and not _known_name(lower)
                and s.lower(k - 1) in ORGANISATION_PREPOSITIONS
                and s.adjacent(k - 1, k)
            )
        )
    return False


def _title_word(s, i):
    """A capitalised word inside a sentence that no name is: a common word ("Zonder") or a verb
    or plural ("Stellen"), as in a title written in capitals."""
    lower = s.lower(i)
    return (
        _capitalised(s.word(i))
        and not s.at_sentence_start(i)
        and not _known_name(lower)  # not "met Verhoeven"
        and lower not in lexicon.NAME_CUES
        and (lower in lexicon.COMMON_WORDS or bool(re.search(r"[^aeiou]en$", lower)))
    )


def _in_title_case(s, i):
    """Is token i a common word in capitals, or does it follow one ("Zonder Strijd")?"""
    return _title_word(s, i) or (s.adjacent(i - 1, i) and _title_word(s, i - 1))


QUOTE_OPEN = re.compile(r"['\"‘“«]\s*$")


def _in_quoted_title(s, i):
    """Is token i inside a quoted title that starts with a word no name is ("'Puberteit zonder
    Paniek'", "'Positief opvoeden'")? Quoted speech ("'Ik ben Amber'") starts otherwise."""
    j = i
    while j > 0 and j > i - 8 and not QUOTE_OPEN.search(s.text[s.tokens[j - 1].end() : s.tokens[j].start()]):
        if s.ends_sentence(j - 1):
            return False
        j -= 1
    if j == i or not QUOTE_OPEN.search(s.text[s.tokens[j - 1].end() if j else 0 : s.tokens[j].start()]):
        return False
    first, lower = s.word(j), s.lower(j)
    return (
        _capitalised(first)
        and not _known_name(lower)
        and lower not in lexicon.NAME_CUES
        and lower not in ("ik", "mijn", "wij", "we", "ze", "hij", "zij", "dit", "hier", "hallo", "dag")
        and (
            _looks_like_a_thing(first)
            or lower in lexicon.COMMON_WORDS
            or lower in lexicon.THINGS
            or lower in lexicon.COMMON_NOUNS
        )
    )


def _de_surname(s, j):
    """Is token j a surname written "De" + a noun ("De Koning", "De Jager"), after its "De"?"""
    return (
        s.lower(j - 1) == "de"
        and s.adjacent(j - 1, j)
        and _capitalised(s.word(j))
        and s.lower(j) in lexicon.DE_SURNAMES
    )


def _particle_run_then_name(s, i, known=False, cued=False, lowercase=False):
    j = i
    while s.lower(j) in lexicon.PARTICLES and s.adjacent(j, j + 1):
        j += 1
    word = s.word(j)
    if j == i or j in s.organisations or s.lower(j) in lexicon.PARTICLES:
        return False  # not a name that ends in particles: "… jan de el."
    if lowercase and word.islower():  # "jan van rompaey", "sofie de smet"
        if word in lexicon.SURNAMES or word in lexicon.DE_SURNAMES:
            return True
        if _looks_like_a_thing(word) or word.endswith(("klas", "klasje")) or word in lexicon.COMMON_NOUNS:
            return False  # "juf van de vlinderklas", "meneer van de bakkerij"
        # not "nathalie van de buitenschoolse opvang": an unknown surname ends the name
        nxt = s.word(j + 1)
        return (
            _said_name(word)
            and word not in lexicon.FIRST_NAMES
            and (not s.adjacent(j, j + 1) or not nxt.islower() or nxt in lexicon.COMMON_WORDS)
        )
    if not known and _de_surname(s, j):
        return True  # "mevrouw De Koning", though "koning" ends like a noun
    if not _capitalised(word) or not _name_word(word.lower(), word, cued=cued):
        return False
    if word.lower() in lexicon.ORGANISATION_NOUNS:
        return False  # "de juf van Klimop"
    if not cued and j == i + 1 and s.lower(i) == "de" and _named_after_a_thing(word):
        return False  # "IBO De Speelvogel", "in De Schommel": a place named after a thing
    return not known or word.lower() in lexicon.SURNAMES


def _sentence(text, organisations=()):
    """The text's tokens, with the indices of those that name an organisation: by the built-in
    vocabulary and the `organisations` vocabularies (a social map's); and of those that name a
    character or show, or belong to a saying ("mijn naam is haas")."""
    s = _Sentence(text)
    s.organisations = _organisation_tokens(s, (DEFAULT_ORGANISATIONS, PROGRAMMES, *organisations))
    s.not_people = _character_tokens(s) | _idiom_tokens(s)
    return s


# ---------------------------------------------------------------------------------------------
# Characters of children's books, comics and television (data/characters.txt) and sayings
# (data/words.txt): "Jip en Janneke", "wil alleen Pip kijken", "mijn naam is haas".

CHARACTERS = Organisations(lexicon.CHARACTER_NAMES)
IDIOMS = _by_first_word((_words_of(w), False) for w in lexicon.IDIOMS)
CHARACTER_WORDS = frozenset(CHARACTERS.words | CHARACTERS.context_words)
CHARACTER_WINDOW = 12  # tokens either side, within the sentence, where a context word counts


def _about_books_or_screens(s, i, k):
    """Is the sentence around tokens i … i+k-1 about reading or watching ("kijken", "het
    prentenboek", "strips", "de dvd's")?"""

    def context(j):
        lower = s.lower(j)
        return lower in lexicon.CHARACTER_CONTEXT or (
            len(lower) > 5 and lower.endswith(lexicon.CHARACTER_CONTEXT_ENDINGS)
        )

    j = i - 1
    while j >= max(0, i - CHARACTER_WINDOW) and not s.ends_sentence(j):
        if context(j):
            return True
        j -= 1
    j = i + k
    while j < min(len(s.tokens), i + k + CHARACTER_WINDOW):
        if context(j):
            return True
        if s.ends_sentence(j):
            break
        j += 1
    return False


def _character_tokens(s):
    """The indices of the tokens that name a character or a show and no person: a name of several
    words ("Dolfje Weerwolfje"), or one word beside another one ("Samson en Gert") or in a
    sentence about books or screens. Never after a role or with an age ("zoon Pip (4)")."""
    found = []  # (start, length, several words)
    i = 0
    while i < len(s.tokens):
        lower = s.lower(i)
        if lower not in CHARACTERS.phrases and lower not in CHARACTER_WORDS:
            i += 1
            continue
        k = CHARACTERS.phrase_at(s, i)
        several = bool(k)
        k = k or (1 if lower in CHARACTER_WORDS else 0)
        if k and s.cue(i) is None and not AGE_AFTER.match(s.after(i + k - 1)):
            found.append((i, k, several))
        i += k or 1
    marked = set()
    starts = {start for start, _, _ in found}
    ends = {start + k - 1 for start, k, _ in found}
    for start, k, several in found:
        end = start + k - 1
        paired = (s.lower(start - 1) == "en" and start - 2 in ends) or (
            s.lower(end + 1) == "en" and end + 2 in starts
        )
        if several or paired or _about_books_or_screens(s, start, k):
            marked.update(range(start, start + k))
    return marked


def _idiom_tokens(s):
    marked = set()
    for i in range(len(s.tokens)):
        k = _match_words(s, i, IDIOMS)
        if k:
            marked.update(range(i, i + k))
    return marked


def find_names(text, organisations=(), sentence=None):
    """Person names in `text`; `organisations`: vocabularies (besides the built-in one) of names
    that are no people."""
    s = sentence or _sentence(text, organisations)
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
        # A name typed in lowercase runs on over its surname ("jan peeters"); after "mijn naam
        # is" over every word that is no common one ("mijn naam is kiki smolders en …").
        lowercase = word.islower()
        said = lowercase and s.intro(i) == "strong"
        # Extend over the rest of the name: "Jan van der Berg", "Ayoub El Idrissi".
        while j < len(s.tokens) and not possessive and not s.ends_sentence(j - 1):
            gap = s.text[s.tokens[j - 1].end() : s.tokens[j].start()].strip()
            if gap or j in s.organisations or j in s.not_people:
                break
            w, lw = s.word(j), s.lower(j)
            if lw in lexicon.PARTICLES and _particle_run_then_name(s, j, lowercase=lowercase):
                k = j
                while k + 1 < len(s.tokens) and s.lower(k) in lexicon.PARTICLES:
                    k += 1
                end, j = s.tokens[k].start() + len(s.word(k)), k + 1
                continue
            if (_capitalised(w) and _name_word(lw, w) and not _possessive(w)) or _de_surname(s, j):
                end, j = s.tokens[j].start() + len(w), j + 1
                continue
            if (
                lowercase
                and w.islower()
                and j - i < 4
                and (_said_name(lw) if said else _lowercase_surname(lw))
            ):
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
    """Findings in `text`, ordered by position, never overlapping. `allowed_phones`: from
    `_allowed_phones` (the settings' numbers when None); when it carries the names on a social map
    (its `organisations`), those are no people either."""
    if not text:
        return []
    if allowed_phones is None:
        allowed_phones = _allowed_phones()
    organisations = getattr(allowed_phones, "organisations", None)
    s = _sentence(text, (organisations,) if organisations else ())
    organisation_ends = [s.tokens[i].end() for i in s.organisations if i + 1 not in s.organisations]
    numbers = find_numbers(text, allowed_phones, organisation_ends)
    claimed = []
    findings = []
    for kind, start, end in numbers + find_names(text, sentence=s):
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
