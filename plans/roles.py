"""The coordinating roles of a page of plans, read in one query."""

from collections import defaultdict

from django.db import connections
from django.utils import timezone

from core.publishing import PublicationStatus
from core.queries import model_columns, model_values
from members.models import Participant

from .models import Coordination, CoordinationRole

ROLE_COLUMNS = model_columns(
    Coordination,
    {"id", "state_id", "role", "dimension_id", "priority_area_id", "plan_id"}
    | {"start_year", "end_year"},
)
# What the lists and the plan page show of a state, and what is_published reads.
STATE_COLUMNS = model_columns(
    Participant, {"id", "name", "slug", "publication_status", "publish_at"}
)


def _published_roles(plan_ids, area_ids, dimension_ids):
    """The roles of published states on these plans, priority areas and dimensions, by
    state name: Coordination models, each with its state (the columns above)."""
    subjects = [("plan_id", plan_ids), ("priority_area_id", area_ids)]
    subjects.append(("dimension_id", dimension_ids))
    subjects = [(column, sorted(ids)) for column, ids in subjects if ids]
    if not subjects:
        return []
    condition = " OR ".join(
        f"role.{column} IN ({', '.join(['%s'] * len(ids))})" for column, ids in subjects
    )
    selected = [f"role.{column}" for column in ROLE_COLUMNS]
    selected += [f"state.{column}" for column in STATE_COLUMNS]
    database = Coordination.objects.db
    with connections[database].cursor() as cursor:
        cursor.execute(
            f"SELECT {', '.join(selected)} FROM {Coordination._meta.db_table} AS role "
            f"INNER JOIN {Participant._meta.db_table} AS state ON state.id = role.state_id "
            f"WHERE state.publication_status = %s AND state.publish_at <= %s AND ({condition}) "
            "ORDER BY state.name, role.id",
            [
                PublicationStatus.PUBLISHED.value,
                timezone.now(),
                *(value for _column, ids in subjects for value in ids),
            ],
        )
        rows = cursor.fetchall()
    role_values = model_values(connections[database], Coordination, ROLE_COLUMNS)
    state_values = model_values(connections[database], Participant, STATE_COLUMNS)
    state_field = Coordination._meta.get_field("state")
    roles = []
    for row in rows:
        role = Coordination.from_db(database, ROLE_COLUMNS, role_values(row[: len(ROLE_COLUMNS)]))
        state = Participant.from_db(database, STATE_COLUMNS, state_values(row[len(ROLE_COLUMNS) :]))
        state_field.set_cached_value(role, state)
        roles.append(role)
    return roles


def attach_role_levels(plans):
    """Give each plan the roles of itself, of its priority area and of its dimension
    (Plan.coordination_levels reads them), from one query for all the plans.

    Prefetching the three levels took three queries, each compiled and run on every
    list and detail page. Only roles of published states: an unpublished participant's
    name is not public yet. Plain SQL: through the ORM (three IN lists, a join, the
    state's publication) building the query took about 1 ms, three times running it.
    """
    plans = list(plans)
    if not plans:
        return plans
    roles = _published_roles(
        {plan.pk for plan in plans},
        {plan.priority_area_id for plan in plans if plan.priority_area_id},
        {plan.dimension_id for plan in plans},
    )
    # Coordinators first (a stable sort keeps the names' order), as in_role_order.
    roles = sorted(roles, key=lambda role: role.role != CoordinationRole.COORDINATOR)
    by_subject = defaultdict(list)
    for role in roles:
        # A role has exactly one subject (a database constraint).
        by_subject[(role.plan_id, role.priority_area_id, role.dimension_id)].append(role)
    for plan in plans:
        plan.role_levels = [
            (plan, by_subject[(plan.pk, None, None)]),
            (plan.priority_area, by_subject[(None, plan.priority_area_id, None)]),
            (plan.dimension, by_subject[(None, None, plan.dimension_id)]),
        ]
    return plans
