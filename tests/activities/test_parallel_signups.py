"""No overbooking, ever: 30 parents sign up at the same moment for 10 places.

Each request runs in its own thread with its own database connection, through the whole stack (URL,
API, service, database), released together by a barrier. On PostgreSQL the activity's row lock
queues them; on SQLite the IMMEDIATE transactions do. The test database must be a file for SQLite
(see settings: the test database of SQLite is a file, so that threads do not share one in-memory
connection)."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client

from opvoedwijzer.activities.models import SignUp
from tests.factories import make_activity

PARALLEL = 30  # each with its own connection: leaves room in PostgreSQL's 100 for the other worker
# One xdist worker runs the tests that open dozens of connections at once, one after the other.
pytestmark = pytest.mark.xdist_group("many_connections")


@pytest.mark.django_db(transaction=True)
def test_thirty_parallel_signups_for_ten_places_confirm_exactly_ten(zuid):
    course = make_activity(zuid, capacity=10)
    url = f"/api/v1/public/zuid-limburg/activities/{course.pk}/signups"
    barrier = threading.Barrier(PARALLEL)

    def sign_up(n):
        client = Client()
        barrier.wait()
        try:
            response = client.post(url, {"name": f"Ouder {n}", "people": 1}, content_type="application/json")
            return response.status_code, response.json()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        results = list(pool.map(sign_up, range(PARALLEL)))

    assert sorted({status for status, _body in results}) == [201]
    statuses = [body["status"] for _status, body in results]
    assert statuses.count("confirmed") == 10
    assert statuses.count("waiting") == PARALLEL - 10
    assert SignUp.objects.filter(activity=course, status="confirmed").count() == 10
    assert len({body["cancel_token"] for _status, body in results}) == PARALLEL
