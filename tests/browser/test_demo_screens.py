"""The screens `seed_demo` fills (issue 14, item 6), in a real browser on a 390 px phone: the library
with its loans and reservation, the web questions in every state, meetings and signals, a consultation
whose follow-up was held, and the
parent's side of the demo question — each passes axe with the demo's own data on it and fits the
screen without sideways scrolling, without JavaScript."""

import io

from django.core.management import call_command
from playwright.sync_api import expect

from opvoedwijzer.core.models import Membership
from opvoedwijzer.demo import questions as questions_demo
from opvoedwijzer.demo.management.commands.seed_demo import DEMO_PASSWORD
from opvoedwijzer.library.models import Loan, Resource
from opvoedwijzer.policy.models import Meeting, MeetingAction
from opvoedwijzer.questions.models import Question, Status
from opvoedwijzer.trajectories.models import Consultation
from tests.browser.conftest import log_in

PHONE = {"width": 390, "height": 844}


def fits_the_phone(page, too_wide):
    """Note the page when it is wider than the phone (all are asserted at the end, so that one run
    names every page that scrolls sideways)."""
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > PHONE["width"]:
        too_wide.append(f"{page.url}: {width} px")


def test_a_demo_staff_member_finds_every_screen_filled_on_a_phone(new_page, check_a11y):
    call_command("seed_demo", stdout=io.StringIO())
    staff = Membership.objects.get(user__email="staff@zuid-limburg.demo")
    page = log_in(new_page(js=False), staff, password=DEMO_PASSWORD)
    page.set_viewport_size(PHONE)
    org = "/o/zuid-limburg"
    too_wide = []

    page.goto(f"{org}/library/")
    expect(page.locator("main")).to_contain_text("Pubers in huis")
    expect(page.locator("main")).to_contain_text("@example.org")
    check_a11y(page, "demo-library-phone")
    fits_the_phone(page, too_wide)
    overdue = Loan.objects.overdue().select_related("copy__resource").first()
    page.goto(f"{org}/library/{overdue.copy.resource_id}/")
    expect(page.locator("main")).to_contain_text(overdue.copy.barcode)
    check_a11y(page, "demo-library-desk-phone")
    fits_the_phone(page, too_wide)

    for status in Status.values:
        page.goto(f"{org}/questions/?status={status}")
        expect(page.locator("main table tbody tr").first).to_be_visible()
        check_a11y(page, f"demo-questions-{status}-phone")
        fits_the_phone(page, too_wide)
    replied = Question.objects.filter(organisation__slug="zuid-limburg", messages__from_parent=True).first()
    page.goto(f"{org}/questions/{replied.pk}/")
    expect(page.locator("main")).to_contain_text("Kunnen we ook eens langskomen")
    check_a11y(page, "demo-question-replied-phone")
    fits_the_phone(page, too_wide)

    page.goto(f"{org}/policy/meetings/")
    this_year = Meeting.objects.filter(organisation__slug="zuid-limburg").first()
    expect(page.locator("main")).to_contain_text(this_year.title)
    check_a11y(page, "demo-meetings-phone")
    fits_the_phone(page, too_wide)
    with_actions = MeetingAction.objects.open().filter(meeting__organisation__slug="zuid-limburg").first()
    page.goto(f"{org}/policy/meetings/{with_actions.meeting_id}/")
    expect(page.locator("main")).to_contain_text(with_actions.description)
    check_a11y(page, "demo-meeting-phone")
    fits_the_phone(page, too_wide)
    page.goto(f"{org}/policy/signals/?status=all")
    check_a11y(page, "demo-signals-phone")
    fits_the_phone(page, too_wide)
    followed_up = Consultation.objects.get(organisation__slug="zuid-limburg", follow_up_held_on__isnull=False)
    page.goto(f"{org}/trajectories/consultations/{followed_up.pk}/")
    expect(page.locator("main")).to_contain_text(followed_up.goals.get().text)
    expect(page.locator("main")).to_contain_text(followed_up.follow_up_notes)
    check_a11y(page, "demo-consultation-followed-up-phone")
    fits_the_phone(page, too_wide)
    assert too_wide == []


def test_a_parent_on_a_phone_reads_the_demo_library_and_picks_up_the_demo_answer(new_page, check_a11y):
    call_command("seed_demo", stdout=io.StringIO())
    page = new_page(js=False)
    page.set_viewport_size(PHONE)
    too_wide = []
    page.goto("/zuid-limburg/library/")
    expect(page.locator("main")).to_contain_text("Slapen zonder strijd")
    check_a11y(page, "demo-public-library-phone")
    fits_the_phone(page, too_wide)
    article = Resource.objects.get(organisation__slug="zuid-limburg", kind="article")
    page.goto(f"/zuid-limburg/library/{article.pk}/")
    expect(page.locator("main li").first).to_contain_text("Blijf zelf rustig")
    check_a11y(page, "demo-public-article-phone")
    fits_the_phone(page, too_wide)

    code, secret = questions_demo.PICK_UP["zuid-limburg"]
    page.goto("/zuid-limburg/answer/")
    page.fill("#id_code", code)
    page.fill("#id_secret", secret)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    expect(page.locator(".answer")).to_contain_text("Veel baby's huilen")
    check_a11y(page, "demo-pick-up-phone")
    fits_the_phone(page, too_wide)
    assert too_wide == []
