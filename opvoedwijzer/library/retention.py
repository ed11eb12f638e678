"""The library's retention rule (privacy rule 6): a borrower's phone number or e-mail address goes on
the purge day set when the loan is returned. Run nightly by opvoedwijzer.retention."""

from django.utils import timezone

from .models import Loan


def expired_borrower_contacts(now):
    """Loans whose borrower's contact has reached its purge day."""
    return Loan.objects.filter(contact_purge_on__lte=timezone.localdate(now))


def purge_expired(now):
    removed = expired_borrower_contacts(now).update(contact="", contact_purge_on=None)
    return {"library borrower contacts removed": removed}
