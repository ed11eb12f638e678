"""An organisation's taxonomy and served municipalities, read once per process and kept in memory.

Registering a contact checks seven codes against these; reading them from the database for every
request cost eight queries. `terms_of(org)` answers from memory while the organisation's
`terms_version` is the one it was read at: every change of a term or of the municipalities goes
through `note_terms_changed` (core/versions.py), which raises the version (so every process and app
server reads again on its next request: the version comes with the organisation, which each request
loads anyway; the copy read at the old version is replaced then). A copy is also read again after
`MAX_AGE` seconds, for changes made around the services (the Django admin). The objects are shared
between requests: read them, never change them.
"""

import threading
import time
from dataclasses import dataclass, field

from opvoedwijzer.core.versions import note_terms_changed

from .models import TERM_MODELS

__all__ = ["OrgTerms", "note_terms_changed", "terms_of"]

MAX_AGE = 300
_copies = {}
_lock = threading.Lock()


@dataclass(frozen=True)
class OrgTerms:
    """Every term of every dimension (hidden ones too) in display order, and the served municipalities
    (by Dutch name, with their postal codes)."""

    terms: dict  # dimension → [term]
    municipalities: list
    _by_code: dict = field(default_factory=dict)

    def __post_init__(self):
        for dimension, terms in self.terms.items():
            self._by_code[dimension] = {t.code: t for t in terms}

    def visible(self, dimension, keep_ids=()):
        """The visible terms, and hidden ones among `keep_ids` (those an old contact still uses)."""
        keep = set(keep_ids)
        return [t for t in self.terms[dimension] if not t.hidden or t.pk in keep]

    def get(self, dimension, code):
        return self._by_code[dimension].get(code)


def _key(org):
    return (org.pk, org.created, org.terms_version)


def _read(org):
    terms = {}
    for dimension, model in TERM_MODELS.items():
        qs = model.objects.for_org(org)
        terms[dimension] = list(qs.select_related("group") if dimension == "theme" else qs)
    municipalities = list(org.municipalities.order_by("name_nl").prefetch_related("postal_codes"))
    return OrgTerms(terms=terms, municipalities=municipalities)


def terms_of(org):
    """The organisation's terms and municipalities: from memory, or read (8 queries) when they changed."""
    key, now = _key(org), time.monotonic()
    copy = _copies.get(org.pk)
    if copy is not None and copy[0] == key and now - copy[1] < MAX_AGE:
        return copy[2]
    terms = _read(org)
    with _lock:
        _copies[org.pk] = (key, now, terms)
    return terms
