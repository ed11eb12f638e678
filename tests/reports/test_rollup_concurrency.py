"""The report counts stay exact when the same contacts are deleted or corrected twice at the same moment
(a double click, a client's retry), and nobody gets a 5xx: every request runs in its own thread with its
own database connection, through the whole stack, released together by a barrier. On PostgreSQL the
contact's row lock makes the second request wait and see what the first left (without it the roll-up
drifted by half); the counter rows are locked in one order, so simultaneous edits never deadlock."""

import datetime
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client

from opvoedwijzer.contacts import rollup
from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.core.services import create_api_token
from tests.factories import ContactFactory
from tests.reports.test_rollup import FIRST_DAY, every_report

# 24 simultaneous requests, each with its own connection: PostgreSQL allows 100 in all, keeps 3 for
# superusers, and frees a closed connection's slot only a moment later. Without the row lock, 12 contacts
# drift as surely as 40 did.
CONTACTS = 12
# One xdist worker runs the tests that open dozens of connections at once, one after the other.
pytestmark = pytest.mark.xdist_group("many_connections")
THEMES = ["sleep", "bullying", "screen_time", "tantrums"]
PLACES = ["71053", "71017", "73022"]


def body(n, variant):
    """A correction of contact n; the two simultaneous ones differ in every counted field."""
    return {
        "organisation": "zuid-limburg",
        "date": str(FIRST_DAY + datetime.timedelta(days=(n + variant * 17) % 60)),
        "channel": ["phone", "email"][variant],
        "asker_role": ["mother", "teacher"][variant],
        "municipality": PLACES[(n + variant) % 3],
        "request_kind": "parenting",
        "life_stages": [["toddler"], ["teen", "primary"]][variant],
        "themes": [THEMES[(n + variant) % 4], THEMES[(n + variant + 1) % 4]],
        "offers": [["info"], ["listening", "referral"]][variant],
        "duration": ["5to15", "15to30"][variant],
    }


def at_once(requests):
    """Run the callables in threads released together; returns their results in order."""
    barrier = threading.Barrier(len(requests))

    def run(call):
        barrier.wait()
        try:
            return call()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(requests)) as pool:
        return list(pool.map(run, requests))


def assert_the_rollup_equals_the_contacts(org):
    for by, from_rollup, raw in every_report(org, FIRST_DAY, FIRST_DAY + datetime.timedelta(days=120)):
        assert from_rollup == raw, by


@pytest.fixture
def token(sam):
    return create_api_token(sam.user)[1]


@pytest.fixture
def forty_contacts(sam):
    return [
        ContactFactory(membership=sam, date=FIRST_DAY + datetime.timedelta(days=n)) for n in range(CONTACTS)
    ]


def client_call(method, url, token, payload=None):
    def call():
        client = Client(headers={"authorization": f"Bearer {token}"})
        response = getattr(client, method)(url, payload, content_type="application/json")
        return response.status_code

    return call


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_deletes_of_each_contact_leave_the_counts_exact(zuid, token, forty_contacts):
    calls = []
    for contact in forty_contacts:
        calls += [client_call("delete", f"/api/v1/contacts/{contact.pk}", token)] * 2

    statuses = at_once(calls)

    assert sorted(statuses) == [204] * CONTACTS + [404] * CONTACTS, "one deletes, the other finds it gone"
    assert not Contact.objects.exists()
    assert_the_rollup_equals_the_contacts(zuid)
    assert rollup.check() == {}


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_corrections_of_each_contact_leave_the_counts_exact(zuid, token, forty_contacts):
    calls = []
    for n, contact in enumerate(forty_contacts):
        url = f"/api/v1/contacts/{contact.pk}"
        calls += [client_call("put", url, token, body(n, 0)), client_call("put", url, token, body(n, 1))]

    statuses = at_once(calls)

    assert statuses == [200] * (2 * CONTACTS), "no deadlock, no 5xx"
    assert Contact.objects.count() == CONTACTS
    assert_the_rollup_equals_the_contacts(zuid)
    assert rollup.check() == {}


@pytest.mark.django_db(transaction=True)
def test_corrections_and_deletes_mixed_at_once_leave_the_counts_exact(zuid, token, forty_contacts):
    calls = []
    for n, contact in enumerate(forty_contacts):
        url = f"/api/v1/contacts/{contact.pk}"
        calls += [client_call("put", url, token, body(n, n % 2)), client_call("delete", url, token)]

    statuses = at_once(calls)

    assert set(statuses) <= {200, 204, 404}
    assert statuses.count(204) == CONTACTS
    assert_the_rollup_equals_the_contacts(zuid)
