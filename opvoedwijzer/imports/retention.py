"""The imports' retention rule (privacy rule 6): an uploaded file of past registrations and its preview
go RETENTION_DAYS["import_upload"] days after the upload (services.purge_expired_uploads). Run nightly by
opvoedwijzer.retention."""

from .services import purge_expired_uploads


def purge_expired(now):
    return {"import uploads deleted": purge_expired_uploads()}
