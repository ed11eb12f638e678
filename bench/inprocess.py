"""In-process figures, without HTTP: service time of register_contact, SQL queries per request,
and the stats query (count_contacts) on its own.

    python bench/inprocess.py --out result.json [--iterations 500]

Run by run.py against the bench database (its environment: DATABASE_URL etc.), while the server
is not under load. Writes a JSON document to --out.
"""

import argparse
import datetime
import json
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # sets Django up (before the project imports below)
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from opvoedwijzer.contacts.forms import ContactForm
from opvoedwijzer.contacts.services import register_contact
from opvoedwijzer.core.models import Membership
from opvoedwijzer.core.services import create_api_token
from opvoedwijzer.reports.stats import count_contacts


def pct(values, p):
    values = sorted(values)
    if not values:
        return float("nan")
    k = (len(values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def summary(ms):
    return {"n": len(ms), "p50": pct(ms, 50), "p95": pct(ms, 95), "p99": pct(ms, 99), "max": max(ms)}


def form_data(c):
    """API-shaped codes → the web form's data (main theme apart)."""
    return {
        **{k: v for k, v in c.items() if k != "themes"},
        "date": c["date"].isoformat(),
        "main_theme": c["themes"][0],
        "themes": c["themes"][1:],
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--iterations", type=int, default=500)
    parser.add_argument("--email", default="staff@zuid-limburg.demo")
    parser.add_argument("--stats-reps", type=int, default=5)
    parser.add_argument("--dims", default="")
    args = parser.parse_args()

    membership = Membership.objects.select_related("organisation", "user").get(user__email=args.email)
    org = membership.organisation
    drawer = generate.drawer_for(org)
    rng = random.Random(7)
    result = {}

    # 1. Validation (ContactForm, as the API and the web form run it) and register_contact apart.
    validate_ms, register_ms, cleaned = [], [], []
    for _ in range(args.iterations):
        data = form_data(drawer.draw(rng, recent_days=14))
        t0 = time.perf_counter()
        form = ContactForm(org, data)
        ok = form.is_valid()
        validate_ms.append((time.perf_counter() - t0) * 1000)
        if not ok:
            raise SystemExit(f"invalid bench contact: {form.errors.as_json()}")
        cleaned.append(form.cleaned_data)
    for data in cleaned:
        t0 = time.perf_counter()
        register_contact(membership, data)
        register_ms.append((time.perf_counter() - t0) * 1000)
    result["validate"] = summary(validate_ms)
    result["register_contact"] = summary(register_ms)

    # 2. SQL queries per operation.
    data = form_data(drawer.draw(rng, recent_days=14))
    queries = {}
    with CaptureQueriesContext(connection) as q:
        form = ContactForm(org, data)
        assert form.is_valid(), form.errors
    queries["ContactForm validation"] = len(q)
    with CaptureQueriesContext(connection) as q:
        register_contact(membership, form.cleaned_data)
    queries["register_contact"] = len(q)
    client = Client(HTTP_HOST="127.0.0.1")
    _token, raw = create_api_token(membership.user, "bench in-process")
    body = {**drawer.draw(rng, recent_days=14)}
    body["date"] = body["date"].isoformat()
    body["language"] = body["language"] or None  # the API takes no language as null
    client.post(  # warm (first use of a token writes last_used_on)
        "/api/v1/contacts",
        json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    with CaptureQueriesContext(connection) as q:
        r = client.post(
            "/api/v1/contacts",
            json.dumps(body),
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {raw}",
        )
    assert r.status_code == 201, r.content
    queries["API POST /api/v1/contacts"] = len(q)
    sql_api = [x["sql"] for x in q.captured_queries]
    web = Client(HTTP_HOST="127.0.0.1")
    web.force_login(membership.user)
    url = f"/o/{org.slug}/contacts/new/"
    web.get(url)
    with CaptureQueriesContext(connection) as q:
        r = web.post(url, form_data(drawer.draw(rng, recent_days=14)))
    assert r.status_code == 302, r.status_code
    queries["form POST /contacts/new/"] = len(q)
    with CaptureQueriesContext(connection) as q:
        r = web.get(url)
    assert r.status_code == 200, r.status_code
    queries["form GET /contacts/new/ (after redirect)"] = len(q)
    sql_form_get = [x["sql"] for x in q.captured_queries]
    # Full Django stack per request, in-process (django.test.Client: middleware, ninja, views,
    # templates; no socket, no gunicorn, and the test client keeps one DB connection open).
    n = max(20, args.iterations // 5)
    api_ms, post_ms, get_ms = [], [], []
    for _ in range(n):
        body = drawer.draw(rng, recent_days=14)
        body["date"] = body["date"].isoformat()
        body["language"] = body["language"] or None
        t0 = time.perf_counter()
        r = client.post(
            "/api/v1/contacts",
            json.dumps(body),
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {raw}",
        )
        api_ms.append((time.perf_counter() - t0) * 1000)
        assert r.status_code == 201, r.content
    for _ in range(n):
        t0 = time.perf_counter()
        r = web.post(url, form_data(drawer.draw(rng, recent_days=14)))
        post_ms.append((time.perf_counter() - t0) * 1000)
        assert r.status_code == 302, r.status_code
        t0 = time.perf_counter()
        r = web.get(url)
        get_ms.append((time.perf_counter() - t0) * 1000)
        assert r.status_code == 200, r.status_code
    result["full_stack"] = {
        "API POST /api/v1/contacts": summary(api_ms),
        "form POST /contacts/new/": summary(post_ms),
        "form GET /contacts/new/": summary(get_ms),
    }
    result["queries"] = queries
    result["sql"] = {"API POST": sql_api, "form GET": sql_form_get}

    # 3. The stats query without HTTP (ORM + SQLite only).
    end = timezone.localdate()
    start = end - datetime.timedelta(days=365)
    stats = {}
    for dims in args.dims.split(";"):
        by = [d for d in dims.split(",") if d]
        ms = []
        for _ in range(args.stats_reps):
            t0 = time.perf_counter()
            count_contacts(org, start, end, by)
            ms.append((time.perf_counter() - t0) * 1000)
        stats[dims] = summary(ms)
    result["count_contacts"] = stats
    Path(args.out).write_text(json.dumps(result, indent=1, default=str))


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opvoedwijzer.settings")
    main()
