"""Background tasks of the social map (run by `manage.py taskrunner`, see settings.TASKS)."""

from django.tasks import task

from .services import send_follow_up_reminders


@task
def send_follow_up_reminders_task():
    """Weekday mornings: remind authors of referrals whose follow-up date has come."""
    return send_follow_up_reminders()
