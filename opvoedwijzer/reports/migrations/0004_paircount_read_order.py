"""The pair table's unique index in the order reports read it (month, area, values, then the week),
and on PostgreSQL with n included, so that a report is an index-only scan whose rows come grouped:
at 10 M contacts `by=municipality,month,theme,asker_role` read its year in 0.13 s instead of 1.7 s (a
sequential scan of the 2 GB table, then a sort)."""

from django.db import migrations, models

COLUMNS = "organisation_id, dim1, dim2, month, area, value1, value2, week"


def covering(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE reports_paircount DROP CONSTRAINT one_pair_count")
        schema_editor.execute(
            f"ALTER TABLE reports_paircount ADD CONSTRAINT one_pair_count UNIQUE ({COLUMNS}) INCLUDE (n)"
        )


class Migration(migrations.Migration):
    dependencies = [("reports", "0003_rollup_pairs")]

    operations = [
        migrations.RemoveConstraint(model_name="paircount", name="one_pair_count"),
        migrations.AddConstraint(
            model_name="paircount",
            constraint=models.UniqueConstraint(
                fields=("organisation", "dim1", "dim2", "month", "area", "value1", "value2", "week"),
                name="one_pair_count",
            ),
        ),
        migrations.RunPython(covering, migrations.RunPython.noop),
    ]
