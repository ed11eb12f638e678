"""Ilse, coordinator of Zuid-Limburg, imports last year's spreadsheet in the browser: the upload, the
preview with a value to map, the report. On a phone, without JavaScript, and a large file through the
task runner with its progress bar. Every page passes axe and fits a 390 px phone."""

import datetime

from playwright.sync_api import expect

from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.imports.models import ValueMapping
from tests.browser.test_yearly_report import start_task_runner
from tests.imports.files import LAST_YEAR, csv_bytes, dutch_rows, xlsx_bytes

PHONE = {"width": 390, "height": 844}


def fits_a_phone(page, name):
    page.set_viewport_size(PHONE)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{name} is {width} px wide on a 390 px phone"


def a_file_with_an_unknown_channel():
    rows = dutch_rows()
    rows.append(
        [
            f"07/03/{LAST_YEAR}",
            "Telefonisch",
            "Moeder",
            "Heers",
            "",
            "Slapen",
            "",
            "info",
            "parenting",
            "lt5",
            "",
        ]
    )
    return rows


def upload(page, name, content):
    page.set_input_files(
        "input[name=file]", files=[{"name": name, "mimeType": "application/octet-stream", "buffer": content}]
    )
    with page.expect_navigation():
        page.click("main form button[type=submit]")


def test_a_coordinator_imports_a_spreadsheet_on_a_phone_without_javascript(ilse, logged_in, check_a11y):
    page = logged_in(ilse, js=False)
    page.goto("/o/zuid-limburg/contacts/")
    with page.expect_navigation():
        page.click("main a[href='/o/zuid-limburg/contacts/import/']")
    fits_a_phone(page, "the upload page")
    check_a11y(page, "import-upload")

    upload(page, "registraties.xlsx", xlsx_bytes(a_file_with_an_unknown_channel()))
    expect(page.locator("main")).to_contain_text("4 rijen gevonden")
    expect(page.locator("main")).to_contain_text("onbekende contactwijze 'Telefonisch'")
    fits_a_phone(page, "the preview")
    check_a11y(page, "import-preview")

    page.select_option("select[name=map_0]", "phone")
    with page.expect_navigation():
        page.click("main form button[type=submit]:has-text('Importeren')")
    expect(page.locator("main")).to_contain_text("4 contacten geïmporteerd")
    fits_a_phone(page, "the report")
    check_a11y(page, "import-report")
    assert Contact.objects.filter(source="import").count() == 4
    assert ValueMapping.objects.get().target == "phone"


def test_a_large_file_shows_its_progress_and_then_the_preview(ilse, logged_in, check_a11y, settings):
    settings.IMPORT_BACKGROUND_ROWS = 3
    page = logged_in(ilse)
    page.goto("/o/zuid-limburg/contacts/import/")
    rows = [
        ["Datum", "Gemeente", "Thema", "Aantal", "Kanaal", "Vraagsteller", "Aanbod", "Soort vraag", "Duur"]
    ]
    day = datetime.date(LAST_YEAR, 9, 12)
    rows += [
        [day, place, theme, 4, "Op locatie (school, markt, …)", "Moeder", "info", "parenting", "lt5"]
        for place in ("Sint-Truiden", "Heers")
        for theme in ("Slapen", "Pesten", "Huilen")
    ]
    upload(
        page,
        "turflijst.csv",
        csv_bytes([[c.strftime("%d/%m/%Y") if isinstance(c, datetime.date) else c for c in r] for r in rows]),
    )
    expect(page.locator("#import-bar")).to_be_visible()  # queued: nothing runs the task yet
    fits_a_phone(page, "the progress page")
    check_a11y(page, "import-progress")

    runner = start_task_runner()
    try:
        expect(page.locator("main")).to_contain_text(
            "24 nieuwe contacten te importeren", timeout=30_000
        )  # htmx
        check_a11y(page, "import-preview-large")
        page.click("main form button[type=submit]:has-text('Importeren')")
        expect(page.locator("main")).to_contain_text("24 contacten geïmporteerd", timeout=30_000)
        check_a11y(page, "import-report-large")
    finally:
        runner.stop()
        runner.finished.wait(10)
    assert Contact.objects.filter(source="import").count() == 24
