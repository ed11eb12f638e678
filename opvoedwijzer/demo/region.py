"""Demo data: "Regio Limburg" over the demo services, both agreed to share, with a regional funder."""

from django.utils import timezone

from opvoedwijzer.core import mfa
from opvoedwijzer.core.models import Membership, Organisation, Role
from opvoedwijzer.regions import services
from opvoedwijzer.regions.models import RegionRole, RegionShare

from .files import read_json

DEMO_REGION = read_json("region.json")  # slug, name, the organisations that share, the funder's e-mail


def seed_region(password):
    """Idempotent: the region, the agreements (by each service's coordinator, if it has one) and the
    regional funder's account with `password`. Returns the funder's e-mail address."""
    region, _created = services.create_region(slug=DEMO_REGION["slug"], name=DEMO_REGION["name"])
    for org in Organisation.objects.filter(slug__in=DEMO_REGION["organisations"]):
        if RegionShare.objects.filter(region=region, organisation=org).exists():
            continue  # agreed, or withdrawn on purpose: seeding again does not overrule the coordinator
        coordinator = (
            Membership.objects.active()
            .filter(organisation=org, role=Role.COORDINATOR)
            .select_related("user")
            .first()
        )
        services.agree_to_share(region, org, user=coordinator.user if coordinator else None)
    member, _user_created = services.add_region_member(
        region, email=DEMO_REGION["funder"], role=RegionRole.FUNDER
    )
    user = member.user
    if not user.has_usable_password():
        user.set_password(password)
    # Demo accounts: the two-step login grace period starts again with every seeding.
    user.mfa_setup_deadline = timezone.now() + mfa.grace_period()
    user.first_name = user.first_name or "Regio"
    user.save(update_fields=["password", "mfa_setup_deadline", "first_name"])
    return user.email
