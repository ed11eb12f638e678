"""Registering a contact (M1) in a real browser: by keyboard only, without JavaScript, with errors."""

from playwright.sync_api import expect

from opvoedwijzer.contacts.models import Contact

REGISTER = "/o/zuid-limburg/contacts/new/"

# A typical call, typed: Moeder · Sint-Truiden · Pesten · Lagere school · Informatie en kort advies,
# by phone (pre-filled, in sight at the top of the form). A list answers to the first letters of an
# option (the browser's own typeahead), a group of checkboxes ticks the option with those letters
# (static/js/app.js), Tab moves to the next field, and Enter registers (data-enter-submits).
TYPICAL_CONTACT_KEYS = ["m", "Tab", "s", "Tab", "p", "Tab", "l", "Tab", "i", "Enter"]
MAX_KEY_PRESSES = 10


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
    # The confirmation names every value saved, in one line.
    expect(page.locator(".message--success")).to_have_text(
        "Geregistreerd: Telefoon · Moeder · Sint-Truiden · Lagere school (6–12 jaar) · Pesten · "
        "Informatie en kort advies · Opvoedingsvraag · 5–15 minuten"
    )
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

    # The undo button sits right under the confirmation, above the form.
    with page.expect_navigation():
        page.locator("form.undo button").focus()
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
    page.check("#id_life_stages input[value=primary]")
    page.select_option("#id_main_theme", "bullying")
    page.check("#id_offers input[value=info]")
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
    page.click(".more summary")  # the optional fields, folded away
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
    # (A group of checkboxes: the link leads to its first box.)
    for field in ("asker_role", "main_theme", "offers_0"):
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


def test_without_javascript_a_typed_postal_code_picks_the_municipality(sam, logged_in, check_a11y):
    page = logged_in(sam, js=False)
    page.goto(REGISTER)
    page.select_option("#id_asker_role", "mother")
    page.fill("#id_postal_code", "3806")  # Velm, a part of Sint-Truiden
    page.check("#id_life_stages input[value=primary]")
    page.select_option("#id_main_theme", "bullying")
    page.check("#id_offers input[value=info]")
    check_a11y(page, "register-postal-code-without-js")
    with page.expect_navigation():
        page.click("#contact-form button[type=submit]")

    assert_is_the_typical_contact(Contact.objects.get(), sam)
    expect(page.locator(".message--success")).to_contain_text("Moeder · Sint-Truiden")


def test_with_javascript_there_is_no_separate_postal_code_box(sam, logged_in):
    page = logged_in(sam)
    page.goto(REGISTER)
    expect(page.locator("#id_postal_code")).to_have_count(0)


def test_a_note_with_personal_data_is_caught_and_replaced_in_one_tick(sam, logged_in, check_a11y):
    page = logged_in(sam)
    page.goto(REGISTER)
    page.select_option("#id_asker_role", "mother")
    page.select_option("#id_municipality", "71053")
    page.select_option("#id_main_theme", "bullying")
    page.check("#id_offers input[value=info]")
    page.click(".more summary")
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


def in_view(page, selector, height):
    box = page.locator(selector).bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


def test_the_prefilled_channel_is_in_sight_and_a_changed_channel_is_stored(sam, logged_in, check_a11y):
    page = logged_in(sam)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(REGISTER)
    expect(page.locator("#id_asker_role")).to_be_focused()
    # What is filled in for you stands at the top, in sight, under a legend that asks to check it;
    # the whole form fits a 1,280 × 800 window up to the Register button, without sideways scrolling.
    prefilled = page.locator("fieldset.prefilled")
    expect(prefilled.locator("#id_channel")).to_have_value("phone")
    for field in ("channel", "duration", "request_kind", "date"):
        assert in_view(page, f"#id_{field}", 800), field
    assert in_view(page, "#contact-form button[type=submit]:not([name])", 800)
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280

    # This one came in by e-mail: Sam changes the channel, then types the rest.
    page.select_option("#id_channel", "email")
    page.focus("#id_asker_role")
    with page.expect_navigation():
        CountingKeyboard(page).press(*TYPICAL_CONTACT_KEYS)

    contact = Contact.objects.get()
    assert contact.channel.code == "email"
    assert contact.asker_role.code == "mother"
    assert [o.code for o in contact.offers.all()] == ["info"]
    expect(page.locator(".message--success")).to_contain_text("Geregistreerd: E-mail · Moeder · Sint-Truiden")
    # The next form offers e-mail again (Sam's last channel), in sight at the top.
    expect(page.locator("fieldset.prefilled #id_channel")).to_have_value("email")
    assert in_view(page, "#id_channel", 800)
    check_a11y(page, "register-1280x800")


def test_the_registration_form_fits_a_phone(sam, logged_in, check_a11y):
    page = logged_in(sam)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(REGISTER)
    page.click(".more summary")  # the optional fields too
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    check_a11y(page, "register-390")


def test_a_letter_in_a_group_of_checkboxes_ticks_the_option_and_space_unticks_it(sam, logged_in):
    page = logged_in(sam)
    page.goto(REGISTER)
    page.focus("#id_life_stages_0")
    page.keyboard.press("t")  # Tiener
    expect(page.locator("#id_life_stages input[value=teen]")).to_be_checked()
    expect(page.locator("#id_life_stages input[value=teen]")).to_be_focused()
    page.keyboard.press("ArrowLeft")
    expect(page.locator("#id_life_stages input[value=primary]")).to_be_focused()
    expect(page.locator("#id_life_stages input[value=primary]")).not_to_be_checked()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Space")
    expect(page.locator("#id_life_stages input[value=teen]")).not_to_be_checked()
    # The group is one tab stop: Tab leaves it for the next field.
    page.keyboard.press("Tab")
    expect(page.locator("#id_offers_0")).to_be_focused()
