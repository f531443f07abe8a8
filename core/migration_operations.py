"""Migration operations the apps share."""

from django.db import migrations


class AddIndexOnPostgreSQL(migrations.AddIndex):
    """AddIndex, made only on PostgreSQL: for an index SQLite cannot make (an order with
    NULLS LAST) that only the production database needs. The model declares it either
    way, so its state is the same everywhere."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
