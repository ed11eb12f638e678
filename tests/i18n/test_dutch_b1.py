"""The Dutch that parents read is plain (level B1): short sentences, common words, "je".

What is checked: the Dutch translations (msgstr in locale/nl/…/django.po) of the public msgids, with
HTML tags and placeholders taken out. The rules, each one explainable to a writer:

1. A sentence has at most MAX_WORDS (20) words. Longer sentences are the first thing B1 guides cut.
2. No formal or difficult word of AVOID (u/uw, indien, teneinde, middels, dienen te, …): each has a
   plain counterpart, which the failure message gives.
3. Flesch–Douma reading ease (Douma 1960, Flesch's formula refitted to Dutch):
   206.835 − 0.93 × words per sentence − 77 × syllables per word. On Flesch's scale 60–70 is "normal",
   70–80 "fairly easy", below 50 "difficult".
   - The public text as a whole scores at least WHOLE_EASE (70: fairly easy).
   - A string of at least LONG_STRING_WORDS (12) words scores at least STRING_EASE (50: not difficult).
     Shorter strings are not scored: in a string of a few words one compound that every parent knows
     (telefoonnummer: 5 syllables) moves the score by 30 points or more; rules 1 and 2 cover them.
   Syllables: the larger of two counts, as each misses some. (a) The Dutch hyphenation patterns of
   pyphen (LibreOffice's nl_NL dictionary; pyphen is also what WeasyPrint hyphenates with): a word's
   hyphenation points plus one, single-letter syllables allowed at both ends (bi-bli-o-theek: 4), but
   the patterns do not always split (mail-adres: 2). (b) Vowel groups: each run of vowels (a e i o u y,
   ë and ï starting a new one) is one syllable, right for most Dutch words (ui, eeuw, ij are one) but
   not for the-a-ter or pi-a-no, which (a) gets right (neither splits bi-os-coop).

Run with `-s` or read the assertion message: every failing string is listed with the rule it breaks.
"""

import ast
import re
from functools import cache
from pathlib import Path

import pyphen
import pytest

from tests.i18n import public_msgids as listed

ROOT = Path(__file__).resolve().parents[2] / "opvoedwijzer"
TEMPLATES = ROOT / "templates"
NL_CATALOGUE = ROOT / "locale" / "nl" / "LC_MESSAGES" / "django.po"

MAX_WORDS = 20
WHOLE_EASE = 70
STRING_EASE = 50
LONG_STRING_WORDS = 12

# Formal or difficult words (lower case, whole words or phrases) and what to write instead.
AVOID = {
    "u": "je",
    "uw": "je, jouw",
    "uzelf": "jezelf",
    "indien": "als",
    "ingeval": "als",
    "mits": "als",
    "teneinde": "om … te",
    "middels": "met, via",
    "dienen te": "moeten",
    "dient te": "moet",
    "dient u": "je moet",
    "wensen": "willen",
    "wenst": "wilt, wil",
    "gelieve": "wil je …, of gewoon: doe …",
    "alvorens": "voor, voordat",
    "aldus": "zo",
    "echter": "maar",
    "doch": "maar",
    "derhalve": "daarom",
    "bijgevolg": "daarom",
    "zodoende": "zo, daarom",
    "tevens": "ook",
    "alsook": "en ook",
    "reeds": "al",
    "thans": "nu",
    "nadien": "daarna",
    "gedurende": "tijdens",
    "omtrent": "over",
    "betreffende": "over",
    "aangaande": "over",
    "inzake": "over",
    "conform": "volgens",
    "hetgeen": "wat",
    "zulks": "dit",
    "dergelijke": "zo'n, zulke",
    "desgewenst": "als je wilt",
    "woonachtig": "wonen",
    "trachten": "proberen",
    "verzoeken": "vragen",
    "verstrekken": "geven",
    "retourneren": "terugbrengen",
    "ontvangen": "krijgen",
    "contacteren": "contact opnemen, bellen of mailen",
    "raadplegen": "bekijken, lezen",
    "specifiek": "bepaald",
    "specifieke": "bepaalde",
    "exemplaar": "boek, stuk (of: er is er een …)",
    "exemplaren": "boeken, stuks",
    "ten behoeve van": "voor",
    "met betrekking tot": "over",
    "in het kader van": "voor, bij",
    "naar aanleiding van": "na, door",
    "ten gevolge van": "door",
    # Abbreviations: write them out.
    "bv": "bijvoorbeeld",
    "bijv": "bijvoorbeeld",
    "o.a": "onder andere, zoals",
    "enz": "en zo verder, of laat weg",
    "m.b.t": "over",
    "i.p.v": "in plaats van",
    "z.s.m": "zo snel mogelijk",
}

# --- Which msgids are public (what a parent can see) --------------------------------------------------
# tests/i18n/public_msgids.py (the list the translation check uses), and what public pages show that it
# does not see: the choices and constants of the forms and models modules of the apps with public pages
# (activity kinds, library kinds, weekdays of the social map, …) and the fields of the models behind the
# public model forms (the evaluation's questions). A few staff-only choices come along: their Dutch is
# held to the same rules.
PUBLIC_FORMS = {
    "activities": {"AgendaFilterForm", "EvaluationForm", "SignUpForm"},
    "library": {"LibrarySearchForm", "ReserveForm"},
    "questions": {"AskForm", "PickUpForm", "ReplyForm"},
    "socialmap": {"SearchForm"},
}
CHOICES_APPS = ("activities", "library", "questions", "socialmap", "contacts", "pages")
GETTEXT = {
    # function: (index of the context argument or None, indexes of the msgid arguments)
    "_": (None, (0,)),
    "gettext": (None, (0,)),
    "gettext_lazy": (None, (0,)),
    "_lazy": (None, (0,)),
    "ngettext": (None, (0, 1)),
    "ngettext_lazy": (None, (0, 1)),
    "pgettext": (0, (1,)),
    "pgettext_lazy": (0, (1,)),
    "npgettext": (0, (1, 2)),
    "npgettext_lazy": (0, (1, 2)),
}


def msgids_in(tree):
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        if name not in GETTEXT:
            continue
        context_at, msgid_at = GETTEXT[name]
        args = [a.value if isinstance(a, ast.Constant) else None for a in node.args]
        if len(args) > msgid_at[0] and isinstance(args[msgid_at[0]], str):
            yield (args[context_at] if context_at is not None else None, args[msgid_at[0]])


def is_choices(node):
    return any((getattr(b, "attr", "") or getattr(b, "id", "")).endswith("Choices") for b in node.bases)


def public_parts(app):
    """The parts of an app's forms and models modules that a parent sees (AST nodes)."""
    forms = ast.parse((ROOT / app / "forms.py").read_text()) if (ROOT / app / "forms.py").exists() else None
    models = ast.parse((ROOT / app / "models.py").read_text())
    behind = set()
    for node in forms.body if forms else []:
        if isinstance(node, ast.ClassDef) and node.name in PUBLIC_FORMS.get(app, ()):
            yield node
            behind |= {
                n.value.id
                for n in ast.walk(node)
                if isinstance(n, ast.Assign) and isinstance(n.value, ast.Name)
                if any(getattr(t, "id", "") == "model" for t in n.targets)
            }
        elif isinstance(node, ast.Assign):
            yield node
    for node in models.body:
        if isinstance(node, ast.Assign) or (
            isinstance(node, ast.ClassDef) and (is_choices(node) or node.name in behind)
        ):
            yield node


@cache
def public_msgids():
    """[(msgctxt or None, msgid)], sorted."""
    found = {(msg.context or None, msg.msgid) for msg in listed.public_msgids()}
    for app in CHOICES_APPS:
        for node in public_parts(app):
            found.update(msgids_in(node))
    return sorted(found, key=lambda key: (key[1], key[0] or ""))


# --- The Dutch catalogue -------------------------------------------------------------------------------
def read_po(path):
    """{(msgctxt, msgid): {"msgstr": [forms…], "fuzzy": bool}} from a .po file."""
    entries, entry, field = {}, None, None

    def close():
        if entry and entry.get("msgid"):
            entries[(entry.get("msgctxt"), entry["msgid"])] = {
                "msgstr": [entry[k] for k in sorted(entry) if k.startswith("msgstr")],
                "fuzzy": entry.get("fuzzy", False),
            }

    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip() or (line.startswith("#") and entry and "msgid" in entry):
            close()
            entry, field = None, None
            if not line.strip():
                continue
        entry = entry if entry is not None else {}
        if line.startswith("#,") and "fuzzy" in line:
            entry["fuzzy"] = True
        elif line.startswith("#"):
            continue
        elif match := re.match(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (\".*\")$", line):
            field = match.group(1)
            entry[field] = ast.literal_eval(match.group(2))
        elif line.startswith('"') and field:
            entry[field] += ast.literal_eval(line)
    return entries


@cache
def public_dutch():
    """[(msgid, Dutch text)] for every public msgid (each plural form separately)."""
    catalogue = read_po(NL_CATALOGUE)
    texts = []
    for key in public_msgids():
        entry = catalogue.get(key)
        if entry and not entry["fuzzy"]:
            texts += [(key[1], form) for form in entry["msgstr"] if form]
    return texts


# --- The rules -----------------------------------------------------------------------------------------
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{[\w.]*\}")
TAG = re.compile(r"<[^>]+>")
WORD = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*")
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]?\s+")
HYPHENATOR = pyphen.Pyphen(lang="nl_NL", left=1, right=1)


def plain(text):
    return " ".join(PLACEHOLDER.sub(" ", TAG.sub(" ", text)).split())


def sentences(text):
    return [s for s in SENTENCE_END.split(plain(text)) if WORD.search(s)]


def words(text):
    return WORD.findall(plain(text))


VOWEL_GROUP = re.compile(r"[aeiouyáéíóúàèâêîôû]+|[ëïü][aeiouy]*", re.I)


def syllables(word):
    parts = [part for part in re.split(r"[-'’.]", word) if part]
    hyphenated = sum(len(HYPHENATOR.positions(part)) + 1 for part in parts)
    vowel_groups = sum(max(1, len(VOWEL_GROUP.findall(part))) for part in parts)
    return max(hyphenated, vowel_groups)


def reading_ease(texts):
    """Flesch–Douma over `texts`: each counts as at least one sentence (a label is one)."""
    all_words = [w for text in texts for w in words(text)]
    sentence_count = sum(max(1, len(sentences(text))) for text in texts if words(text))
    if not all_words:
        return 100.0
    per_sentence = len(all_words) / sentence_count
    per_word = sum(syllables(w) for w in all_words) / len(all_words)
    return 206.835 - 0.93 * per_sentence - 77 * per_word


def avoided_words(text):
    lowered = " " + " ".join(w.lower() for w in words(text)) + " "
    return [f"{word} → {instead}" for word, instead in AVOID.items() if f" {word} " in lowered]


def long_sentences(text):
    return [f"{len(words(s))} words: {s}" for s in sentences(text) if len(words(s)) > MAX_WORDS]


def report(failures):
    return "\n".join(f"- {msgid!r}\n    nl: {dutch!r}\n    {why}" for msgid, dutch, why in failures)


# --- The rules at work on the catalogue ----------------------------------------------------------------
def test_there_are_public_strings_to_check():
    assert len(public_dutch()) > 250


def test_every_public_msgid_has_a_dutch_translation():
    catalogue = read_po(NL_CATALOGUE)
    django_has = listed.django_translates("nl")
    missing = [
        msgid
        for context, msgid in public_msgids()
        if (not (entry := catalogue.get((context, msgid))) or entry["fuzzy"] or not all(entry["msgstr"]))
        and (f"{context}\x04{msgid}" if context else msgid) not in django_has
    ]
    assert missing == [], "no (or a fuzzy) Dutch translation:\n" + "\n".join(missing)


def test_no_public_dutch_sentence_is_longer_than_twenty_words():
    failures = [(m, d, "; ".join(long)) for m, d in public_dutch() if (long := long_sentences(d))]
    assert failures == [], f"sentences over {MAX_WORDS} words: split them\n" + report(failures)


def test_public_dutch_uses_no_formal_or_difficult_words():
    failures = [(m, d, "; ".join(found)) for m, d in public_dutch() if (found := avoided_words(d))]
    assert failures == [], "formal or difficult words (→ plain word):\n" + report(failures)


def test_the_public_dutch_reads_fairly_easy_as_a_whole():
    ease = reading_ease([dutch for _msgid, dutch in public_dutch()])
    print(f"Flesch–Douma of the public Dutch: {ease:.1f}")
    assert ease >= WHOLE_EASE


def test_no_longer_public_dutch_string_is_difficult():
    failures = [
        (m, d, f"Flesch–Douma {ease:.0f} (< {STRING_EASE}): shorter sentences, shorter words")
        for m, d in public_dutch()
        if len(words(d)) >= LONG_STRING_WORDS and (ease := reading_ease([d])) < STRING_EASE
    ]
    assert failures == [], "difficult longer strings:\n" + report(failures)


# Text in a public template outside {% translate %}/{% blocktranslate %} never reaches the catalogues: a
# French page would show it as written. Names that are the same in every language are allowed.
SAME_IN_EVERY_LANGUAGE = {
    "Opvoedwijzer",
    "E-mail",
    "Facebook",
    "Instagram",
    "WhatsApp",
    "iCal",
    "RSS",
    "HSDS",
}
NOT_TEXT = [
    re.compile(r"{%\s*blocktrans(late)?\b.*?{%\s*endblocktrans(late)?\s*%}", re.S),
    re.compile(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", re.S),
    re.compile(r"{#.*?#}", re.S),
    re.compile(r"<(script|style)\b.*?</\1>", re.S | re.I),
    re.compile(r"{%.*?%}|{{.*?}}", re.S),
    re.compile(r"<!--.*?-->", re.S),
    re.compile(r"<[^>]*>", re.S),
    re.compile(r"&#?\w+;"),
]


def literal_text(template):
    for pattern in NOT_TEXT:
        template = pattern.sub(" ", template)
    return [w for w in WORD.findall(template) if w not in SAME_IN_EVERY_LANGUAGE]


def test_public_templates_hold_no_text_outside_translation_tags():
    texts = {name: (TEMPLATES / name).read_text() for name in listed.public_templates()}
    found = {name: words for name, text in texts.items() if (words := literal_text(text))}
    assert found == {}, f"untranslatable text in public templates: {found}"


# --- The rules themselves ------------------------------------------------------------------------------
def test_syllables_are_counted_with_dutch_hyphenation():
    assert syllables("vraag") == 1
    assert syllables("ouders") == 2
    assert syllables("e-mailadres") == 4
    assert syllables("bibliotheek") == 4
    assert syllables("theater") == 3
    assert syllables("geïnteresseerd") == 5
    assert syllables("leeuw") == 1
    assert syllables("opvoedingsondersteuning") == 7


def test_a_sentence_of_twenty_one_words_is_too_long_and_twenty_is_not():
    twenty = " ".join(["woord"] * 20) + "."
    assert long_sentences(twenty) == []
    assert long_sentences("Kort. " + twenty.replace(".", " extra.")) != []


def test_placeholders_and_tags_are_no_words():
    assert words("Je bent nummer %(place)s op de <strong>wachtlijst</strong>.") == [
        "Je",
        "bent",
        "nummer",
        "op",
        "de",
        "wachtlijst",
    ]


def test_formal_words_are_named_with_their_plain_counterpart():
    assert avoided_words("Indien u dat wenst, dient u het formulier te retourneren, bv. per post.") == [
        "u → je",
        "indien → als",
        "dient u → je moet",
        "wenst → wilt, wil",
        "retourneren → terugbrengen",
        "bv → bijvoorbeeld",
    ]
    assert avoided_words("Heb je een vraag? Stel ze ons gerust.") == []


def test_plain_dutch_reads_easier_than_official_dutch():
    plain_text = "Heb je een vraag over je kind? Stel ze ons. We antwoorden binnen drie dagen."
    official = (
        "Indien u vragen heeft betreffende de opvoedingsondersteuning, gelieve deze te formuleren "
        "middels het daartoe bestemde contactformulier."
    )
    assert reading_ease([plain_text]) >= WHOLE_EASE > STRING_EASE > reading_ease([official])


@pytest.mark.parametrize("template", ["<p>Welkom bij ons</p>", "{% if x %}Lees meer{% endif %}"])
def test_dutch_written_straight_into_a_template_is_found(template):
    assert literal_text(template) != []


def test_translated_text_and_markup_are_not_literal_text():
    template = (
        '{% load i18n %}<a href="{{ url }}" class="button">{% translate "Read" %}</a>'
        "{% blocktranslate %}Page {{ n }}{% endblocktranslate %} &middot; <!-- note -->"
    )
    assert literal_text(template) == []
