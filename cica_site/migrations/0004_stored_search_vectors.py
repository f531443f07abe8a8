"""Stored search vectors (PostgreSQL only), so that ranking does not re-parse every hit.

Migration 0002 indexed the tsvector *expression*: the index finds the matching rows,
but ts_rank then rebuilt each row's vector from its text, about 0.2 ms a row, so a
common word over 50,000 events took a fifth of a second. A generated column stores
the vector once; PostgreSQL keeps it current on every insert and update, whatever
writes the row (admin, bulk loads, imports). The models do not declare the column:
cica_site.search reads it on PostgreSQL only, and SQLite keeps its plain fallback.
Each expression is the weighting of cica_site.search.SOURCES (title A, summary B,
body C); tests/site/test_search_postgres.py checks they agree.
"""

from django.db import migrations

COLUMN = "search_vector"
# table -> (columns weighted A, B, C; the expression index of 0002 it replaces)
VECTORS = {
    "members_participant": (("name", "official_name", "summary"), "members_participant_search_gin"),
    "plans_plan": (("title", "summary", "body"), "plans_plan_search_gin"),
    "events_event": (("title", "summary", "body"), "events_event_search_gin"),
    "publications_publication": (
        ("title", "standfirst", "body"),
        "publications_publication_search_gin",
    ),
}


def vector_sql(columns):
    weighted = [
        f"setweight(to_tsvector('english'::regconfig, COALESCE(\"{column}\", '')), '{weight}')"
        for column, weight in zip(columns, "ABC", strict=True)
    ]
    return f"(({weighted[0]} || {weighted[1]}) || {weighted[2]})"


def add_stored_vectors(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, (columns, old_index) in VECTORS.items():
        schema_editor.execute(
            f'ALTER TABLE "{table}" ADD COLUMN IF NOT EXISTS "{COLUMN}" tsvector '
            f"GENERATED ALWAYS AS ({vector_sql(columns)}) STORED"
        )
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{table}_{COLUMN}" ON "{table}" USING gin ("{COLUMN}")'
        )
        schema_editor.execute(f'DROP INDEX IF EXISTS "{old_index}"')


def remove_stored_vectors(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, (columns, old_index) in VECTORS.items():
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{old_index}" ON "{table}" '
            f"USING gin (({vector_sql(columns)}))"
        )
        schema_editor.execute(f'ALTER TABLE "{table}" DROP COLUMN IF EXISTS "{COLUMN}"')


class Migration(migrations.Migration):
    dependencies = [
        ("cica_site", "0003_about_page_history"),
        ("members", "0002_history_and_publish_permission"),
        ("plans", "0005_scale_indexes"),
        ("events", "0005_scale_indexes"),
        ("publications", "0004_scale_indexes"),
    ]

    operations = [
        migrations.RunPython(add_stored_vectors, remove_stored_vectors, elidable=False),
    ]
