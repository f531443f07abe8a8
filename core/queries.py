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
