"""Demo networking meetings and signals (used by `manage.py seed_demo`).

Last year's meetings (for the yearly report) and this year's, relative to today: three held, with
their actions — done, open, one past its due day — and one coming up; signals in every status. The
texts are about services and themes, never about families, and pass the PII guard: the meetings go in
through `MeetingForm` (which runs it) and `services.save_meeting`, actions through `add_action` and
`complete_action`, signals through `raise_signal` and `move_signal`. A meeting or signal whose title is
there already (in this organisation) is left alone: seeding again changes nothing.
"""

import datetime

from django.utils import timezone

from opvoedwijzer.core.models import Membership, Role
from opvoedwijzer.policy import services
from opvoedwijzer.policy.forms import MeetingForm
from opvoedwijzer.policy.models import Meeting, MeetingKind, Signal, SignalStatus
from opvoedwijzer.taxonomy.models import Theme

K = MeetingKind


def _this_year(today, days_ago):
    """`days_ago` days before today, but not before 2 January: this year's meetings stay this year."""
    return max(today - datetime.timedelta(days=days_ago), min(today, datetime.date(today.year, 1, 2)))


def meetings(org, today):
    """(date, kind, title, partners, topics, decisions, actions) per meeting of the demo organisation;
    an action is (description, owner: "member" or a partner's name, due in days from the meeting,
    done in days from the meeting or None)."""
    last_year = today.year - 1
    if org.slug == "noord-limburg":
        return [
            (
                datetime.date(last_year, 10, 9),
                K.LOCAL_CONSULTATION,
                "Lokaal overleg gezinsondersteuning Lommel",
                "CAW Limburg\nKind en Gezin\nOCMW Lommel",
                "Aanbod voor jonge gezinnen; bereik van kwetsbare gezinnen",
                "Spreekuur in het Huis van het Kind op dinsdag",
                [("Verslag rondsturen", "member", 14, 7)],
            ),
            (
                _this_year(today, 40),
                K.HUIS_VAN_HET_KIND,
                "Netwerkoverleg Huis van het Kind Pelt",
                "Huis van het Kind Pelt\nKind en Gezin\nBibliotheek Pelt",
                "Vindplaatsen voor ouders van peuters; samenwerking met de bibliotheek",
                "Voorleesmoment met opvoedingsinfo in de bibliotheek",
                [
                    ("Verslag rondsturen", "member", 7, 5),
                    ("Data voorleesmomenten doorgeven", "Bibliotheek Pelt", 30, None),
                ],
            ),
            (
                today + datetime.timedelta(days=16),
                K.REGIONAL_POLICY,
                "Regionaal beleidsoverleg Noord-Limburg",
                "Gemeenten Noord-Limburg\nCAW Limburg",
                "Cijfers van dit jaar, signalen uit de wijken",
                "",
                [],
            ),
        ]
    return [
        (
            datetime.date(last_year, 2, 8),
            K.LOCAL_CONSULTATION,
            "Lokaal overleg gezinsondersteuning",
            "CAW Limburg\nCLB Sint-Truiden\nKind en Gezin\nOCMW",
            "Wachttijden jeugdhulp; aanbod voor tieners",
            "Gezamenlijke infoavond over pubers in het najaar",
            [("Verslag rondsturen", "member", 14, 10)],
        ),
        (
            datetime.date(last_year, 4, 19),
            K.HUIS_VAN_HET_KIND,
            "Stuurgroep Huis van het Kind",
            "Huis van het Kind Sint-Truiden\nKind en Gezin\nBibliotheek",
            "Jaarplanning, vindplaatsen",
            "Spreekuur in de bibliotheek op woensdag",
            [("Verslag rondsturen", "member", 14, 10)],
        ),
        (
            datetime.date(last_year, 9, 27),
            K.REGIONAL_POLICY,
            "Regionaal beleidsoverleg Zuid-Limburg",
            "Gemeenten Zuid-Limburg\nCAW Limburg",
            "Cijfers eerste halfjaar, signalen schermtijd",
            "Signaal schermtijd meenemen naar de welzijnsraad",
            [("Verslag rondsturen", "member", 14, 10)],
        ),
        (
            datetime.date(last_year, 11, 14),
            K.STEERING_GROUP,
            "Stuurgroep opvoedingswinkel",
            "Stad Sint-Truiden\nCAW Limburg",
            "Jaarverslag, begroting",
            "Jaarverslag per gemeente bezorgen",
            [("Verslag rondsturen", "member", 14, 10)],
        ),
        (
            _this_year(today, 75),
            K.LOCAL_CONSULTATION,
            "Lokaal overleg gezinsondersteuning Gingelom en Heers",
            "OCMW Gingelom\nKind en Gezin\nCLB Sint-Truiden",
            "Aanbod voor jonge ouders in de deelgemeenten; vervoer naar activiteiten",
            "Babbelbox ook in Heers; afspraken over vervoer met de gemeente",
            [("Verslag rondsturen", "member", 7, 6), ("Ruimte in Heers vastleggen", "OCMW Gingelom", 30, 21)],
        ),
        (
            _this_year(today, 30),
            K.HUIS_VAN_HET_KIND,
            "Netwerkoverleg Huis van het Kind Sint-Truiden",
            "Huis van het Kind Sint-Truiden\nKind en Gezin\nBibliotheek Sint-Truiden\nCAW Limburg",
            "Gezamenlijke agenda voor het najaar; bereik van nieuwkomers",
            "Opvoedingsinfo in het Arabisch op het inloopmoment",
            [
                ("Verslag rondsturen", "member", 7, 4),
                ("Tolk vragen voor het inloopmoment", "CAW Limburg", 40, None),
            ],
        ),
        (
            _this_year(today, 9),
            K.REGIONAL_POLICY,
            "Regionaal beleidsoverleg: cijfers van dit jaar",
            "Gemeenten Zuid-Limburg\nCAW Limburg\nKind en Gezin",
            "Cijfers per gemeente, stijging van vragen over schermtijd, wachttijden",
            "Werkgroep schermtijd met scholen en CLB",
            [
                ("Cijfers per gemeente bezorgen", "member", 7, None),
                ("Eerste werkgroep plannen", "CLB Sint-Truiden", 21, None),
            ],
        ),
        (
            today + datetime.timedelta(days=12),
            K.STEERING_GROUP,
            "Stuurgroep opvoedingswinkel: jaarplanning",
            "Stad Sint-Truiden\nCAW Limburg\nKind en Gezin",
            "Jaarverslag, planning volgend jaar",
            "",
            [],
        ),
    ]


def signals(org, today):
    """(title, theme code, at home?, description, evidence, raised days ago, [(step, days ago, to whom,
    outcome)]) per signal of the demo organisation."""
    S = SignalStatus
    last_year = today.year - 1
    if org.slug == "noord-limburg":
        return [
            (
                "Lange wachttijd voor kinderpsychologische hulp",
                "anxiety",
                False,
                "Ouders van kinderen met angsten wachten maanden op een eerste gesprek.",
                "Steeds meer vragen over angst; partners bevestigen de wachttijden.",
                (today - datetime.date(last_year, 11, 3)).days,
                [(S.REVIEWED, (today - datetime.date(last_year, 11, 20)).days, "", "")],
            ),
            (
                "Weinig opvang voor schoolkinderen in de vakanties",
                "childcare",
                True,
                "Werkende ouders vinden in de zomer moeilijk opvang voor kinderen van zes tot twaalf.",
                "Vragen in juni en juli; de gemeente kent het probleem.",
                12,
                [],
            ),
        ]
    return [
        (
            "Veel vragen over gamen bij jonge tieners",
            "screen_time",
            True,
            "Ouders van 10- tot 13-jarigen vragen vaker hoe ze afspraken maken over gamen.",
            "Thema schermtijd bij tieners steeg in het tweede halfjaar; ook de CLB merkt het.",
            (today - datetime.date(last_year, 8, 30)).days,
            [
                (S.REVIEWED, (today - datetime.date(last_year, 9, 5)).days, "", ""),
                (
                    S.BROUGHT_TO_POLICY,
                    (today - datetime.date(last_year, 10, 20)).days,
                    "Welzijnsraad Sint-Truiden",
                    "",
                ),
            ],
        ),
        (
            "Weinig aanbod voor vaders",
            None,
            False,
            "Vaders vinden moeilijk een groepsaanbod dat bij hen past.",
            "Vaders vragen vaker naar een vadergroep; partners bevestigen het.",
            20,
            [],
        ),
        (
            "Geen ontmoetingsplek voor jonge ouders in Heers",
            "parent_wellbeing",
            False,
            "Jonge ouders in de deelgemeenten moeten voor elk aanbod naar Sint-Truiden.",
            "Vragen van ouders zonder vervoer; het Huis van het Kind ziet hetzelfde.",
            120,
            [
                (S.REVIEWED, 110, "", ""),
                (S.BROUGHT_TO_POLICY, 80, "Lokaal overleg gezinsondersteuning", ""),
                (S.ACTED_ON, 40, "", "De Babbelbox komt nu ook maandelijks naar Heers."),
            ],
        ),
        (
            "Vragen over het groeipakket bij nieuwkomers",
            "benefits",
            True,
            "Nieuwkomers weten vaak niet waar ze het groeipakket aanvragen.",
            "Enkele vragen per maand aan het loket, vooral in het Arabisch.",
            50,
            [(S.REVIEWED, 44, "", "")],
        ),
        (
            "Meer vragen over slapen bij baby's in de zomer",
            "sleep",
            False,
            "In juli en augustus kwamen meer vragen over slapen bij baby's.",
            "Een seizoenspatroon, geen nieuwe nood.",
            70,
            [(S.CLOSED, 60, "", "Seizoensgebonden; geen actie nodig.")],
        ),
    ]


def seed_policy(org, home, today=None):
    """Load the demo meetings and signals into `org`, whose home town is `home` (the municipality the
    meetings concern and some signals are about); returns (meetings added, signals added)."""
    today = today or timezone.localdate()
    members = Membership.objects.filter(organisation=org, is_active=True).select_related("user")
    by_role = {m.role: m.user for m in members.order_by("pk")}
    author = by_role.get(Role.COORDINATOR) or by_role.get(Role.STAFF)
    raiser = by_role.get(Role.STAFF) or author
    if author is None:
        return [], []
    meeting_titles = set(Meeting.objects.for_org(org).values_list("title", flat=True))
    added_meetings = []
    for day, kind, title, partners, topics, decisions, actions in meetings(org, today):
        if title in meeting_titles:
            continue
        data = {
            "date": day.isoformat(),
            "kind": kind,
            "title": title,
            "municipalities": [home.pk] if home else [],
            "partners": partners,
            "topics": topics,
            "decisions": decisions,
        }
        form = MeetingForm(data, organisation=org, user=author)
        if not form.is_valid():
            raise ValueError(f"Demo meeting {title!r}: {form.errors.as_json()}")
        meeting = services.save_meeting(form, organisation=org, user=author)
        for description, owner, due_in, done_in in actions:
            action = services.add_action(
                meeting,
                description=description,
                owner_member=author if owner == "member" else None,
                owner_partner="" if owner == "member" else owner,
                due_on=day + datetime.timedelta(days=due_in),
            )
            if done_in is not None:
                services.complete_action(action, day=day + datetime.timedelta(days=done_in))
        added_meetings.append(meeting)
    signal_titles = set(Signal.objects.for_org(org).values_list("title", flat=True))
    themes = {t.code: t for t in Theme.objects.for_org(org)}
    added_signals = []
    for title, theme, at_home, description, evidence, raised_ago, steps in signals(org, today):
        if title in signal_titles:
            continue
        data = {
            "title": title,
            "theme": themes.get(theme),
            "municipality": home if at_home else None,
            "description": description,
            "evidence": evidence,
            "raised_on": today - datetime.timedelta(days=raised_ago),
        }
        signal = services.raise_signal(org, data, user=raiser)
        for step, days_ago, brought_to, outcome in steps:
            day = today - datetime.timedelta(days=days_ago)
            services.move_signal(signal, step=step, day=day, brought_to=brought_to, outcome=outcome)
        added_signals.append(signal)
    return added_meetings, added_signals
