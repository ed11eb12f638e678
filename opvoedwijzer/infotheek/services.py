"""Writes on the library: each a verb-first function in one transaction."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from opvoedwijzer.core import fulltext
from opvoedwijzer.core.crypto import encrypt
from opvoedwijzer.taxonomy import defaults

from .models import Copy, Handout, Loan, Reservation, Resource

RESOURCE_FIELDS = [
    *["kind", "title", "author", "description", "url", "body", "language", "audience", "published", "stock"],
]


@transaction.atomic
def save_resource(org, data, *, resource=None):
    creating = resource is None
    if creating:
        resource = Resource(organisation=org)
    for name in RESOURCE_FIELDS:
        if name in data:
            setattr(resource, name, data[name])
    themes, stages = list(data.get("themes") or []), list(data.get("life_stages") or [])
    labels = [
        label for t in themes for label in [str(t.label), *defaults.LABELS["theme"].get(t.code, {}).values()]
    ]
    labels += [str(s.label) for s in stages]
    parts = [resource.title, resource.author, resource.description, resource.body, *labels]
    resource.search_text = "\n".join(p for p in parts if p)
    if creating:
        resource.save()
    else:
        resource.save(update_fields=[*RESOURCE_FIELDS, "search_text"])
    resource.themes.set(themes)
    resource.life_stages.set(stages)
    fulltext.index("infotheek_resource", [(resource.pk, resource.search_text)])
    return resource


@transaction.atomic
def reserve(resource, contact):
    """Someone reserves without an account; `contact` (a phone number or an e-mail address) is kept
    encrypted, only to say the book is ready."""
    return Reservation.objects.create(resource=resource, contact=encrypt(contact.strip()))


@transaction.atomic
def end_reservation(reservation):
    """Picked up or cancelled: the contact goes at once (nothing else needs it)."""
    reservation.ended_on = timezone.localdate()
    reservation.contact = ""
    reservation.save(update_fields=["ended_on", "contact"])
    return reservation


@transaction.atomic
def add_copy(resource, barcode):
    return Copy.objects.create(resource=resource, barcode=barcode.strip())


def default_due_on():
    return timezone.localdate() + datetime.timedelta(days=settings.LOAN_DAYS)


@transaction.atomic
def lend_copy(copy, contact, *, due_on=None):
    """Lend a copy; the reservation first in the queue for this title ends (its contact goes)."""
    today = timezone.localdate()
    loan = Loan.objects.create(
        copy=copy,
        contact=encrypt(contact.strip()),
        lent_on=today,
        due_on=due_on or default_due_on(),
    )
    first = copy.resource.reservations.filter(ended_on__isnull=True).order_by("reserved_on", "id").first()
    if first is not None:
        end_reservation(first)
    return loan


@transaction.atomic
def renew_loan(loan):
    loan.due_on = max(loan.due_on, timezone.localdate()) + datetime.timedelta(days=settings.LOAN_DAYS)
    loan.renewals += 1
    loan.save(update_fields=["due_on", "renewals"])
    return loan


@transaction.atomic
def return_copy(loan):
    """Back on the shelf; the borrower's contact is kept for RETENTION_DAYS["library_contact"] days (a
    question about a missing page, a forgotten bookmark), then purged."""
    loan.returned_on = timezone.localdate()
    loan.contact_purge_on = loan.returned_on + datetime.timedelta(
        days=settings.RETENTION_DAYS["library_contact"]
    )
    loan.save(update_fields=["returned_on", "contact_purge_on"])
    return loan


@transaction.atomic
def hand_out(resource, count):
    """Count folders handed out today and take them from the stock (which never goes below zero)."""
    Handout.objects.create(resource=resource, count=count)
    if resource.stock is not None:
        resource.stock = max(0, resource.stock - count)
        resource.save(update_fields=["stock"])
    return resource


@transaction.atomic
def restock(resource, count):
    resource.stock = (resource.stock or 0) + count
    resource.save(update_fields=["stock"])
    return resource
