"""Import of past registrations (M16): an uploaded file while it is checked and written, the values
a coordinator mapped onto the organisation's terms, and a keyed fingerprint of every imported row.

Nothing here holds a row's text: the upload is kept encrypted only until the import is done or
abandoned (and at most `RETENTION_DAYS["import_upload"]` days, purged nightly), and an imported row
leaves only an HMAC of its values (so that importing the same file again writes nothing).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.core.models import Organisation


class ImportStatus(models.TextChoices):
    CHECKING = "checking", _("being checked")
    CHECKED = "checked", _("checked, waiting for confirmation")
    WRITING = "writing", _("being written")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")
    ABANDONED = "abandoned", _("abandoned")


class ImportBatchQuerySet(models.QuerySet):
    def for_org(self, org):
        return self.filter(organisation=org)

    def busy(self):
        return self.filter(status__in=[ImportStatus.CHECKING, ImportStatus.CHECKED, ImportStatus.WRITING])


class ImportBatch(models.Model):
    """One uploaded file on its way in: upload → check (preview) → confirm → write → report."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    filename = models.CharField(max_length=200)
    # The file's bytes, encrypted (core.crypto); emptied when the import is done or abandoned.
    content = models.BinaryField(editable=False, default=b"")
    status = models.CharField(max_length=10, choices=ImportStatus.choices, default=ImportStatus.CHECKING)
    background = models.BooleanField(default=False)  # checked and written by the task runner
    # What the person chose for the fields the file lacks: {field: code}.
    defaults = models.JSONField(default=dict, blank=True)
    accept_good_rows = models.BooleanField(default=False)
    rows_total = models.PositiveIntegerField(default=0)
    rows_checked = models.PositiveIntegerField(default=0)
    contacts_total = models.PositiveIntegerField(default=0)
    contacts_written = models.PositiveIntegerField(default=0)
    # The check's findings for the preview (no note text) and, when done, the report.
    preview = models.JSONField(default=dict, blank=True)
    result = models.JSONField(default=dict, blank=True)

    objects = ImportBatchQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.filename} ({self.get_status_display()})"

    @property
    def busy(self):
        return self.status in (ImportStatus.CHECKING, ImportStatus.WRITING)

    @property
    def checked_percent(self):
        return round(100 * self.rows_checked / self.rows_total) if self.rows_total else 0

    @property
    def written_percent(self):
        return round(100 * self.contacts_written / self.contacts_total) if self.contacts_total else 0


class ValueMapping(models.Model):
    """'Telefonisch' → the channel Telefoon: a value a file used, mapped by a coordinator onto one of
    the organisation's terms (or a municipality, 'outside', 'unknown'), used by every later import."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    field = models.CharField(max_length=20)  # channel, asker_role, municipality, theme, …
    value = models.CharField(max_length=200)  # the value as matched: lower case, no accents or punctuation
    target = models.CharField(max_length=40)  # a term's code, a municipality's code, "outside" or "unknown"
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "field", "value"], name="one_mapping_per_value")
        ]

    def __str__(self):
        return f"{self.field}: {self.value} → {self.target}"


class ImportedRow(models.Model):
    """One contact that came from a file: a keyed fingerprint (HMAC) of its values and its occurrence
    in the file, never the values themselves. Importing the same file again finds them and writes
    nothing."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+", db_index=False)
    fingerprint = models.CharField(max_length=32)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "fingerprint"], name="one_import_per_fingerprint")
        ]

    def __str__(self):
        return self.fingerprint
