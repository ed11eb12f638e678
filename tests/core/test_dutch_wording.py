"""No English on Dutch pages, one Dutch term for two-step login ("tweestapsaanmelding") and "je",
never "u": checked over the nl catalogue and over staff and public pages rendered in Dutch."""

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings

from tests.factories import PASSWORD, authenticator_code

ROOT = Path(settings.BASE_DIR)
NL_PO = ROOT / "opvoedwijzer" / "locale" / "nl" / "LC_MESSAGES" / "django.po"

# What gives a Dutch page away as (partly) English, or as not ours in tone.
ENGLISH = re.compile(
    r"\b(the|your|you|please|select an option|successfully|signed in|sign in|sign out|"
    r"recovery codes|authenticator app|security keys?|activate|deactivate|"
    r"manage|generate|add|view|enter your|code sent|too many)\b",
    re.IGNORECASE,
)
NOT_OUR_DUTCH = re.compile(
    r"\b(u|uw|Uw|U)\b|alstublieft|a\.u\.b\.|twee-?factor|tweeledig|2FA|authenticatie\b", re.IGNORECASE
)


class VisibleText(HTMLParser):
    """The text a person sees or hears: text outside script/style, plus alt, aria-label, title,
    placeholder and the value of buttons."""

    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        attrs = dict(attrs)
        for name in ("alt", "aria-label", "title", "placeholder"):
            if attrs.get(name):
                self.parts.append(attrs[name])
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.parts.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.parts.append(data.strip())


def visible_text(html):
    parser = VisibleText()
    parser.feed(html)
    return " | ".join(parser.parts)


def problems_in(text):
    found = [m.group(0) for m in ENGLISH.finditer(text)] + [m.group(0) for m in NOT_OUR_DUTCH.finditer(text)]
    return sorted(set(found))


def logged_in_client(client, membership):
    """Logged in through allauth's login, as a person would (so no password is asked again)."""
    response = client.post("/accounts/login/", {"login": membership.user.email, "password": PASSWORD})
    assert response.status_code == 302, "login failed"
    return client


def assert_dutch(client, url):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="nl", follow=True)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    text = visible_text(response.content.decode())
    found = problems_in(text)
    assert not found, f"{url} is not plain Dutch with 'je': {found}\n{text}"
    return text


def test_the_check_recognises_english_and_u(client):
    """The check itself can fail: an English allauth sentence and a "u" sentence are caught."""
    assert problems_in("Two-Factor Authentication | Successfully signed in as Staff.")
    assert problems_in("Voer alstublieft uw code in") == ["alstublieft", "uw"]
    assert problems_in("- Select an option -")
    assert not problems_in("Tweestapsaanmelding | Je bent nu ingelogd als Sam. | Kies een optie")


XGETTEXT = [
    "xgettext",
    "--language=Python",
    "--from-code=UTF-8",
    "--no-wrap",
    "--sort-output",
    "--keyword=gettext_noop",
    "--keyword=gettext_lazy",
    "--keyword=ngettext_lazy:1,2",
    "--keyword=pgettext:1c,2",
    "--keyword=npgettext:1c,2,3",
    "--keyword=pgettext_lazy:1c,2",
    "--keyword=npgettext_lazy:1c,2,3",
]


def msgids_of_our_code(tmp_path):
    """A .pot of every msgid in opvoedwijzer's Python files and templates, the way makemessages
    collects them (templates through Django's templatize), without touching our catalogue."""
    from django.utils.translation.template import templatize

    sources = []
    for path in sorted((ROOT / "opvoedwijzer").rglob("*")):
        if "migrations" in path.parts or "locale" in path.parts or not path.is_file():
            continue
        if path.suffix == ".py":
            sources.append(str(path))
        elif path.suffix in (".html", ".txt") and "templates" in path.parts:
            out = tmp_path / (str(path.relative_to(ROOT)).replace("/", "__") + ".py")
            out.write_text(templatize(path.read_text(encoding="utf-8"), origin=str(path)), encoding="utf-8")
            sources.append(str(out))
    pot = tmp_path / "ours.pot"
    subprocess.run([*XGETTEXT, "-o", str(pot), *sources], check=True, capture_output=True)
    return pot


def test_every_msgid_used_by_our_code_has_a_dutch_translation(tmp_path):
    """Every msgid that our templates and code use has a non-empty, non-fuzzy Dutch msgstr."""
    fuzzy = subprocess.run(
        ["msgattrib", "--only-fuzzy", "--no-obsolete", "--no-wrap", str(NL_PO)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert fuzzy.stdout.strip() == "", "fuzzy entries in the nl catalogue:\n" + fuzzy.stdout[:3000]
    pot = msgids_of_our_code(tmp_path)
    compared = subprocess.run(["msgcmp", str(NL_PO), str(pot)], capture_output=True, text=True)
    assert compared.returncode == 0, (
        "msgids without (or with an empty) Dutch msgstr:\n" + compared.stderr[:5000]
    )


STAFF_PAGES = [
    "/o/zuid-limburg/",
    "/o/zuid-limburg/contacts/new/",
    "/o/zuid-limburg/contacts/",
    "/o/zuid-limburg/contacts/tally/",
    "/o/zuid-limburg/map/",
    "/o/zuid-limburg/map/services/new/",
    "/o/zuid-limburg/map/organisations/new/",
    "/o/zuid-limburg/map/locations/new/",
    "/o/zuid-limburg/map/referrals/",
    "/profile/",
    "/accounts/2fa/",
    "/accounts/2fa/totp/activate/",
    "/accounts/2fa/webauthn/add/",
    "/accounts/2fa/recovery-codes/generate/",
    "/accounts/password/change/",
]


def test_the_staff_pages_and_the_two_step_set_up_speak_dutch_with_je(sam, client):
    logged_in_client(client, sam)
    for url in STAFF_PAGES:
        assert_dutch(client, url)


def test_a_blank_choice_in_a_dutch_form_reads_kies_not_select_an_option():
    """Django's blank choice of a model field with choices (as on a partnership or a language)."""
    from django.db import models
    from django.utils import translation

    with translation.override("nl"):
        blank = models.CharField(choices=[("a", "A")], blank=True).formfield().choices[0]
        assert blank == ("", "— kies —")


def test_after_logging_in_sam_is_greeted_by_name_in_dutch(sam, client):
    sam.user.first_name = "Sam"
    sam.user.save()
    response = client.post(
        "/accounts/login/",
        {"login": sam.user.email, "password": PASSWORD},
        HTTP_ACCEPT_LANGUAGE="nl",
        follow=True,
    )
    text = visible_text(response.content.decode())
    assert "Je bent nu ingelogd als Sam." in text
    assert not problems_in(text), problems_in(text)


def test_with_the_app_set_up_the_recovery_codes_and_the_code_page_speak_dutch(sam, client):
    TOTP.activate(sam.user, generate_totp_secret())
    RecoveryCodes.activate(sam.user)
    response = client.post("/accounts/login/", {"login": sam.user.email, "password": PASSWORD})
    assert response.url.endswith("/accounts/2fa/authenticate/")
    assert_dutch(client, "/accounts/2fa/authenticate/")


def test_sam_turns_on_the_app_and_the_recovery_codes_lead_back_to_work(sam, client):
    logged_in_client(client, sam)
    response = client.get("/accounts/2fa/totp/activate/", follow=True)
    if response.redirect_chain and "/reauthenticate/" in response.redirect_chain[-1][0]:
        response = client.post(response.redirect_chain[-1][0], {"password": PASSWORD}, follow=True)
    page = response.content.decode()
    secret = re.search(r'value="([A-Z2-7]{16,})"', page)
    assert secret, page
    secret = secret.group(1)
    response = client.post("/accounts/2fa/totp/activate/", {"code": authenticator_code(secret)}, follow=True)
    assert response.redirect_chain[-1][0] == "/accounts/2fa/recovery-codes/"
    assert sam.user.authenticator_set.filter(type="totp").exists()
    text = visible_text(response.content.decode())
    assert not problems_in(text), problems_in(text)
    assert "Verder naar je werk" in text
    assert '<a class="button" href="/">' in response.content.decode()


PUBLIC_PAGES = ["/accounts/login/", "/accounts/password/reset/", "/zuid-limburg/", "/zuid-limburg/agenda/"]


def test_the_login_and_public_pages_speak_dutch_with_je(zuid, client):
    for url in PUBLIC_PAGES:
        assert_dutch(client, url)
