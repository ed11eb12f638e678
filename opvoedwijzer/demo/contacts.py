"""Demo registrations: about two years of contacts per organisation, drawn with the shares in
`data/contacts.json` (most questions by mothers, by phone or in person, about behaviour, care and school).

Deterministic: the random generator is seeded with the organisation's slug.
"""

import datetime
import random

from django.utils import timezone

from opvoedwijzer.contacts.models import Area, Contact, ContactTheme, Source
from opvoedwijzer.contacts.services import rebuild_rollup
from opvoedwijzer.taxonomy.models import AskerRole, Channel, LifeStage, OfferType, Theme

from .files import read_json

SHARES = read_json("contacts.json")
WEIGHTS = SHARES["weights"]
THEME_WEIGHTS = SHARES["theme_weights"]


def pick(rng, weights):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def make_contacts(org, users, municipalities, count):
    rng = random.Random(org.slug)
    terms = {
        "asker_role": {t.code: t for t in AskerRole.objects.for_org(org)},
        "channel": {t.code: t for t in Channel.objects.for_org(org)},
        "life_stage": {t.code: t for t in LifeStage.objects.for_org(org)},
        "offer": {t.code: t for t in OfferType.objects.for_org(org)},
    }
    themes = {t.code: t for t in Theme.objects.for_org(org)}
    theme_weights = {code: THEME_WEIGHTS.get(code, 1) for code in themes}
    # The first municipality is the service's home town: most contacts come from there.
    place_weights = {m: (8 if i == 0 else 2) for i, m in enumerate(municipalities)}
    today = timezone.localdate()
    # From 1 January two years ago until today: two whole years for the yearly reports.
    first_day = datetime.date(today.year - 2, 1, 1)
    span = (today - first_day).days
    through_life, through_offer = Contact.life_stages.through, Contact.offers.through
    links_life, links_offer, links_theme = [], [], []
    contacts = []
    for _i in range(count):
        where = rng.random()
        area = Area.OUTSIDE if where < 0.05 else Area.UNKNOWN if where < 0.08 else Area.MUNICIPALITY
        contacts.append(
            Contact(
                organisation=org,
                author=rng.choice(users),
                source=Source.DEMO,
                date=first_day + datetime.timedelta(days=rng.randint(0, span)),
                registered_on=today - datetime.timedelta(days=rng.randint(0, 364)),
                channel=terms["channel"][pick(rng, WEIGHTS["channel"])],
                asker_role=terms["asker_role"][pick(rng, WEIGHTS["asker_role"])],
                area=area,
                municipality=pick(rng, place_weights) if area == Area.MUNICIPALITY else None,
                request_kind=pick(rng, WEIGHTS["request_kind"]),
                duration=pick(rng, WEIGHTS["duration"]),
                language=rng.choice(["", "", "", "nl", "nl", "fr", "ar", "tr", "pl"]),
            )
        )
    for contact in contacts:
        contact.registered_on = max(contact.registered_on, contact.date)
    home = municipalities[0]
    recent = today - datetime.timedelta(days=80)
    Contact.objects.bulk_create(contacts)
    for contact in contacts:
        stages = {pick(rng, WEIGHTS["life_stage"]) for _ in range(rng.choice([1, 1, 1, 2]))}
        links_life += [through_life(contact=contact, lifestage=terms["life_stage"][s]) for s in stages]
        offers = {pick(rng, WEIGHTS["offer"]) for _ in range(rng.choice([1, 1, 2]))}
        links_offer += [through_offer(contact=contact, offertype=terms["offer"][o]) for o in offers]
        chosen = [pick(rng, theme_weights) for _ in range(rng.choice([1, 1, 1, 2, 3]))]
        if contact.municipality == home and contact.date >= recent and rng.random() < 0.6:
            chosen.insert(0, "screen_time")  # lately more questions about gaming in the home town
        for i, code in enumerate(dict.fromkeys(chosen)):
            links_theme.append(ContactTheme(contact=contact, theme=themes[code], is_main=i == 0))
    through_life.objects.bulk_create(links_life)
    through_offer.objects.bulk_create(links_offer)
    ContactTheme.objects.bulk_create(links_theme)
    rebuild_rollup(org)  # bulk inserts bypass the services that keep the report roll-up
