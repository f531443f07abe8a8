"""The plan list sorted by dimension reads a group's page in index order, with no sort
of the group's rows, also for plans outside any priority area (PostgreSQL only: the
query plans are PostgreSQL's)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plans.models import PlanStatus
from tests.factories import DimensionFactory, PriorityAreaFactory, plan_with_status

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL query plans"),
]


def indent(line):
    return len(line) - len(line.lstrip(" "))


def page_keys_plan(client, params):
    """EXPLAIN of the part of the page's query that picks the page's plans (the LIMIT
    subquery whose keys the rest reads with their measure counts), with sorting and every
    other way to the rows priced out: a Sort node is left only if no index gives the
    order. (The twenty rows found are sorted once more: that Sort is left out.)"""
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/plans/", params).status_code == 200
    [page_sql] = [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].startswith('SELECT "plans_plan"."id"') and "LIMIT" in query["sql"]
    ]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute("EXPLAIN " + page_sql)
        lines = [row[0] for row in cursor.fetchall()]
    [start] = [number for number, line in enumerate(lines) if "->  Limit" in line]
    end = next(
        (n for n in range(start + 1, len(lines)) if indent(lines[n]) <= indent(lines[start])),
        len(lines),
    )
    return "\n".join(lines[start:end])


@pytest.mark.parametrize("with_area", [False, True], ids=["no area", "area"])
@pytest.mark.parametrize("by_status", [False, True], ids=["all statuses", "one status"])
def test_a_group_page_is_read_in_index_order(client, with_area, by_status):
    dimension = DimensionFactory(slug="economic")
    area = PriorityAreaFactory(dimension=dimension, slug="energy") if with_area else None
    for number in range(3):
        plan_with_status(
            PlanStatus.APPROVED_BY_SOC,
            dimension=dimension,
            priority_area=area,
            title=f"Plan {number}",
        )
    params = {"dimension": dimension.slug}
    if with_area:
        params["priority_area"] = area.slug
    if by_status:
        params["status"] = PlanStatus.APPROVED_BY_SOC
    plan = page_keys_plan(client, params)
    assert "Sort" not in plan, plan
    # ...and the index it reads is one of the group's, not a walk through every plan by
    # title, filtered.
    lines = plan.splitlines()
    [scan] = [number for number, line in enumerate(lines) if " on plans_plan " in line]
    assert "Index Scan" in lines[scan], plan
    assert "Index Cond: (dimension_id = " in lines[scan + 1].replace("((", "("), plan
