"""timestamptz columns read with psycopg's C parser (cica_site/pg_timestamps.py) give the
datetimes Django's own loader gives."""

import datetime

import psycopg
import pytest
from django.db import DataError, connection
from django.db.backends.postgresql.psycopg_any import register_tzloader

from cica_site.pg_timestamps import TIMESTAMPTZ_OID, loader_for
from events.models import Event
from tests.factories import EventFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL loader"),
]

LITERALS = [
    "2026-11-28 19:24:43+00",
    "2026-11-28 19:24:43.047987+00",
    "2026-11-28 19:24:43.5+05:45",
    "1992-10-05 09:00:00-03:30",
    "2100-12-31 23:59:59.999999+14",
    "0001-01-01 00:00:00+00",
    "9999-12-31 23:59:59.999999+00",
]


def read_all(cursor):
    cursor.execute(
        "SELECT v::timestamptz FROM unnest(%s::text[]) WITH ORDINALITY AS t(v, n) ORDER BY n",
        [LITERALS],
    )
    return [row[0] for row in cursor.fetchall()]


@pytest.mark.skipif(psycopg.pq.__impl__ == "python", reason="no C implementation")
def test_connections_read_with_the_c_parser_the_same_datetimes_as_djangos_loader():
    with connection.cursor() as cursor:
        loader = connection.connection.adapters.get_loader(TIMESTAMPTZ_OID, psycopg.pq.Format.TEXT)
        assert loader is loader_for(connection.timezone)
        ours = read_all(cursor)
    with connection.cursor() as cursor:
        register_tzloader(connection.timezone, cursor.cursor)
        djangos = read_all(cursor)
    assert ours == djangos
    assert [value.tzinfo for value in ours] == [datetime.UTC] * len(LITERALS)
    assert ours[2] == datetime.datetime(2026, 11, 28, 13, 39, 43, 500000, tzinfo=datetime.UTC)


def test_models_read_back_what_was_saved():
    moment = datetime.datetime(2026, 3, 4, 5, 6, 7, 890123, tzinfo=datetime.UTC)
    event = EventFactory()
    Event.objects.filter(pk=event.pk).update(updated_at=moment)
    assert Event.objects.get(pk=event.pk).updated_at == moment


def test_out_of_range_values_are_a_database_error():
    with connection.cursor() as cursor, pytest.raises(DataError):
        cursor.execute("SELECT 'infinity'::timestamptz")
        cursor.fetchall()
