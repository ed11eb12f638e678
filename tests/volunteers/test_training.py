"""Training: Ilse makes modules with themes and library materials, plans sessions (one of them an activity
of the group offer), records who came; attendance is the completion of the module, once."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from opvoedwijzer.activities.models import Activity
from opvoedwijzer.core.models import Role
from opvoedwijzer.library.models import Resource
from opvoedwijzer.taxonomy.models import Theme
from opvoedwijzer.volunteers import services
from opvoedwijzer.volunteers.models import (
    Status,
    TrainingCompletion,
    TrainingModule,
    TrainingSession,
    Volunteer,
)
from tests.factories import make_member

BASE = "/o/zuid-limburg/volunteers/"


def volunteer(org, name, status=Status.IN_TRAINING):
    made = services.create_volunteer(org, {"name": name})
    Volunteer.objects.filter(pk=made.pk).update(status=status)
    made.refresh_from_db()
    return made


def module_form(**overrides):
    data = {
        "title": "Puberty",
        "description": "What changes, and how to talk about it with parents.",
        "themes": ["puberty"],
        "materials": [],
        "hours": "3",
        "required": "on",
        "position": "1",
    }
    data.update(overrides)
    return data


@pytest.fixture
def puberty(zuid):
    return services.create_module(zuid, {"title": "Puberty", "hours": 3, "required": True, "position": 1})


@pytest.fixture
def session(puberty, days_ago):
    return services.plan_session(puberty, {"date": days_ago(3), "trainer": "CAW"})


@pytest.fixture
def nour(zuid):
    return volunteer(zuid, "Nour")


@pytest.fixture
def els(zuid):
    return volunteer(zuid, "Els")


@pytest.fixture
def booklet(zuid):
    return Resource.objects.create(organisation=zuid, kind="book", title="Pubers opvoeden")


def attend(client, session, *volunteers):
    return client.post(f"{BASE}training/sessions/{session.pk}/", {"attendees": [v.pk for v in volunteers]})


# Modules


def test_ilse_makes_a_module_with_a_theme_and_a_book_from_the_library(ilse, client_for, zuid, booklet):
    response = client_for(ilse).post(f"{BASE}training/new/", module_form(materials=[booklet.pk]))
    module = TrainingModule.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{BASE}training/{module.pk}/"
    assert (module.title, module.hours, module.required) == ("Puberty", 3, True)
    assert [t.code for t in module.themes.all()] == ["puberty"]
    assert list(module.materials.all()) == [booklet]
    page = client_for(ilse).get(f"{BASE}training/{module.pk}/").content.decode()
    assert f'href="/o/zuid-limburg/library/{booklet.pk}/"' in page


def test_a_module_without_a_title_comes_back_with_what_was_typed(ilse, client_for):
    page = client_for(ilse).post(f"{BASE}training/new/", module_form(title="", hours="x"))
    assert page.status_code == 200 and set(page.context["form"].errors) == {"title", "hours"}
    assert "how to talk about it" in page.content.decode() and not TrainingModule.objects.exists()


def test_a_book_of_another_organisation_is_not_a_choice(ilse, client_for, noord):
    theirs = Resource.objects.create(organisation=noord, kind="book", title="Elders")
    page = client_for(ilse).post(f"{BASE}training/new/", module_form(materials=[theirs.pk]))
    assert page.status_code == 200 and page.context["form"].errors["materials"]


def test_ilse_archives_a_module_and_the_list_folds_it_away(ilse, client_for, puberty):
    client = client_for(ilse)
    data = module_form(archived="on", themes=[])
    assert client.post(f"{BASE}training/{puberty.pk}/edit/", data).status_code == 302
    puberty.refresh_from_db()
    assert puberty.archived
    page = client.get(f"{BASE}training/")
    assert page.context["modules"] == [] and page.context["archived"] == [puberty]


def test_the_training_list_counts_completions_and_shows_the_next_session(
    ilse, client_for, puberty, session, nour, today
):
    services.record_training_attendance(session, [nour])
    coming = services.plan_session(puberty, {"date": today + datetime.timedelta(days=7)})
    services.plan_session(puberty, {"date": today + datetime.timedelta(days=21)})
    page = client_for(ilse).get(f"{BASE}training/")
    (row,) = page.context["modules"]
    assert row.completed == 1 and row.next_session == coming.date


# Sessions and attendance


def test_ilse_plans_a_session_that_is_an_activity_of_the_group_offer(ilse, client_for, zuid, puberty, today):
    evening = Activity.objects.create(
        organisation=zuid, kind="theme_meeting", title="Pubers en schermen", capacity=20
    )
    response = client_for(ilse).post(
        f"{BASE}training/{puberty.pk}/sessions/new/",
        {"date": today.isoformat(), "trainer": "Expert of the CAW", "activity": evening.pk},
    )
    session = TrainingSession.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{BASE}training/sessions/{session.pk}/"
    assert session.activity == evening and session.module == puberty
    page = client_for(ilse).get(f"{BASE}training/sessions/{session.pk}/").content.decode()
    assert f'href="/o/zuid-limburg/activities/{evening.pk}/"' in page


def test_a_session_without_a_date_comes_back_with_an_error(ilse, client_for, puberty):
    page = client_for(ilse).post(f"{BASE}training/{puberty.pk}/sessions/new/", {"date": "", "trainer": "CAW"})
    assert page.status_code == 200 and page.context["form"].errors["date"]
    assert not TrainingSession.objects.exists()


def test_attendance_records_the_completion_of_the_module(ilse, client_for, session, nour, els):
    assert attend(client_for(ilse), session, nour).status_code == 302
    completion = TrainingCompletion.objects.get()
    assert (completion.volunteer, completion.module, completion.session) == (nour, session.module, session)
    assert completion.completed_on == session.date


def test_attendance_saved_twice_does_not_count_twice(ilse, client_for, session, nour, els):
    client = client_for(ilse)
    attend(client, session, nour, els)
    attend(client, session, nour, els)
    assert session.attendees.count() == 2
    assert TrainingCompletion.objects.count() == 2


def test_unticking_takes_back_the_attendance_and_the_completion_of_that_session(
    ilse, client_for, session, nour, els
):
    client = client_for(ilse)
    attend(client, session, nour, els)
    attend(client, session, els)
    assert list(session.attendees.all()) == [els]
    assert [c.volunteer for c in TrainingCompletion.objects.all()] == [els]


def test_a_completion_from_elsewhere_stays_when_someone_is_unticked(session, nour, days_ago):
    services.record_completion(nour, {"module": session.module, "completed_on": days_ago(30)})
    services.record_training_attendance(session, [nour])
    services.record_training_attendance(session, [])
    assert TrainingCompletion.objects.get(volunteer=nour).completed_on == days_ago(30)


def test_unticked_from_one_session_still_completed_through_another(session, nour, days_ago):
    earlier = services.plan_session(session.module, {"date": days_ago(10)})
    services.record_training_attendance(session, [nour])
    services.record_training_attendance(earlier, [nour])
    services.record_training_attendance(session, [])
    assert TrainingCompletion.objects.get(volunteer=nour).session == earlier


def test_completing_the_last_module_does_not_make_a_volunteer_active(ilse, client_for, session, nour):
    attend(client_for(ilse), session, nour)
    nour.refresh_from_db()
    assert nour.status == Status.IN_TRAINING
    (row,) = client_for(ilse).get(BASE).context["volunteers"]
    assert row.ready_to_start


def test_the_module_page_shows_who_completed_it_and_who_still_has_to(ilse, client_for, session, nour, els):
    services.record_training_attendance(session, [nour])
    page = client_for(ilse).get(f"{BASE}training/{session.module.pk}/")
    assert [c.volunteer for c in page.context["completions"]] == [nour]
    assert page.context["still"] == [els]


def test_a_volunteer_of_another_organisation_cannot_be_ticked(ilse, client_for, session, noord):
    theirs = volunteer(noord, "Karim")
    page = attend(client_for(ilse), session, theirs)
    assert page.status_code == 200 and page.context["form"].errors["attendees"]
    assert not session.attendees.exists()


# Who may


def test_staff_and_volunteers_may_not_run_the_training(sam, vera, client_for, puberty, session):
    for member in (sam, vera):
        client = client_for(member)
        assert client.get(f"{BASE}training/").status_code == 403
        assert client.get(f"{BASE}training/{puberty.pk}/").status_code == 403
        assert client.post(f"{BASE}training/sessions/{session.pk}/", {}).status_code == 403


def test_noords_coordinator_finds_no_module_or_session_of_zuid(noord, client_for, puberty, session):
    client = client_for(make_member(noord, "nina@noord.test", Role.COORDINATOR))
    assert client.get(f"/o/noord-limburg/volunteers/training/{puberty.pk}/").status_code == 404
    assert client.get(f"/o/noord-limburg/volunteers/training/sessions/{session.pk}/").status_code == 404


def test_themes_are_the_organisations_own(zuid, noord):
    theirs = Theme.objects.filter(organisation=noord).first()
    with pytest.raises(ValidationError, match="themes"):
        services.create_module(zuid, {"title": "X", "themes": [theirs]})
    assert not TrainingModule.objects.exists()


def test_the_training_list_and_a_module_page_ask_the_database_as_often_for_many_as_for_one(
    ilse, client_for, zuid, puberty, session, nour, today, django_assert_num_queries
):
    client = client_for(ilse)
    services.record_training_attendance(session, [nour])
    pages = [f"{BASE}training/", f"{BASE}training/{puberty.pk}/"]
    for page in pages:
        client.get(page)  # warm the caches (session, terms)
    counts = []
    for page in pages:
        with CaptureQueriesContext(connection) as one:
            client.get(page)
        counts.append(len(one.captured_queries))
    themes = list(Theme.objects.filter(organisation=zuid)[:3])
    for n in range(5):
        module = services.create_module(zuid, {"title": f"Module {n}", "hours": 2, "themes": themes})
        later = services.plan_session(module, {"date": today + datetime.timedelta(days=n + 1)})
        services.record_training_attendance(later, [nour, volunteer(zuid, f"V{n}")])
        services.record_training_attendance(
            services.plan_session(puberty, {"date": today + datetime.timedelta(days=n)}), [nour]
        )
    for page, count in zip(pages, counts, strict=True):
        with django_assert_num_queries(count):
            response = client.get(page)
        assert response.status_code == 200
    assert len(client.get(pages[0]).context["modules"]) == 6
