"""A parent reads the whole public side in French, Arabic, Turkish or Polish (issue 19, item 5).

(a) every public msgid (tests/i18n/public_msgids.py says which are public) has a translation in each of
    the parents' languages; `python -m tests.i18n.public_msgids fr` prints what French misses;
(b) every public page of the demo, shown in those languages, contains none of the Dutch interface text:
    the Dutch translations of the public msgids (of three words or more) do not appear in the page's
    visible text. Only catalogue strings are compared, and text marked `lang="nl"` (the organisation's
    own text that has no version in the parent's language yet) is left out;
(c) `make messages` extracts for all six languages and drops obsolete entries, which is how the
    catalogues stay in step with the code.
"""

import html
import io
import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction

from opvoedwijzer.activities import services as activities
from opvoedwijzer.activities.models import Activity, Session
from opvoedwijzer.core.models import Organisation, hash_secret
from opvoedwijzer.library import services as library
from opvoedwijzer.library.models import Resource
from opvoedwijzer.pages.models import LifeStageInfo
from opvoedwijzer.questions.models import Question, Status
from opvoedwijzer.socialmap.models import Service
from tests.conftest import municipalities_loaded
from tests.i18n.public_msgids import PARENT_LANGUAGES, ROOT, Msg, catalogue, missing, public_msgids

SECRET = "ABCD-EFGH"


def test_the_public_msgids_are_what_a_parent_sees():
    found = {msg.msgid for msg in public_msgids()}
    assert "We do not ask for your name." in found  # public_base.html
    assert "Ask a question" in found  # a page that extends it
    assert "Your answer is ready · %(name)s" in found  # a mail to a parent
    assert "How many people are coming?" in found  # a public form's field
    assert "Part of this page is not translated into %(language)s yet; it is shown in %(fallback)s." in found
    assert "Members" not in found  # a staff screen's


@pytest.mark.parametrize("language", PARENT_LANGUAGES)
def test_every_public_string_is_translated(language):
    gaps = missing(language)
    listed = "\n".join(f"  {m.msgid!r}" + (f" (context {m.context!r})" if m.context else "") for m in gaps)
    assert not gaps, (
        f"{len(gaps)} public msgids have no {language} translation (empty or fuzzy); "
        f"`python -m tests.i18n.public_msgids {language}` prints them as .po entries:\n{listed}"
    )


# -- (b) the demo's public pages ---------------------------------------------------------------------


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class VisibleText(HTMLParser):
    """The text a reader sees: no <head>, <script>, <style>, <template>, nor what is marked lang="nl"."""

    HIDDEN = {"head", "script", "style", "template", "title"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.parts = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if not self._hidden():
            for name in ("placeholder", "aria-label", "title", "alt"):
                if attrs.get(name):
                    self._text(attrs[name])
            if tag == "input" and attrs.get("type") in {"submit", "button"} and attrs.get("value"):
                self._text(attrs["value"])
        if tag not in VOID:
            marked_dutch = attrs.get("lang") == "nl" and tag != "html"  # content, not the page's language
            hidden = tag in self.HIDDEN or marked_dutch or "hidden" in attrs
            self.stack.append((tag, hidden))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def _hidden(self):
        return any(hidden for _tag, hidden in self.stack)

    def _text(self, text):
        self.parts.append(text)

    def handle_data(self, data):
        if not self._hidden():
            self._text(data)

    def text(self):
        return re.sub(r"\s+", " ", " ".join(self.parts))


def visible_text(content):
    parser = VisibleText()
    parser.feed(content)
    return parser.text()


PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def dutch_interface_phrases(language):
    """The Dutch translations of the public msgids, cut at placeholders, of three words or more, that
    are not also the text `language` uses for some public msgid (a name or a word both languages share)."""
    dutch, target = catalogue("nl"), catalogue(language)
    public = public_msgids()
    theirs = " ".join(e.msgstrs[0] for m, e in target.items() if m in public and e.translated)
    phrases = set()
    for msg in public:
        entry = dutch.get(msg) or dutch.get(Msg(msg.msgid, msg.context))
        if entry is None or not entry.translated or entry.msgstrs[0] == msg.msgid:
            continue
        for part in PLACEHOLDER.split(entry.msgstrs[0]):
            part = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", part))).strip(" .,:;!?()")
            if len(part.split()) >= 3 and part not in theirs:
                phrases.add(part)
    return phrases


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo with what the walk needs beside it, made once for the module in a transaction that is
    rolled back after it (each test's own transaction nests inside)."""
    with django_db_blocker.unblock(), transaction.atomic():
        municipalities_loaded()  # gone when a transactional test's flush came before
        call_command("seed_demo", stdout=io.StringIO())
        org = Organisation.objects.get(slug="zuid-limburg")
        answered = Question.objects.filter(organisation=org, status=Status.ANSWERED).first()
        if answered is None:
            answered = Question.objects.filter(organisation=org).first()
        answered.secret_hash = hash_secret(SECRET)
        answered.save(update_fields=["secret_hash"])
        resource = Resource.objects.filter(organisation=org, published=True, copies__isnull=False).first()
        reservation = library.reserve(resource, "0470 12 34 56")
        activity = Activity.objects.for_org(org).published().with_dates().upcoming().first()
        _signup, token = activities.sign_up(activity, name="Sofie", people=1)
        session = Session.objects.filter(activity__organisation=org).first()
        service = Service.objects.for_org(org).current().first()
        stages = list(
            LifeStageInfo.objects.filter(organisation=org).values_list("life_stage__code", flat=True)
        )
        yield {
            "org": org,
            "question": answered,
            "resource": resource,
            "reservation": reservation,
            "activity": activity,
            "token": token,
            "session": session,
            "service": service,
            "stages": stages or ["baby", "toddler", "primary", "teen"],
        }
        transaction.set_rollback(True)


def public_pages(client, demo):
    """(name, HTML) of every public page a parent goes through, in the client's language."""
    base = f"/{demo['org'].slug}"
    pages = [
        ("home", f"{base}/"),
        ("social map", f"{base}/map/"),
        ("agenda", f"{base}/agenda/"),
        ("activity", f"{base}/agenda/{demo['activity'].pk}/"),
        ("sign-up confirmation", f"{base}/signup/{demo['token']}/?new=1"),
        ("library", f"{base}/library/"),
        ("library item", f"{base}/library/{demo['resource'].pk}/"),
        ("reservation", f"{base}/library/reservation/{demo['reservation'].token}/"),
        ("ask", f"{base}/ask/"),
        ("pick-up", f"{base}/answer/"),
        ("evaluation", f"{base}/evaluate/{demo['session'].evaluation_code}/"),
    ]
    pages += [(f"life stage {code}", f"{base}/life-stages/{code}/") for code in demo["stages"]]
    if demo["service"] is not None:
        pages.append(("service", f"{base}/map/{demo['service'].uuid}/"))
    for name, url in pages:
        response = client.get(url)
        assert response.status_code == 200, f"{name}: {url} answered {response.status_code}"
        yield name, response.content.decode()
    posts = [
        ("ask with errors", f"{base}/ask/", {"text": ""}),
        ("asked", f"{base}/ask/", {"text": "Mijn dochter van drie slaapt slecht. Wat kan ik doen?"}),
        ("pick-up with errors", f"{base}/answer/", {"code": "AAA-AAA-AAA", "secret": "NOPE-NOPE"}),
        ("the answer", f"{base}/answer/", {"code": demo["question"].code, "secret": SECRET}),
        ("sign-up with errors", f"{base}/agenda/{demo['activity'].pk}/", {"name": "", "people": "x"}),
        ("reservation with errors", f"{base}/library/{demo['resource'].pk}/", {"contact": ""}),
        ("evaluation with errors", f"{base}/evaluate/{demo['session'].evaluation_code}/", {}),
    ]
    for name, url, data in posts:
        response = client.post(url, data, follow=True)
        assert response.status_code == 200, f"{name}: {url} answered {response.status_code}"
        yield name, response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language", PARENT_LANGUAGES)
def test_the_public_pages_show_no_dutch_interface_text(language, demo, client):
    client.get(f"/{demo['org'].slug}/?lang={language}")
    phrases = dutch_interface_phrases(language)
    dutch_left = {}
    for name, content in public_pages(client, demo):
        assert f'<html lang="{language}"' in content, f"{name} is not in {language}"
        text = visible_text(content)
        found = sorted(p for p in phrases if p in text)
        if found:
            dutch_left[name] = found
    assert phrases, "no Dutch phrases to look for: is the nl catalogue there?"
    assert not dutch_left, f"Dutch interface text on the {language} pages:\n" + "\n".join(
        f"  {name}: {found}" for name, found in dutch_left.items()
    )


# -- (c) make messages --------------------------------------------------------------------------------


def test_make_messages_keeps_every_catalogue_in_step():
    makefile = (ROOT / "Makefile").read_text()
    recipe = re.search(r"^messages:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE).group(1)
    assert "makemessages" in recipe
    assert set(re.findall(r"-l (\w+)", recipe)) == {code for code, _name in settings.LANGUAGES}
    assert "--no-obsolete" in recipe


@pytest.mark.django_db
def test_the_check_would_see_dutch_interface_text(demo, client):
    """The control: the same pages in Dutch show many of the phrases the check looks for."""
    client.get(f"/{demo['org'].slug}/?lang=nl")
    phrases = dutch_interface_phrases("fr")
    seen = {p for _name, content in public_pages(client, demo) for p in phrases if p in visible_text(content)}
    assert len(seen) >= 30, sorted(seen)
