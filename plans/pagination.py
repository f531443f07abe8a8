"""The plan list's paginator, one for the HTML list and the API's plan list.

Sorted by dimension and priority area (the default), a page reads only the groups it
shows (core.pagination.GroupedPaginator), and takes the groups' sizes from the plan
tally when the list is the published list, whole or filtered by tallied fields only.
"""

import functools

from django.core.paginator import Paginator

from core.pagination import GroupedPaginator

from . import tally
from .filters import SORT_ORDERS

# Sorts led by dimension and priority area.
GROUPED_SORTS = {"dimension", "-dimension"}


def tallied_filters(filterset, ignore=("sort",)):
    """{field: value} of the filters used, when the filterset is valid and all of them are
    fields the plan tally is kept by (plans.tally.TALLIED_FIELDS); else None."""
    if filterset is None or not filterset.is_valid():
        return None
    used = {
        name: getattr(value, "pk", value)
        for name, value in filterset.form.cleaned_data.items()
        if value not in (None, "") and name not in ignore
    }
    return used if set(used) <= tally.TALLIED_FIELDS else None


def plan_list_paginator(queryset, per_page, *, sort, filterset=None, **kwargs):
    """A paginator of ``queryset`` (published plans ordered by SORT_ORDERS[sort], filtered
    by ``filterset``'s qs)."""
    if sort not in GROUPED_SORTS:
        return Paginator(queryset, per_page, **kwargs)
    group_fields = ["dimension", "priority_area"]
    group_order = SORT_ORDERS[sort][:2]
    group_counts = None
    filters = tallied_filters(filterset)
    if filters is not None:
        # The published list, whole or filtered by tallied fields only (as the status
        # board's links are): its group sizes are in the tally.
        group_counts = functools.partial(
            tally.ordered_group_counts, group_fields, group_order, **filters
        )
    return GroupedPaginator(
        queryset,
        per_page,
        group_fields=group_fields,
        group_order=group_order,
        within_group_order=SORT_ORDERS[sort][2:],
        group_counts=group_counts,
        **kwargs,
    )
