"""POST /api/v1/suggestions (issue 20): themes, life stages, library items and services for a text in
the parent's words, each with why; for staff, coordinators and volunteers, by token or by the browser's
session; the text is read and forgotten."""

import logging

import pytest
from django.apps import apps
from django.test import Client

from opvoedwijzer.core.models import Membership, Role
from opvoedwijzer.core.services import create_api_token
from opvoedwijzer.library import services as library
from opvoedwijzer.socialmap import services as socialmap
from opvoedwijzer.taxonomy.models import LifeStage, Theme
from tests.mapdata import make_social_map

URL = "/api/v1/suggestions"
QUESTION = "Mijn dochter van 2 wordt elke nacht drie keer wakker en wil dan alleen bij ons in bed slapen."


@pytest.fixture
def api(client):
    """`api(member).post(body)`: a POST with that member's bearer token."""

    class Api:
        def __init__(self, membership):
            self.headers = {"Authorization": f"Bearer {create_api_token(membership.user)[1]}"}

        def post(self, body, url=URL):
            return client.post(url, body, content_type="application/json", headers=self.headers)

    return Api


def folder(org, title, themes, life_stages=(), **data):
    return library.create_resource(
        org,
        {
            "kind": "folder",
            "title": title,
            "language": "nl",
            "audience": "parents",
            "published": True,
            "themes": list(Theme.objects.filter(organisation=org, code__in=themes)),
            "life_stages": list(LifeStage.objects.filter(organisation=org, code__in=life_stages)),
            **data,
        },
    )


@pytest.fixture
def shelf(zuid):
    """Zuid-Limburg's library: a folder about sleep for toddlers, one about bullying."""
    return {
        "sleep": folder(
            zuid, "Slapen, hoe doe je dat?", ["sleep"], ["toddler"], description="Wakker 's nachts?"
        ),
        "bullying": folder(zuid, "Gepest op school", ["bullying"]),
    }


@pytest.fixture
def social_map(zuid):
    return make_social_map(zuid)


def error_fields(response):
    return {tuple(e["loc"])[-1] for e in response.json()["detail"]}


def test_a_question_gets_its_theme_life_stage_folder_and_service_each_with_why(api, sam, shelf, social_map):
    response = api(sam).post({"text": QUESTION})

    assert response.status_code == 200
    answer = response.json()
    assert set(answer) == {"themes", "life_stages", "resources", "services", "language"}
    sleep = answer["themes"][0]
    assert sleep["code"] == "sleep" and sleep["label"] == "Slapen"
    assert "wakker" in sleep["because"] and 0 < sleep["score"] <= 1
    assert answer["life_stages"][0]["code"] == "toddler" and answer["life_stages"][0]["because"]
    first_item = answer["resources"][0]
    assert first_item["id"] == shelf["sleep"].pk and first_item["title"] == "Slapen, hoe doe je dat?"
    assert first_item["url"] == f"/o/zuid-limburg/library/{shelf['sleep'].pk}/"
    assert first_item["because"][0] == "Slapen"
    first_service = answer["services"][0]
    assert first_service["id"] == social_map["kg"].pk and first_service["name"] == "Consultatiebureau"
    assert first_service["url"] == f"/o/zuid-limburg/map/services/{social_map['kg'].pk}/"
    assert "Slapen" in first_service["because"]
    assert answer["language"] == "nl"


def test_the_suggestions_come_best_first(api, sam, shelf, social_map):
    text = "Onze zoon van 10 wordt gepest op school. Elke dag wordt hij uitgescholden op de speelplaats."
    answer = api(sam).post({"text": text}).json()

    scores = [theme["score"] for theme in answer["themes"]]
    assert scores == sorted(scores, reverse=True) and 0 < len(scores) <= 5
    assert answer["themes"][0]["code"] == "bullying"
    assert answer["resources"][0]["title"] == "Gepest op school"
    assert len(answer["resources"]) <= 3 and len(answer["services"]) <= 3


def test_a_french_or_english_question_gets_its_theme(api, sam):
    french = api(sam).post({"text": "Mon fils de 3 ans se réveille toutes les nuits et ne veut pas dormir."})
    english = api(sam).post({"text": "Our son is bullied at school every day. What can we do?"})

    assert french.json()["language"] == "fr" and french.json()["themes"][0]["code"] == "sleep"
    assert english.json()["language"] == "en" and english.json()["themes"][0]["code"] == "bullying"


def test_the_language_can_be_given(api, sam):
    response = api(sam).post({"text": "Slapen", "language": "en"})

    assert response.status_code == 200 and response.json()["language"] == "en"


def test_a_volunteer_and_a_coordinator_may_ask(api, vera, ilse):
    assert api(vera).post({"text": QUESTION}).status_code == 200
    assert api(ilse).post({"text": QUESTION}).status_code == 200


def test_a_funder_may_not(api, fons):
    response = api(fons).post({"text": QUESTION})

    assert response.status_code == 403 and "organisation" in error_fields(response)


def test_without_token_or_session_the_answer_is_401(client, sam):
    assert client.post(URL, {"text": QUESTION}, content_type="application/json").status_code == 401
    response = client.post(
        URL, {"text": QUESTION}, content_type="application/json", headers={"Authorization": "Bearer nonsense"}
    )
    assert response.status_code == 401


@pytest.fixture
def browser_of():
    """A test client that checks CSRF as a browser's request is checked, logged in as the member."""

    def login(membership):
        client = Client(enforce_csrf_checks=True)
        client.force_login(membership.user)
        client.get("/o/zuid-limburg/contacts/new/")  # sets the csrftoken cookie
        return client

    return login


def test_a_staff_page_may_ask_with_the_session_and_its_csrf_token(browser_of, sam):
    browser = browser_of(sam)
    token = browser.cookies["csrftoken"].value

    response = browser.post(
        URL, {"text": QUESTION}, content_type="application/json", headers={"X-CSRFToken": token}
    )

    assert response.status_code == 200 and response.json()["themes"][0]["code"] == "sleep"


def test_the_session_without_its_csrf_token_is_refused(browser_of, sam):
    response = browser_of(sam).post(URL, {"text": QUESTION}, content_type="application/json")

    assert response.status_code == 403


def test_a_member_of_several_organisations_names_one(api, sam, noord, shelf):
    Membership.objects.create(user=sam.user, organisation=noord, role=Role.STAFF)
    folder(noord, "Slapen in Noord", ["sleep"])
    client = api(sam)

    response = client.post({"text": QUESTION})
    assert response.status_code == 422 and "organisation" in error_fields(response)
    assert "noord-limburg" in response.json()["detail"][0]["msg"]

    in_zuid = client.post({"text": QUESTION, "organisation": "zuid-limburg"}).json()
    in_noord = client.post({"text": QUESTION, "organisation": "noord-limburg"}).json()
    assert [r["title"] for r in in_zuid["resources"]] == ["Slapen, hoe doe je dat?"]
    assert [r["title"] for r in in_noord["resources"]] == ["Slapen in Noord"]


def test_an_organisation_you_are_not_in_is_404(api, sam, noord):
    response = api(sam).post({"text": QUESTION, "organisation": "noord-limburg"})

    assert response.status_code == 404


def test_another_organisations_items_and_services_never_appear(api, sam, noor, shelf, social_map):
    noord = noor.organisation
    folder(noord, "Slapen in Noord", ["sleep"], description="wakker 's nachts")
    partner = socialmap.create_map_organisation(noord, {"name": "Kind en Gezin Pelt"})
    elsewhere = socialmap.create_service(
        noord,
        {
            "map_organisation": partner,
            "name": "Slaapconsult",
            "description": "Wakker 's nachts? Slapen in je eigen bed.",
            "themes": list(Theme.objects.filter(organisation=noord, code="sleep")),
        },
    )

    answer = api(sam).post({"text": QUESTION}).json()

    assert "Slapen in Noord" not in [r["title"] for r in answer["resources"]]
    assert elsewhere.pk not in [s["id"] for s in answer["services"]]
    assert api(noor).post({"text": QUESTION}).json()["services"][0]["id"] == elsewhere.pk


@pytest.mark.parametrize(
    "text",
    ["", "   ", "x" * 5001, "Slapen\x00 is moeilijk"],
    ids=["empty", "only spaces", "too long", "a control character"],
)
def test_an_empty_too_long_or_broken_text_is_a_422_on_the_text(api, sam, text):
    response = api(sam).post({"text": text})

    assert response.status_code == 422 and error_fields(response) == {"text"}


def test_a_missing_text_or_unknown_language_is_a_422_naming_it(api, sam):
    assert "text" in error_fields(api(sam).post({}))
    assert "language" in error_fields(api(sam).post({"text": QUESTION, "language": "de"}))


def test_the_longest_text_allowed_is_answered(api, sam):
    text = (QUESTION + " ") * (5000 // (len(QUESTION) + 1))
    assert api(sam).post({"text": text[:5000]}).status_code == 200


def row_counts():
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def test_the_text_is_neither_stored_nor_logged(api, browser_of, sam, shelf, social_map, caplog):
    client = api(sam)
    browser = browser_of(sam)
    token = browser.cookies["csrftoken"].value
    secret = "Kwartelkoning"  # a word found nowhere else
    text = f"{QUESTION} Zijn knuffel heet {secret}."
    before = row_counts()

    with caplog.at_level(logging.DEBUG):
        assert client.post({"text": text}).status_code == 200
        by_session = browser.post(
            URL, {"text": text}, content_type="application/json", headers={"X-CSRFToken": token}
        )
        assert by_session.status_code == 200
        assert client.post({"text": text + "\x00"}).status_code == 422

    assert row_counts() == before
    assert not [r for r in caplog.records if secret.lower() in r.getMessage().lower()]


def test_a_question_costs_a_fixed_number_of_queries(api, sam, shelf, social_map, django_assert_num_queries):
    client = api(sam)
    client.post({"text": QUESTION})  # the engine's lists of the organisation, read once per process
    for n in range(10):
        folder(sam.organisation, f"Slaapfolder {n}", ["sleep"], ["toddler"], description="wakker in bed")

    with django_assert_num_queries(8):
        response = client.post({"text": QUESTION})

    assert response.status_code == 200 and len(response.json()["resources"]) == 3


def test_the_openapi_schema_describes_the_operation(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/suggestions"]["post"]

    assert {"200", "401", "403", "404", "422"} <= set(operation["responses"])
    assert "not stored" in operation["description"]
    body = schema["components"]["schemas"]["SuggestIn"]
    assert body["properties"]["text"]["maxLength"] == 5000 and body["required"] == ["text"]
    assert set(schema["components"]["schemas"]["SuggestionsOut"]["properties"]) == {
        "themes",
        "life_stages",
        "resources",
        "services",
        "language",
    }
