"""Demo group offer (used by `manage.py seed_demo`, after the social map).

Thirteen activities of the demo organisation around Sint-Truiden, Gingelom and Heers, in every kind:
past ones of this and last year with their sessions, head counts, anonymous evaluations and sign-ups
whose names and contacts are already gone (as the retention does seven days after the last session),
one that ended a few days ago and still has its names, a monthly meeting moment that is under way, and
upcoming ones on the agenda — one full with a waiting list — besides a draft and a cancelled one.

Everything goes through `services` (save_activity, publish, sign_up, cancel_signup, check_in,
record_attendance, evaluate, cancel_activity). Two exceptions keep the demo from writing to anyone:
a contact is encrypted onto the sign-up after `sign_up` (which would send a confirmation), and the
dates a service stamps with today (created_on, signed_up_on, given_on, cancelled_on) are set back to
when it would have happened. Dates are relative to today; seeding again changes nothing once the
organisation has activities.
"""

import datetime
import random
import uuid
from decimal import Decimal

from django.utils import timezone
from django.utils.text import slugify

from opvoedwijzer.activities import services
from opvoedwijzer.activities.models import Activity, Evaluation, Kind, SignUp
from opvoedwijzer.contacts.models import Area
from opvoedwijzer.core.crypto import encrypt
from opvoedwijzer.infotheek.models import Audience
from opvoedwijzer.socialmap.models import Location, MapOrganisation
from opvoedwijzer.socialmap.services import save_location
from opvoedwijzer.taxonomy.models import AskerRole, LifeStage, Theme

MO, TU, WE, TH, FR, SA = range(6)

# Heers has no building on the demo map; the Huis van het Kind gets a meeting place there (the same id
# the social map's demo would give it, so a later map with this location updates this row).
HEERS = {
    "uuid": uuid.uuid5(
        uuid.UUID("6f1c2a36-0a55-4a8e-9b0e-5d1f0c6d9e01"),
        "zuid-limburg/Huis van het Kind Sint-Truiden/hvhk-heers",
    ),
    "map_organisation": "Huis van het Kind Sint-Truiden",
    "name": "Huis van het Kind – ontmoetingsplek Heers",
    "address_1": "Dorpsstraat 8",
    "postal_code": "3870",
    "city": "Heers",
    "nis": "73022",
    "latitude": 50.7537,
    "longitude": 5.3028,
    "accessibility": "Gelijkvloers, rolstoeltoegankelijk.",
    "transportation": "Bus tot halte Heers Kerk. Parking achter het gebouw.",
}
HUIS = "Huis van het Kind – Sint-Truiden"
GINGELOM = "Consultatiebureau Gingelom"
SCHOOL = "Basisschool De Regenboog"
LIGO = "Ligo – leslocatie Sint-Truiden"
SOCIAAL_HUIS = "Sociaal Huis Sint-Truiden"

EVENING = ("19:30", "21:30")

# Who comes (AskerRole codes with weights) — for the head counts.
PARENTS = {"mother": 60, "father": 30, "grandparent": 4, "step_parent": 3, "foster_parent": 3}
YOUNG_CHILDREN = {"mother": 70, "father": 22, "grandparent": 8}
NEWCOMERS = {"mother": 80, "father": 20}
PROFESSIONALS = {"teacher": 80, "childcare": 12, "social_worker": 8}

# First names and nicknames people give when they sign up (never a child's name).
NAMES = [
    "Sofie", "Karim", "Els", "Papa Tom", "Lien", "Nadia", "An", "Bart", "Fatima", "Kevin", "Joke",
    "Mama Sarah", "Hanne", "Youssef", "Katrien", "Dirk", "Ilse", "Ayşe", "Wim", "Greet", "Stijn",
    "Leila", "Peter", "Evi", "Samira", "Jens", "Marleen", "Oma Lutgart", "Tine", "Mehmet",
]  # fmt: skip


def _weekday(day, weekday):
    """The first day on or after `day` that falls on `weekday` (0 = Monday)."""
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def _weeks(first, count, every=7):
    """`count` days from `first`, `every` days apart, none in the Christmas holidays: a day from 23
    December to 2 January moves on by whole weeks, and the days after it with it."""
    days, later = [], datetime.timedelta(0)
    for i in range(count):
        day = first + datetime.timedelta(days=every * i) + later
        while (day.month, day.day) >= (12, 23) or (day.month, day.day) <= (1, 2):
            day += datetime.timedelta(days=7)
            later += datetime.timedelta(days=7)
        days.append(day)
    return days


def _at(day, hhmm):
    hours, minutes = map(int, hhmm.split(":"))
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hours, minutes)))


def plan(today):
    """The demo activities, dated around `today`."""
    last_year = today.year - 1
    days = datetime.timedelta
    recent = today - days(days=3)
    while recent.weekday() > TH:  # an evening from Monday to Thursday, two to six days ago
        recent -= days(days=1)
    babbelbox = _weekday(today + days(days=3), FR)
    return [
        {
            "kind": Kind.WORKSHOP,
            "title": "Driftbuien: wat doe je ermee?",
            "description": (
                "Je peuter of kleuter gooit zich op de grond in de winkel. Herkenbaar? In deze workshop "
                "leer je waarom driftbuien erbij horen en wat je kan doen om samen weer rustig te "
                "worden. We oefenen met situaties die jullie zelf meebrengen."
            ),
            "themes": ["tantrums", "emotions", "boundaries"],
            "life_stages": ["toddler", "preschool"],
            "partners": ["Kind en Gezin"],
            "capacity": 15,
            "days": _weeks(_weekday(datetime.date(last_year, 5, 14), TH), 1),
            "location": GINGELOM,
            "room": "Zaal op de eerste verdieping",
            "signed_up": 13,
            "attendance": [11],
            "who": YOUNG_CHILDREN,
            "comments": [
                "Duidelijke uitleg en veel voorbeelden uit het dagelijkse leven.",
                "Fijn dat we zelf situaties konden inbrengen.",
                "Ik ga thuis meteen het rustig plekje uitproberen.",
            ],
        },
        {
            "kind": Kind.PARENT_COURSE,
            "title": "Pubers in huis",
            "description": (
                "Vier avonden voor ouders van tieners tussen 12 en 16 jaar. Hoe blijf je in gesprek als "
                "je kind zich terugtrekt? Hoe maak je afspraken over uitgaan, school en gsm? Samen met "
                "een therapeut van het CGG wisselen we ervaringen uit en oefenen we in kleine groepjes."
            ),
            "themes": ["puberty", "boundaries", "going_out", "screen_time"],
            "life_stages": ["teen"],
            "partners": ["CGG LITP"],
            "price": Decimal("20.00"),
            "capacity": 16,
            "days": _weeks(_weekday(datetime.date(last_year, 10, 1), TU), 4),
            "location": HEERS["name"],
            "signed_up": 16,
            "attendance": [15, 14, 12, 13],
            "who": PARENTS,
            "comments": [
                "Heel herkenbaar. Het deed deugd om te horen dat andere ouders hetzelfde meemaken.",
                "De tips om te praten zonder te preken ga ik zeker uitproberen.",
                "Soms wat veel theorie, maar de rollenspellen waren sterk.",
                "Graag een vervolgavond over uitgaan en alcohol.",
            ],
        },
        {
            "kind": Kind.TRAINING_PROFESSIONALS,
            "title": "Druk gedrag in de klas",
            "description": (
                "Een namiddag voor leerkrachten en zorgcoördinatoren van het basisonderwijs: wat zit "
                "er achter druk gedrag, hoe bouw je rustmomenten in, en hoe praat je er met ouders "
                "over? Met een CLB-medewerker en veel ruimte voor vragen uit de praktijk."
            ),
            "themes": ["restlessness", "learning_difficulties", "emotions"],
            "life_stages": ["preschool", "primary"],
            "audience": Audience.PROFESSIONALS,
            "partners": ["GO! CLB Zuid-Limburg"],
            "capacity": 20,
            "days": _weeks(_weekday(datetime.date(last_year, 11, 12), WE), 1),
            "time": ("13:30", "16:30"),
            "location": SCHOOL,
            "room": "Refter",
            "signed_up": 19,
            "attendance": [17],
            "who": PROFESSIONALS,
            "comments": [
                "Bruikbaar in de klas, vooral de tips rond rustmomenten.",
                "Meer tijd voor casussen zou fijn zijn.",
            ],
        },
        {
            "kind": Kind.TARGET_GROUP,
            "title": "Opvoeden in een nieuw land",
            "description": (
                "Drie ochtenden in het Arabisch voor ouders die nog niet lang in België wonen: hoe "
                "werkt de school, waar kan je terecht met vragen over je kind, en hoe combineer je "
                "twee culturen en talen thuis? Met een tolk en koffie."
            ),
            "themes": ["migration", "school_transition", "where_to_go"],
            "life_stages": ["preschool", "primary"],
            "language": "ar",
            "target_group": "Nieuwkomers, Arabischsprekende ouders",
            "partners": ["Ligo Centrum voor Basiseducatie Limburg"],
            "capacity": 12,
            "days": _weeks(_weekday(today - days(days=200), TU), 3),
            "time": ("09:30", "11:30"),
            "location": LIGO,
            "room": "Lokaal 2",
            "signed_up": 11,
            "attendance": [9, 8, 9],
            "who": NEWCOMERS,
            "signup_language": "ar",
            "comments": [
                "Fijn dat alles in het Arabisch werd uitgelegd.",
                "Nu weet ik bij wie ik op school terecht kan.",
            ],
        },
        {
            "kind": Kind.PARENT_CHILD_COURSE,
            "title": "Samen spelen met je peuter",
            "description": (
                "Drie woensdagnamiddagen voor een ouder samen met een peuter van 1 tot 3 jaar. We "
                "spelen, zingen en lezen voor, en je krijgt ideeën om thuis te spelen zonder veel "
                "materiaal. Eén plaats is één ouder met een kind."
            ),
            "themes": ["language", "motor", "routines"],
            "life_stages": ["toddler"],
            "partners": ["Kind en Gezin"],
            "capacity": 10,
            "days": _weeks(_weekday(today - days(days=130), WE), 3),
            "time": ("14:00", "15:30"),
            "location": GINGELOM,
            "room": "Speelruimte",
            "signed_up": 10,
            "attendance": [8, 8, 7],
            "who": YOUNG_CHILDREN,
            "comments": [
                "Mijn peuter en ik keken er elke week naar uit.",
                "Leuke ideeën om thuis te spelen zonder veel materiaal.",
            ],
        },
        {
            "kind": Kind.THEME_MEETING,
            "title": "Zakgeld en kleine budgetten",
            "description": (
                "Een avond in de wijk over geld en kinderen: vanaf wanneer geef je zakgeld, hoeveel, "
                "en hoe leer je je kind omgaan met geld als het thuis krap is? Met een medewerker van "
                "budgetbegeleiding van het Sociaal Huis."
            ),
            "themes": ["pocket_money", "poverty", "values"],
            "life_stages": ["primary", "teen"],
            "partners": ["Sociaal Huis Sint-Truiden"],
            "capacity": 15,
            "days": _weeks(_weekday(today - days(days=70), TH), 1),
            "location": SOCIAAL_HUIS,
            "room": "Wijkzaal, ingang via de zijstraat",
            "signed_up": 11,
            "attendance": [9],
            "who": PARENTS,
            "comments": ["Goede praktische tips, ook voor een klein budget."],
        },
        {
            "kind": Kind.INFO_EVENING,
            "title": "Schermtijd: gamen, sociale media en afspraken thuis",
            "description": (
                "Hoeveel schermtijd is oké? Wat speelt je kind eigenlijk, en hoe maak je afspraken "
                "die werken? Een vormingsavond voor ouders van kinderen van 8 tot 14 jaar, met tijd "
                "voor vragen."
            ),
            "themes": ["screen_time", "social_media", "online_safety"],
            "life_stages": ["primary", "teen"],
            "partners": ["Vrij CLB Limburg"],
            "capacity": 40,
            "days": [recent],
            "location": SCHOOL,
            "room": "Turnzaal",
            "signed_up": 31,
            "contacts": 3,
            "attendance": [27],
            "who": PARENTS,
            "comments": [
                "Eindelijk concrete afspraken die we thuis kunnen maken.",
                "Interessant, maar de zaal was wat warm.",
                "Graag ook een avond over sociale media voor tieners.",
            ],
        },
        {
            "kind": Kind.MEETING,
            "title": "Babbelbox: koffie-ochtend voor ouders",
            "description": (
                "Elke maand een ochtend om andere ouders van baby's en peuters te ontmoeten, bij een "
                "tas koffie. Je kindje mag mee. Een medewerker van het Huis van het Kind is er voor je "
                "vragen."
            ),
            "themes": ["parent_wellbeing", "sleep", "crying"],
            "life_stages": ["baby", "toddler"],
            "partners": ["Kind en Gezin", "Huis van het Kind Sint-Truiden"],
            "capacity": 12,
            "join_later": True,
            "days": _weeks(babbelbox - days(days=56), 5, every=28),
            "time": ("09:30", "11:30"),
            "location": GINGELOM,
            "room": "Wachtzaal, achter de balie",
            "signups": [
                ("Sofie", 1, "sofie@example.org"),
                ("Fatima", 1, ""),
                ("Els", 1, ""),
                ("Oma Lutgart", 1, ""),
                ("Hanne", 1, ""),
                ("Youssef", 1, "0470 00 00 00"),
                ("An", 1, ""),
            ],
            "attendance": [7, 9],
            "who": YOUNG_CHILDREN,
            "comments": [
                "Gezellig en ontspannen, even tijd voor mezelf.",
                "Fijn om andere ouders te leren kennen.",
            ],
        },
        {
            "kind": Kind.INFO_EVENING,
            "title": "Slapen, eten en huilen",
            "description": (
                "Een vormingsavond voor ouders van baby's en peuters over de dingen die het vaakst "
                "vragen oproepen: doorslapen, eten en drinken, en huilen. Met een verpleegkundige van "
                "Kind en Gezin. Je baby mag mee."
            ),
            "themes": ["sleep", "eating", "crying"],
            "life_stages": ["baby", "toddler"],
            "partners": ["Kind en Gezin"],
            "capacity": 25,
            "days": _weeks(_weekday(today + days(days=19), TU), 1),
            "location": HEERS["name"],
            "signups": [
                ("Katrien", 2, "katrien@example.org"),
                ("Karim", 1, ""),
                ("Lien", 1, ""),
                ("Samira", 2, ""),
                ("Jens", 1, ""),
                ("Evi", 1, "evi@example.org"),
                ("Wim", 2, ""),
            ],
            "cancelled_signups": 1,
        },
        {
            "kind": Kind.PARENT_CHILD_COURSE,
            "title": "Babymassage",
            "description": (
                "Drie ochtenden voor ouders met een baby van 6 weken tot 6 maanden. Je leert stap "
                "voor stap je baby masseren: goed voor de band met je kindje, en het helpt vaak bij "
                "krampjes en onrustig slapen. Breng een handdoek mee."
            ),
            "themes": ["crying", "sleep", "parent_wellbeing"],
            "life_stages": ["baby"],
            "partners": ["Kind en Gezin"],
            "price": Decimal("5.00"),
            "capacity": 8,
            "days": _weeks(_weekday(today + days(days=12), MO), 3),
            "time": ("10:00", "11:30"),
            "location": HUIS,
            "room": "Ouderlokaal",
            # eight places taken, then two people on the waiting list
            "signups": [
                ("Sofie", 1, ""),
                ("Karim", 2, "karim@example.org"),
                ("Els", 1, ""),
                ("Nadia", 1, ""),
                ("Papa Tom", 1, ""),
                ("Joke", 1, "joke@example.org"),
                ("Ayşe", 1, ""),
                ("Tine", 1, ""),
                ("Leila", 1, "leila@example.org"),
            ],
        },
        {
            "kind": Kind.TARGET_GROUP,
            "title": "Papa's en peuters",
            "description": (
                "Drie zaterdagochtenden voor vaders, plusvaders en grootvaders met een kind van 1 tot "
                "4 jaar. Samen spelen, buiten ravotten en bij een koffie praten over het vaderschap. "
                "Geen lessen, wel veel plezier."
            ),
            "themes": ["parent_wellbeing", "co_parenting", "leisure"],
            "life_stages": ["toddler", "preschool"],
            "target_group": "Vaders met een kind van 1 tot 4 jaar",
            "partners": ["Huis van het Kind Sint-Truiden"],
            "capacity": 10,
            "days": _weeks(_weekday(today + days(days=30), SA), 3, every=28),
            "time": ("10:00", "12:00"),
            "location": HEERS["name"],
            "signups": [
                ("Papa Tom", 1, ""),
                ("Bart", 1, "bart@example.org"),
                ("Mehmet", 1, ""),
                ("Stijn", 1, ""),
            ],
        },
        {
            "kind": Kind.THEME_MEETING,
            "title": "Scheiden en toch samen ouder blijven",
            "description": (
                "Een avond in de buurt voor ouders die uit elkaar gaan of gingen: hoe vertel je het "
                "aan je kinderen, en hoe maak je goede afspraken met de andere ouder? Met een "
                "bemiddelaar van het CAW."
            ),
            "themes": ["divorce", "co_parenting"],
            "life_stages": ["preschool", "primary", "teen"],
            "partners": ["CAW Limburg"],
            "capacity": 20,
            "days": _weeks(_weekday(today + days(days=14), TH), 1),
            "location": GINGELOM,
            "room": "Zaal op de eerste verdieping",
            "signups": [("Greet", 1, ""), ("Dirk", 1, "")],
            "cancelled_on": today - days(days=2),
            "cancel_message": "De spreker is ziek. We plannen de avond opnieuw in het voorjaar.",
        },
        {
            "kind": Kind.TRAINING_PROFESSIONALS,
            "title": "Praten met ouders over zorgen",
            "description": (
                "Een namiddag voor kinderbegeleiders uit de kinderopvang: hoe breng je een zorg over "
                "een kind ter sprake bij de ouders, en waar kan je zelf terecht met vragen?"
            ),
            "themes": ["where_to_go", "childcare"],
            "life_stages": ["baby", "toddler"],
            "audience": Audience.PROFESSIONALS,
            "capacity": 18,
            "days": _weeks(_weekday(today + days(days=70), WE), 1),
            "time": ("13:30", "16:30"),
            "location": HUIS,
            "draft": True,
        },
    ]


def plan_noord(today):
    """Noord-Limburg's smaller group offer around Pelt and Lommel: one held this year, two coming."""
    days = datetime.timedelta
    held = max(_weekday(today - days(days=45), TU), datetime.date(today.year, 1, 7))
    if held >= today:  # the first week of January: last year's last evening before the holidays
        held = _weekday(datetime.date(today.year - 1, 12, 9), TU)
    return [
        {
            "kind": Kind.INFO_EVENING,
            "title": "Slapen, eten, spelen: de eerste jaren",
            "description": (
                "Een avond voor ouders van baby's en peuters over ritme, slapen en eten. Een "
                "verpleegkundige van Kind en Gezin vertelt wat normaal is en beantwoordt je vragen."
            ),
            "themes": ["sleep", "eating", "routines"],
            "life_stages": ["baby", "toddler"],
            "partners": ["Kind en Gezin"],
            "capacity": 20,
            "days": [held],
            "location": "Huis van het Kind – Pelt",
            "signed_up": 16,
            "attendance": [14],
            "who": YOUNG_CHILDREN,
            "comments": [
                "Heel geruststellend om te horen dat andere ouders hetzelfde meemaken.",
                "Praktische tips over het slaapritueel.",
            ],
        },
        {
            "kind": Kind.WORKSHOP,
            "title": "Grenzen stellen bij kleuters",
            "description": (
                "Hoe zeg je nee zonder ruzie, en hoe houd je vol? In deze workshop oefenen we met "
                "situaties van thuis: opruimen, bedtijd, naar de winkel."
            ),
            "themes": ["boundaries", "tantrums", "listening"],
            "life_stages": ["preschool"],
            "partners": ["Huis van het Kind Pelt"],
            "capacity": 14,
            "days": _weeks(_weekday(today + days(days=10), TH), 1),
            "location": "Huis van het Kind – Pelt",
            "signups": [
                ("An", 1, ""),
                ("Youssef", 2, ""),
                ("Hanne", 1, "hanne@example.org"),
                ("Kevin", 1, ""),
            ],
        },
        {
            "kind": Kind.PARENT_COURSE,
            "title": "Samen ouder na een scheiding",
            "description": (
                "Drie avonden voor ouders die uit elkaar gingen: hoe houd je je kinderen buiten de "
                "ruzie, en hoe maak je afspraken die werken? Met een bemiddelaar van het CAW."
            ),
            "themes": ["divorce", "co_parenting", "parent_conflict"],
            "life_stages": ["primary", "teen"],
            "partners": ["CAW Limburg"],
            "capacity": 12,
            "days": _weeks(_weekday(today + days(days=21), MO), 3),
            "location": "CAW Limburg – Lommel",
            "signups": [("Marleen", 1, ""), ("Peter", 1, "peter@example.org"), ("Katrien", 1, "")],
        },
    ]


PLANS = {"noord-limburg": plan_noord}


def heers_location(org):
    """The Huis van het Kind's meeting place in Heers (made once)."""
    location = Location.objects.for_org(org).filter(uuid=HEERS["uuid"]).first()
    if location:
        return location
    data = {k: v for k, v in HEERS.items() if k not in ("uuid", "nis", "map_organisation")}
    data["map_organisation"] = (
        MapOrganisation.objects.for_org(org).filter(name=HEERS["map_organisation"]).first()
    )
    data["municipality"] = org.municipalities.filter(code=HEERS["nis"]).first()
    location = save_location(org, data)
    Location.objects.filter(pk=location.pk).update(uuid=HEERS["uuid"])
    return location


def _pick(rng, weights):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _scores(rng):
    """Mostly good scores; the three of one person lie close together."""
    overall = rng.choices([5, 4, 3, 2], weights=[48, 38, 11, 3])[0]

    def near():
        return max(1, min(5, overall + rng.choice([-1, 0, 0, 0, 1])))

    return {"overall": overall, "useful": near(), "atmosphere": near()}


def seed_activities(org):
    """The demo group offer of `org`; nothing when it already has activities. Returns how many."""
    if Activity.objects.for_org(org).exists():
        return 0
    rng = random.Random(f"{org.slug}-activities")
    today = timezone.localdate()
    now = timezone.now()
    locations = {loc.name: loc for loc in Location.objects.for_org(org)}
    if org.slug not in PLANS:
        locations[HEERS["name"]] = heers_location(org)
    partners = {m.name: m for m in MapOrganisation.objects.for_org(org)}
    themes = {t.code: t for t in Theme.objects.for_org(org)}
    stages = {s.code: s for s in LifeStage.objects.for_org(org)}
    roles = {r.code: r for r in AskerRole.objects.for_org(org)}
    served = list(org.municipalities.all())
    made = 0
    for spec in PLANS.get(org.slug, plan)(today):
        activity = _make(org, spec, locations, partners, themes, stages)
        made += 1
        sessions = list(activity.sessions.all())
        first = sessions[0].starts_at
        announced = timezone.localdate(first) - datetime.timedelta(days=rng.randint(35, 60))
        Activity.objects.filter(pk=activity.pk).update(created_on=min(announced, today))
        if spec.get("draft"):
            continue
        services.publish(activity)
        signups = _sign_up(rng, activity, spec, first, now, today)
        held = [s for s in sessions if s.ends_at < now][: len(spec.get("attendance", []))]
        for i, session in enumerate(held):
            comments = spec.get("comments", [])[i :: len(held)]  # spread over the sessions of a course
            _hold(rng, session, spec["attendance"][i], signups, spec["who"], comments, roles, served)
        if spec.get("cancelled_on"):
            services.cancel_activity(activity, spec["cancel_message"])
            Activity.objects.filter(pk=activity.pk).update(cancelled_on=spec["cancelled_on"])
        activity.refresh_from_db()
        purge_on = activity.personal_data_purge_on()
        if purge_on and purge_on <= today:  # what the retention would have done by now
            activity.signups.update(name="", contact="")
    return made


def _make(org, spec, locations, partners, themes, stages):
    start, end = spec.get("time", EVENING)
    data = {
        "kind": spec["kind"],
        "title": spec["title"],
        "description": spec["description"],
        "audience": spec.get("audience", Audience.PARENTS),
        "language": spec.get("language", "nl"),
        "target_group": spec.get("target_group", ""),
        "price": spec.get("price", Decimal("0")),
        "capacity": spec["capacity"],
        "join_later": spec.get("join_later", False),
        "themes": [themes[c] for c in spec["themes"] if c in themes],
        "life_stages": [stages[c] for c in spec["life_stages"] if c in stages],
        "partners": [partners[n] for n in spec.get("partners", []) if n in partners],
    }
    sessions = [
        {
            "starts_at": _at(day, start),
            "ends_at": _at(day, end),
            "location": locations[spec["location"]],
            "room": spec.get("room", ""),
        }
        for day in spec["days"]
    ]
    return services.save_activity(org, data, sessions=sessions)


def _sign_up(rng, activity, spec, first, now, today):
    """Sign-ups as people (or staff, once the activity started) made them, and one that was cancelled
    again; returns the confirmed ones."""
    by_staff = first <= now
    opened = timezone.localdate(first) - datetime.timedelta(days=30)
    language = spec.get("signup_language", "nl")
    rows = list(spec.get("signups", []))
    if "signed_up" in spec:  # a past activity: about this many people, one or two each
        names = rng.sample(NAMES, len(NAMES))
        left, with_contact = spec["signed_up"], spec.get("contacts", 0)
        while left > 0:
            people = min(left, rng.choices([1, 2], weights=[70, 30])[0])
            name = names.pop()
            contact = f"{slugify(name)}@example.org" if with_contact > 0 else ""
            with_contact -= 1
            rows.append((name, people, contact))
            left -= people
    cancelled = spec.get("cancelled_signups", 1 if "signed_up" in spec else 0)
    for _i in range(cancelled):  # someone who cancelled again, somewhere in between
        rows.insert(rng.randint(0, len(rows)), (rng.choice(NAMES), 1, "", "cancel"))
    until = min(today, spec.get("cancelled_on", today), timezone.localdate(first))
    made = []
    for name, people, contact, *cancel in rows:
        signup, _token = services.sign_up(
            activity, name=name, people=people, language=language, by_staff=by_staff
        )
        # The contact goes on encrypted afterwards: `sign_up` would send it a confirmation.
        changes = {"signed_up_on": min(until, opened + datetime.timedelta(days=rng.randint(0, 28)))}
        if contact:
            changes["contact"] = encrypt(contact)
        SignUp.objects.filter(pk=signup.pk).update(**changes)
        if cancel:
            services.cancel_signup(signup)
        elif signup.status == "confirmed":
            made.append(signup)
    return made


def _hold(rng, session, total, signups, who, comments, roles, served):
    """A session that took place: check-ins, head counts by who and where, anonymous evaluations."""
    present = 0
    for signup in rng.sample(signups, len(signups)):
        if present + signup.people <= total:
            services.check_in(session, signup)
            present += signup.people
    home = session.location.municipality if session.location_id else None
    places = {(Area.MUNICIPALITY, m): 12 if m == home else 5 if m.code == "71053" else 1 for m in served}
    places[(Area.OUTSIDE, None)] = 1
    places[(Area.UNKNOWN, None)] = 1
    who = {roles[code]: weight for code, weight in who.items() if code in roles}
    rows = []
    for _i in range(total):
        area, municipality = _pick(rng, places)
        rows.append({"who": _pick(rng, who), "area": area, "municipality": municipality, "count": 1})
    services.record_attendance(session, rows)
    day = timezone.localdate(session.starts_at)
    count = max(len(comments), round(total * rng.uniform(0.45, 0.75)))
    for i in range(count):
        evaluation = services.evaluate(
            session, comment=comments[i] if i < len(comments) else "", **_scores(rng)
        )
        given_on = min(day + datetime.timedelta(days=rng.choice([0, 0, 0, 1, 2])), timezone.localdate())
        Evaluation.objects.filter(pk=evaluation.pk).update(given_on=given_on)
