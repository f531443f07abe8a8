import datetime
import functools

from django.db import connections
from django.db.models import Prefetch
from django.http import HttpResponseBadRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, TemplateView

from core.pagination import GroupedPaginator
from core.preview import PreviewableDetailMixin
from core.related_names import with_published_names

from . import board_html, list_html, tally
from .charts import status_board_chart, status_timeline_chart
from .csv_export import plans_csv_response
from .filters import SORT_LABELS, SORT_ORDERS, PlanFilter, sort_key
from .models import Dimension, Measure, MeasureStatus, Plan, PlanStatus, StatusChange
from .progress import Progress
from .roles import attach_role_levels

RECENT_DAYS = 90
# The board's two lists show at most this many plans: a large archive has thousands, and
# the board is read at a glance (the plan list, sorted by decision, holds the rest).
BOARD_LIST_LIMIT = 20
# Sorts led by dimension and priority area (see core.pagination).
GROUPED_SORTS = {"dimension", "-dimension"}


def measure_counts(plans):
    """{plan pk: (total, done, cancelled)} for the progress bars of one page: one query.

    Counted apart from the list's own query: joining the measures into it would make
    every count of the list (and its pagination) count measures instead of plans. Plain
    SQL: through the ORM (values, annotate, filtered counts) building the query took
    several times what running it did (issue 7).
    """
    ids = [plan.pk for plan in plans]
    if not ids:
        return {}
    connection = connections[Measure.objects.db]
    table = connection.ops.quote_name(Measure._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT plan_id, COUNT(*), "
            "SUM(CASE WHEN status = %s THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN status = %s THEN 1 ELSE 0 END) "
            f"FROM {table} WHERE plan_id IN ({', '.join(['%s'] * len(ids))}) GROUP BY plan_id",
            [MeasureStatus.DONE.value, MeasureStatus.CANCELLED.value, *ids],
        )
        return {plan: (total, done, cancelled) for plan, total, done, cancelled in cursor}


class PlanListView(ListView):
    template_name = "plans/plan_list.html"
    context_object_name = "plans"
    paginate_by = 20

    def get(self, request, *args, **kwargs):
        base = Plan.objects.published().for_list()
        self.filterset = PlanFilter(request.GET, queryset=base, request=request)
        self.sort = sort_key(request.GET.get("sort"))
        if request.GET.get("format") == "csv":
            if not self.filterset.is_valid():
                return HttpResponseBadRequest(
                    _("Invalid filter: %(errors)s") % {"errors": self._error_text()},
                    content_type="text/plain; charset=utf-8",
                )
            return plans_csv_response(request, attach_role_levels(self.get_queryset()))
        response = super().get(request, *args, **kwargs)
        if not self.filterset.is_valid():
            # The page still shows the form and its errors, but no misleading results.
            response.status_code = 400
        return response

    def _error_text(self):
        return "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in self.filterset.errors.items()
        )

    def get_queryset(self):
        if not self.filterset.is_valid():
            return Plan.objects.none()
        return self.filterset.qs.order_by(*SORT_ORDERS[self.sort])

    def get_paginator(self, queryset, per_page, **kwargs):
        if self.sort in GROUPED_SORTS:
            # Sorted by dimension and priority area: read only the groups a page shows.
            group_fields = ["dimension", "priority_area"]
            group_order = SORT_ORDERS[self.sort][:2]
            group_counts = None
            tallied_filters = self.tallied_filters()
            if tallied_filters is not None:
                # The published list, whole or filtered by tallied fields only (as the
                # status board's links are): its group sizes are in the tally.
                group_counts = functools.partial(
                    tally.ordered_group_counts, group_fields, group_order, **tallied_filters
                )
            return GroupedPaginator(
                queryset,
                per_page,
                group_fields=group_fields,
                group_order=group_order,
                within_group_order=SORT_ORDERS[self.sort][2:],
                group_counts=group_counts,
                **kwargs,
            )
        return super().get_paginator(queryset, per_page, **kwargs)

    def tallied_filters(self):
        """{field: value} of the filters used, when all are fields the plan tally is kept
        by (plans.tally.TALLIED_FIELDS); else None."""
        if not self.filterset.is_valid():
            return None
        used = {
            name: getattr(value, "pk", value)
            for name, value in self.filterset.form.cleaned_data.items()
            if value not in (None, "")
        }
        return used if set(used) <= tally.TALLIED_FIELDS else None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        attach_role_levels(context["plans"])
        counts = measure_counts(context["plans"])
        for plan in context["plans"]:
            plan.list_progress = Progress(*counts.get(plan.pk, (0, 0, 0)))
        show_progress = any(plan.list_progress.has_measures for plan in context["plans"])
        context.update(
            show_progress=show_progress,
            plan_rows=list_html.plan_rows_html(context["plans"], show_progress),
            filter_form=self.filterset.form,
            sort=self.sort,
            sort_labels=SORT_LABELS,
            filtered=any(v for k, v in self.request.GET.items() if k not in ("page", "sort")),
        )
        return context


class PlanDetailView(PreviewableDetailMixin, DetailView):
    template_name = "plans/plan_detail.html"
    context_object_name = "plan"

    def get_queryset(self):
        queryset = (
            Plan.objects.visible_to(self.request.user)
            .select_related("dimension", "priority_area", "predecessor", "successor")
            .prefetch_related(
                Prefetch(
                    "status_changes",
                    queryset=StatusChange.objects.select_related("meeting").order_by("step"),
                ),
                Prefetch("measures", queryset=Measure.objects.select_related("event")),
                "documents",
            )
        )
        return queryset

    def get_object(self, queryset=None):
        plan = super().get_object(queryset)
        attach_role_levels([plan])
        # The table shows the states' names only.
        with_published_names(plan.measures.all(), "responsible_states", "responsible_state_names")
        return plan

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan = self.object
        context.update(
            coordination_levels=plan.coordination_levels(),
            progress=plan.progress,
            successor=plan.successor_or_none(),
            # The same drawing at two widths: CSS shows the narrow one on phones.
            timeline_wide=status_timeline_chart(plan.status_changes.all(), width=720),
            timeline_narrow=status_timeline_chart(plan.status_changes.all(), width=360),
        )
        return context


class StatusBoardView(TemplateView):
    template_name = "plans/status_board.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        published = Plan.objects.published()
        dimensions = list(Dimension.objects.published())
        counts = tally.published_counts("dimension", "status")
        statuses = list(PlanStatus)
        rows = [
            {
                "dimension": dimension,
                "cells": [(status, counts.get((dimension.pk, status), 0)) for status in statuses],
                "total": sum(counts.get((dimension.pk, status), 0) for status in statuses),
            }
            for dimension in dimensions
        ]
        column_totals = [
            (status, sum(row["cells"][index][1] for row in rows))
            for index, status in enumerate(statuses)
        ]
        since = today - datetime.timedelta(days=RECENT_DAYS)
        # Only what the lists show (plans.board_html): the recent decisions name their
        # dimension, the ended periods nothing else.
        recently_changed = list(
            published.status_changed_since(since)
            .select_related("dimension")
            .order_by("-status_decided_on", "title")[: BOARD_LIST_LIMIT + 1]
        )
        period_ended = list(
            published.period_ended_open(today.year).order_by("end_year", "title")[
                : BOARD_LIST_LIMIT + 1
            ]
        )
        context.update(
            statuses=statuses,
            rows=rows,
            column_totals=column_totals,
            total=sum(row["total"] for row in rows),
            chart=status_board_chart(rows, statuses),
            chart_narrow=status_board_chart(rows, statuses, width=360, compact=True),
            recent_days=RECENT_DAYS,
            matrix_rows=board_html.matrix_rows_html(rows, reverse("plans:list")),
            recently_changed=recently_changed[:BOARD_LIST_LIMIT],
            recently_changed_items=board_html.recently_changed_html(
                recently_changed[:BOARD_LIST_LIMIT]
            ),
            recently_changed_more=len(recently_changed) > BOARD_LIST_LIMIT,
            period_ended=period_ended[:BOARD_LIST_LIMIT],
            period_ended_items=board_html.period_ended_html(period_ended[:BOARD_LIST_LIMIT]),
            period_ended_more=len(period_ended) > BOARD_LIST_LIMIT,
            board_list_limit=BOARD_LIST_LIMIT,
            this_year=today.year,
        )
        return context
