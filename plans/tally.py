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
from django.utils import timezone

from core.publishing import PublicationStatus

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


# The plan columns published_counts groups by, by field name.
COUNTED_COLUMNS = {
    "dimension": "dimension_id",
    "priority_area": "priority_area_id",
    "status": "status",
    "kind": "kind",
}


def _published_plan_sql(columns, filters):
    """(sql, params) of (columns..., n) rows that, summed by the columns, give the number
    of plans published now matching ``filters`` ({field: value}, TALLIED_FIELDS): the
    tally's rows and, counted -1 each, the published plans still scheduled."""
    selected = f"{', '.join(columns)}, " if columns else ""
    conditions = "".join(f" AND {COUNTED_COLUMNS[field]} = %s" for field in filters)
    values = list(filters.values())
    sql = (
        f"SELECT {selected}plans AS n FROM {TALLY_TABLE} WHERE plans > 0{conditions} "
        f"UNION ALL SELECT {selected}-1 AS n FROM {PLAN_TABLE} "
        f"WHERE publication_status = %s AND publish_at > %s{conditions}"
    )
    return sql, [*values, PublicationStatus.PUBLISHED.value, timezone.now(), *values]


def _fetch(sql, params):
    with connections["default"].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def published_counts(*fields):
    """{values of fields: number of published plans}, e.g. published_counts("status").

    ``fields`` are any of dimension, priority_area, status and kind (their ids for the
    relations). Groups without published plans are left out. One query: the tally's
    groups and, taken off one by one, the published plans still scheduled. Plain SQL:
    through the ORM (a UNION ALL of two grouped querysets) it took more Python than the
    database took to answer, on the home page, the status board and the sitemap.
    """
    columns = [COUNTED_COLUMNS[field] for field in fields]
    counted, params = _published_plan_sql(columns, {})
    selected = f"{', '.join(columns)}, " if columns else ""
    grouped = f" GROUP BY {', '.join(columns)}" if columns else ""
    rows = _fetch(f"SELECT {selected}SUM(n) FROM ({counted}) AS counted{grouped}", params)
    return {tuple(key): number for *key, number in rows if number and number > 0}


def published_total():
    return published_counts().get((), 0)


# The plan columns the tally is kept by: a filter on these alone can be read from it.
TALLIED_FIELDS = {"dimension", "priority_area", "status", "kind"}


# The columns of related tables the plan list's groups can be ordered by, as the ORM
# names them in order_by (plans.filters.SORT_ORDERS).
GROUP_ORDER_COLUMNS = {
    "dimension__position": "dimension.position",
    "priority_area__name": "area.name",
}


def ordered_group_counts(group_fields, group_order, **filters):
    """[(keys, member, rows)] for core.pagination.GroupedPaginator, in list order,
    of the published plans matching ``filters`` (field=value, fields of TALLIED_FIELDS).

    The groups are ordered by the database itself (``group_order`` over the related
    tables, as the plan list's order_by), so the order is the one the list's rows have.
    Plain SQL, as published_counts: the ORM's UNION ALL cost more than its answer.
    """
    assert set(filters) <= TALLIED_FIELDS, filters
    columns = [COUNTED_COLUMNS[field] for field in group_fields]
    keys = [GROUP_ORDER_COLUMNS[name.lstrip("-")] for name in group_order]
    order = [
        f"{key} {'DESC' if name.startswith('-') else 'ASC'}"
        for key, name in zip(keys, group_order, strict=True)
    ]
    counted, params = _published_plan_sql(columns, filters)
    # Summed first, then joined: the few groups are sorted, not the rows counted.
    summed = ", ".join(columns)
    rows = _fetch(
        f"SELECT {', '.join(keys)}, {', '.join(f'groups.{column}' for column in columns)}, "
        f"groups.n FROM (SELECT {summed}, SUM(n) AS n FROM ({counted}) AS counted "
        f"GROUP BY {summed}) AS groups "
        "INNER JOIN plans_dimension AS dimension ON dimension.id = groups.dimension_id "
        "LEFT OUTER JOIN plans_priorityarea AS area ON area.id = groups.priority_area_id "
        f"WHERE groups.n > 0 "
        f"ORDER BY {', '.join([*order, *(f'groups.{column} ASC' for column in columns)])}",
        params,
    )
    return [
        (
            tuple(row[: len(keys)]),
            dict(zip(group_fields, row[len(keys) : -1], strict=True)),
            row[-1],
        )
        for row in rows
    ]
