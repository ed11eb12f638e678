"""`/` for a parent: a small landing page with the public sites, and the way to the login for staff."""

from django.utils import translation


def test_a_parent_at_the_root_sees_the_public_sites_not_the_staff_login(zuid, noord, client):
    response = client.get("/")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'href="/zuid-limburg/"' in page and "Opvoedingswinkel Zuid-Limburg" in page
    assert 'href="/noord-limburg/"' in page and "Opvoedingswinkel Noord-Limburg" in page
    assert 'href="/accounts/login/"' in page and "Aanmelden voor medewerkers" in page
    assert 'name="login"' not in page  # no password field for a parent to wonder about


def test_the_landing_page_costs_two_queries_however_many_organisations(
    zuid, noord, client, django_assert_num_queries
):
    with django_assert_num_queries(2):  # the organisations, their municipalities
        client.get("/")


def test_the_landing_page_speaks_the_parents_language(zuid, client):
    with translation.override("fr"):
        expected = translation.gettext("Help with raising your child")
    page = client.get("/", headers={"accept-language": "fr"}).content.decode()
    assert expected != "Help with raising your child" and expected in page


def test_staff_who_are_logged_in_still_go_to_their_organisation(sam, client_for):
    assert client_for(sam).get("/").url == "/o/zuid-limburg/"
