"""Background tasks of the policy app (run by `manage.py taskrunner`, see settings.TASKS)."""

from django.tasks import task

from opvoedwijzer.core.models import Organisation

from .services import propose_rising_signals


@task
def propose_signals_everywhere():
    """Monthly: look for rising themes in every organisation; returns {org slug: new proposals}."""
    return {org.slug: len(propose_rising_signals(org)) for org in Organisation.objects.all()}
