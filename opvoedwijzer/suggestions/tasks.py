"""The nightly training as a background task (settings.TASKS → periodic, SUGGESTIONS_TRAIN_SCHEDULE)."""

from django.tasks import task

from .services import train_everywhere


@task
def train_suggestions_task():
    """Every organisation learns its suggestion weights again from its own examples (counts only)."""
    return train_everywhere()
