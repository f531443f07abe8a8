"""A paginator for lists sorted first by columns of small related tables (issue 7).

The plan list's default order is dimension position, priority area name, title. No
index can serve an order taken from other tables, so every page used to sort every
plan. But plans fall into a few dozen (dimension, priority area) groups: one cheap
query counts the rows of each group, in the list's own order, and a page then reads
only the groups it overlaps, through an index on (dimension, priority area, title).
The count query replaces the usual COUNT(*), so a page costs no extra query.
"""

import functools
import operator
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.utils.functional import cached_property


@dataclass
class Group:
    """Rows sharing the leading sort keys; one or more values of the group fields."""

    keys: tuple
    members: list = field(default_factory=list)  # dicts of group field -> value
    rows: int = 0

    def condition(self):
        """Q for the rows of this group: any of its members, each an AND of its fields."""
        return functools.reduce(operator.or_, (_member_q(member) for member in self.members))


def _member_q(member):
    return functools.reduce(
        operator.and_,
        (
            Q(**{f"{name}__isnull": True}) if value is None else Q(**{name: value})
            for name, value in member.items()
        ),
    )


class GroupedPaginator(Paginator):
    """``object_list`` must be ordered by ``group_order`` first, then within groups.

    ``group_fields`` name the columns that identify a group (e.g. dimension, priority
    area); ``group_order`` is the leading part of the list's order_by, over the related
    tables (e.g. "dimension__position", "priority_area__name").
    """

    def __init__(self, object_list, per_page, *, group_fields, group_order, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.group_fields = list(group_fields)
        self.group_order = list(group_order)

    @cached_property
    def groups(self):
        key_fields = [name.lstrip("-") for name in self.group_order]
        rows = (
            self.object_list.order_by()
            .values(*self.group_fields, *key_fields)
            .annotate(group_rows=Count("pk"))
            .order_by(*self.group_order, *self.group_fields)
        )
        groups = []
        for row in rows:
            keys = tuple(row[name] for name in key_fields)
            if not groups or groups[-1].keys != keys:
                groups.append(Group(keys=keys))
            groups[-1].members.append({name: row[name] for name in self.group_fields})
            groups[-1].rows += row["group_rows"]
        return groups

    @cached_property
    def count(self):
        return sum(group.rows for group in self.groups)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        start, offset, overlapping = 0, 0, []
        for group in self.groups:
            end = start + group.rows
            if end > bottom and start < top:
                if not overlapping:
                    offset = bottom - start
                overlapping.append(group)
            start = end
        if not overlapping:
            return self._get_page(self.object_list.none(), number, self)
        condition = functools.reduce(operator.or_, (group.condition() for group in overlapping))
        rows = self.object_list.filter(condition)[offset : offset + (top - bottom)]
        return self._get_page(rows, number, self)
