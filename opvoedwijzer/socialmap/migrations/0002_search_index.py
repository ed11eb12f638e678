"""The full-text index of services, per database (see socialmap/search.py).

PostgreSQL: a stored generated column `search_vector` (to_tsvector('dutch', search_text)) with a GIN
index — kept by the database itself, so ranking does not recompute a vector per row. It is not a
field of the model: Django never writes it. SQLite: an FTS5 table holding the Snowball-stemmed text.
"""

from django.db import migrations


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE socialmap_service_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')"
        )
    elif vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE socialmap_service ADD COLUMN search_vector tsvector "
            "GENERATED ALWAYS AS (to_tsvector('dutch'::regconfig, search_text)) STORED"
        )
        schema_editor.execute("CREATE INDEX socialmap_service_search ON socialmap_service USING gin (search_vector)")


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS socialmap_service_fts")
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS socialmap_service_search")
        schema_editor.execute("ALTER TABLE socialmap_service DROP COLUMN IF EXISTS search_vector")


class Migration(migrations.Migration):
    dependencies = [("socialmap", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
