"""An index for the search's count (search.find_services: current services of an organisation, and
with "open now" their ids): read from the index alone instead of the services' wide rows."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("socialmap", "0003_schedule_open_index"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="service",
            index=models.Index(
                fields=["organisation", "retired_on", "status", "id"], name="socialmap_service_current"
            ),
        ),
    ]
