"""The coordinating roles of a page of plans, read in one query."""

from collections import defaultdict

from django.db.models import Q

from members.models import Participant

from .models import Coordination


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
    published = Participant.objects.published()
    roles = (
        Coordination.objects.in_role_order()
        .filter(state__in=published)
        .filter(
            Q(plan__in={plan.pk for plan in plans})
            | Q(
                priority_area__in={plan.priority_area_id for plan in plans if plan.priority_area_id}
            )
            | Q(dimension__in={plan.dimension_id for plan in plans})
        )
    )
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
