"""Staff pages write dates the Dutch way: "6 mrt 2027", "za 6 mrt 2027" — a month abbreviation in lower
case, never Django's title-cased "6 Mrt" or "6 Dec" that reads as English (issue 15)."""

import datetime
import re

import pytest

from opvoedwijzer.policy.models import Meeting, MeetingAction, Signal
from tests.factories import make_activity

MARCH = datetime.date(2027, 3, 6)
DECEMBER = datetime.date(2026, 12, 6)
TITLE_CASED_MONTH = re.compile(r"\b\d{1,2} (Jan|Feb|Mrt|Mar|Apr|Mei|May|Jun|Jul|Aug|Sep|Okt|Oct|Nov|Dec)\b")


@pytest.fixture
def networking(zuid, sam):
    meeting = Meeting.objects.create(
        organisation=zuid, date=DECEMBER, kind="steering_group", title="Stuurgroep"
    )
    MeetingAction.objects.create(
        meeting=meeting, description="Folder nakijken", owner_member=sam.user, due_on=MARCH
    )
    Signal.objects.create(
        organisation=zuid, title="Wachtlijst", description="Lang wachten", raised_on=DECEMBER
    )
    return meeting


def test_the_networking_pages_write_dates_in_dutch(sam, client_for, networking):
    client = client_for(sam)
    for url, expected in [
        ("/o/zuid-limburg/policy/meetings/", "6 dec 2026"),
        (f"/o/zuid-limburg/policy/meetings/{networking.pk}/", "6 mrt 2027"),
        ("/o/zuid-limburg/policy/signals/", "6 dec 2026"),
    ]:
        page = client.get(url).content.decode()
        assert expected in page, url
        assert TITLE_CASED_MONTH.findall(page) == [], url


def test_the_activities_write_dates_in_dutch(sam, client_for, zuid):
    activity = make_activity(zuid, title="Pubers in huis", sessions=2, first=MARCH)
    client = client_for(sam)
    listing = client.get("/o/zuid-limburg/activities/").content.decode()
    page = client.get(f"/o/zuid-limburg/activities/{activity.pk}/").content.decode()
    assert "za 6 mrt 2027" in listing
    assert "za 6 mrt 2027, 19:30" in page
    assert TITLE_CASED_MONTH.findall(listing + page) == []
