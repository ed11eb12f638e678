"""Sofie, the site administrator, makes a new organisation on a screen (not the Django admin)."""

import re

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client

from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.core.models import Invitation, Organisation, User

from .conftest import GENK, HANNE, HASSELT, choose_password, register_a_contact

LIST, NEW, LOOK_UP = "/site-admin/", "/site-admin/new/", "/site-admin/new/look-up/"


@pytest.fixture
def sofies_client(sofie):
    client = Client()
    client.force_login(sofie)
    return client


def new_organisation(client, url=NEW, **overrides):
    data = {
        "name": "Opvoedingswinkel Hasselt",
        "slug": "",
        "municipalities": "Hasselt\n3600",  # a name, and Genk's postal code
        "coordinator_email": HANNE,
    }
    data.update(overrides)
    return client.post(url, data)


def test_the_site_administrator_sees_every_organisation(
    sofies_client, zuid, noord, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):  # however many organisations there are
        page = sofies_client.get(LIST).content.decode()
    assert "Opvoedingswinkel Zuid-Limburg" in page and "Opvoedingswinkel Noord-Limburg" in page
    assert NEW in page


def test_a_superuser_finds_the_screen_from_the_start_page(sofies_client):
    assert LIST in sofies_client.get("/").content.decode()


@pytest.mark.parametrize("url", [LIST, NEW])
def test_a_coordinator_does_not_find_the_site_administration(ilse, client_for, places, url):
    client = client_for(ilse)
    assert client.get(url).status_code == 404
    assert new_organisation(client).status_code == 404
    assert new_organisation(client, LOOK_UP).status_code == 404
    assert not Organisation.objects.filter(slug="opvoedingswinkel-hasselt").exists()
    assert LIST not in client.get("/o/zuid-limburg/").content.decode()


def test_someone_not_logged_in_is_sent_to_the_login_page(client, db):
    response = client.get(LIST)
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def test_a_new_organisation_with_the_address_made_from_its_name(sofies_client, places):
    response = new_organisation(sofies_client)
    assert response.status_code == 200
    org = Organisation.objects.get(slug="opvoedingswinkel-hasselt")
    assert sorted(org.municipalities.values_list("code", flat=True)) == sorted([HASSELT, GENK])
    page = response.content.decode()
    link = re.search(r"https?://\S+/invite/[\w-]+/", page).group(0)
    assert link.startswith("http://testserver/invite/"), "on the address the screen was opened on"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [HANNE]
    assert link in mail.outbox[0].body, "the e-mail and the screen show the same link"
    assert Invitation.objects.get(organisation=org).invited_by.email == "sofie@beheer.test"


def test_the_coordinator_uses_the_link_and_registers_a_contact_right_away(sofies_client, places):
    link = re.search(r"https?://\S+/invite/[\w-]+/", new_organisation(sofies_client).content.decode()).group(
        0
    )
    hanne = Client()
    assert choose_password(hanne, link).status_code == 302
    assert register_a_contact(hanne, "opvoedingswinkel-hasselt", HASSELT).status_code == 302
    assert Contact.objects.get().organisation.slug == "opvoedingswinkel-hasselt"


@pytest.mark.parametrize(
    "overrides, field, says",
    [
        ({"slug": "admin"}, "slug", "admin"),
        ({"slug": "zuid-limburg"}, "slug", "zuid-limburg"),
        ({"slug": "Hasselt Stad"}, "slug", "Hasselt Stad"),
        ({"municipalities": "Hasselt, Atlantis"}, "municipalities", "Atlantis"),
        ({"municipalities": "1050"}, "municipalities", "1050"),  # two municipalities share it
        ({"municipalities": ""}, "municipalities", ""),
        ({"coordinator_email": "hanne.hasselt.test"}, "coordinator_email", ""),
        ({"name": ""}, "name", ""),
    ],
    ids=[
        "reserved",
        "taken",
        "bad-slug",
        "unknown-place",
        "ambiguous-postal-code",
        "no-place",
        "bad-email",
        "no-name",
    ],
)
def test_bad_input_is_shown_beside_the_field_and_what_was_typed_stays(
    sofies_client, zuid, places, overrides, field, says
):
    before = (Organisation.objects.count(), User.objects.count())
    response = new_organisation(sofies_client, **overrides)
    assert response.status_code == 200
    page = response.content.decode()
    assert "error-summary" in page
    assert f'id="id_{field}_error"' in page
    assert says in page
    assert (Organisation.objects.count(), User.objects.count()) == before
    assert not mail.outbox
    typed = {"name": "Opvoedingswinkel Hasselt", "coordinator_email": HANNE, **overrides}
    for name in ("name", "coordinator_email"):
        if typed[name]:
            assert f'value="{typed[name]}"' in page, name


def test_an_ambiguous_postal_code_lists_the_municipalities_to_choose_from(sofies_client, places):
    page = new_organisation(sofies_client, municipalities="1050").content.decode()
    assert "(21004)" in page and "(21009)" in page, "Brussel and Elsene, with their codes"


def test_looking_up_the_municipalities_shows_what_was_found_and_creates_nothing(sofies_client, places):
    response = new_organisation(sofies_client, LOOK_UP, municipalities="Hasselt\n3600\nAtlantis")
    page = response.content.decode()
    assert "Hasselt</strong> (71072)" in page and "Genk</strong> (71016)" in page
    assert "Atlantis" in page
    assert "error-summary" not in page
    assert 'value="Opvoedingswinkel Hasselt"' in page
    assert not Organisation.objects.filter(slug="opvoedingswinkel-hasselt").exists()


def test_the_look_up_button_posts_the_form_to_its_own_address(sofies_client, places):
    page = sofies_client.get(NEW).content.decode()
    assert f'action="{NEW}"' in page and f'formaction="{LOOK_UP}"' in page and 'name="action"' not in page
    assert sofies_client.get(LOOK_UP).status_code == 405


def test_oversized_and_odd_input_is_refused_clearly_never_a_500(sofies_client, places):
    response = new_organisation(
        sofies_client,
        name="x" * 5000,
        slug="ä€💥",
        municipalities="\n".join(["Hasselt"] * 3000),
        coordinator_email="@@",
    )
    assert response.status_code == 200
    page = response.content.decode()
    for field in ("name", "slug", "municipalities", "coordinator_email"):
        assert f'id="id_{field}_error"' in page, field
    assert not Organisation.objects.filter(municipalities__isnull=False).exists()


class MailServerDown(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server does not answer")


def test_when_the_mail_server_is_down_the_organisation_is_made_and_the_screen_says_so(
    sofies_client, places, settings
):
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.MailServerDown"}}
    response = new_organisation(sofies_client)
    assert response.status_code == 200
    page = response.content.decode()
    assert re.search(r"https?://\S+/invite/[\w-]+/", page)
    assert "niet verstuurd" in page or "could not be sent" in page
    assert Organisation.objects.filter(slug="opvoedingswinkel-hasselt").exists()


def test_a_dutch_municipality_is_found_by_its_postal_code_with_letters(sofies_client, places):
    from opvoedwijzer.core.models import Municipality, PostalCode

    town = Municipality.objects.get(code="GM0363")  # the shipped Dutch list (migration 0009)
    PostalCode.objects.create(code="1012", municipality=town)
    new_organisation(sofies_client, name="CJG Amsterdam", municipalities="1012 AB")
    assert list(Organisation.objects.get(slug="cjg-amsterdam").municipalities.all()) == [town]


def test_another_organisations_own_area_cannot_be_chosen(sofies_client, zuid, places):
    from opvoedwijzer.core.models import Municipality

    Municipality.objects.create(code="WIJK-NOORD", name_nl="Wijk Noord", organisation=zuid)
    page = new_organisation(sofies_client, municipalities="Wijk Noord").content.decode()
    assert 'id="id_municipalities_error"' in page
    assert not Organisation.objects.filter(slug="opvoedingswinkel-hasselt").exists()
