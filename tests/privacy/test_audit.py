"""The audit log: logins, failed logins, invitations, exports and confirmed notes; no PII in it."""

import pytest

from opvoedwijzer.privacy.models import AuditAction, AuditEvent
from opvoedwijzer.reports import exports
from tests.contacts.test_register import form_data as contact_form
from tests.factories import PASSWORD, ContactFactory


def actions():
    return list(AuditEvent.objects.order_by("id").values_list("action", flat=True))


def test_logins_and_failed_logins_are_logged(sam, client):
    client.post("/accounts/login/", {"login": "sam@zuid.test", "password": "fout"})
    client.post("/accounts/login/", {"login": "onbekend@zuid.test", "password": "fout"})
    client.post("/accounts/login/", {"login": "sam@zuid.test", "password": PASSWORD})
    assert actions() == [AuditAction.LOGIN_FAILED, AuditAction.LOGIN]
    assert set(AuditEvent.objects.values_list("actor", flat=True)) == {sam.user.pk}


def test_an_invitation_and_its_acceptance_are_logged(ilse, client_for):
    from opvoedwijzer.core import services

    client_for(ilse).post("/o/zuid-limburg/members/", {"email": "nieuw@zuid.test", "role": "staff"})
    invitation = ilse.organisation.invitations.get()
    services.accept_invitation(invitation, password="Een-heel-lang-wachtwoord-1")
    assert actions() == [AuditAction.INVITATION_SENT, AuditAction.INVITATION_ACCEPTED]
    sent = AuditEvent.objects.first()
    assert sent.detail["role"] == "staff" and "nieuw@zuid.test" not in str(sent.detail)


def test_every_export_is_logged(sam, client_for):
    client_for(sam).get("/o/zuid-limburg/overview/export.csv?by=theme")
    event = AuditEvent.objects.get(action=AuditAction.EXPORT)
    assert event.actor == sam.user and event.organisation == sam.organisation
    assert event.detail["by"] == "theme"


class FileFailed(Exception):
    pass


def test_an_export_whose_file_fails_to_build_leaves_no_row(sam, client_for, monkeypatch):
    def fail(report, name):
        raise FileFailed

    monkeypatch.setitem(exports.RESPONSES, "csv", fail)
    with pytest.raises(FileFailed):
        client_for(sam).get("/o/zuid-limburg/overview/export.csv?by=theme")
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


def test_a_confirmed_note_is_logged_without_the_note(sam, client_for, today):
    client_for(sam).post(
        "/o/zuid-limburg/contacts/new/",
        contact_form(
            date=today.isoformat(),
            note="Lotte belt terug",
            note_pii_reason="Lotte is de naam van een knuffel",
        ),
    )
    event = AuditEvent.objects.get(action=AuditAction.PII_CONFIRMED)
    assert event.detail["kinds"] == ["person_name"]
    assert "belt terug" not in str(event.detail)
    assert "Lotte" not in str(event.detail), "the reason is redacted too"


def test_the_coordinator_sees_the_log_of_her_organisation_only(
    ilse, sam, noor, client_for, client, django_assert_max_num_queries
):
    client_for(sam).get("/o/zuid-limburg/overview/export.csv")
    client.logout()
    client_for(noor).get("/o/noord-limburg/overview/export.csv")
    client.logout()
    coordinator = client_for(ilse)
    with django_assert_max_num_queries(10):
        page = coordinator.get("/o/zuid-limburg/audit/").content.decode()
    assert "sam@zuid.test" in page and "noor@noord.test" not in page
    filtered = coordinator.get("/o/zuid-limburg/audit/", {"action": "login"}).content.decode()
    assert "sam@zuid.test" not in filtered


@pytest.mark.parametrize("member", ["sam", "vera", "fons"])
def test_only_coordinators_see_the_log(member, request, client_for):
    assert client_for(request.getfixturevalue(member)).get("/o/zuid-limburg/audit/").status_code == 403


def test_registering_a_contact_is_not_an_audit_event(sam):
    ContactFactory(membership=sam)
    assert not AuditEvent.objects.exists()
