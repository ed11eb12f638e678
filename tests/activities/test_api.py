"""The public API of the agenda: list, sign up, read and cancel — without an account."""

import datetime
import gzip
import json

import pytest
from django.utils import timezone

from opvoedwijzer.activities import services
from opvoedwijzer.activities.models import SignUp
from opvoedwijzer.socialmap import services as socialmap
from tests.factories import make_activity

API = "/api/v1/public/zuid-limburg"


@pytest.fixture
def course(zuid):
    partner = socialmap.create_map_organisation(zuid, {"name": "CGG LITP"})
    location = socialmap.create_location(
        zuid,
        {
            "map_organisation": partner,
            "name": "Zaal De Bron",
            "address_1": "Kerkstraat 2",
            "postal_code": "3800",
            "city": "Sint-Truiden",
            "municipality": zuid.municipalities.get(code="71053"),
        },
    )
    return make_activity(zuid, capacity=10, location=location)


def post(client, url, payload):
    return client.post(url, payload, content_type="application/json")


def test_the_list_gives_published_activities_with_their_sessions(client, course, zuid):
    draft = make_activity(zuid, title="Concept")
    services.publish(draft, False)
    response = client.get(f"{API}/activities")
    assert response.status_code == 200
    [item] = response.json()
    assert item["id"] == course.pk
    assert (item["title"], item["kind"], item["capacity"], item["places_left"]) == (
        "Pubers in huis",
        "parent_course",
        10,
        10,
    )
    assert len(item["sessions"]) == 4
    first = item["sessions"][0]
    assert datetime.datetime.fromisoformat(first["start"]) == course.sessions.first().starts_at
    assert datetime.datetime.fromisoformat(first["end"]) > datetime.datetime.fromisoformat(first["start"])
    assert first["location"] == "Zaal De Bron, Kerkstraat 2, 3800 Sint-Truiden"
    assert first["municipality"] == "71053"


def test_sign_up_confirms_then_puts_on_the_waiting_list(client, course):
    url = f"{API}/activities/{course.pk}/signups"
    for n in range(10):
        response = post(client, url, {"name": f"Ouder {n}", "people": 1})
        assert response.status_code == 201
        assert response.json()["status"] == "confirmed"
    eleventh = post(client, url, {"name": "Karim", "people": 1, "contact": "karim@example.org"})
    assert eleventh.status_code == 201
    body = eleventh.json()
    assert body["status"] == "waiting"
    assert client.get(f"/api/v1/public/signups/{body['cancel_token']}").json() == {
        "status": "waiting",
        "activity": course.pk,
        "people": 1,
        "waiting_position": 1,
    }


def test_a_cancelled_place_goes_to_who_waits(client, course):
    url = f"{API}/activities/{course.pk}/signups"
    tokens = [
        post(client, url, {"name": f"Ouder {n}", "people": 1}).json()["cancel_token"] for n in range(10)
    ]
    waiting = post(client, url, {"name": "Karim"}).json()
    assert waiting["status"] == "waiting"
    response = client.delete(f"/api/v1/public/signups/{tokens[4]}")
    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"
    assert client.get(f"/api/v1/public/signups/{waiting['cancel_token']}").json()["status"] == "confirmed"


def test_the_contact_is_optional_and_checked(client, course):
    url = f"{API}/activities/{course.pk}/signups"
    assert post(client, url, {"name": "Els"}).status_code == 201
    assert post(client, url, {"name": "Els", "people": 2, "contact": "0470 12 34 56"}).status_code == 201
    bad = post(client, url, {"name": "Els", "contact": "bel me"})
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"] == ["body", "contact"]


@pytest.mark.parametrize(
    "payload, field",
    [
        ({"people": 1}, "name"),
        ({"name": "", "people": 1}, "name"),
        ({"name": "   ", "people": 1}, "name"),
        ({"name": "Els", "people": 0}, "people"),
        ({"name": "Els", "people": 11}, "people"),
        ({"name": "Els", "people": "veel"}, "people"),
        ({"name": "Els", "language": "xx"}, "language"),
    ],
)
def test_bad_fields_answer_422_with_the_field(client, course, payload, field):
    response = post(client, f"{API}/activities/{course.pk}/signups", payload)
    assert response.status_code == 422
    assert field in response.json()["detail"][0]["loc"]
    assert SignUp.objects.count() == 0


def test_unknown_unpublished_and_closed_activities_answer_4xx(client, zuid, course):
    assert post(client, f"{API}/activities/999999/signups", {"name": "Els"}).status_code == 404
    assert (
        post(client, f"/api/v1/public/nergens/activities/{course.pk}/signups", {"name": "Els"}).status_code
        == 404
    )
    started = make_activity(zuid, first=timezone.localdate() - datetime.timedelta(days=1))
    response = post(client, f"{API}/activities/{started.pk}/signups", {"name": "Els"})
    assert response.status_code == 409
    assert response.json()["detail"][0]["msg"]
    services.cancel_activity(course)
    assert post(client, f"{API}/activities/{course.pk}/signups", {"name": "Els"}).status_code == 404


def test_an_unknown_token_answers_404(client, db):
    assert client.get("/api/v1/public/signups/nope").status_code == 404
    assert client.delete("/api/v1/public/signups/nope").status_code == 404


def test_another_organisation_cannot_sign_up_for_zuids_activity(client, course, noord):
    response = post(client, f"/api/v1/public/noord-limburg/activities/{course.pk}/signups", {"name": "Els"})
    assert response.status_code == 404


def test_the_list_is_compressed_for_who_accepts_it(client, course):
    response = client.get(f"{API}/activities", headers={"accept-encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(response.content))[0]["id"] == course.pk
