"""Writes on the library: each a verb-first function in one transaction."""

from django.db import transaction
from django.utils import timezone

from opvoedwijzer.core.crypto import encrypt
from opvoedwijzer.taxonomy import defaults

from .models import Reservation, Resource

RESOURCE_FIELDS = ["kind", "title", "author", "description", "url", "language", "audience", "published"]


@transaction.atomic
def save_resource(org, data, *, resource=None):
    creating = resource is None
    if creating:
        resource = Resource(organisation=org)
    for name in RESOURCE_FIELDS:
        setattr(resource, name, data.get(name) if data.get(name) is not None else getattr(resource, name))
    themes = list(data.get("themes") or [])
    resource.search_labels = " ".join(
        label for theme in themes for label in defaults.LABELS["theme"].get(theme.code, {}).values()
    )
    if creating:
        resource.save()
    else:
        resource.save(update_fields=[*RESOURCE_FIELDS, "search_labels"])
    resource.themes.set(themes)
    resource.life_stages.set(data.get("life_stages") or [])
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
