"""The yearly report for Sint-Truiden: asked for in a few clicks, made in the background, the same
numbers as the funder sees."""

import datetime
import io

import pytest
from pypdf import PdfReader

from opvoedwijzer.reports.models import ReportStatus, YearlyReport
from tests.factories import ContactFactory

LAST_YEAR = datetime.date.today().year - 1


@pytest.fixture
def registrations(sam):
    day = datetime.date(LAST_YEAR, 5, 10)
    ContactFactory.create_batch(12, membership=sam, channel="phone", main_theme="sleep", date=day)
    ContactFactory.create_batch(2, membership=sam, channel="email", main_theme="sleep", date=day)
    ContactFactory.create_batch(
        6, membership=sam, channel="phone", main_theme="sleep", date=day.replace(year=LAST_YEAR - 1)
    )


def run_queued_tasks():
    """What the task runner does with every task that is due."""
    from dbtasks.models import ScheduledTask

    for scheduled in ScheduledTask.objects.filter(status="READY", periodic=False):
        scheduled.run_and_update()


def pdf_text(report):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(bytes(report.pdf))).pages)


def test_a_coordinator_asks_for_the_yearly_report_and_downloads_it(ilse, zuid, registrations, client_for):
    client = client_for(ilse)
    sint_truiden = zuid.municipalities.get(code="71053")
    response = client.post(
        "/o/zuid-limburg/overview/yearly/", {"municipality": sint_truiden.pk, "year": LAST_YEAR}
    )
    report = YearlyReport.objects.get()
    assert response.url == f"/o/zuid-limburg/overview/yearly/{report.pk}/"
    assert report.status == ReportStatus.QUEUED
    assert "report-bar" in client.get(response.url).content.decode()  # the progress bar

    run_queued_tasks()
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE and report.progress == 100
    page = client.get(response.url).content.decode()
    assert f"/o/zuid-limburg/overview/yearly/{report.pk}/report.pdf" in page
    download = client.get(f"/o/zuid-limburg/overview/yearly/{report.pk}/report.pdf")
    assert download["Content-Type"] == "application/pdf"
    text = pdf_text(report)
    assert "Sint-Truiden" in text and str(LAST_YEAR) in text
    for chapter in ("Themagroep", "Contactwijze", "Netwerking", "Signalen"):
        assert chapter in text or chapter.lower() in text.lower()


def test_the_report_hides_what_the_funder_does_not_see_either(ilse, fons, zuid, registrations, client):
    from opvoedwijzer.core.services import create_api_token
    from opvoedwijzer.reports.services import request_yearly_report

    sint_truiden = zuid.municipalities.get(code="71053")
    report = request_yearly_report(zuid, municipality=sint_truiden, year=LAST_YEAR, user=ilse.user)
    run_queued_tasks()
    report.refresh_from_db()
    text = pdf_text(report)
    assert "14" in text  # the total of contacts is shown
    fons.municipalities.set([sint_truiden])
    _token, raw = create_api_token(fons.user)
    api = client.get(
        "/api/v1/contacts/stats",
        {"from": f"{LAST_YEAR}-01-01", "to": f"{LAST_YEAR}-12-31", "by": "municipality,channel"},
        headers={"Authorization": f"Bearer {raw}"},
    ).json()
    assert api["total"] == 14
    assert {r["channel"]: r["count"] for r in api["rows"]} == {"phone": None, "email": None}
    channel_lines = [ln for ln in text.splitlines() if ln.startswith(("Telefoon ", "E-mail "))]  # table lines
    assert channel_lines and all(" x " in f" {line} " for line in channel_lines), channel_lines


def test_only_whole_years_that_have_ended_can_be_asked(ilse, zuid, client_for):
    sint_truiden = zuid.municipalities.get(code="71053")
    this_year = datetime.date.today().year
    response = client_for(ilse).post(
        "/o/zuid-limburg/overview/yearly/", {"municipality": sint_truiden.pk, "year": this_year}
    )
    assert response.status_code == 200 and not YearlyReport.objects.exists()


def test_volunteers_and_other_organisations_cannot_see_a_report(ilse, vera, noor, zuid, client_for):
    from opvoedwijzer.reports.services import request_yearly_report

    report = request_yearly_report(
        zuid, municipality=zuid.municipalities.first(), year=LAST_YEAR, user=ilse.user
    )
    assert client_for(vera).get(f"/o/zuid-limburg/overview/yearly/{report.pk}/").status_code == 403
    assert client_for(noor).get(f"/o/noord-limburg/overview/yearly/{report.pk}/").status_code == 404
