"""Ilse makes the yearly report for Sint-Truiden in a few clicks and watches it being made."""

import datetime
import io
import threading

from playwright.sync_api import expect
from pypdf import PdfReader

from tests.factories import ContactFactory


def start_task_runner():
    """The real task runner, in a thread, as `manage.py taskrunner` runs it."""
    from dbtasks.runner import Runner

    runner = Runner(workers=1, worker_id="browser-test", loop_delay=0.1, init_periodic=False)
    threading.Thread(target=runner.run, daemon=True).start()
    runner.ready.wait(10)
    return runner


def test_a_coordinator_makes_the_yearly_report_and_sees_its_progress(ilse, sam, logged_in, check_a11y):
    last_year = datetime.date.today().year - 1
    ContactFactory.create_batch(7, membership=sam, date=datetime.date(last_year, 3, 3))
    page = logged_in(ilse)
    page.goto("/o/zuid-limburg/overview/")
    page.click("a[href$='/overview/yearly/']")
    check_a11y(page, "yearly-reports")
    page.select_option("#id_municipality", label="Sint-Truiden")
    page.select_option("#id_year", str(last_year))
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    expect(page.locator("#report-bar")).to_be_visible()  # queued: nothing runs the task yet
    check_a11y(page, "yearly-report-progress")

    runner = start_task_runner()
    try:
        link = page.locator("a[href$='/report.pdf']")
        expect(link).to_be_visible(timeout=30_000)  # htmx follows the progress, no reload
        check_a11y(page, "yearly-report-ready")
        with page.expect_download() as download_info:
            link.click()
        pdf = PdfReader(io.BytesIO(download_info.value.path().read_bytes()))
        text = "\n".join(p.extract_text() for p in pdf.pages)
        assert "Sint-Truiden" in text and f"Jaarverslag {last_year}" in text
    finally:
        runner.stop()
        runner.finished.wait(10)
