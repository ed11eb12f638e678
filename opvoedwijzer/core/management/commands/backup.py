"""`python manage.py backup [PATH]`: a consistent copy of the database while the app runs.

SQLite: SQLite's online backup (Python's `sqlite3.Connection.backup()`) in one step, so the copy is
one moment's snapshot; in WAL mode the app and the task runner keep writing meanwhile. The copy is
turned into a single self-contained file (journal mode DELETE) and checked (`PRAGMA integrity_check`).
PostgreSQL: `pg_dump --format=custom`, in a snapshot that the command also counts rows in, checked
with `pg_restore --list`.

Beside the backup goes a manifest (`<backup>.manifest.json`): app version, database engine, the last
applied migration of each app, when, row counts, the SHA-256 of the backup file and a fingerprint of
the encryption key — never the key itself."""

import datetime
import os
import sqlite3
import subprocess
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

from . import _backup as common


class Command(BaseCommand):
    help = (
        "Back up the database while the app runs (SQLite: online backup + integrity check; PostgreSQL: "
        "pg_dump --format=custom), with a manifest beside it. PATH: a file or a folder (default: "
        "backups/opvoedwijzer-YYYYmmdd-HHMMSS.sqlite3 or .dump in the project folder)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="file or folder to write to (default: backups/)")
        parser.add_argument(
            "--keep",
            type=int,
            metavar="N",
            help="afterwards keep only the newest N backups named opvoedwijzer-YYYYmmdd-HHMMSS.* in "
            "that folder (with their manifests)",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="database alias (default: default)")

    def handle(self, *args, path=None, keep=None, database=DEFAULT_DB_ALIAS, **options):
        if keep is not None and keep < 1:
            raise CommandError("--keep needs a number of 1 or more.")
        if database not in connections:
            raise CommandError(f"No database {database!r} in settings.DATABASES.")
        connection = connections[database]
        engine = {"sqlite": "sqlite", "postgresql": "postgresql"}.get(connection.vendor)
        if engine is None:
            raise CommandError(f"Backups of {connection.vendor} databases are not supported.")

        now = timezone.localtime()
        target = self.target(path, engine, now)
        manifest_file = common.manifest_path(target)
        partial = target.with_name(f"{target.name}.partial")
        try:
            target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            partial.unlink(missing_ok=True)
            common.create_private_file(partial)
            if engine == "sqlite":
                details = self.backup_sqlite(connection, partial)
            else:
                details = self.backup_postgresql(connection, partial)
            os.replace(partial, target)
        except OSError as error:
            raise CommandError(f"Cannot write the backup {target}: {error}") from error
        finally:
            partial.unlink(missing_ok=True)

        version, commit = common.app_version()
        size = target.stat().st_size
        manifest = {
            "format": common.MANIFEST_FORMAT,
            "app": "opvoedwijzer",
            "app_version": version,
            "git_commit": commit,
            "created_at": now.isoformat(timespec="seconds"),
            "database_engine": engine,
            **details["engine_details"],
            "backup_file": target.name,
            "size_bytes": size,
            "sha256": common.sha256_file(target),
            "encryption_key_fingerprint": common.key_fingerprint(),
            "encryption_key_source": common.encryption_key_source(),
            "migrations": details["migrations"],
            "row_counts": details["counts"],
        }
        try:
            common.write_manifest(manifest_file, manifest)
        except OSError as error:
            raise CommandError(f"The backup {target} was written, but its manifest not: {error}") from error

        pruned = self.prune(target.parent, engine, keep) if keep else []
        for old in pruned:
            self.stdout.write(f"Removed the older backup {old}")
        self.stdout.write(
            f"Reminder: the encrypted e-mail addresses and phone numbers in this backup can only be "
            f"read with the same encryption key ({common.encryption_key_source()}, fingerprint "
            f"{manifest['encryption_key_fingerprint']}). Keep FIELD_ENCRYPTION_KEY and SECRET_KEY "
            f"(the .env file) in a safe place apart from the backups."
        )
        self.stdout.write(f"Manifest: {manifest_file}")
        self.stdout.write(f"Check: {details['check']}")
        self.stdout.write(f"Backup: {target}")
        self.stdout.write(f"Size: {common.human_size(size)} ({size:,} bytes)")
        self.stdout.write("Rows:")
        for line in common.count_lines(details["counts"]):
            self.stdout.write(line)

    def target(self, path, engine, now):
        name = common.default_name(engine, now.replace(tzinfo=None))
        if path is None:
            target = common.backups_dir() / name
        else:
            target = Path(path).expanduser()
            if target.is_dir() or str(path).endswith(os.sep):
                target = target / name
        target = target.absolute()
        if target.exists() or common.manifest_path(target).exists():
            raise CommandError(f"{target} already exists: choose another name (nothing was written).")
        return target

    # --- SQLite ---------------------------------------------------------------------------------

    def backup_sqlite(self, connection, destination):
        source = common.sqlite_file(connection.settings_dict)
        if not source.is_file():
            raise CommandError(f"There is no database file at {source}.")
        try:
            src = sqlite3.connect(source, timeout=30)
            try:
                dst = sqlite3.connect(destination)
                try:
                    # One step (pages=-1): a single read transaction, so the copy is one consistent
                    # moment. In WAL mode readers do not block writers: the app keeps working.
                    src.backup(dst, pages=-1)
                finally:
                    src.close()
                # One self-contained file, without -wal/-shm beside it.
                dst.execute("PRAGMA journal_mode=DELETE")
                problems = common.sqlite_integrity(dst)
                if problems:
                    raise CommandError(
                        f"The copy failed its integrity check ({'; '.join(problems)}): the database "
                        f"itself may be damaged. Run `sqlite3 {source} 'PRAGMA integrity_check'`."
                    )
                counts, migrations = common.describe(dst.cursor(), common.sqlite_tables(dst))
            finally:
                dst.close()
        except sqlite3.Error as error:
            raise CommandError(f"The SQLite backup of {source} failed: {error}") from error
        return {
            "engine_details": {"sqlite_version": sqlite3.sqlite_version},
            "counts": counts,
            "migrations": migrations,
            "check": "PRAGMA integrity_check: ok",
        }

    # --- PostgreSQL -----------------------------------------------------------------------------

    def backup_postgresql(self, connection, destination):
        try:
            server_major = common.pg_server_major(connection)
        except Exception as error:
            raise CommandError(f"Cannot connect to the database: {error}") from error
        pg_dump, dump_major = common.pg_tool("pg_dump", server_major)
        pg_restore, _ = common.pg_tool("pg_restore", server_major)
        env = common.pg_env(connection.settings_dict)

        # A second session holds a snapshot open while pg_dump runs in it (--snapshot): the row
        # counts and migrations in the manifest are exactly those of the dump.
        snapshot_session = connection.copy()
        try:
            snapshot_session.ensure_connection()
            snapshot_session.set_autocommit(False)
            with snapshot_session.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                cursor.execute("SELECT pg_export_snapshot()")
                snapshot = cursor.fetchone()[0]
                tables = common.pg_tables(cursor)
                counts, migrations = common.describe(cursor, tables)
                started = datetime.datetime.now()
                try:
                    result = subprocess.run(
                        [
                            pg_dump,
                            "--format=custom",
                            "--no-password",
                            f"--snapshot={snapshot}",
                            f"--file={destination}",
                        ],
                        capture_output=True,
                        text=True,
                        env=env,
                    )
                except (OSError, subprocess.SubprocessError) as error:
                    raise CommandError(f"Cannot run {pg_dump}: {error}") from error
            snapshot_session.rollback()
        except CommandError:
            raise
        except Exception as error:
            raise CommandError(f"The PostgreSQL backup failed: {error}") from error
        finally:
            snapshot_session.close()
        if result.returncode != 0:
            raise CommandError(f"pg_dump failed: {result.stderr.strip() or result.returncode}")
        archived = common.pg_archive_tables(pg_restore, destination, env)
        missing = [t for _label, t in common.key_tables() if t in tables and t not in archived]
        if missing:
            raise CommandError(f"The dump lacks the data of {', '.join(missing)}: it is incomplete.")
        seconds = (datetime.datetime.now() - started).total_seconds()
        return {
            "engine_details": {
                "postgresql_server_version": connection.pg_version,
                "pg_dump_major_version": dump_major,
                "database_name": connection.settings_dict["NAME"],
            },
            "counts": counts,
            "migrations": migrations,
            "check": f"pg_restore --list: {len(archived)} tables' data readable (pg_dump {seconds:.1f} s)",
        }

    # --- keeping N ------------------------------------------------------------------------------

    def prune(self, folder, engine, keep):
        """Delete all but the newest `keep` backups of this engine named opvoedwijzer-YYYYmmdd-HHMMSS
        in `folder` (the names sort by time), with their manifests. Other files are left alone."""
        ext = common.EXTENSIONS[engine]
        ours = sorted(
            p for p in folder.iterdir() if common.DEFAULT_NAME.match(p.name) and p.name.endswith(ext)
        )
        removed = []
        for old in ours[:-keep]:
            old.unlink(missing_ok=True)
            common.manifest_path(old).unlink(missing_ok=True)
            removed.append(old)
        return removed
