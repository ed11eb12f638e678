"""Day one of a real service, end to end (issue 14): Sofie, the site administrator, creates the
Opvoedingswinkel Genk for a municipality no other service serves; Hanne, its coordinator, chooses a
password, imports the two years she kept in Excel (with two bad rows), and sees last year beside this
year on the overview and the year before beside last year in the yearly report."""

import datetime
import io
import re

from playwright.sync_api import expect
from pypdf import PdfReader

from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.core.models import Membership, User
from tests.browser.test_yearly_report import start_task_runner
from tests.factories import PASSWORD, ContactFactory
from tests.imports.files import DUTCH_HEADING, LAST_YEAR, csv_bytes

NEW_PASSWORD = "Opvoeden-in-Genk-2026"
THIS_YEAR = LAST_YEAR + 1


def submit(page, selector):
    with page.expect_navigation():
        page.click(selector)


def row(day, theme):
    return [
        day,
        "Telefoon",
        "Moeder",
        "Genk",
        "Peuter (1–3 jaar)",
        theme,
        "",
        "Informatie en kort advies",
        "Opvoedingsvraag",
        "5–15 minuten",
        "",
    ]


def two_years_kept_in_excel():
    """Semicolons and Windows-1252, as Excel saves a CSV in Flanders: the year before last (6 × sleep),
    last year (8 × sleep, 5 × bullying), and two rows no one can count (no such day, no day). Counts
    of five and more: the yearly report leaves the service and hides smaller ones."""
    rows = [DUTCH_HEADING]
    rows += [row(f"{d}/03/{LAST_YEAR - 1}", "Slapen") for d in (2, 4, 6, 9, 11, 18)]
    rows += [row(f"{d}/03/{LAST_YEAR}", "Slapen") for d in (3, 5, 10, 12, 17, 19, 24, 26)]
    rows += [row(f"{d}/04/{LAST_YEAR}", "Pesten") for d in (7, 9, 14, 16, 21)]
    rows += [row(f"31/02/{LAST_YEAR}", "Slapen"), row("", "Pesten")]
    return csv_bytes(rows, delimiter=";", encoding="cp1252")


def test_a_new_service_starts_with_its_history(new_page, check_a11y):
    # Sofie creates the service and its coordinator.
    User.objects.create_superuser(email="sofie@beheer.test", password=PASSWORD)
    sofie = new_page()
    sofie.goto("/accounts/login/")
    sofie.fill("input[name=login]", "sofie@beheer.test")
    sofie.fill("input[name=password]", PASSWORD)
    submit(sofie, "main form button[type=submit]")
    sofie.goto("/site-admin/new/")
    sofie.fill("#id_name", "Opvoedingswinkel Genk")
    sofie.fill("#id_municipalities", "Genk")
    sofie.fill("#id_coordinator_email", "hanne@genk.test")
    submit(sofie, "main form button[type=submit]:not([formaction])")
    link = sofie.locator("code.token").inner_text()

    # Hanne opens the link on her own computer, without JavaScript, and chooses a password.
    hanne = new_page(js=False)
    hanne.goto("/invite/" + link.split("/invite/", 1)[1])
    hanne.fill("#id_new_password1", NEW_PASSWORD)
    hanne.fill("#id_new_password2", NEW_PASSWORD)
    submit(hanne, "main form button[type=submit]")
    assert hanne.url.endswith("/o/opvoedingswinkel-genk/")

    # She imports the spreadsheet: the preview names the two bad rows, she takes the good ones.
    hanne.goto("/o/opvoedingswinkel-genk/contacts/import/")
    hanne.set_input_files(
        "input[name=file]",
        files=[{"name": "registraties.csv", "mimeType": "text/csv", "buffer": two_years_kept_in_excel()}],
    )
    submit(hanne, "main form button[type=submit]")
    preview = hanne.locator("main")
    expect(preview).to_contain_text("2 rijen geweigerd")
    for line in (21, 22):  # the heading is line 1
        expect(preview.locator("tbody th", has_text=re.compile(rf"^{line}$"))).to_have_count(1)
    check_a11y(hanne, "day-one-import-preview")
    hanne.check("#id_accept_good_rows")
    submit(hanne, "main form button[type=submit]:has-text('Importeren')")
    expect(hanne.locator("main")).to_contain_text("19 contacten geïmporteerd")
    check_a11y(hanne, "day-one-import-report")
    assert Contact.objects.filter(organisation__slug="opvoedingswinkel-genk", source="import").count() == 19

    # This year she registers as usual (four sleep questions so far).
    membership = Membership.objects.get(user__email="hanne@genk.test")
    for day in (5, 12, 19, 26):
        ContactFactory(
            membership=membership,
            date=datetime.date(THIS_YEAR, 2, day),
            municipality="71016",
            main_theme="sleep",
        )

    # The overview: this year beside the same days last year, from the first day of the service.
    hanne.goto(
        f"/o/opvoedingswinkel-genk/overview/?rows=theme&by=&start={THIS_YEAR}-01-01"
        f"&end={datetime.date.today().isoformat()}&compare=last_year"
    )
    sleep = hanne.locator("main tr", has=hanne.locator("th", has_text=re.compile(r"^Slapen$")))
    expect(sleep.first).to_contain_text(re.compile(r"4\s+8\s+[-−]50\s*%"))
    bullying = hanne.locator("main tr", has=hanne.locator("th", has_text=re.compile(r"^Pesten$")))
    expect(bullying.first).to_contain_text(re.compile(r"0\s+5\s+[-−]100\s*%"))  # asked last year only
    check_a11y(hanne, "day-one-overview")

    # The yearly report of last year compares with the year before, kept only in Excel until today.
    hanne.goto("/o/opvoedingswinkel-genk/overview/yearly/")
    hanne.select_option("#id_municipality", label="Genk")
    hanne.select_option("#id_year", str(LAST_YEAR))
    submit(hanne, "main form button[type=submit]")
    runner = start_task_runner()
    try:
        link = hanne.locator("a[href$='/report.pdf']")
        for _ in range(60):  # without JavaScript the page refreshes itself; reload as the meta refresh does
            if link.count():
                break
            hanne.wait_for_timeout(500)
            hanne.reload()
        with hanne.expect_download() as download:
            link.click()
        pdf = PdfReader(io.BytesIO(download.value.path().read_bytes()))
        text = "\n".join(p.extract_text() for p in pdf.pages)
    finally:
        runner.stop()
        runner.finished.wait(10)
    assert f"Jaarverslag {LAST_YEAR}" in text and "Genk" in text
    assert str(LAST_YEAR - 1) in text  # the year before is a column of the report
    sleep_lines = [line for line in text.splitlines() if line.startswith("Slapen")]
    assert any(re.search(r"\b8\b.*\b6\b", line) for line in sleep_lines), sleep_lines
