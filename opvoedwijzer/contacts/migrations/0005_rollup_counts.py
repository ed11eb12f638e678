"""The roll-up of contact counts moves from reports to contacts (issue 16): state only, its tables,
indexes and constraints keep their names (reports_dailycount, reports_monthlycount, reports_paircount)."""

import django.db.models.deletion
from django.db import migrations, models

ORGANISATION = (
    "organisation",
    models.ForeignKey(
        db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="core.organisation"
    ),
)


def _id():
    return (
        "id",
        models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_user_mfa_setup_deadline"),
        ("contacts", "0004_alter_contact_source"),
        ("reports", "0004_paircount_read_order"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="DailyCount",
                    fields=[
                        _id(),
                        ("dim", models.CharField(max_length=20)),
                        ("day", models.DateField()),
                        ("area", models.CharField(max_length=10)),
                        ("value", models.CharField(max_length=50)),
                        ("n", models.IntegerField()),
                        ORGANISATION,
                    ],
                    options={
                        "db_table": "reports_dailycount",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("organisation", "dim", "day", "area", "value"), name="one_daily_count"
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="MonthlyCount",
                    fields=[
                        _id(),
                        ("dim", models.CharField(max_length=20)),
                        ("month", models.CharField(max_length=7)),
                        ("area", models.CharField(max_length=10)),
                        ("value", models.CharField(max_length=50)),
                        ("n", models.IntegerField()),
                        ORGANISATION,
                    ],
                    options={
                        "db_table": "reports_monthlycount",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("organisation", "dim", "month", "area", "value"),
                                name="one_monthly_count",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="PairCount",
                    fields=[
                        _id(),
                        ("dim1", models.CharField(max_length=20)),
                        ("dim2", models.CharField(max_length=20)),
                        ("month", models.CharField(max_length=7)),
                        ("week", models.PositiveSmallIntegerField()),
                        ("area", models.CharField(max_length=10)),
                        ("value1", models.CharField(max_length=50)),
                        ("value2", models.CharField(max_length=50)),
                        ("n", models.IntegerField()),
                        ORGANISATION,
                    ],
                    options={
                        "db_table": "reports_paircount",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=(
                                    "organisation",
                                    "dim1",
                                    "dim2",
                                    "month",
                                    "area",
                                    "value1",
                                    "value2",
                                    "week",
                                ),
                                name="one_pair_count",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
