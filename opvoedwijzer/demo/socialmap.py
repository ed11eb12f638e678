"""Demo social map and referrals (used by `manage.py seed_demo`).

Each demo organisation's map is an HSDS 3.0 file in `data/` (`socialmap-<slug>.hsds.json`: the flat
tables, with the app's own fields `_themes`, `_life_stages`, `_languages`, `_municipalities` (NIS codes),
`_partnership`, `_sociale_kaart_id`, `_address`, `_accessibility`). It goes in through the same loader
as every import; its ids were derived from the names (UUIDv5), so seeding twice changes nothing.
"""

import datetime
import random
import uuid

from django.utils import timezone

from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.contacts.services import rebuild_rollup
from opvoedwijzer.socialmap import importers
from opvoedwijzer.socialmap.models import Outcome, Referral, Service
from opvoedwijzer.socialmap.services import REFERRAL_OFFER
from opvoedwijzer.taxonomy.models import OfferType

from .files import read_json


def demo_tables(org):
    """The demo map as flat HSDS tables {table: {uuid: row}}, the shape `importers.load` reads."""
    data = read_json(f"socialmap-{org.slug}.hsds.json")
    served = {m.code: m for m in org.municipalities.all()}
    tables = {name: {} for name in importers.KEPT_TABLES}
    for table, rows in data.items():
        for row in rows:
            tables[table][uuid.UUID(row["id"])] = row
    for row in tables["services"].values():
        row["_municipalities"] = [served[c] for c in row["_municipalities"] if c in served]
    return tables


def seed_social_map(org):
    report = importers.load(org, demo_tables(org))
    if not report.imported:
        raise RuntimeError(f"The demo map was refused: {report.summary()['refused']}")
    # Most services were checked in the last months; a few have not been looked at for over a year.
    rng = random.Random(f"{org.slug}-map")
    today = timezone.localdate()
    services = list(Service.objects.for_org(org).order_by("pk"))
    for service in services:
        stale = rng.random() < 0.15
        service.last_checked_on = today - datetime.timedelta(
            days=rng.randint(380, 700) if stale else rng.randint(5, 200)
        )
    Service.objects.bulk_update(services, ["last_checked_on"])
    return report


def seed_referrals(org, users):
    """Referrals for a share of the demo contacts about themes the map has services for."""
    if Referral.objects.for_org(org).exists():
        return 0
    rng = random.Random(f"{org.slug}-referrals")
    services = list(Service.objects.for_org(org).prefetch_related("themes"))
    by_theme = {}
    for service in services:
        for theme in service.themes.all():
            by_theme.setdefault(theme.pk, []).append(service)
    today = timezone.localdate()
    referrals = []
    contacts = Contact.objects.for_org(org).prefetch_related("contact_themes").order_by("pk")
    for contact in contacts:
        main = next((ct.theme_id for ct in contact.contact_themes.all() if ct.is_main), None)
        if main not in by_theme or rng.random() > 0.12:
            continue
        warm = rng.random() < 0.4
        age = (today - contact.date).days
        outcome = Outcome.OPEN
        if age > 30:
            outcome = rng.choices(
                [Outcome.REGISTERED, Outcome.STARTED, Outcome.NOT_WORKED_OUT, Outcome.UNKNOWN, Outcome.OPEN],
                weights=[3, 4, 1, 2, 1] if warm else [2, 2, 2, 4, 2],
            )[0]
        referrals.append(
            Referral(
                organisation=org,
                contact=contact,
                service=rng.choice(by_theme[main]),
                author=contact.author or rng.choice(users),
                warm=warm,
                date=contact.date,
                follow_up_on=contact.date + datetime.timedelta(days=21),
                outcome=outcome,
                outcome_on=contact.date + datetime.timedelta(days=rng.randint(14, 40)) if outcome else None,
            )
        )
    Referral.objects.bulk_create(referrals)
    # The contacts' offers say "referral" / "warm referral" too, as `services.refer_contact` does.
    offers = {
        o.code: o for o in OfferType.objects.for_org(org).filter(code__in=["referral", "warm_referral"])
    }
    through = Contact.offers.through
    present = set(through.objects.filter(contact__organisation=org).values_list("contact_id", "offertype_id"))
    links = {
        (r.contact_id, offers[REFERRAL_OFFER[r.warm]].pk)
        for r in referrals
        if REFERRAL_OFFER[r.warm] in offers
    }
    through.objects.bulk_create([through(contact_id=c, offertype_id=o) for c, o in links - present])
    rebuild_rollup(org)
    return len(referrals)
