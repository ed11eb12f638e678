"""State that every worker and app server shares (rate limits and login throttling, in the database), and
what a browser on a shared computer may keep (nothing of staff pages or the API's data)."""

import datetime

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from django.utils import timezone

from opvoedwijzer.core.models import RateCounter
from opvoedwijzer.core.ratelimit import count_attempt, over_limit
from opvoedwijzer.privacy.retention import purge_expired
from tests.factories import PASSWORD


@pytest.fixture(autouse=True)
def _no_login_attempts_left_over(db):
    cache.clear()  # allauth counts login attempts in the shared (database) cache


def from_address(address):
    return RequestFactory().post("/", REMOTE_ADDR=address)


def test_attempts_are_counted_in_the_database_per_address_and_hour(db):
    parent, other = from_address("203.0.113.7"), from_address("198.51.100.2")
    assert [count_attempt(parent, "ask") for _ in range(3)] == [1, 2, 3]
    assert count_attempt(other, "ask") == 1
    assert count_attempt(parent, "sign_up") == 1, "each action has its own count"
    assert RateCounter.objects.count() == 3
    assert not RateCounter.objects.filter(key__contains="203.0.113.7").exists(), "never the address itself"


def test_the_sixth_question_in_an_hour_is_over_the_limit(db, settings):
    settings.QUESTION_RATE_LIMIT_PER_HOUR = 5
    parent = from_address("203.0.113.7")
    assert [over_limit(parent) for _ in range(6)] == [False] * 5 + [True]


def test_the_nightly_purge_deletes_the_counters_of_past_hours(db):
    count_attempt(from_address("203.0.113.7"), "ask")
    RateCounter.objects.create(
        key="ask:old", count=9, expires_at=timezone.now() - datetime.timedelta(hours=2)
    )
    counts = purge_expired()
    assert counts["rate-limit counters deleted"] == 1
    assert list(RateCounter.objects.values_list("key", flat=True)) != ["ask:old"]
    assert RateCounter.objects.count() == 1


def test_a_throttled_login_answers_429_in_dutch(client, sam):
    wrong = {"login": sam.user.email, "password": "not-the-password"}
    statuses = [client.post("/accounts/login/", wrong).status_code for _ in range(6)]
    assert statuses[:5] == [200] * 5, "a wrong password shows the form again"
    assert statuses[5] == 429
    response = client.post("/accounts/login/", {"login": sam.user.email, "password": PASSWORD})
    assert response.status_code == 429, "locked out for a while, also with the right password"
    assert response["Retry-After"]
    assert "Te veel inlogpogingen" in response.content.decode()


def test_staff_pages_and_the_api_are_never_kept_by_the_browser(client_for, sam):
    client = client_for(sam)
    for url in ("/o/zuid-limburg/", "/o/zuid-limburg/contacts/", "/profile/", "/api/v1/municipalities"):
        response = client.get(url)
        assert response["Cache-Control"] == "no-store" or "no-store" in response["Cache-Control"], url


def test_a_public_page_may_be_kept_but_not_a_page_with_an_answer(client, zuid):
    assert "no-store" not in client.get("/zuid-limburg/").get("Cache-Control", "")
    assert "no-store" in client.get("/zuid-limburg/answer/")["Cache-Control"]
    assert "no-store" in client.get("/api/v1/public/zuid-limburg/activities")["Cache-Control"]
