"""Writes on the social map and referrals: each a verb-first function in one transaction.

Every write that changes what a service is found by calls `search.reindex` before it returns.
"""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from opvoedwijzer.contacts.services import add_offer
from opvoedwijzer.core.services import note_social_map_changed
from opvoedwijzer.privacy.audit import record_pii_confirmations
from opvoedwijzer.taxonomy.models import OfferType

from . import search
from .models import (
    Location,
    MapOrganisation,
    Outcome,
    Phone,
    Referral,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceStatus,
)

SERVICE_FIELDS = [
    "map_organisation",
    "name",
    "alternate_name",
    "description",
    "url",
    "email",
    "status",
    "application_process",
    "fees_description",
    "eligibility_description",
    "interpretation_services",
    "wait_time",
    "alert",
    "min_months",
    "max_months",
    "languages",
    "area_description",
]


def _set_schedules(owner_field, owner, hours):
    """Replace the weekly opening hours of a service or location by `hours`: [(days, opens, closes)]."""
    Schedule.objects.filter(**{owner_field: owner}).delete()
    Schedule.objects.bulk_create(
        Schedule(
            organisation=owner.organisation,
            byday=",".join(days),
            opens_at=opens,
            closes_at=closes,
            **{owner_field: owner},
        )
        for days, opens, closes in hours
    )


def _set_phone(owner_field, owner, number):
    """The one main phone number the staff form edits (imports may bring more)."""
    phones = list(Phone.objects.filter(**{owner_field: owner}))
    if not number:
        Phone.objects.filter(pk__in=[p.pk for p in phones]).delete()
    elif phones:
        if phones[0].number != number:
            phones[0].number = number
            phones[0].save(update_fields=["number"])
    else:
        Phone.objects.create(organisation=owner.organisation, number=number, **{owner_field: owner})


@transaction.atomic
def create_service(org, data, *, pii_confirmations=()):
    """A new service from the staff form (`ServiceForm.service_data()`); what staff confirmed is no
    personal data in its texts goes into the audit log."""
    return _write_service(org, Service(organisation=org), data, pii_confirmations, creating=True)


@transaction.atomic
def update_service(service, data, *, pii_confirmations=()):
    """A service changed on the staff form (`ServiceForm.service_data()`); what staff confirmed is no
    personal data in its texts goes into the audit log."""
    return _write_service(service.organisation, service, data, pii_confirmations, creating=False)


def _write_service(org, service, data, pii_confirmations, *, creating):
    for name in SERVICE_FIELDS:
        if name in data:
            setattr(service, name, data[name])
    service.last_modified = timezone.now()
    if creating:
        service.save()
    else:
        service.save(update_fields=[*SERVICE_FIELDS, "last_modified"])
    service.themes.set(data.get("themes") or [])
    service.life_stages.set(data.get("life_stages") or [])
    service.municipalities.set(data.get("municipalities") or [])
    wanted = {loc.pk for loc in data.get("locations") or []}
    ServiceAtLocation.objects.filter(service=service).exclude(location_id__in=wanted).delete()
    present = set(ServiceAtLocation.objects.filter(service=service).values_list("location_id", flat=True))
    ServiceAtLocation.objects.bulk_create(
        ServiceAtLocation(organisation=org, service=service, location_id=pk) for pk in wanted - present
    )
    if "opening_hours" in data:
        _set_schedules("service", service, data["opening_hours"])
    if "phone" in data:
        _set_phone("service", service, data["phone"])
    search.reindex([service.pk])
    note_social_map_changed(org)
    record_pii_confirmations(pii_confirmations)
    return service


MAP_ORGANISATION_FIELDS = [
    *["name", "alternate_name", "description", "email", "website", "partnership", "sociale_kaart_id"],
]


@transaction.atomic
def create_map_organisation(org, data):
    return _write_map_organisation(org, MapOrganisation(organisation=org), data, creating=True)


@transaction.atomic
def update_map_organisation(map_organisation, data):
    return _write_map_organisation(map_organisation.organisation, map_organisation, data, creating=False)


def _write_map_organisation(org, map_organisation, data, *, creating):
    for name in MAP_ORGANISATION_FIELDS:
        setattr(map_organisation, name, data.get(name) or "")
    map_organisation.last_modified = timezone.now()
    if creating:
        map_organisation.save()
    else:
        map_organisation.save(update_fields=[*MAP_ORGANISATION_FIELDS, "last_modified"])
        search.reindex(map_organisation.services.values_list("pk", flat=True))
    if "phone" in data:
        _set_phone("map_organisation", map_organisation, data["phone"])
    note_social_map_changed(org)
    return map_organisation


LOCATION_FIELDS = [
    "map_organisation",
    "name",
    "address_1",
    "postal_code",
    "city",
    "municipality",
    "latitude",
    "longitude",
    "accessibility",
    "transportation",
]


@transaction.atomic
def create_location(org, data):
    return _write_location(org, Location(organisation=org), data, creating=True)


@transaction.atomic
def update_location(location, data):
    return _write_location(location.organisation, location, data, creating=False)


def _write_location(org, location, data, *, creating):
    for name in LOCATION_FIELDS:
        if name in data:
            setattr(location, name, data[name])
    if creating:
        location.save()
    else:
        location.save(update_fields=LOCATION_FIELDS)
        search.reindex(location.services.values_list("pk", flat=True))
    if "opening_hours" in data:
        _set_schedules("location", location, data["opening_hours"])
    if "phone" in data:
        _set_phone("location", location, data["phone"])
    note_social_map_changed(org)
    return location


@transaction.atomic
def verify_service(service, user):
    """A member checked that the service is still there and as described."""
    service.last_checked_on = timezone.localdate()
    service.checked_by = user
    service.save(update_fields=["last_checked_on", "checked_by"])
    return service


@transaction.atomic
def retire_service(service, user):
    """The service is gone: it is no longer found, but its referrals keep pointing at it."""
    service.retired_on = timezone.localdate()
    service.status = ServiceStatus.DEFUNCT
    service.last_modified = timezone.now()
    service.save(update_fields=["retired_on", "status", "last_modified"])
    return service


@transaction.atomic
def reactivate_service(service, user):
    service.retired_on = None
    service.status = ServiceStatus.ACTIVE
    service.last_modified = timezone.now()
    service.save(update_fields=["retired_on", "status", "last_modified"])
    return service


# Referrals -----------------------------------------------------------------------------------------

REFERRAL_OFFER = {True: "warm_referral", False: "referral"}


@transaction.atomic
def refer_contact(contact, service, *, warm, author, follow_up_on=None):
    """Register that this contact was referred to a service.

    The contact's offers get "warm referral" or "referral" when it does not have it yet, so that the
    numbers in the reports agree (the roll-up is kept)."""
    referral, created = Referral.objects.get_or_create(
        contact=contact,
        service=service,
        defaults={
            "organisation": contact.organisation,
            "author": author,
            "warm": warm,
            "date": contact.date,
            "follow_up_on": follow_up_on,
        },
    )
    if not created:
        referral.warm = warm
        referral.follow_up_on = follow_up_on
        referral.save(update_fields=["warm", "follow_up_on"])
    offer = OfferType.objects.for_org(contact.organisation).filter(code=REFERRAL_OFFER[warm]).first()
    if offer is not None and not contact.offers.filter(pk=offer.pk).exists():
        add_offer(contact, offer)
    return referral


@transaction.atomic
def record_outcome(referral, outcome):
    referral.outcome = outcome
    referral.outcome_on = timezone.localdate() if outcome != Outcome.OPEN else None
    referral.save(update_fields=["outcome", "outcome_on"])
    return referral


def send_follow_up_reminders(day=None):
    """Mail every author whose referrals are due for follow-up today, once per referral.

    The mail holds a link and a count — no theme, municipality or anything about the family."""
    day = day or timezone.localdate()
    due = (
        Referral.objects.to_follow_up(day=day)
        .filter(reminded_on__isnull=True, author__isnull=False, author__is_active=True)
        .select_related("author", "organisation")
    )
    by_author = {}
    for referral in due:
        by_author.setdefault((referral.author, referral.organisation), []).append(referral)
    sent = 0
    for (author, org), referrals in by_author.items():
        link = settings.SITE_URL.rstrip("/") + reverse("socialmap:referrals", kwargs={"org": org.slug})
        with translation.override(settings.LANGUAGE_CODE):
            context = {"count": len(referrals), "organisation": org, "link": link}
            subject = render_to_string("socialmap/email/follow_up_subject.txt", context).strip()
            body = render_to_string("socialmap/email/follow_up.txt", context)
        send_mail(subject, body, None, [author.email])
        Referral.objects.filter(pk__in=[r.pk for r in referrals]).update(reminded_on=day)
        sent += 1
    return sent


def default_follow_up(day=None):
    return (day or timezone.localdate()) + datetime.timedelta(days=settings.REFERRAL_FOLLOW_UP_DAYS)
