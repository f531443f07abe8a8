"""GIN indexes for site search on the members, plans and events tables (PostgreSQL only).

They live here because search is a site feature; each expression must stay identical
to cica_site.search.search_vector() for that model, or PostgreSQL cannot use it
(tests/site/test_search_postgres.py checks the query plans).
"""

from django.db import migrations


def _vector_sql(title, summary, body):
    def weighted(column, weight):
        return (
            f"setweight(to_tsvector('english'::regconfig, COALESCE(\"{column}\", '')), '{weight}')"
        )

    return f"(({weighted(title, 'A')} || {weighted(summary, 'B')}) || {weighted(body, 'C')})"


SEARCH_INDEXES = {
    "members_participant_search_gin": ("members_participant", ("name", "official_name", "summary")),
    "plans_plan_search_gin": ("plans_plan", ("title", "summary", "body")),
    "events_event_search_gin": ("events_event", ("title", "summary", "body")),
}


def create_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, (table, columns) in SEARCH_INDEXES.items():
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" USING gin (({_vector_sql(*columns)}))'
        )


def drop_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in SEARCH_INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("cica_site", "0001_staff_roles"),
        ("members", "0001_initial"),
        ("plans", "0001_initial"),
        ("events", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_search_indexes, drop_search_indexes, elidable=False),
    ]
