"""The group offer in the browser: Ilse plans and publishes a four-evening course with a partner;
parents sign up on their phones without an account; the eleventh waits and moves up when someone
cancels; at the door Sam ticks who came and counts heads; a parent evaluates with the QR link."""

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from opvoedwijzer.activities import services
from opvoedwijzer.activities.models import Activity, Attendance, Evaluation, SignUp
from opvoedwijzer.socialmap import services as socialmap
from tests.factories import make_activity

PHONE = {"width": 360, "height": 740}


def cgg_location(zuid):
    partner = socialmap.create_map_organisation(zuid, {"name": "CGG LITP", "partnership": "structural"})
    location = socialmap.create_location(
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
    return partner, location


def test_a_coordinator_plans_a_four_evening_course_with_a_partner_and_publishes_it(
    zuid, ilse, logged_in, check_a11y
):
    partner, location = cgg_location(zuid)
    page = logged_in(ilse)
    page.goto("/o/zuid-limburg/")
    with page.expect_navigation():
        page.click("nav >> text=Het werk")  # the menu group opens, then its item
        page.click("nav >> text=Groepsaanbod")
    check_a11y(page, "activities-empty")
    with page.expect_navigation():
        page.click("text=Nieuwe activiteit")
    page.select_option("#id_kind", "parent_course")
    page.fill("#id_title", "Pubers in huis")
    page.fill("#id_description", "Vier avonden over grenzen, emoties en uitgaan, met het CGG.")
    page.select_option("#id_themes", ["puberty", "boundaries"])
    page.check("input[name=life_stages] >> nth=5")
    page.select_option("#id_partners", str(partner.pk))
    page.fill("#id_capacity", "10")
    first = timezone.localdate() + datetime.timedelta(days=14)
    for n in range(4):
        page.fill(f"#id_sessions-{n}-day", (first + datetime.timedelta(weeks=n)).isoformat())
        page.fill(f"#id_sessions-{n}-start", "19:30")
        page.fill(f"#id_sessions-{n}-end", "21:30")
        page.select_option(f"#id_sessions-{n}-location", str(location.pk))
    page.fill("#id_sessions-0-room", "Zaal 2, bel aan bij Jan")
    # The PII guard speaks up while typing, also in the table of dates.
    expect(page.locator("#id_sessions-0-room_pii_live")).to_contain_text("naam")
    page.fill("#id_sessions-0-room", "Zaal 2")
    expect(page.locator("#id_sessions-0-room_pii_live")).to_be_empty()
    check_a11y(page, "activity-form")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    expect(page.locator(".message--success")).to_be_visible()
    with page.expect_navigation():
        page.click("text=Publiceren in de agenda")
    course = Activity.objects.get()
    assert course.published and course.sessions.count() == 4
    expect(page.locator(".lead")).to_contain_text("in de publieke agenda")
    check_a11y(page, "activity-published")


def test_parents_sign_up_on_their_phones_and_the_eleventh_moves_up(zuid, new_page, check_a11y):
    _partner, location = cgg_location(zuid)
    course = make_activity(zuid, capacity=10, location=location, description="Vier avonden over pubers.")
    for n in range(9):
        services.sign_up(course, name=f"Ouder {n}", people=1)

    # The tenth parent, on a phone without JavaScript, from the home page.
    tenth = new_page(js=False)
    tenth.set_viewport_size(PHONE)
    tenth.goto("/zuid-limburg/")
    with tenth.expect_navigation():
        tenth.click("a[href$='/zuid-limburg/agenda/']")
    check_a11y(tenth, "agenda-phone")
    with tenth.expect_navigation():
        tenth.click("text=Pubers in huis")
    check_a11y(tenth, "agenda-activity-phone")
    tenth.fill("#id_name", "Sofie")
    tenth.fill("#id_contact", "0470 12 34 56")
    with tenth.expect_navigation():
        tenth.click("main form button[type=submit]")
    expect(tenth.locator(".panel--success")).to_contain_text("ingeschreven")
    check_a11y(tenth, "agenda-signed-up-phone")
    assert tenth.evaluate("document.documentElement.scrollWidth") <= 360
    sofies_link = tenth.url.split("?")[0]

    # The eleventh, with JavaScript: the activity is full, the waiting list is offered.
    eleventh = new_page(js=True)
    eleventh.set_viewport_size(PHONE)
    eleventh.goto(f"/zuid-limburg/agenda/{course.pk}/")
    expect(eleventh.locator("main form button[type=submit]")).to_contain_text("wachtlijst")
    eleventh.fill("#id_name", "Karim")
    with eleventh.expect_navigation():
        eleventh.click("main form button[type=submit]")
    expect(eleventh.locator(".panel--success")).to_contain_text("wachtlijst")
    expect(eleventh.locator(".details")).to_contain_text("nummer 1")
    check_a11y(eleventh, "agenda-waiting-phone")

    # Sofie cannot come after all; with her link she cancels, and Karim has a place.
    tenth.goto(sofies_link)
    with tenth.expect_navigation():
        tenth.click("text=Ik kan niet komen")
    expect(tenth.locator(".panel--success")).to_contain_text("geannuleerd")
    check_a11y(tenth, "agenda-cancelled-phone")
    eleventh.reload()
    expect(eleventh.locator(".details")).to_contain_text("Je hebt een plaats")
    assert SignUp.objects.get(name="Karim").status == "confirmed"
    assert SignUp.objects.filter(status="cancelled").get().contact == ""


def test_at_the_door_sam_ticks_who_came_and_counts_heads(zuid, sam, logged_in, check_a11y):
    course = make_activity(zuid, first=timezone.localdate(), sessions=1)
    services.sign_up(course, name="Sofie", people=2, by_staff=True)
    session = course.sessions.get()
    page = logged_in(sam)
    page.set_viewport_size({"width": 800, "height": 900})
    page.goto(f"/o/zuid-limburg/activities/{course.pk}/")
    check_a11y(page, "activity-staff")
    with page.expect_navigation():
        page.click("text=Aanmeldlijst")
    with page.expect_navigation():
        page.click("#signup-1 button, tbody button")
    expect(page.locator("tbody button")).to_have_attribute("aria-pressed", "true")
    check_a11y(page, "check-in")
    with page.expect_navigation():
        page.click("main >> text=Koppen tellen")
    page.select_option("#id_attendance-0-who", "mother")
    page.select_option("#id_attendance-0-municipality", "71053")
    page.fill("#id_attendance-0-count", "2")
    page.select_option("#id_attendance-1-who", "grandparent")
    page.select_option("#id_attendance-1-municipality", "outside")
    page.fill("#id_attendance-1-count", "1")
    check_a11y(page, "head-count")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert sum(Attendance.objects.values_list("count", flat=True)) == 3
    page.goto(f"/o/zuid-limburg/activities/sessions/{session.pk}/evaluation/")
    expect(page.locator(".qr svg")).to_be_visible()
    check_a11y(page, "evaluation-qr")


def test_a_parent_evaluates_on_a_phone(zuid, new_page, check_a11y):
    course = make_activity(zuid, first=timezone.localdate() - datetime.timedelta(days=1), sessions=1)
    session = course.sessions.get()
    page = new_page(js=False)
    page.set_viewport_size(PHONE)
    page.goto(f"/zuid-limburg/evaluate/{session.evaluation_code}/")
    check_a11y(page, "evaluate-phone")
    page.check("#id_overall_4")
    page.check("#id_useful_3")
    page.check("#id_atmosphere_4")
    page.fill("#id_comment", "Fijne avond. Groetjes van Marleen, 0470 99 88 77.")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    expect(page.locator(".panel--success")).to_be_visible()
    stored = Evaluation.objects.get()
    assert (stored.overall, stored.useful, stored.atmosphere) == (5, 4, 5)
    assert "Marleen" not in stored.comment and "0470" not in stored.comment
    expect(page.locator("blockquote")).to_have_text(stored.comment)
    check_a11y(page, "evaluated-phone")
