"""The default registration taxonomy (shared/TAXONOMY.md): what a new organisation starts with.

Labels are data in Dutch and English here rather than gettext strings: they are the taxonomy's
content, and an organisation may override them (a renamed term keeps its own label in every language).
The other public languages (settings.LANGUAGES besides nl and en: the parents' languages) come from
`data/labels.<lang>.json`, `{dimension: {code: label}}` (at least the dimensions a parent sees: theme
groups, themes, life stages, asker roles, offers, channels). A language without a file, or a code its file
lacks, shows the English label (the interface's fallback, settings.PUBLIC_FALLBACK_LANGUAGE), not Dutch.
"""

import json
from pathlib import Path

from django.conf import settings
from django.utils.translation import get_language

# (code, nl, en) per dimension, in the default order.
CHANNELS = [
    ("in_person", "Persoonlijk, aan het loket", "In person, at the desk"),
    ("phone", "Telefoon", "Phone"),
    ("email", "E-mail", "E-mail"),
    ("chat", "Chat", "Chat"),
    ("social_media", "Sociale media", "Social media"),
    ("web_question", "Vraag via de website", "Question via the website"),
    ("video", "Videogesprek", "Video call"),
    ("home_visit", "Huisbezoek", "Home visit"),
    ("outreach", "Op locatie (school, markt, …)", "On location (school, market, …)"),
]

ASKER_ROLES = [
    ("mother", "Moeder", "Mother"),
    ("father", "Vader", "Father"),
    ("both_parents", "Beide ouders", "Both parents"),
    ("foster_parent", "Pleegouder", "Foster parent"),
    ("step_parent", "Plusouder", "Step-parent"),
    ("grandparent", "Grootouder", "Grandparent"),
    ("other_family", "Ander familielid", "Other family member"),
    ("young_person", "Jongere zelf", "Young person"),
    ("teacher", "Leerkracht, school", "Teacher, school"),
    ("childcare", "Kinderbegeleider, opvang", "Childcare worker"),
    ("social_worker", "Hulpverlener", "Social worker"),
    ("volunteer", "Vrijwilliger", "Volunteer"),
    ("other", "Andere", "Other"),
]

# (code, nl, en, min_months, max_months)
LIFE_STAGES = [
    ("expecting", "Aanstaande ouders", "Expecting parents", -9, 0),
    ("baby", "Baby (0–1 jaar)", "Baby (0–1 years)", 0, 12),
    ("toddler", "Peuter (1–3 jaar)", "Toddler (1–3 years)", 12, 36),
    ("preschool", "Kleuter (3–6 jaar)", "Preschooler (3–6 years)", 36, 72),
    ("primary", "Lagere school (6–12 jaar)", "Primary school (6–12 years)", 72, 144),
    ("teen", "Tiener (12–18 jaar)", "Teenager (12–18 years)", 144, 216),
    ("young_adult", "Jongvolwassene (18+)", "Young adult (18+)", 216, None),
]

# (group code, nl, en, [(theme code, nl, en), …])
THEMES = [
    (
        "development",
        "Ontwikkeling",
        "Development",
        [
            ("language", "Taal en spraak", "Language and speech"),
            ("motor", "Motoriek", "Motor skills"),
            ("toilet_training", "Zindelijkheid", "Toilet training"),
            ("sexual_development", "Seksuele ontwikkeling", "Sexual development"),
            ("giftedness", "Hoogbegaafdheid", "Giftedness"),
        ],
    ),
    (
        "care",
        "Verzorging en dagritme",
        "Care and daily rhythm",
        [
            ("sleep", "Slapen", "Sleep"),
            ("eating", "Eten en drinken", "Eating and drinking"),
            ("crying", "Huilen", "Crying"),
            ("routines", "Dagritme en rituelen", "Routines and rituals"),
            ("health", "Gezondheid", "Health"),
        ],
    ),
    (
        "behaviour",
        "Gedrag en emoties",
        "Behaviour and emotions",
        [
            ("tantrums", "Driftbuien en koppigheid", "Tantrums and stubbornness"),
            ("aggression", "Agressie", "Aggression"),
            ("listening", "Luisteren en ongehoorzaamheid", "Listening and disobedience"),
            ("restlessness", "Druk gedrag", "Restless behaviour"),
            ("anxiety", "Angst", "Anxiety"),
            ("low_mood", "Somberheid", "Low mood"),
            ("self_esteem", "Zelfvertrouwen en weerbaarheid", "Self-esteem and resilience"),
            ("emotions", "Omgaan met emoties", "Dealing with emotions"),
        ],
    ),
    (
        "upbringing",
        "Opvoedingsaanpak",
        "Parenting approach",
        [
            ("boundaries", "Grenzen en regels", "Boundaries and rules"),
            ("rewards", "Belonen en straffen", "Rewards and punishment"),
            ("pocket_money", "Zakgeld", "Pocket money"),
            ("values", "Normen en waarden", "Norms and values"),
            ("co_parenting", "Samen opvoeden", "Parenting together"),
        ],
    ),
    (
        "family",
        "Gezin en relaties",
        "Family and relationships",
        [
            ("divorce", "Scheiding", "Divorce"),
            ("blended_family", "Nieuw samengesteld gezin", "Blended family"),
            ("siblings", "Broers en zussen", "Siblings"),
            ("new_baby", "Gezinsuitbreiding", "New baby in the family"),
            ("grief", "Verlies en rouw", "Loss and grief"),
            ("parent_wellbeing", "Welzijn van de ouder", "Parent's wellbeing"),
            ("parent_conflict", "Conflict tussen ouders", "Conflict between parents"),
        ],
    ),
    (
        "school",
        "School en opvang",
        "School and childcare",
        [
            ("school_transition", "Schoolkeuze en overgang", "Choosing and changing school"),
            ("homework", "Motivatie en huiswerk", "Motivation and homework"),
            ("learning_difficulties", "Leerproblemen", "Learning difficulties"),
            ("bullying", "Pesten", "Bullying"),
            ("childcare", "Kinderopvang", "Childcare"),
        ],
    ),
    (
        "media",
        "Media",
        "Media",
        [
            ("screen_time", "Schermtijd en gamen", "Screen time and gaming"),
            ("social_media", "Sociale media", "Social media"),
            ("online_safety", "Online veiligheid", "Online safety"),
        ],
    ),
    (
        "adolescence",
        "Puberteit",
        "Adolescence",
        [
            ("puberty", "Puberteit", "Puberty"),
            ("going_out", "Uitgaan, alcohol en drugs", "Going out, alcohol and drugs"),
            ("relationships", "Relaties en seksualiteit", "Relationships and sexuality"),
            ("radicalisation", "Radicalisering", "Radicalisation"),
        ],
    ),
    (
        "safety",
        "Veiligheid",
        "Safety",
        [
            ("domestic_violence", "Huiselijk geweld", "Domestic violence"),
            ("child_abuse", "Vermoeden van kindermishandeling", "Suspected child abuse"),
        ],
    ),
    (
        "situations",
        "Bijzondere situaties",
        "Special situations",
        [
            (
                "disability",
                "Beperking of ontwikkelingsstoornis",
                "Disability or developmental disorder",
            ),
            ("foster_adoption", "Pleegzorg en adoptie", "Foster care and adoption"),
            ("migration", "Migratie en meertalig opvoeden", "Migration and multilingual parenting"),
            ("poverty", "Armoede en geldzorgen", "Poverty and money worries"),
        ],
    ),
    (
        "practical",
        "Praktische vragen",
        "Practical questions",
        [
            ("benefits", "Groeipakket en tegemoetkomingen", "Child benefit and allowances"),
            ("where_to_go", "Waar kan ik terecht", "Where to go"),
            ("leisure", "Vrije tijd", "Leisure"),
        ],
    ),
    (
        "other",
        "Andere",
        "Other",
        [
            ("other", "Andere", "Other"),
        ],
    ),
]

OFFERS = [
    ("info", "Informatie en kort advies", "Information and brief advice"),
    ("listening", "Luisterend oor", "Listening ear"),
    ("material", "Folder of brochure meegegeven", "Leaflet or brochure handed out"),
    ("book_loan", "Boek uitgeleend", "Book lent"),
    ("advice_conversation", "Pedagogisch adviesgesprek", "Parenting advice conversation"),
    ("trajectory", "Kortdurend traject", "Short trajectory"),
    ("bridging", "Overbruggingstraject", "Bridging trajectory"),
    ("network_plan", "Netwerkplan", "Network plan"),
    (
        "referral",
        "Doorverwijzing: info over ander aanbod",
        "Referral: information on other services",
    ),
    ("warm_referral", "Warme doorverwijzing", "Warm referral"),
    ("group_offer", "Toeleiding naar groepsaanbod", "Guidance to group offer"),
    ("case_consultation", "Casusbespreking (professionelen)", "Case consultation (professionals)"),
    ("observation", "Observatiemoment (professionelen)", "Observation visit (professionals)"),
]

# Fixed dimensions: not editable per organisation (their codes drive logic and reports).
REQUEST_KINDS = [
    ("information", "Informatievraag", "Information request"),
    ("parenting", "Opvoedingsvraag", "Parenting question"),
    (
        "concern",
        "Zorg (vermoeden van een ernstiger probleem)",
        "Concern (possible serious problem)",
    ),
]
DURATIONS = [
    ("lt5", "< 5 minuten", "< 5 minutes"),
    ("5to15", "5–15 minuten", "5–15 minutes"),
    ("15to30", "15–30 minuten", "15–30 minutes"),
    ("30to60", "30–60 minuten", "30–60 minutes"),
    ("gt60", "> 60 minuten", "> 60 minutes"),
]


def _labels(rows):
    return {row[0]: {"nl": row[1], "en": row[2]} for row in rows}


LABELS = {
    "channel": _labels(CHANNELS),
    "asker_role": _labels(ASKER_ROLES),
    "life_stage": _labels(LIFE_STAGES),
    "theme_group": _labels(THEMES),
    "theme": _labels([t for group in THEMES for t in group[3]]),
    "offer": _labels(OFFERS),
    "request_kind": _labels(REQUEST_KINDS),
    "duration": _labels(DURATIONS),
}

# The languages in which defaults.py itself holds every label.
BUILT_IN_LANGUAGES = ("nl", "en")
DATA_DIR = Path(__file__).resolve().parent / "data"


def read_language_files(directory, languages):
    """The labels in `directory/labels.<language>.json` for each of `languages` that has a file:
    {dimension: {code: {language: label}}}. A missing file is no error; an empty label, or a dimension
    or code that LABELS does not know, is left out (tests/taxonomy/test_labels_per_language.py names
    them)."""
    found = {}
    for language in languages:
        path = Path(directory) / f"labels.{language}.json"
        if not path.is_file():
            continue
        for dimension, labels in json.loads(path.read_text(encoding="utf-8")).items():
            if dimension not in LABELS:
                continue
            for code, text in labels.items():
                if code in LABELS[dimension] and isinstance(text, str) and text.strip():
                    found.setdefault(dimension, {}).setdefault(code, {})[language] = text.strip()
    return found


def add_languages(table, found):
    """Merge `read_language_files`' answer into a table shaped like LABELS (in place)."""
    for dimension, codes in found.items():
        for code, labels in codes.items():
            table[dimension][code].update(labels)


def file_languages():
    """The public languages whose labels come from a file."""
    return [code for code, _name in settings.LANGUAGES if code not in BUILT_IN_LANGUAGES]


add_languages(LABELS, read_language_files(DATA_DIR, file_languages()))


def pick(labels, language):
    """A code's label in `language`: its own, else the fallback language's (English), else Dutch."""
    language = (language or settings.LANGUAGE_CODE).split("-")[0]
    if language in labels:
        return labels[language]
    return labels.get(settings.PUBLIC_FALLBACK_LANGUAGE) or labels["nl"]


def label(dimension, code):
    """The default label of a code in the active language (see `pick`); the code itself when it has none."""
    labels = LABELS[dimension].get(code)
    if labels is None:
        return code
    return pick(labels, get_language())
