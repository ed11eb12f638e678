"""The staff screens and the public page of the social map."""

import datetime

from django.utils import timezone

from opvoedwijzer.privacy.forms import allowed_phones_for
from opvoedwijzer.privacy.pii import find_pii
from opvoedwijzer.socialmap import services
from opvoedwijzer.socialmap.models import Schedule, Service


def test_staff_add_a_service_with_opening_hours_in_plain_words(sam, social_map, client_for):
    clb = social_map["clb"].map_organisation
    response = client_for(sam).post(
        "/o/zuid-limburg/map/services/new/",
        {
            "map_organisation": clb.pk,
            "name": "Huiswerkbegeleiding",
            "description": "Hulp bij huiswerk voor lagere-schoolkinderen.",
            "themes": ["homework"],
            "status": "active",
            "min_years": "6",
            "max_years": "12",
            "languages": ["nl", "tr"],
            "opening_hours": "ma, di, do 15:30-17:30\nwo 13u-17u",
            "checked": "1",
        },
    )
    service = Service.objects.get(name="Huiswerkbegeleiding")
    assert response.url == f"/o/zuid-limburg/map/services/{service.pk}/"
    assert (service.min_months, service.max_months, service.languages) == (72, 144, "nl,tr")
    assert [(s.byday, s.opens_at, s.closes_at) for s in Schedule.objects.filter(service=service)] == [
        ("MO,TU,TH", datetime.time(15, 30), datetime.time(17, 30)),
        ("WE", datetime.time(13, 0), datetime.time(17, 0)),
    ]
    assert service.last_checked_on == timezone.localdate() and service.checked_by == sam.user


def test_bad_opening_hours_are_explained_and_nothing_typed_is_lost(sam, social_map, client_for):
    clb = social_map["clb"].map_organisation
    response = client_for(sam).post(
        "/o/zuid-limburg/map/services/new/",
        {
            "map_organisation": clb.pk,
            "name": "Huiswerkklas",
            "status": "active",
            "opening_hours": "maandag 25-26",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "25:00" in page and 'value="Huiswerkklas"' in page
    assert not Service.objects.filter(name="Huiswerkklas").exists()


def test_a_name_in_a_service_description_is_caught_by_the_pii_guard(sam, social_map, client_for):
    clb = social_map["clb"].map_organisation
    response = client_for(sam).post(
        "/o/zuid-limburg/map/services/new/",
        {
            "map_organisation": clb.pk,
            "name": "Spreekuur",
            "status": "active",
            "description": "Bel mevrouw Janssens op 0470 12 34 56.",
        },
    )
    assert response.status_code == 200
    assert not Service.objects.filter(name="Spreekuur").exists()


def test_a_confirmed_service_description_is_audited_when_the_service_is_saved(sam, social_map, client_for):
    from opvoedwijzer.privacy.models import AuditAction, AuditEvent

    data = {
        "map_organisation": social_map["clb"].map_organisation.pk,
        "name": "Spreekuur",
        "status": "active",
        "description": "Bel mevrouw Janssens op 0470 12 34 56.",
        "description_pii_reason": "de naam en het nummer van het onthaal",
    }
    client = client_for(sam)
    response = client.post("/o/zuid-limburg/map/services/new/", dict(data, opening_hours="ma 25:00-26:00"))
    assert response.status_code == 200 and not Service.objects.filter(name="Spreekuur").exists()
    assert not AuditEvent.objects.filter(action=AuditAction.PII_CONFIRMED).exists()
    assert client.post("/o/zuid-limburg/map/services/new/", data).status_code == 302
    event = AuditEvent.objects.get(action=AuditAction.PII_CONFIRMED)
    assert event.actor == sam.user and event.organisation == sam.organisation
    assert event.detail["form"] == "ServiceForm" and event.detail["field"] == "description"


def test_the_numbers_on_the_social_map_are_no_personal_data(sam, social_map):
    text = "Verwezen naar het CLB, tel. 011 70 12 34."
    assert find_pii(text) != []  # a number the guard does not know
    assert find_pii(text, allowed_phones=allowed_phones_for(sam.user)) == []  # it is on our map


def test_the_maps_numbers_are_read_once_and_again_when_the_map_changes(
    sam, social_map, zuid, django_assert_max_num_queries
):
    from opvoedwijzer.socialmap.models import MapOrganisation

    allowed_phones_for(sam.user)
    with django_assert_max_num_queries(1):  # only the maps' versions, not their 4 tables
        assert find_pii("Bel 011 70 12 34.", allowed_phones=allowed_phones_for(sam.user)) == []
    text = "Doorverwezen, tel. 011 99 88 77."
    assert find_pii(text, allowed_phones=allowed_phones_for(sam.user)) != []
    clb = MapOrganisation.objects.for_org(zuid).first()
    services.update_map_organisation(clb, {"name": clb.name, "phone": "011 99 88 77"})
    assert find_pii(text, allowed_phones=allowed_phones_for(sam.user)) == [], "a new number counts at once"


def test_another_organisations_map_numbers_are_not_allowed(noor, social_map):
    assert find_pii("Bel 011 70 12 34.", allowed_phones=allowed_phones_for(noor.user)) != []


def test_verify_retire_and_the_list_of_unchecked_services(sam, social_map, client_for):
    client = client_for(sam)
    awel = social_map["awel"]
    Service.objects.filter(pk=awel.pk).update(
        last_checked_on=timezone.localdate() - datetime.timedelta(days=400)
    )
    Service.objects.exclude(pk=awel.pk).update(last_checked_on=timezone.localdate())
    assert "Awel" in client.get("/o/zuid-limburg/map/unchecked/").content.decode()
    client.post(f"/o/zuid-limburg/map/services/{awel.pk}/verify/")
    assert "Awel" not in client.get("/o/zuid-limburg/map/unchecked/").content.decode()
    client.post(f"/o/zuid-limburg/map/services/{awel.pk}/retire/")
    awel.refresh_from_db()
    assert awel.is_retired
    assert "Awel" not in client.get("/o/zuid-limburg/map/?q=pesten").content.decode()


def test_volunteers_search_the_map_but_do_not_change_it(vera, social_map, client_for):
    client = client_for(vera)
    assert "Aanpak van pesten op school" in client.get("/o/zuid-limburg/map/?q=pesten").content.decode()
    service = social_map["clb"]
    assert client.get(f"/o/zuid-limburg/map/services/{service.pk}/edit/").status_code == 403
    assert client.post(f"/o/zuid-limburg/map/services/{service.pk}/retire/").status_code == 403


def test_funders_do_not_see_the_map_screens(fons, social_map, client_for):
    assert client_for(fons).get("/o/zuid-limburg/map/").status_code == 403


def test_the_search_page_answers_htmx_with_the_results_only(sam, social_map, client_for):
    response = client_for(sam).get("/o/zuid-limburg/map/?q=pesten", headers={"hx-request": "true"})
    page = response.content.decode()
    assert page.lstrip().startswith('<section id="results"') and "<html" not in page


def test_the_search_page_takes_a_fixed_number_of_queries(
    sam, zuid, social_map, client_for, django_assert_max_num_queries
):
    client = client_for(sam)
    client.get("/o/zuid-limburg/map/?q=pesten")
    with django_assert_max_num_queries(22) as few:
        client.get("/o/zuid-limburg/map/")
    queries = len(few.captured_queries)  # read now: the next request empties the log
    clb = social_map["clb"]
    for n in range(8):
        data = {"map_organisation": clb.map_organisation, "name": f"Dienst {n}", "phone": "011 70 12 34"}
        services.create_service(zuid, {**data, "themes": clb.themes.all(), "locations": clb.locations.all()})
    client.get("/o/zuid-limburg/map/?q=pesten")  # the map's names are read again once after a change
    with django_assert_max_num_queries(queries):
        page = client.get("/o/zuid-limburg/map/").content.decode()
    assert "Dienst 7" in page


def test_the_public_map_needs_no_account(zuid, social_map, client):
    page = client.get("/zuid-limburg/map/?q=pesten+10+jaar").content.decode()
    assert "Aanpak van pesten op school" in page
    assert "Weerbaarheid voor tieners" not in page
    detail = client.get(f"/zuid-limburg/map/{social_map['clb'].uuid}/")
    assert detail.status_code == 200 and "Tongersesteenweg 1" in detail.content.decode()


def test_the_public_map_hides_retired_services_and_other_organisations(zuid, noord, social_map, client, sam):
    services.retire_service(social_map["awel"], sam.user)
    assert client.get(f"/zuid-limburg/map/{social_map['awel'].uuid}/").status_code == 404
    assert client.get(f"/noord-limburg/map/{social_map['clb'].uuid}/").status_code == 404
    assert client.get("/no-such-organisation/map/").status_code == 404


def test_the_public_map_is_small(zuid, social_map, client):
    response = client.get("/zuid-limburg/map/")
    assert len(response.content) < 100_000


def test_the_import_command_reads_the_official_example_folder(zuid, capsys):
    from pathlib import Path

    from django.core.management import call_command

    folder = Path(__file__).resolve().parents[1] / "hsds" / "examples" / "csv"
    call_command("import_social_map", "zuid-limburg", str(folder))
    assert '"imported": true' in capsys.readouterr().out
    assert Service.objects.for_org(zuid).get().name == "Community Counselling"


def test_the_import_command_says_why_it_refused(zuid, tmp_path):
    import pytest
    from django.core.management import CommandError, call_command

    bad = tmp_path / "lijst.csv"
    bad.write_text("organisatie;dienst;thema's\nCAW;Onthaal;fietsen\n", encoding="utf-8")
    with pytest.raises(CommandError, match="1 row"):
        call_command("import_social_map", "zuid-limburg", str(bad))
    with pytest.raises(CommandError, match="No organisation"):
        call_command("import_social_map", "nergens", str(bad))
