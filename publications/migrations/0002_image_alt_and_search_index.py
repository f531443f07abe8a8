from django.db import migrations, models

# Must stay identical to cica_site.search.search_vector() for Publication, or
# PostgreSQL cannot use the index (tests/site/test_search_postgres.py checks the plan).
SEARCH_INDEX_SQL = (
    'CREATE INDEX IF NOT EXISTS "publications_publication_search_gin" '
    'ON "publications_publication" USING gin ((('
    "(setweight(to_tsvector('english'::regconfig, COALESCE(\"title\", '')), 'A')"
    " || setweight(to_tsvector('english'::regconfig, COALESCE(\"standfirst\", '')), 'B'))"
    " || setweight(to_tsvector('english'::regconfig, COALESCE(\"body\", '')), 'C'))))"
)
DROP_SEARCH_INDEX_SQL = 'DROP INDEX IF EXISTS "publications_publication_search_gin"'


def create_search_index(apps, schema_editor):
    # Full-text search exists on PostgreSQL only; SQLite uses a plain fallback.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(SEARCH_INDEX_SQL)


def drop_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_SEARCH_INDEX_SQL)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_initial"),
        ("members", "0001_initial"),
        ("plans", "0001_initial"),
        ("publications", "0001_initial"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="publication",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("image", ""), models.Q(("image_alt", ""), _negated=True), _connector="OR"
                ),
                name="publication_image_has_alt_text",
                violation_error_message="Describe the image for people who cannot see it (alt text).",
            ),
        ),
        migrations.RunPython(create_search_index, drop_search_index, elidable=False),
    ]
