"""The status board drawn anew (page cache off) from its cached fragment: the counts,
charts and lists are read and drawn again only after a save of the plans' content or on
a new day (its lists count 90 days back from today and periods ended before this year)."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plans.models import PlanStatus
from tests.factories import member_state, plan_with_status

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments_only")]
BOARD_URL = "/plans/status/"
TODAY = datetime.datetime(2024, 6, 15, 12, 0, tzinfo=datetime.UTC)


def get(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(BOARD_URL)
    assert response.status_code == 200
    return response.content.decode(), {query["sql"] for query in queries}


def reads_plans(queries):
    return any('FROM "plans_' in sql for sql in queries)


@time_machine.travel(TODAY, tick=False)
def test_a_second_visit_reads_no_plan_and_shows_the_same(client):
    plan_with_status(PlanStatus.APPROVED_BY_SOC, title="Water plan", decided_on=TODAY.date())
    first, first_queries = get(client)
    second, second_queries = get(client)
    assert second == first
    assert "Water plan" in second
    assert reads_plans(first_queries)
    assert not reads_plans(second_queries)


@time_machine.travel(TODAY, tick=False)
def test_a_plan_saved_shows_at_once_and_a_state_save_keeps_it(client):
    plan = plan_with_status(PlanStatus.APPROVED_BY_SOC, title="Water plan", decided_on=TODAY.date())
    get(client)
    plan.title = "Energy plan"
    plan.save()
    assert "Energy plan" in get(client)[0]
    member_state(name="Kazakhstan")
    assert not reads_plans(get(client)[1])


def test_a_new_day_draws_it_again(client):
    with time_machine.travel(TODAY, tick=False) as traveller:
        plan_with_status(PlanStatus.APPROVED_BY_SOC, title="Water plan", decided_on=TODAY.date())
        assert "Water plan" in get(client)[0]
        traveller.shift(datetime.timedelta(days=91))
        content, queries = get(client)
        assert reads_plans(queries)
        assert "No status has changed in this period." in content
