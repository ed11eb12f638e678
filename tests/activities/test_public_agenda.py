"""The public agenda: a parent finds an evening, signs up with a first name, keeps the link, cancels;
calendar apps read the iCalendar feeds; evaluations are anonymous."""

import datetime
import gzip

import icalendar
import pytest
from django.utils import timezone

from opvoedwijzer.activities import services
from opvoedwijzer.activities.models import Evaluation, SignUp
from opvoedwijzer.socialmap import services as socialmap
from opvoedwijzer.taxonomy.models import LifeStage, Theme
from tests.factories import make_activity


@pytest.fixture
def heers(zuid):
    partner = socialmap.create_map_organisation(zuid, {"name": "Gemeente Heers"})
    return socialmap.create_location(
        zuid,
        {
            "map_organisation": partner,
            "name": "Gemeenschapshuis Heers",
            "address_1": "Dorpsstraat 1",
            "postal_code": "3870",
            "city": "Heers",
            "municipality": zuid.municipalities.get(code="73022"),
        },
    )


@pytest.fixture
def course(zuid, heers):
    return make_activity(
        zuid,
        capacity=10,
        location=heers,
        description="Vier avonden over opvoeden in de tienerjaren.",
        themes=[Theme.objects.get(organisation=zuid, code="puberty")],
        life_stages=[LifeStage.objects.get(organisation=zuid, code="teen")],
    )


def test_the_agenda_shows_published_activities_with_their_places(client, course, zuid):
    draft = make_activity(zuid, title="Concept")
    services.publish(draft, False)
    response = client.get("/zuid-limburg/agenda/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Pubers in huis" in html
    assert "10 plaatsen vrij" in html or "10 places left" in html
    assert "Concept" not in html


def test_the_agenda_filters_on_municipality_theme_life_stage_and_audience(client, course, zuid):
    make_activity(zuid, title="Slapen en huilen", audience="both")
    by_place = client.get("/zuid-limburg/agenda/?municipality=73022").content.decode()
    assert "Pubers in huis" in by_place and "Slapen en huilen" not in by_place
    by_theme = client.get("/zuid-limburg/agenda/?theme=puberty").content.decode()
    assert "Pubers in huis" in by_theme and "Slapen en huilen" not in by_theme
    by_stage = client.get("/zuid-limburg/agenda/?life_stage=baby").content.decode()
    assert "Pubers in huis" not in by_stage
    for_professionals = client.get("/zuid-limburg/agenda/?audience=professionals").content.decode()
    assert "Slapen en huilen" in for_professionals and "Pubers in huis" not in for_professionals


def test_past_and_cancelled_activities_leave_the_agenda(client, zuid, course):
    make_activity(zuid, title="Voorbij", first=timezone.localdate() - datetime.timedelta(days=3), sessions=1)
    services.cancel_activity(course)
    html = client.get("/zuid-limburg/agenda/").content.decode()
    assert "Voorbij" not in html and "Pubers in huis" not in html
    assert client.get(f"/zuid-limburg/agenda/{course.pk}/").status_code == 404


def test_a_parent_signs_up_with_a_first_name_only_and_keeps_the_link(client, course):
    response = client.post(
        f"/zuid-limburg/agenda/{course.pk}/", {"name": "Sofie", "people": "2", "contact": ""}
    )
    assert response.status_code == 302
    signup = SignUp.objects.get()
    assert (signup.name, signup.people, signup.contact, signup.status) == ("Sofie", 2, "", "confirmed")
    page = client.get(response["Location"])
    html = page.content.decode()
    assert "Sofie" in html
    assert response["Location"].split("?")[0] in html  # the link to keep is on the page
    assert page["Cache-Control"].startswith("max-age=0") or "no-cache" in page["Cache-Control"]


def test_bad_input_keeps_what_was_typed(client, course):
    response = client.post(
        f"/zuid-limburg/agenda/{course.pk}/", {"name": "Sofie", "people": "0", "contact": "geen nummer"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Sofie"' in html and 'value="geen nummer"' in html
    assert SignUp.objects.count() == 0


def test_a_full_activity_offers_the_waiting_list_and_who_cancels_lets_the_next_one_in(client, course):
    for n in range(10):
        services.sign_up(course, name=f"Ouder {n}", people=1)
    first = SignUp.objects.first()
    page = client.get(f"/zuid-limburg/agenda/{course.pk}/").content.decode()
    assert "wachtlijst" in page.lower() or "waiting list" in page.lower()
    response = client.post(f"/zuid-limburg/agenda/{course.pk}/", {"name": "Karim", "people": "1"})
    karim = SignUp.objects.get(name="Karim")
    assert karim.status == "waiting"
    token_url = response["Location"].split("?")[0]
    assert "nummer 1." in client.get(token_url).content.decode()  # first on the waiting list

    services.cancel_signup(first)
    karim.refresh_from_db()
    assert karim.status == "confirmed"


def test_the_link_cancels_the_signup(client, course):
    signup, token = services.sign_up(course, name="Sofie", people=1, contact="sofie@example.org")
    response = client.post(f"/zuid-limburg/signup/{token}/")
    assert response.status_code == 200
    signup.refresh_from_db()
    assert (signup.status, signup.name, signup.contact) == ("cancelled", "", "")
    assert client.get("/zuid-limburg/signup/not-a-token/").status_code == 404
    assert client.get(f"/noord-limburg/signup/{token}/").status_code == 404


def test_the_honeypot_refuses_robots(client, course):
    client.post(
        f"/zuid-limburg/agenda/{course.pk}/", {"name": "Bot", "people": "1", "website": "http://spam"}
    )
    assert SignUp.objects.count() == 0


def test_signing_up_after_the_start_is_closed(client, zuid):
    started = make_activity(zuid, first=timezone.localdate() - datetime.timedelta(days=1), sessions=3)
    page = client.get(f"/zuid-limburg/agenda/{started.pk}/")
    assert page.status_code == 200
    assert '<form method="post" novalidate' not in page.content.decode()
    client.post(f"/zuid-limburg/agenda/{started.pk}/", {"name": "Els", "people": "1"})
    assert SignUp.objects.count() == 0


def test_the_agenda_feed_has_one_event_per_session(client, course, zuid):
    make_activity(zuid, title="Slapen en huilen", sessions=1)
    response = client.get("/zuid-limburg/agenda.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    summaries = sorted(str(e["SUMMARY"]) for e in events)
    assert summaries == [f"Pubers in huis ({n}/4)" for n in range(1, 5)] + ["Slapen en huilen"]
    first = next(e for e in events if str(e["SUMMARY"]) == "Pubers in huis (1/4)")
    start = first.decoded("DTSTART")
    session = course.sessions.first()
    assert start == session.starts_at
    assert first.decoded("DTEND") - start == datetime.timedelta(hours=2)
    assert "Gemeenschapshuis Heers" in str(first["LOCATION"])
    assert f"/zuid-limburg/agenda/{course.pk}/" in str(first["URL"])
    assert len({str(e["UID"]) for e in events}) == 5


def test_the_feed_of_one_activity(client, course):
    calendar = icalendar.Calendar.from_ical(client.get(f"/zuid-limburg/agenda/{course.pk}.ics").content)
    assert len(calendar.walk("VEVENT")) == 4
    assert client.get("/zuid-limburg/agenda/999999.ics").status_code == 404


def test_an_evaluation_is_anonymous_and_names_are_removed_before_storing(client, zuid):
    evening = make_activity(zuid, first=timezone.localdate() - datetime.timedelta(days=1), sessions=1)
    session = evening.sessions.get()
    response = client.post(
        f"/zuid-limburg/evaluate/{session.evaluation_code}/",
        {"overall": "5", "useful": "4", "atmosphere": "5", "comment": "Mijn zoon Jonas slaapt nu beter."},
    )
    assert response.status_code == 200
    evaluation = Evaluation.objects.get()
    assert (evaluation.overall, evaluation.useful, evaluation.atmosphere) == (5, 4, 5)
    assert "Jonas" not in evaluation.comment
    assert evaluation.comment in response.content.decode()


def test_the_evaluation_opens_when_the_session_starts(client, course):
    session = course.sessions.first()
    assert client.get(f"/zuid-limburg/evaluate/{session.evaluation_code}/").status_code == 404
    assert client.get("/zuid-limburg/evaluate/nonsense/").status_code == 404


def test_an_evaluation_without_scores_says_what_is_missing(client, zuid):
    evening = make_activity(zuid, first=timezone.localdate() - datetime.timedelta(days=1), sessions=1)
    session = evening.sessions.get()
    response = client.post(f"/zuid-limburg/evaluate/{session.evaluation_code}/", {"comment": "Fijn"})
    assert response.status_code == 200
    assert 'class="error-summary' in response.content.decode()
    assert Evaluation.objects.count() == 0


def test_the_agenda_keeps_to_a_fixed_number_of_queries(client, zuid, heers, django_assert_max_num_queries):
    for n in range(8):
        activity = make_activity(zuid, title=f"Avond {n}", location=heers, sessions=3)
        services.sign_up(activity, name="Els", people=2)
    with django_assert_max_num_queries(10):  # 9 today, whatever the number of activities
        assert client.get("/zuid-limburg/agenda/").status_code == 200


def test_the_feed_is_compressed_for_who_accepts_it(client, course):
    response = client.get("/zuid-limburg/agenda.ics", headers={"accept-encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    assert icalendar.Calendar.from_ical(gzip.decompress(response.content)).walk("VEVENT")
