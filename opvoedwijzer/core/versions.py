"""Versions on the organisation that tell each process its in-memory copies are out of date."""

from django.db.models import F

from .models import Organisation


def note_terms_changed(org):
    """Call after changing an organisation's terms or municipalities (inside the same transaction): raises
    its `terms_version`, so every process reads them again (taxonomy/cache.py keys its copies on it)."""
    Organisation.objects.filter(pk=org.pk).update(terms_version=F("terms_version") + 1)
    org.refresh_from_db(fields=["terms_version"])
