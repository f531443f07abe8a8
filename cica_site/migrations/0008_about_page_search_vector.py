"""A stored search vector for the About pages (PostgreSQL only), as 0004 for the content.

Django's flatpages table gets the generated, GIN-indexed column cica_site.search reads:
title weighted A, content B, the weighting of the "about" source in search.SOURCES
(tests/site/test_search_postgres.py checks they agree). SQLite keeps its plain fallback.
"""

from django.db import migrations

TABLE = "django_flatpage"
COLUMN = "search_vector"
VECTOR = (
    "(setweight(to_tsvector('english'::regconfig, COALESCE(\"title\", '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, COALESCE(\"content\", '')), 'B'))"
)


def add_stored_vector(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f'ALTER TABLE "{TABLE}" ADD COLUMN IF NOT EXISTS "{COLUMN}" tsvector '
        f"GENERATED ALWAYS AS ({VECTOR}) STORED"
    )
    schema_editor.execute(
        f'CREATE INDEX IF NOT EXISTS "{TABLE}_{COLUMN}" ON "{TABLE}" USING gin ("{COLUMN}")'
    )


def remove_stored_vector(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f'ALTER TABLE "{TABLE}" DROP COLUMN IF EXISTS "{COLUMN}"')


class Migration(migrations.Migration):
    dependencies = [
        ("cica_site", "0007_secretariat_contact"),
        ("flatpages", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(add_stored_vector, remove_stored_vector, elidable=False),
    ]
