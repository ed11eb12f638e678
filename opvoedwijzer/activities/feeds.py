"""The iCalendar feeds (RFC 5545): /<org>/agenda.ics and /<org>/agenda/<id>.ics.

One event per session, so that a course of four evenings shows as four evenings in a calendar app;
cancelled and unpublished activities and those that are over stay out.

Written as text, line by line, from two queries of plain values: building an `icalendar` object tree
per event and serialising it cost 0.3 ms per event (most of it in its line folding), a quarter of a
second for a feed of 800 sessions. The output is what `icalendar` 7 wrote (the tests compare them byte
for byte): TEXT values escaped (backslash, semicolon, comma, newlines as ``\\n``), lines folded at 75
octets with CRLF and a space, never inside a UTF-8 character nor right after a backslash, DTSTART and
DTEND in UTC (``…Z``) or with TZID for a zoned time, DTSTAMP in UTC. X-WR-CALNAME is escaped as TEXT too
(icalendar wrote it raw, and a line break in the name made it fail).

The organisation's whole feed is also kept in memory (`agenda_feed`), plain and gzipped, with its
ETag, per process: a calendar app polling it costs two small queries. A kept feed is used while

- the organisation's agenda version is the one it was written at: every write in services.py that
  changes what a feed shows calls `note_agenda_changed`, which gives the organisation a new random
  version in the shared cache (settings.CACHES: the database or Redis, so every process and app
  server sees it), inside the write's transaction and again after its commit;
- the organisation's `map_version` is the one it was written at (every write to the social map raises
  it: a session's place is a location of the map, by name and address);
- no activity in it has ended since (it then leaves the feed);
- it is younger than `MAX_AGE` seconds, for changes made around the services (the Django admin).
"""

import datetime
import hashlib
import re
import secrets
import threading
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.text import compress_string

from .models import Activity, Session

PRODID = "-//Opvoedwijzer//agenda//NL"
MAX_AGE = 60  # seconds a process keeps an organisation's feed at most
LIMIT = 74  # octets on a line before the fold: icalendar's `_foldline(limit=75)` folds at ≥ 75
ACCEPTS_GZIP = re.compile(r"\bgzip\b")  # as django.middleware.gzip
STAMP = re.compile(rb"\r\nDTSTAMP:[0-9TZ]+")

_feeds = {}  # (organisation id, scheme, host) → Feed
_lock = threading.Lock()


# Writing -------------------------------------------------------------------------------------------


def escape(text):
    """An iCalendar TEXT value (RFC 5545 3.3.11), as icalendar's `_escape_char`."""
    return (
        text.replace(r"\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", r"\;")
        .replace(",", r"\,")
        .replace("\r\n", r"\n")
        .replace("\n", r"\n")
        .replace("\r", r"\n")
    )


def fold(line):
    """One content line as UTF-8 octets, folded as icalendar's `_foldline`: at most 74 octets before
    each CRLF + space, never inside a character, and a backslash or caret that would end a part moves
    to the next one (so that an escape stays whole)."""
    data = line.encode()
    if len(data) <= LIMIT:
        return data
    parts, start, end = [], 0, len(data)
    while end - start > LIMIT:
        cut = start + LIMIT
        while data[cut] & 0xC0 == 0x80:  # a continuation byte: back to the character's start
            cut -= 1
        if data[cut - 1] in b"\\^":
            cut -= 1
        parts.append(data[start:cut])
        start = cut
    parts.append(data[start:])
    return b"\r\n ".join(parts)


def _local(moment):
    """20261213T183000: the date and time as written, without the zone (isoformat is the fastest)."""
    return moment.isoformat()[:19].replace("-", "").replace(":", "")


def _utc(moment):
    if moment.utcoffset():
        moment = moment.astimezone(datetime.UTC)
    return f"{_local(moment)}Z"


def when(name, moment):
    """DTSTART/DTEND: UTC as …Z (what the database gives), a zoned time with its TZID."""
    key = getattr(moment.tzinfo, "key", "UTC")
    if key in ("UTC", "Etc/UTC"):
        return f"{name}:{_utc(moment)}"
    return f"{name};TZID={key}:{_local(moment)}"


@dataclass(frozen=True)
class Entry:
    """An activity in a feed: one event per session, (uid, starts_at, ends_at, location) each."""

    title: str
    description: str
    url: str
    sessions: list


def write(calendar_name, entries, stamp=None):
    """The VCALENDAR text of `entries` (Entry), as bytes. What every session of an activity shares
    (its description, URL, title) is escaped and folded once."""
    stamp = f"DTSTAMP:{_utc(stamp or timezone.now())}".encode()
    out = [
        b"BEGIN:VCALENDAR",
        b"VERSION:2.0",
        fold(f"PRODID:{PRODID}"),
        fold(f"X-WR-CALNAME:{escape(calendar_name)}"),
        fold(f"X-WR-TIMEZONE:{timezone.get_default_timezone_name()}"),
    ]
    locations = {"": None}
    for entry in entries:
        title = escape(entry.title)
        description = fold(f"DESCRIPTION:{escape(entry.description)}")
        url = fold(f"URL:{entry.url}")
        count = len(entry.sessions)
        for number, (uid, starts_at, ends_at, location) in enumerate(entry.sessions, start=1):
            summary = f"{title} ({number}/{count})" if count > 1 else title
            out += [
                b"BEGIN:VEVENT",
                fold(f"SUMMARY:{summary}"),
                when("DTSTART", starts_at).encode(),
                when("DTEND", ends_at).encode(),
                stamp,
                fold(f"UID:{escape(uid)}"),
                description,
            ]
            if location not in locations:
                locations[location] = fold(f"LOCATION:{escape(location)}")
            if locations[location] is not None:
                out.append(locations[location])
            out += [url, b"END:VEVENT"]
    out += [b"END:VCALENDAR", b""]
    return b"\r\n".join(out)


# Reading -------------------------------------------------------------------------------------------


def place(name, address_1, postal_code, city, room, has_location):
    """`Session.place` from plain values: location name, address, room."""
    parts = []
    if has_location:
        address = ", ".join(p for p in (address_1, f"{postal_code} {city}".strip()) if p)
        parts += [name, address]
    parts.append(room)
    return ", ".join(dict.fromkeys(p for p in parts if p))


def entries(org, request, activity_pk=None):
    """The organisation's agenda (or one activity on it) as Entries, soonest activity first, and the
    moment the first of those activities ends (it then leaves the feed), or None. Two queries of
    plain values."""
    activities = (
        Activity.objects.for_org(org).published().with_dates().upcoming().order_by("first_start", "id")
    )
    if activity_pk is not None:
        activities = activities.filter(pk=activity_pk)
    rows = list(activities.values_list("pk", "title", "description", "last_end"))
    sessions = {}
    session_rows = (
        Session.objects.filter(activity__in=activities.values("pk"))  # faster than 300 ids
        .order_by("starts_at", "id")
        .values_list(
            "activity_id",
            "pk",
            "starts_at",
            "ends_at",
            "location_id",
            "location__name",
            "location__address_1",
            "location__postal_code",
            "location__city",
            "room",
        )
    )
    host = request.get_host()
    places = {}  # a few locations and rooms for many sessions
    for activity_id, pk, starts_at, ends_at, location_id, *where in session_rows:
        key = (location_id, *where)
        if key not in places:
            places[key] = place(*where, location_id is not None)
        sessions.setdefault(activity_id, []).append((f"session-{pk}@{host}", starts_at, ends_at, places[key]))
    # Each activity's page: one reverse() for all (it is /<org>/agenda/<pk>/).
    sample = request.build_absolute_uri(reverse("public_activity", kwargs={"slug": org.slug, "pk": 1}))
    base, tail = sample.rsplit("/1/", 1)
    found = []
    for pk, title, description, _last_end in rows:
        url = f"{base}/{pk}/{tail}"
        text = f"{description}\n\n{url}" if description else url
        found.append(Entry(title=title, description=text, url=url, sessions=sessions.get(pk, [])))
    ends = min((last_end for *_rest, last_end in rows), default=None)
    return found, ends


# The feeds, kept ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Feed:
    body: bytes
    gzipped: bytes
    etag: str  # weak: of the events, not of the moment they were written (DTSTAMP)
    version: str = ""
    map_version: int = 0
    made: float = 0.0  # time.monotonic()
    ends: datetime.datetime | None = None

    @classmethod
    def of(cls, body, **kwargs):
        """A feed of `body`. Its ETag leaves DTSTAMP out, so that a feed written again with the same
        events (after MAX_AGE, or a write that changed nothing it shows) still answers 304; weak, since
        the bytes differ in that stamp."""
        events = STAMP.sub(b"", body)
        etag = f'W/"{hashlib.blake2b(events, digest_size=12).hexdigest()}"'
        return cls(body=body, gzipped=compress_string(body, max_random_bytes=0), etag=etag, **kwargs)


def _version_key(org_pk):
    return f"activities:agenda-version:{org_pk}"


def agenda_version(org):
    """The organisation's agenda version: a random token that changes with every write to its agenda
    (a new one when the cache has none, e.g. after it was cleared)."""
    key = _version_key(org.pk)
    version = cache.get(key)
    if version is None:
        cache.add(key, secrets.token_hex(8), timeout=None)
        version = cache.get(key)
    return version or ""


def _bump(org_pk):
    cache.set(_version_key(org_pk), secrets.token_hex(8), timeout=None)
    with _lock:
        for key in [k for k in _feeds if k[0] == org_pk]:
            del _feeds[key]


def note_agenda_changed(org):
    """Call from every write that changes what an organisation's feed shows (an activity's text,
    publication, cancellation, sessions): its kept feeds are written again on the next request. The
    version changes inside the transaction (with a database cache it commits with the write) and again
    after the commit (so that no request reads the old data under the new version)."""
    pk = org.pk if hasattr(org, "pk") else org
    _bump(pk)
    transaction.on_commit(lambda: _bump(pk))


def agenda_feed(org, request):
    """The organisation's whole feed: kept, or written now (and kept)."""
    key = (org.pk, request.scheme, request.get_host())
    version = agenda_version(org)
    kept = _feeds.get(key)
    now = time.monotonic()
    if (
        kept is not None
        and kept.version == version
        and kept.map_version == getattr(org, "map_version", 0)
        and now - kept.made < MAX_AGE
        and (kept.ends is None or timezone.now() <= kept.ends)
    ):
        return kept
    found, ends = entries(org, request)
    map_version = getattr(org, "map_version", 0)
    feed = Feed.of(write(org.name, found), version=version, map_version=map_version, made=now, ends=ends)
    if version:
        with _lock:
            _feeds[key] = feed
    return feed


def activity_feed(org, request, pk):
    """The feed of one activity on the agenda (not kept: a few events); 404 when it is not on it."""
    found, _ends = entries(org, request, activity_pk=pk)
    if not found:
        raise Http404
    return Feed.of(write(org.name, found))


def response(request, feed, filename):
    """The feed as text/calendar, gzipped for who accepts it, with its ETag; 304 when the client has it."""
    accepts = ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", ""))
    gzipped = bool(accepts) and len(feed.gzipped) < len(feed.body)
    answer = HttpResponse(feed.gzipped if gzipped else feed.body, content_type="text/calendar; charset=utf-8")
    answer["Content-Disposition"] = f'inline; filename="{filename}"'
    answer["ETag"] = feed.etag  # weak: the same for the gzipped body (as GZipMiddleware makes it)
    if gzipped:
        answer["Content-Encoding"] = "gzip"
    patch_vary_headers(answer, ("Accept-Encoding",))
    return get_conditional_response(request, etag=feed.etag, response=answer)
