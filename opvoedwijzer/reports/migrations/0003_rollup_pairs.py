"""The roll-up of pairs of dimensions (PairCount), filled from the contacts."""

import django.db.models.deletion
from django.db import migrations, models


def fill_pairs(apps, schema_editor):
    from opvoedwijzer.contacts import rollup

    rollup.rebuild_pairs()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_user_mfa_setup_deadline"),
        ("contacts", "0003_alter_contact_area"),
        ("taxonomy", "0001_initial"),
        ("reports", "0002_rollup"),
    ]

    operations = [
        migrations.CreateModel(
            name="PairCount",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("dim1", models.CharField(max_length=20)),
                ("dim2", models.CharField(max_length=20)),
                ("month", models.CharField(max_length=7)),
                ("week", models.PositiveSmallIntegerField()),
                ("area", models.CharField(max_length=10)),
                ("value1", models.CharField(max_length=50)),
                ("value2", models.CharField(max_length=50)),
                ("n", models.IntegerField()),
                (
                    "organisation",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="core.organisation",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("organisation", "dim1", "dim2", "month", "week", "area", "value1", "value2"),
                        name="one_pair_count",
                    )
                ],
            },
        ),
        migrations.RunPython(fill_pairs, migrations.RunPython.noop),
    ]
