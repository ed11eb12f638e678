import time

from django.core.management.base import BaseCommand, CommandError

from opvoedwijzer.contacts.services import rebuild_rollup
from opvoedwijzer.core.models import Organisation


class Command(BaseCommand):
    help = "Recount the report roll-up from the contacts (after a bulk load or a repair); idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--organisation", help="slug; all organisations when left out")

    def handle(self, *args, organisation=None, **options):
        org = None
        if organisation:
            org = Organisation.objects.filter(slug=organisation).first()
            if org is None:
                raise CommandError(f"No organisation {organisation}.")
        started = time.perf_counter()
        rebuild_rollup(org)
        self.stdout.write(f"roll-up rebuilt in {time.perf_counter() - started:.1f} s")
