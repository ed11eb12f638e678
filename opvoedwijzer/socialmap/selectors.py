"""Reads on the social map that other apps use."""

from .models import Phone


def public_phone_numbers(user=None):
    """The phone numbers on the social maps — of the organisations `user` is an active member of, or
    of all organisations. They are services' numbers, so the PII guard leaves them alone."""
    phones = Phone.objects.all()
    if user is not None:
        if not getattr(user, "is_authenticated", False):
            return []
        phones = phones.filter(
            organisation__memberships__user=user, organisation__memberships__is_active=True
        )
    return list(phones.values_list("number", flat=True).distinct())
