from django.db import migrations


def load(apps, schema_editor):
    from opvoedwijzer.core.municipalities import load_belgian_municipalities

    load_belgian_municipalities(apps.get_model("core", "Municipality"),
                                apps.get_model("core", "PostalCode"))


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
