"""Bad input on every page and every form (issue 12): a 4xx or a cleaned value, never a 500, and no
control character is ever stored.

The pages come from the URL resolver (a new page is covered without a change here), filled with the
demo data's objects; the forms from the pages' own HTML (every <form method="post">, its fields and
their current values). Each field in turn gets a NUL inside a sentence, other control characters,
100,000 characters, a number no database holds, a date that does not exist or an unknown code.
"""

import io
import json
import re
import uuid
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from opvoedwijzer.activities import services as activities
from opvoedwijzer.activities.models import Activity, Session, SignUp
from opvoedwijzer.core.models import ApiToken, Membership, Organisation, Role
from opvoedwijzer.core.services import create_api_token
from opvoedwijzer.library import services as library
from opvoedwijzer.library.models import Reservation
from opvoedwijzer.pages.models import LifeStageInfo
from opvoedwijzer.policy.models import Meeting, MeetingAction, Signal
from opvoedwijzer.questions import services as questions
from opvoedwijzer.questions.models import Question, ReplyTemplate
from opvoedwijzer.socialmap.models import Location, MapOrganisation, Referral, Service
from opvoedwijzer.taxonomy.models import Theme
from opvoedwijzer.trajectories.models import (
    Consultation,
    Goal,
    Hypothesis,
    NetworkMember,
    Trajectory,
    TrajectorySession,
)
from tests.badinput import (
    HUGE_NUMBER,
    HUGE_TEXT,
    NUL_TEXT,
    UNKNOWN_CODE,
    stored_control_characters,
    stored_texts_longer_than,
)
from tests.conftest import municipalities_loaded

CONTROL_SENTENCE = "Mijn kind\x00 slaapt\x0b slecht\x1f\x7f"
TEXT_INPUTS = {"text", "search", "email", "tel", "url", "password", None}


def url_patterns():
    """(name, route) of every named URL of ours: the staff pages, the public pages and the rest."""
    found = []

    def walk(patterns, namespace, route):
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = f"{namespace}:{p.namespace}" if namespace and p.namespace else (p.namespace or namespace)
                walk(p.url_patterns, ns, route + str(p.pattern))
            elif isinstance(p, URLPattern) and p.name:
                found.append((f"{namespace}:{p.name}" if namespace else p.name, route + str(p.pattern)))

    walk(get_resolver().url_patterns, None, "")
    # allauth's and the admin's own pages, the API (tests/api/test_bad_input.py) and logging out are
    # not ours to walk; the login form is tried below.
    skip = ("admin/", "accounts/", "api/", "i18n/")
    return [(name, route) for name, route in found if not route.startswith(skip)]


def demo_for_the_walk():
    """The demo data, plus what it lacks: a question, a reply template, a library item with a
    reservation, a token and a sign-up whose link we hold (also the phone walk's,
    tests/browser/test_phone_fit.py)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("seed_demo", stdout=io.StringIO())
    org = Organisation.objects.get(slug="zuid-limburg")
    coordinator = Membership.objects.filter(organisation=org, role=Role.COORDINATOR).first()
    question, _secret = questions.ask_question(org, text="Hoe leer ik mijn zoon slapen?")
    ReplyTemplate.objects.create(organisation=org, title="Slaap", text="Over slaap …")
    resource = library.create_resource(
        org, {"kind": "book", "title": "Slapen zonder zorgen", "published": True, "audience": "parents"}
    )
    library.add_copy(resource, "B-0001")
    create_api_token(coordinator.user)
    activity = Activity.objects.for_org(org).published().with_dates().upcoming().first()
    _signup, token = activities.sign_up(activity, name="Sofie", people=1)
    started = Session.objects.filter(activity__organisation=org, evaluation_code__gt="").first()
    return {
        "org": org,
        "coordinator": coordinator,
        "question": question,
        "resource": resource,
        "activity": activity,
        "token": token,
        "session": started,
    }


@pytest.fixture(scope="module")
def seeded_demo(django_db_setup, django_db_blocker):
    """The walk's demo, made once for the module (seeding takes seconds) in a transaction rolled back
    after it; each test's own transaction nests inside."""
    fast_hashing = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    with django_db_blocker.unblock(), transaction.atomic(), fast_hashing:  # as every test hashes (conftest)
        municipalities_loaded()  # gone when a transactional test's flush came before
        yield demo_for_the_walk()
        transaction.set_rollback(True)


@pytest.fixture
def demo(seeded_demo, db, settings):
    """The module's demo; every bad value must reach the form, not the limit per address and hour."""
    settings.RATE_LIMITS = dict.fromkeys(settings.RATE_LIMITS, 100_000)
    return seeded_demo


def every_url(demo):
    """Reversed URLs of every page with real objects of Zuid-Limburg in them."""
    org, user = demo["org"], demo["coordinator"].user
    first = lambda qs: qs.order_by("-pk").first()  # noqa: E731
    pks = [  # the first part of the URL name that matches says which object `pk` is
        ("member", first(Membership.objects.filter(organisation=org))),
        ("revoke_token", first(ApiToken.objects.filter(user=user))),
        ("contacts:", first(org.contacts.filter(author=user)) or first(org.contacts.all())),
        ("taxonomy:", first(Theme.objects.for_org(org))),
        ("policy:action", first(MeetingAction.objects.filter(meeting__organisation=org))),
        ("policy:meeting", first(Meeting.objects.filter(organisation=org))),
        ("policy:signal", first(Signal.objects.filter(organisation=org))),
        ("socialmap:service", first(Service.objects.for_org(org))),
        ("socialmap:organisation", first(MapOrganisation.objects.for_org(org))),
        ("socialmap:location", first(Location.objects.for_org(org))),
        ("socialmap:referral", first(Referral.objects.for_org(org))),
        ("questions:template", first(ReplyTemplate.objects.filter(organisation=org))),
        ("questions:", demo["question"]),
        ("library:reservation", first(Reservation.objects.all())),
        ("library:", demo["resource"]),
        ("activities:signup", first(SignUp.objects.filter(activity=demo["activity"]))),
        ("activities:check_in", demo["session"]),
        ("activities:attendance", demo["session"]),
        ("activities:evaluation", demo["session"]),
        ("activities:", demo["activity"]),
        ("trajectories:consultation", first(Consultation.objects.for_org(org))),
        (
            "trajectories:",
            first(Trajectory.objects.for_org(org).open()) or first(Trajectory.objects.for_org(org)),
        ),
        ("public_resource", demo["resource"]),
        ("public_activity", demo["activity"]),
    ]
    values = {
        "org": org.slug,
        "slug": org.slug,
        "contact_pk": first(org.contacts.all()).pk,
        "loan_pk": 999_999,  # renew or return: POST only, and the desk's forms are tried from the desk
        "dimension": "theme",
        "service": first(Service.objects.for_org(org)).uuid,
        "code": first(LifeStageInfo.objects.all()).life_stage.code,
        "token": demo["token"],
        "region": "regio-limburg",
        "hypothesis_pk": getattr(
            first(Hypothesis.objects.filter(trajectory__organisation=org)), "pk", 999_999
        ),
        "member_pk": getattr(
            first(NetworkMember.objects.filter(trajectory__organisation=org)), "pk", 999_999
        ),
        "goal_pk": getattr(first(Goal.objects.filter(trajectory__organisation=org)), "pk", 999_999),
        "session_pk": getattr(
            first(TrajectorySession.objects.filter(trajectory__organisation=org)), "pk", 999_999
        ),
    }
    urls = []
    for name, route in url_patterns():
        kwargs = {k: v for k, v in values.items() if f":{k}>" in route}
        if name == "public_evaluate":
            kwargs["code"] = demo["session"].evaluation_code
        if "<int:pk>" in route:
            found = next((obj for prefix, obj in pks if name.startswith(prefix)), None)
            kwargs["pk"] = found.pk if found is not None else 999_999
        urls.append(reverse(name, kwargs=kwargs))
    return urls


class Forms(HTMLParser):
    """The forms of a page: [(method, action, {name: value}, {name: kind})]."""

    def __init__(self):
        super().__init__()
        self.forms, self.current, self.select, self.textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.current = ((a.get("method") or "get").lower(), a.get("action") or "", {}, {})
            self.forms.append(self.current)
        if self.current is None or not a.get("name"):
            return
        _method, _action, values, kinds = self.current
        name = a["name"]
        if tag == "input":
            kind = (a.get("type") or "text").lower()
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio"):
                if "checked" in a or (kind == "radio" and name not in values):
                    values[name] = a.get("value", "on")
                kinds.setdefault(name, "choice")
                return
            values[name] = a.get("value") or ""
            kinds[name] = kind
        elif tag == "select":
            self.select = name
            kinds[name] = "choice"
        elif tag == "option" and self.select:
            if "selected" in a or not values.get(self.select):
                values[self.select] = a.get("value", "")
        elif tag == "textarea":
            self.textarea = name
            values[name] = ""
            kinds[name] = "text"

    def handle_data(self, data):
        if self.current is not None and self.textarea:
            self.current[2][self.textarea] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None


def forms_on(html):
    parser = Forms()
    parser.feed(html)
    return parser.forms


def bad_values(kind, method):
    """What each kind of field gets, one value at a time. A GET form's control characters answer
    400 (tested on every address above), so it gets the other bad values only."""
    if kind in TEXT_INPUTS:
        values = [CONTROL_SENTENCE, HUGE_TEXT]
    elif kind == "number":
        values = [str(HUGE_NUMBER), "-1", "12\x00"]
    elif kind in ("date", "time", "datetime-local"):
        values = ["2026-02-31", "25:61", "99999-01-01"]
    elif kind == "hidden":
        values = [str(HUGE_NUMBER), NUL_TEXT]
    else:  # a select, radio or checkbox
        values = [UNKNOWN_CODE, str(HUGE_NUMBER)]
    return values if method == "post" else [v for v in values if "\x00" not in v]


def first_row_only(name):
    """In a formset only the first row is tried: the others are the same form."""
    return not re.search(r"-[1-9][0-9]*-", name)


def throw_at_every_form(client, url, tried):
    """GET the page, then send each of its forms with one field bad at a time; the statuses. A form
    already `tried` on another page (new and edit share one) is not tried again."""
    statuses = []
    page = client.get(url)
    statuses.append((url, "GET", page.status_code))
    if page.status_code != 200 or "html" not in page.get("Content-Type", ""):
        return statuses
    for method, action, values, kinds in forms_on(page.content.decode()):
        target = urljoin(url, action) if action else url
        if urlsplit(target).path.startswith(("/accounts/", "/i18n/", "/admin/")):
            continue
        fields = frozenset(kinds)
        if (method, fields) in tried:
            continue
        tried.add((method, fields))
        send = client.post if method == "post" else client.get
        for name, kind in [*kinds.items(), *([("page", "number")] if method == "get" else [])]:
            if name == "csrfmiddlewaretoken" or not first_row_only(name):
                continue
            for value in bad_values(kind, method):
                response = send(target, {**values, name: value})
                statuses.append((target, f"{method} {name}={value[:12]!r}", response.status_code))
    return statuses


def test_the_walk_finds_every_public_and_staff_page(demo):
    urls = every_url(demo)
    assert len(urls) >= 90
    for expected in ("/zuid-limburg/ask/", "/zuid-limburg/agenda/", "/o/zuid-limburg/contacts/new/"):
        assert expected in urls
    assert f"/zuid-limburg/signup/{demo['token']}/" in urls


def test_a_control_character_in_any_address_answers_400(demo, client):
    client.force_login(demo["coordinator"].user)
    for url in every_url(demo):
        assert client.get(url + "?q=%00").status_code == 400, url
        assert client.get(url + "?page=1&x=a%01b").status_code == 400, url
        assert client.get(url.rstrip("/") + "%00/").status_code == 400, url
    page = client.get("/zuid-limburg/signup/%00/")
    assert page.status_code == 400
    body = page.content.decode()
    assert "onzichtbaar stuurteken" in body or "control character" in body  # the visitor's language


def test_a_cookie_with_a_nul_is_left_out(zuid, client):
    """Django unquotes "\\000" in a cookie to NUL; a session looked up with it is a 500 on PostgreSQL."""
    cookie = 'sessionid="abcdefgh\\000ijkl"; django_language="nl\\001"'
    assert client.get("/zuid-limburg/", HTTP_COOKIE=cookie).status_code == 200
    assert client.get("/o/zuid-limburg/", HTTP_COOKIE=cookie).status_code == 302  # to the login page


def test_tab_and_new_line_in_a_query_are_text(demo, client):
    assert client.get("/zuid-limburg/library/?q=slapen%09en%0Aeten").status_code == 200


def test_every_public_form_refuses_or_cleans_bad_input_and_never_answers_500(demo, client):
    public = [u for u in every_url(demo) if not u.startswith(("/o/", "/profile/", "/invite/", "/privacy/"))]
    tried = set()
    statuses = [s for url in public for s in throw_at_every_form(client, url, tried)]
    assert len(statuses) > 80, "the public forms were found and tried"
    assert [s for s in statuses if s[2] >= 500] == []
    assert stored_control_characters() == []
    assert stored_texts_longer_than(10_000) == [], "every public text has a limit on the server"


def test_every_staff_form_refuses_or_cleans_bad_input_and_never_answers_500(demo, client):
    client.force_login(demo["coordinator"].user)
    staff = [u for u in every_url(demo) if u.startswith(("/o/", "/profile/", "/privacy/"))]
    tried = set()
    statuses = [s for url in staff for s in throw_at_every_form(client, url, tried)]
    assert len(statuses) > 300, "the staff forms were found and tried"
    assert [s for s in statuses if s[2] >= 500] == []
    assert stored_control_characters() == []


def test_a_nul_in_a_question_is_removed_and_the_question_kept(demo, client):
    response = client.post("/zuid-limburg/ask/", {"text": NUL_TEXT, "language": "nl"})
    assert response.status_code == 200
    assert Question.objects.filter(text="Mijn kind slaapt slecht").exists()


def test_an_evaluation_comment_is_limited_on_the_server(demo, client):
    session = demo["session"]
    url = f"/zuid-limburg/evaluate/{session.evaluation_code}/"
    scores = {"overall": 4, "useful": 4, "atmosphere": 5}
    response = client.post(url, {**scores, "comment": "x" * 1001})
    assert response.status_code == 200
    assert "comment" in response.context["form"].errors
    assert "x" * 1001 in response.content.decode(), "what was typed stays in the form"
    assert not session.evaluations.filter(comment__startswith="x" * 1000).exists()


def test_the_login_form_answers_a_nul_with_a_form_error(db, client):
    response = client.post("/accounts/login/", {"login": "ilse\x00@zuid.test", "password": "x\x00"})
    assert response.status_code in (200, 400, 429)


def test_an_imported_social_map_is_stored_without_control_characters(ilse, client):
    """A file from elsewhere: the import removes them, also a NUL that PostgreSQL cannot store."""
    record = {
        "id": str(uuid.uuid4()),
        "name": "Opvoedings\x00winkel\x0b",
        "description": CONTROL_SENTENCE,
        "status": "active",
        "organization": {"id": str(uuid.uuid4()), "name": "Huis van het\x00 Kind"},
    }
    upload = SimpleUploadedFile("kaart.json", json.dumps([record]).encode(), "application/json")
    client.force_login(ilse.user)
    response = client.post("/o/zuid-limburg/map/import/", {"file": upload})
    assert response.status_code in (200, 302)
    assert Service.objects.get(uuid=record["id"]).name == "Opvoedingswinkel"
    assert stored_control_characters() == []
