"""The web questions' retention rule (privacy rule 6): the e-mail address for "your answer is ready"
goes on the purge day set when the question is asked. Run nightly by opvoedwijzer.retention."""

from django.utils import timezone

from .models import Question


def expired_emails(now):
    """Questions whose e-mail address has reached its purge day."""
    return Question.objects.filter(email_purge_on__lte=timezone.localdate(now))


def purge_expired(now):
    removed = expired_emails(now).update(notify_email="", email_purge_on=None)
    return {"question e-mail addresses removed": removed}
