"""Volunteers' profiles and the overview: Ilse recruits, staff find who speaks a family's language, a
status changes only as the programme allows; who may see what."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import resolve

from opvoedwijzer.contacts.models import CONTACT_LANGUAGES
from opvoedwijzer.core.models import Membership, Municipality, Role
from opvoedwijzer.core.navigation import groups_for
from opvoedwijzer.volunteers import services
from opvoedwijzer.volunteers.models import CheckIn, Status, TrainingModule, Volunteer
from tests.factories import make_member

BASE = "/o/zuid-limburg/volunteers/"
SINT_TRUIDEN, GINGELOM = "71053", "71017"


def area(code):
    return Municipality.objects.official().get(code=code)


def profile(org, name, *, languages=(), areas=(), status=Status.CANDIDATE, membership=None):
    volunteer = services.create_volunteer(
        org,
        {
            "name": name,
            "membership": membership,
            "languages": list(languages),
            "neighbourhoods": [area(code) for code in areas],
            "availability": "",
            "started_on": None,
        },
    )
    if status != Status.CANDIDATE:
        Volunteer.objects.filter(pk=volunteer.pk).update(status=status)
        volunteer.refresh_from_db()
    return volunteer


def new_profile_form(**overrides):
    data = {
        "name": "Nour",
        "membership": "",
        "neighbourhoods": [str(area(SINT_TRUIDEN).pk)],
        "languages": ["ar", "nl"],
        "availability": "Tuesday afternoons, school gate De Linde",
        "started_on": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def puberty(zuid):
    return services.create_module(
        zuid, {"title": "Puberty", "hours": 3, "required": True, "position": 1, "archived": False}
    )


# Recruiting


def test_ilse_recruits_a_candidate_with_her_languages_and_neighbourhood(ilse, client_for):
    response = client_for(ilse).post(f"{BASE}new/", new_profile_form())
    nour = Volunteer.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{BASE}{nour.pk}/"
    assert nour.status == Status.CANDIDATE and nour.organisation == ilse.organisation
    assert sorted(row.language for row in nour.languages.all()) == ["ar", "nl"]
    assert [m.code for m in nour.neighbourhoods.all()] == [SINT_TRUIDEN]
    assert nour.availability == "Tuesday afternoons, school gate De Linde"


def test_the_profile_form_offers_the_served_municipalities_as_neighbourhoods(ilse, client_for):
    form = client_for(ilse).get(f"{BASE}new/").context["form"]
    codes = {m.code for m in form.fields["neighbourhoods"].queryset}
    assert codes == {"71053", "71017", "73022"}


def test_ilse_changes_languages_and_neighbourhoods(ilse, client_for, zuid):
    nour = profile(zuid, "Nour", languages=["ar"], areas=[SINT_TRUIDEN])
    data = new_profile_form(
        languages=["tr"], neighbourhoods=[str(area(GINGELOM).pk)], availability="Mornings"
    )
    response = client_for(ilse).post(f"{BASE}{nour.pk}/edit/", data)
    assert response.status_code == 302
    assert [row.language for row in nour.languages.all()] == ["tr"]
    assert [m.code for m in nour.neighbourhoods.all()] == [GINGELOM]


def test_a_phone_number_in_the_availability_is_refused_and_what_was_typed_is_kept(ilse, client_for):
    typed = "Call the mother on 0471 23 45 67 on Tuesdays"
    page = client_for(ilse).post(f"{BASE}new/", new_profile_form(availability=typed))
    html = page.content.decode()
    assert page.status_code == 200 and 'name="availability_pii_redact"' in html
    assert "on Tuesdays" in html and "Nour" in html
    assert not Volunteer.objects.exists()


def test_a_profile_without_a_name_comes_back_with_an_error(ilse, client_for):
    page = client_for(ilse).post(f"{BASE}new/", new_profile_form(name=""))
    assert page.status_code == 200 and page.context["form"].errors["name"]
    assert not Volunteer.objects.exists()


def test_an_account_without_a_profile_is_listed_and_gives_the_name_to_a_new_profile(ilse, vera, client_for):
    client = client_for(ilse)
    overview = client.get(BASE)
    assert list(overview.context["accounts"]) == [vera]
    form = client.get(f"{BASE}new/", {"account": vera.pk}).context["form"]
    assert form.initial == {"membership": vera.pk, "name": "Vera"}
    client.post(f"{BASE}new/", new_profile_form(name="Vera", membership=str(vera.pk)))
    assert Volunteer.objects.get().membership == vera
    assert list(client.get(BASE).context["accounts"]) == []


def test_an_account_that_already_has_a_profile_cannot_get_a_second(ilse, vera, client_for, zuid):
    profile(zuid, "Vera", membership=vera)
    page = client_for(ilse).post(f"{BASE}new/", new_profile_form(membership=str(vera.pk)))
    assert page.status_code == 200 and page.context["form"].errors["membership"]
    assert Volunteer.objects.count() == 1


# The overview


def test_staff_sam_filters_the_overview_on_arabic_and_finds_nour(sam, client_for, zuid):
    nour = profile(zuid, "Nour", languages=["ar", "nl"], areas=[SINT_TRUIDEN], status=Status.ACTIVE)
    profile(zuid, "Els", languages=["nl"], areas=[SINT_TRUIDEN], status=Status.ACTIVE)
    page = client_for(sam).get(BASE, {"language": "ar"})
    assert page.status_code == 200 and page.context["volunteers"] == [nour]
    arabic = str(dict(CONTACT_LANGUAGES)["ar"])  # in the language the page was made in
    assert (arabic, ["Nour"]) in page.context["by_language"]
    assert ("Sint-Truiden", ["Els", "Nour"]) in page.context["by_area"]


def test_the_overview_filters_on_neighbourhood_and_leaves_out_who_stopped(sam, client_for, zuid):
    nour = profile(zuid, "Nour", areas=[SINT_TRUIDEN], status=Status.ACTIVE)
    profile(zuid, "Els", areas=[GINGELOM], status=Status.ACTIVE)
    gone = profile(zuid, "Bart", areas=[SINT_TRUIDEN], status=Status.STOPPED)
    client = client_for(sam)
    assert client.get(BASE, {"neighbourhood": area(SINT_TRUIDEN).pk}).context["volunteers"] == [nour]
    assert client.get(BASE, {"status": "stopped"}).context["volunteers"] == [gone]


def test_a_wrong_filter_value_is_an_error_and_no_500(sam, client_for, zuid):
    profile(zuid, "Nour")
    page = client_for(sam).get(BASE, {"language": "xx", "neighbourhood": "abc"})
    assert page.status_code == 200 and set(page.context["form"].errors) == {"language", "neighbourhood"}
    assert len(page.context["volunteers"]) == 1


def test_the_overview_shows_training_progress_and_who_is_ready_to_start(ilse, client_for, zuid, puberty):
    services.create_module(zuid, {"title": "Social map", "hours": 2, "required": True, "position": 2})
    ready = profile(zuid, "Nour", status=Status.IN_TRAINING)
    services.record_completion(ready, {"module": puberty})
    services.record_completion(ready, {"module": TrainingModule.objects.get(title="Social map")})
    starting = profile(zuid, "Els", status=Status.IN_TRAINING)
    services.record_completion(starting, {"module": puberty})
    page = client_for(ilse).get(BASE)
    rows = {v.name: v for v in page.context["volunteers"]}
    assert (rows["Nour"].required_done, rows["Nour"].ready_to_start) == (2, True)
    assert (rows["Els"].required_done, rows["Els"].ready_to_start) == (1, False)
    assert page.context["required_total"] == 2


def test_the_last_check_in_shows_for_coordinators_only(ilse, sam, client_for, zuid, today):
    nour = profile(zuid, "Nour")
    CheckIn.objects.create(volunteer=nour, date=today, topics="First weeks")
    day = today.strftime("%d-%m-%Y")
    coordinator_page = client_for(ilse).get(BASE)
    assert coordinator_page.context["volunteers"][0].last_check_in == today
    assert day in coordinator_page.content.decode()
    assert day not in client_for(sam).get(BASE).content.decode()


@pytest.mark.parametrize("who", ["sam", "ilse"])
def test_the_overview_asks_the_database_as_often_for_ten_volunteers_as_for_one(
    who, request, client_for, zuid, puberty, django_assert_num_queries
):
    client = client_for(request.getfixturevalue(who))
    profile(zuid, "V0", languages=["ar"], areas=[SINT_TRUIDEN], status=Status.ACTIVE)
    make_member(zuid, "new0@zuid.test", Role.VOLUNTEER)  # an account without a profile
    client.get(BASE)  # warm the caches (session, terms)
    with CaptureQueriesContext(connection) as one:
        client.get(BASE)
    for n in range(1, 10):
        volunteer = profile(zuid, f"V{n}", languages=["ar", "tr"], areas=[SINT_TRUIDEN, GINGELOM])
        services.record_completion(volunteer, {"module": puberty})
        CheckIn.objects.create(volunteer=volunteer, topics="Start")
        make_member(zuid, f"new{n}@zuid.test", Role.VOLUNTEER)
    with django_assert_num_queries(len(one.captured_queries)):
        page = client.get(BASE)
    assert len(page.context["volunteers"]) == 10
    assert len(page.context["accounts"]) == (10 if who == "ilse" else 0)


# Status


def test_activation_is_refused_while_required_modules_are_missing_and_names_them(
    ilse, client_for, zuid, puberty
):
    nour = profile(zuid, "Nour", status=Status.IN_TRAINING)
    page = client_for(ilse).post(f"{BASE}{nour.pk}/status/", {"status": "active"})
    html = page.content.decode()
    assert page.status_code == 200 and "Puberty" in html
    assert f"{BASE}{nour.pk}/completions/new/?module={puberty.pk}" in html
    nour.refresh_from_db()
    assert nour.status == Status.IN_TRAINING


def test_activation_after_the_module_was_followed_elsewhere_sets_the_start_date(
    ilse, client_for, zuid, puberty, today
):
    nour = profile(zuid, "Nour", status=Status.IN_TRAINING)
    client = client_for(ilse)
    followed = client.post(
        f"{BASE}{nour.pk}/completions/new/", {"module": puberty.pk, "completed_on": today.isoformat()}
    )
    assert followed.status_code == 302
    assert client.post(f"{BASE}{nour.pk}/status/", {"status": "active"}).status_code == 302
    nour.refresh_from_db()
    assert (nour.status, nour.status_since, nour.started_on) == (Status.ACTIVE, today, today)


def test_a_module_completed_twice_elsewhere_is_refused_the_second_time(
    ilse, client_for, zuid, puberty, today
):
    nour = profile(zuid, "Nour")
    services.record_completion(nour, {"module": puberty, "completed_on": today})
    page = client_for(ilse).post(
        f"{BASE}{nour.pk}/completions/new/", {"module": puberty.pk, "completed_on": today.isoformat()}
    )
    assert page.status_code == 200 and page.context["form"].errors["module"]
    assert nour.completions.count() == 1


def test_stopping_closes_the_volunteers_account_and_the_page_says_so(ilse, vera, client_for, zuid, today):
    veras = profile(zuid, "Vera", membership=vera, status=Status.ACTIVE)
    client = client_for(ilse)
    response = client.post(f"{BASE}{veras.pk}/status/", {"status": "stopped"}, follow=True)
    vera.refresh_from_db()
    veras.refresh_from_db()
    assert veras.status == Status.STOPPED and veras.status_since == today
    assert not vera.is_active
    assert response.context["account_closed"]  # the page says the account is closed


def test_a_status_change_is_a_post_with_a_known_status(ilse, client_for, zuid):
    nour = profile(zuid, "Nour")
    client = client_for(ilse)
    assert client.get(f"{BASE}{nour.pk}/status/").status_code == 405
    page = client.post(f"{BASE}{nour.pk}/status/", {"status": "retired"})
    assert page.status_code == 200 and page.context["status_form"].errors["status"]


# Who may see what


def test_the_profile_page_shows_the_training_still_to_follow_required_first(sam, client_for, zuid, puberty):
    services.create_module(zuid, {"title": "Storytelling", "hours": 1, "required": False, "position": 0})
    nour = profile(zuid, "Nour")
    page = client_for(sam).get(f"{BASE}{nour.pk}/")
    assert page.status_code == 200
    assert [m.title for m in page.context["to_follow"]] == ["Puberty", "Storytelling"]
    assert page.context["status_form"] is None  # staff read; coordinators change


def test_volunteer_vera_gets_403_on_the_overview_and_on_profiles(vera, client_for, zuid):
    nour = profile(zuid, "Nour")
    client = client_for(vera)
    assert client.get(BASE).status_code == 403
    assert client.get(f"{BASE}{nour.pk}/").status_code == 403


def test_funder_fons_gets_403_on_the_overview(fons, client_for):
    assert client_for(fons).get(BASE).status_code == 403


def test_staff_sam_may_not_make_or_change_profiles(sam, client_for, zuid):
    nour = profile(zuid, "Nour")
    client = client_for(sam)
    assert client.get(f"{BASE}new/").status_code == 403
    assert client.post(f"{BASE}{nour.pk}/status/", {"status": "active"}).status_code == 403


def test_noor_finds_no_volunteer_of_zuid_in_her_own_organisation(noor, client_for, zuid):
    nour = profile(zuid, "Nour")
    assert client_for(noor).get(f"/o/noord-limburg/volunteers/{nour.pk}/").status_code == 404


def test_an_account_of_another_organisation_cannot_be_linked(zuid, noord):
    theirs = make_member(noord, "karim@noord.test", Role.VOLUNTEER)
    with pytest.raises(ValidationError, match="account"):
        services.create_volunteer(zuid, {"name": "Karim", "membership": theirs})
    assert not Volunteer.objects.exists() and Membership.objects.get(pk=theirs.pk).is_active


# The menu


def current_items(membership, path):
    """The menu items marked as the current page on `path`."""
    return [i["url"] for g in groups_for(membership, resolve(path)) for i in g["items"] if i["current"]]


def test_the_menu_marks_volunteers_on_the_programme_pages_and_only_reflection_meetings_on_theirs(
    ilse, sam, vera, zuid
):
    nour = profile(zuid, "Nour")
    assert current_items(ilse, f"{BASE}{nour.pk}/") == [BASE]
    assert current_items(ilse, f"{BASE}training/") == [BASE]
    assert current_items(sam, BASE) == [BASE]
    assert current_items(ilse, f"{BASE}reflection/") == [f"{BASE}reflection/"]
    assert current_items(vera, f"{BASE}me/") == [f"{BASE}me/"]  # volunteers see "My volunteer work" only


def test_changing_the_profile_of_a_volunteer_who_stopped_keeps_the_link_to_the_closed_account(
    ilse, vera, client_for, zuid
):
    veras = profile(zuid, "Vera", membership=vera, status=Status.ACTIVE)
    services.change_status(veras, Status.STOPPED)
    client = client_for(ilse)
    form = client.get(f"{BASE}{veras.pk}/edit/").context["form"]
    assert vera in form.fields["membership"].queryset
    data = new_profile_form(name="Vera", membership=str(vera.pk), availability="")
    assert client.post(f"{BASE}{veras.pk}/edit/", data).status_code == 302
    veras.refresh_from_db()
    assert veras.membership == vera
