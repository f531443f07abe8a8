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
as everywhere else. Both are read through the models, in one query.

The triggers and the tally's contents are (re)made after every migrate and flush
(post_migrate): SQLite drops a table's triggers when a migration rebuilds the table,
and a flush empties tables without firing them.
"""

from django.db import connections, models, transaction

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


# The plan fields the tally is kept by: a filter on these alone can be read from it.
TALLIED_FIELDS = {"dimension", "priority_area", "status", "kind"}


def _published_plan_groups(fields, filters, order=()):
    """Rows (order keys..., field values..., n) that, summed by the field values, give the
    number of plans published now matching ``filters`` ({field: value}, TALLIED_FIELDS):
    the tally's groups and, counted negative, the groups of published plans still
    scheduled. One query (UNION ALL), ordered by ``order`` (ORM names over the related
    tables, as the plan list's order_by) and then by the fields, so that the rows of a
    group are adjacent."""
    from .models import Plan  # the plan model imports this module

    assert fields and set(fields) | set(filters) <= TALLIED_FIELDS, (fields, filters)
    columns = [*(name.lstrip("-") for name in order), *fields]
    tallied = (
        PublishedPlanTally.objects.filter(plans__gt=0, **filters)
        .order_by()
        .values_list(*columns)
        .annotate(n=models.Sum("plans"))
    )
    scheduled = (
        Plan.objects.scheduled()
        .filter(**filters)
        .order_by()
        .values_list(*columns)
        .annotate(n=-models.Count("pk"))
    )
    return tallied.union(scheduled, all=True).order_by(*order, *fields)


def _summed(rows, width):
    """[(first ``width`` values, sum of n)] of rows (values..., n) in which the rows of a
    group are adjacent, leaving out empty groups."""
    sums = []
    for *values, number in rows:
        if sums and sums[-1][0] == values[:width]:
            sums[-1][1] += number
        else:
            sums.append([values[:width], number])
    return [(values, number) for values, number in sums if number > 0]


def published_counts(*fields):
    """{values of fields: number of published plans}, e.g. published_counts("status").

    ``fields`` are any of dimension, priority_area, status and kind (their ids for the
    relations). Groups without published plans are left out. One query: the tally's
    groups and, taken off, the published plans still scheduled.
    """
    if not fields:
        return {(): total} if (total := published_total()) else {}
    rows = _published_plan_groups(fields, {})
    return {tuple(values): number for values, number in _summed(rows, len(fields))}


def published_total():
    return sum(published_counts("status").values())


def ordered_group_counts(group_fields, group_order, **filters):
    """[(keys, member, rows)] for core.pagination.GroupedPaginator, in list order,
    of the published plans matching ``filters`` (field=value, fields of TALLIED_FIELDS).

    The groups are ordered by the database itself (``group_order`` over the related
    tables, as the plan list's order_by: its collation, its NULLs order), so the order
    is the one the list's rows have.
    """
    rows = _published_plan_groups(group_fields, filters, group_order)
    width = len(group_order)
    return [
        (tuple(values[:width]), dict(zip(group_fields, values[width:], strict=True)), number)
        for values, number in _summed(rows, width + len(group_fields))
    ]
