"""Signals from the neighbourhood → theme meeting (issue 18, item 6): Vera, a volunteer, picks up in
Sint-Truiden that parents of toddlers keep asking about sleep and raises a signal; Ilse, the
coordinator, turns it into a theme meeting of the group offer there, and the signal shows what came of
it."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from opvoedwijzer.activities.models import Activity, Kind
from opvoedwijzer.activities.services import sign_up
from opvoedwijzer.core.models import Municipality, Role
from opvoedwijzer.policy import services
from opvoedwijzer.policy.models import Signal, SignalStatus
from opvoedwijzer.socialmap import services as socialmap
from opvoedwijzer.taxonomy.models import Theme
from tests.factories import make_member

SIGNALS = "/o/zuid-limburg/policy/signals/"


@pytest.fixture(autouse=True)
def in_english(client):
    """The screens in English, whatever the Dutch catalogue holds."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def sint_truiden(zuid):
    return Municipality.objects.get(code="71053")


@pytest.fixture
def sleep(zuid):
    return Theme.objects.for_org(zuid).get(code="sleep")


@pytest.fixture
def buurthuis(zuid, sint_truiden):
    partner = socialmap.create_map_organisation(zuid, {"name": "Stad Sint-Truiden"})
    return socialmap.create_location(
        zuid,
        {"map_organisation": partner, "name": "Buurthuis De Schans", "municipality": sint_truiden},
    )


@pytest.fixture
def veras_signal(vera, client_for, sleep, sint_truiden):
    """Vera raises the signal through the form, as she would after a morning at the school gate."""
    response = client_for(vera).post(
        f"{SIGNALS}new/",
        {
            "title": "Veel vragen over slapen bij peuters",
            "theme": sleep.pk,
            "municipality": sint_truiden.pk,
            "description": "Aan de schoolpoort vragen ouders van peuters vaak hoe het inslapen rustiger kan.",
            "evidence": "",
        },
    )
    assert response.status_code == 302
    return Signal.objects.get()


@pytest.fixture
def in_a_month():
    return timezone.localdate() + datetime.timedelta(days=30)


def plan(signal, day, location=None, **extra):
    return {
        "title": f"Themabijeenkomst: {signal.title}",
        "description": "Een avond over slapen voor ouders van peuters in Sint-Truiden.",
        "themes": ["sleep"],
        "day": day.isoformat(),
        "start": "19:30",
        "end": "21:30",
        "location": location.pk if location else "",
        "room": "",
        "capacity": "25",
        **extra,
    }


def url_of(signal):
    return f"{SIGNALS}{signal.pk}/theme-meeting/"


def test_ilse_turns_veras_signal_into_a_theme_meeting_in_sint_truiden(
    veras_signal, vera, ilse, client_for, sleep, buurthuis, in_a_month
):
    assert veras_signal.raised_by == vera.user
    client = client_for(ilse)
    signal_page = client.get(f"{SIGNALS}{veras_signal.pk}/").content.decode()
    assert url_of(veras_signal) in signal_page and "Plan a theme meeting in Sint-Truiden" in signal_page

    form = client.get(url_of(veras_signal)).content.decode()
    assert "Theme meeting: Veel vragen over slapen bij peuters" in form  # the title, filled in
    assert 'value="sleep" selected' in form  # the signal's theme

    response = client.post(url_of(veras_signal), plan(veras_signal, in_a_month, buurthuis, publish="on"))
    assert response.status_code == 302 and response.url == f"{SIGNALS}{veras_signal.pk}/"

    activity = Activity.objects.get()
    assert activity.kind == Kind.THEME_MEETING and activity.published
    assert activity.title == "Themabijeenkomst: Veel vragen over slapen bij peuters"
    assert list(activity.themes.all()) == [sleep]
    (session,) = activity.sessions.all()
    assert timezone.localtime(session.starts_at).date() == in_a_month
    assert timezone.localtime(session.starts_at).time() == datetime.time(19, 30)
    assert session.location == buurthuis
    veras_signal.refresh_from_db()
    assert veras_signal.theme_meeting == activity
    assert veras_signal.status == SignalStatus.REVIEWED  # planning a meeting for it is reviewing it

    sign_up(activity, name="Ines", people=2)
    page = client.get(f"{SIGNALS}{veras_signal.pk}/").content.decode()
    assert f"{activity.title}, {in_a_month:%-d} " in page and "2 signed up" in page
    assert f"/o/zuid-limburg/activities/{activity.pk}/" in page
    assert url_of(veras_signal) not in page  # no second button


def test_the_prefilled_form_goes_through_the_guard_as_it_is(veras_signal, ilse, client_for, in_a_month):
    client = client_for(ilse)
    form = client.get(url_of(veras_signal)).context["form"]
    data = {name: form[name].value() for name in ("title", "description", "start", "end", "capacity")}
    response = client.post(url_of(veras_signal), {**data, "themes": ["sleep"], "day": in_a_month.isoformat()})
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert activity.description.startswith("Parents in Sint-Truiden share what they experience with sleep")
    assert activity.capacity == 20 and not activity.published


def test_a_second_post_does_not_make_a_second_theme_meeting(veras_signal, ilse, client_for, in_a_month):
    client = client_for(ilse)
    client.post(url_of(veras_signal), plan(veras_signal, in_a_month))
    again = client.post(url_of(veras_signal), plan(veras_signal, in_a_month))
    assert again.status_code == 302 and again.url == f"{SIGNALS}{veras_signal.pk}/"
    assert client.get(url_of(veras_signal)).status_code == 302  # the form is not offered again
    assert Activity.objects.count() == 1


def test_planning_twice_through_the_service_is_refused(veras_signal, in_a_month):
    tz = timezone.get_current_timezone()
    data = {
        "title": "Slapen",
        "description": "Een avond over slapen.",
        "themes": [],
        "capacity": 20,
        "starts_at": datetime.datetime.combine(in_a_month, datetime.time(19, 30), tzinfo=tz),
        "ends_at": datetime.datetime.combine(in_a_month, datetime.time(21, 0), tzinfo=tz),
        "location": None,
        "room": "",
        "publish": False,
    }
    services.plan_theme_meeting(veras_signal, data)
    with pytest.raises(services.AlreadyPlanned):
        services.plan_theme_meeting(veras_signal, data)
    assert Activity.objects.get().published is False


def test_a_wrong_date_comes_back_with_the_error_and_what_was_typed(
    veras_signal, ilse, client_for, in_a_month
):
    data = {**plan(veras_signal, in_a_month), "title": "Slapen zonder strijd", "day": "31-02-2027"}
    response = client_for(ilse).post(url_of(veras_signal), data)
    html = response.content.decode()
    assert response.status_code == 200 and 'class="error-summary"' in html
    assert 'value="Slapen zonder strijd"' in html and 'value="31-02-2027"' in html
    assert not Activity.objects.exists()


def test_an_end_before_the_start_is_refused(veras_signal, ilse, client_for, in_a_month):
    response = client_for(ilse).post(url_of(veras_signal), plan(veras_signal, in_a_month, end="18:00"))
    assert response.status_code == 200 and "The end must be after the start." in response.content.decode()
    assert not Activity.objects.exists()


def test_a_name_in_the_description_is_caught_by_the_guard(veras_signal, ilse, client_for, in_a_month):
    data = plan(veras_signal, in_a_month, description="Op vraag van de mama van Lotte.")
    response = client_for(ilse).post(url_of(veras_signal), data)
    assert response.status_code == 200 and not Activity.objects.exists()
    client_for(ilse).post(url_of(veras_signal), {**data, "description_pii_redact": "1"})
    assert Activity.objects.get().description == "Op vraag van de mama van [naam]."


def test_the_locations_in_the_neighbourhood_come_first(veras_signal, zuid, ilse, client_for, buurthuis):
    partner = buurthuis.map_organisation
    gingelom = Municipality.objects.get(code="71017")
    socialmap.create_location(
        zuid, {"map_organisation": partner, "name": "Aa Gemeentehuis", "municipality": gingelom}
    )
    html = client_for(ilse).get(url_of(veras_signal)).content.decode()
    near = html.index('<optgroup label="In or near Sint-Truiden">')
    assert near < html.index("Buurthuis De Schans") < html.index('<optgroup label="Elsewhere">')
    assert html.index('<optgroup label="Elsewhere">') < html.index("Aa Gemeentehuis")


def test_staff_and_volunteers_may_not_plan_one_and_do_not_see_the_button(
    veras_signal, sam, vera, client_for, in_a_month
):
    for member in (sam, vera):
        client = client_for(member)
        assert url_of(veras_signal) not in client.get(f"{SIGNALS}{veras_signal.pk}/").content.decode()
        assert client.get(url_of(veras_signal)).status_code == 403
        assert client.post(url_of(veras_signal), plan(veras_signal, in_a_month)).status_code == 403
    assert not Activity.objects.exists()


def test_another_organisation_gets_404(veras_signal, noor, noord, client_for, in_a_month):
    assert client_for(noor).get(url_of(veras_signal)).status_code == 404  # not her organisation
    nadia = make_member(noord, "nadia@noord.test", Role.COORDINATOR)
    url = f"/o/noord-limburg/policy/signals/{veras_signal.pk}/theme-meeting/"
    assert client_for(nadia).get(url).status_code == 404  # a coordinator, but not of this signal
    assert client_for(nadia).post(url, plan(veras_signal, in_a_month)).status_code == 404
    assert not Activity.objects.exists()


def test_the_list_shows_what_came_of_it_and_who_raised_it(
    veras_signal, zuid, sam, ilse, vera, client_for, in_a_month
):
    client_for(ilse).post(url_of(veras_signal), plan(veras_signal, in_a_month))
    services.raise_signal(zuid, {"title": "Pesten op school", "description": "…"}, user=sam.user)
    html = client_for(ilse).get(SIGNALS).content.decode()
    assert f"Theme meeting on {in_a_month:%-d}" in html
    assert "From a volunteer" in html and "Raised by a worker" in html
    veras_list = client_for(vera).get(SIGNALS).content.decode()
    assert "Veel vragen over slapen bij peuters" in veras_list and "From you (volunteer)" in veras_list


def test_the_list_asks_the_database_as_often_for_one_signal_as_for_twelve(
    veras_signal, zuid, ilse, vera, client_for, in_a_month, django_assert_num_queries
):
    client = client_for(ilse)
    client.post(url_of(veras_signal), plan(veras_signal, in_a_month))

    def queries_of_the_list():
        client.get(SIGNALS)  # warm the caches
        with CaptureQueriesContext(connection) as captured:
            assert client.get(SIGNALS).status_code == 200
        return len(captured)

    one = queries_of_the_list()
    for n in range(11):
        signal = services.raise_signal(zuid, {"title": f"Signaal {n}", "description": "…"}, user=vera.user)
        client.post(url_of(signal), plan(signal, in_a_month))
    assert queries_of_the_list() == one
    # The session, the user, the membership, the menu's check, and the signals with their theme
    # meeting's date and whether a volunteer raised them.
    with django_assert_num_queries(5):
        client.get(SIGNALS)
