"""Fons, funder of Sint-Truiden, asks for the yearly report of Sint-Truiden himself and downloads it:
only his municipality, small numbers hidden — never Gingelom, never a count below five."""

import datetime
import io
import re

import pytest
from pypdf import PdfReader

from opvoedwijzer.privacy.models import AuditAction, AuditEvent
from opvoedwijzer.reports.models import ReportStatus, YearlyReport
from opvoedwijzer.reports.services import request_yearly_report
from tests.factories import ContactFactory

from .test_yearly import run_queued_tasks

LAST_YEAR = datetime.date.today().year - 1
SINT_TRUIDEN, GINGELOM = "71053", "71017"


@pytest.fixture
def fons_of_sint_truiden(fons, zuid):
    fons.municipalities.set([zuid.municipalities.get(code=SINT_TRUIDEN)])
    return fons


@pytest.fixture
def registrations(sam):
    """Sint-Truiden: 12 by phone and 2 by e-mail; Gingelom: 37 by chat, about divorce."""
    day = datetime.date(LAST_YEAR, 5, 10)
    ContactFactory.create_batch(12, membership=sam, municipality=SINT_TRUIDEN, channel="phone", date=day)
    ContactFactory.create_batch(2, membership=sam, municipality=SINT_TRUIDEN, channel="email", date=day)
    ContactFactory.create_batch(
        37, membership=sam, municipality=GINGELOM, channel="chat", main_theme="divorce", date=day
    )


def pdf_text(pdf_bytes):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf_bytes)).pages)


def test_a_funder_asks_for_the_report_of_his_municipality_and_downloads_it(
    fons_of_sint_truiden, zuid, registrations, client_for
):
    client = client_for(fons_of_sint_truiden)
    assert "/o/zuid-limburg/overview/yearly/" in client.get("/o/zuid-limburg/overview/").content.decode()
    form = client.get("/o/zuid-limburg/overview/yearly/").content.decode()
    assert "Sint-Truiden" in form and "Gingelom" not in form
    sint_truiden = zuid.municipalities.get(code=SINT_TRUIDEN)
    response = client.post(
        "/o/zuid-limburg/overview/yearly/", {"municipality": sint_truiden.pk, "year": LAST_YEAR}
    )
    report = YearlyReport.objects.get()
    assert response.url == f"/o/zuid-limburg/overview/yearly/{report.pk}/"
    assert report.requested_by == fons_of_sint_truiden.user

    run_queued_tasks()
    assert f"/overview/yearly/{report.pk}/report.pdf" in client.get(response.url).content.decode()
    download = client.get(f"/o/zuid-limburg/overview/yearly/{report.pk}/report.pdf")
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    text = pdf_text(download.content)
    assert "Sint-Truiden" in text and "14" in text  # the municipality and its total
    # Nothing of Gingelom: not its name, not its 37 chats about divorce.
    assert "Gingelom" not in text and "37" not in text and "Chat" not in text
    assert "Echtscheiding" not in text and "Scheiding" not in text
    # The 2 e-mails are hidden, and so is the 12 that would give them away (14 − 12).
    channel_lines = [ln for ln in text.splitlines() if ln.startswith(("Telefoon ", "E-mail "))]
    assert channel_lines and all(re.match(r"^(Telefoon|E-mail) x ", line) for line in channel_lines), (
        channel_lines
    )
    event = AuditEvent.objects.get(action=AuditAction.EXPORT)
    assert event.actor == fons_of_sint_truiden.user and event.detail["municipality"] == SINT_TRUIDEN


def test_a_funder_cannot_ask_for_another_municipality(fons_of_sint_truiden, zuid, client_for):
    gingelom = zuid.municipalities.get(code=GINGELOM)
    response = client_for(fons_of_sint_truiden).post(
        "/o/zuid-limburg/overview/yearly/", {"municipality": gingelom.pk, "year": LAST_YEAR}
    )
    assert response.status_code == 200 and 'class="error-summary' in response.content.decode()
    assert not YearlyReport.objects.exists()


def test_a_funder_does_not_see_or_download_the_report_of_another_municipality(
    fons_of_sint_truiden, ilse, zuid, registrations, client_for
):
    gingelom = zuid.municipalities.get(code=GINGELOM)
    report = request_yearly_report(zuid, municipality=gingelom, year=LAST_YEAR, user=ilse.user)
    run_queued_tasks()
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE
    client = client_for(fons_of_sint_truiden)
    assert f"/yearly/{report.pk}/" not in client.get("/o/zuid-limburg/overview/yearly/").content.decode()
    assert client.get(f"/o/zuid-limburg/overview/yearly/{report.pk}/").status_code == 404
    assert client.get(f"/o/zuid-limburg/overview/yearly/{report.pk}/report.pdf").status_code == 404
    # The coordinator still sees it, and it does hold what Fons's report must not: Gingelom's 37 chats.
    download = client_for(ilse).get(f"/o/zuid-limburg/overview/yearly/{report.pk}/report.pdf")
    text = pdf_text(download.content)
    assert "Gingelom" in text and "37" in text and "Chat" in text


def test_a_funder_sees_the_report_the_coordinator_made_for_his_municipality(
    fons_of_sint_truiden, ilse, zuid, registrations, client_for
):
    sint_truiden = zuid.municipalities.get(code=SINT_TRUIDEN)
    report = request_yearly_report(zuid, municipality=sint_truiden, year=LAST_YEAR, user=ilse.user)
    run_queued_tasks()
    page = client_for(fons_of_sint_truiden).get("/o/zuid-limburg/overview/yearly/").content.decode()
    assert f"/o/zuid-limburg/overview/yearly/{report.pk}/" in page


def test_a_funder_of_another_organisation_gets_404(noord, zuid, fons_of_sint_truiden, ilse, client_for):
    from tests.factories import make_member

    report = request_yearly_report(
        zuid, municipality=zuid.municipalities.get(code=SINT_TRUIDEN), year=LAST_YEAR, user=ilse.user
    )
    other_funder = make_member(noord, "fien@noord.test", "funder")
    client = client_for(other_funder)
    assert client.get(f"/o/zuid-limburg/overview/yearly/{report.pk}/").status_code == 404
    assert client.get(f"/o/noord-limburg/overview/yearly/{report.pk}/").status_code == 404


def test_a_funder_without_municipalities_is_told_whom_to_ask(fons, client_for):
    page = client_for(fons).get("/o/zuid-limburg/overview/yearly/").content.decode()
    assert "Er is nog geen gemeente aan je account gekoppeld" in page
