"""The outreach tally (M2) in a real browser: with htmx swapping the counters, and without JavaScript."""

import pytest
from playwright.sync_api import expect

from opvoedwijzer.contacts.models import Contact

TALLY = "/o/zuid-limburg/contacts/tally/"


@pytest.mark.parametrize("js", [True, False], ids=["with-javascript", "without-javascript"])
def test_staff_counts_questions_at_the_school_gate(sam, logged_in, check_a11y, js):
    name = "tally" if js else "tally-without-js"
    page = logged_in(sam, js=js)
    page.goto(TALLY)
    check_a11y(page, f"{name}-start")

    page.select_option("#id_municipality", "71053")
    page.fill("#id_place", "schoolpoort")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    expect(page.locator("#tally-total")).to_contain_text("0")
    check_a11y(page, f"{name}-empty")
    if js:  # a marker that survives only if the page is never reloaded: htmx swaps the counters
        page.evaluate("window.tallyTotal = document.getElementById('tally-total')")

    plus = page.locator("#add-bullying")
    minus = page.locator('button[name="remove"][value="bullying"]')
    count = page.locator('output[for="add-bullying"]')
    expect(minus).to_be_disabled()
    for n in (1, 2, 3):
        plus.click()
        expect(count).to_have_text(str(n))
    if js:  # the swap keeps the focus on the button just pressed, for the next tap
        expect(plus).to_be_focused()
    minus.click()
    expect(count).to_have_text("2")
    expect(page.locator("#tally-total")).to_contain_text("2")
    if js:
        expect(minus).to_be_focused()
        # Still the same page, and the same live region (a new one would not be announced).
        assert page.evaluate("window.tallyTotal === document.getElementById('tally-total')")
        expect(page.locator("#tally-total")).to_have_attribute("role", "status")

    contacts = Contact.objects.filter(source="tally")
    assert contacts.count() == 2
    for contact in contacts:
        assert contact.author == sam.user
        assert contact.place == "schoolpoort"
        assert contact.municipality.code == "71053"
        assert contact.channel.code == "outreach"
        assert contact.asker_role.code == "mother"
        assert [(ct.theme.code, ct.is_main) for ct in contact.contact_themes.all()] == [("bullying", True)]
        assert [o.code for o in contact.offers.all()] == ["info"]
    assert Contact.objects.count() == 2
    check_a11y(page, f"{name}-counted")
