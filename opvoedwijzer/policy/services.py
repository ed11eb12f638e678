"""Writes on meetings, actions and signals."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opvoedwijzer.activities import services as activities
from opvoedwijzer.activities.models import Kind
from opvoedwijzer.core.models import Municipality
from opvoedwijzer.privacy.audit import record_pii_confirmations
from opvoedwijzer.taxonomy.models import Theme, ThemeGroup

from . import detect
from .models import MeetingAction, Signal, SignalSource, SignalStatus

# Where a signal may go from each status (closing is always possible while it is open).
STEPS = {
    SignalStatus.NEW: [SignalStatus.REVIEWED, SignalStatus.CLOSED],
    SignalStatus.REVIEWED: [SignalStatus.BROUGHT_TO_POLICY, SignalStatus.CLOSED],
    SignalStatus.BROUGHT_TO_POLICY: [SignalStatus.ACTED_ON, SignalStatus.CLOSED],
    SignalStatus.ACTED_ON: [],
    SignalStatus.CLOSED: [],
}


@transaction.atomic
def create_meeting(form, *, organisation, user, pii_confirmations=()):
    """`form`: a valid `MeetingForm` without an instance."""
    meeting = form.save(commit=False)
    meeting.organisation = organisation
    meeting.created_by = user
    meeting.save()
    form.save_m2m()
    record_pii_confirmations(pii_confirmations)
    return meeting


@transaction.atomic
def update_meeting(form, *, pii_confirmations=()):
    """`form`: a valid `MeetingForm` on the meeting to change."""
    meeting = form.save()
    record_pii_confirmations(pii_confirmations)
    return meeting


@transaction.atomic
def add_action(
    meeting, *, description, owner_member=None, owner_partner="", due_on=None, pii_confirmations=()
):
    action = MeetingAction.objects.create(
        meeting=meeting,
        description=description,
        owner_member=owner_member,
        owner_partner=owner_partner if owner_member is None else "",
        due_on=due_on,
    )
    record_pii_confirmations(pii_confirmations)
    return action


@transaction.atomic
def complete_action(action, *, day):
    action.done_on = day
    action.save(update_fields=["done_on"])
    return action


@transaction.atomic
def raise_signal(
    organisation, data, *, user=None, source=SignalSource.STAFF, statistics=None, pii_confirmations=()
):
    signal = Signal.objects.create(
        organisation=organisation,
        raised_by=user,
        source=source,
        statistics=statistics or {},
        **data,
    )
    record_pii_confirmations(pii_confirmations)
    return signal


@transaction.atomic
def move_signal(signal, *, step, day, brought_to="", outcome="", pii_confirmations=()):
    """new → reviewed → brought to policy (when, to whom) → acted on; closed from any open step."""
    if step not in STEPS[signal.status]:
        raise ValidationError({"step": _("A signal cannot go from this status to that one.")})
    fields = ["status"]
    signal.status = step
    if step == SignalStatus.REVIEWED:
        signal.reviewed_on = day
        fields.append("reviewed_on")
    elif step == SignalStatus.BROUGHT_TO_POLICY:
        if not brought_to:
            raise ValidationError({"brought_to": _("Say to whom the signal was brought.")})
        signal.brought_on, signal.brought_to = day, brought_to
        fields += ["brought_on", "brought_to"]
    elif step in (SignalStatus.ACTED_ON, SignalStatus.CLOSED):
        signal.closed_on = day
        fields.append("closed_on")
    if outcome:
        signal.outcome = outcome
        fields.append("outcome")
    signal.save(update_fields=fields)
    record_pii_confirmations(pii_confirmations)
    return signal


class AlreadyPlanned(Exception):
    """The signal has a theme meeting already."""


@transaction.atomic
def plan_theme_meeting(signal, data, *, day=None, pii_confirmations=()):
    """Turn a signal into a theme meeting in its neighbourhood: an activity of the group offer (kind
    theme meeting) with one session, linked to the signal. `data`: `ThemeMeetingForm.activity_data()`
    (title, description, themes, capacity, starts_at, ends_at, location, room, publish). A new signal
    counts as reviewed from `day` (today) on. Raises AlreadyPlanned when the signal has one already
    (also when two coordinators send the form at once: the signal's row is locked first)."""
    signal = Signal.objects.select_for_update().get(pk=signal.pk)
    if signal.theme_meeting_id is not None:
        raise AlreadyPlanned
    fields = {"kind": Kind.THEME_MEETING, **{k: data[k] for k in ("title", "description", "capacity")}}
    session = {k: data[k] for k in ("starts_at", "ends_at", "location", "room")}
    activity = activities.create_activity(
        signal.organisation,
        {**fields, "themes": data["themes"]},
        sessions=[session],
        pii_confirmations=pii_confirmations,
    )
    if data.get("publish"):
        activities.publish(activity)
    signal.theme_meeting = activity
    changed = ["theme_meeting"]
    if signal.status == SignalStatus.NEW:
        signal.status, signal.reviewed_on = SignalStatus.REVIEWED, day or timezone.localdate()
        changed += ["status", "reviewed_on"]
    signal.save(update_fields=changed)
    return signal


@transaction.atomic
def propose_rising_signals(organisation, today=None):
    """Turn what `detect.rising` finds into new signals (source: system), once per municipality and
    theme while an earlier proposal for it is still open. Returns the new signals."""
    today = today or timezone.localdate()
    found = detect.rising(organisation, today)
    if not found:
        return []
    (recent_start, recent_end), (base_start, base_end) = detect.windows(today)
    period = {
        "recent_window": [recent_start.isoformat(), recent_end.isoformat()],
        "baseline_window": [base_start.isoformat(), base_end.isoformat()],
    }
    municipalities = {
        m.code: m
        for m in Municipality.objects.visible_to(organisation).filter(
            code__in={f.municipality for f in found}
        )
    }
    themes = {t.code: t for t in Theme.objects.for_org(organisation).select_related("group")}
    groups = {g.code: g for g in ThemeGroup.objects.for_org(organisation)}
    open_ones = {
        (s.municipality_id, s.theme_id, s.theme_group_id)
        for s in Signal.objects.for_org(organisation).open().filter(source=SignalSource.SYSTEM)
    }
    created = []
    # A group rising because one of its themes rises is the same news: the theme says it better.
    groups_of_rising_themes = {
        (f.municipality, themes[f.code].group.code)
        for f in found
        if f.dimension == "theme" and f.code in themes
    }
    for f in found:
        municipality = municipalities[f.municipality]
        theme = themes.get(f.code) if f.dimension == "theme" else None
        group = groups.get(f.code) if f.dimension == "theme_group" else None
        if theme is None and group is None:
            continue
        if group is not None and (f.municipality, group.code) in groups_of_rising_themes:
            continue
        if (municipality.pk, getattr(theme, "pk", None), getattr(group, "pk", None)) in open_ones:
            continue
        label = (theme or group).label
        texts = _proposal_texts(f, label, municipality.name)
        data = {"theme": theme, "theme_group": group, "municipality": municipality, **texts}
        statistics = f.as_statistics(period)
        created.append(raise_signal(organisation, data, source=SignalSource.SYSTEM, statistics=statistics))
    return created


def _proposal_texts(found, label, municipality):
    names = {"theme": label, "municipality": municipality}
    return {
        "title": _("%(theme)s rising in %(municipality)s") % names,
        "description": _(
            "%(theme)s was asked about more often in %(municipality)s in the last 13 weeks than in the "
            "year before, compared with all questions from there."
        )
        % names,
        "evidence": _(
            "%(recent)s of %(recent_total)s contacts in the last 13 weeks, against %(baseline)s of "
            "%(baseline_total)s in the 52 weeks before (share ×%(ratio)s; q = %(q)s)."
        )
        % {
            "recent": found.recent,
            "recent_total": found.recent_total,
            "baseline": found.baseline,
            "baseline_total": found.baseline_total,
            "ratio": f"{found.ratio:.1f}",
            "q": f"{found.q:.3f}",
        },
    }
