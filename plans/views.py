import datetime

from django.http import HttpResponseBadRequest
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, TemplateView

from core.preview import PreviewableDetailMixin

from . import tally
from .charts import status_board_chart, status_timeline_chart
from .csv_export import plans_csv_response
from .filters import SORT_LABELS, SORT_ORDERS, PlanFilter, sort_key
from .models import Dimension, Plan, PlanStatus
from .pagination import plan_list_paginator

RECENT_DAYS = 90
# The board's two lists show at most this many plans: a large archive has thousands, and
# the board is read at a glance (the plan list, sorted by decision, holds the rest).
BOARD_LIST_LIMIT = 20


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
            # Every matching plan: counting the measures groups them all, as it must.
            return plans_csv_response(
                request, self.get_queryset().with_roles().with_measure_counts()
            )
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
        return plan_list_paginator(
            queryset, per_page, sort=self.sort, filterset=self.filterset, **kwargs
        )

    def paginate_queryset(self, queryset, page_size):
        paginator, page, plans, is_paginated = super().paginate_queryset(queryset, page_size)
        # The page's plans again, by their keys, with what the rows show besides them.
        # Counting measures in the list's own query would group every matching plan
        # before the page is cut, and make the paginator count measure rows.
        page.object_list = list(
            Plan.objects.filter(pk__in=plans.values("pk"))
            .for_list()
            .with_roles()
            .with_measure_counts()
            .order_by(*plans.query.order_by)
        )
        return paginator, page, page.object_list, is_paginated

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            show_progress=any(plan.list_progress.has_measures for plan in context["plans"]),
            # The rows' fragment: the plans of the page, in their order.
            row_keys=[plan.pk for plan in context["plans"]],
            filter_form=self.filterset.form,
            sort=self.sort,
            sort_labels=SORT_LABELS,
            filtered=any(v for k, v in self.request.GET.items() if k not in ("page", "sort")),
            # What the filter form shows besides its options: the values asked for (so
            # its errors) and the sort, not the page. The form's fragment varies on it.
            filter_state=sorted(
                (key, self.request.GET.getlist(key)) for key in self.request.GET if key != "page"
            ),
        )
        return context


class PlanDetailView(PreviewableDetailMixin, DetailView):
    template_name = "plans/plan_detail.html"
    context_object_name = "plan"

    def get_queryset(self):
        return Plan.objects.visible_to(self.request.user).for_detail()

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


class StatusBoard:
    """The status board's figures and lists, read and drawn only when the page's fragment
    is (a cached fragment needs none of it)."""

    def __init__(self, today):
        self.today = today
        self.published = Plan.objects.published()

    @cached_property
    def counts(self):
        return tally.published_counts("dimension", "status")

    @cached_property
    def statuses(self):
        # A plan still being drafted is not made public, so the Draft column would
        # always read 0: it is shown only if a published plan is in it after all, so
        # that the columns still add up to the total.
        return [
            status
            for status in PlanStatus
            if status != PlanStatus.DRAFT or any(key[1] == PlanStatus.DRAFT for key in self.counts)
        ]

    @cached_property
    def rows(self):
        counts, statuses = self.counts, self.statuses
        return [
            {
                "dimension": dimension,
                "cells": [(status, counts.get((dimension.pk, status), 0)) for status in statuses],
                "total": sum(counts.get((dimension.pk, status), 0) for status in statuses),
            }
            for dimension in Dimension.objects.published()
        ]

    @cached_property
    def column_totals(self):
        return [
            (status, sum(row["cells"][index][1] for row in self.rows))
            for index, status in enumerate(self.statuses)
        ]

    @cached_property
    def total(self):
        return sum(row["total"] for row in self.rows)

    @cached_property
    def chart(self):
        return status_board_chart(self.rows, self.statuses)

    @cached_property
    def chart_narrow(self):
        return status_board_chart(self.rows, self.statuses, width=360, compact=True)

    @cached_property
    def _recently_changed(self):
        # Only what the lists show: the recent decisions name their dimension, the ended
        # periods nothing else.
        since = self.today - datetime.timedelta(days=RECENT_DAYS)
        return list(
            self.published.status_changed_since(since)
            .select_related("dimension")
            .order_by("-status_decided_on", "title")[: BOARD_LIST_LIMIT + 1]
        )

    @cached_property
    def recently_changed(self):
        return self._recently_changed[:BOARD_LIST_LIMIT]

    @cached_property
    def recently_changed_more(self):
        return len(self._recently_changed) > BOARD_LIST_LIMIT

    @cached_property
    def _period_ended(self):
        return list(
            self.published.period_ended_open(self.today.year).order_by("end_year", "title")[
                : BOARD_LIST_LIMIT + 1
            ]
        )

    @cached_property
    def period_ended(self):
        return self._period_ended[:BOARD_LIST_LIMIT]

    @cached_property
    def period_ended_more(self):
        return len(self._period_ended) > BOARD_LIST_LIMIT


class StatusBoardView(TemplateView):
    template_name = "plans/status_board.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        context.update(
            board=StatusBoard(today),
            recent_days=RECENT_DAYS,
            board_list_limit=BOARD_LIST_LIMIT,
            this_year=today.year,
        )
        return context
