"""'Open now' is answered in SQL (search.open_at) and must agree with what a result card says
(`Service.is_open_at`, in Python) for every service at every moment: own hours before the locations',
days, times, validity dates, other frequencies, services without any hours, retired ones."""

import datetime
import random
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from opvoedwijzer.socialmap import search
from opvoedwijzer.socialmap.models import (
    WEEKDAYS,
    Location,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceStatus,
)
from opvoedwijzer.socialmap.search import Criteria, find_services

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
MONDAY = datetime.date(2026, 11, 23)


def _schedule(rng, org, **owner):
    opens = datetime.time(rng.choice([8, 9, 10, 13, 18]), rng.choice([0, 30]))
    closes = datetime.time(min(23, opens.hour + rng.choice([1, 3, 4])), rng.choice([0, 30]))
    days = sorted(rng.sample(range(7), rng.randint(1, 5)))
    return Schedule(
        organisation=org,
        freq=rng.choice(["WEEKLY"] * 9 + ["MONTHLY"]),
        byday=",".join(WEEKDAYS[d] for d in days),
        opens_at=None if rng.random() < 0.05 else opens,
        closes_at=closes,
        valid_from=MONDAY + datetime.timedelta(days=2) if rng.random() < 0.1 else None,
        valid_to=MONDAY + datetime.timedelta(days=4) if rng.random() < 0.1 else None,
        **owner,
    )


def make_map(org, rng, services=60, locations=12):
    places = Location.objects.bulk_create(
        Location(organisation=org, name=f"Plaats {n}") for n in range(locations)
    )
    Schedule.objects.bulk_create(
        _schedule(rng, org, location=place) for place in places for _ in range(rng.randint(0, 2))
    )
    made = Service.objects.bulk_create(
        Service(
            organisation=org,
            name=f"Dienst {n:02d}",
            status=ServiceStatus.DEFUNCT if rng.random() < 0.05 else ServiceStatus.ACTIVE,
        )
        for n in range(services)
    )
    ServiceAtLocation.objects.bulk_create(
        ServiceAtLocation(organisation=org, service=service, location=place)
        for service in made
        for place in rng.sample(places, rng.randint(0, 2))
    )
    Schedule.objects.bulk_create(
        _schedule(rng, org, service=service)
        for service in made
        if rng.random() < 0.5
        for _ in range(rng.randint(1, 2))
    )


def moments():
    """Every half hour of one week, and the edges of a few opening times."""
    for day in range(7):
        for half_hours in range(14, 46):
            yield datetime.datetime.combine(
                MONDAY + datetime.timedelta(days=day), datetime.time(half_hours // 2, 30 * (half_hours % 2))
            ).replace(tzinfo=BRUSSELS)
    for hhmm in [(9, 59), (12, 59), (21, 59), (21, 30)]:
        yield datetime.datetime.combine(MONDAY + datetime.timedelta(days=3), datetime.time(*hhmm), BRUSSELS)


@pytest.fixture(params=["few", "many"])
def way(request, monkeypatch):
    """Both ways open_at hands its answer to the search: a list of ids, or subqueries (FEW_OPEN=0)."""
    if request.param == "many":
        monkeypatch.setattr(search, "FEW_OPEN", 0)
    return request.param


def test_open_now_in_sql_is_what_the_cards_say(zuid, noord, way):
    rng = random.Random(13)
    make_map(zuid, rng)
    make_map(noord, rng, services=10, locations=3)  # never found from zuid
    everything = list(Service.objects.for_org(zuid).current().for_cards())
    assert everything
    opened = set()
    for moment in moments():
        qs, _understood = find_services(zuid, Criteria(open_now=True), moment=moment)
        expected = sorted(s.name for s in everything if s.is_open_at(moment))
        assert sorted(s.name for s in qs) == expected, moment
        assert [s.name for s in qs[:3]] == expected[:3]  # the first page, in name order
        opened.update(expected)
    assert 10 < len(opened) < len(everything)  # the data tests both answers


def test_open_now_costs_the_same_queries_whatever_the_number_of_services(zuid, way):
    moment = datetime.datetime(2026, 11, 24, 10, 30, tzinfo=BRUSSELS)
    counted = []
    for services in (20, 80):
        make_map(zuid, random.Random(services), services=services)
        with CaptureQueriesContext(connection) as captured:
            qs, _understood = find_services(zuid, Criteria(open_now=True), moment=moment)
            qs.count()
            list(qs[:20])
        counted.append(len(captured))
    assert counted[0] == counted[1] <= 5  # the municipalities, the open services (read once), count, page
