"""An index for "open now" (search.open_at): the schedules that cover a moment are read from the index
alone, without visiting the table row by row."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("socialmap", "0002_search_index"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="schedule",
            index=models.Index(
                fields=[
                    "organisation",
                    "freq",
                    "opens_at",
                    "closes_at",
                    "byday",
                    "valid_from",
                    "valid_to",
                    "service",
                    "location",
                ],
                name="socialmap_schedule_open",
            ),
        ),
    ]
