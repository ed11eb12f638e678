"""Named reads of the volunteer programme that its screens share (and other apps may use)."""

from .models import TrainingModule, Volunteer


def volunteer_of(membership):
    """The volunteer profile linked to this membership, or None."""
    return Volunteer.objects.filter(membership=membership).first()


def modules_to_follow(volunteer):
    """The required modules still in use that this volunteer has not completed, in their order."""
    return (
        TrainingModule.objects.for_org(volunteer.organisation_id)
        .in_use()
        .filter(required=True)
        .exclude(completions__volunteer=volunteer)
    )
