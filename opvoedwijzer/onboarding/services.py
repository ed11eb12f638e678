"""Writes of the first-run checklist."""

from django.db import transaction
from django.utils import timezone

from .models import MARKABLE_STEPS, SetupMark


@transaction.atomic
def mark_step_done(org, step, *, by):
    """A coordinator says a step only they can judge is done (idempotent)."""
    if step not in MARKABLE_STEPS:
        raise ValueError(f"{step} is read from the data, not marked.")
    SetupMark.objects.get_or_create(
        organisation=org, step=step, defaults={"marked_by": by, "marked_at": timezone.now()}
    )


@transaction.atomic
def unmark_step(org, step):
    """Back on the list: the coordinator wants to come back to it."""
    SetupMark.objects.filter(organisation=org, step=step).delete()
