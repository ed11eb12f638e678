"""Import past registrations from a CSV or XLSX file into an organisation.

    python manage.py import_contacts SLUG FILE [--accept-good-rows] [--as EMAIL] [--default FIELD=VALUE …]

Refused rows are listed with their row number and reasons, dropped notes likewise; the last line is
exactly `imported N, unchanged M, refused K` (N and M count contacts, K rows). Values the file uses that
match no term are refused unless a coordinator mapped them on the import screen before (the mapping is
remembered). Exits with status 1 when nothing could be written because of refused rows.
"""

import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from opvoedwijzer.core.models import Membership, Organisation, Role
from opvoedwijzer.imports.checking import DEFAULTABLE, FIELD_LABELS
from opvoedwijzer.imports.reading import FileProblem
from opvoedwijzer.imports.services import import_file


class Command(BaseCommand):
    help = "Import past registrations (CSV or XLSX, one row per contact or a tally with a count column)."

    def add_arguments(self, parser):
        parser.add_argument("org", help="the organisation's slug")
        parser.add_argument("path", help="a .csv or .xlsx file")
        parser.add_argument(
            "--accept-good-rows", action="store_true", help="import the good rows even when some are refused"
        )
        parser.add_argument(
            "--as",
            dest="email",
            help="the coordinator the contacts are registered by (default: the first one)",
        )
        parser.add_argument(
            "--default",
            action="append",
            default=[],
            metavar="FIELD=VALUE",
            help="a value for a field the file lacks or leaves empty; FIELD is one of "
            f"{', '.join(DEFAULTABLE)} "
            "(a code or a label; several offers or life stages separated by commas)",
        )

    def handle(self, org, path, accept_good_rows=False, email=None, default=(), **options):
        translation.activate("en")
        organisation = Organisation.objects.filter(slug=org).first()
        if organisation is None:
            raise CommandError(f"No organisation {org!r}.")
        memberships = Membership.objects.active().filter(organisation=organisation, role=Role.COORDINATOR)
        if email:
            memberships = memberships.filter(user__email__iexact=email)
        membership = memberships.select_related("user", "organisation").order_by("created", "pk").first()
        if membership is None:
            raise CommandError(
                f"{email} is not an active coordinator of {org}."
                if email
                else f"{org} has no active coordinator."
            )
        defaults = {}
        for item in default:
            name, sep, value = item.partition("=")
            name = name.strip().replace("-", "_")
            if not sep or name not in DEFAULTABLE:
                raise CommandError(
                    f"--default {item!r}: use FIELD=VALUE with FIELD one of {', '.join(DEFAULTABLE)}."
                )
            defaults[name] = value.strip()
        source = Path(path)
        try:
            content = source.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from error
        try:
            outcome = import_file(
                membership, source.name, content, defaults=defaults, accept_good_rows=accept_good_rows
            )
        except FileProblem as problem:
            raise CommandError(str(problem)) from problem
        write = self.stdout.write
        if outcome.problem:
            write(f"The file was refused: {outcome.problem}")
        else:
            for row, reasons in outcome.refused:
                write(f"row {row}: refused: {'; '.join(str(r) for r in reasons)}")
        for entry in outcome.unknown:
            write(
                f"unknown {FIELD_LABELS[entry['field']]} '{entry['value']}' in {entry['rows']} row(s): "
                "map it on the import screen once, or fix the file"
            )
        for row, reason in outcome.notes_dropped:
            write(f"row {row}: {reason}")
        if outcome.notes_expired:
            days = settings.RETENTION_DAYS["contact_note"]
            write(
                f"{outcome.notes_expired} note(s) older than the notes' retention period ({days} days) "
                "left out"
            )
        if outcome.refused and not outcome.written:
            write(
                "Nothing was written while rows are refused (use --accept-good-rows to import the good rows)."
            )
        write(outcome.line)
        if outcome.refused and not outcome.written:
            sys.stdout.flush()
            raise SystemExit(1)
