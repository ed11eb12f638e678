"""The public site of an organisation: what the service offers, per life stage, in plain language."""

from opvoedwijzer.pages.models import LifeStageInfo, PublicProfile


def test_a_coordinator_writes_the_public_site_and_parents_read_it(ilse, client_for, client):
    response = client_for(ilse).post(
        "/o/zuid-limburg/public-site/",
        {
            "intro": "Bij ons kan je terecht met elke vraag over opvoeden.",
            "phone": "011 70 00 00",
            "opening_hours": "ma-vr 9-12",
            "stage_teen": "Pubers zoeken hun eigen weg. Blijf praten.",
        },
    )
    assert response.status_code == 302
    assert PublicProfile.objects.get().phone == "011 70 00 00"
    assert LifeStageInfo.objects.get(life_stage__code="teen").text.startswith("Pubers")
    client.logout()
    home = client.get("/zuid-limburg/").content.decode()
    assert "Bij ons kan je terecht" in home and "011 70 00 00" in home and "/zuid-limburg/ask/" in home
    stage = client.get("/zuid-limburg/life-stages/teen/").content.decode()
    assert "Blijf praten" in stage


def test_staff_other_than_coordinators_do_not_edit_the_public_site(sam, client_for):
    assert client_for(sam).get("/o/zuid-limburg/public-site/").status_code == 403


def test_the_home_page_is_small_and_unknown_places_are_404(zuid, client):
    response = client.get("/zuid-limburg/")
    assert response.status_code == 200 and len(response.content) < 100_000
    assert client.get("/nergens/").status_code == 404
    assert client.get("/zuid-limburg/life-stages/unicorn/").status_code == 404


def test_fixed_paths_are_not_taken_for_an_organisation(zuid, client):
    assert client.get("/health/").json()["status"] == "ok"


def test_in_arabic_the_page_reads_right_to_left(zuid, client):
    page = client.get("/zuid-limburg/", headers={"accept-language": "ar"}).content.decode()
    assert 'lang="ar" dir="rtl"' in page and "مساعدة في تربية طفلك" in page
    french = client.get("/zuid-limburg/", headers={"accept-language": "fr"}).content.decode()
    assert '<html lang="fr">' in french  # left to right (only the link to Arabic is right to left)
