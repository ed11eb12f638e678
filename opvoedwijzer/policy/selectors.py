"""Named reads on signals."""

from django.db.models import Exists, OuterRef, Subquery

from opvoedwijzer.activities.models import Session
from opvoedwijzer.core.models import Membership, Role


def with_outcome(signals):
    """Signals with what the lists show beside them, in the same query: `theme_meeting_starts` (the
    start of the theme meeting's first session, None without one) and `from_volunteer` (raised by
    someone who is a volunteer of the signal's organisation)."""
    first = Session.objects.filter(activity=OuterRef("theme_meeting")).order_by("starts_at", "id")
    volunteer = Membership.objects.filter(
        organisation=OuterRef("organisation"), user=OuterRef("raised_by"), role=Role.VOLUNTEER
    )
    return signals.annotate(
        theme_meeting_starts=Subquery(first.values("starts_at")[:1]), from_volunteer=Exists(volunteer)
    )
