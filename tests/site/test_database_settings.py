"""Prepared statements on PostgreSQL (settings.py, core/pg_parameters.py)."""

import json
import os
import subprocess
import sys

import pytest
from django.db import connection

from cica_site.search import search
from members.models import Participant
from plans.models import Plan
from tests.factories import EventFactory, PlanFactory

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")


def database_options(**environment):
    """The database OPTIONS that settings.py makes from this environment."""
    code = (
        "import cica_site.settings as s, json; "
        "print(json.dumps(s.DATABASES['default'].get('OPTIONS', {})))"
    )
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_DB_PREPARED_STATEMENTS"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**inherited, "DJANGO_SECRET_KEY": "s" * 50, **environment},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_prepared_statements_on_postgresql_unless_turned_off():
    postgres = "postgres://postgres@127.0.0.1:5432/cica"
    on = {"server_side_binding": True, "prepare_threshold": 5}
    assert database_options(DATABASE_URL=postgres) == on
    assert database_options(DATABASE_URL=f"{postgres}?sslmode=require") == {
        **on,
        "sslmode": "require",
    }
    assert database_options(DATABASE_URL=postgres, DJANGO_DB_PREPARED_STATEMENTS="0") == {}
    assert database_options(DATABASE_URL="sqlite:///x.sqlite3") == {}


def prepared_statements():
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


@pytest.mark.django_db
@on_postgresql
def test_a_query_run_five_times_is_prepared_from_its_sixth_run():
    def read():
        return list(Participant.objects.published().filter(slug="kazakhstan"))

    for _ in range(5):
        read()
    assert not any('FROM "members_participant"' in sql for sql in prepared_statements())
    read()
    assert any('FROM "members_participant"' in sql for sql in prepared_statements())


@pytest.mark.django_db
@on_postgresql
def test_search_is_planned_for_its_words_every_time():
    PlanFactory(title="Water security in Central Asia")
    EventFactory(title="Water forum")
    for _ in range(8):
        groups = search("water")
    assert {group.key for group in groups if group.results} == {"plans", "events"}
    assert not any("websearch_to_tsquery" in sql for sql in prepared_statements())
    # The connection prepares other queries again afterwards.
    assert connection.connection.prepare_threshold == 5


@pytest.mark.django_db
def test_a_query_may_hold_more_than_65535_parameters():
    # The wire protocol counts a statement's parameters in 16 bits; prefetching or
    # exporting every plan of a large archive builds IN lists longer than that.
    plans = PlanFactory.create_batch(2)
    wanted = [plan.pk for plan in plans] + list(range(10**9, 10**9 + 70_000))
    assert set(Plan.objects.filter(pk__in=wanted)) == set(plans)
    assert Plan.objects.filter(pk__in=wanted, title__contains="%").count() == 0


@pytest.mark.django_db
@on_postgresql
def test_parameters_are_bound_by_the_server():
    assert connection.settings_dict["OPTIONS"]["server_side_binding"] is True
    with connection.cursor() as cursor:
        cursor.execute("SELECT %s::text || %s", ["50%", " off"])
        assert cursor.fetchone() == ("50% off",)
