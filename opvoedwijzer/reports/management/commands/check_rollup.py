import time

from django.core.management.base import BaseCommand, CommandError

from opvoedwijzer.contacts.services import check_rollup
from opvoedwijzer.core.models import Organisation


class Command(BaseCommand):
    help = "Compare the report roll-up with a recount of the contacts; --repair adds the differences."

    def add_arguments(self, parser):
        parser.add_argument("--organisation", help="slug; all organisations when left out")
        parser.add_argument("--repair", action="store_true", help="add the differences to the roll-up")

    def handle(self, *args, organisation=None, repair=False, **options):
        org = None
        if organisation:
            org = Organisation.objects.filter(slug=organisation).first()
            if org is None:
                raise CommandError(f"No organisation {organisation}.")
        started = time.perf_counter()
        drifted = check_rollup(org, repair=repair)
        took = time.perf_counter() - started
        if not drifted:
            self.stdout.write(f"roll-up exact ({took:.1f} s)")
            return
        slugs = dict(Organisation.objects.filter(pk__in=drifted).values_list("pk", "slug"))
        for org_id, rows in sorted(drifted.items()):
            self.stdout.write(f"{slugs.get(org_id, org_id)}: {rows} roll-up rows differed")
        self.stdout.write(f"roll-up {'repaired' if repair else 'NOT repaired (use --repair)'} ({took:.1f} s)")
