"""Demo data: two organisations as in the seeds, a user for each role, a year of registrations.

Idempotent: running it again changes nothing that is already there.
"""

import datetime
import random

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone

from opvoedwijzer.activities.demo import seed_activities
from opvoedwijzer.contacts.models import Area, Contact, ContactTheme, Source
from opvoedwijzer.core import mfa
from opvoedwijzer.core.models import Membership, Municipality, Organisation, Role, User
from opvoedwijzer.core.services import create_organisation
from opvoedwijzer.infotheek.demo import seed_library
from opvoedwijzer.pages.demo import seed_public_site
from opvoedwijzer.policy.demo import seed_policy
from opvoedwijzer.questions.demo import pick_up, seed_questions
from opvoedwijzer.regions.demo import seed_region
from opvoedwijzer.reports import rollup
from opvoedwijzer.socialmap.demo import seed_referrals, seed_social_map
from opvoedwijzer.taxonomy.models import AskerRole, Channel, LifeStage, OfferType, Theme

DEMO_PASSWORD = "opvoeden-demo-2026"

ORGANISATIONS = [
    {
        "slug": "zuid-limburg",
        "name": "Opvoedingswinkel Zuid-Limburg",
        # Sint-Truiden and its neighbours
        "municipalities": [
            "71053",
            "71017",
            "71045",
            "73022",
            "73001",
            "73098",
            "73111",
            "24130",
            "24133",
        ],
        "users": [
            ("coordinator", Role.COORDINATOR),
            ("staff", Role.STAFF),
            ("volunteer", Role.VOLUNTEER),
            ("funder", Role.FUNDER),
        ],
        "contacts": 1300,
        "social_map": True,
        "public_site": True,
    },
    {
        "slug": "noord-limburg",
        "name": "Opvoedingswinkel Noord-Limburg",
        "municipalities": ["72043", "72020", "72037", "72030", "72003", "72004", "71034", "72038"],
        "users": [("staff", Role.STAFF)],
        "contacts": 800,
        "social_map": True,  # a smaller map: opvoedwijzer/socialmap/demo_data_noord.py
        "public_site": True,
    },
]

# Rough shares seen in parenting-support registrations: most questions by mothers, by phone or
# in person, about behaviour, care and school.
WEIGHTS = {
    "asker_role": {
        "mother": 45,
        "father": 14,
        "both_parents": 8,
        "grandparent": 5,
        "foster_parent": 2,
        "step_parent": 2,
        "teacher": 7,
        "childcare": 4,
        "social_worker": 8,
        "young_person": 1,
        "other_family": 2,
        "other": 2,
    },
    "channel": {
        "phone": 35,
        "in_person": 25,
        "email": 15,
        "outreach": 10,
        "web_question": 6,
        "social_media": 3,
        "home_visit": 3,
        "video": 2,
        "chat": 1,
    },
    "life_stage": {
        "baby": 12,
        "toddler": 20,
        "preschool": 22,
        "primary": 25,
        "teen": 15,
        "expecting": 3,
        "young_adult": 3,
    },
    "offer": {
        "info": 50,
        "listening": 20,
        "material": 15,
        "advice_conversation": 12,
        "referral": 10,
        "warm_referral": 4,
        "book_loan": 5,
        "group_offer": 4,
        "trajectory": 3,
    },
    "request_kind": {"parenting": 65, "information": 28, "concern": 7},
    "duration": {"lt5": 15, "5to15": 40, "15to30": 25, "30to60": 15, "gt60": 5},
}
THEME_WEIGHTS = {
    "tantrums": 9,
    "sleep": 8,
    "boundaries": 8,
    "listening": 7,
    "eating": 6,
    "screen_time": 6,
    "divorce": 5,
    "bullying": 5,
    "anxiety": 4,
    "siblings": 4,
    "homework": 4,
    "puberty": 4,
    "emotions": 4,
    "self_esteem": 3,
    "toilet_training": 3,
    "language": 3,
    "restlessness": 3,
    "where_to_go": 3,
    "parent_wellbeing": 3,
}


def pick(rng, weights):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


# A person's name, not a role in English: allauth greets with "Je bent nu ingelogd als <name>."
DEMO_NAMES = {
    "coordinator@zuid-limburg.demo": "Ilse",
    "staff@zuid-limburg.demo": "Sam",
    "volunteer@zuid-limburg.demo": "Vera",
    "funder@zuid-limburg.demo": "Fons",
    "staff@noord-limburg.demo": "Noor",
}


class Command(BaseCommand):
    help = "Load demo organisations, users and about a year of registrations (idempotent)."

    def handle(self, *args, **options):
        for spec in ORGANISATIONS:
            self.seed_organisation(spec)
        region_funder = seed_region(DEMO_PASSWORD)  # "Regio Limburg" over both services
        if connection.vendor == "postgresql":
            # A bulk load: fresh statistics, or the planner takes the new tables for empty and joins
            # thousands of rows in nested loops (a referral report took minutes in a test).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(self.style.SUCCESS(f"Demo data ready. Logins (password: {DEMO_PASSWORD}):"))
        for spec in ORGANISATIONS:
            for name, role in spec["users"]:
                self.stdout.write(f"  {name}@{spec['slug']}.demo  ({role.label})")
        self.stdout.write(f"  {region_funder}  (regional funder of Regio Limburg: /r/regio-limburg/)")
        self.stdout.write(
            "Staff, coordinators and funders must set up two-step login "
            f"within {mfa.grace_period().days} days."
        )
        for spec in ORGANISATIONS:
            demo = pick_up(Organisation.objects.get(slug=spec["slug"]))
            if demo:
                code, secret = demo
                self.stdout.write(
                    f"  an answer to pick up at /{spec['slug']}/answer/: {code}, secret {secret}"
                )

    @transaction.atomic
    def seed_organisation(self, spec):
        municipalities = sorted(
            Municipality.objects.filter(code__in=spec["municipalities"]),
            key=lambda m: spec["municipalities"].index(m.code),
        )
        org = create_organisation(slug=spec["slug"], name=spec["name"], municipalities=municipalities)
        users = []
        for name, role in spec["users"]:
            email = f"{name}@{spec['slug']}.demo"
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User.objects.create_user(
                    email=email, password=DEMO_PASSWORD, first_name=DEMO_NAMES.get(email, name.capitalize())
                )
            elif user.first_name == name.capitalize() and email in DEMO_NAMES:
                # seeded before the demo users had names: "Je bent nu ingelogd als Staff." was English
                user.first_name = DEMO_NAMES[email]
                user.save(update_fields=["first_name"])
            membership, _ = Membership.objects.get_or_create(
                user=user, organisation=org, defaults={"role": role}
            )
            # Demo accounts: the two-step login grace period starts again with every seeding.
            user.mfa_setup_deadline = timezone.now() + mfa.grace_period()
            user.save(update_fields=["mfa_setup_deadline"])
            if role == Role.FUNDER:
                membership.municipalities.add(*[m for m in municipalities if m.code == "71053"])
            if role in (Role.STAFF, Role.COORDINATOR, Role.VOLUNTEER):
                users.append(user)
        if spec.get("social_map"):
            seed_social_map(org)
        if spec.get("public_site"):
            seed_public_site(org)
        if spec.get("social_map"):
            seed_activities(org)  # after the map: its partners and locations
        if not Contact.objects.for_org(org).filter(source=Source.DEMO).exists():
            self.make_contacts(org, users, municipalities, spec["contacts"])
        if spec.get("social_map"):
            seed_referrals(org, users)
        # Every screen filled: meetings and signals, the library, web questions in every state.
        seed_policy(org, municipalities[0])
        seed_library(org)
        seed_questions(org, municipalities[0])

    def make_contacts(self, org, users, municipalities, count):
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
        rollup.rebuild(org)  # bulk inserts bypass the services that keep the report roll-up
