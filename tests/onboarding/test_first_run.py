"""Hanne, the new coordinator, works through the first-run page of Opvoedingswinkel Hasselt."""

import pytest

from opvoedwijzer.core.models import Role
from opvoedwijzer.core.services import invite_member, set_up_organisation
from opvoedwijzer.onboarding.models import SetupMark
from opvoedwijzer.onboarding.steps import setup_steps
from opvoedwijzer.pages.services import update_public_site
from opvoedwijzer.taxonomy.models import Channel
from opvoedwijzer.taxonomy.services import update_term
from tests.factories import make_member

from .conftest import HANNE

SETUP, HOME = "/o/opvoedingswinkel-hasselt/setup/", "/o/opvoedingswinkel-hasselt/"
RENAME, MARK, UNMARK = f"{SETUP}name/", f"{SETUP}steps/done/", f"{SETUP}steps/not-done/"


@pytest.fixture
def hasselt(places):
    return set_up_organisation(
        slug="opvoedingswinkel-hasselt",
        name="Opvoedingswinkel Hasselt",
        municipalities=places,
        coordinator_email=HANNE,
    ).organisation


@pytest.fixture
def hanne(hasselt):
    return hasselt.memberships.get(user__email=HANNE)


@pytest.fixture
def hannes_client(hanne, client_for):
    return client_for(hanne)


def done(org):
    return {s.code: s.done for s in setup_steps(org)}


def test_a_new_service_has_only_its_municipalities_done(hasselt):
    assert done(hasselt) == {
        "details": False,
        "municipalities": True,
        "taxonomy": False,
        "texts": False,
        "colleagues": False,
    }


def test_the_steps_are_done_when_the_data_says_so(hasselt, hanne):
    update_public_site(hasselt, {"phone": "011 22 33 44"}, {})
    assert done(hasselt)["details"]
    update_public_site(hasselt, {"phone": "011 22 33 44", "intro": "Wij helpen ouders met vragen."}, {})
    assert done(hasselt)["texts"]
    update_term(Channel.objects.get(organisation=hasselt, code="chat"), label="", hidden=True)
    assert done(hasselt)["taxonomy"]
    invite_member(
        hasselt, email="jonas@hasselt.test", role=Role.STAFF, invited_by=hanne.user, build_url=lambda t: t
    )
    assert done(hasselt)["colleagues"]
    hasselt.municipalities.clear()
    assert not done(hasselt)["municipalities"]


@pytest.mark.parametrize("role", [Role.VOLUNTEER, Role.COORDINATOR])
def test_a_second_member_of_any_role_is_a_colleague(hasselt, role):
    make_member(hasselt, "lien@hasselt.test", role)
    assert done(hasselt)["colleagues"]


def test_the_steps_are_read_in_one_query(hasselt, django_assert_num_queries):
    with django_assert_num_queries(1):
        setup_steps(hasselt)


def test_the_coordinator_marks_the_taxonomy_and_the_texts_done_and_can_take_it_back(hasselt, hannes_client):
    assert hannes_client.post(MARK, {"step": "taxonomy"}).status_code == 302
    hannes_client.post(MARK, {"step": "texts"})
    assert done(hasselt)["taxonomy"] and done(hasselt)["texts"]
    assert SetupMark.objects.get(organisation=hasselt, step="taxonomy").marked_by.email == HANNE
    hannes_client.post(UNMARK, {"step": "texts"})
    assert not done(hasselt)["texts"]


def test_steps_read_from_the_data_cannot_be_marked(hasselt, hannes_client):
    assert hannes_client.post(MARK, {"step": "details"}).status_code == 404
    assert not done(hasselt)["details"]


def test_the_page_shows_each_step_with_its_state_and_where_to_do_it(
    hasselt, hannes_client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(5):  # session, user, membership, two-step login, the steps
        page = hannes_client.get(SETUP).content.decode()
    for code in ("details", "municipalities", "taxonomy", "texts", "colleagues"):
        assert f'id="step-{code}"' in page
    for url in ("public-site/", "municipalities/", "taxonomy/", "members/"):
        assert f"/o/opvoedingswinkel-hasselt/{url}" in page
    assert page.count("setup-step--done") == 1


def test_the_coordinator_renames_the_organisation_and_an_empty_name_is_refused(hasselt, hannes_client):
    assert hannes_client.post(RENAME, {"name": "Opvoedingswinkel Hasselt-Genk"}).status_code == 302
    hasselt.refresh_from_db()
    assert hasselt.name == "Opvoedingswinkel Hasselt-Genk"
    page = hannes_client.post(RENAME, {"name": "  "}).content.decode()
    assert "error-summary" in page
    hasselt.refresh_from_db()
    assert hasselt.name == "Opvoedingswinkel Hasselt-Genk"


def test_the_home_page_shows_the_coordinator_what_is_left(hasselt, hannes_client):
    page = hannes_client.get(HOME).content.decode()
    assert 'id="setup-left"' in page
    assert f"{SETUP}#step-details" in page and f"{SETUP}#step-municipalities" not in page


def test_when_everything_is_done_the_home_page_says_nothing_of_it(hasselt, hanne, hannes_client):
    update_public_site(hasselt, {"email": "info@hasselt.test"}, {})
    make_member(hasselt, "jonas@hasselt.test", Role.STAFF)
    hannes_client.post(MARK, {"step": "taxonomy"})
    hannes_client.post(MARK, {"step": "texts"})
    assert 'id="setup-left"' not in hannes_client.get(HOME).content.decode()
    assert SETUP in hannes_client.get(HOME).content.decode(), "the page stays reachable"


def test_staff_see_nothing_of_it_and_may_not_open_it(hasselt, client_for):
    jonas = make_member(hasselt, "jonas@hasselt.test", Role.STAFF)
    client = client_for(jonas)
    assert 'id="setup-left"' not in client.get(HOME).content.decode()
    assert client.get(SETUP).status_code == 403
    for url in (MARK, UNMARK):
        assert client.post(url, {"step": "taxonomy"}).status_code == 403
    assert client.post(RENAME, {"name": "Elders"}).status_code == 403
    assert not SetupMark.objects.exists()


def test_another_organisations_coordinator_gets_404(hasselt, noord, client_for):
    client = client_for(make_member(noord, "nina@noord.test", Role.COORDINATOR))
    assert client.get(SETUP).status_code == 404
    for url in (MARK, UNMARK):
        assert client.post(url, {"step": "taxonomy"}).status_code == 404
    assert client.post(RENAME, {"name": "Elders"}).status_code == 404
    assert not SetupMark.objects.exists()


def test_the_home_page_with_the_steps_needs_few_queries(
    hasselt, hannes_client, django_assert_max_num_queries
):
    # The request's own, one for the steps left, one per "today" block (tests/home/test_org_home.py).
    with django_assert_max_num_queries(10):
        hannes_client.get(HOME)


def test_each_form_on_the_page_posts_to_its_own_address_and_the_page_answers_get_only(hasselt, hannes_client):
    page = hannes_client.get(SETUP).content.decode()
    assert f'action="{RENAME}"' in page and f'action="{MARK}"' in page and 'name="action"' not in page
    hannes_client.post(MARK, {"step": "taxonomy"})
    assert f'action="{UNMARK}"' in hannes_client.get(SETUP).content.decode()
    assert hannes_client.post(SETUP, {"name": "Elders"}).status_code == 405


def test_a_refused_name_comes_back_as_typed_beside_the_saved_name(hasselt, hannes_client):
    response = hannes_client.post(RENAME, {"name": "x" * 300})
    page = response.content.decode()
    assert response.status_code == 200 and "error-summary" in page and 'value="' + "x" * 300 in page
    assert "Opvoedingswinkel Hasselt" in page  # the header keeps the saved name
