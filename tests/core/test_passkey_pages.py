"""A coordinator's passkeys (issue 15, item 4): the list of passkeys, renaming and removing one, in
Dutch with "je" (the list answered 500 until `django.contrib.humanize` was installed: allauth's
template loads its tags); allauth's other account pages too."""

from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from tests.core.test_dutch_wording import (
    add_passkey,
    assert_dutch,
    logged_in_client,
    problems_in,
    visible_text,
)
from tests.factories import PASSWORD

PASSKEYS = "/accounts/2fa/webauthn/"


def confirmed(client, response):
    """allauth asks for the password again before a key is changed: give it, as a person would."""
    if response.redirect_chain and "/reauthenticate/" in response.redirect_chain[-1][0]:
        assert not problems_in(visible_text(response.content.decode()))
        response = client.post(response.redirect_chain[-1][0], {"password": PASSWORD}, follow=True)
    assert response.status_code == 200
    return response


def test_ilse_with_a_passkey_sees_her_passkeys_in_dutch_and_the_way_back(ilse, client):
    logged_in_client(client, ilse)
    add_passkey(ilse)
    text = assert_dutch(client, PASSKEYS)
    assert "Laptop" in text
    assert "Nog niet gebruikt." in text
    page = client.get(PASSKEYS).content.decode()
    assert 'href="/accounts/2fa/"' in page  # back to the two-step login page
    assert "Tweestapsaanmelding beheren" in text


def test_ilse_renames_her_passkey_and_is_back_on_the_list(ilse, client):
    logged_in_client(client, ilse)
    key = add_passkey(ilse)
    url = f"{PASSKEYS}keys/{key.pk}/edit/"
    response = confirmed(client, client.get(url, follow=True))
    text = visible_text(response.content.decode())
    assert not problems_in(text), problems_in(text)
    response = client.post(url, {"name": "Telefoon"}, follow=True)
    assert response.redirect_chain[-1][0] == PASSKEYS
    assert response.status_code == 200
    key.refresh_from_db()
    assert key.data["name"] == "Telefoon"
    text = visible_text(response.content.decode())
    assert "Telefoon" in text
    assert not problems_in(text), problems_in(text)


def test_ilse_removes_her_passkey_and_is_back_on_the_list(ilse, client):
    logged_in_client(client, ilse)
    key = add_passkey(ilse)
    url = f"{PASSKEYS}keys/{key.pk}/remove/"
    response = confirmed(client, client.get(url, follow=True))
    text = visible_text(response.content.decode())
    assert not problems_in(text), problems_in(text)
    response = client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == PASSKEYS
    assert response.status_code == 200
    assert not ilse.user.authenticator_set.filter(type="webauthn").exists()
    text = visible_text(response.content.decode())
    assert not problems_in(text), problems_in(text)


ACCOUNT_PAGES = [
    "/accounts/email/",
    "/accounts/confirm-email/",  # allauth's own Dutch said "a.u.b."
    "/accounts/password/reset/done/",
    "/accounts/password/reset/key/done/",
    "/accounts/logout/",
    "/accounts/inactive/",
    "/accounts/reauthenticate/",
    "/accounts/password/change/",
    "/accounts/2fa/",
    "/accounts/2fa/webauthn/",
    "/accounts/2fa/webauthn/add/",
    "/accounts/2fa/totp/activate/",
    "/accounts/2fa/recovery-codes/generate/",
]


def test_allauths_account_pages_speak_dutch_with_je_for_a_coordinator_with_a_passkey(ilse, client):
    logged_in_client(client, ilse)
    add_passkey(ilse)
    for url in ACCOUNT_PAGES:
        assert_dutch(client, url)


def test_the_page_asking_to_verify_an_address_speaks_dutch_with_je(rf, ilse):
    """allauth shows it when a page needs a verified address (not reachable by URL alone)."""
    from django.template.loader import render_to_string
    from django.utils import translation

    request = rf.get("/accounts/email/")
    request.user = ilse.user
    with translation.override("nl"):
        html = render_to_string("account/verified_email_required.html", request=request)
    text = visible_text(html)
    assert "Kijk bij je spam" in text
    assert not problems_in(text), problems_in(text)


def test_with_the_app_set_up_turning_it_off_and_the_codes_speak_dutch_with_je(sam, client):
    logged_in_client(client, sam)
    TOTP.activate(sam.user, generate_totp_secret())
    RecoveryCodes.activate(sam.user)
    for url in ("/accounts/2fa/", "/accounts/2fa/totp/deactivate/", "/accounts/2fa/recovery-codes/"):
        response = confirmed(client, client.get(url, follow=True))
        assert response.request["PATH_INFO"] == url
        text = visible_text(response.content.decode())
        assert not problems_in(text), f"{url}: {problems_in(text)}\n{text}"
