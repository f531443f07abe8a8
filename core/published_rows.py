"""How many published events and publications there are, kept by the database.

The sitemap index needs the number of published rows of each section to list its
pages. Counting them at request time reads an index entry per row: 3.9 ms for 47,000
events and 2.6 ms for 19,000 publications at full scale, two thirds of the index's
database time (bench/README.md). Instead triggers keep one counter per table, as the
plan tally does for plans (plans/tally.py): they add or take one whenever a row becomes
or stops being published, however the rows change (the ORM, bulk_create,
queryset.update, raw SQL).

"Published" in the counter means publication_status = published, whatever publish_at
says; the published rows whose publish_at is still ahead are counted at request time
(an index range scan) and taken off, so scheduled items count from their moment on.

The triggers and the counts are (re)made after every migrate and flush (post_migrate):
SQLite drops a table's triggers when a migration rebuilds it, and a flush empties
tables without firing them.
"""

from django.apps import apps
from django.db import connections, models, transaction

from .models import PublishedRowCount
from .publishing import PublicationStatus

COUNTER_TABLE = PublishedRowCount._meta.db_table
# The models whose published rows are counted, as app_label.ModelName.
COUNTED_MODELS = ["events.Event", "publications.Publication"]


def counted_tables():
    return [apps.get_model(label)._meta.db_table for label in COUNTED_MODELS]


def _change(table, delta):
    """SQL adding ``delta`` (+1 or -1) to ``table``'s counter."""
    if delta > 0:
        return (
            f"INSERT INTO {COUNTER_TABLE} (table_name, published) VALUES ('{table}', 1) "
            f"ON CONFLICT (table_name) DO UPDATE SET published = {COUNTER_TABLE}.published + 1;"
        )
    # Taking one off never creates a row (a flush may empty the counters first).
    return f"UPDATE {COUNTER_TABLE} SET published = published - 1 WHERE table_name = '{table}';"


def _postgresql_triggers(table):
    published = f"'{PublicationStatus.PUBLISHED.value}'"
    function = f"{table}_published_rows"
    return [
        f"""
        CREATE OR REPLACE FUNCTION {function}() RETURNS trigger AS $$
        BEGIN
          IF TG_OP = 'TRUNCATE' THEN
            DELETE FROM {COUNTER_TABLE} WHERE table_name = '{table}';
            RETURN NULL;
          END IF;
          IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.publication_status = {published} THEN
            {_change(table, -1)}
          END IF;
          IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.publication_status = {published} THEN
            {_change(table, +1)}
          END IF;
          RETURN NULL;
        END $$ LANGUAGE plpgsql
        """,
        f"""
        CREATE OR REPLACE TRIGGER {function}
        AFTER INSERT OR DELETE OR UPDATE OF publication_status ON {table}
        FOR EACH ROW EXECUTE FUNCTION {function}()
        """,
        f"""
        CREATE OR REPLACE TRIGGER {function}_truncate
        AFTER TRUNCATE ON {table}
        FOR EACH STATEMENT EXECUTE FUNCTION {function}()
        """,
    ]


def _sqlite_triggers(table):
    published = f"'{PublicationStatus.PUBLISHED.value}'"
    name = f"{table}_published_rows"
    return [
        f"""
        CREATE TRIGGER IF NOT EXISTS {name}_insert AFTER INSERT ON {table}
        WHEN NEW.publication_status = {published}
        BEGIN {_change(table, +1)} END
        """,
        f"""
        CREATE TRIGGER IF NOT EXISTS {name}_delete AFTER DELETE ON {table}
        WHEN OLD.publication_status = {published}
        BEGIN {_change(table, -1)} END
        """,
        f"""
        CREATE TRIGGER IF NOT EXISTS {name}_update_old
        AFTER UPDATE OF publication_status ON {table}
        WHEN OLD.publication_status = {published}
        BEGIN {_change(table, -1)} END
        """,
        f"""
        CREATE TRIGGER IF NOT EXISTS {name}_update_new
        AFTER UPDATE OF publication_status ON {table}
        WHEN NEW.publication_status = {published}
        BEGIN {_change(table, +1)} END
        """,
    ]


SQLITE_TRIGGER_SUFFIXES = ["insert", "delete", "update_old", "update_new"]


def install(using="default"):
    """Create the triggers (if missing) and count afresh, in one transaction."""
    connection = connections[using]
    statements = {"postgresql": _postgresql_triggers, "sqlite": _sqlite_triggers}.get(
        connection.vendor
    )
    if statements is None:
        raise NotImplementedError(f"No published-row triggers for {connection.vendor}.")
    existing = set(connection.introspection.table_names())
    if COUNTER_TABLE not in existing:
        return  # migrated back before the counters existed
    with transaction.atomic(using=using), connection.cursor() as cursor:
        for table in counted_tables():
            if table not in existing:
                continue
            for statement in statements(table):
                cursor.execute(statement)
            cursor.execute(f"DELETE FROM {COUNTER_TABLE} WHERE table_name = %s", [table])
            cursor.execute(
                f"INSERT INTO {COUNTER_TABLE} (table_name, published) "
                f"SELECT %s, COUNT(*) FROM {table} WHERE publication_status = %s",
                [table, PublicationStatus.PUBLISHED.value],
            )


def uninstall(using="default"):
    """Drop the triggers (before the counter table goes, when migrating backwards)."""
    connection = connections[using]
    existing = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for table in counted_tables():
            if table not in existing:
                continue
            name = f"{table}_published_rows"
            if connection.vendor == "postgresql":
                statements = [
                    f"DROP TRIGGER IF EXISTS {name} ON {table}",
                    f"DROP TRIGGER IF EXISTS {name}_truncate ON {table}",
                    f"DROP FUNCTION IF EXISTS {name}()",
                ]
            else:
                statements = [f"DROP TRIGGER IF EXISTS {name}_{s}" for s in SQLITE_TRIGGER_SUFFIXES]
            for statement in statements:
                cursor.execute(statement)


class RowCount(models.Subquery):
    """The number of rows of a queryset, as a scalar subquery."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) AS counted)"
    output_field = models.BigIntegerField()


def published_total(model, less=None):
    """``model.objects.published().count()``, read from the counter in one small query:
    the counted rows minus those still scheduled (published, publish_at ahead). With
    ``less``, a queryset of published rows, those rows are counted and taken off in the
    same query."""
    total = models.F("published") - RowCount(model.objects.scheduled().values("pk"))
    if less is not None:
        total -= RowCount(less.order_by().values("pk"))
    counter = PublishedRowCount.objects.filter(table_name=model._meta.db_table)
    counted = counter.annotate(total=total).values_list("total", flat=True).first()
    if counted is None:  # not counted yet (the triggers are installed by migrate)
        return model.objects.published().count() - (less.count() if less is not None else 0)
    return counted
