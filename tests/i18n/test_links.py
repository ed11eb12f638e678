"""Links that leave the page flow and come back bring the parent back in her language (issue 19, item 4):
the cancel link of a sign-up, the link of a reservation, the evaluation QR code."""

from django.core import mail
from django.utils import translation

from opvoedwijzer.activities import services as activities
from opvoedwijzer.library import services as library
from tests.factories import make_activity


def test_the_sign_up_message_links_back_in_polish(zuid, django_capture_on_commit_callbacks):
    course = make_activity(zuid, capacity=10)
    with django_capture_on_commit_callbacks(execute=True):
        activities.sign_up(course, name="Ola", people=1, contact="ola@example.org", language="pl")
    (message,) = mail.outbox
    assert "/signup/" in message.body
    assert "?lang=pl" in message.body


def test_the_reservation_mail_links_back_in_turkish(zuid, django_capture_on_commit_callbacks):
    book = library.create_resource(
        zuid, {"kind": "book", "title": "Uyku", "published": True, "language": "tr"}
    )
    library.add_copy(book, "INF-1")
    with translation.override("tr"), django_capture_on_commit_callbacks(execute=True):
        library.reserve(book, "anne@example.org", mail_link=True)
    (message,) = mail.outbox
    assert "/library/reservation/" in message.body and "?lang=tr" in message.body


def test_the_evaluation_qr_code_opens_in_the_activitys_language(zuid, client_for, sam):
    course = make_activity(zuid, capacity=10, language="ar")
    session = course.sessions.first()
    page = client_for(sam).get(f"/o/zuid-limburg/activities/sessions/{session.pk}/evaluation/")
    assert page.status_code == 200
    assert f"/evaluate/{session.evaluation_code}/?lang=ar" in page.content.decode()
