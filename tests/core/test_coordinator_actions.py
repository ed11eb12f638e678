"""The coordinator's pages post each action to its own address: adding or removing a municipality, and
reopening a member's two-step login set-up. Only a coordinator of the organisation gets there."""

import pytest

from opvoedwijzer.core.models import Role
from tests.factories import make_member

MUNICIPALITIES = "/o/zuid-limburg/municipalities/"
ADD, REMOVE = f"{MUNICIPALITIES}add/", f"{MUNICIPALITIES}remove/"


def reopen(member):
    return f"/o/zuid-limburg/members/{member.pk}/reopen-mfa/"


def test_the_municipalities_page_answers_get_only_and_its_forms_post_to_their_own_address(
    ilse, zuid, client_for
):
    client = client_for(ilse)
    page = client.get(f"{MUNICIPALITIES}?q=Hasselt").content.decode()  # served: Sint-Truiden, …
    assert f'action="{ADD}"' in page and f'action="{REMOVE}"' in page and 'name="action"' not in page
    assert client.post(MUNICIPALITIES, {"code": "73001"}).status_code == 405
    assert not zuid.municipalities.filter(code="73001").exists()


def test_adding_and_removing_say_so_on_the_municipalities_page(ilse, zuid, client_for):
    client = client_for(ilse)
    added = client.post(ADD, {"code": "73001"}, follow=True)
    assert added.redirect_chain == [(MUNICIPALITIES, 302)] and "toegevoegd" in added.content.decode()
    removed = client.post(REMOVE, {"code": "73001"}, follow=True)
    assert removed.redirect_chain == [(MUNICIPALITIES, 302)] and "verwijderd" in removed.content.decode()
    assert not zuid.municipalities.filter(code="73001").exists()


def test_an_unknown_code_is_404(ilse, client_for):
    assert client_for(ilse).post(ADD, {"code": "00000"}).status_code == 404
    assert client_for(ilse).post(REMOVE, {}).status_code == 404


@pytest.mark.parametrize("role", [Role.STAFF, Role.VOLUNTEER, Role.FUNDER])
def test_only_a_coordinator_adds_removes_or_reopens(zuid, sam, client_for, role):
    client = client_for(make_member(zuid, f"{role}@zuid.test", role))
    assert client.post(ADD, {"code": "73001"}).status_code == 403
    assert client.post(REMOVE, {"code": "73001"}).status_code == 403
    assert client.post(reopen(sam)).status_code == 403
    assert not zuid.municipalities.filter(code="73001").exists()


def test_another_organisations_coordinator_or_member_is_404(zuid, noord, ilse, sam, noor, client_for):
    noords_coordinator = client_for(make_member(noord, "nina@noord.test", Role.COORDINATOR))
    assert noords_coordinator.post(ADD, {"code": "73001"}).status_code == 404
    assert noords_coordinator.post(reopen(sam)).status_code == 404
    assert client_for(ilse).post(reopen(noor)).status_code == 404  # Noord's member, on Zuid's address


def test_the_member_page_posts_the_reopening_to_its_own_address(ilse, sam, client_for):
    page = client_for(ilse).get(f"/o/zuid-limburg/members/{sam.pk}/").content.decode()
    assert f'action="{reopen(sam)}"' in page and 'name="action"' not in page
    assert client_for(ilse).get(reopen(sam)).status_code == 405
