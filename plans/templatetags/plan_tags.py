"""Pieces of plan pages."""

from django import template

register = template.Library()


@register.inclusion_tag("plans/_status_badge.html")
def plan_status_badge(plan):
    return {"plan": plan}


@register.inclusion_tag("plans/_progress_cell.html")
def plan_progress_cell(progress):
    """A plan's progress in a table cell (plans.progress.Progress)."""
    return {"progress": progress}
