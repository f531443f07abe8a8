"""What the plans app adds to a member state's page (see members.views.MemberDetailView)."""

from django.db.models import Q

from cica_site.publishing import published_q

from .models import Coordination, CoordinationRole, Plan

ROLE_LIST_FIELDS = [
    "role",
    "start_year",
    "end_year",
    "dimension__name",
    "dimension__slug",
    "dimension__position",
    "priority_area__name",
    "priority_area__slug",
    "priority_area__dimension__name",
    "priority_area__dimension__position",
    "plan__title",
    "plan__slug",
    "plan__kind",
    "plan__dimension__position",
]


def _subject_order(role):
    if role.dimension_id:
        return (0, role.dimension.position, role.dimension.name)
    if role.priority_area_id:
        area = role.priority_area
        return (1, area.dimension.position, area.name)
    return (2, role.plan.dimension.position, role.plan.title)


def context_for(participant, user):
    """The dimensions, priority areas and plans the state coordinates or co-coordinates.

    One query whatever the number of roles.
    """
    roles = Coordination.objects.filter(state=participant)
    if not Plan.objects.previewable_by(user):
        # Checked on the join to the plan that select_related makes anyway; a subquery
        # per role cost more to plan than to run (issue 7).
        roles = roles.filter(Q(plan__isnull=True) | published_q("plan"))
    roles = sorted(
        roles.select_related("dimension", "priority_area__dimension", "plan__dimension")
        # Only what the list shows and sorts by: not the plans' texts.
        .only(*ROLE_LIST_FIELDS)
        # Sorted below; not by the model's default order, which joins the states.
        .order_by("pk"),
        key=_subject_order,
    )
    return {
        "plan_roles_coordinates": [r for r in roles if r.role == CoordinationRole.COORDINATOR],
        "plan_roles_co_coordinates": [
            r for r in roles if r.role == CoordinationRole.CO_COORDINATOR
        ],
    }
