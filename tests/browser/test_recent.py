"""Correcting and deleting one's own registrations from the list of registrations."""

from playwright.sync_api import expect

from opvoedwijzer.contacts.models import Contact
from tests.factories import ContactFactory

RECENT = "/o/zuid-limburg/contacts/"


def test_the_edit_form_shows_the_registration_as_it_is(sam, logged_in):
    contact = ContactFactory(membership=sam, life_stages=["toddler", "primary"], note="Belt terug")
    page = logged_in(sam)
    page.goto(f"{RECENT}{contact.pk}/edit/")

    expect(page.locator("main form")).to_have_count(1)
    assert form_values(page) == {
        "asker_role": ["mother"],
        "municipality": ["71053"],
        "life_stages": ["toddler", "primary"],
        "main_theme": ["bullying"],
        "offers": ["info"],
        "themes": [],
        "request_kind": ["parenting"],
        "duration": ["5to15"],
        "channel": ["phone"],
        "date": [contact.date.isoformat()],
        "language": [""],
        "note": ["Belt terug"],
    }


def form_values(page):
    """What the edit form shows, field by field (selected options of a list, the ticked boxes of a
    group of checkboxes, else the value)."""
    return page.evaluate(
        """() => {
            const values = {};
            for (const el of document.querySelectorAll("main form [name]:not([type=hidden])")) {
                if (el.type === "checkbox") {
                    values[el.name] = (values[el.name] || []).concat(el.checked ? [el.value] : []);
                } else {
                    values[el.name] =
                        el.tagName === "SELECT" ? [...el.selectedOptions].map(o => o.value) : [el.value];
                }
            }
            return values;
        }"""
    )


def tick_only(page, field, codes):
    """In a group of checkboxes, tick these and untick the others."""
    for box in page.locator(f"#id_{field} input[type=checkbox]").all():
        box.set_checked(box.get_attribute("value") in codes)


def open_the_optional_fields(page):
    if not page.locator("details.more").evaluate("details => details.open"):
        page.click("details.more summary")


def test_staff_corrects_a_registration_from_the_list(sam, logged_in, check_a11y):
    contact = ContactFactory(membership=sam, channel="email")
    page = logged_in(sam)
    page.goto(RECENT)
    check_a11y(page, "recent")

    with page.expect_navigation():
        page.click(f'a[href="{RECENT}{contact.pk}/edit/"]')
    check_a11y(page, "edit")
    # Every field is set here, so that this test does not depend on the form being filled in
    # (see the test above): the correction is the main theme, another theme and a note.
    page.select_option("#id_asker_role", "mother")
    page.select_option("#id_municipality", "71053")
    tick_only(page, "life_stages", ["primary"])
    page.select_option("#id_main_theme", "sleep")
    tick_only(page, "offers", ["info"])
    open_the_optional_fields(page)
    tick_only(page, "themes", ["bullying"])
    page.select_option("#id_channel", "email")
    page.fill("#id_date", contact.date.isoformat())
    page.fill("#id_note", "Slaapt slecht sinds het pesten")
    with page.expect_navigation():
        page.click("main form button[type=submit]")

    assert page.url.endswith(RECENT), page.url
    expect(page.locator(".message--success")).to_contain_text(f"#{contact.pk}")
    contact = Contact.objects.get()
    themes = [(ct.theme.code, ct.is_main) for ct in contact.contact_themes.order_by("-is_main")]
    assert themes == [("sleep", True), ("bullying", False)]
    assert contact.note == "Slaapt slecht sinds het pesten"
    assert contact.channel.code == "email"
    assert contact.source == "form"
    expect(page.locator("tbody tr").first).to_contain_text("Slapen")
    check_a11y(page, "recent-edited")


def test_staff_deletes_a_registration_from_the_list(sam, logged_in, check_a11y):
    keep, delete = ContactFactory(membership=sam), ContactFactory(membership=sam, main_theme="sleep")
    page = logged_in(sam)
    page.goto(RECENT)

    with page.expect_navigation():
        page.click(f'a[href="{RECENT}{delete.pk}/delete/"]')
    # A confirmation first, which says which registration it is.
    expect(page.locator("main")).to_contain_text("Slapen")
    assert Contact.objects.count() == 2
    check_a11y(page, "delete")
    with page.expect_navigation():
        page.click("main form button[type=submit]")

    assert list(Contact.objects.values_list("pk", flat=True)) == [keep.pk]
    expect(page.locator(".message--success")).to_contain_text(f"#{delete.pk}")
    expect(page.locator(f'a[href="{RECENT}{delete.pk}/edit/"]')).to_have_count(0)
    expect(page.locator(f'a[href="{RECENT}{keep.pk}/edit/"]')).to_have_count(1)
    check_a11y(page, "recent-deleted")
