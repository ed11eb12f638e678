"""Backup and restore, for real: `manage.py backup` copies the test database (SQLite's online backup,
or pg_dump), data changes, `manage.py restore` puts the backup back, and the data reads as before.

The tests need committed data (the backup reads through its own connection or pg_dump's), so they
run with a transactional database; the municipalities a previous transactional test flushed away
are loaded again first. Tests marked `on_sqlite`/`on_postgresql` run on that database only; the others
on both (`DATABASE_URL=postgres://… pytest tests/core/test_backup.py`)."""

import json
import os
import sqlite3
import stat
import subprocess
import sys
import time
from io import StringIO
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.conf import settings as django_settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from opvoedwijzer.contacts.models import Contact
from opvoedwijzer.core import crypto
from opvoedwijzer.core.management.commands import _backup
from opvoedwijzer.questions.models import Question
from opvoedwijzer.questions.services import ask_question
from tests.factories import ContactFactory

on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's online backup")
on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump and pg_restore")

KEY = Fernet.generate_key().decode()
OTHER_KEY = Fernet.generate_key().decode()
EXT = ".sqlite3" if connection.vendor == "sqlite" else ".dump"
ROOT = Path(django_settings.BASE_DIR)


@pytest.fixture
def committed(transactional_db):
    """Committed rows, as the backup (its own connection, or pg_dump) sees them; the data migration's
    municipalities back first, after a previous transactional test's flush."""
    from opvoedwijzer.core.models import Municipality, PostalCode
    from opvoedwijzer.core.municipalities import load_belgian_municipalities

    if not Municipality.objects.exists():
        load_belgian_municipalities(Municipality, PostalCode)


@pytest.fixture(autouse=True)
def _no_safety_copies_left_behind():
    """A restore into the configured database keeps the old one beside it: not in /tmp after a test."""
    yield
    if connection.vendor == "sqlite":
        for copy in Path(connection.settings_dict["NAME"]).parent.glob(
            f"{Path(connection.settings_dict['NAME']).name}.before-restore-*"
        ):
            copy.unlink()


@pytest.fixture(autouse=True)
def encryption_key(settings):
    settings.FIELD_ENCRYPTION_KEY = KEY
    return KEY


@pytest.fixture
def data(committed, zuid, sam):
    """Three contacts and a web question with an (encrypted) e-mail address, committed. (The tests
    that only need a backup and a refusal use `db`: a transactional test costs a flush.)"""
    contacts = ContactFactory.create_batch(3, membership=sam)
    question, _secret = ask_question(
        zuid, text="Mijn zoon slaapt slecht sinds de verhuis.", email="ouder@example.org"
    )
    return {"contacts": contacts, "question": question}


def run(command, *args):
    out, err = StringIO(), StringIO()
    call_command(command, *[str(a) for a in args], stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


def back_up(folder, *args):
    output = run("backup", f"{folder}{os.sep}", *args)
    path = Path(
        next(line for line in output.splitlines() if line.startswith("Backup: ")).removeprefix("Backup: ")
    )
    return path, output


def restore_error(*args):
    with pytest.raises(CommandError) as error:
        run("restore", *args)
    return str(error.value)


# --- both databases ---------------------------------------------------------------------------------


def test_a_restore_brings_back_what_was_deleted_and_changed_since_the_backup(data, sam, tmp_path):
    contacts, question = data["contacts"], data["question"]
    backup, _output = back_up(tmp_path)

    Contact.objects.filter(pk=contacts[0].pk).delete()
    ContactFactory(membership=sam, main_theme="sleep")
    Question.objects.filter(pk=question.pk).update(text="Iets anders")

    output = run("restore", backup, "--yes")

    assert set(Contact.objects.values_list("pk", flat=True)) == {c.pk for c in contacts}
    restored = Question.objects.get(pk=question.pk)
    assert restored.text == "Mijn zoon slaapt slecht sinds de verhuis."
    assert crypto.decrypt(restored.notify_email) == "ouder@example.org"
    assert f"Restored {backup}" in output
    assert any(line.split() == ["contacts", "3"] for line in output.splitlines())
    # the app goes on writing after a restore (PostgreSQL: the sequences came back too)
    assert ContactFactory(membership=sam).pk not in {c.pk for c in contacts}


def test_backup_prints_path_size_and_row_counts_last_and_a_manifest_without_the_key(data, tmp_path):
    backup, output = back_up(tmp_path)

    lines = output.splitlines()
    rows_at = lines.index("Rows:")
    assert lines[rows_at - 2] == f"Backup: {backup}"
    assert (
        lines[rows_at - 1].startswith("Size: ") and f"{backup.stat().st_size:,} bytes" in lines[rows_at - 1]
    )
    counts = {line.split()[0]: line.split()[-1] for line in lines[rows_at + 1 :]}
    assert {"organisations", "users", "contacts", "questions"} <= set(counts)
    assert counts["contacts"] == "3" and counts["questions"] == "1"
    assert "Keep FIELD_ENCRYPTION_KEY and SECRET_KEY" in output

    assert backup.name.startswith("opvoedwijzer-") and backup.suffix == EXT
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600  # password hashes, encrypted addresses
    text = _backup.manifest_path(backup).read_text()
    manifest = json.loads(text)
    assert manifest["database_engine"] == connection.vendor
    assert manifest["row_counts"]["contacts"] == 3
    assert manifest["migrations"]["contacts"].startswith("0")
    assert manifest["encryption_key_fingerprint"] == _backup.key_fingerprint() != ""
    assert manifest["sha256"] == _backup.sha256_file(backup)
    assert manifest["app_version"]
    assert KEY not in text and django_settings.SECRET_KEY not in text
    assert KEY not in output and django_settings.SECRET_KEY not in output


def test_the_manifest_keeps_the_last_applied_migration_of_each_app(db, tmp_path):
    from django.db.migrations.recorder import MigrationRecorder

    last = {}
    for app, name in MigrationRecorder.Migration.objects.order_by("id").values_list("app", "name"):
        last[app] = name
    backup, _ = back_up(tmp_path)
    assert json.loads(_backup.manifest_path(backup).read_text())["migrations"] == last


def test_restore_refuses_a_backup_made_with_another_encryption_key(data, settings, tmp_path):
    question = data["question"]
    backup, _ = back_up(tmp_path)
    Question.objects.filter(pk=question.pk).update(text="Na de back-up")

    settings.FIELD_ENCRYPTION_KEY = OTHER_KEY
    message = restore_error(backup, "--yes")

    assert "another encryption key" in message and "e-mail address" in message and "--force" in message
    assert Question.objects.get(pk=question.pk).text == "Na de back-up"  # nothing changed

    run("restore", backup, "--yes", "--force")
    restored = Question.objects.get(pk=question.pk)
    assert restored.text == "Mijn zoon slaapt slecht sinds de verhuis."
    assert crypto.decrypt(restored.notify_email) == ""  # unreadable with the other key …
    settings.FIELD_ENCRYPTION_KEY = KEY
    assert crypto.decrypt(restored.notify_email) == "ouder@example.org"  # … readable with the right one


def test_a_key_derived_from_secret_key_is_checked_too(db, settings, tmp_path):
    settings.FIELD_ENCRYPTION_KEY = ""
    backup, output = back_up(tmp_path)
    assert "derived from SECRET_KEY" in output
    settings.SECRET_KEY = "another-secret-key-" + "x" * 40
    assert "another encryption key" in restore_error(backup, "--yes")


def test_the_fingerprint_is_taken_of_the_key_the_encrypted_fields_use(settings):
    for key in (KEY, ""):
        settings.FIELD_ENCRYPTION_KEY = key
        token = crypto.encrypt("0470 12 34 56")
        assert Fernet(_backup.encryption_key()).decrypt(token.encode()) == b"0470 12 34 56"
    assert _backup.key_fingerprint(KEY) != _backup.key_fingerprint(OTHER_KEY)
    assert len(_backup.key_fingerprint(KEY)) == 16


def test_restore_without_yes_changes_nothing(sams_contact, tmp_path):
    backup, _ = back_up(tmp_path)  # made before the contact was committed: without it

    message = restore_error(backup)

    assert "Nothing was changed" in message and "--yes" in message and "task runner" in message
    assert Contact.objects.filter(pk=sams_contact.pk).exists()


def test_a_damaged_backup_is_refused(db, tmp_path):
    backup, _ = back_up(tmp_path)
    damaged = bytearray(backup.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    backup.write_bytes(bytes(damaged))

    assert "damaged" in restore_error(backup, "--yes")

    backup.write_bytes(bytes(damaged[: len(damaged) // 2]))  # cut off while copying
    assert "damaged or cut off" in restore_error(backup, "--yes")


def test_a_backup_without_its_manifest_needs_force(data, tmp_path):
    contact = data["contacts"][0]
    backup, _ = back_up(tmp_path)
    _backup.manifest_path(backup).unlink()
    Contact.objects.filter(pk=contact.pk).delete()

    assert "no manifest" in restore_error(backup, "--yes")
    run("restore", backup, "--yes", "--force")
    assert Contact.objects.filter(pk=contact.pk).exists()


def test_a_backup_from_a_newer_version_is_refused_and_an_older_one_asks_for_migrate(data, tmp_path):
    backup, _ = back_up(tmp_path)
    manifest_file = _backup.manifest_path(backup)
    manifest = json.loads(manifest_file.read_text())

    newer = {**manifest, "migrations": {**manifest["migrations"], "contacts": "0999_from_the_future"}}
    manifest_file.write_text(json.dumps(newer))
    message = restore_error(backup, "--yes")
    assert "newer version" in message and "contacts.0999_from_the_future" in message

    older = {
        **manifest,
        "migrations": {app: n for app, n in manifest["migrations"].items() if app != "pages"},
    }
    manifest_file.write_text(json.dumps(older))
    assert "run `python manage.py migrate`" in run("restore", backup, "--yes")


def test_files_that_are_not_backups_get_a_clear_message(tmp_path):
    note = tmp_path / "notes.txt"
    note.write_text("geen back-up")
    assert "not a backup made by `manage.py backup`" in restore_error(note, "--yes")
    assert "There is no backup file" in restore_error(tmp_path / "missing.sqlite3", "--yes")


def test_keep_removes_all_but_the_newest_backups_of_the_folder(db, tmp_path):
    for stamp in ("20240101-031500", "20240102-031500"):
        (tmp_path / f"opvoedwijzer-{stamp}{EXT}").write_text("old")
        (tmp_path / f"opvoedwijzer-{stamp}{EXT}.manifest.json").write_text("{}")
    (tmp_path / "notes.txt").write_text("not a backup")

    backup, output = back_up(tmp_path, "--keep", 2)

    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [
            f"opvoedwijzer-20240102-031500{EXT}",
            f"opvoedwijzer-20240102-031500{EXT}.manifest.json",
            backup.name,
            f"{backup.name}.manifest.json",
            "notes.txt",
        ]
    )
    assert "Removed the older backup" in output


def test_an_existing_file_is_never_overwritten(tmp_path):
    existing = tmp_path / f"mine{EXT}"
    existing.write_text("keep me")
    with pytest.raises(CommandError, match="already exists"):
        run("backup", existing)
    assert existing.read_text() == "keep me"


def test_errors_on_the_command_line_are_messages_not_tracebacks(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "restore", str(tmp_path / "missing.sqlite3"), "--yes"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "TESTING": "true"},
        timeout=120,
    )
    assert result.returncode == 1
    assert "There is no backup file" in result.stderr
    assert "Traceback" not in result.stderr


# --- SQLite -------------------------------------------------------------------------------------------


@on_sqlite
def test_sqlite_backup_is_one_checked_file_and_restores_into_another_file(data, tmp_path):
    backup, output = back_up(tmp_path)
    assert "PRAGMA integrity_check: ok" in output
    assert sorted(p.name for p in tmp_path.iterdir()) == [backup.name, f"{backup.name}.manifest.json"]

    target = tmp_path / "restored" / "db.sqlite3"
    run("restore", backup, "--yes", "--database-file", target)

    restored = sqlite3.connect(target)
    try:
        assert restored.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # as the app runs it
        assert restored.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        table = Contact._meta.db_table
        assert restored.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] == 3
        (email,) = restored.execute(
            f'SELECT notify_email FROM "{Question._meta.db_table}" WHERE id = ?', [data["question"].pk]
        ).fetchone()
        assert crypto.decrypt(email) == "ouder@example.org"
    finally:
        restored.close()


@on_sqlite
def test_sqlite_restore_keeps_the_database_as_it_was_beside_it(db, tmp_path):
    backup, _ = back_up(tmp_path)
    target = tmp_path / "db.sqlite3"
    before = sqlite3.connect(target)
    before.execute("CREATE TABLE was_here (x)")
    before.commit()
    before.close()

    output = run("restore", backup, "--yes", "--database-file", target)

    (safety,) = tmp_path.glob("db.sqlite3.before-restore-*")
    assert f"kept in {safety}" in output
    kept = sqlite3.connect(safety)
    assert kept.execute("SELECT name FROM sqlite_master").fetchall() == [("was_here",)]
    kept.close()


HOLD_OPEN = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
db.execute("PRAGMA journal_mode=WAL")
db.execute("SELECT count(*) FROM sqlite_master").fetchall()
print("open", flush=True)
sys.stdin.readline()
"""


@on_sqlite
def test_sqlite_restore_refuses_while_another_process_has_the_database_open(db, tmp_path):
    backup, _ = back_up(tmp_path)
    target = tmp_path / "db.sqlite3"
    run("restore", backup, "--yes", "--database-file", target)

    app = subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(target)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert app.stdout.readline().strip() == "open"
        message = restore_error(backup, "--yes", "--database-file", target)
        assert "in use" in message and str(app.pid) in message and "Stop the app" in message
    finally:
        app.communicate("\n", timeout=30)
    run("restore", backup, "--yes", "--database-file", target)  # stopped: now it goes


WRITER = """
import sqlite3, sys, time, pathlib
db = sqlite3.connect(sys.argv[1], timeout=20, isolation_level=None)
db.execute("PRAGMA journal_mode=WAL")
db.execute("CREATE TABLE IF NOT EXISTS backup_probe (n INTEGER, pad TEXT)")
stop, n = pathlib.Path(sys.argv[2]), 0
while not stop.exists():
    db.execute("BEGIN IMMEDIATE")
    db.executemany("INSERT INTO backup_probe VALUES (?, ?)", [(n + i, "x" * 500) for i in range(50)])
    db.execute("COMMIT")
    n += 50
    if n == 500:
        print("writing", flush=True)
print(n, flush=True)
"""


@on_sqlite
def test_sqlite_backup_is_consistent_while_another_process_writes(committed, tmp_path):
    database = connection.settings_dict["NAME"]
    stop = tmp_path / "stop"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, database, str(stop)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout.readline().strip() == "writing"
        backup, output = back_up(tmp_path / "backups")
        time.sleep(0.2)
    finally:
        stop.touch()
        written = int(writer.communicate(timeout=60)[0].strip())
    try:
        assert "PRAGMA integrity_check: ok" in output
        copy = sqlite3.connect(backup)
        rows, top = copy.execute("SELECT count(*), max(n) FROM backup_probe").fetchone()
        copy.close()
        assert 500 <= rows < written  # a moment in the middle of the writing …
        assert rows % 50 == 0 and top == rows - 1  # … and whole transactions only
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE backup_probe")


# --- PostgreSQL ---------------------------------------------------------------------------------------


@pytest.fixture
def scratch_database():
    """An empty database beside the test database, dropped afterwards (the role may CREATEDB). Made
    through a connection of its own: CREATE DATABASE cannot run inside the test's transaction."""
    name = f"{connection.settings_dict['NAME']}_restore_{os.getpid()}"
    admin = connection.copy()
    try:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            cursor.execute(f'CREATE DATABASE "{name}"')
        yield name
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.close()


def table_counts(conn):
    with conn.cursor() as cursor:
        tables = sorted(_backup.pg_tables(cursor))
        counts = {}
        for table in tables:
            cursor.execute(f'SELECT count(*) FROM "{table}"')
            counts[table] = cursor.fetchone()[0]
    return counts


@on_postgresql
def test_postgresql_dump_restores_into_a_scratch_database_with_the_same_rows(
    data, scratch_database, tmp_path
):
    backup, output = back_up(tmp_path)
    assert backup.read_bytes()[:5] == b"PGDMP"
    assert "pg_restore --list" in output

    restored_output = run("restore", backup, "--yes", "--database-name", scratch_database)

    scratch = _backup.pg_connection_to(connection, scratch_database)
    try:
        restored = table_counts(scratch)
    finally:
        scratch.close()
    assert restored == table_counts(connection)
    assert restored[Contact._meta.db_table] == 3
    assert f"into the PostgreSQL database {scratch_database!r}" in restored_output


@on_postgresql
def test_postgresql_restore_needs_an_existing_database(db, tmp_path):
    backup, _ = back_up(tmp_path)
    message = restore_error(backup, "--yes", "--database-name", "opvoedwijzer_restore_does_not_exist")
    assert "Create it first" in message


@on_postgresql
def test_postgresql_restore_refuses_while_others_are_connected(db, scratch_database, tmp_path):
    backup, _ = back_up(tmp_path)
    other = _backup.pg_connection_to(connection, scratch_database)
    other.ensure_connection()
    try:
        message = restore_error(backup, "--yes", "--database-name", scratch_database)
    finally:
        other.close()
    assert "is in use" in message and "Stop the app" in message


@on_postgresql
def test_pg_dump_missing_or_older_than_the_server_is_a_clear_error(db, tmp_path, monkeypatch):
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    with pytest.raises(CommandError, match="pg_dump was not found on PATH"):
        run("backup", tmp_path / f"a{EXT}")

    old = tmp_path / "old"
    old.mkdir()
    (old / "pg_dump").write_text("#!/bin/sh\necho 'pg_dump (PostgreSQL) 9.6.24'\n")
    (old / "pg_dump").chmod(0o755)
    monkeypatch.setenv("PATH", str(old))
    with pytest.raises(CommandError, match=r"version 9, older than the database server \(\d+\)"):
        run("backup", tmp_path / f"b{EXT}")
    assert not list(tmp_path.glob("*.dump*"))  # no half-written file left behind
