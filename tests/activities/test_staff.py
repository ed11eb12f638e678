"""Staff organise the group offer: a coordinator plans a four-evening course with a partner and
publishes it; at the door staff tick who came and count heads; afterwards they read the evaluations."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from opvoedwijzer.activities import services
from opvoedwijzer.activities.models import Activity, Attendance, Evaluation, SignUp
from opvoedwijzer.socialmap import services as socialmap
from tests.factories import make_activity

BASE = "/o/zuid-limburg/activities/"


@pytest.fixture
def cgg(zuid):
    partner = socialmap.create_map_organisation(zuid, {"name": "CGG LITP", "partnership": "structural"})
    location = socialmap.create_location(
        zuid,
        {
            "map_organisation": partner,
            "name": "CGG Sint-Truiden",
            "municipality": zuid.municipalities.get(code="71053"),
        },
    )
    return partner, location


def course_form(location, **overrides):
    day = timezone.localdate() + datetime.timedelta(days=14)
    data = {
        "kind": "parent_course",
        "title": "Pubers in huis",
        "description": "Vier avonden over grenzen, emoties en uitgaan.",
        "themes": ["puberty", "boundaries"],
        "life_stages": [],
        "audience": "parents",
        "language": "nl",
        "target_group": "",
        "price": "0",
        "capacity": "10",
        "sessions-TOTAL_FORMS": "4",
        "sessions-INITIAL_FORMS": "0",
        "sessions-MIN_NUM_FORMS": "0",
        "sessions-MAX_NUM_FORMS": "1000",
    }
    for n in range(4):
        data |= {
            f"sessions-{n}-day": (day + datetime.timedelta(weeks=n)).isoformat(),
            f"sessions-{n}-start": "19:30",
            f"sessions-{n}-end": "21:30",
            f"sessions-{n}-location": str(location.pk),
            f"sessions-{n}-room": "Zaal 2",
        }
    return data | overrides


def test_a_coordinator_plans_a_four_evening_course_with_a_partner_and_publishes_it(ilse, client_for, cgg):
    partner, location = cgg
    client = client_for(ilse)
    response = client.post(f"{BASE}new/", course_form(location, partners=[str(partner.pk)]))
    assert response.status_code == 302
    course = Activity.objects.get()
    assert course.sessions.count() == 4
    assert list(course.partners.all()) == [partner]
    assert not course.published

    client.post(f"{BASE}{course.pk}/publish/", {"published": "1"})
    course.refresh_from_db()
    assert course.published
    assert "Pubers in huis" in client.get("/zuid-limburg/agenda/").content.decode()


def test_the_form_keeps_what_was_typed_when_a_date_is_wrong(ilse, client_for, cgg):
    _partner, location = cgg
    data = course_form(location, **{"sessions-2-end": "18:00"})
    response = client_for(ilse).post(f"{BASE}new/", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Pubers in huis"' in html
    assert Activity.objects.count() == 0


def test_an_activity_needs_a_date(ilse, client_for, cgg):
    _partner, location = cgg
    data = course_form(location, **{"sessions-TOTAL_FORMS": "0"})
    response = client_for(ilse).post(f"{BASE}new/", data)
    assert response.status_code == 200
    assert Activity.objects.count() == 0


def test_changing_a_date_and_deleting_one(ilse, client_for, cgg, zuid):
    _partner, location = cgg
    course = make_activity(zuid, location=location)
    first, second, *_ = course.sessions.all()
    data = course_form(location)
    data |= {"sessions-TOTAL_FORMS": "5", "sessions-INITIAL_FORMS": "4"}
    for n, session in enumerate(course.sessions.all()):
        local = timezone.localtime(session.starts_at)
        data |= {
            f"sessions-{n}-pk": str(session.pk),
            f"sessions-{n}-day": local.date().isoformat(),
            f"sessions-{n}-start": "19:30",
            f"sessions-{n}-end": "21:30",
        }
    data["sessions-0-start"] = "20:00"
    data["sessions-1-DELETE"] = "on"
    for field in ("day", "start", "end", "location", "room"):
        data.pop(f"sessions-4-{field}", None)
    response = client_for(ilse).post(f"{BASE}{course.pk}/edit/", data)
    assert response.status_code == 302
    assert course.sessions.count() == 3
    first.refresh_from_db()
    assert timezone.localtime(first.starts_at).time() == datetime.time(20, 0)
    assert not course.sessions.filter(pk=second.pk).exists()


def test_places_cannot_drop_below_the_confirmed_people(ilse, client_for, zuid, cgg):
    _partner, location = cgg
    course = make_activity(zuid, location=location)
    for n in range(6):
        services.sign_up(course, name=f"Ouder {n}", people=1)
    data = course_form(location, capacity="5", **{"sessions-TOTAL_FORMS": "0"})
    response = client_for(ilse).post(f"{BASE}{course.pk}/edit/", data)
    assert response.status_code == 200
    assert "6" in response.content.decode()
    course.refresh_from_db()
    assert course.capacity == 10


def test_staff_sign_up_someone_who_calls_and_see_the_lists(sam, client_for, zuid):
    course = make_activity(zuid, capacity=1)
    client = client_for(sam)
    client.post(
        f"{BASE}{course.pk}/", {"signup-name": "Els", "signup-people": "1", "signup-contact": "0470 11 22 33"}
    )
    client.post(f"{BASE}{course.pk}/", {"signup-name": "Karim", "signup-people": "1"})
    html = client.get(f"{BASE}{course.pk}/").content.decode()
    assert "0470 11 22 33" in html  # staff can call her
    assert list(SignUp.objects.values_list("name", "status")) == [("Els", "confirmed"), ("Karim", "waiting")]

    els = SignUp.objects.get(name="Els")
    client.post(f"{BASE}signups/{els.pk}/cancel/")
    assert SignUp.objects.get(name="Karim").status == "confirmed"


def test_cancelling_the_activity_sends_the_message(
    ilse, client_for, zuid, django_capture_on_commit_callbacks
):
    course = make_activity(zuid)
    services.sign_up(course, name="Sofie", people=1, contact="sofie@example.org")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(ilse).post(
            f"{BASE}{course.pk}/cancel/", {"cancel-message": "De spreker is ziek."}
        )
    assert response.status_code == 302
    course.refresh_from_db()
    assert course.cancelled_on == timezone.localdate()
    assert "De spreker is ziek." in mail.outbox[0].body


def test_the_check_in_list_and_the_head_count(sam, client_for, zuid):
    course = make_activity(zuid, first=timezone.localdate(), sessions=1)
    sofie, _ = services.sign_up(course, name="Sofie", people=2, by_staff=True)
    session = course.sessions.get()
    client = client_for(sam)
    client.post(f"{BASE}sessions/{session.pk}/check-in/", {"signup": sofie.pk, "present": "1"})
    html = client.get(f"{BASE}sessions/{session.pk}/check-in/").content.decode()
    assert "Sofie" in html and 'aria-pressed="true"' in html

    form = {
        "attendance-TOTAL_FORMS": "3",
        "attendance-INITIAL_FORMS": "0",
        "attendance-0-who": "mother",
        "attendance-0-municipality": "71053",
        "attendance-0-count": "5",
        "attendance-1-who": "grandparent",
        "attendance-1-municipality": "outside",
        "attendance-1-count": "2",
        "attendance-2-who": "mother",
        "attendance-2-municipality": "71053",
        "attendance-2-count": "1",
    }
    assert client.post(f"{BASE}sessions/{session.pk}/attendance/", form).status_code == 302
    rows = sorted(Attendance.objects.values_list("who__code", "area", "municipality__code", "count"))
    assert rows == [("grandparent", "outside", None, 2), ("mother", "municipality", "71053", 6)]
    # Saving again replaces, it does not add.
    client.post(f"{BASE}sessions/{session.pk}/attendance/", form)
    assert Attendance.objects.count() == 2


def test_an_incomplete_head_count_row_is_refused_with_what_was_typed(sam, client_for, zuid):
    course = make_activity(zuid, first=timezone.localdate(), sessions=1)
    session = course.sessions.get()
    form = {
        "attendance-TOTAL_FORMS": "1",
        "attendance-INITIAL_FORMS": "0",
        "attendance-0-who": "father",
        "attendance-0-count": "3",
    }
    response = client_for(sam).post(f"{BASE}sessions/{session.pk}/attendance/", form)
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert Attendance.objects.count() == 0


def test_the_evaluation_link_has_a_qr_code_and_the_results_show(sam, client_for, zuid):
    course = make_activity(zuid, first=timezone.localdate() - datetime.timedelta(days=1), sessions=1)
    session = course.sessions.get()
    html = client_for(sam).get(f"{BASE}sessions/{session.pk}/evaluation/").content.decode()
    assert "<svg" in html
    assert f"/zuid-limburg/evaluate/{session.evaluation_code}/" in html
    services.evaluate(session, overall=5, useful=4, atmosphere=3, comment="Heel leerrijk.")
    services.evaluate(session, overall=4, useful=4, atmosphere=5)
    page = client_for(sam).get(f"{BASE}{course.pk}/").content.decode()
    assert "4,5" in page or "4.5" in page
    assert "Heel leerrijk." in page
    assert Evaluation.objects.count() == 2


def test_volunteers_help_at_the_door_but_do_not_plan(vera, client_for, zuid):
    course = make_activity(zuid)
    client = client_for(vera)
    assert client.get(BASE).status_code == 200
    assert client.get(f"{BASE}{course.pk}/").status_code == 200
    assert client.get(f"{BASE}new/").status_code == 403
    assert client.post(f"{BASE}{course.pk}/publish/", {"published": "0"}).status_code == 403


def test_funders_do_not_see_the_sign_ups(fons, client_for, zuid):
    course = make_activity(zuid)
    assert client_for(fons).get(f"{BASE}{course.pk}/").status_code == 403


def test_the_list_pins_its_queries(sam, client_for, zuid, django_assert_max_num_queries):
    for n in range(5):
        make_activity(zuid, title=f"Avond {n}")
    client = client_for(sam)
    with django_assert_max_num_queries(8):  # 6 today, whatever the number of activities
        assert client.get(BASE).status_code == 200


def test_a_session_with_a_head_count_cannot_be_deleted(ilse, client_for, zuid, cgg):
    _partner, location = cgg
    course = make_activity(
        zuid, first=timezone.localdate() - datetime.timedelta(days=7), sessions=2, location=location
    )
    held = course.sessions.first()
    services.record_attendance(
        held,
        [{"who": zuid_role(zuid, "mother"), "area": "outside", "municipality": None, "count": 4}],
    )
    data = course_form(location, **{"sessions-TOTAL_FORMS": "2", "sessions-INITIAL_FORMS": "2"})
    for n, session in enumerate(course.sessions.all()):
        local = timezone.localtime(session.starts_at)
        data |= {f"sessions-{n}-pk": str(session.pk), f"sessions-{n}-day": local.date().isoformat()}
    data["sessions-0-DELETE"] = "on"
    response = client_for(ilse).post(f"{BASE}{course.pk}/edit/", data)
    assert response.status_code == 200
    assert course.sessions.count() == 2
    assert Attendance.objects.count() == 1


def zuid_role(zuid, code):
    from opvoedwijzer.taxonomy.models import AskerRole

    return AskerRole.objects.get(organisation=zuid, code=code)


def test_the_activity_page_pins_its_queries(sam, client_for, zuid, django_assert_max_num_queries):
    course = make_activity(zuid, first=timezone.localdate() - datetime.timedelta(days=7), sessions=4)
    for n in range(12):
        services.sign_up(course, name=f"Ouder {n}", people=1, contact="0470 00 00 00", by_staff=True)
    for session in course.sessions.all():
        services.evaluate(session, overall=4, useful=4, atmosphere=4, comment="Fijn.")
    client = client_for(sam)
    with django_assert_max_num_queries(15):  # 13 today, whatever the number of sign-ups
        assert client.get(f"{BASE}{course.pk}/").status_code == 200


def test_a_course_planned_again_keeps_everything_but_the_dates(ilse, client_for, zuid, cgg):
    partner, location = cgg
    course = make_activity(zuid, location=location, target_group="vaders")
    course.partners.set([partner])
    services.sign_up(course, name="Sofie", people=1)
    response = client_for(ilse).post(f"{BASE}{course.pk}/copy/")
    copy = Activity.objects.exclude(pk=course.pk).get()
    assert response["Location"] == f"{BASE}{copy.pk}/edit/"
    assert (copy.title, copy.target_group, copy.capacity, copy.published) == (
        "Pubers in huis",
        "vaders",
        10,
        False,
    )
    assert list(copy.partners.all()) == [partner]
    assert copy.sessions.count() == 0 and copy.signups.count() == 0


def test_who_signed_up_hears_that_a_date_moved(
    ilse, client_for, zuid, cgg, django_capture_on_commit_callbacks
):
    _partner, location = cgg
    course = make_activity(zuid, location=location, sessions=1)
    services.sign_up(course, name="Sofie", people=1, contact="sofie@example.org")
    services.sign_up(course, name="Els", people=1)
    session = course.sessions.get()
    local = timezone.localtime(session.starts_at)
    data = course_form(location, **{"sessions-TOTAL_FORMS": "1", "sessions-INITIAL_FORMS": "1"})
    data |= {
        "sessions-0-pk": str(session.pk),
        "sessions-0-day": local.date().isoformat(),
        "sessions-0-start": "20:00",
        "sessions-0-end": "22:00",
    }
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client_for(ilse).post(f"{BASE}{course.pk}/edit/", data)
    assert [m.to for m in mail.outbox] == [["sofie@example.org"]]
    assert "20:00" in mail.outbox[0].body
    # Saving without a change tells nobody.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client_for(ilse).post(f"{BASE}{course.pk}/edit/", data)
    assert mail.outbox == []


def test_the_head_count_on_the_activity_page_is_not_multiplied_by_the_evaluations(sam, client_for, zuid):
    course = make_activity(zuid, first=timezone.localdate() - datetime.timedelta(days=1), sessions=1)
    session = course.sessions.get()
    services.record_attendance(
        session,
        [
            {"who": zuid_role(zuid, "mother"), "area": "outside", "municipality": None, "count": 4},
            {"who": zuid_role(zuid, "father"), "area": "outside", "municipality": None, "count": 3},
        ],
    )
    for _ in range(3):
        services.evaluate(session, overall=4, useful=4, atmosphere=4)
    page = client_for(sam).get(f"{BASE}{course.pk}/").content.decode()
    row = page[page.index("<tbody>", page.index("Gekomen")) :]
    cells = [c.strip() for c in re.findall(r"<td>(.*?)</td>", row[: row.index("</tr>")], re.S)]
    assert cells[2:4] == ["7", "3"]  # came, evaluations


def test_a_confirmed_title_and_room_are_audited_when_the_activity_is_saved_not_before(ilse, client_for, cgg):
    from opvoedwijzer.privacy.models import AuditAction, AuditEvent

    _partner, location = cgg
    data = course_form(
        location,
        title="Oudercursus bij Jan Peeters",
        title_pii_reason="Jan Peeters is de naam van de zaal",
        **{"sessions-0-room": "bel 0470 12 34 56", "room_pii_reason": "nummer van het onthaal"},
    )
    client = client_for(ilse)
    response = client.post(f"{BASE}new/", dict(data, capacity="-1"))
    assert response.status_code == 200 and Activity.objects.count() == 0
    assert not AuditEvent.objects.filter(action=AuditAction.PII_CONFIRMED).exists()
    assert client.post(f"{BASE}new/", data).status_code == 302
    events = AuditEvent.objects.filter(action=AuditAction.PII_CONFIRMED).order_by("id")
    assert [(e.actor, e.detail["form"], e.detail["field"]) for e in events] == [
        (ilse.user, "ActivityForm", "title"),
        (ilse.user, "SessionForm", "room"),
    ]


def test_a_name_in_the_title_or_the_room_is_caught_by_the_pii_guard(ilse, client_for, cgg):
    _partner, location = cgg
    data = course_form(
        location, title="Oudercursus bij Jan Peeters", **{"sessions-0-room": "bel 0470 12 34 56"}
    )
    response = client_for(ilse).post(f"{BASE}new/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_title_error"' in html
    assert 'id="id_sessions-0-room_error"' in html
    assert 'id="id_description_error"' not in html
    assert Activity.objects.count() == 0
