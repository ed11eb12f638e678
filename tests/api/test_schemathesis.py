"""The OpenAPI schemas tell the truth (issue 12): schemathesis generates requests from the schemas of
/api/v1/ and /api/hsds/ — valid ones and invalid ones — sends them to the app in-process (WSGI, the
test database) with a valid token, and checks every answer: no server error, a status code the schema
lists, a body that follows the schema of that status. One test per operation.

A few examples per operation and mode, derandomized (the same every run), keep it under a minute.
"""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from opvoedwijzer.activities import services as activities
from opvoedwijzer.api.api import api
from opvoedwijzer.api.hsds import api as hsds_api
from opvoedwijzer.core.services import create_api_token
from opvoedwijzer.questions import services as questions
from opvoedwijzer.socialmap import services as socialmap
from opvoedwijzer.trajectories import services as trajectories
from tests.factories import ContactFactory, make_activity
from tests.trajectories.conftest import trajectory_data

# The WSGI client does not unpack gzip (the agenda is compressed for clients that accept it).
PLAIN = {"Accept-Encoding": "identity"}
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]
EXAMPLES = settings(max_examples=12, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))


class App:
    """The WSGI app the schemas are sent to; `handler` is made by the fixture, after the settings."""

    handler, real, secret = None, {}, ""

    def __call__(self, environ, start_response):
        return self.handler(environ, start_response)


APP = App()
api_v1_schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1/"))
api_hsds_schema = schemathesis.openapi.from_dict(hsds_api.get_openapi_schema(path_prefix="/api/hsds/"))
api_v1_schema.app = api_hsds_schema.app = APP


@pytest.fixture
def app(zuid, sam, settings):
    """The app over a test database with an organisation that has one of everything (`app.real`: the
    values of the path parameters that find them). As in Django's test client, a finished request
    does not close the database connection (it holds the test's transaction)."""
    settings.RATE_LIMITS = dict.fromkeys(settings.RATE_LIMITS, 100_000)
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]  # schemathesis's WSGI client
    partner = socialmap.create_map_organisation(zuid, {"name": "CAW Limburg"})
    service = socialmap.create_service(zuid, {"map_organisation": partner, "name": "Onthaal"})
    activity = make_activity(zuid, capacity=500)
    _signup, cancel_token = activities.sign_up(activity, name="Sofie", people=1)
    question, secret = questions.ask_question(zuid, text="Hoe leer ik mijn zoon slapen?")
    trajectory = trajectories.open_trajectory(sam, trajectory_data(zuid))
    APP.real = {
        "org_slug": zuid.slug,
        "activity_id": activity.pk,
        "contact_id": ContactFactory(membership=sam).pk,
        "trajectory_id": trajectory.pk,
        "code": question.code,
        "cancel_token": cancel_token,
        "services/{id}": str(service.uuid),
        "organizations/{id}": str(partner.uuid),
    }
    APP.secret = secret
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    APP.handler = get_wsgi_application()
    yield APP
    APP.handler = None
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def token(sam):
    return create_api_token(sam.user)[1]


def reaching_the_data(case, app):
    """A valid case (positive mode) names the organisation, activity, contact, question … that exist,
    so that it gets past the 404 to the view's own checks and answers; an invalid one is sent as it
    was generated."""
    if case.meta.generation.mode is not GenerationMode.POSITIVE:
        return case
    for name in case.path_parameters:
        key = "services/{id}" if "/services/" in case.path else "organizations/{id}"
        value = app.real.get(name if name != "id" else key)
        if value is not None:
            case.path_parameters[name] = value
    if "code" in case.path_parameters:
        case.headers = {**(case.headers or {}), "X-Question-Secret": app.secret}
    return case


@api_v1_schema.parametrize()
@EXAMPLES
def test_the_api_answers_as_its_openapi_schema_says(case, app, token):
    reaching_the_data(case, app).call_and_validate(
        headers={**PLAIN, "Authorization": f"Bearer {token}"}, checks=CHECKS
    )


@api_hsds_schema.parametrize()
@EXAMPLES
def test_the_hsds_api_answers_as_its_openapi_schema_says(case, app):
    reaching_the_data(case, app).call_and_validate(headers=PLAIN, checks=CHECKS)
