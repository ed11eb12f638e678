"""Demo social map and referrals (used by `manage.py seed_demo`).

The map in `demo_data.py` (Zuid-Limburg; `demo_data_noord.py` for Noord-Limburg) goes in through the
same loader as every import, with ids derived from the names (UUIDv5), so seeding twice changes nothing.
"""

import datetime
import random
import uuid

from django.utils import timezone

from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.reports import rollup
from opvoedwijzer.taxonomy.models import OfferType

from . import demo_data_noord, importers
from .demo_data import MAP, NIS_CODES
from .models import Outcome, Referral, Service
from .services import REFERRAL_OFFER

DEMO_NAMESPACE = uuid.UUID("6f1c2a36-0a55-4a8e-9b0e-5d1f0c6d9e01")


def _id(*parts):
    return uuid.uuid5(DEMO_NAMESPACE, "/".join(parts))


def _hours(owner_field, owner_id, schedules, tables):
    for i, hours in enumerate(schedules):
        key = _id(str(owner_id), "hours", str(i))
        tables["schedules"][key] = {
            "id": str(key),
            owner_field: str(owner_id),
            "freq": "WEEKLY",
            "byday": hours["days"],
            "opens_at": hours["opens"],
            "closes_at": hours["closes"],
        }


# The map of each demo organisation and the municipalities its "all" means.
MAPS = {"noord-limburg": (demo_data_noord.MAP_NOORD, demo_data_noord.NIS_CODES)}


def demo_tables(org):
    """The demo map as flat HSDS tables, the shape `importers.Loader` reads."""
    tables = {name: {} for name in importers.KEPT_TABLES}
    served = {m.code: m for m in org.municipalities.all()}
    demo_map, all_codes = MAPS.get(org.slug, (MAP, NIS_CODES))
    for spec in demo_map:
        org_id = _id(org.slug, spec["name"])
        tables["organizations"][org_id] = {
            "id": str(org_id),
            "name": spec["name"],
            "alternate_name": spec.get("alternate_name", ""),
            "description": spec.get("description", ""),
            "website": spec.get("website", ""),
            "email": spec.get("email", ""),
            "_partnership": spec.get("partnership", ""),
            "_sociale_kaart_id": spec.get("sociale_kaart_id", ""),
        }
        locations = {}
        for loc in spec.get("locations", []):
            loc_id = _id(org.slug, spec["name"], loc["key"])
            locations[loc["key"]] = loc_id
            tables["locations"][loc_id] = {
                "id": str(loc_id),
                "organization_id": str(org_id),
                "name": loc["name"],
                "location_type": "physical",
                "latitude": loc.get("latitude"),
                "longitude": loc.get("longitude"),
                "transportation": loc.get("transportation", ""),
                "_address": {
                    "address_1": loc["address"],
                    "postal_code": loc["postal_code"],
                    "city": loc["city"],
                    "country": "BE",
                },
                "_accessibility": loc.get("accessibility", ""),
            }
            _hours("location_id", loc_id, loc.get("schedules", []), tables)
        for service in spec["services"]:
            service_id = _id(org.slug, spec["name"], service["name"])
            area = service.get("municipalities", "all")
            codes = all_codes if area == "all" else area
            tables["services"][service_id] = {
                "id": str(service_id),
                "organization_id": str(org_id),
                "name": service["name"],
                "description": service.get("description", ""),
                "url": service.get("url", ""),
                "email": service.get("email", ""),
                "status": "active",
                "application_process": service.get("application_process", ""),
                "fees_description": service.get("fees", ""),
                "eligibility_description": service.get("eligibility", ""),
                "minimum_age": None if service.get("min_months") is None else service["min_months"] / 12,
                "maximum_age": None if service.get("max_months") is None else service["max_months"] / 12,
                "_themes": service.get("themes", []),
                "_life_stages": service.get("life_stages", []),
                "_languages": service.get("languages", []),
                "_municipalities": [served[c] for c in codes if c in served],
            }
            for key in service.get("locations", []):
                link = _id(str(service_id), "at", key)
                tables["service_at_location"][link] = {
                    "id": str(link),
                    "service_id": str(service_id),
                    "location_id": str(locations[key]),
                }
            if service.get("phone"):
                phone = _id(str(service_id), "phone")
                tables["phones"][phone] = {
                    "id": str(phone),
                    "service_id": str(service_id),
                    "number": service["phone"],
                }
            if service.get("contact"):
                contact = _id(str(service_id), "contact")
                tables["contacts"][contact] = {
                    "id": str(contact),
                    "service_id": str(service_id),
                    "name": service["contact"],
                }
            _hours("service_id", service_id, service.get("schedules", []), tables)
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
    rollup.rebuild(org)
    return len(referrals)
