"""The conversation log on a phone in a basement without signal: Vera registers conversations and taps the
tally without a connection, the page (kept by its service worker) opens again offline with what is
waiting, and when the connection is back everything arrives exactly once, also when an answer got lost
on the way. (The live server runs on localhost: a secure context, so the service worker may run.)"""

import pytest
from playwright.sync_api import expect

from opvoedwijzer.contacts.models import Contact, Source
from tests.browser.conftest import TIMEOUT_MS, log_in

LOG = "/o/zuid-limburg/contacts/log/"
API = "**/api/v1/contacts"
PHONE = {"width": 390, "height": 844}


def fits(page, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def open_the_log_until_it_works_offline(page):
    page.goto(LOG)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    expect(page.locator("#log-queue")).to_have_attribute("data-waiting", "0")


def register(page, theme, asker_role="mother"):
    page.select_option("#id_asker_role", asker_role)
    page.select_option("#id_municipality", "71053")
    page.select_option("#id_main_theme", theme)
    page.check("#log-form input[name=offers][value=info]")
    page.click("#log-form button[type=submit]:not([name])")


def waiting(page, n):
    expect(page.locator("#log-queue")).to_have_attribute("data-waiting", str(n))
    expect(page.locator("#log-queue-list li")).to_have_count(n)


def test_vera_logs_three_conversations_without_signal_and_they_arrive_once(vera, new_page, check_a11y):
    page = log_in(new_page(), vera)
    page.set_viewport_size(PHONE)
    open_the_log_until_it_works_offline(page)
    check_a11y(page, "log-phone")
    fits(page, PHONE["width"])

    page.context.set_offline(True)
    for n, theme in enumerate(["sleep", "bullying", "screen_time"], start=1):
        register(page, theme)
        waiting(page, n)
    expect(page.locator("#id_main_theme")).to_have_value("")  # ready for the next conversation
    assert not Contact.objects.exists()
    check_a11y(page, "log-phone-three-waiting")
    fits(page, PHONE["width"])

    page.reload()  # without a connection: the service worker's copy, the queue from IndexedDB
    waiting(page, 3)
    expect(page.locator("#id_municipality")).to_have_value("71053")  # where she was, chosen again

    page.context.set_offline(False)  # the "online" event sends the queue
    waiting(page, 0)
    contacts = Contact.objects.all()
    assert contacts.count() == 3
    assert len({c.client_id for c in contacts if c.client_id}) == 3
    assert {c.source for c in contacts} == {Source.LOG} and all(c.by_volunteer for c in contacts)
    assert sorted(c.themes_in_order()[0].code for c in contacts) == ["bullying", "screen_time", "sleep"]
    check_a11y(page, "log-phone-all-sent")


def test_vera_taps_the_tally_offline_and_each_tap_arrives_once(vera, new_page, check_a11y):
    page = log_in(new_page(), vera)
    page.set_viewport_size(PHONE)
    open_the_log_until_it_works_offline(page)

    page.context.set_offline(True)
    page.select_option("#id_tally-municipality", "71053")
    page.fill("#id_tally-place", "markt")
    for theme in ["sleep", "sleep", "tantrums"]:
        page.click(f"#log-tally-add-{theme}")
    waiting(page, 3)
    expect(page.locator("#log-tally-count-sleep")).to_have_text("2")
    check_a11y(page, "log-phone-tally-waiting")
    fits(page, PHONE["width"])

    page.context.set_offline(False)
    waiting(page, 0)
    contacts = Contact.objects.all()
    assert contacts.count() == 3
    assert {(c.place, c.channel.code, c.municipality.code) for c in contacts} == {
        ("markt", "outreach", "71053")
    }
    assert sorted(c.themes_in_order()[0].code for c in contacts) == ["sleep", "sleep", "tantrums"]


@pytest.fixture
def quiet_page(browser, live_server):
    """A page whose console is not checked: a lost answer is a failed request, which the browser rightly
    reports as an error. Service workers blocked, so that page.route sees every request."""
    context = browser.new_context(base_url=live_server.url, service_workers="block")
    context.set_default_timeout(TIMEOUT_MS)
    yield context.new_page()
    context.close()


def test_an_answer_lost_on_the_way_is_sent_again_and_still_counts_once(vera, quiet_page):
    page = log_in(quiet_page, vera)
    page.goto(LOG)
    expect(page.locator("#log-queue")).to_have_attribute("data-waiting", "0")
    arrived = []

    def lose_the_answer(route):
        route.fetch()  # the server stores the contact ...
        arrived.append(Contact.objects.count())
        route.abort()  # ... but the phone never hears

    page.route(API, lose_the_answer)
    with page.expect_event("requestfailed", lambda request: "/api/v1/contacts" in request.url):
        register(page, "sleep")
    waiting(page, 1)
    assert arrived == [1] and Contact.objects.count() == 1

    page.unroute(API)
    page.click("#log-send")
    waiting(page, 0)
    contact = Contact.objects.get()
    assert contact.client_id is not None and contact.themes_in_order()[0].code == "sleep"


def test_what_vera_types_next_stays_while_the_last_conversation_is_still_on_its_way(vera, quiet_page):
    """On a slow connection sending takes seconds; the form is free for the next conversation as soon as
    the last one is kept on the phone, and the answer arriving later does not clear what she typed."""
    page = log_in(quiet_page, vera)
    page.goto(LOG)
    expect(page.locator("#log-queue")).to_have_attribute("data-waiting", "0")
    on_the_way = []

    def hold(route):
        on_the_way.append(route)  # until the test lets it through

    page.route(API, hold)

    register(page, "sleep")
    expect(page.locator("#id_main_theme")).to_have_value("")  # free for the next one at once
    page.wait_for_function("document.getElementById('log-queue').dataset.waiting === '1'")
    for _wait in range(TIMEOUT_MS // 50):  # until the entry is on its way (held by `hold`)
        if on_the_way:
            break
        page.wait_for_timeout(50)
    assert on_the_way, "the entry was never sent"
    page.select_option("#id_asker_role", "father")
    page.select_option("#id_main_theme", "bullying")

    on_the_way[0].continue_()
    waiting(page, 0)
    expect(page.locator("#log-queue")).to_have_attribute("data-sent", "1")
    expect(page.locator("#id_main_theme")).to_have_value("bullying")
    expect(page.locator("#id_asker_role")).to_have_value("father")
    assert Contact.objects.get().themes_in_order()[0].code == "sleep"


def test_a_refused_entry_stays_with_its_reason_until_vera_corrects_or_deletes_it(
    vera, quiet_page, check_a11y
):
    page = log_in(quiet_page, vera)
    page.set_viewport_size(PHONE)
    page.goto(LOG)
    for theme in ["sleep", "bullying"]:
        page.fill("#id_place", "bij Jan Peeters thuis")
        register(page, theme)
        expect(page.locator("#log-queue-list li .error-message")).to_have_count(1 if theme == "sleep" else 2)
    waiting(page, 2)
    assert not Contact.objects.exists()
    check_a11y(page, "log-phone-refused")
    fits(page, PHONE["width"])

    page.locator("#log-queue-list li").nth(1).locator("button").nth(1).click()  # delete the second
    waiting(page, 1)
    page.locator("#log-queue-list li button").first.click()  # correct the first in the form
    waiting(page, 0)
    expect(page.locator("#id_place")).to_have_value("bij Jan Peeters thuis")
    expect(page.locator("#id_main_theme")).to_have_value("sleep")
    expect(page.locator("#log-form input[name=offers][value=info]")).to_be_checked()
    page.fill("#id_place", "markt")
    with page.expect_navigation():  # a corrected entry goes straight to the server
        page.click("#log-form button[type=submit]:not([name])")
    contact = Contact.objects.get()
    assert contact.place == "markt" and contact.themes_in_order()[0].code == "sleep"


def test_without_javascript_the_log_registers_on_the_server_and_shows_errors_with_what_was_typed(
    vera, logged_in, check_a11y
):
    page = logged_in(vera, js=False)
    page.set_viewport_size(PHONE)
    page.goto(LOG)
    expect(page.locator("#log-tally")).to_be_hidden()
    check_a11y(page, "log-phone-without-js")

    page.select_option("#id_municipality", "71053")
    page.fill("#id_place", "bij Jan Peeters thuis")
    page.select_option("#id_main_theme", "sleep")
    with page.expect_navigation():
        page.click("#log-form button[type=submit]:not([name])")
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("#id_place")).to_have_value("bij Jan Peeters thuis")
    check_a11y(page, "log-phone-without-js-errors")
    fits(page, PHONE["width"])

    page.fill("#id_place", "markt")
    page.select_option("#id_asker_role", "father")
    page.check("#log-form input[name=offers][value=info]")
    with page.expect_navigation():
        page.click("#log-form button[type=submit]:not([name])")
    expect(page.locator(".message--success")).to_be_visible()
    contact = Contact.objects.get()
    assert contact.source == Source.LOG and contact.place == "markt" and contact.client_id is None


def test_logged_out_vera_is_asked_to_log_in_again_and_nothing_is_lost(vera, quiet_page):
    page = log_in(quiet_page, vera)
    page.goto(LOG)
    expect(page.locator("#log-queue")).to_have_attribute("data-waiting", "0")
    page.context.clear_cookies()  # the session ended (logged out elsewhere, or expired)

    register(page, "sleep")

    log_in_again = page.locator("#log-queue-problem a")
    expect(log_in_again).to_have_attribute("href", "/accounts/login/?next=" + LOG)
    waiting(page, 1)
    log_in(page, vera)
    page.goto(LOG)  # the page sends what waited when it opens
    waiting(page, 0)
    assert Contact.objects.get().themes_in_order()[0].code == "sleep"


def test_quick_taps_online_are_all_sent_at_once(vera, new_page):
    page = log_in(new_page(), vera)
    page.goto(LOG)
    page.select_option("#id_tally-municipality", "71053")

    for _tap in range(4):
        page.click("#log-tally-add-sleep")

    expect(page.locator("#log-queue")).to_have_attribute("data-sent", "4")
    waiting(page, 0)
    expect(page.locator("#log-tally-count-sleep")).to_have_text("4")
    assert Contact.objects.count() == 4
