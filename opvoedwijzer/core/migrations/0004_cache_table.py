"""The shared cache's table (settings.CACHES: the database by default), so that `migrate` is all a new
installation or an upgrade needs. Rate limits and login throttling count in it across every worker."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("core", "0003_user_mfa_setup_deadline")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
