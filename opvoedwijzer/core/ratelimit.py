"""Limits per network address and hour against abuse of the public forms and API, without an external
service: each attempt adds one to a counter row in the database (one atomic upsert, so every worker and
every app server counts together, and simultaneous attempts cannot slip through between a read and a
write). The key is a salted hash of the address, the action and the hour; the address is never stored.
Each action has a name and its hourly limit in `settings.RATE_LIMITS`.
A honeypot field, hidden from people, catches simple bots (`HONEYPOT`)."""

import datetime
import hashlib

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db import connection
from django.utils import timezone

from .models import RateCounter

HONEYPOT = "website"

# Actions that count in another's counter: reading a question through the API is picking it up.
COUNTED_AS = {"pick_up_by_api": "pick_up"}

_UPSERT = (
    'INSERT INTO {table} ("key", "count", "expires_at") VALUES (%s, 1, %s) '
    'ON CONFLICT ("key") DO UPDATE SET "count" = {table}."count" + 1 RETURNING "count"'
)


def client_address(request):
    """The caller's network address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT reverse proxies the
    address they saw (X-Forwarded-For, counted from the right: what a client sends itself is ignored).
    The same rule as allauth's login throttle (ALLAUTH_TRUSTED_PROXY_COUNT)."""
    try:
        return get_adapter(request).get_client_ip(request)
    except (ImproperlyConfigured, PermissionDenied):  # fewer forwarded addresses than proxies: no proxy
        return request.META.get("REMOTE_ADDR", "")


def _key(request, action, now):
    address = client_address(request)
    hour = now.strftime("%Y%m%d%H")
    digest = hashlib.sha256(f"{settings.SECRET_KEY}|{address}|{hour}".encode()).hexdigest()[:40]
    return f"{action}:{digest}"


def count_attempt(request, action):
    """Add one attempt of `action` by this request's address in this hour; return the hour's count."""
    now = timezone.now()
    expires_at = now.replace(minute=0, second=0, microsecond=0) + datetime.timedelta(hours=1)
    table = connection.ops.quote_name(RateCounter._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(_UPSERT.format(table=table), [_key(request, action, now), expires_at])
        return cursor.fetchone()[0]


def over_limit(request, name):
    """Count one attempt at `name` (a key of settings.RATE_LIMITS); True when this address made more
    than its limit this hour. An unknown name is an error, before anything is counted."""
    try:
        limit = settings.RATE_LIMITS[name]
    except KeyError:
        raise ImproperlyConfigured(f"No rate limit named {name!r} in settings.RATE_LIMITS.") from None
    return count_attempt(request, COUNTED_AS.get(name, name)) > limit


def delete_expired_counters(now=None):
    """Remove the counters of past hours; returns how many."""
    return RateCounter.objects.filter(expires_at__lte=now or timezone.now()).delete()[0]
