"""Ages in a text ("van 2", "18 maanden", "15-jarige", "peuter", "derde leerjaar", "2 ans", "toddler")
→ an age in months, with the words that said it; `life_stages_for` maps them on the organisation's life
stages by their min/max months."""

import re

NUMBER_WORDS = {
    "nl": (
        "nul een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien "
        "zeventien achttien negentien twintig"
    ).split(),
    "fr": (
        "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize "
        "dix-sept dix-huit dix-neuf vingt"
    ).split(),
    "en": (
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty"
    ).split(),
}
_NUMBERS = {word: n for words in NUMBER_WORDS.values() for n, word in enumerate(words)}
_NUMBERS.update({"één": 1, "eén": 1, "une": 1, "anderhalf": 1.5, "half": 0.5})
ORDINALS = {
    "eerste": 1, "1ste": 1, "1e": 1, "tweede": 2, "2de": 2, "2e": 2, "derde": 3, "3de": 3, "3e": 3,
    "vierde": 4, "4de": 4, "4e": 4, "vijfde": 5, "5de": 5, "5e": 5, "zesde": 6, "6de": 6, "6e": 6,
}  # fmt: skip

_NUM = r"(\d{1,2}(?:[,.]5)?|" + "|".join(sorted(map(re.escape, _NUMBERS), key=len, reverse=True)) + r")"
_ORD = "(" + "|".join(map(re.escape, ORDINALS)) + ")"
_B, _E = r"(?<![\w-])", r"(?![\w])"
# A number followed by one of these is a time, an amount or a count, not an age.
_NOT_A_UNIT = (
    r"(?!\s*(?:uur|u\b|keer|euro|€|minuten|min\b|dagen|weken|maanden|jaar|heures|fois|ans|mois|hours|times"
    r"|months|years|x\b|%|:|h\b))"
)
# "sinds 3 maanden", "il y a 3 mois", "for 2 years", "2 jaar geleden": a duration, not an age.
_DURATION_BEFORE = re.compile(r"(?:sinds|il y a|depuis|since|for|pendant|ago|voor|na|over|dans|in)\s*$", re.I)
_SCHOOL_YEAR = re.compile(r"groep|leerjaar|studiejaar|kleuter|middelbaar|secundair", re.I)
_DURATION_AFTER = re.compile(r"^\s*(?:geleden|ago|lang|long)\b", re.I)

# (pattern, months from the match) — checked in this order; a text may say several ages.
_PATTERNS = [
    # Several at once: "de kinderen (7 en 9)", "jongens van 6 en 8", "enfants de 7 et 10 ans".
    (
        rf"(?:\(\s*|{_B}(?:van|de|of|zijn|are|sont)\s+){_NUM}((?:\s*(?:,|en|et|and|&)\s*{_NUM})+)\s*\)?"
        rf"(?:\s*(?:jaar|ans|years?)(?:[\s-]+old)?)?{_NOT_A_UNIT}",
        lambda m: [_y(n) for n in re.findall(_NUM, m.group(), re.IGNORECASE)],
    ),
    # Months first ("18 maanden", "9 mois", "6 months old").
    (rf"{_B}{_NUM}\s*(?:-\s*)?(?:maanden|maand|mnd|mois|months?)(?:[\s-]+old)?{_E}", lambda m: _n(m[1])),
    (rf"{_B}{_NUM}\s*(?:weken|weekjes|semaines|weeks){_E}", lambda m: _n(m[1]) / 4.3),
    # Years: "2 jaar", "15-jarige", "2,5 jaar", "2 ans", "2 years old", "2-year-old", "vijfjarige".
    (
        rf"{_B}{_NUM}\s*(?:-\s*)?(?:jaar|jaartjes|jarige|jarig|ans?|years?|yrs?|yo)(?:[\s-]+old)?{_E}",
        lambda m: _y(m[1]),
    ),
    (rf"{_B}{_NUM}jarige?{_E}", lambda m: _y(m[1])),
    (rf"{_B}(?:aged|age|âgée?s?\s+de)\s+{_NUM}{_E}", lambda m: _y(m[1])),
    # "She is 12", "he's 15", "hij is 7", "wordt 4".
    (
        rf"{_B}(?:is|he's|she's|wordt|turned|turns|is\s+nu|a)\s+{_NUM}(?=\s*(?:[.,;!?)]|$|and\b|en\b|et\b))",
        lambda m: _y(m[1]),
    ),
    # Dutch "van 2" / "(2)" after a child word: "mijn dochter van 2", "zoon (7)".
    (
        rf"{_B}(?:dochter|zoon|kind|kindje|zoontje|dochtertje|meisje|jongen|jongetje|kleinzoon|kleindochter"
        rf"|baby|broer|broertje|zus|zusje|tweeling|pleegkind|pleegzoon|pleegdochter|stiefzoon|stiefdochter"
        rf"|oudste|jongste|middelste|jongere|tiener|puber|leerling|fille|fils|enfant|son|daughter|kid|child)\s+"
        rf"(?:van|de|of)?\s*\(?{_NUM}\)?{_NOT_A_UNIT}",
        lambda m: _y(m[1]),
    ),
    # School years: Flemish "derde leerjaar" (6 + n − 1), "3de kleuterklas", "tweede middelbaar"; Dutch
    # "groep 7" (groep n ≈ n + 3 years old).
    (rf"{_B}{_ORD}\s+(?:leerjaar|studiejaar){_E}", lambda m: _school(m, 5)),
    (rf"{_B}{_ORD}\s+(?:kleuterklas|kleuterklasje|kleuter){_E}", lambda m: _school(m, 2)),
    (rf"{_B}{_ORD}\s+(?:middelbaar|secundair|jaar\s+middelbaar){_E}", lambda m: _school(m, 11)),
    (rf"{_B}groep\s+([1-8]){_E}", lambda m: (int(m[1]) + 3) * 12 + 6),
]  # fmt: skip
_PATTERNS = [(re.compile(p, re.IGNORECASE), f) for p, f in _PATTERNS]

# Words that say an age on their own (months: a typical age for the word).
AGE_WORDS = {
    "zwanger": -4, "zwangerschap": -4, "zwangere": -4, "uitgerekend": -2, "enceinte": -4, "grossesse": -4,
    "pregnant": -4, "pregnancy": -4, "expecting": -4, "expectant": -4, "bevalling": 2,
    "pasgeboren": 1, "pasgeborene": 1, "newborn": 1, "nouveau-né": 1, "borstvoeding": 4, "allaitement": 4,
    "breastfeeding": 4, "flesvoeding": 4, "zuigeling": 4, "nourrisson": 4,
    "baby": 6, "baby's": 6, "babytje": 6, "bébé": 6, "bebe": 6, "kruipen": 9,
    "dreumes": 18, "peuter": 24, "peuters": 24, "peutertje": 24, "toddler": 24, "toddlers": 24,
    "kleuter": 54, "kleuters": 54, "kleuterklas": 54, "kleuterschool": 54, "kleutertje": 54,
    "preschooler": 54, "maternelle": 54,
    "lagere": 100, "basisschool": 100, "leerjaar": 100, "primaire": 100,
    "tiener": 168, "tieners": 168, "puber": 168, "pubers": 168, "puberteit": 168, "middelbaar": 168,
    "secundair": 168, "brugklas": 150, "brugklasser": 150, "adolescent": 180, "adolescente": 180,
    "ado": 168, "ados": 168, "adolescence": 168, "teenager": 168, "teenagers": 168, "teen": 168, "teens": 168,
    "tienerzoon": 168, "tienerdochter": 168, "puberzoon": 168, "puberdochter": 168,
    "secondaire": 168, "collège": 150, "lycée": 190,
    "jongvolwassene": 228, "volwassen": 228, "student": 228,
}  # fmt: skip


def _school(match, offset):
    """The n-th year of a school level: `offset` + n years old, and half a year."""
    return (offset + ORDINALS[match[1].lower()]) * 12 + 6


def _n(text):
    text = text.lower().replace(",", ".")
    return float(text) if text[0].isdigit() else float(_NUMBERS[text])


def _y(text):
    years = _n(text)
    return years * 12 + (6 if years == int(years) else 0)  # "2 jaar": in the year after the 2nd birthday


def ages_in(text):
    """[(months, words as typed)] for every age the text says, in order of appearance."""
    found = []
    taken = []
    for pattern, months in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            if _SCHOOL_YEAR.search(m.group()) is None and (
                _DURATION_BEFORE.search(text[max(0, m.start() - 12) : m.start()])
                or _DURATION_AFTER.match(text[m.end() : m.end() + 10])
            ):
                continue
            try:
                values = months(m)
            except (KeyError, ValueError):
                continue
            words = " ".join(m.group().replace("(", " ").replace(")", " ").split())
            for value in values if isinstance(values, list) else [values]:
                if value <= 12 * 30:  # "45 jaar": the parent
                    found.append((m.start(), value, words))
            taken.append((m.start(), m.end()))
    for m in re.finditer(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", text):
        word = m.group().lower().replace("’", "'")
        if word in AGE_WORDS and not any(m.start() < end and start < m.end() for start, end in taken):
            found.append((m.start(), AGE_WORDS[word], m.group()))
    found.sort()
    return [(months, words) for _start, months, words in found]


def stage_for(months, stages):
    """The life stage (of `stages`, with min_months/max_months) an age in months falls in, or None."""
    for stage in stages:
        low = stage.min_months if stage.min_months is not None else -1000
        high = stage.max_months if stage.max_months is not None else 10_000
        if low <= months < high:
            return stage
    return None
