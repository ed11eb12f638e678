"""A new organisation's municipalities page says that none are chosen yet, instead of an empty table
(axe could not decide a table of headers without data cells: "needs review")."""

from opvoedwijzer.core.models import Role
from opvoedwijzer.core.services import create_organisation
from tests.factories import make_member


def test_a_new_cjg_reads_that_no_municipality_is_chosen_yet(db, client):
    cjg = create_organisation(slug="cjg-amsterdam", name="CJG Amsterdam")
    annelies = make_member(cjg, "annelies@cjg.test", Role.COORDINATOR)
    client.force_login(annelies.user)
    page = client.get("/o/cjg-amsterdam/municipalities/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Nog geen gemeenten gekozen" in page
    assert "<table" not in page


def test_with_a_municipality_the_table_is_back(ilse, client):
    client.force_login(ilse.user)
    page = client.get(f"/o/{ilse.organisation.slug}/municipalities/", HTTP_ACCEPT_LANGUAGE="nl")
    assert "<table" in page.content.decode()
    assert "Nog geen gemeenten gekozen" not in page.content.decode()
