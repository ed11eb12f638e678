"""The roll-up of contact counts moves to contacts (contacts 0005): state only, the tables stay."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0004_paircount_read_order"),
        ("contacts", "0005_rollup_counts"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="DailyCount"),
                migrations.DeleteModel(name="MonthlyCount"),
                migrations.DeleteModel(name="PairCount"),
            ],
            database_operations=[],
        ),
    ]
