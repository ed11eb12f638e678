"""Demo networking meetings and signals (used by `manage.py seed_demo`).

Last year's meetings (for the yearly report) and this year's, relative to today: three held, with
their actions — done, open, one past its due day — and one coming up; signals in every status. The
texts are about services and themes, never about families, and pass the PII guard: the meetings go in
through `MeetingForm` (which runs it) and `services.create_meeting`, actions through `add_action` and
`complete_action`, signals through `raise_signal` and `move_signal`. A meeting or signal whose title is
there already (in this organisation) is left alone: seeding again changes nothing.
"""

import datetime

from django.utils import timezone

from opvoedwijzer.core.models import Membership, Role
from opvoedwijzer.policy import services
from opvoedwijzer.policy.forms import MeetingForm
from opvoedwijzer.policy.models import Meeting, Signal
from opvoedwijzer.taxonomy.models import Theme

from . import dates
from .files import read_json

# From `data/policy.json`, per organisation (another one gets Zuid-Limburg's): meetings with their date
# (see `dates`), kind, title, partners, topics, decisions and actions (owner "member" or a partner's
# name, due in days from the meeting, done in days from the meeting or null); signals with their theme
# code, whether they are about the home town, the day raised and the steps taken.
_DATA = read_json("policy.json")
MEETINGS = _DATA["meetings"]
SIGNALS = _DATA["signals"]
DEFAULT = "zuid-limburg"


def seed_policy(org, home, today=None):
    """Load the demo meetings and signals into `org`, whose home town is `home` (the municipality the
    meetings concern and some signals are about); returns (meetings added, signals added)."""
    today = today or timezone.localdate()
    members = Membership.objects.filter(organisation=org, is_active=True).select_related("user")
    by_role = {m.role: m.user for m in members.order_by("pk")}
    author = by_role.get(Role.COORDINATOR) or by_role.get(Role.STAFF)
    raiser = by_role.get(Role.STAFF) or author
    if author is None:
        return [], []
    meeting_titles = set(Meeting.objects.for_org(org).values_list("title", flat=True))
    added_meetings = []
    for spec in MEETINGS.get(org.slug, MEETINGS[DEFAULT]):
        title, day = spec["title"], dates.day(spec["date"], today)
        if title in meeting_titles:
            continue
        data = {
            "date": day.isoformat(),
            "kind": spec["kind"],
            "title": title,
            "municipalities": [home.pk] if home else [],
            "partners": spec["partners"],
            "topics": spec["topics"],
            "decisions": spec["decisions"],
        }
        form = MeetingForm(data, organisation=org, user=author)
        if not form.is_valid():
            raise ValueError(f"Demo meeting {title!r}: {form.errors.as_json()}")
        meeting = services.create_meeting(form, organisation=org, user=author)
        for action_spec in spec["actions"]:
            owner = action_spec["owner"]
            action = services.add_action(
                meeting,
                description=action_spec["description"],
                owner_member=author if owner == "member" else None,
                owner_partner="" if owner == "member" else owner,
                due_on=day + datetime.timedelta(days=action_spec["due_in"]),
            )
            if action_spec["done_in"] is not None:
                services.complete_action(action, day=day + datetime.timedelta(days=action_spec["done_in"]))
        added_meetings.append(meeting)
    signal_titles = set(Signal.objects.for_org(org).values_list("title", flat=True))
    themes = {t.code: t for t in Theme.objects.for_org(org)}
    added_signals = []
    for spec in SIGNALS.get(org.slug, SIGNALS[DEFAULT]):
        if spec["title"] in signal_titles:
            continue
        data = {
            "title": spec["title"],
            "theme": themes.get(spec["theme"]),
            "municipality": home if spec["at_home"] else None,
            "description": spec["description"],
            "evidence": spec["evidence"],
            "raised_on": dates.day(spec["raised_on"], today),
        }
        signal = services.raise_signal(org, data, user=raiser)
        for step in spec["steps"]:
            services.move_signal(
                signal,
                step=step["status"],
                day=dates.day(step["on"], today),
                brought_to=step["brought_to"],
                outcome=step["outcome"],
            )
        added_signals.append(signal)
    return added_meetings, added_signals
