"""`make run` serves a real service: gunicorn with the project's gunicorn.conf.py, the `.env` that
scripts/write-env makes, static files through WhiteNoise, and calm answers when the database is gone.

Each test starts the real server in a subprocess on a free loopback port, against this test run's own
database (SQLite file or PostgreSQL), as `make run` and the production recipe do."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from opvoedwijzer.activities.models import SignUp
from tests.factories import make_activity

ROOT = Path(__file__).resolve().parents[2]
# 50 sign-ups and 200 page requests at once through gunicorn: with the other tests that open dozens of
# connections, on one xdist worker.
pytestmark = pytest.mark.xdist_group("many_connections")
GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def database_url():
    """This test run's database as a DATABASE_URL, for the server in the subprocess."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    user, password = quote(db["USER"]), quote(db["PASSWORD"])
    return f"postgres://{user}:{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def request(url, data=None, headers=None, method=None):
    """(status, headers, body) — also for 4xx/5xx; a reset connection raises."""
    body = json.dumps(data).encode() if data is not None else None
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    if body is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture(scope="module")
def env_file(tmp_path_factory):
    """The `.env` that `make run` writes, made by the real script."""
    path = tmp_path_factory.mktemp("run") / ".env"
    subprocess.run(
        [sys.executable, "scripts/write-env", "127.0.0.1", "8000"],
        cwd=ROOT,
        env={**os.environ, "ENV_FILE": str(path)},
        check=True,
        timeout=30,
    )
    return path


@pytest.fixture(scope="module")
def static_root(tmp_path_factory, env_file):
    """collectstatic as `make run` does it (hashed names, gzip and Brotli copies); the Swagger UI and the
    admin's files are left out to keep the test quick: the pages asked for here do not use them."""
    root = tmp_path_factory.mktemp("static")
    env = {k: v for k, v in os.environ.items() if k not in ("TESTING", "DEBUG")}
    env.update(ENV_FILE=str(env_file), STATIC_ROOT=str(root))
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0", "-i", "ninja", "-i", "admin"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=120,
    )
    return root


def start_server(env_file, static_root, database, **extra):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("TESTING", "DEBUG")}
    env.update(
        ENV_FILE=str(env_file),
        STATIC_ROOT=str(static_root),
        DATABASE_URL=database,
        HOST="127.0.0.1",
        PORT=str(port),
        WEB_CONCURRENCY="2",
        CONN_MAX_AGE="0",
    )
    env.update(extra)
    server = subprocess.Popen(
        [str(GUNICORN), "opvoedwijzer.wsgi"], cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.build_opener(NoRedirect).open(f"{base}/health/", timeout=2).read()
            break
        except urllib.error.HTTPError:
            break  # it answers
        except OSError:
            assert server.poll() is None, server.stderr.read()
            time.sleep(0.2)
    else:
        server.kill()
        raise AssertionError("gunicorn did not start")
    return server, base


@pytest.fixture
def served(env_file, static_root, transactional_db):
    """A function that starts the server on this test's committed data; stopped after the test."""
    servers = []

    def serve(database=None, **extra):
        server, base = start_server(env_file, static_root, database or database_url(), **extra)
        servers.append(server)
        return base

    yield serve
    for server in servers:
        server.terminate()
        server.wait(timeout=30)


def test_the_env_file_holds_generated_keys_and_is_written_only_once(env_file):
    first = env_file.read_text()
    assert "SECRET_KEY=" in first and "FIELD_ENCRYPTION_KEY=" in first and "PLAIN_HTTP=true" in first
    assert oct(env_file.stat().st_mode)[-3:] == "600"
    subprocess.run(
        [sys.executable, "scripts/write-env"],
        cwd=ROOT,
        env={**os.environ, "ENV_FILE": str(env_file)},
        check=True,
    )
    assert env_file.read_text() == first, "an existing .env is never overwritten (its keys decrypt data)"


def test_with_the_env_file_manage_py_works_without_typing_debug(env_file, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("TESTING", "DEBUG", "SECRET_KEY")}
    env.update(ENV_FILE=str(env_file), DATABASE_URL=f"sqlite:///{tmp_path}/fresh.sqlite3")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_fifty_parallel_signups_and_two_hundred_page_requests_all_get_an_answer(served, zuid):
    course = make_activity(zuid, capacity=10)
    base = served()
    signup_url = f"{base}/api/v1/public/zuid-limburg/activities/{course.pk}/signups"

    with ThreadPoolExecutor(max_workers=50) as pool:
        signups = list(
            pool.map(lambda n: request(signup_url, {"name": f"Ouder {n}", "people": 1}), range(50))
        )
    with ThreadPoolExecutor(max_workers=200) as pool:
        pages = list(pool.map(lambda n: request(f"{base}/zuid-limburg/agenda/"), range(200)))

    assert [status for status, _, _ in signups] == [201] * 50
    assert [status for status, _, _ in pages] == [200] * 200
    assert SignUp.objects.filter(activity=course, status="confirmed").count() == 10
    assert SignUp.objects.filter(activity=course, status="waiting").count() == 40


def test_static_files_are_hashed_compressed_and_cached_for_a_year(served, zuid):
    base = served()
    status, _, page = request(f"{base}/zuid-limburg/")
    assert status == 200
    css = next(
        part.split('"')[0] for part in page.decode().split('href="')[1:] if part.startswith("/static/css/")
    )
    assert css.count(".") >= 2, f"a hashed name: {css}"
    status, headers, _ = request(f"{base}{css}", headers={"Accept-Encoding": "br"})
    assert status == 200
    assert headers["Content-Encoding"] == "br"
    assert "immutable" in headers["Cache-Control"]


def test_an_error_page_shows_no_traceback(served, zuid):
    base = served()
    status, _, body = request(f"{base}/zuid-limburg/library/999999999/")
    assert status == 404
    assert b"Traceback" not in body and b"DEBUG" not in body


def test_a_question_limit_holds_across_all_workers(served, zuid, settings):
    base = served(WEB_CONCURRENCY="4", GUNICORN_THREADS="1")
    url = f"{base}/api/v1/public/zuid-limburg/questions"
    statuses = [request(url, {"text": f"Mijn kind slaapt slecht, vraag {n}."})[0] for n in range(12)]
    limit = settings.RATE_LIMITS["ask"]
    assert statuses[:limit] == [201] * limit
    assert set(statuses[limit:]) == {429}


def test_without_a_database_the_api_answers_json_503_and_pages_a_calm_503(served, zuid):
    # Production-like: TLS ends at a proxy that says so; nothing listens on port 1.
    base = served(
        database="postgres://nobody:nothing@127.0.0.1:1/gone", PLAIN_HTTP="false", BEHIND_PROXY="true"
    )
    https = {"X-Forwarded-Proto": "https"}

    status, headers, body = request(f"{base}/api/v1/public/zuid-limburg/activities", headers=https)
    assert status == 503
    assert headers["Content-Type"] == "application/json"
    assert headers["Retry-After"].isdigit()
    assert json.loads(body)["detail"][0]["loc"] == ["server"]

    status, headers, body = request(
        f"{base}/api/v1/public/zuid-limburg/questions", {"text": "Mijn zoon slaapt slecht."}, headers=https
    )
    assert status == 503 and headers["Retry-After"]

    status, headers, body = request(f"{base}/zuid-limburg/", headers=https)
    assert status == 503
    assert b"Even niet bereikbaar" in body and b"Traceback" not in body
    assert headers["Retry-After"]


def test_health_answers_over_plain_http_in_production_also_when_the_database_is_gone(served, zuid):
    opener = urllib.request.build_opener(NoRedirect)
    up = served(PLAIN_HTTP="false", BEHIND_PROXY="true")
    down = served(
        database="postgres://nobody:nothing@127.0.0.1:1/gone", PLAIN_HTTP="false", BEHIND_PROXY="true"
    )

    assert opener.open(f"{up}/health/", timeout=30).status == 200
    with pytest.raises(urllib.error.HTTPError) as gone:
        opener.open(f"{down}/health/", timeout=30)
    assert gone.value.code == 503
    with pytest.raises(urllib.error.HTTPError) as redirected:
        opener.open(f"{up}/zuid-limburg/", timeout=30)
    assert redirected.value.code == 301, "everything else still goes to https"
