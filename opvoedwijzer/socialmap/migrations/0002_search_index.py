"""The full-text index of services, per database (see socialmap/search.py)."""

from django.db import migrations


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE socialmap_service_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')"
        )
    elif vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX socialmap_service_search ON socialmap_service "
            "USING gin (to_tsvector('dutch'::regconfig, search_text))"
        )


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS socialmap_service_fts")
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS socialmap_service_search")


class Migration(migrations.Migration):
    dependencies = [("socialmap", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
