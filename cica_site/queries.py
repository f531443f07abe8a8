"""Queries that must stay cheap however much content there is (issue 7)."""

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
