"""The plan list filtered by a coordinating state reads the state's roles first, then
finds the plans by their ids, priority areas and dimensions (PostgreSQL only: the query
plans are PostgreSQL's). One EXISTS over the plan, its priority area and its dimension
joined every published plan to the roles: 170 ms at 20,000 plans. At full scale
bench/explain.py shows the plans found through indexes ("plan list by coordinator")."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plans.models import CoordinationRole
from tests.factories import (
    CoordinationFactory,
    DimensionFactory,
    PlanFactory,
    PriorityAreaFactory,
    member_state,
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL query plans"),
]


def plans_queries(client, params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/plans/", params)
    assert response.status_code == 200
    return response, [
        query["sql"] for query in queries.captured_queries if 'FROM "plans_plan"' in query["sql"]
    ]


def test_no_query_of_plans_joins_every_plan_to_the_roles(client):
    state = member_state(name="Kazakhstan")
    economic = DimensionFactory(name="Economic")
    energy = PriorityAreaFactory(name="Energy", dimension=economic)
    own = PlanFactory(title="Own plan", dimension=economic, priority_area=energy)
    in_area = PlanFactory(title="Area plan", dimension=energy.dimension, priority_area=energy)
    in_dimension = PlanFactory(title="Dimension plan")
    PlanFactory(title="Someone else's plan")
    CoordinationFactory(state=state, plan=own)
    CoordinationFactory(state=state, plan=None, priority_area=energy)
    CoordinationFactory(
        state=state,
        plan=None,
        dimension=in_dimension.dimension,
        role=CoordinationRole.CO_COORDINATOR,
    )
    response, queries = plans_queries(client, {"coordinator": state.slug})
    titles = {plan.title for plan in response.context["plans"]}
    assert titles == {own.title, in_area.title, in_dimension.title}
    assert queries
    with connection.cursor() as cursor:
        for sql in queries:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("EXPLAIN " + sql)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            assert "Seq Scan on plans_plan" not in plan, plan
            assert "plans_coordination" not in plan, plan
