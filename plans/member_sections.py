"""What the plans app adds to a member state's page (see members.views.MemberDetailView)."""

from django.db.models import Exists, OuterRef, Q

from .models import Coordination, CoordinationRole, Plan


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
    # EXISTS looks up each role's plan by its key; "plan IN (visible plans)" made the
    # database list every published plan first (issue 7).
    visible_plan = Plan.objects.visible_to(user).filter(pk=OuterRef("plan_id"))
    roles = sorted(
        Coordination.objects.filter(state=participant)
        .filter(Q(plan__isnull=True) | Exists(visible_plan))
        .select_related("dimension", "priority_area__dimension", "plan__dimension"),
        key=_subject_order,
    )
    return {
        "plan_roles_coordinates": [r for r in roles if r.role == CoordinationRole.COORDINATOR],
        "plan_roles_co_coordinates": [
            r for r in roles if r.role == CoordinationRole.CO_COORDINATOR
        ],
    }
