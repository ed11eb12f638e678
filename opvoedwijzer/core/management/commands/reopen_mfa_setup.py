from django.core.management.base import BaseCommand, CommandError

from opvoedwijzer.core import mfa
from opvoedwijzer.core.models import Membership
from opvoedwijzer.core.services import reopen_mfa_setup


class Command(BaseCommand):
    help = (
        "Remove a person's second factors and give them a new grace period to set one up — for the "
        "last coordinator who lost their phone (otherwise a coordinator does this on the team page)."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, email, **options):
        membership = Membership.objects.select_related("user").filter(user__email__iexact=email).first()
        if membership is None:
            raise CommandError(f"No member with e-mail address {email}.")
        reopen_mfa_setup(membership, reopened_by=None)
        deadline = mfa.setup_deadline(membership.user)
        email = membership.user.email
        self.stdout.write(f"{email} can set up two-step login until {deadline:%Y-%m-%d %H:%M}.")
