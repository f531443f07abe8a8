"""How many published plans there are per dimension, priority area, status and kind.

The home page's status counts, the status board's matrix, the plan list's group sizes
and the sitemap index all need counts over every published plan. Aggregating them at
request time reads every published plan's index entry (11 to 20 ms at 55,000 plans,
see bench/README.md). Instead the database keeps a tally: triggers on plans_plan add
or take one from the row of the plan's (dimension, priority area, status, kind)
whenever a plan becomes, stops being or changes while published. That holds for every
way rows change (the ORM, bulk_create, queryset.update, raw SQL).

"Published" in the tally means publication_status = published, whatever publish_at
says; the few published plans whose publish_at is still ahead are counted at request
time (an index range scan) and taken off, so scheduled plans appear at their moment
as everywhere else.

The triggers and the tally's contents are (re)made after every migrate and flush
(post_migrate): SQLite drops a table's triggers when a migration rebuilds the table,
and a flush empties tables without firing them.
"""

from django.db import connections, models, transaction
from django.db.models import Count, Sum, Value
from django.utils import timezone

from cica_site.publishing import PublicationStatus

TALLY_TABLE = "plans_publishedplantally"
PLAN_TABLE = "plans_plan"
TRIGGER_COLUMNS = "publication_status, dimension_id, priority_area_id, status, kind"


class PublishedPlanTally(models.Model):
    """One row per (dimension, priority area, status, kind) with published plans."""

    dimension = models.ForeignKey(
        "plans.Dimension", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    priority_area = models.ForeignKey(
        "plans.PriorityArea",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    # priority_area_id, or 0 for none: a unique key without NULLs, on every database.
    area_key = models.BigIntegerField()
    status = models.CharField(max_length=20)
    kind = models.CharField(max_length=16)
    plans = models.IntegerField()

    class Meta:
        ordering = ["dimension", "area_key", "status", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["dimension", "area_key", "status", "kind"], name="plan_tally_key"
            )
        ]

    def __str__(self):
        return f"{self.dimension_id}/{self.area_key}/{self.status}/{self.kind}: {self.plans}"


def _change(row, delta):
    """SQL adding ``delta`` (+1 or -1) to the tally row of the plan ``row`` (NEW or OLD)."""
    area_key = f"COALESCE({row}.priority_area_id, 0)"
    if delta > 0:
        return (
            f"INSERT INTO {TALLY_TABLE} "
            "(dimension_id, priority_area_id, area_key, status, kind, plans) "
            f"VALUES ({row}.dimension_id, {row}.priority_area_id, {area_key}, {row}.status, "
            f"{row}.kind, 1) ON CONFLICT (dimension_id, area_key, status, kind) "
            f"DO UPDATE SET plans = {TALLY_TABLE}.plans + 1;"
        )
    # Taking one off never creates a row (a flush may empty the tally before the plans).
    return (
        f"UPDATE {TALLY_TABLE} SET plans = plans - 1 WHERE dimension_id = {row}.dimension_id "
        f"AND area_key = {area_key} AND status = {row}.status AND kind = {row}.kind;"
    )


def _postgresql_triggers():
    published = f"'{PublicationStatus.PUBLISHED.value}'"
    return [
        f"""
        CREATE OR REPLACE FUNCTION plans_tally_row() RETURNS trigger AS $$
        BEGIN
          IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.publication_status = {published} THEN
            {_change("OLD", -1)}
          END IF;
          IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.publication_status = {published} THEN
            {_change("NEW", +1)}
          END IF;
          RETURN NULL;
        END $$ LANGUAGE plpgsql
        """,
        f"""
        CREATE OR REPLACE FUNCTION plans_tally_truncate() RETURNS trigger AS $$
        BEGIN
          DELETE FROM {TALLY_TABLE};
          RETURN NULL;
        END $$ LANGUAGE plpgsql
        """,
        f"""
        CREATE OR REPLACE TRIGGER plans_tally_row
        AFTER INSERT OR DELETE OR UPDATE OF {TRIGGER_COLUMNS} ON {PLAN_TABLE}
        FOR EACH ROW EXECUTE FUNCTION plans_tally_row()
        """,
        f"""
        CREATE OR REPLACE TRIGGER plans_tally_truncate
        AFTER TRUNCATE ON {PLAN_TABLE}
        FOR EACH STATEMENT EXECUTE FUNCTION plans_tally_truncate()
        """,
    ]


def _sqlite_triggers():
    published = f"'{PublicationStatus.PUBLISHED.value}'"
    return [
        f"""
        CREATE TRIGGER IF NOT EXISTS plans_tally_insert AFTER INSERT ON {PLAN_TABLE}
        WHEN NEW.publication_status = {published}
        BEGIN {_change("NEW", +1)} END
        """,
        f"""
        CREATE TRIGGER IF NOT EXISTS plans_tally_delete AFTER DELETE ON {PLAN_TABLE}
        WHEN OLD.publication_status = {published}
        BEGIN {_change("OLD", -1)} END
        """,
        f"""
        CREATE TRIGGER IF NOT EXISTS plans_tally_update_old
        AFTER UPDATE OF {TRIGGER_COLUMNS} ON {PLAN_TABLE}
        WHEN OLD.publication_status = {published}
        BEGIN {_change("OLD", -1)} END
        """,
        f"""
        CREATE TRIGGER IF NOT EXISTS plans_tally_update_new
        AFTER UPDATE OF {TRIGGER_COLUMNS} ON {PLAN_TABLE}
        WHEN NEW.publication_status = {published}
        BEGIN {_change("NEW", +1)} END
        """,
    ]


def install(using="default"):
    """Create the triggers (if missing) and count the tally afresh, in one transaction."""
    connection = connections[using]
    statements = {
        "postgresql": _postgresql_triggers,
        "sqlite": _sqlite_triggers,
    }.get(connection.vendor)
    if statements is None:
        raise NotImplementedError(f"No plan tally triggers for {connection.vendor}.")
    tables = set(connection.introspection.table_names())
    if not {TALLY_TABLE, PLAN_TABLE} <= tables:
        return  # migrated back before the tally (or the plans) existed
    published = PublicationStatus.PUBLISHED.value
    with transaction.atomic(using=using), connection.cursor() as cursor:
        for statement in statements():
            cursor.execute(statement)
        cursor.execute(f"DELETE FROM {TALLY_TABLE}")
        cursor.execute(
            f"INSERT INTO {TALLY_TABLE} "
            "(dimension_id, priority_area_id, area_key, status, kind, plans) "
            "SELECT dimension_id, priority_area_id, COALESCE(priority_area_id, 0), status, "
            f"kind, COUNT(*) FROM {PLAN_TABLE} WHERE publication_status = %s "
            "GROUP BY dimension_id, priority_area_id, status, kind",
            [published],
        )


SQLITE_TRIGGERS = [
    "plans_tally_insert",
    "plans_tally_delete",
    "plans_tally_update_old",
    "plans_tally_update_new",
]


def uninstall(using="default"):
    """Drop the triggers (before the tally table goes, when migrating backwards)."""
    connection = connections[using]
    if connection.vendor == "postgresql":
        statements = [
            f"DROP TRIGGER IF EXISTS plans_tally_row ON {PLAN_TABLE}",
            f"DROP TRIGGER IF EXISTS plans_tally_truncate ON {PLAN_TABLE}",
            "DROP FUNCTION IF EXISTS plans_tally_row()",
            "DROP FUNCTION IF EXISTS plans_tally_truncate()",
        ]
    else:
        statements = [f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_TRIGGERS]
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def _published_plan_rows(group_fields, columns, **filters):
    """values_list(*columns, "n") rows of published plans grouped by ``group_fields``, in
    one UNION ALL query: the tallied groups and, counted negative, the published plans
    still scheduled. Summed by group they give the plans published now."""
    from .models import Plan

    # A constant group when no field is asked for: values() alone would mean every field.
    group = {} if group_fields else {"group": Value(0)}
    tallied, scheduled = (
        queryset.filter(**filters)
        .order_by()
        .values(*group_fields, **group)
        .annotate(n=aggregate)
        .values_list(*columns, "n")
        for queryset, aggregate in (
            (PublishedPlanTally.objects.filter(plans__gt=0), Sum("plans")),
            (Plan.objects.scheduled(), -Count("pk")),
        )
    )
    return tallied.union(scheduled, all=True)


# The plan columns published_counts groups by, by field name.
COUNTED_COLUMNS = {
    "dimension": "dimension_id",
    "priority_area": "priority_area_id",
    "status": "status",
    "kind": "kind",
}


def published_counts(*fields):
    """{values of fields: number of published plans}, e.g. published_counts("status").

    ``fields`` are any of dimension, priority_area, status and kind (their ids for the
    relations). Groups without published plans are left out. One query: the tally's
    groups and, taken off one by one, the published plans still scheduled. Plain SQL:
    through the ORM (a UNION ALL of two grouped querysets) it took more Python than the
    database took to answer, on the home page, the status board and the sitemap.
    """
    columns = ", ".join(COUNTED_COLUMNS[field] for field in fields)
    selected = f"{columns}, " if columns else ""
    grouped = f" GROUP BY {columns}" if columns else ""
    sql = (
        f"SELECT {selected}SUM(n) FROM ("
        f"SELECT {selected}plans AS n FROM {TALLY_TABLE} WHERE plans > 0 "
        f"UNION ALL SELECT {selected}-1 AS n FROM {PLAN_TABLE} "
        f"WHERE publication_status = %s AND publish_at > %s) AS counted{grouped}"
    )
    with connections["default"].cursor() as cursor:
        cursor.execute(sql, [PublicationStatus.PUBLISHED.value, timezone.now()])
        rows = cursor.fetchall()
    return {tuple(key): number for *key, number in rows if number and number > 0}


def published_total():
    return published_counts().get((), 0)


# The plan columns the tally is kept by: a filter on these alone can be read from it.
TALLIED_FIELDS = {"dimension", "priority_area", "status", "kind"}


def ordered_group_counts(group_fields, group_order, **filters):
    """[(keys, member, rows)] for cica_site.pagination.GroupedPaginator, in list order,
    of the published plans matching ``filters`` (field=value, fields of TALLIED_FIELDS).

    The groups are ordered by the database itself (``group_order`` over the related
    tables, as the plan list's order_by), so the order is the one the list's rows have.
    """
    assert set(filters) <= TALLIED_FIELDS, filters
    key_fields = [name.lstrip("-") for name in group_order]
    rows = _published_plan_rows(group_fields, [*key_fields, *group_fields], **filters).order_by(
        *group_order, *group_fields
    )
    groups = {}
    for row in rows:
        values = tuple(row[len(key_fields) : -1])
        if values in groups:
            groups[values][2] += row[-1]
        else:
            keys = tuple(row[: len(key_fields)])
            groups[values] = [keys, dict(zip(group_fields, values, strict=True)), row[-1]]
    return [tuple(group) for group in groups.values() if group[2] > 0]
