"""Registering a contact (M1) in a real browser: by keyboard only, without JavaScript, with errors."""

from playwright.sync_api import expect

from opvoedwijzer.contacts.models import Contact

REGISTER = "/o/zuid-limburg/contacts/new/"

# A typical call, typed: Moeder · Sint-Truiden · Lagere school · Pesten · Informatie en kort advies.
# Every list answers to the first letters of an option (the browser's own typeahead), Tab moves to
# the next field in the form's order, and Enter registers (static/js/app.js, data-enter-submits).
TYPICAL_CONTACT_KEYS = ["m", "Tab", "s", "Tab", "l", "Tab", "p", "e", "s", "Tab", "i", "Enter"]
MAX_KEY_PRESSES = 12


class CountingKeyboard:
    """page.keyboard, counting the presses."""

    def __init__(self, page):
        self.page = page
        self.presses = []

    def press(self, *keys):
        for key in keys:
            self.page.keyboard.press(key)
            self.presses.append(key)


def assert_is_the_typical_contact(contact, member):
    assert contact.author == member.user
    assert contact.source == "form"
    assert contact.asker_role.code == "mother"
    assert contact.municipality.code == "71053"  # Sint-Truiden
    assert [s.code for s in contact.life_stages.all()] == ["primary"]
    assert [(ct.theme.code, ct.is_main) for ct in contact.contact_themes.all()] == [("bullying", True)]
    assert [o.code for o in contact.offers.all()] == ["info"]
    # The defaults nobody touched.
    assert contact.channel.code == "phone"
    assert contact.request_kind == "parenting"
    assert contact.duration == "5to15"
    assert contact.date == contact.registered_on
    assert contact.note == ""


def register_typical_contact_by_keyboard(page):
    # The browser puts the cursor in the autofocus field just after the page has loaded; a person
    # starts typing when they see it there.
    expect(page.locator("#id_asker_role")).to_be_focused()
    keyboard = CountingKeyboard(page)
    with page.expect_navigation():
        keyboard.press(*TYPICAL_CONTACT_KEYS)
    return keyboard.presses


def test_staff_registers_a_contact_with_the_keyboard_only(sam, logged_in, check_a11y):
    page = logged_in(sam)
    page.goto(REGISTER)
    # The form opens with the cursor in its first field: who asked.
    expect(page.locator("#id_asker_role")).to_be_focused()
    check_a11y(page, "register")

    presses = register_typical_contact_by_keyboard(page)

    assert len(presses) <= MAX_KEY_PRESSES, presses
    contact = Contact.objects.get()
    assert_is_the_typical_contact(contact, sam)
    # Back on an empty form, with a confirmation, an undo button and the cursor in the first field.
    expect(page.locator(".message--success")).to_be_visible()
    expect(page.locator("form.undo button")).to_contain_text(f"#{contact.pk}")
    expect(page.locator("#id_asker_role")).to_be_focused()
    expect(page.locator("#id_asker_role")).to_have_value("")
    # The new contact heads the recent registrations next to the form.
    expect(page.locator(".register-recent tbody tr").first).to_contain_text("Pesten")
    check_a11y(page, "register-registered")


def test_staff_undoes_the_registration_just_made(sam, logged_in, check_a11y):
    page = logged_in(sam)
    page.goto(REGISTER)
    register_typical_contact_by_keyboard(page)
    assert Contact.objects.count() == 1
    # Wait for the fresh form's autofocus: a Shift+Tab pressed before it lands elsewhere.
    expect(page.locator("#id_asker_role")).to_be_focused()

    # The undo button is one Shift+Tab before the first field.
    with page.expect_navigation():
        page.keyboard.press("Shift+Tab")
        expect(page.locator("form.undo button")).to_be_focused()
        page.keyboard.press("Enter")

    assert Contact.objects.count() == 0
    expect(page.locator(".message--success")).to_be_visible()
    expect(page.locator("form.undo")).to_have_count(0)
    check_a11y(page, "register-undone")


def test_staff_registers_a_contact_without_javascript(sam, logged_in, check_a11y):
    page = logged_in(sam, js=False)
    page.goto(REGISTER)
    page.select_option("#id_asker_role", "mother")
    page.select_option("#id_municipality", "71053")
    page.select_option("#id_life_stages", ["primary"])
    page.select_option("#id_main_theme", "bullying")
    page.select_option("#id_offers", ["info"])
    with page.expect_navigation():
        page.click("#contact-form button[type=submit]")

    assert_is_the_typical_contact(Contact.objects.get(), sam)
    expect(page.locator(".message--success")).to_be_visible()
    expect(page.locator("form.undo button")).to_be_visible()
    check_a11y(page, "register-registered-without-js")


def test_an_incomplete_registration_shows_what_is_missing_and_keeps_what_was_typed(
    sam, logged_in, check_a11y
):
    page = logged_in(sam)
    page.goto(REGISTER)
    page.select_option("#id_municipality", "73022")
    page.fill("#id_note", "Belde terug na het oudercontact")
    with page.expect_navigation() as navigation:
        page.click("#contact-form button[type=submit]")

    assert navigation.value.status == 200
    assert Contact.objects.count() == 0
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    # One line per missing field (who asked, main theme, offers), each a link to that field.
    expect(summary.locator("a")).to_have_count(3)
    for field in ("asker_role", "main_theme", "offers"):
        expect(summary.locator(f'a[href="#id_{field}"]')).to_have_count(1)
        expect(page.locator(f"#id_{field}")).to_have_attribute("aria-invalid", "true")
    # What was typed or chosen is still there, defaults included.
    expect(page.locator("#id_note")).to_have_value("Belde terug na het oudercontact")
    expect(page.locator("#id_municipality")).to_have_value("73022")
    expect(page.locator("#id_channel")).to_have_value("phone")
    expect(page.locator("#id_date")).not_to_have_value("")
    check_a11y(page, "register-errors")


def test_typing_a_postal_code_on_the_municipality_picks_it(sam, logged_in):
    """A caller says "3806" (Velm, a part of Sint-Truiden): the digits pick Sint-Truiden."""
    page = logged_in(sam)
    page.goto(REGISTER)
    expect(page.locator("#id_asker_role")).to_be_focused()
    page.keyboard.press("Tab")
    for digit in "3806":
        page.keyboard.press(digit)
    expect(page.locator("#id_municipality")).to_have_value("71053")
    page.keyboard.press("Tab")
    for digit in "3870":  # Heers
        page.keyboard.press(digit)
    expect(page.locator("#id_municipality")).to_have_value("71053"), "focus had moved on"
    page.keyboard.press("Shift+Tab")
    page.wait_for_timeout(1600)  # a new number after a pause
    for digit in "3870":
        page.keyboard.press(digit)
    expect(page.locator("#id_municipality")).to_have_value("73022")


def test_a_note_with_personal_data_is_caught_and_replaced_in_one_tick(sam, logged_in, check_a11y):
    page = logged_in(sam)
    page.goto(REGISTER)
    page.select_option("#id_asker_role", "mother")
    page.select_option("#id_municipality", "71053")
    page.select_option("#id_main_theme", "bullying")
    page.select_option("#id_offers", ["info"])
    page.locator("#id_note").press_sequentially("mama van Lotte belt terug op 0470 12 34 56", delay=5)
    # While typing, the guard marks what it found (htmx, debounced), before anything is sent to be saved.
    expect(page.locator("#id_note_pii_live mark")).to_have_text(["Lotte", "0470 12 34 56"])
    check_a11y(page, "register-pii-live")
    with page.expect_navigation():
        page.click("#contact-form button[type=submit]")
    assert Contact.objects.count() == 0
    expect(page.locator(".error-summary")).to_contain_text("Lotte")
    check_a11y(page, "register-pii-found")

    page.check("#id_note_pii_redact")
    with page.expect_navigation():
        page.click("#contact-form button[type=submit]")
    assert Contact.objects.get().note == "mama van [naam] belt terug op [telefoon]"
