"""Bad input to the JSON APIs (issue 12): always a documented 4xx in the error shape, never a 500, and
nothing with a control character stored — on SQLite and PostgreSQL.

The operations come from the two OpenAPI schemas (/api/v1/openapi.json and /api/hsds/openapi.json),
so a new endpoint is thrown at as soon as it exists; each of its inputs in turn (path, query, header,
every field of the body) gets a NUL inside a sentence, other control characters, 100,000 characters,
numbers no database holds, wrong types, dates that do not exist and unknown codes.
"""

import datetime

import pytest

from opvoedwijzer.activities import services as activities
from opvoedwijzer.activities.models import SignUp
from opvoedwijzer.core.services import create_api_token
from opvoedwijzer.questions import services as questions
from opvoedwijzer.questions.models import Question
from opvoedwijzer.socialmap import services as socialmap
from opvoedwijzer.trajectories import services as trajectories
from tests.badinput import (
    BAD_DATES,
    BAD_TEXTS,
    CONTROL_TEXT,
    HUGE_NUMBER,
    HUGE_TEXT,
    NUL_TEXT,
    UNKNOWN_CODE,
    stored_control_characters,
    stored_texts_longer_than,
)
from tests.factories import ContactFactory, make_activity
from tests.trajectories.conftest import trajectory_data

SCHEMAS = {"/api/v1/": "/api/v1/openapi.json", "/api/hsds/": "/api/hsds/openapi.json"}
ERROR_SCHEMA = {"$ref": "#/components/schemas/ErrorOut"}


def valid_bodies(world):
    """A valid body for every operation that takes one, by operationId (a new one must be added)."""
    contact = {
        "date": "2026-01-12",
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
    return {
        "opvoedwijzer_api_contacts_create_contact": contact,
        "opvoedwijzer_api_contacts_update_contact": contact,
        "opvoedwijzer_api_public_ask": {
            "text": "Mijn kind slaapt slecht. Wat kan ik doen?",
            "language": "nl",
        },
        "opvoedwijzer_api_activities_sign_up": {"name": "Sofie", "people": 1},
        "opvoedwijzer_api_suggestions_suggest": {"text": "Mijn kind slaapt slecht.", "language": "nl"},
        "opvoedwijzer_api_trajectories_open_trajectory": {
            "kind": "short",
            "municipality": "71053",
            "asker_role": "mother",
            "life_stages": ["primary"],
            "themes": ["bullying"],
            "request": "Onze zoon wordt gepest op school.",
            "started_on": "2026-01-12",
        },
        "opvoedwijzer_api_trajectories_add_goal": {"text": "Graag naar school gaan", "score": 3},
        "opvoedwijzer_api_trajectories_add_session": {
            "date": "2026-01-19",
            "kind": "conversation",
            "duration": "30to60",
            "scores": {str(world["goal_id"]): 5},
        },
        "opvoedwijzer_api_trajectories_close_trajectory": {"date": "2026-02-02", "outcome": "goals_reached"},
    }


@pytest.fixture
def world(zuid, sam, settings):
    """Zuid-Limburg with something behind every path: a contact, an activity and a sign-up, a
    question, a service on the social map, a trajectory with a goal; Sam's token."""
    settings.RATE_LIMITS = dict.fromkeys(settings.RATE_LIMITS, 100_000)
    partner = socialmap.create_map_organisation(zuid, {"name": "CAW Limburg"})
    service = socialmap.create_service(zuid, {"map_organisation": partner, "name": "Onthaal"})
    activity = make_activity(zuid, capacity=500)
    _signup, cancel_token = activities.sign_up(activity, name="Sofie", people=1)
    question, secret = questions.ask_question(zuid, text="Hoe leer ik mijn zoon slapen?")
    trajectory = trajectories.open_trajectory(
        sam, trajectory_data(zuid, started_on=datetime.date(2026, 1, 5))
    )
    goal = trajectories.add_goal(trajectory, text="Rustig inslapen", score=3, date=trajectory.started_on)
    _token, raw = create_api_token(sam.user)
    return {
        "headers": {"Authorization": f"Bearer {raw}", "X-Question-Secret": secret},
        "path": {
            "org_slug": zuid.slug,
            "contact_id": ContactFactory(membership=sam).pk,
            "activity_id": activity.pk,
            "cancel_token": cancel_token,
            "code": question.code,
            "id": service.uuid,
            "trajectory_id": trajectory.pk,
        },
        "goal_id": goal.pk,
    }


def operations(client):
    """(operation, method, path template, the schema's components) of both APIs."""
    found = []
    for url in SCHEMAS.values():
        schema = client.get(url).json()
        for path, methods in schema["paths"].items():
            for method, operation in methods.items():
                found.append((operation, method, path, schema["components"]["schemas"]))
    return found


def resolve(schema, components):
    while "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def variants(schema, components):
    """The schemas a value may follow (anyOf: str | None gives both)."""
    schema = resolve(schema, components)
    return [resolve(s, components) for s in schema.get("anyOf", [schema])]


def bad_values(schema, components, where):
    """What an input of this schema gets, one value at a time: (value, must it be refused?). An
    unknown code or an empty text may be fine (a search for it finds nothing), the others never."""
    values = []
    for s in variants(schema, components):
        kind = s.get("type")
        if kind == "string" and s.get("format") in ("date", "date-time"):
            values += [(v, True) for v in BAD_DATES]
        elif kind == "string" and s.get("format") == "uuid":
            values += [(NUL_TEXT, True), ("not-a-uuid", True), (HUGE_TEXT, True)]
        elif kind == "string":
            values += [*[(v, True) for v in BAD_TEXTS], (UNKNOWN_CODE, False), ("", False)]
        elif kind == "integer":
            values += [*[(v, True) for v in (HUGE_NUMBER, -HUGE_NUMBER, 10**30, "abc", 1.5)], (-1, False)]
        elif kind == "boolean":
            values += [("maybe", True), (HUGE_TEXT, True)]
        elif kind == "array":
            values += [([NUL_TEXT], True), ([HUGE_TEXT], True), ([HUGE_NUMBER], True), ("not-a-list", True)]
            values += [([""], False), ([UNKNOWN_CODE], False)]
    if where == "body" and values:
        values += [(None, False), ({"a": 1}, True), ([[]], True)]
    return values


def url_of(path, values):
    for name, value in values.items():
        path = path.replace("{" + name + "}", str(value))
    return path


def send(client, method, path, world, *, path_values=None, query=None, headers=None, body=None):
    values = {**world["path"], **(path_values or {})}
    kwargs = {"headers": {**world["headers"], **(headers or {})}}
    if body is not None:
        kwargs.update(data=body, content_type="application/json")
    elif query:
        kwargs["data"] = query
    return getattr(client, method)(url_of(path, values), **kwargs)


def check(response, operation, what, refused=True):
    """Never a 500; a documented 4xx in the error shape when the value must be `refused`."""
    status = response.status_code
    assert status < 500, f"{what}: {status}"
    assert str(status) in operation["responses"], f"{what}: {status} is not documented"
    if refused or status >= 400:
        assert 400 <= status < 500, f"{what}: {status}"
        detail = response.json()["detail"]
        assert detail and all(isinstance(e["loc"], list) and e["msg"] for e in detail), what


def test_bad_input_to_every_operation_answers_a_documented_4xx_and_stores_nothing_bad(world, client):
    bodies = valid_bodies(world)
    tried = 0
    for operation, method, path, components in operations(client):
        name = operation["operationId"]
        body = bodies.get(name) if "requestBody" in operation else None
        assert "requestBody" not in operation or body, f"add a valid body of {name} to valid_bodies()"
        for parameter in operation.get("parameters", []):
            where, key = parameter["in"], parameter["name"]
            for value, refused in bad_values(parameter["schema"], components, where):
                if where == "path":
                    response = send(client, method, path, world, path_values={key: value}, body=body)
                elif where == "query":
                    response = send(client, method, path, world, query={key: value}, body=body)
                else:
                    response = send(client, method, path, world, headers={key: str(value)}, body=body)
                check(response, operation, f"{method} {path} {where} {key}={str(value)[:20]!r}", refused)
                tried += 1
        if body is None:
            continue
        schema = resolve(operation["requestBody"]["content"]["application/json"]["schema"], components)
        for field, field_schema in schema["properties"].items():
            for value, refused in bad_values(field_schema, components, "body"):
                response = send(client, method, path, world, body={**body, field: value})
                refused = refused or (value is None and field in schema.get("required", []))
                check(response, operation, f"{method} {path} body {field}={str(value)[:20]!r}", refused)
                tried += 1
        response = send(client, method, path, world, body="{not json")
        check(response, operation, f"{method} {path}: a body that is not JSON")
    assert tried > 500
    assert stored_control_characters() == []
    assert stored_texts_longer_than(10_000) == []


def test_every_text_number_and_list_an_api_takes_is_bounded_in_its_schema(client):
    """What the validation refuses, the schema says: maxLength and the no-control-character pattern on
    every text, minimum and maximum on every number, maxItems on every list (a fixed list is an enum,
    dates and ids have their formats)."""
    unbounded = []

    def visit(schema, components, where, seen=()):
        for s in variants(schema, components):
            kind = s.get("type")
            if kind == "object" and s.get("title") not in seen:
                for name, sub in s.get("properties", {}).items():
                    visit(sub, components, f"{where}.{name}", (*seen, s.get("title")))
            elif kind == "array":
                if "maxItems" not in s:
                    unbounded.append((where, "maxItems"))
                visit(s.get("items", {}), components, f"{where}[]", seen)
            elif kind == "string" and not (s.get("enum") or s.get("format")):
                if "maxLength" not in s:
                    unbounded.append((where, "maxLength"))
                if "pattern" not in s:
                    unbounded.append((where, "pattern"))
            elif kind == "integer" and not ("minimum" in s and "maximum" in s):
                unbounded.append((where, "minimum and maximum"))

    for operation, method, path, components in operations(client):
        for parameter in operation.get("parameters", []):
            visit(parameter["schema"], components, f"{method} {path} {parameter['name']}")
        if "requestBody" in operation:
            body = operation["requestBody"]["content"]["application/json"]["schema"]
            visit(body, components, f"{method} {path} body")
    assert unbounded == []


def test_every_operation_lists_its_error_responses_with_the_error_shape(client):
    for operation, method, path, _components in operations(client):
        responses = operation["responses"]
        expected = {"400", "503"} | ({"401"} if operation.get("security") else set())
        if operation.get("parameters") or operation.get("requestBody"):
            expected.add("422")
        assert expected <= set(responses), f"{method} {path}: {sorted(responses)}"
        for status, response in responses.items():
            if int(status) >= 400:
                assert response["content"]["application/json"]["schema"] == ERROR_SCHEMA, (path, status)
                assert response["description"], (path, status)
        assert "Retry-After" in responses["503"]["headers"]
        if "429" in responses:
            assert "Retry-After" in responses["429"]["headers"]


def test_a_nul_in_a_public_question_is_refused_with_a_clear_message(world, client):
    response = client.post(
        "/api/v1/public/zuid-limburg/questions", {"text": NUL_TEXT}, content_type="application/json"
    )
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"][-1] == "text"
    assert "(U+0000)" in error["msg"]  # named, in the request's language (Dutch by default)
    assert not Question.objects.filter(text__startswith="Mijn kind").exists()


def test_a_sign_up_name_with_a_nul_or_other_control_character_is_refused(world, client):
    url = f"/api/v1/public/zuid-limburg/activities/{world['path']['activity_id']}/signups"
    for name in (NUL_TEXT, CONTROL_TEXT):
        response = client.post(url, {"name": name}, content_type="application/json")
        assert response.status_code == 422
        assert response.json()["detail"][0]["loc"][-1] == "name"
    assert SignUp.objects.count() == 1


def test_a_nul_in_a_path_or_query_string_answers_400_in_the_error_shape(world, client):
    response = client.get("/api/v1/public/questions/%00")
    assert response.status_code == 400
    assert response.json()["detail"][0]["loc"] == ["path", "path"]
    response = client.get("/api/hsds/zuid-limburg/services?postcode=%00")
    assert response.status_code == 400
    assert response.json()["detail"][0]["loc"] == ["query", "postcode"]


def test_an_offset_beyond_what_a_database_holds_answers_422(world, client):
    headers = world["headers"]
    response = client.get("/api/v1/contacts", {"offset": 9223372036854775808}, headers=headers)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "offset"
    assert client.get("/api/v1/contacts", {"offset": 5}, headers=headers).status_code == 200


def test_a_public_question_has_the_forms_length_limit(world, client):
    response = client.post(
        "/api/v1/public/zuid-limburg/questions", {"text": "a" * 2001}, content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "text"


def test_the_question_apis_honeypot_keeps_nothing_and_says_nothing(world, client):
    before = Question.objects.count()
    body = {"text": "Koop goedkope horloges", "website": "https://spam.example"}
    response = client.post("/api/v1/public/zuid-limburg/questions", body, content_type="application/json")
    assert response.status_code == 201
    assert set(response.json()) == {"code", "secret"}
    assert Question.objects.count() == before


def test_the_sign_up_apis_honeypot_signs_nobody_up(world, client):
    url = f"/api/v1/public/zuid-limburg/activities/{world['path']['activity_id']}/signups"
    body = {"name": "Bot", "website": "https://spam.example"}
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == 422
    assert not SignUp.objects.filter(name="Bot").exists()


def test_personal_data_in_a_question_through_the_api_is_replaced_as_in_the_form(world, client):
    body = {"text": "Mijn dochter Lotte wil niet naar school. Bel me op 0470 12 34 56."}
    response = client.post("/api/v1/public/zuid-limburg/questions", body, content_type="application/json")
    assert response.status_code == 201
    kept = Question.objects.get(code=response.json()["code"]).text
    assert "Lotte" not in kept and "0470" not in kept


def test_a_429_says_when_to_try_again(world, client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "ask": 0}
    body = {"text": "Mijn kind slaapt slecht."}
    response = client.post("/api/v1/public/zuid-limburg/questions", body, content_type="application/json")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3601
    assert response.json()["detail"][0]["msg"]


def test_a_theme_with_an_empty_code_is_refused_and_the_schema_says_so(world, client):
    schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]["ContactIn"]
    assert schema["properties"]["themes"]["items"]["minLength"] == 1
    body = {**valid_bodies(world)["opvoedwijzer_api_contacts_create_contact"], "themes": [""]}
    response = client.post(
        "/api/v1/contacts", body, content_type="application/json", headers=world["headers"]
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-2:] == ["themes", 0]
