"""Demo data: two organisations as in the seeds, a user for each role, a year of registrations.

The organisations, their users and the shares of the registrations are in `opvoedwijzer/demo/data/`.
Idempotent: running it again changes nothing that is already there.
"""

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone

from opvoedwijzer.contacts.models import Contact, Source
from opvoedwijzer.core import mfa
from opvoedwijzer.core.models import Membership, Municipality, Organisation, Role, User
from opvoedwijzer.core.services import create_organisation
from opvoedwijzer.demo.activities import seed_activities
from opvoedwijzer.demo.contacts import make_contacts
from opvoedwijzer.demo.library import seed_library
from opvoedwijzer.demo.organisations import ORGANISATIONS
from opvoedwijzer.demo.policy import seed_policy
from opvoedwijzer.demo.public_site import seed_public_site
from opvoedwijzer.demo.questions import pick_up, seed_questions
from opvoedwijzer.demo.region import seed_region
from opvoedwijzer.demo.socialmap import seed_referrals, seed_social_map
from opvoedwijzer.demo.trajectories import seed_trajectories
from opvoedwijzer.demo.volunteers import seed_volunteers

DEMO_PASSWORD = "opvoeden-demo-2026"


class Command(BaseCommand):
    help = "Load demo organisations, users and about a year of registrations (idempotent)."

    def handle(self, *args, **options):
        for spec in ORGANISATIONS:
            seed_organisation(spec)
        region_funder = seed_region(DEMO_PASSWORD)  # "Regio Limburg" over both services
        if connection.vendor == "postgresql":
            # A bulk load: fresh statistics, or the planner takes the new tables for empty and joins
            # thousands of rows in nested loops (a referral report took minutes in a test).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(self.style.SUCCESS(f"Demo data ready. Logins (password: {DEMO_PASSWORD}):"))
        for spec in ORGANISATIONS:
            for user in spec["users"]:
                self.stdout.write(f"  {user['name']}@{spec['slug']}.demo  ({Role(user['role']).label})")
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
def seed_organisation(spec):
    municipalities = sorted(
        Municipality.objects.filter(code__in=spec["municipalities"]),
        key=lambda m: spec["municipalities"].index(m.code),
    )
    org = create_organisation(slug=spec["slug"], name=spec["name"], municipalities=municipalities)
    users = []
    for entry in spec["users"]:
        name, role = entry["name"], Role(entry["role"])
        email = f"{name}@{spec['slug']}.demo"
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email=email, password=DEMO_PASSWORD, first_name=entry["first_name"]
            )
        elif user.first_name == name.capitalize() != entry["first_name"]:
            # seeded before the demo users had names: "Je bent nu ingelogd als Staff." was English
            user.first_name = entry["first_name"]
            user.save(update_fields=["first_name"])
        membership, _ = Membership.objects.get_or_create(user=user, organisation=org, defaults={"role": role})
        # Demo accounts: the two-step login grace period starts again with every seeding.
        user.mfa_setup_deadline = timezone.now() + mfa.grace_period()
        user.save(update_fields=["mfa_setup_deadline"])
        if role == Role.FUNDER:
            codes = entry.get("municipalities", [])
            membership.municipalities.add(*[m for m in municipalities if m.code in codes])
        if role in (Role.STAFF, Role.COORDINATOR, Role.VOLUNTEER):
            users.append(user)
    if spec.get("social_map"):
        seed_social_map(org)
    if spec.get("public_site"):
        seed_public_site(org)
    if spec.get("social_map"):
        seed_activities(org)  # after the map: its partners and locations
    if not Contact.objects.for_org(org).filter(source=Source.DEMO).exists():
        make_contacts(org, users, municipalities, spec["contacts"])
    if spec.get("social_map"):
        seed_referrals(org, users)
    # Every screen filled: meetings and signals, the library, web questions in every state, trajectories,
    # the volunteer programme.
    seed_policy(org, municipalities[0])
    seed_library(org)
    seed_questions(org, municipalities[0])
    seed_trajectories(org, municipalities)
    seed_volunteers(org, municipalities)
