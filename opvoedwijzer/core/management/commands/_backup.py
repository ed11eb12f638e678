"""What `manage.py backup` and `manage.py restore` share: the manifest, the encryption key's
fingerprint, the row counts, SQLite checks and the PostgreSQL client tools.

(A module whose name starts with an underscore is not a command: Django skips it.)"""

import base64
import datetime
import hashlib
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import CommandError

MANIFEST_FORMAT = 1
MANIFEST_SUFFIX = ".manifest.json"
NAME_PREFIX = "opvoedwijzer-"
EXTENSIONS = {"sqlite": ".sqlite3", "postgresql": ".dump"}
DEFAULT_NAME = re.compile(r"^opvoedwijzer-\d{8}-\d{6}(\.sqlite3|\.dump)$")

# The tables whose row counts the backup and the restore print (and the manifest keeps), by label.
KEY_TABLES = [
    ("organisations", "core.Organisation"),
    ("users", "core.User"),
    ("contacts", "contacts.Contact"),
    ("questions", "questions.Question"),
    ("activities", "activities.Activity"),
    ("sign-ups", "activities.SignUp"),
    ("loans", "infotheek.Loan"),
    ("audit events", "core.AuditEvent"),
]

KEY_MISMATCH = (
    "The backup was made with another encryption key (fingerprint {theirs}) than this installation "
    "has now ({ours}, {source}). The few encrypted fields in it — a web question's e-mail address, the "
    "phone numbers and e-mail addresses of reservations and sign-ups — would be unreadable after the "
    "restore (no reminder or 'your answer is ready' mail could go out). Set FIELD_ENCRYPTION_KEY (or, "
    "when the backup's key was derived, SECRET_KEY) to the key of the installation that made the "
    "backup, and run restore again. Only if that key is lost for good: add --force to restore anyway."
)


# --- the encryption key -------------------------------------------------------------------------


def encryption_key():
    """The Fernet key the encrypted fields use now: the same rule as opvoedwijzer.core.crypto
    (FIELD_ENCRYPTION_KEY, or derived from SECRET_KEY when that is not set)."""
    key = settings.FIELD_ENCRYPTION_KEY
    if not key:
        digest = hashlib.sha256(f"opvoedwijzer-field-encryption|{settings.SECRET_KEY}".encode()).digest()
        key = base64.urlsafe_b64encode(digest).decode()
    return key


def encryption_key_source():
    return "FIELD_ENCRYPTION_KEY" if settings.FIELD_ENCRYPTION_KEY else "derived from SECRET_KEY"


def key_fingerprint(key=None):
    """16 hex digits of a SHA-256 over the key: enough to tell two keys apart, useless to find one."""
    key = encryption_key() if key is None else key
    return hashlib.sha256(f"opvoedwijzer-key-fingerprint|{key}".encode()).hexdigest()[:16]


# --- names, files, the manifest -----------------------------------------------------------------


def backups_dir():
    return Path(settings.BASE_DIR) / "backups"


def default_name(engine, now=None):
    now = now or datetime.datetime.now()
    return f"{NAME_PREFIX}{now:%Y%m%d-%H%M%S}{EXTENSIONS[engine]}"


def manifest_path(backup):
    return Path(f"{backup}{MANIFEST_SUFFIX}")


def sha256_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def human_size(n):
    for unit in ("bytes", "kB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n} bytes" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n} bytes"  # pragma: no cover


def create_private_file(path):
    """An empty file only its owner can read: a backup holds password hashes and encrypted data."""
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


def write_manifest(path, manifest):
    partial = Path(f"{path}.partial")
    partial.unlink(missing_ok=True)
    create_private_file(partial)
    partial.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(partial, path)


def read_manifest(path):
    try:
        manifest = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise CommandError(f"Cannot read the manifest {path}: {error}") from error
    if not isinstance(manifest, dict) or manifest.get("format") != MANIFEST_FORMAT:
        raise CommandError(f"{path} is not a manifest this version of Opvoedwijzer knows (format 1).")
    return manifest


def app_version():
    try:
        version = importlib.metadata.version("opvoedwijzer")
    except importlib.metadata.PackageNotFoundError:
        version = "unknown"
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            timeout=5,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = ""
    return version, commit


def sniff(path):
    """'sqlite' or 'postgresql' (pg_dump's custom format) from the file's first bytes, else None."""
    with open(path, "rb") as f:
        head = f.read(16)
    if head.startswith(b"SQLite format 3\x00"):
        return "sqlite"
    if head.startswith(b"PGDMP"):
        return "postgresql"
    return None


# --- what a database holds ----------------------------------------------------------------------


def key_tables():
    """[(label, table name)] of the key tables this code has."""
    tables = []
    for label, model in KEY_TABLES:
        try:
            tables.append((label, apps.get_model(model)._meta.db_table))
        except LookupError:
            continue
    return tables


def describe(cursor, existing_tables):
    """Row counts of the key tables and the last applied migration of each app, read through a
    DB-API cursor (sqlite3 or psycopg) — from the backup copy itself, or inside pg_dump's snapshot."""
    counts = {}
    for label, table in key_tables():
        if table in existing_tables:
            cursor.execute(f'SELECT count(*) FROM "{table}"')
            counts[label] = cursor.fetchone()[0]
    migrations = {}
    if "django_migrations" in existing_tables:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY id")
        for app, name in cursor.fetchall():
            migrations[app] = name
    return counts, migrations


def count_lines(counts):
    width = max((len(label) for label in counts), default=0)
    return [f"  {label:<{width}}  {n:>10,}" for label, n in counts.items()]


def migration_notes(backup_migrations):
    """Compare the backup's migration state with this code's: (newer, behind) app lists. `newer`:
    the backup knows migrations this code does not (it was made by a newer version)."""
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True)
    leaves = dict(loader.graph.leaf_nodes())
    newer, behind = [], []
    for app, leaf in sorted(leaves.items()):
        last = backup_migrations.get(app)
        if last is None:
            behind.append(app)
        elif (app, last) not in loader.disk_migrations:
            newer.append(f"{app}.{last}")
        elif last != leaf:
            behind.append(app)
    return newer, behind


# --- SQLite ---------------------------------------------------------------------------------------


def sqlite_tables(conn):
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def sqlite_integrity(conn):
    """PRAGMA integrity_check: [] when the file is sound, else SQLite's first complaints."""
    rows = [row[0] for row in conn.execute("PRAGMA integrity_check(20)")]
    return [] if rows == ["ok"] else rows


def sqlite_file(settings_dict):
    name = str(settings_dict.get("NAME") or "")
    if not name or name == ":memory:" or "mode=memory" in name:
        raise CommandError("The database is in memory: there is no file to back up or restore.")
    return Path(name)


def processes_using(path):
    """[(pid, command line)] of the other processes that have the database file (or its -wal/-shm)
    open, as far as /proc lets this user see (processes of other users are not visible: the lock
    check in restore catches those that hold the database open in WAL mode)."""
    proc = Path("/proc")
    if not proc.is_dir():
        return []
    real = os.path.realpath(path)
    targets = {real, f"{real}-wal", f"{real}-shm", f"{real}-journal"}
    me = os.getpid()
    found = []
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == me:
            continue
        try:
            fds = os.listdir(entry / "fd")
        except OSError:
            continue
        for fd in fds:
            try:
                link = os.readlink(entry / "fd" / fd)
            except OSError:
                continue
            if link in targets:
                try:
                    cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                except OSError:
                    cmdline = "?"
                found.append((int(entry.name), cmdline.strip()[:120]))
                break
    return sorted(found)


# --- PostgreSQL -----------------------------------------------------------------------------------


def pg_env(settings_dict, dbname=None):
    """The connection for pg_dump/pg_restore as libpq environment variables: the password never
    appears on a command line (where `ps` would show it to every user of the machine)."""
    env = dict(os.environ)
    options = settings_dict.get("OPTIONS") or {}
    values = {
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
        "PGDATABASE": dbname or settings_dict.get("NAME"),
        "PGSERVICE": options.get("service"),
        "PGPASSFILE": options.get("passfile"),
        "PGSSLMODE": options.get("sslmode"),
        "PGSSLROOTCERT": options.get("sslrootcert"),
        "PGSSLCERT": options.get("sslcert"),
        "PGSSLKEY": options.get("sslkey"),
    }
    for name, value in values.items():
        if value:
            env[name] = str(value)
    env["PGCONNECT_TIMEOUT"] = env.get("PGCONNECT_TIMEOUT", "10")
    return env


def pg_tool(name, server_major):
    """The path of pg_dump/pg_restore, checked to be at least the server's major version."""
    path = shutil.which(name)
    if path is None:
        raise CommandError(
            f"{name} was not found on PATH. Install the PostgreSQL client tools of version "
            f"{server_major} or newer (Debian/Ubuntu: apt install postgresql-client-{server_major}, or "
            f"postgresql-client), or put their folder first on PATH."
        )
    try:
        out = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError) as error:
        raise CommandError(f"Cannot run {path}: {error}") from error
    found = re.search(r"\) (\d+)", out) or re.search(r"(\d+)", out)
    if not found:
        raise CommandError(f"Cannot tell the version of {path} (it said: {out.strip()!r}).")
    major = int(found.group(1))  # 9.6 and older count as 9: older than any server we support
    if major < server_major:
        raise CommandError(
            f"{path} is version {major}, older than the database server ({server_major}): it cannot "
            f"read that server's catalogue. Install postgresql-client-{server_major} (or newer) and put "
            f"it first on PATH (Debian keeps each version in /usr/lib/postgresql/<version>/bin)."
        )
    return path, major


def pg_server_major(connection):
    connection.ensure_connection()
    return connection.pg_version // 10000


def pg_tables(cursor):
    cursor.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
    )
    return {row[0] for row in cursor.fetchall()}


def pg_archive_tables(pg_restore, archive, env):
    """`pg_restore --list`: reads the archive's table of contents, so it checks the archive too.
    Returns the names of the tables whose data it holds."""
    try:
        result = subprocess.run(
            [pg_restore, "--list", str(archive)], capture_output=True, text=True, env=env, timeout=600
        )
    except (OSError, subprocess.SubprocessError) as error:
        raise CommandError(f"Cannot run {pg_restore}: {error}") from error
    if result.returncode != 0:
        raise CommandError(f"{archive} cannot be read by pg_restore: {result.stderr.strip()}")
    tables = set()
    for line in result.stdout.splitlines():
        # "3512; 0 16519 TABLE DATA public core_user opvoedwijzer"
        found = re.match(r"^\d+; \d+ \d+ TABLE DATA (\S+) (\S+) ", line)
        if found:
            tables.add(found.group(2))
    return tables


def pg_connection_to(connection, dbname):
    """A second Django connection (its own session) to `dbname` on the same server."""
    other = connection.copy()
    other.settings_dict["NAME"] = dbname
    return other
