"""Stored search vectors per language (PostgreSQL only): English and Russian.

Migrations 0004 and 0008 stored one English vector per table, built from the plain
columns (title, summary...). With the texts in two languages (the _en and _ru columns
of 0010 and the apps' migrations), each table now stores:
- search_vector: the English text, 'english' configuration, as before;
- search_vector_ru: the text a Russian page shows (the Russian text, else the English),
  'russian' configuration (Russian stemming for Cyrillic words, English for Latin ones).
Each is generated and GIN-indexed; cica_site.search reads the column of the page's
language, and tests/site/test_search_postgres.py checks each equals Source.vector().
"""

from django.db import migrations

# table -> its (column, weight) pairs: the weighting of cica_site.search.SOURCES.
TABLES = {
    "members_participant": (("name", "A"), ("official_name", "B"), ("summary", "C")),
    "plans_plan": (("title", "A"), ("summary", "B"), ("body", "C")),
    "events_event": (("title", "A"), ("summary", "B"), ("body", "C")),
    "publications_publication": (("title", "A"), ("standfirst", "B"), ("body", "C")),
    "django_flatpage": (("title", "A"), ("content", "B")),
}
# column -> (configuration, the text of a field in that column's language)
VECTORS = {
    "search_vector": ("english", '"{name}_en"'),
    "search_vector_ru": ("russian", 'COALESCE(NULLIF("{name}_ru", \'\'), "{name}_en")'),
}


def vector_sql(fields, config, text):
    weighted = [
        f"setweight(to_tsvector('{config}'::regconfig, "
        f"COALESCE({text.format(name=name)}, '')), '{weight}')"
        for name, weight in fields
    ]
    return "(" + " || ".join(weighted) + ")"


def add_vectors(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, fields in TABLES.items():
        for column, (config, text) in VECTORS.items():
            schema_editor.execute(f'ALTER TABLE "{table}" DROP COLUMN IF EXISTS "{column}"')
            schema_editor.execute(
                f'ALTER TABLE "{table}" ADD COLUMN "{column}" tsvector '
                f"GENERATED ALWAYS AS ({vector_sql(fields, config, text)}) STORED"
            )
            schema_editor.execute(
                f'CREATE INDEX IF NOT EXISTS "{table}_{column}" ON "{table}" USING gin ("{column}")'
            )


def english_vectors_of_the_plain_columns(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, fields in TABLES.items():
        schema_editor.execute(f'ALTER TABLE "{table}" DROP COLUMN IF EXISTS "search_vector_ru"')
        schema_editor.execute(f'ALTER TABLE "{table}" DROP COLUMN IF EXISTS "search_vector"')
        schema_editor.execute(
            f'ALTER TABLE "{table}" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS '
            f"({vector_sql(fields, 'english', chr(34) + '{name}' + chr(34))}) STORED"
        )
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{table}_search_vector" ON "{table}" '
            'USING gin ("search_vector")'
        )


class Migration(migrations.Migration):
    dependencies = [
        ("cica_site", "0010_texts_in_english_and_russian"),
        ("flatpages", "0002_texts_in_english_and_russian"),
        ("members", "0005_texts_in_english_and_russian"),
        ("plans", "0010_texts_in_english_and_russian"),
        ("events", "0010_texts_in_english_and_russian"),
        ("publications", "0006_texts_in_english_and_russian"),
    ]

    operations = [
        migrations.RunPython(add_vectors, english_vectors_of_the_plain_columns, elidable=False),
    ]
