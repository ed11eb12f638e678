"""Background tasks of the group offer (run by `manage.py taskrunner`, see settings.TASKS)."""

from django.tasks import task

from .services import send_reminders


@task
def send_reminders_task():
    """Every day: remind who signed up for a session in SIGNUP_REMINDER_DAYS days."""
    sent, not_sent = send_reminders()
    return {"sent": sent, "not sent": not_sent}
