"""The group offer's retention rule (privacy rule 6): the names and contacts of who signed up go
RETENTION_DAYS["signup_contact"] days after the activity's last session or its cancellation — the day
`Activity.personal_data_purge_on` tells. Run nightly by opvoedwijzer.retention."""

import datetime

from django.conf import settings
from django.utils import timezone

from .models import Activity, SignUp


def expired_signups(now):
    """Sign-ups (a first name, a phone number or e-mail address) of activities whose purge day has come."""
    days = settings.RETENTION_DAYS["signup_contact"]
    today = timezone.localdate(now)
    # The last session ended on day D; its purge day D + days has come when D < today - days + 1.
    cutoff = timezone.make_aware(
        datetime.datetime.combine(today - datetime.timedelta(days=days - 1), datetime.time.min)
    )
    over = Activity.objects.with_dates().filter(last_end__lt=cutoff).values("pk")
    cancelled = Activity.objects.filter(cancelled_on__lte=today - datetime.timedelta(days=days)).values("pk")
    return SignUp.objects.filter(activity__in=over.union(cancelled)).exclude(name="", contact="")


def purge_expired(now):
    return {"sign-up names and contacts removed": expired_signups(now).update(name="", contact="")}
