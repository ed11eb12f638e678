"""A coordinator imports her service's own areas (wijken) in a real browser, on a phone too."""

import pytest
from playwright.sync_api import expect

from opvoedwijzer.core.models import Municipality

PHONE = {"width": 390, "height": 844}
GOOD = "code;naam;gemeente;geldig vanaf\nW01;Centrum;71053;01/01/2025\nW02;Schurhoven;71053;01/01/2025\n"
BAD = GOOD + "W02;Dubbel;71053;01/01/2025\nW04;;;\n"


def csv_file(text, encoding="utf-8"):
    return {"name": "wijken.csv", "mimeType": "text/csv", "buffer": text.encode(encoding)}


@pytest.mark.parametrize("js", [True, False], ids=["with-js", "without-js"])
def test_a_coordinator_imports_the_wijken_and_sees_refused_rows_first(ilse, zuid, logged_in, check_a11y, js):
    tag = "js" if js else "nojs"
    page = logged_in(ilse, js=js)
    page.goto("/o/zuid-limburg/municipalities/")
    check_a11y(page, f"municipalities-{tag}")
    with page.expect_navigation():
        page.click("main a[href$='/municipalities/areas/']")
    check_a11y(page, f"own-areas-empty-{tag}")

    page.set_input_files("#id_file", csv_file(BAD, "cp1252"))
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("2 rijen geweigerd")
    expect(summary).to_contain_text("Regel 4")
    expect(summary).to_contain_text("Regel 5")
    assert not Municipality.objects.filter(organisation=zuid).exists()
    check_a11y(page, f"own-areas-refused-{tag}")

    page.set_input_files("#id_file", csv_file(GOOD))
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    expect(page.locator("main")).to_contain_text("2 toegevoegd")
    expect(page.locator("main table")).to_contain_text("Schurhoven")
    assert set(zuid.municipalities.filter(organisation=zuid).values_list("code", flat=True)) == {"W01", "W02"}
    check_a11y(page, f"own-areas-imported-{tag}")

    page.set_viewport_size(PHONE)
    page.reload()
    check_a11y(page, f"own-areas-phone-{tag}")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.goto("/o/zuid-limburg/municipalities/")
    check_a11y(page, f"municipalities-phone-{tag}")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
