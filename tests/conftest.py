"""Shared fixtures: two organisations and people in clear roles.

Zuid-Limburg serves Sint-Truiden, Gingelom and Heers; its team is Ilse (coordinator), Sam (staff),
Vera (volunteer) and Fons (funder). Noord-Limburg serves Pelt; Noor works there.
"""

import datetime

import pytest
from django.utils import timezone

from opvoedwijzer.core.models import Municipality, Role
from opvoedwijzer.core.services import create_api_token, create_organisation

from .factories import ContactFactory, make_member


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Real hashing costs ~0.3 s a user; tests make hundreds."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def municipalities_loaded():
    """The Belgian and Dutch municipalities the data migrations load, back after a transactional
    test's flush (a flush empties every table)."""
    from opvoedwijzer.core.models import PostalCode
    from opvoedwijzer.core.municipalities import (
        load_belgian_municipalities,
        load_shipped_dutch_municipalities,
    )

    if not Municipality.objects.exists():
        load_belgian_municipalities(Municipality, PostalCode)
        load_shipped_dutch_municipalities(Municipality, PostalCode)


@pytest.fixture(autouse=True)
def _municipalities(request):
    """Every test with the database finds the municipalities, whatever ran before it on its worker.
    pytest-django runs transactional tests (which end in a flush) after the others, but xdist sends a
    group of them (`many_connections`) to a worker as one unit, at any time."""
    if "_django_db_helper" in request.fixturenames or request.node.get_closest_marker("django_db"):
        request.getfixturevalue("_django_db_helper")  # the database first, as pytest-django's own marker does
        municipalities_loaded()


@pytest.fixture
def zuid(db):
    municipalities = Municipality.objects.filter(code__in=["71053", "71017", "73022"])
    return create_organisation(
        slug="zuid-limburg", name="Opvoedingswinkel Zuid-Limburg", municipalities=municipalities
    )


@pytest.fixture
def noord(db):
    return create_organisation(
        slug="noord-limburg",
        name="Opvoedingswinkel Noord-Limburg",
        municipalities=Municipality.objects.filter(code="72043"),
    )


@pytest.fixture
def ilse(zuid):
    return make_member(zuid, "ilse@zuid.test", Role.COORDINATOR)


@pytest.fixture
def sam(zuid):
    return make_member(zuid, "sam@zuid.test", Role.STAFF)


@pytest.fixture
def vera(zuid):
    return make_member(zuid, "vera@zuid.test", Role.VOLUNTEER)


@pytest.fixture
def fons(zuid):
    return make_member(zuid, "fons@zuid.test", Role.FUNDER)


@pytest.fixture
def noor(noord):
    return make_member(noord, "noor@noord.test", Role.STAFF)


@pytest.fixture
def client_for(client):
    """Log the test client in as a membership's user: `client_for(sam)`."""

    def login(membership):
        client.force_login(membership.user)
        return client

    return login


@pytest.fixture
def sams_contact(sam):
    return ContactFactory(membership=sam)


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def days_ago(today):
    return lambda n: today - datetime.timedelta(days=n)


@pytest.fixture
def bearer(client):
    """`bearer(member).get(url, **params)`: a GET with that member's API token."""

    class Bearer:
        def __init__(self, membership):
            self.headers = {"Authorization": f"Bearer {create_api_token(membership.user)[1]}"}

        def get(self, url, **params):
            return client.get(url, params, headers=self.headers)

    return Bearer
