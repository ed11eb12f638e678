"""`manage.py train_suggestions [--organisation slug]`: learn the suggestion weights again now."""

from django.core.management.base import BaseCommand, CommandError

from opvoedwijzer.core.models import Organisation
from opvoedwijzer.suggestions.services import train


class Command(BaseCommand):
    help = (
        "Learn the suggestions' weights again from each organisation's answered questions and registrations."
    )

    def add_arguments(self, parser):
        parser.add_argument("--organisation", help="the slug of one organisation (default: all)")

    def handle(self, *args, organisation=None, **options):
        orgs = Organisation.objects.all()
        if organisation:
            orgs = orgs.filter(slug=organisation)
            if not orgs.exists():
                raise CommandError(f"No organisation '{organisation}'.")
        for org in orgs:
            weights = train(org)
            self.stdout.write(
                f"{org.slug}: {weights.examples} examples, {len(weights.weights['stems'])} stems"
            )
