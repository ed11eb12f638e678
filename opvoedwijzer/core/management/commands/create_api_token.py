from django.core.management.base import BaseCommand, CommandError

from opvoedwijzer.core.models import User
from opvoedwijzer.core.services import create_api_token


class Command(BaseCommand):
    help = "Make a personal API token for a user; the token is the last line printed."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--name", default="command line")

    def handle(self, email, name, **options):
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise CommandError(f"No user with e-mail address {email}.")
        _token, raw = create_api_token(user, name)
        self.stderr.write(f"Token for {user.email} (shown once; keep it secret):")
        self.stdout.write(raw)
