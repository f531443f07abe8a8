"""The grouped and estimated paginators give the pages an ordinary paginator would."""

import itertools

import pytest
from django.core.paginator import Paginator
from django.db import connection

from core import pagination
from core.pagination import EstimatedCountPaginator, GroupedPaginator
from plans.filters import SORT_ORDERS
from plans.models import MeasureStatus, Plan, StatusChange
from tests.factories import (
    DimensionFactory,
    MeasureFactory,
    PlanFactory,
    PriorityAreaFactory,
    plan_with_status,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def grouped_plans():
    """Plans over dimensions sharing a position, areas sharing a name, and no area."""
    first = DimensionFactory(name="First", position=1)
    tied = DimensionFactory(name="Tied", position=1)
    last = DimensionFactory(name="Last", position=2)
    areas = [
        PriorityAreaFactory(dimension=first, name="Beta"),
        PriorityAreaFactory(dimension=first, name="alpha"),
        PriorityAreaFactory(dimension=tied, name="Beta"),
        PriorityAreaFactory(dimension=last, name="Gamma"),
    ]
    choices = [(area.dimension, area) for area in areas] + [(d, None) for d in (first, last)]
    for index, (dimension, area) in zip(range(47), itertools.cycle(choices), strict=False):
        PlanFactory(
            title=f"Plan {index % 9}", dimension=dimension, priority_area=area, slug=f"p-{index}"
        )


def pages(paginator):
    return [
        [plan.pk for plan in paginator.page(number).object_list] for number in paginator.page_range
    ]


@pytest.mark.parametrize("sort", ["dimension", "-dimension"])
@pytest.mark.parametrize("per_page", [1, 5, 7, 20, 100])
def test_grouped_pages_equal_plain_pages(grouped_plans, sort, per_page):
    plans = Plan.objects.published().for_list().order_by(*SORT_ORDERS[sort])
    plain = Paginator(plans, per_page)
    grouped = GroupedPaginator(
        plans,
        per_page,
        group_fields=["dimension", "priority_area"],
        group_order=SORT_ORDERS[sort][:2],
        within_group_order=SORT_ORDERS[sort][2:],
    )
    assert grouped.count == plain.count == 47
    assert grouped.num_pages == plain.num_pages
    assert pages(grouped) == pages(plain)


def test_grouped_pages_of_a_filtered_and_of_an_empty_list(grouped_plans):
    plans = Plan.objects.published().filter(title__in=["Plan 1", "Plan 2"])
    plans = plans.order_by(*SORT_ORDERS["dimension"])
    kwargs = {
        "group_fields": ["dimension", "priority_area"],
        "group_order": SORT_ORDERS["dimension"][:2],
        "within_group_order": SORT_ORDERS["dimension"][2:],
    }
    assert pages(GroupedPaginator(plans, 4, **kwargs)) == pages(Paginator(plans, 4))
    empty = GroupedPaginator(plans.none(), 4, **kwargs)
    assert empty.count == 0 and list(empty.page(1).object_list) == []


def test_plan_list_pages_through_every_plan_once(client, grouped_plans):
    seen = []
    for number in range(1, 4):
        response = client.get("/plans/", {"page": number})
        seen += [plan.pk for plan in response.context["plans"]]
    assert sorted(seen) == sorted(Plan.objects.values_list("pk", flat=True))
    assert response.context["paginator"].count == 47


@pytest.mark.parametrize("sort", ["", "dimension", "-dimension", "title", "period", "-decided"])
def test_plans_with_several_measures_are_counted_and_listed_once(client, grouped_plans, sort):
    # Regression: the measure counts of the progress bars once joined the measures into
    # the counting query, so a plan with three measures counted as three rows.
    for plan in Plan.objects.order_by("pk")[:10]:
        MeasureFactory.create_batch(3, plan=plan, status=MeasureStatus.DONE)
    seen = []
    for number in range(1, 4):
        response = client.get("/plans/", {"page": number, "sort": sort})
        assert response.status_code == 200
        seen += [plan.pk for plan in response.context["plans"]]
    assert response.context["paginator"].count == 47
    assert response.context["paginator"].num_pages == 3
    assert sorted(seen) == sorted(Plan.objects.values_list("pk", flat=True))
    assert client.get("/plans/", {"page": 4, "sort": sort}).status_code == 404


def test_estimated_count_only_for_large_unfiltered_tables(monkeypatch):
    plan = plan_with_status("completed")
    exact = StatusChange.objects.count()
    assert EstimatedCountPaginator(StatusChange.objects.all(), 10).count == exact
    monkeypatch.setattr(pagination, "ESTIMATE_ABOVE", 0)
    filtered = StatusChange.objects.filter(plan=plan)
    assert EstimatedCountPaginator(filtered, 10).count == filtered.count()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE plans_statuschange")
        estimate = EstimatedCountPaginator(StatusChange.objects.all(), 10).count
        assert estimate == exact  # ANALYZE just counted them all
    else:
        assert EstimatedCountPaginator(StatusChange.objects.all(), 10).count == exact


def test_admin_list_of_decisions_pages_newest_first(client, django_user_model):
    plan_with_status("completed")
    admin = django_user_model.objects.create_superuser("boss", password="x")
    client.force_login(admin)
    response = client.get("/admin/plans/statuschange/")
    assert response.status_code == 200
    shown = [change.pk for change in response.context["cl"].result_list]
    assert shown == sorted(shown, reverse=True)
