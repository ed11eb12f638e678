"""Browser tests: a real Chromium (Playwright) against pytest-django's live server.

Every test in this folder is marked `browser` (so `make test-fast` can skip them), runs with a
transactional database (the live server and the test must see each other's commits). Under xdist each
worker that gets browser tests starts its own live server and its own Chromium.

A transactional test ends with a flush, which also empties the tables the data migrations filled (the
Belgian and Dutch municipalities); `_municipalities` (tests/conftest.py) loads them again when they are
missing.
(serialized_rollback does not help here: once Playwright's sync API has marked its event loop as
running in this thread, Django hands out a different connection object than the one the serialized
data was stored on.)

`check_a11y(page, name)` runs axe on the page as it is now, saves a full-page screenshot to
test-results/screenshots/<name>.png and fails on any violation, and on any "needs review" item of
axe that is not in NEEDS_REVIEW_CHECKED_BY_HAND.
"""

import json
import os
import weakref
from pathlib import Path

import pytest
from django.test.utils import override_settings

from tests.factories import PASSWORD

HERE = Path(__file__).resolve().parent
SCREENSHOTS = HERE.parent.parent / "test-results" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 10_000


def pytest_collection_modifyitems(config, items):
    """Mark the tests of this folder (the hook sees the whole session's items, so filter)."""
    for item in items:
        if HERE not in Path(item.path).resolve().parents:
            continue
        item.add_marker(pytest.mark.browser)
        item.add_marker(pytest.mark.django_db(transaction=True))


ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"
_async_unsafe_before = []


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Playwright's sync API marks its event loop as running in this thread between calls, and the
    ORM refuses to run next to a running loop: allow it, from this test's fixtures to its teardown.

    Only while a browser test runs: the variable is inherited by subprocesses, and
    `manage.py check --deploy` (tests/core/test_setup.py) rightly fails on it.
    """
    _async_unsafe_before.append(os.environ.get(ASYNC_UNSAFE))
    os.environ[ASYNC_UNSAFE] = "true"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    try:
        return (yield)
    finally:
        before = _async_unsafe_before.pop() if _async_unsafe_before else None
        if before is None:
            os.environ.pop(ASYNC_UNSAFE, None)
        else:
            os.environ[ASYNC_UNSAFE] = before


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, started over plain http.

    Without DEBUG the settings redirect every request to https; SecurityMiddleware reads that
    setting once, when the server thread builds its handler, so it is switched off around the start.
    Requests are handled one at a time (tests/browser/serial.py says why).
    """
    from pytest_django.live_server_helper import LiveServer

    config = request.config
    addr = config.getvalue("liveserver") or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS") or "localhost"
    from django.conf import settings

    # The handler is built when the server starts: these settings count for its whole life.
    serial = ["tests.browser.serial.SerialRequests", *settings.MIDDLEWARE]
    with override_settings(SECURE_SSL_REDIRECT=False, MIDDLEWARE=serial):
        server = LiveServer(addr)
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _browser_settings(live_server):
    """Cookies over plain http (TESTING=true does this too; the browser tests need it either way)."""
    with override_settings(SESSION_COOKIE_SECURE=False, CSRF_COOKIE_SECURE=False):
        yield


@pytest.fixture(scope="package")
def browser():
    """One Chromium for the browser tests, stopped after the last of them (package scope): until
    Playwright stops, its event loop counts as running in this thread (see above)."""
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=TIMEOUT_MS)
    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture
def new_page(browser, live_server):
    """`new_page(js=False)`: a page in a fresh context (own cookies), Dutch, on the live server.

    Console errors and uncaught exceptions (a CSP violation, a broken script) fail the test.
    """
    contexts, problems = [], []

    def make(js=True):
        context = browser.new_context(
            base_url=live_server.url,
            locale="nl-BE",
            java_script_enabled=js,
            viewport={"width": 1280, "height": 900},
            accept_downloads=True,
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        if not js:
            _pages_without_js.add(page)
        page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
        page.on("console", lambda message: console_error(message, problems))
        return page

    yield make
    for context in contexts:
        context.close()
    assert not problems, "The browser reported problems:\n" + "\n".join(problems)


_failing_on_purpose = set()  # addresses a test opens to see their error page (expect_failed_load)


def console_error(message, problems):
    """A console error is a problem, except the browser's own request for /favicon.ico and the failing
    load of an address a test opened on purpose to see its error page."""
    url = message.location.get("url") or ""
    if message.type == "error" and not url.endswith("/favicon.ico") and url not in _failing_on_purpose:
        problems.append(f"console {message.type}: {message.text} ({url})")


@pytest.fixture
def expect_failed_load(live_server):
    """`expect_failed_load(path)`: the test opens `path` to see its error page (a 404), so the browser's
    "Failed to load resource" for it is no problem."""
    added = []

    def expect(path):
        url = live_server.url + path
        _failing_on_purpose.add(url)
        added.append(url)
        return path

    yield expect
    _failing_on_purpose.difference_update(added)


def log_in(page, membership, password=PASSWORD):
    """Log in through the real login page, as a person would. (Elements are found by name and
    type, not by text: the interface language depends on the translation catalogues.)"""
    page.goto("/accounts/login/")
    page.fill("input[name=login]", membership.user.email)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert "/accounts/login/" not in page.url, f"login failed for {membership.user.email}"
    return page


@pytest.fixture
def logged_in(new_page):
    """`page = logged_in(sam)` or `logged_in(sam, js=False)`: a fresh page, logged in as that member."""

    def make(membership, js=True):
        return log_in(new_page(js=js), membership)

    return make


_axe = None
_pages_without_js = weakref.WeakSet()


def log_needs_review(name, url, incomplete):
    """What axe could not decide ("needs review": contrast over images or gradients, ids it could not
    check) is written to test-results/axe-needs-review.jsonl, one line per page, to be looked at."""
    if not incomplete:
        return
    items = [
        {
            "id": item["id"],
            "nodes": [
                [", ".join(map(str, n["target"])), *(check["message"] for check in n["any"])]
                for n in item["nodes"]
            ][:5],
        }
        for item in incomplete
    ]
    with (SCREENSHOTS.parent / "axe-needs-review.jsonl").open("a") as log:
        log.write(json.dumps({"page": name, "url": url, "items": items}) + "\n")


# What axe could not decide ("needs review") on pages that were then checked by hand, and why they are
# fine: (rule, a part of axe's message, a part of the element's selector or "") -> the reason. Any other
# needs-review item fails check_a11y like a violation: fix the page, or check it and add it here.
NEEDS_REVIEW_CHECKED_BY_HAND = {
    ("color-contrast", "partially obscured", ""): (
        "a cell of a table that scrolls in its own box (.table-scroll), clipped at the box's edge: the same "
        "colours as the cells beside it, which axe does decide"
    ),
    ("color-contrast", "partially overlaps", ""): (
        "a small button in a table or a result list whose border touches the line under it: "
        ".button--secondary, #1b1b1b on #f3f2f1 (15:1), .button white on #0b5c53 (7.6:1)"
    ),
    ("color-contrast", "contains an image node", ""): (
        "the text of an SVG chart (the overview's and the trajectory's): #1b1b1b on white"
    ),
    ("color-contrast", "too short to determine", ""): (
        "the one-character axis labels of the SVG charts (the trajectory's goal chart): #1b1b1b on white"
    ),
    ("color-contrast", "only non-text characters", "#remove-"): (
        "the tally's '−' button: #1b1b1b on #f3f2f1 (15:1); its name is the visually hidden 'one less'"
    ),
    ("color-contrast", "only non-text characters", "[data-check"): (
        "the '✓' of a chosen theme suggestion (aria-hidden): white on #0b5c53 (7.6:1), like the theme's "
        "name beside it in the same button, which axe does decide"
    ),
}


def to_look_at(needs_review):
    """axe's "needs review" items that NEEDS_REVIEW_CHECKED_BY_HAND does not explain, one line each."""
    left = []
    for item in needs_review:
        for node in item["nodes"]:
            target = ", ".join(map(str, node["target"]))
            message = " / ".join(check["message"] for check in node["any"])
            if not any(
                rule == item["id"] and part in message and where in target
                for rule, part, where in NEEDS_REVIEW_CHECKED_BY_HAND
            ):
                left.append(f"- {item['id']} {target}: {message or item['help']}  {node['html'][:200]}")
    return left


_copy = None  # the page that holds copies of pages without JavaScript for axe (copy_with_javascript)


def copy_with_javascript(page):
    """The page's HTML as it is now, at its address (so styles load), in a page with JavaScript, where
    axe can run. One such page per browser, reused: with a fresh context for every copy (axe's 570 kB
    script compiled again in each) a check took 1.04 s instead of 0.54 s."""
    global _copy
    if _copy is None or _copy.is_closed() or _copy.context.browser is not page.context.browser:
        _copy = page.context.browser.new_context().new_page()
        _copy.set_default_timeout(TIMEOUT_MS)
    html, url = page.content(), page.url
    _copy.set_viewport_size(page.viewport_size)
    _copy.goto("about:blank")  # so that an address with a #fragment loads as a new document too
    _copy.route(url, lambda route: route.fulfill(status=200, content_type="text/html", body=html))
    try:
        _copy.goto(url)
    finally:
        _copy.unroute(url)
    return _copy


def screenshot(page, path, tries=3):
    """A full-page screenshot. Chromium now and then answers "Unable to capture screenshot" when it is
    busy (seen once in CI on a page that had loaded): a known transient of its capture, so try again."""
    from playwright.sync_api import Error

    for attempt in range(1, tries + 1):
        try:
            return page.screenshot(path=path, full_page=True)
        except Error as error:
            if "Unable to capture screenshot" not in str(error) or attempt == tries:
                raise
            page.wait_for_timeout(250)


def check_a11y(page, name):
    """Save a full-page screenshot as test-results/screenshots/<name>.png and assert that axe finds
    no accessibility violations on the page as it is now, and nothing it could not decide ("needs
    review") beyond NEEDS_REVIEW_CHECKED_BY_HAND. Returns the needs-review items, which it also logs.

    axe is JavaScript: on a page without JavaScript it runs on a copy of the page's HTML, served at
    the same address (so styles load) in a page with JavaScript (copy_with_javascript).
    """
    global _axe
    if _axe is None:
        from axe_playwright_python.sync_playwright import Axe

        _axe = Axe()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    screenshot(page, SCREENSHOTS / f"{name}.png")
    if page in _pages_without_js:
        copy = copy_with_javascript(page)
        results = _axe.run(copy)
    else:
        results = _axe.run(page)
    needs_review = results.response.get("incomplete", [])
    log_needs_review(name, page.url, needs_review)
    lines = []
    if results.violations_count:
        lines.append(f"axe found {results.violations_count} kind(s) of violation on {name} ({page.url}):")
        for v in results.response["violations"]:
            lines.append(f"- {v['id']} ({v['impact']}): {v['help']}  {v['helpUrl']}")
            for node in v["nodes"]:
                lines.append(f"    {', '.join(map(str, node['target']))}: {node['html'][:200]}")
                lines.append(f"      {node.get('failureSummary', '').replace(chr(10), ' / ')}")
    left = to_look_at(needs_review)
    if left:
        lines.append(
            f"axe could not decide these on {name} ({page.url}); fix them, or check them by hand and "
            "add them with the reason to NEEDS_REVIEW_CHECKED_BY_HAND (tests/browser/conftest.py):"
        )
        lines += left
    if lines:
        pytest.fail("\n".join(lines), pytrace=False)
    return needs_review


@pytest.fixture(name="check_a11y")
def check_a11y_fixture():
    return check_a11y
