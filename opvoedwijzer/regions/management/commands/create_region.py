"""`manage.py create_region SLUG --name "Regio Limburg" --member EMAIL [--member EMAIL …] [--role funder]`

Makes the region (or renames it) and gives each e-mail address the role in it; an address without an
account gets one without a password, and the command prints a link where that person chooses a
password (the last lines). Organisations join a region themselves: their coordinator agrees on the
organisation's "Regions" page.
"""

from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse

from opvoedwijzer.regions import services
from opvoedwijzer.regions.models import RegionRole


def set_password_link(user):
    """allauth's password-reset link for `user`, on SITE_URL like the other links we hand out."""
    path = reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)},
    )
    return settings.SITE_URL.rstrip("/") + path


class Command(BaseCommand):
    help = "Create a region (or rename it) and give people a role in it."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--name", required=True)
        parser.add_argument("--member", action="append", default=[], metavar="EMAIL")
        parser.add_argument("--role", choices=RegionRole.values, default=RegionRole.FUNDER)

    def handle(self, *args, slug, name, member, role, **options):
        try:
            with transaction.atomic():
                region, created = services.create_region(slug=slug, name=name)
                added = [services.add_region_member(region, email=email, role=role) for email in member]
        except ValidationError as error:
            raise CommandError(
                " ".join(m for messages in error.message_dict.values() for m in messages)
            ) from None
        self.stdout.write(f"{'Created' if created else 'Updated'} region {region.slug}: {region.name}")
        for region_member, _user_created in added:
            self.stdout.write(f"  {region_member.user.email}: {region_member.get_role_display()}")
        url = settings.SITE_URL.rstrip("/") + reverse("region", kwargs={"region": region.slug})
        self.stdout.write(f"Regional view: {url}")
        for region_member, _user_created in added:
            if not region_member.user.has_usable_password():
                self.stdout.write(
                    f"Set a password for {region_member.user.email}: {set_password_link(region_member.user)}"
                )
