"""The group offer in the parents' languages: staff write a title and description per language beside
the Dutch; the agenda, the activity page, the sign-up page and the messages show the parent's version."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from opvoedwijzer.activities import services
from opvoedwijzer.activities.models import Activity
from opvoedwijzer.socialmap import services as socialmap
from tests.activities.test_staff import course_form
from tests.factories import make_activity

FRENCH = {"title": "Des ados à la maison", "description": "Quatre soirées sur l'adolescence."}


def page(client, url, language):
    return client.get(url, headers={"accept-language": language}).content.decode()


@pytest.fixture
def location(zuid):
    partner = socialmap.create_map_organisation(zuid, {"name": "CGG LITP"})
    return socialmap.create_location(
        zuid,
        {"map_organisation": partner, "name": "CGG", "municipality": zuid.municipalities.get(code="71053")},
    )


@pytest.fixture
def course(zuid):
    return make_activity(zuid, description="Vier avonden over de tienerjaren.", translations={"fr": FRENCH})


def test_a_coordinator_writes_the_course_in_french_beside_the_dutch(ilse, client_for, location):
    data = course_form(location, title__fr=FRENCH["title"], description__fr=FRENCH["description"])
    response = client_for(ilse).post("/o/zuid-limburg/activities/new/", data | {"title__en": " "})
    assert response.status_code == 302
    course = Activity.objects.get()
    assert course.title == "Pubers in huis" and course.translations == {"fr": FRENCH}


def test_the_form_keeps_the_versions_typed_when_a_date_is_wrong(ilse, client_for, location):
    data = course_form(location, title__pl="Nastolatki w domu", **{"sessions-2-end": "18:00"})
    response = client_for(ilse).post("/o/zuid-limburg/activities/new/", data)
    html = response.content.decode()
    assert response.status_code == 200 and 'value="Nastolatki w domu"' in html
    assert '<details class="action translation" open>' in html and not Activity.objects.exists()


def test_personal_data_in_a_french_description_is_refused_until_replaced(ilse, client_for, location):
    client = client_for(ilse)
    data = course_form(location, description__fr="Appelez Jan Peeters au 0470 12 34 56.")
    html = client.post("/o/zuid-limburg/activities/new/", data).content.decode()
    assert 'name="description__fr_pii_redact"' in html and not Activity.objects.exists()
    assert (
        client.post("/o/zuid-limburg/activities/new/", data | {"description__fr_pii_redact": "1"}).status_code
        == 302
    )
    stored = Activity.objects.get().translations["fr"]["description"]
    assert "0470" not in stored and "Jan Peeters" not in stored


def test_the_french_agenda_and_activity_page_show_the_french_version(client, course):
    agenda = page(client, "/zuid-limburg/agenda/", "fr")
    assert FRENCH["title"] in agenda and "Pubers in huis" not in agenda
    activity = page(client, f"/zuid-limburg/agenda/{course.pk}/", "fr")
    assert f"<h1>{FRENCH['title']}</h1>" in activity and "Quatre soirées sur l&#x27;adolescence." in activity
    assert "translation-note" not in activity


def test_without_a_version_the_dutch_is_marked_and_the_parent_told(client, course):
    activity = page(client, f"/zuid-limburg/agenda/{course.pk}/", "pl")
    assert '<h1 lang="nl" dir="ltr">Pubers in huis</h1>' in activity
    assert 'lang="nl" dir="ltr">Vier avonden over de tienerjaren.</p>' in activity
    assert 'class="hint translation-note"' in activity
    agenda = page(client, "/zuid-limburg/agenda/", "pl")
    assert 'lang="nl" dir="ltr">Pubers in huis</a>' in agenda


def test_the_sign_up_page_and_the_message_carry_the_french_title(
    client, course, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/zuid-limburg/agenda/{course.pk}/",
            {"name": "Amélie", "people": "1", "contact": "amelie@example.org"},
            headers={"accept-language": "fr"},
        )
    assert FRENCH["title"] in page(client, response["Location"], "fr")
    assert mail.outbox and FRENCH["title"] in mail.outbox[0].subject + mail.outbox[0].body


def test_a_copy_of_an_activity_keeps_its_versions(course):
    assert services.copy_activity(course).translations == {"fr": FRENCH}


def test_the_agenda_in_french_costs_the_queries_of_the_agenda_in_dutch(client, zuid, location):
    for n in range(6):
        make_activity(
            zuid, title=f"Avond {n}", location=location, translations={"fr": {"title": f"Soirée {n}"}}
        )
    with CaptureQueriesContext(connection) as dutch:
        page(client, "/zuid-limburg/agenda/", "nl")
    with CaptureQueriesContext(connection) as french:
        assert "Soirée 5" in page(client, "/zuid-limburg/agenda/", "fr")
    assert len(french) == len(dutch)


def test_the_evaluation_form_names_the_evening_in_the_parents_language(client, zuid):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    evening = make_activity(
        zuid, first=yesterday, sessions=1, translations={"fr": {"title": "Soirée des ados"}}
    )
    code = evening.sessions.get().evaluation_code
    assert "<bdi>Soirée des ados</bdi>" in page(client, f"/zuid-limburg/evaluate/{code}/", "fr")
    polish = page(client, f"/zuid-limburg/evaluate/{code}/", "pl")
    assert '<bdi lang="nl" dir="ltr">Pubers in huis</bdi>' in polish


def test_staff_see_which_languages_an_activity_is_written_in(sam, client_for, course):
    html = client_for(sam).get(f"/o/zuid-limburg/activities/{course.pk}/").content.decode()
    assert '<span lang="fr">Français</span>' in html
