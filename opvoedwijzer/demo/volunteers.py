"""A demo volunteer programme (used by `manage.py seed_demo`), from `data/volunteers.json`, the same for
every organisation.

Eight volunteers in every status (the one flagged "account" is the organisation's demo volunteer account,
so volunteer@….demo sees "My volunteer work" with a profile), speaking Arabic, Turkish, Polish, French…,
in the organisation's municipalities (a place is an index into them); five training modules with their
sessions (some still to come) and who completed them there; monthly reflection meetings with attendance,
an invited expert at some and one or two anonymous intervision cases; check-ins, questions (one still
open) and the account volunteer's learning notes; and about two hundred conversations registered by the
volunteers since the first of January last year (`by_volunteer`, in their languages and
neighbourhoods), so the report section has numbers this year and last. The volunteer who stopped more than
a year ago is forgotten already (`volunteers.retention`). Days are relative to today (see `dates`).

Bulk inserts (seeding stays quick); the roll-up is brought up to date for the conversations added. An
organisation that has volunteers already is left alone: seeding again changes nothing. The texts tell
situations, never people, and pass the PII guard (tests/volunteers/test_demo.py).
"""

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from opvoedwijzer.contacts.models import Area, Contact, ContactTheme, Source
from opvoedwijzer.contacts.services import add_to_rollup
from opvoedwijzer.core.models import Membership, Role
from opvoedwijzer.library.models import Resource
from opvoedwijzer.taxonomy.models import AskerRole, Channel, LifeStage, OfferType, Theme
from opvoedwijzer.volunteers.models import (
    CheckIn,
    IntervisionCase,
    LearningNote,
    ReflectionMeeting,
    Status,
    TrainingCompletion,
    TrainingModule,
    TrainingSession,
    Volunteer,
    VolunteerLanguage,
    VolunteerQuestion,
)
from opvoedwijzer.volunteers.retention import purge_expired as forget_stopped_volunteers

from . import dates
from .contacts import THEME_WEIGHTS, WEIGHTS, pick
from .files import read_json

PROGRAMME = read_json("volunteers.json")


def seed_volunteers(org, municipalities, today=None):
    """Load the demo volunteer programme into `org` (its municipalities in the demo's order); returns the
    volunteers added ([] when it has volunteers already)."""
    if Volunteer.objects.for_org(org).exists():
        return []
    today = today or timezone.localdate()
    members = Membership.objects.filter(organisation=org, is_active=True).order_by("pk")
    account = members.filter(role=Role.VOLUNTEER).first()
    coordinator = members.filter(role=Role.COORDINATOR).select_related("user").first()
    themes = {t.code: t for t in Theme.objects.for_org(org)}

    def day(spec):
        return dates.day(spec, today) if spec else None

    specs = PROGRAMME["volunteers"]
    volunteers = Volunteer.objects.bulk_create(
        [
            Volunteer(
                organisation=org,
                membership=account if spec.get("account") else None,
                name=spec["name"],
                availability=spec["availability"],
                started_on=day(spec["started"]),
                status=spec["status"],
                status_since=day(spec["status_since"]),
                created_on=day(spec["started"]) or day(spec["status_since"]),
            )
            for spec in specs
        ]
    )
    by_name = {v.name: v for v in volunteers}
    Volunteer.neighbourhoods.through.objects.bulk_create(
        [
            Volunteer.neighbourhoods.through(volunteer=v, municipality=place)
            for v, spec in zip(volunteers, specs, strict=True)
            for place in dict.fromkeys(_place(i, municipalities) for i in spec["places"])
        ]
    )
    VolunteerLanguage.objects.bulk_create(
        [
            VolunteerLanguage(volunteer=v, language=code)
            for v, spec in zip(volunteers, specs, strict=True)
            for code in spec["languages"]
        ]
    )
    _seed_training(org, by_name, themes, day, today)
    _seed_meetings(org, by_name, themes, day)
    coordinator_user = coordinator.user if coordinator else None
    CheckIn.objects.bulk_create(
        [
            CheckIn(
                volunteer=by_name[c["volunteer"]],
                date=day(c["date"]),
                topics=c["topics"],
                agreements=c["agreements"],
                coordinator=coordinator_user,
            )
            for c in PROGRAMME["check_ins"]
        ]
    )
    VolunteerQuestion.objects.bulk_create(
        [
            VolunteerQuestion(
                volunteer=by_name[q["volunteer"]],
                asked_on=day(q["asked"]),
                question=q["question"],
                answer=q["answer"],
                answered_on=day(q["answered"]),
                answered_by=coordinator_user if q["answered"] else None,
            )
            for q in PROGRAMME["questions"]
        ]
    )
    _seed_conversations(org, volunteers, specs, municipalities, account, today)
    forget_stopped_volunteers(timezone.now())  # the one who stopped more than a year ago
    return volunteers


def _place(index, municipalities):
    return municipalities[min(index, len(municipalities) - 1)]


def _seed_training(org, by_name, themes, day, today):
    specs = PROGRAMME["modules"]
    modules = TrainingModule.objects.bulk_create(
        [
            TrainingModule(
                organisation=org,
                title=spec["title"],
                description=spec["description"],
                hours=Decimal(str(spec["hours"])),
                required=spec["required"],
                position=position,
            )
            for position, spec in enumerate(specs, start=1)
        ]
    )
    titles = [title for spec in specs for title in spec["materials"]]
    resources = {r.title: r for r in Resource.objects.for_org(org).filter(title__in=titles)}
    TrainingModule.themes.through.objects.bulk_create(
        [
            TrainingModule.themes.through(trainingmodule=module, theme=themes[code])
            for module, spec in zip(modules, specs, strict=True)
            for code in spec["themes"]
            if code in themes
        ]
    )
    TrainingModule.materials.through.objects.bulk_create(
        [
            TrainingModule.materials.through(trainingmodule=module, resource=resources[title])
            for module, spec in zip(modules, specs, strict=True)
            for title in spec["materials"]
            if title in resources
        ]
    )
    sessions = TrainingSession.objects.bulk_create(
        [
            TrainingSession(module=module, date=day(s["date"]), trainer=s["trainer"])
            for module, spec in zip(modules, specs, strict=True)
            for s in spec["sessions"]
        ]
    )
    attendance, completions = [], []
    session_specs = [s for spec in specs for s in spec["sessions"]]
    for session, spec in zip(sessions, session_specs, strict=True):
        for name in spec["attendees"]:
            attendance.append(
                TrainingSession.attendees.through(trainingsession=session, volunteer=by_name[name])
            )
            if session.date <= today:
                completions.append(
                    TrainingCompletion(
                        volunteer=by_name[name],
                        module=session.module,
                        session=session,
                        completed_on=session.date,
                    )
                )
    TrainingSession.attendees.through.objects.bulk_create(attendance)
    TrainingCompletion.objects.bulk_create(completions)


def _seed_meetings(org, by_name, themes, day):
    specs = PROGRAMME["meetings"]
    meetings = ReflectionMeeting.objects.bulk_create(
        [
            ReflectionMeeting(organisation=org, date=day(m["date"]), topics=m["topics"], expert=m["expert"])
            for m in specs
        ]
    )
    ReflectionMeeting.attendees.through.objects.bulk_create(
        [
            ReflectionMeeting.attendees.through(reflectionmeeting=meeting, volunteer=by_name[name])
            for meeting, spec in zip(meetings, specs, strict=True)
            for name in spec["attendees"]
        ]
    )
    case_specs = [(meeting, c) for meeting, spec in zip(meetings, specs, strict=True) for c in spec["cases"]]
    cases = IntervisionCase.objects.bulk_create(
        [
            IntervisionCase(
                meeting=meeting, situation=c["situation"], questions=c["questions"], learned=c["learned"]
            )
            for meeting, c in case_specs
        ]
    )
    IntervisionCase.themes.through.objects.bulk_create(
        [
            IntervisionCase.themes.through(intervisioncase=case, theme=themes[code])
            for case, (_meeting, c) in zip(cases, case_specs, strict=True)
            for code in c["themes"]
            if code in themes
        ]
    )
    writer = (
        next((v for v in by_name.values() if v.membership_id), None)
        or by_name[PROGRAMME["volunteers"][0]["name"]]
    )
    LearningNote.objects.bulk_create(
        [
            LearningNote(
                volunteer=writer, meeting=meetings[n["meeting"]], written_on=day(n["written"]), text=n["text"]
            )
            for n in PROGRAMME["notes"]
        ]
    )


def _seed_conversations(org, volunteers, specs, municipalities, account, today):
    """The volunteers' conversations, from the first of January last year (or their start) until today
    (or the day they paused or stopped), in their neighbourhoods and languages."""
    shares = PROGRAMME["conversations"]
    rng = random.Random(f"{org.slug} volunteers")
    terms = {
        "channel": {t.code: t for t in Channel.objects.for_org(org)},
        "asker_role": {t.code: t for t in AskerRole.objects.for_org(org)},
        "life_stage": {t.code: t for t in LifeStage.objects.for_org(org)},
        "offer": {t.code: t for t in OfferType.objects.for_org(org)},
    }
    themes = {t.code: t for t in Theme.objects.for_org(org)}
    theme_weights = {code: THEME_WEIGHTS.get(code, 1) for code in themes}
    first_day = datetime.date(today.year - 1, 1, 1)
    contacts = []
    for volunteer, spec in zip(volunteers, specs, strict=True):
        start = max(first_day, volunteer.started_on or today)
        end = volunteer.status_since if volunteer.status in (Status.PAUSED, Status.STOPPED) else today
        if spec["conversations"] == 0 or start > end:
            continue
        author = account.user_id if account and volunteer.membership_id == account.pk else None
        for i in range(spec["conversations"]):
            # the first on their last day: the overview of this year has volunteers' numbers from 1 January
            date = end if i == 0 else start + datetime.timedelta(days=rng.randint(0, (end - start).days))
            language = "" if rng.random() < shares["no_language"] else rng.choice(spec["languages"])
            contacts.append(
                Contact(
                    organisation=org,
                    author_id=author,
                    source=Source.DEMO,
                    date=date,
                    registered_on=date,
                    channel=terms["channel"][pick(rng, shares["channel"])],
                    asker_role=terms["asker_role"][pick(rng, shares["asker_role"])],
                    area=Area.MUNICIPALITY,
                    municipality=_place(rng.choice(spec["places"]), municipalities),
                    request_kind=pick(rng, shares["request_kind"]),
                    duration=pick(rng, shares["duration"]),
                    language=language,
                    by_volunteer=True,
                )
            )
    if not contacts:
        return
    Contact.objects.bulk_create(contacts)
    life_stages, offers, links = [], [], []
    for contact in contacts:
        stage = terms["life_stage"][pick(rng, WEIGHTS["life_stage"])]
        life_stages.append(Contact.life_stages.through(contact=contact, lifestage=stage))
        chosen = {pick(rng, shares["offer"]) for _ in range(rng.choice([1, 1, 2]))}
        offers += [Contact.offers.through(contact=contact, offertype=terms["offer"][o]) for o in chosen]
        codes = dict.fromkeys(pick(rng, theme_weights) for _ in range(rng.choice([1, 1, 2])))
        links += [ContactTheme(contact=contact, theme=themes[c], is_main=i == 0) for i, c in enumerate(codes)]
    Contact.life_stages.through.objects.bulk_create(life_stages)
    Contact.offers.through.objects.bulk_create(offers)
    ContactTheme.objects.bulk_create(links)
    ids = [c.pk for c in contacts]
    add_to_rollup("c.organisation_id = %s AND c.id BETWEEN %s AND %s", [org.pk, min(ids), max(ids)])
