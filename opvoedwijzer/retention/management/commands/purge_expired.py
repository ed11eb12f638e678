from django.core.management.base import BaseCommand

from opvoedwijzer.retention.run import purge_expired


class Command(BaseCommand):
    help = "Delete or blank what has passed its retention period (settings.RETENTION_DAYS). Daily."

    def handle(self, *args, **options):
        for kind, count in purge_expired().items():
            self.stdout.write(f"{kind}: {count}")
