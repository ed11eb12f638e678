"""No English on Dutch pages, one Dutch term for two-step login ("tweestapsaanmelding") and "je",
never "u": checked over the nl catalogue and over staff and public pages rendered in Dutch."""

import ast
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import allauth
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings

from opvoedwijzer.demo.management.commands.seed_demo import DEMO_PASSWORD
from tests.core import test_bad_input_forms as url_walk
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
    # "u" as a word, not a letter of a code or token in a link ("…lfp-U-MmL…"): no hyphen on either side.
    r"(?<![\w-])(u|uw|Uw|U)(?![\w-])|alstublieft|a\.u\.b\.|twee-?factor|tweeledig|2FA|authenticatie\b",
    re.IGNORECASE,
)


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class VisibleText(HTMLParser):
    """The Dutch text a person sees or hears: text outside script/style, plus alt, aria-label, title,
    placeholder and the value of buttons; text marked as another language (`lang="en"`, the English
    version of a public text, a language's name in the language menu) is not Dutch text and left out."""

    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0
        self._foreign = []  # [tag, how many of that tag are open] of each open element in another language

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        attrs = dict(attrs)
        lang = attrs.get("lang")
        if lang is not None and not lang.startswith("nl") and tag not in VOID:
            self._foreign.append([tag, 1])
        elif self._foreign and tag == self._foreign[-1][0]:
            self._foreign[-1][1] += 1
        if self._foreign or (lang is not None and not lang.startswith("nl")):
            return
        for name in ("alt", "aria-label", "title", "placeholder"):
            if attrs.get(name):
                self.parts.append(attrs[name])
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.parts.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1
        if self._foreign and tag == self._foreign[-1][0]:
            self._foreign[-1][1] -= 1
            if not self._foreign[-1][1]:
                self._foreign.pop()

    def handle_data(self, data):
        if not self._skip and not self._foreign and data.strip():
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


def test_the_check_leaves_out_text_marked_as_another_language():
    html = (
        '<html lang="nl"><p>Je vraag</p><textarea lang="en">Do you have a <b>question</b>?</textarea>'
        '<span lang="en"><span>your child</span></span><img lang="en" alt="the"><p>Uw kind</p></html>'
    )
    assert visible_text(html) == "Je vraag | Uw kind"


def test_the_check_recognises_english_and_u(client):
    """The check itself can fail: an English allauth sentence and a "u" sentence are caught."""
    assert problems_in("Two-Factor Authentication | Successfully signed in as Staff.")
    assert problems_in("Voer alstublieft uw code in") == ["alstublieft", "uw"]
    assert problems_in("- Select an option -")
    assert not problems_in("Tweestapsaanmelding | Je bent nu ingelogd als Sam. | Kies een optie")
    assert problems_in("Kunt u (U) ons bellen?") == ["U", "u"]
    # A letter of a link's token is no word: "/signup/sU1BOxH66lfp-U-MmLJPqQ/".
    assert not problems_in("Je link: /zuid-limburg/signup/sU1BOxH66lfp-U-MmLJPqQ/")


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


def catalogue_entries(path):
    """(msgid, [msgstr, ...]) of every live entry of a .po file (obsolete "#~" entries left out)."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields, current = {}, None
        for line in block.splitlines():
            keyword = re.match(r"(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) (\".*\")$", line)
            if keyword:
                current = keyword.group(1)
                fields[current] = ast.literal_eval(keyword.group(2))
            elif line.startswith('"') and current:
                fields[current] += ast.literal_eval(line)
        if fields.get("msgid"):
            entries.append((fields["msgid"], [v for k, v in fields.items() if k.startswith("msgstr")]))
    return entries


# Dutch translations that may contain one of the words the checks look for, and why. None so far:
# "Passkey", "online account", "e-mail" or "API" are not caught by the checks.
ALLOWED_IN_DUTCH = {}


def test_every_dutch_msgstr_of_our_catalogue_is_dutch_with_je():
    """Not only the parents' strings: every Dutch msgstr, staff and public, is free of English words and
    of "u"/"uw" and formal words (only ALLOWED_IN_DUTCH, each with its reason, may differ)."""
    entries = catalogue_entries(NL_PO)
    assert len(entries) > 1000, len(entries)  # the parser read the catalogue, not its header only
    found = [
        f"{msgid!r} -> {msgstr!r}: {problems_in(msgstr)}"
        for msgid, msgstrs in entries
        for msgstr in msgstrs
        if problems_in(msgstr) and msgid not in ALLOWED_IN_DUTCH
    ]
    assert found == [], "Dutch msgstrs with English or formal words:\n" + "\n".join(found)


ALLAUTH_NL = Path(allauth.__file__).parent / "locale" / "nl" / "LC_MESSAGES" / "django.po"

# allauth's Dutch msgstrs that fail the checks but are never shown, and why.
NOT_SHOWN_FROM_ALLAUTH = {
    "We have sent an email to you for verification.": "account/verification_sent.html is overridden",
    "We have sent an email to you for\nverification.": "account/verified_email_required.html is overridden",
    "You can store this secret and use it to reinstall": "mfa/totp/activate_form.html is overridden",
}


def test_allauths_dutch_that_we_do_not_replace_is_dutch_with_je():
    """allauth's own Dutch shows on the account and two-step pages wherever our catalogue has no msgstr
    for its msgid (ours comes first): that Dutch is held to the same checks. A wrong one gets a msgstr
    in our catalogue, or its template is overridden (then it is listed in NOT_SHOWN_FROM_ALLAUTH)."""
    ours = {msgid for msgid, _msgstrs in catalogue_entries(NL_PO)}
    theirs = catalogue_entries(ALLAUTH_NL)
    assert len(theirs) > 300, len(theirs)
    found = [
        f"{msgid!r} -> {msgstr!r}: {problems_in(msgstr)}"
        for msgid, msgstrs in theirs
        for msgstr in msgstrs
        if msgid not in ours
        and problems_in(msgstr)
        and not any(msgid.startswith(start) for start in NOT_SHOWN_FROM_ALLAUTH)
    ]
    assert found == [], "allauth's Dutch with English or formal words:\n" + "\n".join(found)


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


seeded_demo, demo = url_walk.seeded_demo, url_walk.demo  # the demo data of the URL walk, fixtures


def add_passkey(membership, name="Laptop"):
    """A passkey as allauth stores one. The list, rename and remove pages read only its name and
    whether it logs in without a password. Logging in with it needs a real key (the browser test
    tests/browser/test_two_step_login.py adds one through a virtual authenticator), so the tests
    add it once logged in."""
    return Authenticator.objects.create(
        user=membership.user,
        type=Authenticator.Type.WEBAUTHN,
        data={"name": name, "credential": {"clientExtensionResults": {"credProps": {"rk": True}}}},
    )


def test_the_staff_pages_and_the_two_step_set_up_speak_dutch_with_je(sam, client):
    logged_in_client(client, sam)
    add_passkey(sam)  # the passkey list answered 500 once a passkey existed (humanize was missing)
    for url in [*STAFF_PAGES, "/accounts/2fa/webauthn/"]:
        assert_dutch(client, url)


# Words of the checks that a page of the walk rightly shows as data, and why.
ALLOWED_ON_PAGE = {
    # "add" (ADD, the attention disorder) is one of the standard Dutch words of the theme "Beperking".
    "/o/zuid-limburg/suggestions/words/": {"add"},
}


def test_every_staff_page_of_the_demo_speaks_dutch_with_je(demo, client):
    """Every page of the URL walk (tests/core/test_bad_input_forms.py: every named URL, with the demo's
    objects in it) that answers HTML, as the demo coordinator, in Dutch."""
    response = client.post(
        "/accounts/login/", {"login": demo["coordinator"].user.email, "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302, "login failed"
    seen, found = [], []
    for url in url_walk.every_url(demo):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="nl")
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        seen.append(url)
        problems = set(problems_in(visible_text(response.content.decode()))) - ALLOWED_ON_PAGE.get(url, set())
        if problems:
            found.append(f"{url}: {sorted(problems)}")
    assert len(seen) >= 60, seen  # the walk reached the pages, not only redirects
    assert found == [], "Pages with English or formal words:\n" + "\n".join(found)


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
