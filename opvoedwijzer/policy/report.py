"""The policy section of the reports: networking (meetings with partners) and signals in a period.

They count the organisation's own work, not families: nothing is suppressed. The overview page counts
the organisation's meetings per kind and its signals raised and brought to policy in the period (of
all its municipalities); the yearly report of a municipality lists the meetings and signals of that
municipality or of none in particular. Both are read lazily, so each output runs only its own queries.
"""

from functools import cached_property

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from opvoedwijzer.core.reporting import Section, Table

from .models import Meeting, MeetingKind, Signal


class PartnerWork:
    def __init__(self, org, start, end, municipalities=None):
        self.org, self.start, self.end, self.municipalities = org, start, end, municipalities

    @cached_property
    def counts(self):
        """Meetings per kind, signals raised and brought to policy in the period, of the organisation."""
        per_kind = dict(
            Meeting.objects.for_org(self.org)
            .in_period(self.start, self.end)
            .values_list("kind")
            .annotate(n=Count("id"))
            .order_by()
        )
        signals = Signal.objects.for_org(self.org)
        return {
            "meetings": [(label, per_kind[code]) for code, label in MeetingKind.choices if code in per_kind],
            "meetings_total": sum(per_kind.values()),
            "signals_raised": signals.filter(raised_on__range=(self.start, self.end)).count(),
            "signals_brought": signals.filter(brought_on__range=(self.start, self.end)).count(),
        }

    @cached_property
    def meetings(self):
        """The meetings held for the municipalities (or for none in particular), by date, and their
        number per kind."""
        qs = Meeting.objects.for_org(self.org).in_period(self.start, self.end)
        if self.municipalities is not None:
            qs = qs.filter(Q(municipalities__in=self.municipalities) | Q(municipalities__isnull=True))
        meetings = list(qs.distinct().order_by("date"))
        per_kind = {label: 0 for _code, label in MeetingKind.choices}
        for meeting in meetings:
            per_kind[meeting.get_kind_display()] += 1
        return {"list": meetings, "per_kind": {k: v for k, v in per_kind.items() if v}}

    @cached_property
    def signals(self):
        """The signals of the municipalities (or of none in particular) raised, brought to policy or
        closed in the period."""
        qs = Signal.objects.for_org(self.org)
        if self.municipalities is not None:
            qs = qs.filter(Q(municipality__in=self.municipalities) | Q(municipality__isnull=True))
        period = (self.start, self.end)
        return list(
            qs.filter(Q(raised_on__range=period) | Q(brought_on__range=period) | Q(closed_on__range=period))
            .select_related("theme", "theme_group")
            .order_by("raised_on")
        )


def partner_work(org, start, end, municipalities=None, *, outside=False):
    return PartnerWork(org, start, end, municipalities)


def partner_work_tables(work):
    counts = work.counts
    return [
        Table(
            _("Networking and signals in this period"),
            [_("What"), _("Number")],
            [
                *([str(label), n] for label, n in counts["meetings"]),
                [_("Meetings with partners"), counts["meetings_total"]],
                [_("Signals raised"), counts["signals_raised"]],
                [_("Signals brought to policy"), counts["signals_brought"]],
            ],
        )
    ]


def partner_work_key_figures(work):
    """The yearly report's key figures: the meetings and signals of its municipality."""
    return [(_("meetings with partners"), len(work.meetings["list"])), (_("signals"), len(work.signals))]


SECTION = Section(
    key="partner_work",
    title=_lazy("Networking and signals in this period"),
    build=partner_work,
    tables=partner_work_tables,
    template="reports/sections/partner_work.html",
    pdf_template="reports/sections/partner_work_pdf.html",
    key_figures=partner_work_key_figures,
)
