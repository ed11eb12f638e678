"""Login, invitations (no public sign-up), roles and API tokens."""

import datetime
import re

from django.core import mail
from django.core.management import call_command

from opvoedwijzer.core.models import ApiToken, Invitation, Membership, Role, User
from tests.factories import PASSWORD, turn_on_authenticator_app


def test_staff_log_in_with_their_email_address(sam, client):
    response = client.post("/accounts/login/", {"login": "sam@zuid.test", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/").url == "/o/zuid-limburg/"


def test_a_wrong_password_shows_an_error_not_a_500(sam, client):
    response = client.post("/accounts/login/", {"login": "sam@zuid.test", "password": "nope"})
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()


def test_there_is_no_public_sign_up(client, db):
    client.post(
        "/accounts/signup/",
        {"email": "x@example.org", "password1": "Zeer-geheim-2026!", "password2": "Zeer-geheim-2026!"},
    )
    assert not User.objects.filter(email="x@example.org").exists()


def test_password_reset_sends_a_mail(sam, client):
    client.post("/accounts/password/reset/", {"email": "sam@zuid.test"})
    assert len(mail.outbox) == 1
    assert "sam@zuid.test" in mail.outbox[0].to


def invite(client, email, role):
    return client.post("/o/zuid-limburg/members/", {"email": email, "role": role})


def test_a_coordinator_invites_a_colleague_who_sets_a_password_and_is_in(ilse, client_for, client):
    response = invite(client_for(ilse), "lotte.nieuw@zuid.test", Role.STAFF)
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/invite/\S+/", mail.outbox[0].body).group(0)
    client.logout()
    path = link.split("testserver", 1)[1]
    accepted = client.post(
        path, {"new_password1": "Opvoeden-is-leuk-42", "new_password2": "Opvoeden-is-leuk-42"}
    )
    assert accepted.status_code == 302
    membership = Membership.objects.get(user__email="lotte.nieuw@zuid.test")
    assert membership.role == Role.STAFF
    assert client.get("/o/zuid-limburg/contacts/new/").status_code == 200
    client.logout()
    assert client.get(path).status_code == 404, "an invitation works only once"


def test_an_invitation_for_an_existing_member_is_refused(ilse, sam, client_for):
    response = invite(client_for(ilse), "sam@zuid.test", Role.STAFF)
    assert response.status_code == 200
    assert "already a member" in response.content.decode() or "al lid" in response.content.decode()
    assert not mail.outbox


def test_staff_cannot_invite(sam, client_for):
    assert invite(client_for(sam), "x@zuid.test", Role.COORDINATOR).status_code == 403
    assert not mail.outbox


def test_a_user_of_several_organisations_chooses_one(sam, noord, client_for):
    Membership.objects.create(user=sam.user, organisation=noord, role=Role.STAFF)
    page = client_for(sam).get("/").content.decode()
    assert "/o/zuid-limburg/" in page and "/o/noord-limburg/" in page


def test_a_personal_api_token_is_made_on_the_profile_page_and_shown_once(sam, client_for):
    turn_on_authenticator_app(sam.user)
    client = client_for(sam)
    page = client.post("/profile/", {"name": "spreadsheet"}).content.decode()
    token = re.search(r"ow_[A-Za-z0-9_-]{20,}", page).group(0)
    assert ApiToken.objects.get(user=sam.user).token_hash != token
    assert token not in client.get("/profile/").content.decode()
    response = client.get("/api/v1/taxonomy", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200


def test_create_api_token_prints_the_token_as_its_last_line(sam, capsys):
    call_command("create_api_token", "sam@zuid.test")
    token = capsys.readouterr().out.strip().splitlines()[-1]
    assert token.startswith("ow_")
    from opvoedwijzer.core.services import user_for_api_token

    assert user_for_api_token(token) == sam.user


def test_a_revoked_token_no_longer_works(sam, client_for):
    from opvoedwijzer.core.services import create_api_token

    token, raw = create_api_token(sam.user)
    client = client_for(sam)
    client.post(f"/profile/tokens/{token.pk}/revoke/")
    response = client.get("/api/v1/taxonomy", headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 401


def test_the_invitation_works_as_many_days_as_the_setting_says_and_the_mail_says_so(
    ilse, client_for, settings
):
    settings.INVITATION_VALID_DAYS = 3
    invite(client_for(ilse), "lotte.nieuw@zuid.test", Role.STAFF)
    invitation = Invitation.objects.get(email="lotte.nieuw@zuid.test")
    lasts = invitation.expires_at - invitation.created
    assert datetime.timedelta(days=3) - datetime.timedelta(seconds=5) < lasts <= datetime.timedelta(days=3)
    assert "3 dagen geldig" in mail.outbox[0].body
