"""The iCalendar feeds are written as text (activities/feeds.py): the same bytes `icalendar` wrote, kept
in memory between writes to the agenda, and 304 for a calendar app that already has them."""

import datetime
import gzip
import re
import zoneinfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st
from icalendar.parser.string import _escape_char, _foldline

from opvoedwijzer.activities import feeds, services
from opvoedwijzer.activities.models import Activity
from opvoedwijzer.activities.public import agenda_activities
from opvoedwijzer.socialmap import services as socialmap
from tests.factories import make_activity

FEED = "/zuid-limburg/agenda.ics"
STAMP = re.compile(rb"DTSTAMP:\d{8}T\d{6}Z")


def icalendar_feed(org, activities, request):
    """The feed as activities/calendar.py wrote it with `icalendar` before feeds.py (the reference)."""
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Opvoedwijzer//agenda//NL")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", org.name)
    cal.add("x-wr-timezone", timezone.get_default_timezone_name())
    host = request.get_host()
    stamp = timezone.now()
    for activity in activities:
        url = request.build_absolute_uri(
            reverse("public_activity", kwargs={"slug": org.slug, "pk": activity.pk})
        )
        sessions = list(activity.sessions.all())
        for number, session in enumerate(sessions, start=1):
            event = icalendar.Event()
            event.add("uid", f"session-{session.pk}@{host}")
            event.add("dtstamp", stamp)
            event.add("dtstart", session.starts_at)
            event.add("dtend", session.ends_at)
            summary = activity.title
            if len(sessions) > 1:
                summary += f" ({number}/{len(sessions)})"
            event.add("summary", summary)
            if activity.description:
                event.add("description", f"{activity.description}\n\n{url}")
            else:
                event.add("description", url)
            if session.place:
                event.add("location", session.place)
            event.add("url", url)
            cal.add_component(event)
    return cal.to_ical()


@pytest.fixture
def heers(zuid):
    partner = socialmap.create_map_organisation(zuid, {"name": "Gemeente Heers"})
    return socialmap.create_location(
        zuid,
        {
            "map_organisation": partner,
            "name": "Gemeenschapshuis Heers",
            "address_1": "Dorpsstraat 1",
            "postal_code": "3870",
            "city": "Heers",
        },
    )


@pytest.fixture
def agenda(zuid, heers):
    """Activities whose texts need escaping and folding: commas, semicolons, backslashes, line breaks
    (also CRLF), accents, Arabic, an emoji, long lines, one without a description or a place."""
    long = "Wat doe je als je kind ’s nachts wakker wordt; of als het niet wil slapen, en jij ook niet? " * 4
    made = [
        make_activity(zuid, title="Pubers in huis, deel 1; over grenzen", location=heers, description=long),
        make_activity(
            zuid,
            title="Oudercafé ☕ مقهى الآباء",
            sessions=1,
            description="Regel één\r\nregel twee\nC:\\map\\bestand; en \\N nog iets\rklaar ^ten^ einde",
        ),
        make_activity(
            zuid, title="x" * 73 + "\\n" + "é" * 40, sessions=2, location=heers, room="zaal 2, boven"
        ),
    ]
    services.update_activity(made[1], {}, sessions=[{"pk": made[1].sessions.get().pk, "room": "ééé"}])
    return made


def test_the_feed_is_the_same_as_icalendar_wrote_it(client, rf, zuid, agenda):
    response = client.get(FEED)
    assert response.status_code == 200
    request = rf.get(FEED)
    expected = icalendar_feed(zuid, agenda_activities(zuid), request)
    assert STAMP.sub(b"DTSTAMP", response.content) == STAMP.sub(b"DTSTAMP", expected)
    assert response.content.count(b"BEGIN:VEVENT") == 4 + 1 + 2
    one = client.get(f"/zuid-limburg/agenda/{agenda[0].pk}.ics")
    expected = icalendar_feed(zuid, [a for a in agenda_activities(zuid) if a.pk == agenda[0].pk], request)
    assert STAMP.sub(b"DTSTAMP", one.content) == STAMP.sub(b"DTSTAMP", expected)


def test_the_feed_reads_back_with_icalendar(client, zuid, agenda):
    calendar = icalendar.Calendar.from_ical(client.get(FEED).content)
    events = calendar.walk("VEVENT")
    cafe = next(e for e in events if str(e["SUMMARY"]).startswith("Oudercafé"))
    assert str(cafe["SUMMARY"]) == "Oudercafé ☕ مقهى الآباء"
    assert str(cafe["DESCRIPTION"]).startswith(
        "Regel één\nregel twee\nC:\\map\\bestand; en \n nog iets\nklaar"
    )
    assert str(cafe["LOCATION"]) == "ééé"
    assert cafe.decoded("DTSTART") == agenda[1].sessions.get().starts_at
    assert str(calendar["X-WR-CALNAME"]) == zuid.name
    for line in client.get(FEED).content.split(b"\r\n"):
        assert len(line) <= 75


@given(st.text(st.characters(blacklist_categories=["Cs"]), max_size=400))
def test_escaping_and_folding_are_icalendars(text):
    escaped = feeds.escape(text)
    assert escaped == _escape_char(text)
    line = f"DESCRIPTION:{escaped}"
    assert feeds.fold(line) == _foldline(line).encode()


def test_a_zoned_time_keeps_its_tzid_and_utc_its_z():
    brussels = datetime.datetime(2026, 3, 1, 19, 30, tzinfo=zoneinfo.ZoneInfo("Europe/Brussels"))
    assert feeds.when("DTSTART", brussels) == "DTSTART;TZID=Europe/Brussels:20260301T193000"
    assert feeds.when("DTEND", brussels.astimezone(datetime.UTC)) == "DTEND:20260301T183000Z"
    assert feeds.when("DTEND", brussels.astimezone(zoneinfo.ZoneInfo("UTC"))) == "DTEND:20260301T183000Z"


def test_a_name_with_a_line_break_does_not_break_the_feed(client, zuid, agenda):
    zuid.name = "Huis van het Kind\nZuid-Limburg, regio; Sint-Truiden"
    zuid.save(update_fields=["name"])
    calendar = icalendar.Calendar.from_ical(client.get(FEED).content)
    assert calendar.walk("VEVENT")


def test_a_changed_session_shows_in_the_feed_at_once(client, zuid, agenda):
    first = client.get(FEED)
    session = agenda[2].sessions.first()
    later = session.starts_at + datetime.timedelta(days=1, hours=1)
    services.update_activity(
        agenda[2],
        {"title": "Slapen, eten en spelen"},
        sessions=[{"pk": session.pk, "starts_at": later, "ends_at": later + datetime.timedelta(hours=2)}],
    )
    second = client.get(FEED)
    assert second["ETag"] != first["ETag"]
    events = icalendar.Calendar.from_ical(second.content).walk("VEVENT")
    moved = next(e for e in events if str(e["UID"]).startswith(f"session-{session.pk}@"))
    assert moved.decoded("DTSTART") == later
    assert str(moved["SUMMARY"]) == "Slapen, eten en spelen (1/2)"


def test_unpublished_and_cancelled_activities_leave_the_feed_at_once(client, zuid, agenda):
    assert client.get(FEED).content.count(b"BEGIN:VEVENT") == 7
    services.publish(agenda[0], False)
    assert client.get(FEED).content.count(b"BEGIN:VEVENT") == 3
    services.cancel_activity(agenda[1])
    assert client.get(FEED).content.count(b"BEGIN:VEVENT") == 2
    make_activity(zuid, title="Nieuw", sessions=3)
    assert client.get(FEED).content.count(b"BEGIN:VEVENT") == 5


def test_a_kept_feed_costs_two_queries_and_a_fresh_one_four(client, zuid, agenda, django_assert_num_queries):
    for n in range(5):
        make_activity(zuid, title=f"Avond {n}", sessions=3)
    services.publish(agenda[0])  # a write: the next request writes the feed again
    with django_assert_num_queries(4):  # organisation, version, activities, sessions
        client.get(FEED)
    with django_assert_num_queries(2):  # organisation, version
        assert client.get(FEED).content.count(b"BEGIN:VEVENT") == 7 + 15


def test_an_activity_that_ends_leaves_a_kept_feed(client, zuid, heers, monkeypatch):
    evening = make_activity(zuid, title="Eén avond", sessions=1, location=heers)
    make_activity(zuid, title="Later", sessions=1, first=timezone.localdate() + datetime.timedelta(days=30))
    assert client.get(FEED).content.count(b"BEGIN:VEVENT") == 2
    after = evening.sessions.get().ends_at + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: after)
    content = client.get(FEED).content
    assert content.count(b"BEGIN:VEVENT") == 1
    assert b"SUMMARY:Later" in content


def test_a_renamed_location_shows_in_the_feed_at_once(client, zuid, agenda, heers):
    assert b"Gemeenschapshuis Heers" in client.get(FEED).content
    socialmap.update_location(heers, {"name": "Zaal De Kring"})
    content = client.get(FEED).content.replace(b"\r\n ", b"")
    assert b"Gemeenschapshuis Heers" not in content
    assert b"LOCATION:Zaal De Kring\\, Dorpsstraat 1\\, 3870 Heers" in content


def test_a_change_around_the_services_shows_after_max_age(client, zuid, agenda, monkeypatch):
    client.get(FEED)
    Activity.objects.filter(pk=agenda[0].pk).update(title="Via de admin")
    assert b"Via de admin" not in client.get(FEED).content
    monkeypatch.setattr(feeds, "MAX_AGE", 0)
    assert b"Via de admin" in client.get(FEED).content


def test_a_calendar_app_that_has_the_feed_gets_304(client, zuid, agenda):
    plain = client.get(FEED)
    assert plain["ETag"].startswith('W/"')  # weak: the same events, whatever the DTSTAMP
    again = client.get(FEED, headers={"if-none-match": plain["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == plain["ETag"]
    assert "max-age=300" in again["Cache-Control"]

    gzipped = client.get(FEED, headers={"accept-encoding": "gzip"})
    assert gzipped["Content-Encoding"] == "gzip"
    assert gzipped["ETag"] == plain["ETag"]
    assert gzip.decompress(gzipped.content) == plain.content
    assert "Accept-Encoding" in gzipped["Vary"]
    again = client.get(FEED, headers={"accept-encoding": "gzip", "if-none-match": gzipped["ETag"]})
    assert again.status_code == 304

    services.publish(agenda[0], False)
    changed = client.get(FEED, headers={"if-none-match": plain["ETag"]})
    assert changed.status_code == 200
    assert changed["ETag"] != plain["ETag"]


def test_a_feed_written_again_with_the_same_events_keeps_its_etag(client, zuid, agenda, monkeypatch):
    first = client.get(FEED)
    monkeypatch.setattr(feeds, "MAX_AGE", 0)  # written again at every request
    services.publish(agenda[0])  # a write that changes nothing the feed shows
    monkeypatch.setattr(
        timezone, "now", lambda: datetime.datetime.now(datetime.UTC) + datetime.timedelta(hours=1)
    )
    second = client.get(FEED)
    assert STAMP.search(second.content).group() != STAMP.search(first.content).group()
    assert second["ETag"] == first["ETag"]
    assert client.get(FEED, headers={"if-none-match": first["ETag"]}).status_code == 304


def test_the_feed_of_one_activity_answers_304_too(client, agenda):
    path = f"/zuid-limburg/agenda/{agenda[0].pk}.ics"
    first = client.get(path)
    assert client.get(path, headers={"if-none-match": first["ETag"]}).status_code == 304
    services.publish(agenda[0], False)
    assert client.get(path).status_code == 404


def test_feeds_are_kept_per_host(client, zuid, agenda, settings):
    settings.ALLOWED_HOSTS = ["testserver", "agenda.example.org"]
    client.get(FEED)
    other = client.get(FEED, headers={"host": "agenda.example.org"}).content
    assert b"@agenda.example.org" in other
    assert b"http://agenda.example.org/zuid-limburg/agenda/" in other.replace(b"\r\n ", b"")
    assert b"@testserver" not in other
