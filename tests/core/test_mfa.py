"""Two-step login: required for staff, coordinators and funders, with a short grace period.

Sam (staff) and Ilse (coordinator) must use it; Vera (volunteer) need not.
"""

import datetime

from allauth.mfa.models import Authenticator
from django.utils import timezone

from opvoedwijzer.core.adapters import MFAAdapter
from opvoedwijzer.core.mfa import MFAStatus, mfa_status
from opvoedwijzer.core.models import ApiToken, Membership, Role
from opvoedwijzer.privacy.models import AuditAction, AuditEvent
from tests.factories import PASSWORD, authenticator_code, turn_on_authenticator_app


def past_the_deadline(membership):
    membership.user.mfa_setup_deadline = timezone.now() - datetime.timedelta(minutes=1)
    membership.user.save(update_fields=["mfa_setup_deadline"])


def test_a_new_staff_member_is_told_until_when_to_set_up_two_step_login(sam, client_for):
    assert mfa_status(sam.user) is MFAStatus.GRACE
    page = client_for(sam).get("/o/zuid-limburg/").content.decode()
    assert "/accounts/2fa/" in page
    deadline = sam.user.date_joined + datetime.timedelta(days=7)
    assert str(timezone.localtime(deadline).year) in page


def test_after_the_grace_period_a_password_alone_opens_nothing(sam, client_for):
    past_the_deadline(sam)
    client = client_for(sam)
    for path in [
        "/",
        "/o/zuid-limburg/",
        "/o/zuid-limburg/contacts/new/",
        "/profile/",
        "/accounts/2fa/",
        "/accounts/2fa/totp/activate/",
        "/accounts/2fa/webauthn/add/",
    ]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response.url == "/accounts/2fa/required/", path
    response = client.post("/o/zuid-limburg/contacts/new/", {})
    assert response.url == "/accounts/2fa/required/"
    assert client.get("/accounts/2fa/required/").status_code == 200
    assert client.post("/accounts/logout/").status_code == 302


def test_with_a_second_factor_the_deadline_does_not_matter(sam, client_for):
    turn_on_authenticator_app(sam.user)
    past_the_deadline(sam)
    assert client_for(sam).get("/o/zuid-limburg/contacts/new/").status_code == 200


def test_a_volunteer_needs_no_second_factor(vera, client_for):
    past_the_deadline(vera)
    assert mfa_status(vera.user) is MFAStatus.NOT_REQUIRED
    page = client_for(vera).get("/o/zuid-limburg/contacts/new/")
    assert page.status_code == 200
    assert '/accounts/2fa/"' not in page.content.decode()


def test_logging_in_with_an_authenticator_app_asks_for_the_code(sam, client):
    secret = turn_on_authenticator_app(sam.user)
    response = client.post("/accounts/login/", {"login": sam.user.email, "password": PASSWORD})
    assert response.url == "/accounts/2fa/authenticate/"
    # The password alone did not log Sam in.
    assert client.get("/o/zuid-limburg/").url.startswith("/accounts/login/")

    response = client.post("/accounts/login/", {"login": sam.user.email, "password": PASSWORD})
    response = client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    assert response.status_code == 200  # the form again, with its error
    assert AuditEvent.objects.filter(action=AuditAction.MFA_FAILED, actor=sam.user).exists()

    response = client.post("/accounts/2fa/authenticate/", {"code": authenticator_code(secret)})
    assert response.status_code == 302
    assert client.get("/o/zuid-limburg/").status_code == 200
    assert AuditEvent.objects.filter(action=AuditAction.LOGIN, actor=sam.user).exists()


def test_whoever_needs_it_cannot_remove_their_last_second_factor(sam, vera):
    turn_on_authenticator_app(sam.user)
    turn_on_authenticator_app(vera.user)
    adapter = MFAAdapter()
    assert not adapter.can_delete_authenticator(sam.user.authenticator_set.get())
    assert adapter.can_delete_authenticator(vera.user.authenticator_set.get())


def test_a_coordinator_reopens_the_set_up_for_a_member_who_lost_their_phone(ilse, sam, client_for):
    turn_on_authenticator_app(sam.user)
    past_the_deadline(sam)
    response = client_for(ilse).post(f"/o/zuid-limburg/members/{sam.pk}/reopen-mfa/")
    assert response.status_code == 302
    assert not Authenticator.objects.filter(user=sam.user).exists()
    sam.user.refresh_from_db()
    assert mfa_status(sam.user) is MFAStatus.GRACE
    event = AuditEvent.objects.get(action=AuditAction.MFA_REOPENED)
    assert event.actor == ilse.user and event.detail == {"member": sam.user.pk, "removed": 1}


def test_staff_cannot_reopen_anyones_set_up(sam, vera, client_for):
    response = client_for(sam).post(f"/o/zuid-limburg/members/{vera.pk}/reopen-mfa/")
    assert response.status_code == 403


def test_an_api_token_needs_two_step_login_when_the_role_requires_it(sam, vera, client_for):
    page = client_for(sam).post("/profile/", {"name": "spreadsheet"}).content.decode()
    assert "ow_" not in page
    assert not ApiToken.objects.filter(user=sam.user).exists()
    client_for(vera).post("/profile/", {"name": "spreadsheet"})
    assert ApiToken.objects.filter(user=vera.user).exists()


def test_accepting_an_invitation_for_a_role_that_needs_it_starts_the_grace_period(ilse, client, vera):
    from opvoedwijzer.core.services import accept_invitation, invite_member

    vera.user.date_joined = timezone.now() - datetime.timedelta(days=400)
    vera.user.save(update_fields=["date_joined"])
    assert mfa_status(vera.user) is MFAStatus.NOT_REQUIRED
    # Vera becomes a staff member of another service: she gets her days to set it up, not a lock-out.
    from opvoedwijzer.core.services import create_organisation

    oost = create_organisation(slug="oost", name="Oost")
    invitation = invite_member(
        oost, email=vera.user.email, role=Role.STAFF, invited_by=ilse.user, build_url=lambda t: t
    )
    accept_invitation(invitation, user=vera.user)
    assert mfa_status(vera.user) is MFAStatus.GRACE


def test_a_coordinator_changes_a_role_and_the_audit_log_says_so(ilse, vera, client_for):
    response = client_for(ilse).post(
        f"/o/zuid-limburg/members/{vera.pk}/", {"role": "staff", "is_active": "on"}
    )
    assert response.status_code == 302
    vera.refresh_from_db()
    assert vera.role == Role.STAFF
    event = AuditEvent.objects.get(action=AuditAction.ROLE_CHANGED)
    assert event.actor == ilse.user
    assert event.detail["old_role"] == "volunteer" and event.detail["new_role"] == "staff"
    assert vera.user.email not in str(event.detail)


def test_a_funder_is_given_the_municipalities_they_may_see(ilse, fons, zuid, client_for):
    client = client_for(ilse)
    response = client.post(f"/o/zuid-limburg/members/{fons.pk}/", {"role": "funder", "is_active": "on"})
    assert response.status_code == 200  # no municipality chosen: refused, form kept
    assert "funder" in response.content.decode()
    sint_truiden = zuid.municipalities.get(code="71053")
    client.post(
        f"/o/zuid-limburg/members/{fons.pk}/",
        {"role": "funder", "is_active": "on", "municipalities": [sint_truiden.pk]},
    )
    assert list(fons.municipalities.all()) == [sint_truiden]


def test_the_last_coordinator_cannot_step_down(ilse, client_for):
    response = client_for(ilse).post(
        f"/o/zuid-limburg/members/{ilse.pk}/", {"role": "staff", "is_active": "on"}
    )
    assert response.status_code == 200
    assert Membership.objects.get(pk=ilse.pk).role == Role.COORDINATOR


def test_the_operator_reopens_the_set_up_of_the_last_coordinator(ilse, capsys):
    from django.core.management import call_command

    turn_on_authenticator_app(ilse.user)
    past_the_deadline(ilse)
    call_command("reopen_mfa_setup", "ILSE@zuid.test")
    assert "ilse@zuid.test can set up two-step login until" in capsys.readouterr().out
    ilse.user.refresh_from_db()
    assert mfa_status(ilse.user) is MFAStatus.GRACE
