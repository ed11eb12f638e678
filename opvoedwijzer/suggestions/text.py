"""A text's words: tokens as typed (with their place), their language, their Snowball stems.

Nothing here keeps a text: every function takes it and answers from it.
"""

import functools
import re
from dataclasses import dataclass

import snowballstemmer

LANGUAGES = ("nl", "fr", "en")
_SNOWBALL = {"nl": "dutch", "fr": "french", "en": "english"}

# Letters (with accents), digits, and a word's inner apostrophe or hyphen ("15-jarige", "aujourd'hui").
_TOKEN = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*", re.UNICODE)

# The common function words of each language: they decide the language and are no content words.
STOP_WORDS = {
    "nl": set(
        """
de het een en of maar want dus ook nog al wel niet geen nooit is zijn was waren ben bent wordt worden
werd heeft hebben had hadden heb hebt kan kunnen kon kun moet moeten moest mag mogen wil willen wou
zou zouden zal zullen gaat gaan ging doet doen deed krijgt krijgen laat laten ik je jij u hij zij ze
we wij jullie mij mijn me mijne jouw jou uw zijn haar hem hun ons onze dit dat die deze daar hier er
wat wie waar wanneer hoe waarom welke welk in op aan van voor met bij naar uit om over onder tegen
tussen door na sinds tot zonder als dan toen omdat terwijl zodat hoewel tenzij zo heel erg veel weinig
meer minder te zeer echt gewoon soms vaak altijd steeds telkens elke elk iedere ieder alle alles iets
niets niks iemand niemand andere ander anders nu toch even eens zelf zelfs alleen enkel pas net reeds
reeds wel ja nee hé hallo goedendag dag beste bedankt dank alvast groetjes groeten vriendelijke graag
ermee erover erop eraan ervan erin erbij daarmee daarover daarop daarvan hierover hiermee waarmee
zich zichzelf mezelf jezelf elkaar ons eigen beetje best wat hoeveel echt precies mss misschien weer normaal
""".split()
    ),
    "fr": set(
        """
le la les un une des du de d l et ou mais donc or ni car est sont était étaient suis es sommes êtes
a ai as avons avez ont avait avaient être avoir fait faire peut peuvent pouvons dois doit doivent
veut veux voulons je j tu il elle on nous vous ils elles me m te t se s moi toi lui leur leurs eux mon
ma mes ton ta tes son sa ses notre nos votre vos ce cet cette ces ça cela ceci qui que qu quoi dont où
quand comment pourquoi quel quelle quels quelles dans sur sous avec sans pour par chez vers entre
depuis pendant avant après contre ne pas plus jamais rien personne très trop peu beaucoup aussi
encore déjà toujours souvent parfois tout tous toute toutes chaque autre autres même si alors comme
bien oui non merci bonjour madame monsieur y en au aux soi tel telle tels telles
""".split()
    ),
    "en": set(
        """
the a an and or but so because if then than is are was were be been being am do does did doing have
has had having can could will would shall should may might must i me my mine you your yours he him
his she her hers it its we us our ours they them their theirs this that these those there here what
who whom which when where why how in on at of for with without to from by about into over under
between after before during since until up down out off again just only also too very much many more
most less some any no not nor all each every other another such own same both few as
hello hi thanks thank please dear yes get gets got really still always often sometimes never
""".split()
    ),
}


@dataclass(frozen=True)
class Token:
    text: str  # as typed
    lower: str
    start: int
    end: int


def tokens(text):
    """The words of a text, in order, as typed."""
    return [Token(m.group(), m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def detect_language(toks, default="nl"):
    """nl, fr or en: the language whose stop words the text uses most (ties and none: `default`)."""
    counts = {language: 0 for language in LANGUAGES}
    for token in toks:
        word = token.lower.replace("’", "'")
        if "'" in word:  # "l'école", "j'ai": French elision
            counts["fr"] += 1
            word = word.split("'", 1)[0]
        for language in LANGUAGES:
            if word in STOP_WORDS[language]:
                counts[language] += 1
    best = max(LANGUAGES, key=lambda language: (counts[language], language == default))
    return best if counts[best] else default


@functools.cache
def _stemmer(language):
    return snowballstemmer.stemmer(_SNOWBALL[language])


def stem(word, language):
    """The Snowball stem of a lower-case word (French elision left off). Not cached: a text's words are
    kept nowhere, not even in memory."""
    word = word.replace("’", "'")
    if "'" in word and language == "fr":
        word = word.split("'", 1)[1]
    return _stemmer(language).stemWord(word)


@functools.cache
def stop_stems(language):
    return frozenset(stem(word, language) for word in STOP_WORDS[language])


def _elided(word, language):
    """French "l'école", "d'un" → "école", "un"."""
    word = word.replace("’", "'")
    if language == "fr" and "'" in word:
        return word.split("'", 1)[1]
    return word


def key(word, language):
    """What words are matched on: the stem, or the word itself when its stem is that of a stop word
    ("geweld" → "wel", "waarheid" → "waar" would match every "wel" and "waar")."""
    word = _elided(word, language)
    root = stem(word, language)
    if root in stop_stems(language) and word not in STOP_WORDS[language]:
        return word.replace("’", "'")
    return root


def is_content(token, language):
    """A word worth matching: not a stop word of the language, not a lone digit or letter."""
    word = _elided(token.lower, language)
    return len(word) > 1 and word not in STOP_WORDS[language] and not word.isdigit()


def content_words(toks, language):
    """The text's content words, lower case, each once, in order (for the items' full-text search)."""
    seen = {}
    for token in toks:
        if is_content(token, language):
            seen.setdefault(token.lower.replace("’", "'"), None)
    return tuple(seen)
