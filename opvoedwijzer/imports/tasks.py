"""Background tasks of the import (run by `manage.py taskrunner`): a large file is checked and
written here, not inside the web request (which a proxy would cut off after 30 s)."""

from django.tasks import task
from django.utils.translation import gettext as _

from .models import ImportBatch, ImportStatus


def _run(batch_id, status, work):
    batch = ImportBatch.objects.select_related("organisation").filter(pk=batch_id, status=status).first()
    if batch is None:  # abandoned or purged meanwhile
        return None
    try:
        return work(batch).status
    except Exception:
        ImportBatch.objects.filter(pk=batch_id).update(
            status=ImportStatus.FAILED,
            content=b"",
            result={
                "problem": _("The import failed. Nothing of the unfinished part was written; try again.")
            },
        )
        raise


@task
def check_import(batch_id):
    """Check an uploaded file row by row (progress: rows checked), for the preview."""
    from .services import check_batch

    return _run(batch_id, ImportStatus.CHECKING, check_batch)


@task
def write_import(batch_id):
    """Check a confirmed file again and write it (progress: rows checked, then contacts written)."""
    from .services import write_batch

    return _run(batch_id, ImportStatus.WRITING, write_batch)
