"""A Dutch CJG on a fresh installation: it finds Amsterdam among the shipped CBS municipalities, adds
it and registers a contact there, in a real browser, with and without JavaScript, on a phone too."""

import pytest
from playwright.sync_api import expect

from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.core.models import Role
from opvoedwijzer.core.services import create_organisation
from tests.factories import make_member

PHONE = {"width": 390, "height": 844}
# Moeder · Amsterdam · Pesten · Lagere school · Informatie en kort advies (see test_registration.py).
CONTACT_IN_AMSTERDAM_KEYS = ["m", "Tab", "a", "Tab", "p", "Tab", "l", "Tab", "i", "Enter"]
# Without JavaScript every checkbox is a tab stop and a letter ticks nothing: Moeder · Amsterdam ·
# Pesten, past the seven life stages, Space ticks the first offer (Informatie), Enter registers.
CONTACT_IN_AMSTERDAM_KEYS_WITHOUT_JS = ["m", "Tab", "a", "Tab", "p", "Tab", *["Tab"] * 7, "Space", "Enter"]


@pytest.mark.parametrize("js", [True, False], ids=["with-js", "without-js"])
def test_a_dutch_cjg_adds_amsterdam_by_name_and_registers_a_contact_there(logged_in, check_a11y, js):
    tag = "js" if js else "nojs"
    cjg = create_organisation(slug="cjg-amsterdam", name="CJG Amsterdam")
    annelies = make_member(cjg, "annelies@cjg.test", Role.COORDINATOR)
    page = logged_in(annelies, js=js)

    page.goto("/o/cjg-amsterdam/municipalities/")
    page.fill("#id_q", "Amsterdam")
    with page.expect_navigation():
        page.click("form[role=search] button[type=submit]")
    expect(page.locator(".result-list")).to_contain_text("Amsterdam (GM0363, Nederland)")
    check_a11y(page, f"dutch-municipalities-found-{tag}")
    with page.expect_navigation():
        page.click(".result-list form:has(input[value=GM0363]) button")
    assert list(cjg.municipalities.values_list("code", flat=True)) == ["GM0363"]
    page.set_viewport_size(PHONE)
    check_a11y(page, f"dutch-municipalities-phone-{tag}")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    page.goto("/o/cjg-amsterdam/contacts/new/")
    page.focus("#id_asker_role")
    with page.expect_navigation():
        for key in CONTACT_IN_AMSTERDAM_KEYS if js else CONTACT_IN_AMSTERDAM_KEYS_WITHOUT_JS:
            page.keyboard.press(key)
    contact = Contact.objects.get(organisation=cjg)
    assert (contact.municipality.code, contact.asker_role.code) == ("GM0363", "mother")
