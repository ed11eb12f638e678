"""Bench data: many anonymous contacts for one organisation, drawn from the demo's distributions.

    python bench/generate.py --org zuid-limburg --count 100000 [--seed 1]

Needs the environment of the bench database (DATABASE_URL etc.) and the demo data
(`manage.py seed_demo`: the organisation, its taxonomy and users). The weights are the ones of
seed_demo.py; what seed_demo does not model is added here and kept plain:

* dates: the last 365 days, weekdays far busier than weekends, quieter in July/August and at
  Christmas; registered on the same day mostly, a few days later sometimes;
* source: mostly the web form, some outreach tally counts (channel outreach, one theme, no life
  stage, short), a few through the API;
* a short note on one contact in ten.

The same drawing (`draw`) makes the JSON bodies of the HTTP load in run.py, so the load looks like
the data.
"""

import argparse
import datetime
import os
import random
import sys
import time
from itertools import accumulate
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opvoedwijzer.settings")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from opvoedwijzer.contacts.models import Area, Contact, ContactTheme, Source  # noqa: E402
from opvoedwijzer.core.models import Membership, Organisation, Role  # noqa: E402
from opvoedwijzer.demo.contacts import THEME_WEIGHTS, WEIGHTS  # noqa: E402
from opvoedwijzer.demo.organisations import ORGANISATIONS  # noqa: E402
from opvoedwijzer.taxonomy.models import AskerRole, Channel, LifeStage, OfferType, Theme  # noqa: E402

LANGUAGES = ["", "", "", "nl", "nl", "fr", "ar", "tr", "pl"]  # as in seed_demo
SOURCES = {Source.FORM: 88, Source.TALLY: 8, Source.API: 4}
NOTES = [
    "Doorverwezen naar het CLB.",
    "Folder over slapen meegegeven.",
    "Vraag komt terug na de vakantie.",
    "Ouder belt volgende week terug.",
    "Afspraak voor een adviesgesprek gemaakt.",
]
NOTE_SHARE = 0.10


class Weighted:
    """Fast repeated weighted choice (cumulative weights computed once)."""

    def __init__(self, weights):
        self.values = list(weights)
        self.cum = list(accumulate(weights.values()))

    def __call__(self, rng):
        return rng.choices(self.values, cum_weights=self.cum)[0]


def day_weights(today, days=365):
    """Weight per day offset (0 = today): weekdays busy, weekends quiet, holidays quieter."""
    weights = {}
    for offset in range(days):
        day = today - datetime.timedelta(days=offset)
        w = {5: 0.15, 6: 0.05}.get(day.weekday(), 1.0)
        if day.month in (7, 8):
            w *= 0.6
        if (day.month == 12 and day.day >= 23) or (day.month == 1 and day.day <= 2):
            w *= 0.3
        weights[offset] = w
    return weights


class Drawer:
    """Draws contacts in codes, following seed_demo's weights for one organisation.

    `municipalities` is the organisation's list of NIS codes, its home town first (as in
    demo.organisations.ORGANISATIONS); `theme_codes` and `life_stage_codes` are the visible ones.
    """

    def __init__(self, municipalities, theme_codes, today=None):
        self.today = today or datetime.date.today()
        self.asker_role = Weighted(WEIGHTS["asker_role"])
        self.channel = Weighted(WEIGHTS["channel"])
        self.life_stage = Weighted(WEIGHTS["life_stage"])
        self.offer = Weighted(WEIGHTS["offer"])
        self.request_kind = Weighted(WEIGHTS["request_kind"])
        self.duration = Weighted(WEIGHTS["duration"])
        self.theme = Weighted({code: THEME_WEIGHTS.get(code, 1) for code in theme_codes})
        # The first municipality is the home town (seed_demo: 8 against 2 for the others).
        self.municipality = Weighted({m: (8 if i == 0 else 2) for i, m in enumerate(municipalities)})
        self.day = Weighted(day_weights(self.today))
        self.source = Weighted(SOURCES)

    def draw(self, rng, recent_days=None, source=Source.FORM):
        """One contact as codes, in the API's shape (themes: the main one first).

        `recent_days` limits the date to the last n days (what someone registers today)."""
        where = rng.random()
        municipality = (
            Area.OUTSIDE.value
            if where < 0.05
            else Area.UNKNOWN.value
            if where < 0.08
            else self.municipality(rng)
        )
        offset = rng.randint(0, recent_days - 1) if recent_days else self.day(rng)
        if source == Source.TALLY:
            return {
                "date": self.today - datetime.timedelta(days=offset),
                "channel": "outreach",
                "asker_role": self.asker_role(rng),
                "municipality": municipality,
                "request_kind": self.request_kind(rng),
                "life_stages": [],
                "themes": [self.theme(rng)],
                "offers": ["info"],
                "duration": "lt5",
                "language": "",
                "note": "",
            }
        themes = list(dict.fromkeys(self.theme(rng) for _ in range(rng.choice([1, 1, 1, 2, 3]))))
        return {
            "date": self.today - datetime.timedelta(days=offset),
            "channel": self.channel(rng),
            "asker_role": self.asker_role(rng),
            "municipality": municipality,
            "request_kind": self.request_kind(rng),
            "life_stages": sorted({self.life_stage(rng) for _ in range(rng.choice([1, 1, 1, 2]))}),
            "themes": themes,
            "offers": sorted({self.offer(rng) for _ in range(rng.choice([1, 1, 2]))}),
            "duration": self.duration(rng),
            "language": rng.choice(LANGUAGES),
            "note": rng.choice(NOTES) if rng.random() < NOTE_SHARE else "",
        }


def drawer_for(org):
    """A Drawer for an organisation in the database (home town first, as seed_demo lists them)."""
    spec = next((s for s in ORGANISATIONS if s["slug"] == org.slug), None)
    served = set(org.municipalities.values_list("code", flat=True))
    order = [c for c in spec["municipalities"] if c in served] if spec else sorted(served)
    themes = Theme.objects.for_org(org).visible().values_list("code", flat=True)
    return Drawer(order, list(themes), today=timezone.localdate())


def generate(org_slug, count, seed=1, batch=5000, stdout=sys.stdout):
    """Insert `count` contacts with their m2m rows, in batches; returns seconds taken."""
    started = time.perf_counter()
    org = Organisation.objects.get(slug=org_slug)
    rng = random.Random(seed)
    drawer = drawer_for(org)
    terms = {
        "asker_role": {t.code: t.pk for t in AskerRole.objects.for_org(org)},
        "channel": {t.code: t.pk for t in Channel.objects.for_org(org)},
        "life_stage": {t.code: t.pk for t in LifeStage.objects.for_org(org)},
        "offer": {t.code: t.pk for t in OfferType.objects.for_org(org)},
        "theme": {t.code: t.pk for t in Theme.objects.for_org(org)},
    }
    municipalities = {m.code: m.pk for m in org.municipalities.all()}
    authors = list(
        Membership.objects.active()
        .filter(organisation=org, role__in=[Role.STAFF, Role.COORDINATOR, Role.VOLUNTEER])
        .values_list("user_id", flat=True)
    )
    # Staff register most, the coordinator less, volunteers mostly at outreach.
    author_weights = Weighted({uid: w for uid, w in zip(authors, [5, 3, 2, 1, 1, 1, 1], strict=False)})
    today = timezone.localdate()
    through_life, through_offer = Contact.life_stages.through, Contact.offers.through
    done = 0
    links = {"life": 0, "offer": 0, "theme": 0}
    while done < count:
        n = min(batch, count - done)
        drawn, contacts = [], []
        for _ in range(n):
            source = drawer.source(rng)
            c = drawer.draw(rng, source=source)
            late = rng.choice([0, 0, 0, 0, 0, 0, 1, 1, 2, 3, 7])
            municipality = c["municipality"]
            in_region = municipality not in (Area.OUTSIDE, Area.UNKNOWN)
            drawn.append(c)
            contacts.append(
                Contact(
                    organisation_id=org.pk,
                    author_id=author_weights(rng),
                    source=source,
                    date=c["date"],
                    registered_on=min(today, c["date"] + datetime.timedelta(days=late)),
                    channel_id=terms["channel"][c["channel"]],
                    asker_role_id=terms["asker_role"][c["asker_role"]],
                    area=Area.MUNICIPALITY if in_region else municipality,
                    municipality_id=municipalities[municipality] if in_region else None,
                    request_kind=c["request_kind"],
                    duration=c["duration"],
                    language=c["language"],
                    place="schoolpoort" if source == Source.TALLY else "",
                    note=c["note"],
                )
            )
        with transaction.atomic():
            Contact.objects.bulk_create(contacts, batch_size=1000)
            life, offer, theme = [], [], []
            for contact, c in zip(contacts, drawn, strict=True):
                life += [
                    through_life(contact_id=contact.pk, lifestage_id=terms["life_stage"][s])
                    for s in c["life_stages"]
                ]
                offer += [
                    through_offer(contact_id=contact.pk, offertype_id=terms["offer"][o]) for o in c["offers"]
                ]
                theme += [
                    ContactTheme(contact_id=contact.pk, theme_id=terms["theme"][t], is_main=i == 0)
                    for i, t in enumerate(c["themes"])
                ]
            through_life.objects.bulk_create(life, batch_size=2000)
            through_offer.objects.bulk_create(offer, batch_size=2000)
            ContactTheme.objects.bulk_create(theme, batch_size=2000)
        links["life"] += len(life)
        links["offer"] += len(offer)
        links["theme"] += len(theme)
        done += n
    took = time.perf_counter() - started
    print(
        f"generated {done} contacts for {org_slug} in {took:.1f} s "
        f"({done / took:.0f}/s): {links['life']} life-stage, {links['offer']} offer, "
        f"{links['theme']} theme rows",
        file=stdout,
    )
    from opvoedwijzer.contacts import rollup

    t = time.perf_counter()
    rollup.rebuild(org)
    print(f"roll-up rebuilt in {time.perf_counter() - t:.1f} s", file=stdout)
    return took


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--org", default="zuid-limburg")
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch", type=int, default=5000)
    args = parser.parse_args(argv)
    generate(args.org, args.count, seed=args.seed, batch=args.batch)


if __name__ == "__main__":
    main()
