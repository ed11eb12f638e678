"""The API v1 contract: municipalities, taxonomy, contacts and stats; bad input is a 4xx."""

import pytest

from opvoedwijzer.contacts.models import Contact, Source
from opvoedwijzer.core.models import Membership, Role
from opvoedwijzer.core.services import create_api_token
from tests.factories import ContactFactory


@pytest.fixture
def api(client):
    """`api(member).get(...)`: the test client with that member's bearer token."""

    class Api:
        def __init__(self, membership):
            _token, raw = create_api_token(membership.user)
            self.headers = {"Authorization": f"Bearer {raw}"}

        def get(self, url, **params):
            return client.get(url, params, headers=self.headers)

        def post(self, url, body):
            return client.post(url, body, content_type="application/json", headers=self.headers)

        def put(self, url, body):
            return client.put(url, body, content_type="application/json", headers=self.headers)

        def delete(self, url):
            return client.delete(url, headers=self.headers)

    return Api


def body(**overrides):
    data = {
        "date": "2026-11-24",
        "channel": "phone",
        "asker_role": "mother",
        "municipality": "71053",
        "request_kind": "parenting",
        "life_stages": ["primary"],
        "themes": ["bullying"],
        "offers": ["info"],
        "duration": "5to15",
        "note": "Kind wordt gepest op de speelplaats.",
    }
    data.update(overrides)
    return data


def error_fields(response):
    return {tuple(e["loc"])[-1] for e in response.json()["detail"]}


def test_municipalities_are_found_by_name(api, sam):
    response = api(sam).get("/api/v1/municipalities", search="Sint-Truiden")
    assert response.status_code == 200
    first = response.json()[0]
    assert first["code"] == "71053" and first["name"] == "Sint-Truiden"
    assert {"3800", "3803", "3806"} <= set(first["postal_codes"])


def test_municipalities_are_found_by_postal_code(api, sam):
    assert [m["code"] for m in api(sam).get("/api/v1/municipalities", search="3800").json()] == ["71053"]


def test_the_taxonomy_lists_the_organisations_terms_with_codes(api, sam):
    taxonomy = api(sam).get("/api/v1/taxonomy").json()
    assert {
        "channel",
        "asker_role",
        "life_stage",
        "theme_group",
        "theme",
        "offer",
        "request_kind",
        "duration",
    } <= set(taxonomy)
    bullying = next(t for t in taxonomy["theme"] if t["code"] == "bullying")
    assert bullying["group"] == "school"
    assert [t["code"] for t in taxonomy["duration"]] == ["lt5", "5to15", "15to30", "30to60", "gt60"]


def test_a_contact_is_registered_through_the_api(api, sam, today):
    response = api(sam).post("/api/v1/contacts", body(date=today.isoformat()))
    assert response.status_code == 201, response.content
    stored = response.json()
    contact = Contact.objects.get(pk=stored["id"])
    assert contact.source == Source.API and contact.author == sam.user
    assert stored["municipality"] == "71053"
    assert stored["themes"] == ["bullying"] and stored["main_theme"] == "bullying"
    assert stored["note"] == "Kind wordt gepest op de speelplaats."
    assert stored["organisation"] == "zuid-limburg"


@pytest.mark.parametrize("where", ["outside", "unknown"])
def test_municipality_takes_outside_and_unknown(api, sam, where, today):
    response = api(sam).post("/api/v1/contacts", body(date=today.isoformat(), municipality=where))
    assert response.status_code == 201
    assert response.json()["municipality"] == where


def test_the_first_theme_is_the_main_one(api, sam, today):
    response = api(sam).post("/api/v1/contacts", body(date=today.isoformat(), themes=["divorce", "sleep"]))
    assert response.json()["main_theme"] == "divorce"
    assert response.json()["themes"] == ["divorce", "sleep"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"themes": ["not_a_theme"]}, "themes"),
        ({"channel": "pigeon"}, "channel"),
        ({"municipality": "21004"}, "municipality"),
        ({"municipality": "nowhere"}, "municipality"),
        ({"date": "24-11-2026"}, "date"),
        ({"date": "2026-02-30"}, "date"),
        ({"date": "2999-01-01"}, "date"),
        ({"note": "x" * 501}, "note"),
        ({"offers": []}, "offers"),
        ({"themes": []}, "themes"),
        ({"duration": "forever"}, "duration"),
        ({"request_kind": None}, "request_kind"),
        ({"life_stages": ["grandchild"]}, "life_stages"),
    ],
)
def test_bad_input_is_a_4xx_naming_the_field(api, sam, change, field):
    response = api(sam).post("/api/v1/contacts", body(**change))
    assert 400 <= response.status_code < 500
    assert field in error_fields(response), response.json()
    assert not Contact.objects.exists()


def test_a_missing_field_is_a_4xx_naming_it(api, sam):
    data = body()
    del data["asker_role"]
    response = api(sam).post("/api/v1/contacts", data)
    assert response.status_code == 422
    assert "asker_role" in error_fields(response)


def test_a_body_that_is_not_json_is_a_4xx(api, sam, client):
    response = client.post(
        "/api/v1/contacts", "{not json", content_type="application/json", headers=api(sam).headers
    )
    assert 400 <= response.status_code < 500


def test_without_a_valid_token_the_answer_is_401(client, sam):
    assert client.post("/api/v1/contacts", body(), content_type="application/json").status_code == 401
    response = client.get("/api/v1/taxonomy", headers={"Authorization": "Bearer nonsense"})
    assert response.status_code == 401


def test_a_member_of_several_organisations_names_one(api, sam, noord, today):
    Membership.objects.create(user=sam.user, organisation=noord, role=Role.STAFF)
    client = api(sam)
    response = client.post("/api/v1/contacts", body(date=today.isoformat()))
    assert response.status_code == 400
    assert "organisation" in error_fields(response)
    response = client.post("/api/v1/contacts", body(date=today.isoformat(), organisation="zuid-limburg"))
    assert response.status_code == 201
    response = client.post(
        "/api/v1/contacts", body(date=today.isoformat(), organisation="noord-limburg", municipality="72043")
    )
    assert response.status_code == 201
    assert Contact.objects.filter(organisation=noord).count() == 1


def test_an_organisation_you_are_not_in_is_404(api, sam, noord, today):
    response = api(sam).post("/api/v1/contacts", body(date=today.isoformat(), organisation="noord-limburg"))
    assert response.status_code == 404


def test_a_funder_cannot_register(api, fons, today):
    assert api(fons).post("/api/v1/contacts", body(date=today.isoformat())).status_code == 403


def test_stats_count_a_contact_with_two_themes_once_per_theme_and_once_in_total(api, sam):
    client = api(sam)
    client.post("/api/v1/contacts", body(themes=["bullying", "sleep"]))
    client.post("/api/v1/contacts", body(themes=["bullying"]))
    client.post("/api/v1/contacts", body(themes=["bullying"], municipality="outside"))
    response = client.get(
        "/api/v1/contacts/stats", **{"from": "2026-01-01", "to": "2026-12-31", "by": "municipality,theme"}
    )
    assert response.status_code == 200
    data = response.json()
    assert data["total"] == 3
    assert {(r["municipality"], r["theme"]): r["count"] for r in data["rows"]} == {
        ("71053", "bullying"): 2,
        ("71053", "sleep"): 1,
        ("outside", "bullying"): 1,
    }


@pytest.mark.parametrize(
    "by",
    [
        "municipality",
        "theme",
        "channel",
        "asker_role",
        "life_stage",
        "offer",
        "request_kind",
        "month",
        "theme_group",
        "duration",
        "theme,month",
    ],
)
def test_stats_take_every_dimension(api, sam, by):
    ContactFactory(membership=sam)
    response = api(sam).get("/api/v1/contacts/stats", **{"from": "2000-01-01", "to": "2100-12-31", "by": by})
    assert response.status_code == 200
    rows = response.json()["rows"]
    assert sum(r["count"] for r in rows) >= 1
    assert set(rows[0]) == {*by.split(","), "count"}


@pytest.mark.parametrize(
    "params",
    [
        {"from": "2026-01-01", "to": "2026-12-31", "by": "colour"},
        {"from": "2026-13-01", "to": "2026-12-31"},
        {"to": "2026-12-31"},
        {"from": "2026-12-31", "to": "2026-01-01"},
        {"from": "2026-01-01", "to": "2026-12-31", "by": "theme,theme"},
    ],
)
def test_bad_stats_queries_are_a_4xx(api, sam, params):
    response = api(sam).get("/api/v1/contacts/stats", **params)
    assert 400 <= response.status_code < 500
    assert response.json()["detail"]


def test_stats_are_not_for_volunteers(api, vera):
    response = api(vera).get("/api/v1/contacts/stats", **{"from": "2026-01-01", "to": "2026-12-31"})
    assert response.status_code == 403


def test_stats_count_only_the_own_organisation(api, sam, noor):
    ContactFactory(membership=noor, municipality="72043")
    data = api(sam).get("/api/v1/contacts/stats", **{"from": "2000-01-01", "to": "2100-01-01"})
    assert data.json() == {"rows": [], "total": 0}


def test_the_author_corrects_and_deletes_through_the_api(api, sam, today):
    client = api(sam)
    contact_id = client.post("/api/v1/contacts", body(date=today.isoformat())).json()["id"]
    response = client.put(f"/api/v1/contacts/{contact_id}", body(date=today.isoformat(), themes=["sleep"]))
    assert response.status_code == 200 and response.json()["themes"] == ["sleep"]
    assert client.get(f"/api/v1/contacts/{contact_id}").json()["main_theme"] == "sleep"
    assert [c["id"] for c in client.get("/api/v1/contacts").json()] == [contact_id]
    assert client.delete(f"/api/v1/contacts/{contact_id}").status_code == 204
    assert not Contact.objects.exists()


def test_after_14_days_the_api_refuses_changes(api, sam, today):
    contact = ContactFactory(membership=sam, registered_days_ago=20)
    response = api(sam).put(f"/api/v1/contacts/{contact.pk}", body(date=today.isoformat()))
    assert response.status_code == 403


def test_another_organisation_cannot_read_or_change_a_contact(api, sam, noor, today):
    contact = ContactFactory(membership=sam)
    client = api(noor)
    assert client.get(f"/api/v1/contacts/{contact.pk}").status_code == 404
    assert client.put(f"/api/v1/contacts/{contact.pk}", body()).status_code == 404
    assert client.delete(f"/api/v1/contacts/{contact.pk}").status_code == 404
    assert Contact.objects.filter(pk=contact.pk).exists()


def test_the_openapi_schema_is_published(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/contacts" in schema["paths"]
    assert "/api/v1/contacts/stats" in schema["paths"]
    assert client.get("/api/v1/docs").status_code == 200
