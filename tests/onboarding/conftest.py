"""A site administrator (Sofie, an installation superuser) sets up a new service,
Opvoedingswinkel Hasselt, whose coordinator is Hanne."""

import pytest
from django.utils import timezone

from opvoedwijzer.core.models import Municipality, User
from tests.factories import PASSWORD

HASSELT, GENK = "71072", "71016"
HANNE = "hanne@hasselt.test"
NEW_PASSWORD = "Opvoeden-in-Hasselt-26"


@pytest.fixture
def sofie(db):
    return User.objects.create_superuser(email="sofie@beheer.test", password=PASSWORD)


@pytest.fixture
def places(db):
    return list(Municipality.objects.filter(code__in=[HASSELT, GENK]).order_by("code"))


def register_a_contact(client, slug, municipality):
    """A typical phone call, through the registration form."""
    return client.post(
        f"/o/{slug}/contacts/new/",
        {
            "asker_role": "mother",
            "municipality": municipality,
            "life_stages": ["primary"],
            "main_theme": "bullying",
            "offers": ["info"],
            "request_kind": "parenting",
            "duration": "5to15",
            "channel": "phone",
            "date": timezone.localdate().isoformat(),
            "language": "",
            "note": "",
        },
    )


def choose_password(client, link):
    """The coordinator opens the link and chooses a password; returns the response."""
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    return client.post(path, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
