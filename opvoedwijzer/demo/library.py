"""Demo library (used by `manage.py seed_demo`): every library screen has something on it.

Books and a game with copies — some on the shelf, two out, one of them overdue, one back already —
a title with every copy out and a reservation waiting, folders and brochures with a stock and
hand-outs over the last fourteen months (the overview's "Folders and brochures handed out"), an article
written here, a website, one title for professionals and one in Arabic. Titles are made up; authors
are organisations; a borrower's contact is an address at example.org.

Everything goes through `services` (save_resource, add_copy, lend_copy, return_copy, reserve,
hand_out). The services stamp today (lent_on, returned_on, reserved_on, given_on); those are set back
afterwards to when it would have happened, relative to today, so the demo never goes stale. A title
that exists already (by title, in this organisation) is left alone: seeding again changes nothing.
"""

import datetime

from django.conf import settings
from django.utils import timezone

from opvoedwijzer.infotheek import services
from opvoedwijzer.infotheek.models import Audience, Handout, Kind, Loan, Reservation, Resource
from opvoedwijzer.taxonomy.models import LifeStage, Theme

ARTICLE = """Een peuter die op de grond ligt te brullen in de winkel: bijna elke ouder maakt het mee.
Driftbuien horen bij deze leeftijd. Je kind wil veel, maar kan nog niet zeggen wat het voelt.

## Wat helpt?

- **Blijf zelf rustig.** Ga op ooghoogte zitten en praat zacht.
- **Benoem wat je ziet:** "Je bent boos, want je wilde dat koekje."
- **Houd je grens.** Nee blijft nee, ook als het lang duurt.
- **Troost achteraf.** Een knuffel na de bui zegt: ik blijf van je houden.
- **Voorkom wat je kan:** honger en moeheid maken buien groter.

Blijven de buien heel lang duren, of maak je je zorgen? Stel je vraag via *Stel een vraag*, of
[lees meer bij Groeimee](https://www.groeimee.be).
"""

# Each title: kind, fields, theme and life-stage codes, and what happens to it: loans as (lent days ago,
# due in days from today, returned days ago or None), one per copy; reservations as days ago; hand-outs
# as (days ago, count).
LIBRARY = [
    {
        "kind": Kind.BOOK,
        "title": "Slapen zonder strijd",
        "author": "Kind en Gezin",
        "description": "Over het slaapritme van baby's en peuters, inslaapritueeltjes en wat je doet "
        "als je kind 's nachts wakker wordt.",
        "themes": ["sleep", "routines"],
        "life_stages": ["baby", "toddler"],
        "copies": 2,
        "loans": [(10, 11, None)],
    },
    {
        "kind": Kind.BOOK,
        "title": "Pubers in huis: praten, afspreken, loslaten",
        "author": "Opvoedingswinkel",
        "description": "Hoe blijf je in gesprek met een tiener die zich terugtrekt? Met voorbeelden van "
        "afspraken over uitgaan, school en gsm.",
        "themes": ["puberty", "boundaries", "going_out"],
        "life_stages": ["teen"],
        "copies": 2,
        "loans": [(30, -9, None), (5, 16, None)],  # one overdue, one out: the title is all out
        "reservations": [3],
    },
    {
        "kind": Kind.BOOK,
        "title": "Broers en zussen: ruzie maken en samen spelen",
        "author": "Opvoedingswinkel",
        "description": "Waarom broers en zussen ruziën, wanneer je tussenkomt en hoe je ze samen laat "
        "oplossen.",
        "themes": ["siblings", "emotions"],
        "life_stages": ["preschool", "primary"],
        "copies": 1,
        "loans": [(33, -12, 12)],  # back on the shelf; the contact goes when its retention ends
    },
    {
        "kind": Kind.BOOK,
        "title": "Als ouders uit elkaar gaan",
        "author": "Centrum Algemeen Welzijnswerk",
        "description": "Hoe vertel je het aan je kinderen, en hoe blijf je samen ouder na een scheiding?",
        "themes": ["divorce", "parent_conflict"],
        "life_stages": ["primary", "teen"],
        "copies": 1,
    },
    {
        "kind": Kind.BOOK,
        "title": "Mijn kind wordt gepest",
        "author": "Vlaams Netwerk tegen Pesten",
        "description": "Signalen herkennen, erover praten met je kind en samenwerken met de school.",
        "themes": ["bullying", "self_esteem"],
        "life_stages": ["primary"],
        "copies": 1,
    },
    {
        "kind": Kind.GAME,
        "title": "Gevoelens-kaartspel",
        "author": "Opvoedingswinkel",
        "description": "Vijftig kaarten met gezichten en situaties om samen over gevoelens te praten.",
        "themes": ["emotions"],
        "life_stages": ["preschool", "primary"],
        "copies": 1,
        "loans": [(4, 17, None)],
    },
    {
        "kind": Kind.BOOK,
        "title": "Observeren in de klas: druk gedrag begrijpen",
        "author": "Centrum voor Leerlingenbegeleiding",
        "description": "Voor leerkrachten en kinderbegeleiders: kijken, noteren en met ouders praten.",
        "themes": ["restlessness", "learning_difficulties"],
        "life_stages": ["preschool", "primary"],
        "audience": Audience.PROFESSIONALS,
        "copies": 1,
    },
    {
        "kind": Kind.FOLDER,
        "title": "Schermtijd: afspraken die werken",
        "author": "Mediawijs",
        "description": "Een folder met tips om samen afspraken te maken over gamen en sociale media.",
        "themes": ["screen_time", "social_media"],
        "life_stages": ["primary", "teen"],
        "stock": 200,
        "handouts": [(400, 12), (300, 15), (200, 9), (120, 20), (60, 14), (20, 8), (6, 5)],
    },
    {
        "kind": Kind.FOLDER,
        "title": "Huilen bij baby's: wat kan je doen?",
        "author": "Kind en Gezin",
        "description": "Waarom baby's huilen, hoe je troost en wat je doet als het te veel wordt.",
        "themes": ["crying", "parent_wellbeing"],
        "life_stages": ["baby"],
        "stock": 120,
        "handouts": [(380, 6), (250, 10), (140, 7), (45, 9), (12, 4)],
    },
    {
        "kind": Kind.BROCHURE,
        "title": "Zindelijk worden, stap voor stap",
        "author": "Kind en Gezin",
        "description": "Wanneer is je peuter er klaar voor, en hoe help je zonder druk?",
        "themes": ["toilet_training"],
        "life_stages": ["toddler"],
        "stock": 60,
        "handouts": [(330, 5), (150, 6), (30, 4)],
    },
    {
        "kind": Kind.FOLDER,
        "title": "Naar school in België (in het Arabisch)",
        "author": "Opvoedingswinkel",
        "description": "Hoe de school werkt, wie je kan aanspreken en waar je terecht kan met vragen. "
        "In het Arabisch.",
        "themes": ["migration", "school_transition"],
        "life_stages": ["preschool", "primary"],
        "language": "ar",
        "stock": 50,
        "handouts": [(90, 6), (25, 3)],
    },
    {
        "kind": Kind.ARTICLE,
        "title": "Driftbuien bij peuters: vijf tips",
        "author": "Opvoedingswinkel",
        "description": "Wat je kan doen als je peuter een driftbui heeft, en wat je beter laat.",
        "body": ARTICLE,
        "themes": ["tantrums", "emotions"],
        "life_stages": ["toddler", "preschool"],
    },
    {
        "kind": Kind.WEBSITE,
        "title": "Groeimee: opvoedingsinformatie per leeftijd",
        "author": "Kind en Gezin",
        "description": "Betrouwbare informatie over opgroeien en opvoeden, van zwangerschap tot puberteit.",
        "url": "https://www.groeimee.be",
        "themes": ["where_to_go"],
        "life_stages": ["baby", "toddler", "preschool", "primary", "teen"],
        "audience": Audience.BOTH,
    },
]


def _prefix(org):
    return "".join(part[0] for part in org.slug.split("-")).upper()


def seed_library(org, today=None):
    """Load the demo library into `org`; returns the titles it added (none when all were there)."""
    today = today or timezone.localdate()
    ago = lambda days: today - datetime.timedelta(days=days)  # noqa: E731
    themes = {t.code: t for t in Theme.objects.for_org(org)}
    stages = {s.code: s for s in LifeStage.objects.for_org(org)}
    existing = set(Resource.objects.for_org(org).values_list("title", flat=True))
    added, borrower = [], 0
    for n, spec in enumerate(LIBRARY, start=1):
        if spec["title"] in existing:
            continue
        data = {
            "kind": spec["kind"],
            "title": spec["title"],
            "author": spec.get("author", ""),
            "description": spec.get("description", ""),
            "url": spec.get("url", ""),
            "body": spec.get("body", ""),
            "language": spec.get("language", "nl"),
            "audience": spec.get("audience", Audience.PARENTS),
            "published": True,
            "stock": spec.get("stock"),
            "themes": [themes[c] for c in spec["themes"] if c in themes],
            "life_stages": [stages[c] for c in spec["life_stages"] if c in stages],
        }
        resource = services.save_resource(org, data)
        copies = [
            services.add_copy(resource, f"{_prefix(org)}-{n:03}-{i}")
            for i in range(1, spec.get("copies", 0) + 1)
        ]
        for copy, (lent_ago, due_in, returned_ago) in zip(copies, spec.get("loans", []), strict=False):
            borrower += 1
            loan = services.lend_copy(
                copy, f"lener-{borrower}@example.org", due_on=today + datetime.timedelta(days=due_in)
            )
            Loan.objects.filter(pk=loan.pk).update(lent_on=ago(lent_ago))
            if returned_ago is not None:
                services.return_copy(loan)
                back = ago(returned_ago)
                purge_on = back + datetime.timedelta(days=settings.RETENTION_DAYS["library_contact"])
                Loan.objects.filter(pk=loan.pk).update(returned_on=back, contact_purge_on=purge_on)
        for reserved_ago in spec.get("reservations", []):
            borrower += 1
            reservation = services.reserve(resource, f"lener-{borrower}@example.org")
            Reservation.objects.filter(pk=reservation.pk).update(reserved_on=ago(reserved_ago))
        for given_ago, count in spec.get("handouts", []):
            services.hand_out(resource, count)
            Handout.objects.filter(resource=resource, given_on=today).update(given_on=ago(given_ago))
        added.append(resource.title)
    return added
