"""The two commands rest on these: demo data, production settings, translations."""

import datetime
import io
import os
import subprocess
import sys
from pathlib import Path

from django.core.management import call_command

from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.core.models import Membership, Organisation
from opvoedwijzer.policy.models import Meeting, Signal

ROOT = Path(__file__).resolve().parents[2]


def test_seed_demo_makes_two_organisations_with_a_user_per_role_and_is_idempotent(db):
    call_command("seed_demo", stdout=io.StringIO())
    counts = (Organisation.objects.count(), Membership.objects.count(), Contact.objects.count())
    call_command("seed_demo", stdout=io.StringIO())
    assert (Organisation.objects.count(), Membership.objects.count(), Contact.objects.count()) == counts
    assert set(Organisation.objects.values_list("slug", flat=True)) == {"zuid-limburg", "noord-limburg"}
    roles = set(Membership.objects.filter(organisation__slug="zuid-limburg").values_list("role", flat=True))
    assert roles == {"staff", "coordinator", "volunteer", "funder"}
    zuid = Contact.objects.filter(organisation__slug="zuid-limburg")
    assert 1000 <= zuid.count() <= 2000
    assert zuid.filter(municipality__code="71053").count() > zuid.count() / 4
    last_year = datetime.date.today().year - 1
    assert zuid.filter(date__year=last_year).dates("date", "month").count() == 12, "a whole year to report on"
    assert Meeting.objects.filter(organisation__slug="zuid-limburg", date__year=last_year).count() >= 3
    assert Signal.objects.filter(organisation__slug="zuid-limburg").exists()


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "TESTING")}
    env.update(
        ENV_FILE=os.devnull,  # as on a fresh clone, whatever `make run` wrote here
        SECRET_KEY="x" * 50 + "production-like-secret",
        ALLOWED_HOSTS="example.org",
        DEBUG="false",
        DATABASE_URL=f"sqlite:///{tmp_path}/deploy-check.sqlite3",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_without_debug_a_secret_key_is_required():
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "TESTING", "SECRET_KEY")}
    env["ENV_FILE"] = os.devnull  # as on a fresh clone, before `make run` wrote .env
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_the_dutch_catalogue_is_complete():
    po = ROOT / "opvoedwijzer" / "locale" / "nl" / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgfmt", "--check-format", "--statistics", "-o", os.devnull, str(po)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


def test_the_interface_speaks_dutch_by_default(client, db):
    page = client.get("/accounts/login/").content.decode()
    assert 'lang="nl"' in page
    assert "Aanmelden" in page


def test_pages_carry_a_strict_content_security_policy(client, db):
    response = client.get("/accounts/login/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self' 'nonce-" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    nonce = policy.split("'nonce-", 1)[1].split("'", 1)[0]
    assert f'nonce="{nonce}"' in response.content.decode()


def test_every_model_change_has_its_migration(db):
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)  # exits non-zero when one is missing
    assert out.getvalue().strip() == "No changes detected"
