"""State that every worker and app server shares (rate limits and login throttling, in the database), and
what a browser on a shared computer may keep (nothing of staff pages or the API's data)."""

import datetime

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from django.utils import timezone

from opvoedwijzer.core.models import RateCounter
from opvoedwijzer.core.ratelimit import count_attempt, over_limit
from opvoedwijzer.retention.run import purge_expired
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
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "ask": 5}
    parent = from_address("203.0.113.7")
    assert [over_limit(parent, "ask") for _ in range(6)] == [False] * 5 + [True]


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


def test_html_and_json_travel_compressed(client, zuid):
    import gzip

    page = client.get("/zuid-limburg/", headers={"accept-encoding": "gzip, br"})
    assert page["Content-Encoding"] == "gzip"
    assert b"</html>" in gzip.decompress(page.content)
    agenda = client.get("/api/v1/public/zuid-limburg/activities", headers={"accept-encoding": "gzip"})
    assert agenda.status_code == 200
    assert client.get("/zuid-limburg/").get("Content-Encoding") is None, "only to who asks for it"


def forwarded(address, proxy="127.0.0.1"):
    return RequestFactory().post("/", REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=address)


def test_behind_a_proxy_each_parent_counts_by_their_own_address(db, settings):
    settings.TRUSTED_PROXY_COUNT = settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    assert [count_attempt(forwarded("203.0.113.7"), "ask") for _ in range(2)] == [1, 2]
    assert count_attempt(forwarded("198.51.100.2"), "ask") == 1, "not the proxy's address for everyone"
    # A client's own X-Forwarded-For comes first; the proxy appends what it saw, and that counts.
    assert count_attempt(forwarded("10.9.9.9, 203.0.113.7"), "ask") == 3


def test_without_a_proxy_a_forged_forwarded_header_changes_nothing(db, settings):
    settings.TRUSTED_PROXY_COUNT = settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    counts = [count_attempt(forwarded(f"10.0.0.{n}", proxy="203.0.113.7"), "ask") for n in range(3)]
    assert counts == [1, 2, 3]


def test_behind_a_proxy_one_parents_failed_logins_do_not_lock_out_another(client, sam, settings):
    settings.TRUSTED_PROXY_COUNT = settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    wrong = {"login": "someone@else.test", "password": "not-the-password"}
    one_parent = {"x-forwarded-for": "203.0.113.66"}
    for _ in range(11):
        client.post("/accounts/login/", wrong, headers=one_parent)
    assert client.post("/accounts/login/", wrong, headers=one_parent).status_code == 429
    ok = {"login": sam.user.email, "password": PASSWORD}
    response = client.post("/accounts/login/", ok, headers={"x-forwarded-for": "198.51.100.2"})
    assert response.status_code == 302, "another address logs in"


def test_an_organisation_made_in_the_django_admin_gets_the_default_taxonomy(client, db):
    from opvoedwijzer.core.models import Organisation, User
    from opvoedwijzer.taxonomy.models import Channel, Theme

    admin = User.objects.create_superuser(email="admin@install.test", password=PASSWORD)
    client.force_login(admin)
    response = client.post(
        "/admin/core/organisation/add/",
        {
            "slug": "cjg-test",
            "name": "CJG Test",
            "created_0": "2026-12-01",
            "created_1": "10:00:00",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    org = Organisation.objects.get(slug="cjg-test")
    assert Channel.objects.for_org(org).filter(code="phone").exists()
    assert Theme.objects.for_org(org).count() > 40
