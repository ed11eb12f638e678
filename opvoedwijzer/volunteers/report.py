"""The volunteers' section of the reports: their reach, their training and their reflection meetings in a
period (the overview page, the yearly report, the XLSX export and the stats API).

- Reach: the conversations registered by volunteers (`Contact.by_volunteer`) with a date in the period,
  in all and per municipality or own area (outside the region, unknown), per main theme and per language
  ("not registered" when the contact has none). Counted from the contacts themselves (the roll-up knows
  nothing of who registered), scoped like every section: the organisation, the period, the chosen
  municipalities (a contact's own municipality or area must be one of them).
- The volunteers counted are those who work in the chosen municipalities (a neighbourhood among them, or
  an own area lying in one of them; all of the organisation's without a choice) and had started by the
  end of the period (or, without a start date, were entered by then). Their status is the current one:
  the programme keeps no history of statuses, so a past period shows today's candidates, active, paused
  and stopped volunteers. "Ready" are the active ones who
  followed every required module still given.
- Training: the modules completed in the period by those volunteers and the hours they took (the sum of
  each completed module's hours).
- Reflection meetings held in the period (with a choice of municipalities: those that one of its
  volunteers attended), their attendance (of those volunteers), its average per meeting and the
  intervision cases discussed.

Outside the service (`outside=True`: a funder, an export ticked for outside, the yearly report) the
numbers of people are suppressed (`disclosure.suppress_small_counts`, below `DISCLOSURE_MIN_COUNT`):
the reach per municipality, per theme and per language each as a table of one column — they share their
total, so when one must hide it all hide it —, the volunteers per status as one table, and the number of
ready volunteers, modules completed (with their hours) and attendance (with its average) when small. The
numbers of meetings and intervision cases count the programme's own work and are shown.

Three queries: the conversations grouped by place, language and main theme; the volunteers per status
with their completions in the period; the meetings of the period with their attendance and cases.
"""

from django.conf import settings
from django.db.models import Count, Exists, FilteredRelation, OuterRef, Q, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from opvoedwijzer.contacts.models import CONTACT_LANGUAGES, Area, Contact
from opvoedwijzer.core.disclosure import suppress_small_counts
from opvoedwijzer.core.models import Municipality
from opvoedwijzer.core.reporting import Section, Table
from opvoedwijzer.taxonomy import defaults

from .models import ReflectionMeeting, Status, TrainingCompletion, TrainingModule, Volunteer

NOT_REGISTERED = ""  # a contact without a language


def volunteers_in(org, end, municipalities=None):
    """The organisation's volunteers known by `end` (started by then, or entered by then when they have
    no start date yet) who work in `municipalities` (a neighbourhood among
    them or lying in one of them; None for all)."""
    volunteers = Volunteer.objects.for_org(org).filter(
        Q(started_on__lte=end) | Q(started_on__isnull=True, created_on__lte=end)
    )
    if municipalities is not None:
        places = Volunteer.neighbourhoods.through.objects.filter(volunteer=OuterRef("pk")).filter(
            Q(municipality__in=municipalities) | Q(municipality__part_of__in=municipalities)
        )
        volunteers = volunteers.filter(Exists(places))
    return volunteers


def _one_column(pairs, k):
    """(code, label, n) → a table of one column, rows by number then label."""
    pairs = sorted(pairs, key=lambda p: (-p[2], str(p[1])))
    rows = [{"code": code, "label": label, "cells": [n], "total": n} for code, label, n in pairs]
    total = sum(n for _code, _label, n in pairs)
    return {"columns": [{"total": total}], "rows": rows, "total": total, "suppressed": False, "min_count": k}


def _suppress_together(tables, k):
    """Suppress each table of one column; they share their total: when one hides it, all hide it."""
    for hide_total in (False, True):
        results = [
            suppress_small_counts(
                {
                    "rows": [{"cells": list(r["cells"]), "total": r["total"]} for r in t["rows"]],
                    "columns": [{"total": t["total"]}],
                    "total": t["total"],
                },
                k,
                hide_total=hide_total,
            )
            for t in tables
        ]
        if all(r["total"] is not None for r in results):
            break
    for table, shown in zip(tables, results, strict=True):
        for row, shown_row in zip(table["rows"], shown["rows"], strict=True):
            row["cells"], row["total"] = shown_row["cells"], shown_row["total"]
        table["total"] = table["columns"][0]["total"] = shown["total"]
        table["suppressed"] = shown["suppressed"]


def _small(n, k):
    return n is not None and 0 < n < k


def reach(org, start, end, municipalities=None, k=None):
    """The conversations registered by volunteers in the period: {total, by_place, by_theme,
    by_language} (tables of one column). One query."""
    contacts = Contact.objects.for_org(org).in_period(start, end).filter(by_volunteer=True)
    if municipalities is not None:
        contacts = contacts.filter(municipality__in=municipalities)
    rows = (
        contacts.annotate(main=FilteredRelation("contact_themes", condition=Q(contact_themes__is_main=True)))
        .values_list(
            "area",
            "municipality__code",
            "municipality__name_nl",
            "municipality__name_fr",
            "language",
            "main__theme__code",
            "main__theme__custom_label",
        )
        .annotate(n=Count("id"))
        .order_by()
    )
    places, themes, languages = {}, {}, {}
    language_labels = dict(CONTACT_LANGUAGES) | {NOT_REGISTERED: _("Not registered")}
    for area, code, name_nl, name_fr, language, theme, custom_label, n in rows:
        if code:
            place = (code, Municipality(name_nl=name_nl, name_fr=name_fr).name)
        else:
            place = (area, Area(area).label)
        theme_label = custom_label or (defaults.label("theme", theme) if theme else _("No theme"))
        for counted, key in (
            (places, place),
            (themes, (theme or "", theme_label)),
            (languages, (language, language_labels.get(language, language))),
        ):
            counted[key] = counted.get(key, 0) + n
    tables = {
        name: _one_column([(code, label, n) for (code, label), n in counted.items()], k)
        for name, counted in (("by_place", places), ("by_theme", themes), ("by_language", languages))
    }
    return {"total": sum(places.values()), **tables}


def programme(org, start, end, municipalities=None):
    """The volunteers per status (now), how many active ones followed every required module, the modules
    completed in the period and their hours; the reflection meetings of the period with their attendance
    and cases. Two queries."""
    volunteers = volunteers_in(org, end, municipalities)
    missing = (
        TrainingModule.objects.for_org(org)
        .in_use()
        .filter(required=True)
        .exclude(
            Exists(
                TrainingCompletion.objects.filter(module=OuterRef("pk"), volunteer=OuterRef(OuterRef("pk")))
            )
        )
    )
    in_period = Q(completions__completed_on__gte=start, completions__completed_on__lte=end)
    per_status = {
        row["status"]: row
        for row in volunteers.values("status")
        .annotate(
            n=Count("id", distinct=True),
            ready=Count("id", distinct=True, filter=Q(status=Status.ACTIVE) & ~Exists(missing)),
            completed=Count("completions", filter=in_period),
            hours=Sum("completions__module__hours", filter=in_period),
        )
        .order_by()
    }
    attended = Q(attendees__in=volunteers.values("pk")) if municipalities is not None else None
    meetings = list(
        ReflectionMeeting.objects.for_org(org)
        .in_period(start, end)
        .annotate(
            present=Count("attendees", filter=attended, distinct=True), n_cases=Count("cases", distinct=True)
        )
        .values_list("present", "n_cases")
    )
    if municipalities is not None:
        meetings = [(present, cases) for present, cases in meetings if present]
    attendance = sum(present for present, _cases in meetings)
    return {
        "per_status": [(code, label, per_status.get(code, {}).get("n", 0)) for code, label in Status.choices],
        "ready": sum(row["ready"] for row in per_status.values()),
        "completed": sum(row["completed"] for row in per_status.values()),
        "hours": sum((row["hours"] or 0) for row in per_status.values()),
        "meetings": len(meetings),
        "attendance": attendance,
        "average_attendance": round(attendance / len(meetings), 1) if meetings else None,
        "cases": sum(cases for _present, cases in meetings),
    }


def volunteer_summary(org, start, end, municipalities=None, *, outside=False):
    """The section's figures for [start, end]; `municipalities` None for all. See the module for what is
    counted and what is suppressed outside the service."""
    k = settings.DISCLOSURE_MIN_COUNT
    counted = reach(org, start, end, municipalities, k)
    numbers = programme(org, start, end, municipalities)
    statuses = {
        "columns": [{"total": sum(n for _code, _label, n in numbers["per_status"])}],
        "rows": [
            {"code": code, "label": label, "cells": [n], "total": n}
            for code, label, n in numbers["per_status"]
        ],
        "suppressed": False,
        "min_count": k,
    }
    statuses["total"] = statuses["columns"][0]["total"]
    training = {"ready": numbers["ready"], "completed": numbers["completed"], "hours": numbers["hours"]}
    meetings = {key: numbers[key] for key in ("meetings", "attendance", "average_attendance", "cases")}
    reach_tables = [counted["by_place"], counted["by_theme"], counted["by_language"]]
    if outside:
        if counted["total"]:
            _suppress_together(reach_tables, k)
        suppress_small_counts(statuses, k)
        active = next(r for r in statuses["rows"] if r["code"] == Status.ACTIVE)
        if _small(training["ready"], k) or active["cells"][0] is None:
            training["ready"] = None
        if _small(training["completed"], k):
            training["completed"] = training["hours"] = None
        if _small(meetings["attendance"], k):
            meetings["attendance"] = meetings["average_attendance"] = None
    hidden = any(t["suppressed"] for t in [*reach_tables, statuses]) or None in (
        training["ready"],
        training["completed"],
        meetings["attendance"],
    )
    return {
        "total": counted["by_place"]["total"],
        "reach_tables": [
            (
                counted["by_place"],
                _("Municipality or area"),
                _("Conversations by volunteers per municipality"),
                "volunteers-per-municipality",
            ),
            (
                counted["by_theme"],
                _("Main theme"),
                _("Conversations by volunteers per main theme"),
                "volunteers-per-theme",
            ),
            (
                counted["by_language"],
                _("Language"),
                _("Conversations by volunteers per language"),
                "volunteers-per-language",
            ),
        ],
        "statuses": statuses,
        "training": training,
        "meetings": meetings,
        "suppressed": hidden,
        "min_count": k,
        "outside": outside,
        "any": bool(counted["total"] or statuses["total"] or meetings["meetings"]),
    }


def _number(value):
    """A number as the exports and the API write it (hours and averages as floats)."""
    return None if value is None else float(value) if not isinstance(value, int) else value


def volunteer_tables(figures):
    """The section's tables as plain rows (the exports and the API)."""
    tables = [
        Table(
            str(title),
            [str(first), _("Conversations")],
            [*([str(r["label"]), r["cells"][0]] for r in t["rows"]), [_("Total"), t["total"]]],
        )
        for t, first, title, _id in figures["reach_tables"]
    ]
    statuses = figures["statuses"]
    tables.append(
        Table(
            _("Volunteers per status"),
            [_("Status"), _("Volunteers")],
            [*([str(r["label"]), r["cells"][0]] for r in statuses["rows"]), [_("Total"), statuses["total"]]],
        )
    )
    training, meetings = figures["training"], figures["meetings"]
    tables.append(
        Table(
            _("Training"),
            [_("What"), _("Number")],
            [
                [_("Modules completed"), training["completed"]],
                [_("Hours of training followed"), _number(training["hours"])],
                [_("Active volunteers who followed every required module"), training["ready"]],
            ],
        )
    )
    tables.append(
        Table(
            _("Reflection meetings"),
            [_("What"), _("Number")],
            [
                [_("Reflection meetings"), meetings["meetings"]],
                [_("Attendance"), meetings["attendance"]],
                [_("Average attendance per meeting"), _number(meetings["average_attendance"])],
                [_("Intervision cases discussed"), meetings["cases"]],
            ],
        )
    )
    return tables


SECTION = Section(
    key="volunteers",
    title=_lazy("The volunteer programme"),
    build=volunteer_summary,
    tables=volunteer_tables,
    template="reports/sections/volunteers.html",
    pdf_template="reports/sections/volunteers_pdf.html",
)
