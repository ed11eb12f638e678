"""The pages of an error, as a parent and a staff member meet them: an address that does not exist (any
more) shows a parent the public layout in her own language, and a staff member the staff layout; a fault
of the server and a database out of reach speak every language of the service on one page."""

import re

import pytest
from django.template import loader

GONE = "/zuid-limburg/library/reservation/no-such-token/"


@pytest.mark.parametrize(
    ("language", "title", "direction"),
    [
        ("nl", "Pagina niet gevonden", ""),
        ("fr", "Page introuvable", ""),
        ("ar", "لم نجد الصفحة", ' dir="rtl"'),
        ("tr", "Sayfa bulunamadı", ""),
        ("pl", "Nie znaleziono strony", ""),
    ],
)
def test_a_parent_following_an_expired_link_reads_it_in_her_language(
    client, zuid, language, title, direction
):
    response = client.get(GONE, headers={"accept-language": language})

    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language}"{direction}>' in html
    assert f"<h1>{title}</h1>" in html
    assert 'class="site-footer"' in html and 'hreflang="ar"' in html  # the public layout, its language links
    assert 'class="site-nav"' not in html  # nothing of the staff's
    assert html.count('href="/zuid-limburg/"') == 2  # the organisation's name and the button lead back home
    assert f"{zuid.name}</a>" in html


def test_outside_an_organisation_the_not_found_page_leads_to_the_start_page(client, db):
    response = client.get("/no-such-organisation/")

    assert response.status_code == 404
    assert '<a class="button" href="/">' in response.content.decode()


def test_a_staff_member_on_a_page_that_does_not_exist_keeps_the_staff_layout(sam, client_for):
    response = client_for(sam).get("/o/zuid-limburg/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Pagina niet gevonden</h1>" in html
    assert "Deze pagina bestaat niet, of je hebt er geen toegang toe." in html
    assert 'class="site-nav"' in html  # the staff's menu
    assert "We vragen niet naar je naam." not in html  # not the public footer


@pytest.mark.parametrize("template", ["500.html", "503.html"])
def test_a_server_fault_speaks_every_language_of_the_service(template):
    html = loader.get_template(template).render()

    assert set(re.findall(r'lang="(\w\w)"', html)) == {"nl", "en", "fr", "ar", "tr", "pl"}
    assert '<p lang="ar" dir="rtl">' in html
    assert 'name="viewport"' in html
