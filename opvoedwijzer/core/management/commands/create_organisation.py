"""Make a new service ready for its coordinator; the link to set a password is the last line printed."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from opvoedwijzer.core.services import find_municipalities, set_up_organisation


class Command(BaseCommand):
    help = (
        "Create an organisation with the default taxonomy, its municipalities and its coordinator "
        "(an account without a password yet). The last line printed is the link where the coordinator "
        "chooses a password (valid INVITATION_VALID_DAYS days, 14 by default). Nothing is written when "
        "anything is wrong."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="the address: /<slug>/ for the public, /o/<slug>/ for staff")
        parser.add_argument("--name", required=True, help="the organisation's name")
        parser.add_argument(
            "--municipalities",
            required=True,
            help="comma-separated municipality codes: NIS (BE, 71022) or CBS (NL, GM0363)",
        )
        parser.add_argument(
            "--coordinator", required=True, metavar="EMAIL", help="the coordinator's e-mail address"
        )
        parser.add_argument("--send-mail", action="store_true", help="also send the link to the coordinator")

    def handle(self, slug, name, municipalities, coordinator, send_mail, **options):
        try:
            places = find_municipalities(municipalities.split(","))
            if not places:
                raise ValidationError({"municipalities": "Give at least one municipality code."})
            new = set_up_organisation(
                slug=slug, name=name, municipalities=places, coordinator_email=coordinator, notify=send_mail
            )
        except ValidationError as error:
            raise CommandError(_message(error)) from None
        org, link = new.organisation, new.link
        if send_mail and not new.mailed:
            self.stderr.write("The e-mail could not be sent; pass the link on yourself.")
        self.stdout.write(
            f"Created {org.name} (/{org.slug}/) serving {', '.join(f'{m.name} ({m.code})' for m in places)}, "
            "with the default taxonomy."
        )
        self.stdout.write(f"{coordinator.strip().lower()} is its coordinator. The link to set a password:")
        self.stdout.write(link)


def _message(error):
    if hasattr(error, "message_dict"):
        return " ".join(str(m) for messages in error.message_dict.values() for m in messages)
    return " ".join(error.messages)
