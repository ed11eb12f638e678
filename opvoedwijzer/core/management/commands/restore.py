"""`python manage.py restore PATH --yes`: put a backup made by `manage.py backup` back.

Before anything changes it checks the backup (its SHA-256 against the manifest; SQLite: `PRAGMA
integrity_check`; PostgreSQL: `pg_restore --list`), the encryption key (the manifest's fingerprint
against this installation's key) and that no other process uses the database. Then:

- SQLite: a safety copy of the current database beside it (`<db>.before-restore-YYYYmmdd-HHMMSS`),
  then SQLite's backup API copies the backup over the database in one transaction (the -wal and -shm
  files stay consistent, unlike a `cp`), back in WAL mode, checked again.
- PostgreSQL: `pg_restore --clean --if-exists --no-owner --single-transaction` into the configured
  database (or `--database-name`): all or nothing.

Afterwards: `python manage.py migrate` (when the code is newer than the backup), then start the app."""

import sqlite3
import subprocess
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

from . import _backup as common


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into the configured database. Stop the app and "
        "the task runner first. Needs --yes; --force also restores with another encryption key, "
        "without a manifest or from a newer version."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="the backup file (its manifest is read from PATH.manifest.json)")
        parser.add_argument("--yes", action="store_true", help="yes, replace all data in the database")
        parser.add_argument(
            "--force",
            action="store_true",
            help="restore even when the encryption key differs, the manifest is missing or the backup "
            "comes from a newer version",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="database alias (default: default)")
        parser.add_argument(
            "--database-file", help="SQLite: restore into this file instead of the configured database"
        )
        parser.add_argument(
            "--database-name",
            help="PostgreSQL: restore into this (existing) database on the configured server instead",
        )

    def handle(self, *args, path, yes, force, database, database_file, database_name, **options):
        backup = Path(path).expanduser().absolute()
        if not backup.is_file():
            raise CommandError(f"There is no backup file at {backup}.")
        if database not in connections:
            raise CommandError(f"No database {database!r} in settings.DATABASES.")
        connection = connections[database]
        try:
            kind = common.sniff(backup)
        except OSError as error:
            raise CommandError(f"Cannot read {backup}: {error}") from error
        if kind is None:
            raise CommandError(
                f"{backup} is neither a SQLite database nor a pg_dump archive in custom format: not a "
                f"backup made by `manage.py backup`. (A plain SQL dump is restored with psql.)"
            )
        if kind != connection.vendor:
            raise CommandError(
                f"{backup} is a {kind} backup, but the configured database is {connection.vendor} "
                f"(DATABASE_URL). Restore it into an installation on {kind}."
            )
        if database_file and kind != "sqlite":
            raise CommandError("--database-file is for SQLite; on PostgreSQL use --database-name.")
        if database_name and kind != "postgresql":
            raise CommandError("--database-name is for PostgreSQL; on SQLite use --database-file.")

        manifest = self.check_manifest(backup, kind, force)
        created = manifest.get("created_at", "an unknown moment") if manifest else "an unknown moment"

        if kind == "sqlite":
            target = (
                Path(database_file or common.sqlite_file(connection.settings_dict)).expanduser().absolute()
            )
            self.check_sqlite_backup(backup)
            if target.exists() and backup.samefile(target):
                raise CommandError("The backup and the database are the same file.")
            where = str(target)
        else:
            target = database_name or connection.settings_dict["NAME"]
            where = f"the PostgreSQL database {target!r}"
            pg_restore, env = self.check_postgresql(connection, backup, target, manifest, force)

        if not yes:
            raise CommandError(
                f"Nothing was changed. Restoring replaces ALL data in {where} with the backup of "
                f"{created}. Stop the app (gunicorn or `make run`) and the task runner first, then run "
                f"again with --yes."
            )

        if kind == "sqlite":
            counts, safety = self.restore_sqlite(connection, backup, target)
        else:
            counts, safety = self.restore_postgresql(connection, backup, target, pg_restore, env)

        if safety:
            self.stdout.write(
                f"The database as it was before is kept in {safety} (delete it when all is well)."
            )
        if manifest:
            _newer, behind = common.migration_notes(manifest.get("migrations", {}))
            if behind:
                self.stdout.write(
                    "The code is newer than the backup: run `python manage.py migrate` before starting "
                    f"the app ({', '.join(behind)})."
                )
            expected = manifest.get("row_counts", {})
            differ = [label for label, n in counts.items() if label in expected and expected[label] != n]
            if differ:
                raise CommandError(
                    f"The restored row counts differ from the manifest's for {', '.join(differ)}: "
                    "check the database before starting the app."
                )
        self.stdout.write(f"Restored {backup} (made {created}) into {where}. Start the app again.")
        self.stdout.write("Rows:")
        for line in common.count_lines(counts):
            self.stdout.write(line)

    # --- checks before anything changes --------------------------------------------------------

    def check_manifest(self, backup, kind, force):
        manifest_file = common.manifest_path(backup)
        if not manifest_file.is_file():
            if not force:
                raise CommandError(
                    f"There is no manifest {manifest_file} beside the backup, so its encryption key and "
                    "version cannot be checked. Put the manifest beside it, or add --force to restore "
                    "without these checks."
                )
            self.stderr.write(f"Warning: no manifest ({manifest_file}); restoring without checks.")
            return None
        manifest = common.read_manifest(manifest_file)
        if manifest.get("database_engine") != kind:
            raise CommandError(
                f"The manifest {manifest_file} describes a {manifest.get('database_engine')} backup."
            )
        size = backup.stat().st_size
        if manifest.get("size_bytes") != size or manifest.get("sha256") != common.sha256_file(backup):
            raise CommandError(
                f"{backup} is not the file its manifest describes ({size:,} bytes, manifest: "
                f"{manifest.get('size_bytes', 0):,}; or its SHA-256 differs): it was damaged or cut "
                "off while being copied. Use another copy."
            )

        ours, theirs = common.key_fingerprint(), manifest.get("encryption_key_fingerprint")
        if theirs != ours:
            message = common.KEY_MISMATCH.format(
                theirs=theirs, ours=ours, source=common.encryption_key_source()
            )
            if not force:
                raise CommandError(message)
            self.stderr.write(f"Warning (--force): {message}")

        newer, _behind = common.migration_notes(manifest.get("migrations", {}))
        if newer:
            message = (
                f"The backup was made by a newer version of Opvoedwijzer ({manifest.get('app_version')}, "
                f"{manifest.get('git_commit') or 'commit unknown'}): this code does not know its "
                f"migrations {', '.join(newer)}. Install that version first, then restore."
            )
            if not force:
                raise CommandError(message)
            self.stderr.write(f"Warning (--force): {message}")
        return manifest

    def check_sqlite_backup(self, backup):
        try:
            conn = sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)
            try:
                problems = common.sqlite_integrity(conn)
                tables = common.sqlite_tables(conn)
            finally:
                conn.close()
        except sqlite3.Error as error:
            raise CommandError(f"{backup} cannot be read as a SQLite database: {error}") from error
        if problems:
            raise CommandError(
                f"{backup} failed its integrity check: {'; '.join(problems)}. Use another copy."
            )
        if "django_migrations" not in tables:
            raise CommandError(f"{backup} is a SQLite database, but not one of Opvoedwijzer.")

    # --- SQLite ---------------------------------------------------------------------------------

    def restore_sqlite(self, connection, backup, target):
        configured = Path(common.sqlite_file(connection.settings_dict)).absolute()
        if target == configured or (target.exists() and configured.exists() and target.samefile(configured)):
            connection.close()  # this process's own connection, if a system check opened one
        users = common.processes_using(target)
        if users:
            listed = "; ".join(f"{pid} {cmd}" for pid, cmd in users)
            raise CommandError(
                f"{target} is in use by {listed}. Stop the app and the task runner first (nothing was "
                "changed)."
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        safety = None
        try:
            dst = sqlite3.connect(target, timeout=2)
            try:
                # Leaving WAL mode needs the only connection: this fails while anyone (of any user)
                # has the database open.
                mode = dst.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
                if mode.lower() != "delete":
                    raise sqlite3.OperationalError("database is locked")
                if target.stat().st_size > 0:
                    safety = target.with_name(f"{target.name}.before-restore-{stamp}")
                    n = 1
                    while safety.exists():
                        n += 1
                        safety = target.with_name(f"{target.name}.before-restore-{stamp}-{n}")
                    common.create_private_file(safety)
                    keep = sqlite3.connect(safety)
                    try:
                        dst.backup(keep)
                    finally:
                        keep.close()
                src = sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)
                try:
                    src.backup(dst, pages=-1)  # all pages in one transaction: all or nothing
                finally:
                    src.close()
                dst.execute("PRAGMA journal_mode=WAL")
                problems = common.sqlite_integrity(dst)
                if problems:
                    raise CommandError(
                        f"The restored database failed its integrity check: {'; '.join(problems)}"
                    )
                counts, _migrations = common.describe(dst.cursor(), common.sqlite_tables(dst))
            finally:
                dst.close()
        except sqlite3.OperationalError as error:
            if "locked" in str(error) or "busy" in str(error):
                raise CommandError(
                    f"{target} is in use (another process has it open). Stop the app and the task runner "
                    "first (nothing was changed)."
                ) from error
            raise CommandError(f"The restore into {target} failed: {error}") from error
        except (sqlite3.Error, OSError) as error:
            raise CommandError(f"The restore into {target} failed: {error}") from error
        return counts, safety

    # --- PostgreSQL -----------------------------------------------------------------------------

    def check_postgresql(self, connection, backup, dbname, manifest, force):
        """Read-only checks, before --yes: the tools, the archive, the target database."""
        try:
            server_major = common.pg_server_major(connection)
        except Exception as error:
            raise CommandError(f"Cannot connect to the database: {error}") from error
        pg_restore, restore_major = common.pg_tool("pg_restore", server_major)
        dumped_by = (manifest or {}).get("pg_dump_major_version")
        if dumped_by and restore_major < dumped_by:
            raise CommandError(
                f"The backup was made by pg_dump {dumped_by}; {pg_restore} is version {restore_major}. "
                f"Install postgresql-client-{dumped_by} (or newer)."
            )
        env = common.pg_env(connection.settings_dict, dbname)
        archived = common.pg_archive_tables(pg_restore, backup, env)

        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [dbname])
            if cursor.fetchone() is None:
                raise CommandError(
                    f"There is no database {dbname!r} on the server. Create it first (createdb -O "
                    f"{connection.settings_dict.get('USER') or '<role>'} {dbname})."
                )

        same = dbname == connection.settings_dict["NAME"]
        target = connection if same else common.pg_connection_to(connection, dbname)
        try:
            with target.cursor() as cursor:
                extra = sorted(common.pg_tables(cursor) - archived)
        finally:
            if not same:
                target.close()
        if extra and not force:
            raise CommandError(
                f"The database {dbname!r} has tables the backup does not: {', '.join(extra)} (made by a "
                "newer version?). After the restore `migrate` would trip over them. Restore into an "
                "empty database (--database-name), or add --force to leave them as they are."
            )
        return pg_restore, env

    def restore_postgresql(self, connection, backup, dbname, pg_restore, env):
        for _attempt in range(20):  # a session that just closed takes a moment to leave the list
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pid, usename, application_name, client_addr FROM pg_stat_activity "
                    "WHERE datname = %s AND pid <> pg_backend_pid() AND backend_type = 'client backend'",
                    [dbname],
                )
                sessions = cursor.fetchall()
            if not sessions:
                break
            time.sleep(0.1)
        if sessions:
            listed = "; ".join(
                f"pid {pid} ({user or '?'}{', ' + app if app else ''}{', ' + str(addr) if addr else ''})"
                for pid, user, app, addr in sessions
            )
            raise CommandError(
                f"The database {dbname!r} is in use: {listed}. Stop the app and the task runner first "
                "(nothing was changed)."
            )

        command = [
            pg_restore,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            "--no-password",
            f"--dbname={dbname}",
            str(backup),
        ]
        try:
            result = subprocess.run(command, capture_output=True, text=True, env=env)
        except (OSError, subprocess.SubprocessError) as error:
            raise CommandError(f"Cannot run {pg_restore}: {error}") from error
        if result.returncode != 0:
            raise CommandError(
                f"pg_restore failed, nothing was changed (one transaction): {result.stderr.strip()}"
            )

        target = common.pg_connection_to(connection, dbname)
        try:
            with target.cursor() as cursor:
                counts, _migrations = common.describe(cursor, common.pg_tables(cursor))
        finally:
            target.close()
        return counts, None
