from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from opvoedwijzer.core.areas import check_area_file, import_own_areas
from opvoedwijzer.core.models import Organisation


class Command(BaseCommand):
    help = (
        "Import an organisation's own areas (neighbourhoods, a region) from a CSV file: code, name, "
        "optionally municipality (NIS/CBS code), valid_from, valid_to. Nothing is written while a row "
        "is refused. The last line is 'added N, changed M, unchanged K'."
    )

    def add_arguments(self, parser):
        parser.add_argument("organisation", help="the organisation's slug")
        parser.add_argument("file", type=Path)

    def handle(self, *args, **options):
        org = Organisation.objects.filter(slug=options["organisation"]).first()
        if org is None:
            raise CommandError(f"No organisation '{options['organisation']}'.")
        try:
            data = options["file"].read_bytes()
        except OSError as exc:
            raise CommandError(str(exc)) from exc
        check = check_area_file(org, data)
        if not check.ok:
            for line, reason in check.refusals:
                self.stderr.write(f"line {line}: {reason}" if line else reason)
            raise CommandError(f"{len(check.refusals)} refused; nothing was imported.")
        counts = import_own_areas(org, check.rows)
        self.stdout.write("added {added}, changed {changed}, unchanged {unchanged}".format(**counts))
