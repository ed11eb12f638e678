"""Writes of the import: each a verb-first function; the contacts themselves are written by
`contacts.services.import_contacts` (one transaction per call, the roll-up kept exact).

Two ways in, one check:
- `import_file(membership, name, content, …)` — the command: check the whole file, then write it in
  one transaction (or nothing while a row is refused, unless the good rows are accepted).
- the screen: `start_import` keeps the upload (encrypted) in an ImportBatch and checks it — in the
  request for a small file, by the task runner for a large one (`background_rows()`) —, the coordinator
  maps unknown values and picks defaults (`confirm_import`), and `write_batch` writes it (again in the
  request or by the task runner, in chunks so that the progress page can show the rows written).
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opvoedwijzer.contacts.services import import_contacts
from opvoedwijzer.core.crypto import decrypt_bytes, encrypt_bytes
from opvoedwijzer.core.models import Membership, Organisation, Role

from .checking import DEFAULTABLE, check_table
from .models import ImportBatch, ImportedRow, ImportStatus, ValueMapping
from .reading import FileProblem, is_xlsx, read_table


def background_rows():
    """A file with more data rows than this is checked and written by the task runner, not in the
    request (settings.IMPORT_BACKGROUND_ROWS, 2,000)."""
    return settings.IMPORT_BACKGROUND_ROWS


BACKGROUND_BYTES = 2_000_000  # 2,000 rows are about 250 kB as CSV, 100 kB as XLSX
# The background writer commits this many contacts at a time (its progress is visible in between).
WRITE_CHUNK = 5000
_LOOKUP_CHUNK = 900  # fingerprints per query: under SQLite's parameter limit


@dataclass
class Outcome:
    """What an import did: contacts imported and already there (unchanged), rows refused, notes dropped."""

    imported: int = 0
    unchanged: int = 0
    refused: list = field(default_factory=list)  # [(row, [reasons])]
    notes_dropped: list = field(default_factory=list)  # [(row, reason)]
    notes_expired: int = 0  # notes older than the notes' retention period, left out
    unknown: list = field(default_factory=list)
    problem: str = ""
    written: bool = False

    @property
    def line(self):
        return f"imported {self.imported}, unchanged {self.unchanged}, refused {len(self.refused)}"

    def as_json(self, limit=500):
        return {
            "imported": self.imported,
            "unchanged": self.unchanged,
            "refused_count": len(self.refused),
            "refused": [{"row": row, "reasons": reasons} for row, reasons in self.refused[:limit]],
            "notes_dropped_count": len(self.notes_dropped),
            "notes_dropped": [{"row": row, "reason": reason} for row, reason in self.notes_dropped[:limit]],
            "notes_expired": self.notes_expired,
            "problem": self.problem,
            "written": self.written,
        }


def mappings_of(org):
    """The organisation's remembered mappings: {(field, normed value): target code}."""
    return {
        (field_name, value): target
        for field_name, value, target in ValueMapping.objects.filter(organisation=org).values_list(
            "field", "value", "target"
        )
    }


def already_imported(org, fingerprints):
    """The fingerprints among these that an earlier import wrote."""
    found = set()
    for first in range(0, len(fingerprints), _LOOKUP_CHUNK):
        chunk = fingerprints[first : first + _LOOKUP_CHUNK]
        found.update(
            ImportedRow.objects.filter(organisation=org, fingerprint__in=chunk).values_list(
                "fingerprint", flat=True
            )
        )
    return found


def check_content(membership, name, content, *, defaults=None, progress=None):
    """Read and check a file: a `Checked` (see checking.py); FileProblem when it cannot be read."""
    heading, rows = read_table(name, content)
    return check_table(
        membership.organisation,
        heading,
        rows,
        mappings=mappings_of(membership.organisation),
        defaults_chosen=defaults,
        user=membership.user,
        progress=progress,
    )


def _new_contacts(org, checked):
    """(fingerprints of the contacts not imported before, their data) and the number already there."""
    pairs = checked.fingerprints(org)
    there = already_imported(org, [fp for fp, _item in pairs])
    new = [(fp, item) for fp, item in pairs if fp not in there]
    return new, len(pairs) - len(new)


@transaction.atomic
def write_contacts(membership, new):
    """Write contacts [(fingerprint, Contacts)] and their fingerprints, in one transaction; returns
    (written, found imported meanwhile). The organisation's row is locked first and the fingerprints
    looked up again, so that two imports of one file at the same time write it once."""
    org = membership.organisation
    Organisation.objects.select_for_update().filter(pk=org.pk).exists()
    there = already_imported(org, [fp for fp, _item in new])
    if there:
        new = [(fp, item) for fp, item in new if fp not in there]
    count = import_contacts(membership, [item.as_data() for _fp, item in new])
    with connection.cursor() as cursor:  # plain rows: a model object each would cost more than the insert
        cursor.executemany(
            f"INSERT INTO {ImportedRow._meta.db_table} (organisation_id, fingerprint) VALUES (%s, %s)",
            [(org.pk, fp) for fp, _item in new],
        )
    return count, len(there)


def _outcome(checked):
    return Outcome(
        refused=checked.refused,
        notes_dropped=checked.notes_dropped,
        notes_expired=checked.notes_expired,
        unknown=[u for u in checked.preview()["unknown"]],
        problem=checked.problem,
    )


def import_file(membership, name, content, *, defaults=None, accept_good_rows=False):
    """Check a file and import it in one transaction: the command's way. Nothing is written while a
    row is refused, unless `accept_good_rows`; contacts imported before are left as they are."""
    checked = check_content(membership, name, content, defaults=defaults)
    outcome = _outcome(checked)
    new, outcome.unchanged = _new_contacts(membership.organisation, checked)
    if checked.problem or (checked.refused and not accept_good_rows):
        return outcome
    if new:
        outcome.imported, meanwhile = write_contacts(membership, new)
        outcome.unchanged += meanwhile
    outcome.written = True
    return outcome


# The screen's way: an ImportBatch from upload to report ------------------------------------------


def count_data_rows(name, content):
    """About how many data rows the file holds, without reading every cell: an XLSX sheet's stated
    size, a CSV's lines. Decides between the request and the task runner."""
    if is_xlsx(name, content):
        import io

        from openpyxl import load_workbook

        try:
            book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
            rows = book.worksheets[0].max_row
            book.close()
        except Exception:  # unreadable: the check will say so, in the request
            return 0
        return (rows - 1) if rows else background_rows() + 1
    return max(content.count(b"\n") - 1, 0)


def start_import(membership, name, content):
    """Keep the upload (encrypted) and check it: now for a small file, by the task runner for a large
    one. Returns the batch; FileProblem when a small file cannot be read (nothing is kept then)."""
    from .tasks import check_import

    rows = count_data_rows(name, content)
    # A spreadsheet may state its size wrongly: a file far larger than its rows say goes to the runner.
    background = rows > background_rows() or len(content) > BACKGROUND_BYTES
    if not background:
        read_table(name, content)  # a file that cannot be read is refused at the upload, nothing kept
    batch = ImportBatch.objects.create(
        organisation=membership.organisation,
        created_by=membership.user,
        filename=name[:200],
        content=encrypt_bytes(content),
        background=background,
        rows_total=rows,
    )
    if batch.background:
        check_import.enqueue(batch.pk)  # a row in the same transaction: the runner sees both
    else:
        check_batch(batch)
    return batch


def batch_membership(batch):
    """The member who started the import (the contacts' author), while still a coordinator."""
    return (
        Membership.objects.active()
        .select_related("organisation", "user")
        .filter(organisation=batch.organisation_id, user=batch.created_by_id, role=Role.COORDINATOR)
        .first()
    )


def _progress_of(batch, column):
    def progress(n):
        ImportBatch.objects.filter(pk=batch.pk).update(**{column: n})

    return progress


def _check(batch, membership, progress=None):
    content = decrypt_bytes(batch.content)
    if not content:
        raise FileProblem(_("The uploaded file is no longer kept. Upload it again."))
    return check_content(membership, batch.filename, content, defaults=batch.defaults, progress=progress)


def check_batch(batch):
    """Check a kept upload and store what the preview shows; the batch waits for confirmation."""
    membership = batch_membership(batch)
    if membership is None:
        return _fail(batch, _("The person who started this import is no longer a coordinator."))
    try:
        checked = _check(batch, membership, _progress_of(batch, "rows_checked") if batch.background else None)
    except FileProblem as problem:
        return _fail(batch, str(problem))
    new, unchanged = _new_contacts(batch.organisation, checked)
    preview = checked.preview()
    preview["new"], preview["unchanged"] = len(new), unchanged
    batch.preview, batch.status = preview, ImportStatus.CHECKED
    batch.rows_total = batch.rows_checked = checked.rows_total
    batch.contacts_total = len(new)
    batch.save(update_fields=["preview", "status", "rows_total", "rows_checked", "contacts_total"])
    return batch


def _fail(batch, message):
    batch.status, batch.result, batch.content = ImportStatus.FAILED, {"problem": message}, b""
    batch.finished_at = timezone.now()
    batch.save(update_fields=["status", "result", "content", "finished_at"])
    return batch


@transaction.atomic
def remember_mappings(membership, choices):
    """Remember {(field, normed value): target code} for the organisation's next imports."""
    for (field_name, value), target in choices.items():
        ValueMapping.objects.update_or_create(
            organisation=membership.organisation,
            field=field_name,
            value=value[:200],
            defaults={"target": target, "created_by": membership.user},
        )


def confirm_import(batch, membership, *, mappings, defaults, accept_good_rows):
    """The coordinator's choices on the preview: mappings remembered, defaults and the acceptance of the
    good rows kept, then the file written (now, or by the task runner for a large file)."""
    from .tasks import write_import

    remember_mappings(membership, mappings)
    batch.defaults = {k: v for k, v in defaults.items() if k in DEFAULTABLE and v}
    batch.accept_good_rows = accept_good_rows
    if batch.background:
        batch.status, batch.rows_checked, batch.contacts_written = ImportStatus.WRITING, 0, 0
        batch.save(
            update_fields=["defaults", "accept_good_rows", "status", "rows_checked", "contacts_written"]
        )
        write_import.enqueue(batch.pk)
        return batch
    batch.save(update_fields=["defaults", "accept_good_rows"])
    return write_batch(batch)


def write_batch(batch):
    """Check the kept upload again (with the mappings and defaults now chosen) and write it. While a row
    is refused and the good rows are not accepted, back to the preview with what is left to solve."""
    membership = batch_membership(batch)
    if membership is None:
        return _fail(batch, _("The person who started this import is no longer a coordinator."))
    try:
        checked = _check(batch, membership, _progress_of(batch, "rows_checked") if batch.background else None)
    except FileProblem as problem:
        return _fail(batch, str(problem))
    new, unchanged = _new_contacts(batch.organisation, checked)
    if checked.problem or (checked.refused and not batch.accept_good_rows):
        preview = checked.preview()
        preview["new"], preview["unchanged"] = len(new), unchanged
        batch.preview, batch.status, batch.contacts_total = preview, ImportStatus.CHECKED, len(new)
        batch.save(update_fields=["preview", "status", "contacts_total"])
        return batch
    ImportBatch.objects.filter(pk=batch.pk).update(
        status=ImportStatus.WRITING, contacts_total=len(new), contacts_written=0
    )
    outcome = _outcome(checked)
    outcome.unchanged = unchanged
    if batch.background:
        # Chunks of their own transaction, so that the progress page sees the rows written (SQLite has
        # one writer: a progress update from another connection would wait for one big transaction).
        # A failure halfway leaves whole chunks; importing the file again completes it (fingerprints).
        for first in range(0, len(new), WRITE_CHUNK):
            written, meanwhile = write_contacts(membership, new[first : first + WRITE_CHUNK])
            outcome.imported, outcome.unchanged = outcome.imported + written, outcome.unchanged + meanwhile
            ImportBatch.objects.filter(pk=batch.pk).update(contacts_written=outcome.imported)
    elif new:
        outcome.imported, meanwhile = write_contacts(membership, new)
        outcome.unchanged += meanwhile
    outcome.written = True
    return finish_batch(batch, outcome)


def finish_batch(batch, outcome):
    """The report kept, the upload and the preview (first rows) gone."""
    batch.result, batch.status, batch.content, batch.preview = outcome.as_json(), ImportStatus.DONE, b"", {}
    batch.contacts_total = batch.contacts_written = outcome.imported
    batch.finished_at = timezone.now()
    batch.save(
        update_fields=[
            "result",
            "status",
            "content",
            "preview",
            "contacts_total",
            "contacts_written",
            "finished_at",
        ]
    )
    return batch


def abandon_import(batch):
    """The coordinator stops: the upload and its preview are deleted at once."""
    batch.status, batch.content, batch.preview = ImportStatus.ABANDONED, b"", {}
    batch.finished_at = timezone.now()
    batch.save(update_fields=["status", "content", "preview", "finished_at"])
    return batch


def expired_uploads():
    """Uploads kept longer than RETENTION_DAYS["import_upload"] days (an import never confirmed)."""
    days = settings.RETENTION_DAYS.get("import_upload", 1)
    cutoff = timezone.now() - datetime.timedelta(days=days)
    return ImportBatch.objects.filter(created_at__lt=cutoff).exclude(content=b"", preview={})


def purge_expired_uploads():
    """The retention rule of this app (imports/retention.py; run nightly): uploads and
    previews older than the period are deleted; an import still waiting is abandoned. Returns a count."""
    expired = expired_uploads()
    count = expired.count()
    expired.filter(status__in=[ImportStatus.CHECKING, ImportStatus.CHECKED, ImportStatus.WRITING]).update(
        status=ImportStatus.ABANDONED, finished_at=timezone.now()
    )
    expired_uploads().update(content=b"", preview={})
    return count
