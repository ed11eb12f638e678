"""Against abuse of the public question form and API, without any external service: a limit per
network address per hour (counted in the cache under a salted hash of the address, never stored
elsewhere) and a honeypot field that people do not see."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

HONEYPOT = "website"


def _key(request, action):
    address = request.META.get("REMOTE_ADDR", "")
    hour = timezone.now().strftime("%Y%m%d%H")
    digest = hashlib.sha256(f"{settings.SECRET_KEY}|{address}|{hour}".encode()).hexdigest()[:32]
    return f"questions:{action}:{digest}"


def over_limit(request, action="ask", limit=None):
    """Count one attempt; True when this address made more than `limit` this hour."""
    limit = settings.QUESTION_RATE_LIMIT_PER_HOUR if limit is None else limit
    key = _key(request, action)
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=3600)
        count = 1
    return count > limit
