"""Import a social map file into an organisation: HSDS JSON, the HSDS tabular package (.zip, or a
folder of CSV files) or a plain CSV/XLSX list. Prints the report; exits 1 when nothing was imported."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from opvoedwijzer.core.models import Organisation
from opvoedwijzer.socialmap import importers


class Command(BaseCommand):
    help = (
        "Import HSDS JSON, an HSDS tabular package (.zip or folder) or a CSV/XLSX list into ORG's social map."
    )

    def add_arguments(self, parser):
        parser.add_argument("org", help="the organisation's slug")
        parser.add_argument("path", help="a .json, .zip, .csv or .xlsx file, or a folder of HSDS CSV files")
        parser.add_argument("--skip-refused", action="store_true", help="import the good rows anyway")

    def handle(self, org, path, skip_refused=False, **options):
        organisation = Organisation.objects.filter(slug=org).first()
        if organisation is None:
            raise CommandError(f"No organisation {org!r}.")
        source = Path(path)
        try:
            if source.is_dir():
                files = {p.name: p.read_text(encoding="utf-8-sig") for p in sorted(source.glob("*.csv"))}
                report = importers.import_hsds_package(organisation, files, skip_refused=skip_refused)
            else:
                report = importers.import_file(organisation, source.name, source.read_bytes(), skip_refused)
        except (OSError, importers.ImportFileError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(json.dumps(report.summary(), ensure_ascii=False, indent=2, default=str))
        if not report.imported:
            raise CommandError(f"Nothing was imported: {len(report.refused)} row(s) refused.")
