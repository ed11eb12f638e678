"""Sam runs a trajectory from the first call to closure, by keyboard, on a tablet: opens it, agrees two
goals with their start scores, has two sessions with scores, confirms a hypothesis, adds someone to the
network plan and closes it. The page fits a 390 px phone; the core flow works without JavaScript."""

import pytest
from playwright.sync_api import expect

from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.core.models import Role
from opvoedwijzer.taxonomy.models import AskerRole, Theme
from opvoedwijzer.trajectories import services
from opvoedwijzer.trajectories.models import Consultation, Trajectory
from tests.factories import make_member

TABLET = {"width": 820, "height": 1180}
PHONE = {"width": 390, "height": 844}
NEW = "/o/zuid-limburg/trajectories/new/"


def type_into(page, selector, text):
    """Focus a field as Tab would and type, key by key."""
    page.focus(selector)
    page.keyboard.type(text)


def submit_with_enter(page, selector):
    """Enter on a form's button (or in a field of a form marked data-enter-submits)."""
    page.focus(selector)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def open_section(page, summary_text):
    """A form one click away sits in a <details>: Enter on its summary opens it."""
    details = page.locator("details.action", has=page.locator("summary", has_text=summary_text)).first
    if details.get_attribute("open") is None:
        details.locator("summary").focus()
        page.keyboard.press("Enter")
    expect(details).to_have_attribute("open", "")


def fits(page, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def open_by_keyboard(page):
    # Kind (autofocus) · who asked · municipality · life stage · main theme: first letters and Tab.
    expect(page.locator("#id_kind")).to_be_focused()
    for key in ["k", "Tab", "m", "Tab", "s", "Tab", "l", "Tab", "p", "Tab", "Tab"]:
        page.keyboard.press(key)
    expect(page.locator("#id_request")).to_be_focused()
    page.keyboard.type("Onze zoon wil 's morgens niet naar school.")
    page.keyboard.press("Tab")  # the start date: today, filled in
    with page.expect_navigation():
        page.keyboard.press("Enter")


def run_the_trajectory(page, tag):
    open_section(page, "Doel toevoegen")
    type_into(page, "#id_goal-text", "Rustig ontbijten")
    type_into(page, "#id_goal-score", "3")
    submit_with_enter(page, "#id_goal-score")
    open_section(page, "Doel toevoegen")
    type_into(page, "#id_goal-text", "Zelf naar de bus")
    type_into(page, "#id_goal-score", "2")
    submit_with_enter(page, "#id_goal-score")

    trajectory = Trajectory.objects.get()
    first, second = trajectory.goals.all()
    for scores in ((5, 3), (7, 6)):
        open_section(page, "Gesprek toevoegen")
        type_into(page, f"#id_session-score_{first.pk}", str(scores[0]))
        type_into(page, f"#id_session-score_{second.pk}", str(scores[1]))
        submit_with_enter(page, f"#id_session-score_{second.pk}")

    open_section(page, "Hypothese toevoegen")
    type_into(page, "#id_hypothesis-text", "Spanning bij de overgang naar school")
    submit_with_enter(page, "#hypotheses form[data-enter-submits] button")
    hypothesis = trajectory.hypotheses.get()
    open_section(page, "Toetsen")
    page.focus(f"#id_h{hypothesis.pk}-status")
    page.keyboard.press("b")  # bevestigd
    type_into(page, f"#id_h{hypothesis.pk}-support", "Na elke vakantie erger")
    submit_with_enter(page, f"#hypothesis-{hypothesis.pk} ~ details button")

    open_section(page, "Iemand toevoegen die kan helpen")
    type_into(page, "#id_network-role", "grootmoeder")
    submit_with_enter(page, "#id_network-role")

    expect(page.locator("#goals svg polyline")).to_have_count(2)
    expect(page.locator("#goals table tbody tr").first).to_contain_text("+4")
    fits(page, page.viewport_size["width"])
    return trajectory, first, second


def close_it(page, first, second):
    open_section(page, "Traject afsluiten")
    expect(page.locator("#id_close-outcome")).to_have_value("goals_reached")  # the first outcome
    type_into(page, f"#id_close-score_{first.pk}", "8")
    type_into(page, f"#id_close-score_{second.pk}", "8")
    type_into(page, "#id_close-evaluation", "Het gaat veel beter.")
    submit_with_enter(page, "#close button[type=submit]")


@pytest.mark.parametrize("js", [True, False], ids=["with-js", "without-js"])
def test_sam_runs_a_trajectory_from_the_first_call_to_closure_by_keyboard(sam, logged_in, check_a11y, js):
    tag = "js" if js else "nojs"
    page = logged_in(sam, js=js)
    page.set_viewport_size(TABLET)
    page.goto(NEW)
    if js:
        check_a11y(page, "trajectory-new")
        open_by_keyboard(page)
    else:
        page.select_option("#id_kind", "short")
        page.select_option("#id_asker_role", "mother")
        page.select_option("#id_municipality", "71053")
        page.check("#id_life_stages input[value=primary]")
        page.select_option("#id_main_theme", "bullying")
        type_into(page, "#id_request", "Onze zoon wil 's morgens niet naar school.")
        submit_with_enter(page, "form.trajectory-new button[type=submit]")
    code = Trajectory.objects.get().code
    expect(page.locator(".trajectory-code--large")).to_have_text(code)

    trajectory, first, second = run_the_trajectory(page, tag)
    check_a11y(page, f"trajectory-running-{tag}")
    page.set_viewport_size(PHONE)
    fits(page, PHONE["width"])
    check_a11y(page, f"trajectory-running-phone-{tag}")
    page.set_viewport_size(TABLET)

    close_it(page, first, second)
    trajectory.refresh_from_db()
    assert (trajectory.outcome, trajectory.evaluation) == ("goals_reached", "Het gaat veel beter.")
    assert trajectory.sessions.count() == 2 and Contact.objects.count() == 2
    assert [s.score for s in first.scores.all()] == [3, 5, 7, 8]
    hypothesis = trajectory.hypotheses.get()
    assert (hypothesis.status, hypothesis.support) == ("confirmed", "Na elke vakantie erger")
    assert [m.role for m in trajectory.network.all()] == ["grootmoeder"]
    expect(page.locator("#close")).to_contain_text("Het gaat veel beter.")
    check_a11y(page, f"trajectory-closed-{tag}")
    page.set_viewport_size(PHONE)
    fits(page, PHONE["width"])


def test_the_list_and_a_failing_form_fit_a_phone(sam, zuid, logged_in, check_a11y):
    data = {
        "kind": "bridging",
        "municipality": zuid.municipalities.get(code="71053"),
        "asker_role": AskerRole.objects.get(organisation=zuid, code="father"),
        "themes": [Theme.objects.get(organisation=zuid, code="sleep")],
        "request": "Slaapt slecht sinds de verhuis.",
    }
    trajectory = services.open_trajectory(sam, data)
    page = logged_in(sam, js=False)
    page.set_viewport_size(PHONE)
    page.goto("/o/zuid-limburg/trajectories/")
    expect(page.get_by_role("link", name=trajectory.code)).to_be_visible()
    fits(page, PHONE["width"])
    check_a11y(page, "trajectory-list-phone")
    page.goto(f"/o/zuid-limburg/trajectories/{trajectory.pk}/")
    open_section(page, "Doel toevoegen")
    type_into(page, "#id_goal-text", "Rustig ontbijten")
    type_into(page, "#id_goal-score", "11")
    page.focus("#goals form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("#goals .error-summary")).to_be_visible()
    expect(page.locator("#id_goal-text")).to_have_value("Rustig ontbijten")
    fits(page, PHONE["width"])
    check_a11y(page, "trajectory-goal-error-phone")
    page.goto("/o/zuid-limburg/trajectories/consultations/new/")
    fits(page, PHONE["width"])
    check_a11y(page, "consultation-new-phone")


def test_a_coordinator_gives_sams_trajectory_to_a_colleague_by_keyboard_on_a_phone(
    sam, ilse, zuid, logged_in, check_a11y
):
    kim = make_member(zuid, "kim@zuid.test", Role.STAFF)
    data = {
        "kind": "short",
        "municipality": zuid.municipalities.get(code="71053"),
        "asker_role": AskerRole.objects.get(organisation=zuid, code="mother"),
        "themes": [Theme.objects.get(organisation=zuid, code="sleep")],
        "request": "Slaapt slecht.",
    }
    trajectory = services.open_trajectory(sam, data)
    page = logged_in(ilse, js=False)
    page.set_viewport_size(PHONE)
    page.goto(f"/o/zuid-limburg/trajectories/{trajectory.pk}/")
    open_section(page, "Begeleiders kiezen")
    expect(page.locator(f"#counsellors input[value='{sam.user.pk}']")).to_be_checked()
    fits(page, PHONE["width"])
    check_a11y(page, "trajectory-counsellors-phone")
    for member in (sam, kim):  # untick Sam, tick Kim
        page.focus(f"#counsellors input[value='{member.user.pk}']")
        page.keyboard.press("Space")
    submit_with_enter(page, "#counsellors button[type=submit]")
    assert set(trajectory.counsellors.all()) == {kim.user}
    expect(page.locator(f"#counsellors input[value='{kim.user.pk}']")).to_be_checked()


def test_sam_records_an_observation_visit_and_its_follow_up_by_keyboard_without_javascript(
    sam, logged_in, check_a11y
):
    page = logged_in(sam, js=False)
    page.set_viewport_size(PHONE)
    page.goto("/o/zuid-limburg/trajectories/consultations/new/")
    expect(page.locator("#id_kind")).to_be_focused()
    page.keyboard.press("o")  # observatiemoment
    page.keyboard.press("Tab")
    page.keyboard.press("k")  # kinderopvang
    page.focus("#id_municipality")
    page.keyboard.type("Sint-T")
    page.focus("#id_life_stages input[value=toddler]")
    page.keyboard.press("Space")
    page.focus("#id_main_theme")
    page.keyboard.press("p")  # pesten
    type_into(page, "#id_question", "Een peuter bijt andere kinderen.")
    type_into(page, "#id_observed", "Bijten bij drukte aan tafel.")
    type_into(page, "#id_advice", "Een rustige hoek en een vaste begeleider.")
    submit_with_enter(page, "form.consultation-new button[type=submit]")

    visit = Consultation.objects.get()
    assert (visit.kind, visit.professional_kind, visit.municipality.code, visit.main_theme.code) == (
        "observation_visit",
        "childcare",
        "71053",
        "bullying",
    )
    expect(page.locator("h1")).to_contain_text("Observatiemoment")
    open_section(page, "Hypothese toevoegen")
    type_into(page, "#id_hypothesis-text", "Te veel kinderen tegelijk aan tafel")
    submit_with_enter(page, "#hypotheses form[data-enter-submits] button")
    open_section(page, "Doel toevoegen")
    type_into(page, "#id_goal-text", "Rustig eten in kleine groepjes")
    type_into(page, "#id_goal-score", "3")
    submit_with_enter(page, "#goals form button[type=submit]")
    goal = visit.goals.get()
    type_into(page, "#id_follow_up-notes", "Het bijten is bijna weg.")
    type_into(page, f"#id_follow_up-score_{goal.pk}", "8")
    submit_with_enter(page, "#follow-up form button[type=submit]")

    visit.refresh_from_db()
    assert visit.follow_up_notes == "Het bijten is bijna weg." and visit.hypotheses.count() == 1
    assert [s.score for s in goal.scores.all()] == [3, 8]
    expect(page.locator("#follow-up")).to_contain_text("Het bijten is bijna weg.")
    expect(page.locator("#goals")).to_contain_text("+5")
    fits(page, PHONE["width"])
    check_a11y(page, "consultation-page-phone")
    page.goto("/o/zuid-limburg/trajectories/consultations/")
    expect(page.locator(f"a[href$='/consultations/{visit.pk}/']")).to_be_visible()
    fits(page, PHONE["width"])
    check_a11y(page, "consultation-list-phone")


def test_the_overviews_trajectories_section_fits_a_phone(sam, ilse, zuid, logged_in, check_a11y):
    data = {
        "kind": "short",
        "municipality": zuid.municipalities.get(code="71053"),
        "asker_role": AskerRole.objects.get(organisation=zuid, code="mother"),
        "themes": [Theme.objects.get(organisation=zuid, code="sleep")],
        "request": "Slaapt slecht.",
    }
    trajectory = services.open_trajectory(sam, data)
    goal = services.add_goal(trajectory, text="Doorslapen", score=3)
    services.add_session(
        trajectory,
        sam,
        {"date": trajectory.started_on, "kind": "phone", "duration": "5to15", "scores": {goal.pk: 6}},
    )
    page = logged_in(ilse, js=False)
    page.set_viewport_size(PHONE)
    page.goto("/o/zuid-limburg/overview/")
    expect(page.locator("#trajectories")).to_be_visible()
    expect(page.locator("#trajectories-per-theme")).to_be_visible()
    page.locator("#trajectories").scroll_into_view_if_needed()
    fits(page, PHONE["width"])
    check_a11y(page, "overview-trajectories-phone")
