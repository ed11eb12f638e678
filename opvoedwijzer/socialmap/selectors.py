"""Reads on the social map that other apps use."""

from django.db.models import Value

from .models import Location, MapOrganisation, Phone, Service


class MapNumbers(list):
    """The phone numbers on social maps; `names` holds the names of the organisations, services and
    locations on the same maps, read in the same query. The PII guard takes none of them for
    personal data ("Bel Tejo Hasselt op 011 …")."""

    names = ()


def public_phone_numbers(user=None):
    """The phone numbers on the social maps — of the organisations `user` is an active member of, or
    of all organisations. They are services' numbers, so the PII guard leaves them alone; the names
    on those maps come along as `names` (one query for both)."""
    tables = [
        Phone.objects.all(),
        MapOrganisation.objects.all(),
        Service.objects.all(),
        Location.objects.all(),
    ]
    if user is not None:
        if not getattr(user, "is_authenticated", False):
            return MapNumbers()
        tables = [
            table.filter(organisation__memberships__user=user, organisation__memberships__is_active=True)
            for table in tables
        ]
    phones, organisations, services, locations = tables

    def column(rows, field, kind):
        return rows.exclude(**{field: ""}).order_by().annotate(kind=Value(kind)).values_list("kind", field)

    rows = (
        column(phones, "number", "phone")
        .union(
            column(organisations, "name", "name"),
            column(organisations, "alternate_name", "name"),
            column(services, "name", "name"),
            column(services, "alternate_name", "name"),
            column(locations, "name", "name"),
        )
        .order_by()
    )
    numbers = MapNumbers()
    names = []
    for kind, text in rows:
        (numbers if kind == "phone" else names).append(text)
    numbers.names = tuple(names)
    return numbers
