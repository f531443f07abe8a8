"""The coordinating roles of a page of plans, read in one query."""

from collections import defaultdict

from django.db.models import Q

from cica_site.publishing import published_q

from .models import Coordination, CoordinationRole


def attach_role_levels(plans):
    """Give each plan the roles of itself, of its priority area and of its dimension
    (Plan.coordination_levels reads them), from one query for all the plans.

    Prefetching the three levels took three queries, each compiled and run on every
    list and detail page. Only roles of published states: an unpublished participant's
    name is not public yet.
    """
    plans = list(plans)
    if not plans:
        return plans
    roles = (
        Coordination.objects.select_related("state")
        # The state's publication checked on the join select_related makes anyway:
        # "state IN (published states)" cost a subquery to build and plan.
        .filter(published_q("state"))
        .filter(
            Q(plan__in={plan.pk for plan in plans})
            | Q(
                priority_area__in={plan.priority_area_id for plan in plans if plan.priority_area_id}
            )
            | Q(dimension__in={plan.dimension_id for plan in plans})
        )
        .order_by("state__name", "pk")
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
