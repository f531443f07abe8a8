"""The plan list's measure counts (plans.views.measure_counts, plain SQL) equal counting."""

import pytest

from plans.models import Measure, MeasureStatus
from plans.views import measure_counts
from tests.factories import MeasureFactory, PlanFactory

pytestmark = pytest.mark.django_db


def test_each_plan_its_total_done_and_cancelled_in_one_query(django_assert_num_queries):
    plans = [PlanFactory() for _ in range(4)]
    statuses = list(MeasureStatus)
    for index, plan in enumerate(plans[:3]):
        for number in range(index * 3 + 2):
            MeasureFactory(plan=plan, status=statuses[(number + index) % len(statuses)])
    other = MeasureFactory(status=MeasureStatus.DONE).plan  # not asked for
    with django_assert_num_queries(1):
        counts = measure_counts(plans)
    expected = {
        plan.pk: (
            Measure.objects.filter(plan=plan).count(),
            Measure.objects.filter(plan=plan, status=MeasureStatus.DONE).count(),
            Measure.objects.filter(plan=plan, status=MeasureStatus.CANCELLED).count(),
        )
        for plan in plans[:3]
    }
    assert counts == expected
    assert plans[3].pk not in counts and other.pk not in counts
    assert any(done for _, done, _ in counts.values())
    assert any(cancelled for _, _, cancelled in counts.values())


def test_no_plans_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert measure_counts([]) == {}
