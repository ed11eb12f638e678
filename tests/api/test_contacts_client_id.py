"""POST /api/v1/contacts with a client's own id: a phone that sends again what it is not sure arrived never
stores a contact twice; another organisation's id is refused without giving anything away; the log page's
browser session may send, with its CSRF token; a referral is made in the same send."""

import datetime
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from opvoedwijzer.contacts import rollup
from opvoedwijzer.contacts.models import Contact, Source
from opvoedwijzer.core.services import create_api_token
from opvoedwijzer.socialmap.models import Referral
from tests.api.test_api import body, error_fields
from tests.socialmap.test_hsds_exchange import make_service

URL = "/api/v1/contacts"


@pytest.fixture
def api(client):
    """`api(member).post(url, body)`: the test client with that member's bearer token."""

    class Api:
        def __init__(self, membership):
            self.headers = {"Authorization": f"Bearer {create_api_token(membership.user)[1]}"}

        def get(self, url):
            return client.get(url, headers=self.headers)

        def post(self, url, data):
            return client.post(url, data, content_type="application/json", headers=self.headers)

    return Api


def test_the_same_client_id_sent_twice_stores_one_contact_and_answers_it_twice(api, vera):
    client_id = str(uuid.uuid4())

    first = api(vera).post(URL, body(client_id=client_id))
    second = api(vera).post(URL, body(client_id=client_id))

    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json() == second.json()
    assert first.json()["client_id"] == client_id
    contact = Contact.objects.get()
    assert str(contact.client_id) == client_id and contact.source == Source.LOG and contact.by_volunteer
    assert rollup.check() == {}, "the report counts hold the contact once"


def test_a_second_send_with_other_data_answers_the_contact_stored_first(api, sam):
    client_id = str(uuid.uuid4())
    api(sam).post(URL, body(client_id=client_id, themes=["bullying"]))

    again = api(sam).post(URL, body(client_id=client_id, themes=["sleep"], municipality="71017"))

    assert again.status_code == 200
    assert again.json()["themes"] == ["bullying"] and again.json()["municipality"] == "71053"
    assert Contact.objects.count() == 1
    assert rollup.check() == {}


def test_a_send_without_client_id_is_a_plain_api_registration(api, sam):
    response = api(sam).post(URL, body())

    assert response.status_code == 201 and response.json()["client_id"] is None
    assert Contact.objects.get().source == Source.API


def test_another_organisations_client_id_is_refused_without_showing_its_contact(api, sam, noor):
    client_id = str(uuid.uuid4())
    api(noor).post(URL, body(client_id=client_id, municipality="72043", note="Slaapt slecht."))

    response = api(sam).post(URL, body(client_id=client_id))

    assert response.status_code == 409
    assert response.json() == {
        "detail": [{"loc": ["body", "client_id"], "msg": "This client_id is already used."}]
    }
    assert "72043" not in response.text and "Slaapt" not in response.text
    assert Contact.objects.count() == 1


def test_a_colleagues_client_id_is_refused_too(api, sam, vera):
    client_id = str(uuid.uuid4())
    api(vera).post(URL, body(client_id=client_id))

    assert api(sam).post(URL, body(client_id=client_id)).status_code == 409


@pytest.mark.parametrize("bad", ["not-a-uuid", "1234", ""])
def test_a_client_id_that_is_no_uuid_is_a_field_error(api, sam, bad):
    response = api(sam).post(URL, body(client_id=bad))

    assert response.status_code == 422 and "client_id" in error_fields(response)
    assert not Contact.objects.exists()


def test_the_place_goes_through_the_pii_guard(api, vera):
    refused = api(vera).post(URL, body(client_id=str(uuid.uuid4()), place="bij Jan Peeters thuis"))
    stored = api(vera).post(URL, body(client_id=str(uuid.uuid4()), place="schoolpoort"))

    assert refused.status_code == 422 and "place" in error_fields(refused)
    assert stored.status_code == 201 and Contact.objects.get().place == "schoolpoort"


def test_a_referral_is_made_in_the_same_send_and_not_again(api, vera, zuid):
    service = make_service(zuid)
    client_id = str(uuid.uuid4())

    first = api(vera).post(URL, body(client_id=client_id, refer_to=service.pk, refer_warm=True))
    again = api(vera).post(URL, body(client_id=client_id, refer_to=service.pk, refer_warm=True))

    assert (first.status_code, again.status_code) == (201, 200)
    assert "warm_referral" in first.json()["offers"]
    referral = Referral.objects.get()
    assert referral.service == service and referral.warm
    assert referral.contact.client_id == uuid.UUID(client_id)
    assert rollup.check() == {}


def test_a_referral_to_another_organisations_service_is_a_field_error(api, vera, noord):
    elsewhere = make_service(noord)

    response = api(vera).post(URL, body(client_id=str(uuid.uuid4()), refer_to=elsewhere.pk))

    assert response.status_code == 422 and "refer_to" in error_fields(response)
    assert not Contact.objects.exists() and not Referral.objects.exists()


@pytest.fixture
def browser_of():
    """A test client that checks CSRF as a browser's request is checked, logged in as the member."""

    def login(membership):
        client = Client(enforce_csrf_checks=True)
        client.force_login(membership.user)
        client.get("/o/zuid-limburg/contacts/log/")  # sets the csrftoken cookie
        return client

    return login


def test_the_log_pages_session_may_send_with_its_csrf_token(browser_of, vera):
    browser = browser_of(vera)
    token = browser.cookies["csrftoken"].value

    response = browser.post(
        URL,
        body(client_id=str(uuid.uuid4())),
        content_type="application/json",
        headers={"X-CSRFToken": token},
    )

    assert response.status_code == 201
    assert Contact.objects.get().author == vera.user


def test_the_session_without_csrf_token_is_refused(browser_of, vera):
    response = browser_of(vera).post(URL, body(client_id=str(uuid.uuid4())), content_type="application/json")

    assert response.status_code == 403
    assert not Contact.objects.exists()


def test_a_session_whose_two_step_login_is_overdue_may_not_send(browser_of, sam):
    browser = browser_of(sam)
    sam.user.mfa_setup_deadline = timezone.now() - datetime.timedelta(minutes=1)
    sam.user.save(update_fields=["mfa_setup_deadline"])
    token = browser.cookies["csrftoken"].value

    response = browser.post(
        URL,
        body(client_id=str(uuid.uuid4())),
        content_type="application/json",
        headers={"X-CSRFToken": token},
    )

    assert response.status_code == 401
    assert not Contact.objects.exists()


def test_without_token_or_session_the_answer_is_still_401(client, vera):
    response = client.post(URL, body(), content_type="application/json")

    assert response.status_code == 401


def test_the_openapi_documents_the_client_id(api, sam):
    spec = api(sam).get("/api/v1/openapi.json").json()
    operation = spec["paths"]["/api/v1/contacts"]["post"]

    assert {"200", "201", "409"} <= set(operation["responses"])
    assert "first send wins" in operation["description"]
    assert "client_id" in spec["components"]["schemas"]["ContactOut"]["properties"]


@pytest.mark.xdist_group("many_connections")
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_sends_of_the_same_client_id_store_one_contact(zuid, vera):
    raw = create_api_token(vera.user)[1]
    payload = body(client_id=str(uuid.uuid4()))
    sends = 4
    barrier = threading.Barrier(sends)

    def send():
        barrier.wait()
        try:
            client = Client(headers={"authorization": f"Bearer {raw}"})
            response = client.post(URL, payload, content_type="application/json")
            return response.status_code, response.json()["id"]
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=sends) as pool:
        answers = list(pool.map(lambda _n: send(), range(sends)))

    assert sorted(status for status, _id in answers) == [200] * (sends - 1) + [201]
    assert len({contact_id for _status, contact_id in answers}) == 1, "every send answers the same contact"
    assert Contact.objects.count() == 1
    assert rollup.check() == {}
