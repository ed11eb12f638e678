"""Issue 7, done when: a coordinator publishes a four-evening parent course with a partner, parents
sign up on their phones without an account, the eleventh lands on the waiting list and moves up when
someone cancels, attendance and evaluations appear in the yearly report, and a week after the last
evening no phone number is left. The whole story through HTTP, as the people do it."""

import datetime
import io
import re

from django.utils import timezone
from pypdf import PdfReader

from opvoedwijzer.activities.models import Activity, Session, SignUp
from opvoedwijzer.reports.services import request_yearly_report
from opvoedwijzer.retention.run import purge_expired
from opvoedwijzer.socialmap import services as socialmap
from tests.reports.test_yearly import run_queued_tasks


def test_the_story_of_a_four_evening_parent_course(ilse, sam, zuid, client_for, client):
    sint_truiden = zuid.municipalities.get(code="71053")
    cgg = socialmap.create_map_organisation(zuid, {"name": "CGG LITP", "partnership": "structural"})
    zaal = socialmap.create_location(
        zuid, {"map_organisation": cgg, "name": "CGG Sint-Truiden", "municipality": sint_truiden}
    )

    # Ilse plans four Tuesday evenings with the CGG and publishes them.
    first = timezone.localdate() + datetime.timedelta(days=7)
    form = {
        "kind": "parent_course",
        "title": "Pubers in huis",
        "themes": ["puberty"],
        "partners": [str(cgg.pk)],
        "audience": "parents",
        "language": "nl",
        "price": "0",
        "capacity": "10",
        "sessions-TOTAL_FORMS": "4",
        "sessions-INITIAL_FORMS": "0",
    }
    for n in range(4):
        form |= {
            f"sessions-{n}-day": (first + datetime.timedelta(weeks=n)).isoformat(),
            f"sessions-{n}-start": "19:30",
            f"sessions-{n}-end": "21:30",
            f"sessions-{n}-location": str(zaal.pk),
        }
    staff = client_for(ilse)
    assert staff.post("/o/zuid-limburg/activities/new/", form).status_code == 302
    course = Activity.objects.get()
    staff.post(f"/o/zuid-limburg/activities/{course.pk}/publish/", {"published": "1"})
    staff.logout()

    # Eleven parents sign up on the public page, each leaving a phone number for the reminder.
    links = []
    for n in range(11):
        response = client.post(
            f"/zuid-limburg/agenda/{course.pk}/",
            {"name": f"Ouder {n}", "people": "1", "contact": f"0470 00 00 {n:02d}"},
        )
        links.append(response["Location"].split("?")[0])
    assert list(SignUp.objects.values_list("status", flat=True)) == ["confirmed"] * 10 + ["waiting"]

    # The third cannot come and cancels with the link; the eleventh moves up.
    client.post(links[2])
    assert SignUp.objects.get(name="Ouder 10").status == "confirmed"

    # Time passes: the four evenings are held (the last one ended eight days ago).
    shift = datetime.timedelta(days=(first - timezone.localdate()).days + 21 + 8)
    for session in Session.objects.all():
        Session.objects.filter(pk=session.pk).update(
            starts_at=session.starts_at - shift, ends_at=session.ends_at - shift
        )

    # At every evening Sam counts heads, and seven parents evaluate with the QR link.
    staff = client_for(sam)
    for session in Session.objects.all():
        staff.post(
            f"/o/zuid-limburg/activities/sessions/{session.pk}/attendance/",
            {
                "attendance-TOTAL_FORMS": "2",
                "attendance-INITIAL_FORMS": "0",
                "attendance-0-who": "mother",
                "attendance-0-municipality": "71053",
                "attendance-0-count": "6",
                "attendance-1-who": "father",
                "attendance-1-municipality": "71053",
                "attendance-1-count": "5",
            },
        )
    last = Session.objects.last()
    for score in (5, 5, 4, 4, 4, 5, 3):
        client.post(
            f"/zuid-limburg/evaluate/{last.evaluation_code}/",
            {"overall": score, "useful": 4, "atmosphere": 5, "comment": ""},
        )

    # The yearly report for Sint-Truiden has the course, its attendance and its evaluations.
    report = request_yearly_report(
        zuid, municipality=sint_truiden, year=timezone.localdate().year, user=ilse.user
    )
    run_queued_tasks()
    report.refresh_from_db()
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(bytes(report.pdf))).pages)
    lines = [re.sub(r"\s+", " ", line).strip() for line in text.splitlines()]
    # Oudercursus: 1 activity, 4 sessions held, 10 signed up, nobody waiting, 44 attended
    assert "Oudercursus 1 4 10 0 44" in lines
    assert "Sint-Truiden 24 20 44" in lines  # mothers, fathers, total
    assert "Oudercursus 7 4,3 4,0 5,0" in lines  # evaluations, appreciation, usefulness, atmosphere

    # A week after the last evening the nightly purge leaves no name and no phone number.
    purge_expired()
    assert not SignUp.objects.exclude(contact="").exists()
    assert not SignUp.objects.exclude(name="").exists()
    assert SignUp.objects.filter(status="confirmed").count() == 10  # the numbers stay
