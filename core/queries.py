"""Queries that must stay cheap however much content there is (issue 7)."""

import contextlib

from django.db import connections
from django.db.models.expressions import RawSQL

# The first day of the year after the row found last (PostgreSQL), for the skip scan.
_NEXT_YEAR = "make_date(EXTRACT(YEAR FROM years.found)::int + 1, 1, 1)"
_LAST_STEP = "9999-01-01"


def years_with(queryset, field):
    """The years in which ``queryset`` has a row, newest first, in one query.

    ``queryset.dates(field, "year")`` reads every row to find a few dozen years. On
    PostgreSQL this walks the index on ``field`` instead, one probe per year: the first
    date, then the first date of a later year, and so on (a "skip scan" written as a
    recursive query). Other databases (SQLite in development) use ``dates()``.
    """
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return [day.year for day in queryset.dates(field, "year", order="DESC")]
    first_row = queryset.order_by(field).values_list(field)[:1]
    next_row = (
        queryset.filter(**{f"{field}__gte": RawSQL(_NEXT_YEAR, [])})
        .order_by(field)
        .values_list(field)[:1]
    )
    first_sql, first_params = first_row.query.sql_with_params()
    next_sql, next_params = next_row.query.sql_with_params()
    sql = (
        f"WITH RECURSIVE years(found) AS (({first_sql}) UNION ALL "
        f"SELECT ({next_sql}) FROM years WHERE years.found < %s) "
        "SELECT DISTINCT EXTRACT(YEAR FROM found)::int FROM years WHERE found IS NOT NULL "
        "ORDER BY 1 DESC"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*first_params, *next_params, _LAST_STEP])
        return [row[0] for row in cursor.fetchall()]


def keys_first(queryset, start, stop):
    """``queryset[start:stop]``, found in one query that first picks the rows' primary
    keys and only then reads those rows.

    A list sorted on something no index is ordered by (the upcoming events, soonest
    first) sorts every row that matches. Sorting whole rows, long texts and all, costs
    several times sorting their keys; and when an index covers the filter and sort
    columns (events' ``event_last_date_cover``), the keys come from the index alone
    without reading a row. At full scale this took the upcoming-events query from 4.2
    to 0.7 ms and the calendar file's from 12 to 5 ms (bench/README.md).

    The outer query repeats only the order, the related tables, prefetches and deferred
    columns: repeating the filters there led PostgreSQL to scan the rows again.
    """
    if queryset.query.annotations or queryset.query.distinct:
        raise ValueError("keys_first() takes a queryset without annotations or DISTINCT.")
    keys = queryset.values("pk")[start:stop]
    rows = queryset.model._default_manager.filter(pk__in=keys)
    rows.query.select_related = queryset.query.select_related
    rows.query.deferred_loading = queryset.query.deferred_loading
    rows._prefetch_related_lookups = queryset._prefetch_related_lookups
    if queryset.query.order_by:
        rows = rows.order_by(*queryset.query.order_by)
    return rows


# model_columns, model_values and read_models read models by plain SQL for the last
# twins of ORM queries (plans/roles.py, events/member_sections.py,
# members/profile_rows.py); they go with those modules.
def model_columns(model, names):
    """The attnames among ``names`` in the model's field order, the order in which
    Model.from_db takes the values of some of the columns."""
    return tuple(field.attname for field in model._meta.concrete_fields if field.attname in names)


def model_values(connection, model, columns):
    """A function that turns the values of ``columns`` (attnames of ``model``) read by
    plain SQL into what the ORM would give: the backend's and the fields' converters
    applied, as SQLCompiler.apply_converters does (SQLite's dates and times, for one,
    come back as text)."""
    converters = []
    for index, name in enumerate(columns):
        column = model._meta.get_field(name).get_col(model._meta.db_table)
        functions = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
        if functions:
            converters.append((index, functions, column))

    def convert(values):
        values = list(values)
        for index, functions, column in converters:
            for function in functions:
                values[index] = function(values[index], column, connection)
        return values

    return convert


def read_models(model, names, sql_from, params):
    """Instances of ``model`` read by plain SQL: ``SELECT`` the columns ``names``
    (attnames) of its table, then ``sql_from`` ("FROM ... WHERE ... ORDER BY ...").

    For small, hot queries whose ORM form costs more to build than to run. The values
    pass through the ORM's converters and the instances are made as the ORM makes them
    (Model.from_db), the other columns deferred.
    """
    table = model._meta.db_table
    columns = tuple(
        field.attname for field in model._meta.concrete_fields if field.attname in names
    )
    connection = connections[model.objects.db]
    convert = model_values(connection, model, columns)
    selected = ", ".join(f"{connection.ops.quote_name(table)}.{column}" for column in columns)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {selected} {sql_from}", params)
        rows = cursor.fetchall()
    return [model.from_db(connection.alias, columns, convert(row)) for row in rows]


@contextlib.contextmanager
def planned_for_their_values(connection):
    """Queries run inside are never prepared statements (settings: prepared statements
    on PostgreSQL), so PostgreSQL plans each for the values it is given.

    For queries whose best plan depends on the value: a generic plan for full-text
    search cannot know how many rows a word matches (cica_site.search: events
    "security" 2.9 -> 5.8 ms, "synthetic" 1.6 -> 8.8 ms with a generic plan).
    """
    connection.ensure_connection()
    driver_connection = connection.connection
    if not hasattr(driver_connection, "prepare_threshold"):  # SQLite
        yield
        return
    threshold = driver_connection.prepare_threshold
    driver_connection.prepare_threshold = None
    try:
        yield
    finally:
        driver_connection.prepare_threshold = threshold
