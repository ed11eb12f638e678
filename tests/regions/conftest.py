"""Regio Limburg over Zuid-Limburg and Noord-Limburg, read by Rita (its regional funder); Regio
Antwerpen, read by Bert. Nadia coordinates Noord-Limburg."""

import datetime

import pytest

from opvoedwijzer.core.models import Role
from opvoedwijzer.regions import services
from opvoedwijzer.regions.models import RegionRole
from tests.factories import make_member

LAST_YEAR = datetime.date.today().year - 1
IN_LAST_YEAR = datetime.date(LAST_YEAR, 6, 15)
SINT_TRUIDEN, GINGELOM, PELT = "71053", "71017", "72043"


@pytest.fixture
def nadia(noord):
    return make_member(noord, "nadia@noord.test", Role.COORDINATOR)


@pytest.fixture
def limburg(db):
    region, _created = services.create_region(slug="regio-limburg", name="Regio Limburg")
    return region


@pytest.fixture
def antwerpen(db):
    region, _created = services.create_region(slug="regio-antwerpen", name="Regio Antwerpen")
    return region


@pytest.fixture
def both_share(limburg, zuid, noord, ilse, nadia):
    services.agree_to_share(limburg, zuid, user=ilse.user)
    services.agree_to_share(limburg, noord, user=nadia.user)
    return limburg


@pytest.fixture
def rita(limburg):
    member, _created = services.add_region_member(limburg, email="rita@regio.test", role=RegionRole.FUNDER)
    return member


@pytest.fixture
def bert(antwerpen):
    member, _created = services.add_region_member(
        antwerpen, email="bert@regio.test", role=RegionRole.COORDINATOR
    )
    return member


@pytest.fixture
def client_of(client):
    """Log the test client in as a region member's user: `client_of(rita)`."""

    def login(member):
        client.force_login(member.user)
        return client

    return login
