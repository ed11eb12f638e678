"""Factories: contacts made through the same service the app uses, so they are always valid."""

import datetime

from django.utils import timezone

from opvoedwijzer.contacts.models import Area
from opvoedwijzer.contacts.services import register_contact
from opvoedwijzer.core.models import Membership, User
from opvoedwijzer.taxonomy.models import AskerRole, Channel, LifeStage, OfferType, Theme

PASSWORD = "een-lang-wachtwoord-2026"


def make_member(org, email, role):
    user = User.objects.filter(email=email).first() or User.objects.create_user(
        email=email, password=PASSWORD, first_name=email.split("@")[0].capitalize()
    )
    return Membership.objects.create(user=user, organisation=org, role=role)


def contact_data(org, **overrides):
    """Cleaned data as ContactForm gives it, from codes: a typical phone call about bullying."""
    codes = {
        "date": timezone.localdate(),
        "channel": "phone",
        "asker_role": "mother",
        "municipality": "71053",
        "request_kind": "parenting",
        "life_stages": ["primary"],
        "main_theme": "bullying",
        "themes": [],
        "offers": ["info"],
        "duration": "5to15",
        "language": "",
        "note": "",
    }
    codes.update(overrides)
    term = lambda model, code: model.objects.get(organisation=org, code=code)  # noqa: E731
    municipality = codes["municipality"]
    return {
        **codes,
        "channel": term(Channel, codes["channel"]),
        "asker_role": term(AskerRole, codes["asker_role"]),
        "municipality": municipality
        if municipality in (Area.OUTSIDE, Area.UNKNOWN)
        else org.municipalities.get(code=municipality),
        "life_stages": [term(LifeStage, c) for c in codes["life_stages"]],
        "main_theme": term(Theme, codes["main_theme"]),
        "themes": [term(Theme, c) for c in codes["themes"]],
        "offers": [term(OfferType, c) for c in codes["offers"]],
    }


class ContactFactory:
    """`ContactFactory(membership=sam, main_theme="sleep", registered_days_ago=20)`."""

    def __new__(cls, membership, registered_days_ago=0, **overrides):
        contact = register_contact(membership, contact_data(membership.organisation, **overrides))
        if registered_days_ago:
            contact.registered_on = timezone.localdate() - datetime.timedelta(days=registered_days_ago)
            contact.save(update_fields=["registered_on"])
        return contact

    @staticmethod
    def create_batch(n, **kwargs):
        return [ContactFactory(**kwargs) for _ in range(n)]


def turn_on_authenticator_app(user):
    """Give `user` an authenticator app (TOTP), as the set-up page does; returns its secret."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def authenticator_code(secret):
    """The six digits the person's authenticator app shows now (waiting for the next 30-second window
    when this one is about to end, so that a slow machine does not send a code that just expired)."""
    import time

    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    if time.time() % 30 > 25:
        time.sleep(30 - time.time() % 30 + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def make_activity(
    org, *, title="Pubers in huis", kind="parent_course", capacity=10, sessions=4, first=None, **data
):
    """A published activity of `sessions` weekly evenings (19:30–21:30), the first one a week from
    now unless `first` (a date) says otherwise."""
    import datetime

    from django.utils import timezone

    from opvoedwijzer.activities import services

    first = first or timezone.localdate() + datetime.timedelta(days=7)
    tz = timezone.get_current_timezone()
    location = data.pop("location", None)
    rows = []
    for week in range(sessions):
        day = first + datetime.timedelta(weeks=week)
        rows.append(
            {
                "starts_at": datetime.datetime.combine(day, datetime.time(19, 30), tzinfo=tz),
                "ends_at": datetime.datetime.combine(day, datetime.time(21, 30), tzinfo=tz),
                "location": location,
                "room": "",
            }
        )
    activity = services.create_activity(
        org,
        {"kind": kind, "title": title, "capacity": capacity, "audience": "parents", "language": "nl", **data},
        sessions=rows,
    )
    return services.publish(activity)


def signed_up_tonight(org, *, name="An", people=2, **activity):
    """An activity whose first evening is today, with a sign-up made beforehand (a week ago): signing up
    closes when a session starts, so a test run after 19:30 could not sign up today."""
    import datetime

    from django.db.models import F
    from django.utils import timezone

    from opvoedwijzer.activities import services
    from opvoedwijzer.activities.models import Session

    evening = make_activity(org, first=timezone.localdate() + datetime.timedelta(days=7), **activity)
    services.sign_up(evening, name=name, people=people)
    week = datetime.timedelta(days=7)
    Session.objects.filter(activity=evening).update(
        starts_at=F("starts_at") - week, ends_at=F("ends_at") - week
    )
    return evening
