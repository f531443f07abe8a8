"""A paginator for lists sorted first by columns of small related tables (issue 7).

The plan list's default order is dimension position, priority area name, title. No
index can serve an order taken from other tables, so every page used to sort every
plan. But plans fall into a few dozen (dimension, priority area) groups: the rows of
each group are counted and the groups put in the list's order, and a page then reads
only the groups it overlaps, through an index on (dimension, priority area, title).
Counting the groups and ordering them take two small queries where the usual COUNT(*)
took one.
"""

import functools
import operator
from dataclasses import dataclass, field

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connections
from django.db.models import Count, F, Func, Min, Q, Subquery
from django.utils.functional import cached_property

from .queries import keys_first


def page_bounds(paginator, number):
    """(number, bottom, top) of a page, as Django's Paginator.page computes them (the
    last page takes up to ``orphans`` more rows)."""
    number = paginator.validate_number(number)
    bottom = (number - 1) * paginator.per_page
    top = bottom + paginator.per_page
    if top + paginator.orphans >= paginator.count:
        top = paginator.count
    return number, bottom, top


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
    """``object_list`` must be ordered by ``group_order``, then by ``within_group_order``.

    ``group_fields`` name the columns that identify a group (e.g. dimension, priority
    area); ``group_order`` is the leading part of the list's order_by, over the related
    tables (e.g. "dimension__position", "priority_area__name").
    """

    def __init__(
        self,
        object_list,
        per_page,
        *,
        group_fields,
        group_order,
        within_group_order,
        group_counts=None,
        **kwargs,
    ):
        super().__init__(object_list, per_page, **kwargs)
        self.group_fields = list(group_fields)
        self.group_order = list(group_order)
        self.within_group_order = list(within_group_order)
        # Optional: a callable giving [(keys, member, rows)] in list order, from counts
        # kept elsewhere (the plan tally), instead of counting object_list's rows.
        self.group_counts = group_counts

    @cached_property
    def groups(self):
        """The groups in list order, with their number of rows: two small queries."""
        groups = []
        counts = self.group_counts() if self.group_counts is not None else self._counted_groups()
        for keys, member, rows in counts:
            if not groups or groups[-1].keys != tuple(keys):
                groups.append(Group(keys=tuple(keys)))
            groups[-1].rows += rows
            groups[-1].members.append(member)
        return groups

    def _counted_groups(self):
        """[(keys, member, rows)] in list order, counted from object_list itself."""
        # Counted on the list's own table (an index-only scan), without joins...
        counted = {
            row.pop("first_row"): row
            for row in self.object_list.order_by()
            .values(*self.group_fields)
            .annotate(group_rows=Count("pk"), first_row=Min("pk"))
        }
        # ...then put in order by the database itself (its collation, its NULLs order),
        # through one row of each group.
        key_fields = [name.lstrip("-") for name in self.group_order]
        ordered = (
            self.object_list.model._default_manager.filter(pk__in=list(counted))
            .order_by(*self.group_order, *self.group_fields)
            .values_list("pk", *key_fields)
        )
        for pk, *keys in ordered:
            member = counted[pk]
            rows = member.pop("group_rows")
            yield keys, member, rows

    @cached_property
    def count(self):
        return sum(group.rows for group in self.groups)

    def page(self, number):
        number, bottom, top = page_bounds(self, number)
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
        rows = self.object_list.filter(
            functools.reduce(operator.or_, (group.condition() for group in overlapping))
        )
        if len(overlapping) == 1 and len(overlapping[0].members) == 1:
            # The group keys are all equal here: the index on (group fields, within-group
            # order) gives the rows in order, with no sort.
            rows = rows.order_by(*self.within_group_order)
        return self._get_page(rows[offset : offset + (top - bottom)], number, self)


# Below this many rows an exact count is cheap enough.
ESTIMATE_ABOVE = 100_000


class EstimatedCountPaginator(Paginator):
    """For admin lists of very large tables (plan decisions): an unfiltered list takes
    its length from PostgreSQL's own estimate (pg_class.reltuples, kept by ANALYZE and
    autovacuum) instead of counting every row on every page. Filtered lists, small
    tables and other databases count exactly."""

    @cached_property
    def count(self):
        queryset = self.object_list
        connection = connections[queryset.db]
        if connection.vendor == "postgresql" and not queryset.query.where:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass",
                    [queryset.model._meta.db_table],
                )
                row = cursor.fetchone()
            if row and row[0] > ESTIMATE_ABOVE:
                return row[0]
        return super().count


# More rows than any table holds; an OFFSET beyond it is refused before the database.
BEYOND_ANY_LIST = 2**62


class KeysFirstPaginator(Paginator):
    """Reads a page's rows by their keys first (core.queries.keys_first): for lists
    sorted on something their index is not ordered by, such as the upcoming events.

    The list's length comes with the page's rows, counted by the same query (a subquery
    the database runs once), instead of by a COUNT query of its own before them: one
    query fewer on every page (issue 7). A page past the end has no rows, so it is
    refused as Paginator refuses it. When the length is wanted first (orphans, which
    depend on it, or the "last" page) it is counted as usual.
    """

    def page(self, number):
        if self.orphans or "count" in self.__dict__:
            number, bottom, top = page_bounds(self, number)
            return self._get_page(keys_first(self.object_list, bottom, top), number, self)
        number = self._whole_number(number)
        bottom = (number - 1) * self.per_page
        if bottom > BEYOND_ANY_LIST:
            # Past the end of any list, and past what OFFSET takes (a 64-bit integer).
            raise EmptyPage(self.error_messages["no_results"])
        length = (
            self.object_list.order_by()
            .annotate(list_length=Func(F("pk"), function="COUNT"))
            .values("list_length")
        )
        rows = list(
            keys_first(self.object_list, bottom, bottom + self.per_page).annotate(
                list_length=Subquery(length)
            )
        )
        if rows:
            self.count = rows[0].list_length
        elif number == 1 and self.allow_empty_first_page:
            self.count = 0
        else:
            raise EmptyPage(self.error_messages["no_results"])
        return self._get_page(rows, number, self)

    def _whole_number(self, number):
        """Paginator.validate_number without the check against the number of pages."""
        try:
            if isinstance(number, float) and not number.is_integer():
                raise ValueError
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from None
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        return number
