"""Municipalities typed as text ("Hasselt, 3800, GM0363") matched to the official table."""

import re
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from opvoedwijzer.core.models import Municipality

# What the form accepts: plenty for a service's municipalities (each costs a query or two to match).
MAX_TEXT, MAX_ENTRIES = 2000, 100
SEPARATORS = re.compile(r"[,;\n]+")
DUTCH_POSTAL_CODE = re.compile(r"^(\d{4})\s*[A-Za-z]{2}$")


@dataclass
class Entry:
    text: str
    matches: list = field(default_factory=list)
    suggestions: list = field(default_factory=list)

    @property
    def problem(self):
        if not self.matches:
            if self.suggestions:
                return _(
                    "“%(text)s”: no municipality with exactly this name or code. Did you mean %(options)s?"
                ) % {
                    "text": self.text,
                    "options": ", ".join(f"{m.name} ({m.code})" for m in self.suggestions),
                }
            return _("“%(text)s”: no municipality with this name, postal code or code.") % {"text": self.text}
        return _(
            "“%(text)s” fits several municipalities: %(options)s. Type the code of the one you mean."
        ) % {
            "text": self.text,
            "options": ", ".join(f"{m.name} ({m.code})" for m in self.matches),
        }


def resolve_entries(text):
    """One Entry per item typed: its exact matches by code, postal code or name (nl or fr, any case),
    among the official municipalities valid today; a few suggestions when there is none."""
    items = [t.strip() for t in SEPARATORS.split((text or "")[:MAX_TEXT]) if t.strip()][:MAX_ENTRIES]
    today = timezone.localdate()
    official = Municipality.objects.official().valid_on(today)
    entries = []
    for item in items:
        key = item
        dutch = DUTCH_POSTAL_CODE.match(item)
        if dutch:
            key = dutch.group(1)
        exact = Q(code__iexact=key) | Q(name_nl__iexact=key) | Q(name_fr__iexact=key)
        if key.isdigit():
            exact |= Q(postal_codes__code=key)
        matches = list(official.filter(exact).distinct().order_by("name_nl")[:10])
        suggestions = [] if matches else list(official.search(item).order_by("name_nl")[:5])
        entries.append(Entry(item, matches, suggestions))
    return entries
