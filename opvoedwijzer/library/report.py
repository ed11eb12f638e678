"""The library's section of the reports: folders and brochures handed out in a period, per title.

Handouts are the organisation's own material, not counts of families: not suppressed, and not per
municipality (a handout has none), so the section is on the overview page and not in the yearly
report of one municipality.
"""

from django.db.models import Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from opvoedwijzer.core.reporting import Section, Table

from .models import Handout


def handouts_in(org, start, end, municipalities=None, *, outside=False):
    """Folders and brochures handed out in the period (the offer "material"), per title: (title, n)."""
    rows = (
        Handout.objects.filter(resource__organisation=org, given_on__gte=start, given_on__lte=end)
        .values_list("resource__title")
        .annotate(n=Sum("count"))
        .order_by("-n", "resource__title")
    )
    return list(rows)


def handout_tables(handouts):
    return [
        Table(
            _("Folders and brochures handed out"), [_("Title"), _("Handed out")], [list(r) for r in handouts]
        )
    ]


SECTION = Section(
    key="handouts",
    title=_lazy("Folders and brochures handed out"),
    build=handouts_in,
    tables=handout_tables,
    template="reports/sections/handouts.html",
)
