"""iCalendar feeds (RFC 5545, written with `icalendar`): one event per session, so that a course of
four evenings shows as four evenings in a calendar app. Cancelled activities stay out of the feed."""

import icalendar
from django.urls import reverse
from django.utils import timezone


def feed(org, activities, request):
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
