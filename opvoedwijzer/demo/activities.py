"""Demo group offer (used by `manage.py seed_demo`, after the social map).

Thirteen activities of the demo organisation around Sint-Truiden, Gingelom and Heers, in every kind:
past ones of this and last year with their sessions, head counts, anonymous evaluations and sign-ups
whose names and contacts are already gone (as the retention does seven days after the last session),
one that ended a few days ago and still has its names, a monthly meeting moment that is under way, and
upcoming ones on the agenda — one full with a waiting list — besides a draft and a cancelled one.

Everything goes through `services` (create_activity, publish, sign_up, cancel_signup, check_in,
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
from opvoedwijzer.activities.models import Activity, Evaluation, SignUp
from opvoedwijzer.contacts.models import Area
from opvoedwijzer.core.crypto import encrypt
from opvoedwijzer.library.models import Audience
from opvoedwijzer.socialmap.models import Location, MapOrganisation
from opvoedwijzer.socialmap.services import create_location
from opvoedwijzer.taxonomy.models import AskerRole, LifeStage, Theme

from . import dates
from .files import read_json

WEEKDAYS = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}
EVENING = ("19:30", "21:30")

# From `data/activities.json`: per organisation (another one gets Zuid-Limburg's) its activities and a
# meeting place to make first; who comes (AskerRole codes with weights, for the head counts); the first
# names and nicknames people give when they sign up (never a child's name).
_DATA = read_json("activities.json")
PLANS = _DATA["plans"]
DEFAULT = "zuid-limburg"
ATTENDEES = _DATA["attendees"]
NAMES = _DATA["names"]


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


def session_days(rule, today):
    """The days of an activity's sessions: `count` weeks (or every `every` days) from the first
    `weekday` on or after a day (see `dates`), or a named rule."""
    if rule.get("named") == "a_recent_evening":  # an evening from Monday to Thursday, two to six days ago
        recent = today - datetime.timedelta(days=3)
        while recent.weekday() > WEEKDAYS["TH"]:
            recent -= datetime.timedelta(days=1)
        return [recent]
    if rule.get("named") == "six_weeks_ago_this_year":  # a Tuesday this year, or last year's last one
        held = max(
            _weekday(today - datetime.timedelta(days=45), WEEKDAYS["TU"]), datetime.date(today.year, 1, 7)
        )
        if held >= today:  # the first week of January: last year's last evening before the holidays
            held = _weekday(datetime.date(today.year - 1, 12, 9), WEEKDAYS["TU"])
        return [held]
    first = _weekday(dates.day(rule["from"], today), WEEKDAYS[rule["weekday"]])
    return _weeks(first, rule["count"], every=rule.get("every", 7))


def plan(org, today):
    """The demo activities of `org`, dated around `today`."""
    specs = []
    for spec in PLANS.get(org.slug, PLANS[DEFAULT])["activities"]:
        spec = {**spec, "days": session_days(spec["days"], today), "price": Decimal(spec.get("price", "0"))}
        if "who" in spec:
            spec["who"] = ATTENDEES[spec["who"]]
        if "cancelled_on" in spec:
            spec["cancelled_on"] = dates.day(spec["cancelled_on"], today)
        specs.append(spec)
    return specs


def meeting_place(org, place):
    """A meeting place the demo map has no building for (made once). Zuid-Limburg's Huis van het Kind
    gets one in Heers, with the id the social map's demo would give it, so that a later map with this
    location updates this row."""
    key = uuid.UUID(place["uuid"])
    location = Location.objects.for_org(org).filter(uuid=key).first()
    if location:
        return location
    data = {k: v for k, v in place.items() if k not in ("uuid", "nis", "map_organisation")}
    data["map_organisation"] = (
        MapOrganisation.objects.for_org(org).filter(name=place["map_organisation"]).first()
    )
    data["municipality"] = org.municipalities.filter(code=place["nis"]).first()
    location = create_location(org, data)
    Location.objects.filter(pk=location.pk).update(uuid=key)
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
    place = PLANS.get(org.slug, PLANS[DEFAULT]).get("meeting_place")
    if place:
        locations[place["name"]] = meeting_place(org, place)
    partners = {m.name: m for m in MapOrganisation.objects.for_org(org)}
    themes = {t.code: t for t in Theme.objects.for_org(org)}
    stages = {s.code: s for s in LifeStage.objects.for_org(org)}
    roles = {r.code: r for r in AskerRole.objects.for_org(org)}
    served = list(org.municipalities.all())
    made = 0
    for spec in plan(org, today):
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
        "price": spec["price"],
        "capacity": spec["capacity"],
        "join_later": spec.get("join_later", False),
        "translations": spec.get("translations", {}),
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
    return services.create_activity(org, data, sessions=sessions)


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
