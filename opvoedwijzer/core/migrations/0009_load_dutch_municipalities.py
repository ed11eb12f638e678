from django.db import migrations


def load(apps, schema_editor):
    """The Dutch municipalities that ship with the app (core/data/nl/: CBS, 1 January 2026; valid since
    before our data), as 0002
    loads the Belgian ones; idempotent, so `load_municipalities --country NL` may run again."""
    from opvoedwijzer.core.municipalities import load_shipped_dutch_municipalities

    load_shipped_dutch_municipalities(
        apps.get_model("core", "Municipality"),
        apps.get_model("core", "PostalCode"),
        filename="gemeenten-2026.csv",
        valid_from=None,  # the first list: valid since before our data (core/municipalities.py)
    )


class Migration(migrations.Migration):
    dependencies = [("core", "0008_own_areas")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
