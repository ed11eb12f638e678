# The audit log moved into core (core 0011): the privacy app forgets the model; the table stays, now core's.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0003_auditevent_region_actions"),
        ("core", "0011_auditevent"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="AuditEvent")],
            database_operations=[],
        ),
    ]
