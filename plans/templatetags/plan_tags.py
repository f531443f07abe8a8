"""Pieces of plan pages, and the plans section other apps' pages show (the member page)."""

from django import template
from django.contrib.auth.models import AnonymousUser

from ..models import Coordination, CoordinationRole

register = template.Library()


@register.inclusion_tag("plans/_status_badge.html")
def plan_status_badge(plan):
    return {"plan": plan}


@register.inclusion_tag("plans/_participant_section.html", takes_context=True)
def plans_coordinated(context, participant):
    """The dimensions, priority areas and plans a member state coordinates and
    co-coordinates; draft plans only for staff who may preview them. One query."""
    request = context.get("request")
    user = getattr(request, "user", None) or AnonymousUser()
    roles = {CoordinationRole.COORDINATOR: [], CoordinationRole.CO_COORDINATOR: []}
    shown = Coordination.objects.filter(state=participant).shown_to(user)
    for role in shown.with_plan_lists().in_subject_order():
        roles[role.role].append(role)
    return {
        "coordinates": roles[CoordinationRole.COORDINATOR],
        "co_coordinates": roles[CoordinationRole.CO_COORDINATOR],
    }
