"""The Dutch full-text index of library resources (core/fulltext.py): an FTS5 table on SQLite, a stored
tsvector column with a GIN index on PostgreSQL."""

from django.db import migrations

from opvoedwijzer.core.fulltext import create_index_sql, fts_table

TABLE = "infotheek_resource"


def create(apps, schema_editor):
    for statement in create_index_sql(schema_editor.connection.vendor, TABLE):
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {fts_table(TABLE)}")
    elif vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {TABLE}_search")
        schema_editor.execute(f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_vector")


class Migration(migrations.Migration):
    dependencies = [("infotheek", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
