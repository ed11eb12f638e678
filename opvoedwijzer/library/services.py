"""Writes on the library: each a verb-first function in one transaction."""

import datetime

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from opvoedwijzer.core import fulltext
from opvoedwijzer.core.crypto import decrypt, encrypt
from opvoedwijzer.core.language import with_lang
from opvoedwijzer.core.translations import clean_versions, translated
from opvoedwijzer.taxonomy import defaults

from .models import Copy, Handout, Loan, Reservation, ReservationEnd, Resource

RESOURCE_FIELDS = [
    *["kind", "title", "author", "description", "url", "body", "language", "audience", "published", "stock"],
    "translations",
]


@transaction.atomic
def create_resource(org, data):
    return _write_resource(Resource(organisation=org), data, creating=True)


@transaction.atomic
def update_resource(resource, data):
    return _write_resource(resource, data, creating=False)


def _write_resource(resource, data, *, creating):
    for name in RESOURCE_FIELDS:
        if name in data:
            setattr(resource, name, data[name])
    if "translations" in data:
        resource.translations = clean_versions(data["translations"])
    themes, stages = list(data.get("themes") or []), list(data.get("life_stages") or [])
    labels = [
        label for t in themes for label in [str(t.label), *defaults.LABELS["theme"].get(t.code, {}).values()]
    ]
    labels += [str(s.label) for s in stages]
    versions = [text for fields in (resource.translations or {}).values() for text in fields.values()]
    parts = [resource.title, resource.author, resource.description, resource.body, *labels, *versions]
    resource.search_text = "\n".join(p for p in parts if p)
    if creating:
        resource.save()
    else:
        resource.save(update_fields=[*RESOURCE_FIELDS, "search_text"])
    resource.themes.set(themes)
    resource.life_stages.set(stages)
    fulltext.index(Resource._meta.db_table, [(resource.pk, resource.search_text)])
    return resource


# Signs the cancel links already mailed out: changing it would break them.
CANCEL_SALT = "infotheek.reservation.cancel"


def availability(resource):
    """What the public page says about a lendable title: copies, how many are free to reserve now
    (not lent, not promised to an earlier reservation) and how long the waiting list is."""
    copies = resource.copies.count()
    out = Loan.objects.out().filter(copy__resource=resource).count()
    waiting = resource.reservations.filter(ended_on__isnull=True).count()
    free = max(0, copies - out - waiting)
    return {
        "copies": copies,
        "free": free,
        # Reservations beyond the free copies: they wait for a copy to come back, in order.
        "waiting": max(0, waiting - max(0, copies - out)),
        "reservable": copies > 0,
    }


class NoCopies(Exception):
    """A title without any copy cannot be reserved (not even on a waiting list)."""


@transaction.atomic
def reserve(resource, contact, *, mail_link=False):
    """Someone reserves without an account; `contact` (a phone number or an e-mail address) is kept
    encrypted, only to say the book is ready. Beyond the free copies the reservation joins the waiting
    list; a title without copies refuses (NoCopies). The reservation comes back with `place` (on the
    waiting list, 0 when a copy is there for it) and `token` (of its cancel link). The row lock on the
    title keeps two parents from taking the last copy."""
    Resource.objects.select_for_update().filter(pk=resource.pk).first()
    before = availability(resource)
    if not before["reservable"]:
        raise NoCopies
    reservation = Reservation.objects.create(resource=resource, contact=encrypt(contact.strip()))
    reservation.place = 0 if before["free"] else before["waiting"] + 1
    reservation.token = cancel_token(reservation)
    if mail_link and "@" in contact:
        language = translation.get_language()
        transaction.on_commit(lambda: send_reservation_link(reservation.pk, language))
    return reservation


def send_reservation_link(reservation_pk, language):
    """A reservation made with an e-mail address: one mail with its link (where and when to pick up,
    the place on the waiting list, cancel), in the language of the page it was made on."""
    reservation = Reservation.objects.select_related("resource__organisation").get(pk=reservation_pk)
    address = decrypt(reservation.contact)
    if not address or reservation.ended_on:
        return
    org = reservation.resource.organisation
    path = reverse("public_reservation", kwargs={"slug": org.slug, "token": cancel_token(reservation)})
    link = with_lang(settings.SITE_URL.rstrip("/") + path, language)
    with translation.override(language if language in dict(settings.LANGUAGES) else "nl"):
        title = translated(reservation.resource, "title").text
        context = {"organisation": org, "title": title, "link": link}
        subject = render_to_string("library/email/reserved_subject.txt", context).strip()
        send_mail(subject, render_to_string("library/email/reserved.txt", context), None, [address])


def cancel_token(reservation):
    """The secret part of the cancel link: the reservation signed with SECRET_KEY (nothing stored)."""
    return signing.dumps(reservation.pk, salt=CANCEL_SALT)


def find_reservation(resource_org, token):
    """The reservation behind a cancel link, of this organisation, or None."""
    try:
        pk = signing.loads(token or "", salt=CANCEL_SALT)
    except signing.BadSignature:
        return None
    return (
        Reservation.objects.filter(pk=pk, resource__organisation=resource_org)
        .select_related("resource")
        .first()
    )


def waiting_place(reservation):
    """0 when a copy is there for this reservation, else its place on the waiting list."""
    resource = reservation.resource
    out = Loan.objects.out().filter(copy__resource=resource).count()
    free_copies = max(0, resource.copies.count() - out)
    ahead = resource.reservations.filter(ended_on__isnull=True).filter(
        Q(reserved_on__lt=reservation.reserved_on)
        | Q(reserved_on=reservation.reserved_on, id__lt=reservation.pk)
    )
    position = ahead.count() + 1
    return 0 if position <= free_copies else position - free_copies


@transaction.atomic
def end_reservation(reservation, ended_as):
    """Picked up or cancelled (a ReservationEnd): the contact goes at once (nothing else needs it)."""
    reservation.ended_on = timezone.localdate()
    reservation.ended_as = ended_as
    reservation.contact = ""
    reservation.save(update_fields=["ended_on", "ended_as", "contact"])
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
        end_reservation(first, ReservationEnd.PICKED_UP)
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
