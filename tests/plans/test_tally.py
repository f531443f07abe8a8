"""The plan tally (plans/tally.py) always equals counting the published plans."""

import datetime
import itertools
import random

import pytest
import time_machine
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection
from django.db.models import Count
from django.utils import timezone

from core.publishing import PublicationStatus
from plans import tally
from plans.models import Plan, PlanKind, PlanStatus, PublishedPlanTally
from plans.workflow import record_status_change
from tests.factories import DimensionFactory, PlanFactory, PriorityAreaFactory, plan_with_status

pytestmark = pytest.mark.django_db

FIELDS = ["dimension", "priority_area", "status", "kind"]
GROUPINGS = [
    combination
    for size in range(len(FIELDS) + 1)
    for combination in itertools.combinations(FIELDS, size)
]


def counted(fields):
    """What the tally must say: published plans counted one by one."""
    if not fields:
        total = Plan.objects.published().count()
        return {(): total} if total else {}
    rows = Plan.objects.published().order_by().values(*fields).annotate(n=Count("pk"))
    return {tuple(row[field] for field in fields): row["n"] for row in rows}


def assert_tally_is_exact():
    for fields in GROUPINGS:
        assert tally.published_counts(*fields) == counted(fields), fields


@pytest.fixture
def areas():
    first, second = DimensionFactory(position=1), DimensionFactory(position=2)
    return [
        (first, PriorityAreaFactory(dimension=first, name="Beta")),
        (first, PriorityAreaFactory(dimension=first, name="alpha")),
        (second, PriorityAreaFactory(dimension=second, name="Beta")),
        (second, None),
    ]


def test_every_way_plans_change_keeps_the_tally_exact(areas):
    chooser = random.Random(7)
    plans = []
    for index in range(12):
        dimension, area = chooser.choice(areas)
        plans.append(PlanFactory(dimension=dimension, priority_area=area, slug=f"p-{index}"))
    assert_tally_is_exact()

    # Status changes through the workflow, kinds, moving between areas and dimensions.
    for plan in plans[:6]:
        record_status_change(plan, PlanStatus.AGREED_BY_SWG, None)
    plan_with_status(PlanStatus.COMPLETED, dimension=areas[0][0], priority_area=areas[0][1])
    Plan.objects.filter(pk=plans[1].pk).update(kind=PlanKind.CONCEPT_PAPER)
    plans[2].priority_area = None
    plans[2].save()
    Plan.objects.filter(pk__in=[plans[3].pk, plans[4].pk]).update(
        dimension=areas[2][0], priority_area=areas[2][1]
    )
    assert_tally_is_exact()

    # Drafts, withdrawals, publishing again, deleting, bulk inserts.
    Plan.objects.filter(pk=plans[5].pk).update(publication_status=PublicationStatus.DRAFT)
    plans[6].publication_status = PublicationStatus.WITHDRAWN
    plans[6].save()
    Plan.objects.filter(pk=plans[5].pk).update(publication_status=PublicationStatus.PUBLISHED)
    plans[7].delete()
    Plan.objects.filter(pk__in=[plans[8].pk, plans[9].pk]).delete()
    Plan.objects.bulk_create(
        [
            Plan(
                title=f"Bulk {index}",
                slug=f"bulk-{index}",
                dimension=areas[index % 4][0],
                priority_area=areas[index % 4][1],
                publication_status=PublicationStatus.PUBLISHED
                if index % 3
                else PublicationStatus.DRAFT,
                publish_at=timezone.now() - datetime.timedelta(days=1),
            )
            for index in range(9)
        ]
    )
    assert_tally_is_exact()


def test_a_scheduled_plan_is_counted_from_its_moment_on(areas):
    dimension, area = areas[0]
    PlanFactory(dimension=dimension, priority_area=area)
    moment = timezone.now() + datetime.timedelta(days=2)
    PlanFactory(dimension=dimension, priority_area=area, publish_at=moment)
    assert tally.published_counts("dimension") == {(dimension.pk,): 1}
    assert tally.published_total() == 1
    assert_tally_is_exact()
    with time_machine.travel(moment + datetime.timedelta(seconds=1), tick=False):
        assert tally.published_counts("dimension") == {(dimension.pk,): 2}
        assert_tally_is_exact()


def test_groups_come_in_the_order_of_the_plan_list(areas):
    for dimension, area in areas:
        PlanFactory(dimension=dimension, priority_area=area)
    PlanFactory(dimension=areas[0][0], priority_area=areas[0][1])
    for order in (
        ["dimension__position", "priority_area__name"],
        ["-dimension__position", "-priority_area__name"],
    ):
        groups = tally.ordered_group_counts(["dimension", "priority_area"], order)
        rows = Plan.objects.published().order_by(*order, "dimension", "priority_area", "pk")
        expected = []
        for plan in rows:
            member = {"dimension": plan.dimension_id, "priority_area": plan.priority_area_id}
            if expected and expected[-1][1] == member:
                expected[-1][2] += 1
            else:
                expected.append([None, member, 1])
        assert [(member, number) for _, member, number in groups] == [
            (member, number) for _, member, number in expected
        ]


def test_filtered_groups_equal_counting_the_filtered_plans(areas):
    (first, alpha), (_, beta), (second, _), _ = areas
    for dimension, area in areas:
        plan_with_status(PlanStatus.APPROVED_BY_SOC, dimension=dimension, priority_area=area)
        PlanFactory(dimension=dimension, priority_area=area, kind=PlanKind.CONCEPT_PAPER)
    plan_with_status(PlanStatus.APPROVED_BY_SOC, dimension=first, priority_area=alpha)
    PlanFactory(dimension=first, publication_status=PublicationStatus.DRAFT)
    PlanFactory(dimension=first, publish_at=timezone.now() + datetime.timedelta(days=1))
    fields, order = ["dimension", "priority_area"], ["dimension__position", "priority_area__name"]
    for filters in (
        {"dimension": first.pk},
        {"status": PlanStatus.APPROVED_BY_SOC},
        {"dimension": first.pk, "status": PlanStatus.APPROVED_BY_SOC},
        {"priority_area": beta.pk, "kind": PlanKind.CONCEPT_PAPER},
        {"dimension": second.pk, "status": PlanStatus.COMPLETED},
    ):
        plans = Plan.objects.published().filter(**filters).order_by(*order, *fields, "pk")
        expected = []
        for plan in plans:
            member = {"dimension": plan.dimension_id, "priority_area": plan.priority_area_id}
            if expected and expected[-1][0] == member:
                expected[-1][1] += 1
            else:
                expected.append([member, 1])
        groups = tally.ordered_group_counts(fields, order, **filters)
        assert [[member, number] for _, member, number in groups] == expected, filters


def test_the_filtered_list_reads_the_tally_only_for_tallied_fields(client, areas, monkeypatch):
    calls = []
    original = tally.ordered_group_counts
    monkeypatch.setattr(
        tally,
        "ordered_group_counts",
        lambda *args, **kwargs: calls.append(kwargs) or original(*args, **kwargs),
    )
    first, alpha = areas[0]
    plan_with_status(PlanStatus.APPROVED_BY_SOC, dimension=first, priority_area=alpha)
    assert (
        client.get("/plans/", {"dimension": first.slug, "status": "approved_soc"}).status_code
        == 200
    )
    assert calls == [{"dimension": first.pk, "status": "approved_soc"}]
    assert client.get("/plans/", {"status": "approved_soc", "year": 2021}).status_code == 200
    assert client.get("/plans/", {"q": "plan"}).status_code == 200
    assert len(calls) == 1  # counted from the filtered rows instead


def test_install_counts_afresh_and_can_run_again(areas):
    for dimension, area in areas:
        PlanFactory(dimension=dimension, priority_area=area)
    PublishedPlanTally.objects.all().delete()  # as after a flush that emptied it first
    PublishedPlanTally.objects.create(
        dimension=areas[0][0], area_key=0, status=PlanStatus.DRAFT, kind="x", plans=99
    )
    # As when SQLite rebuilds plans_plan in a later migration: the triggers are gone...
    tally.uninstall()
    PlanFactory(dimension=areas[0][0], priority_area=areas[0][1])
    # ...until migrate (or flush) ends: then they are back and the tally is counted afresh.
    emit_post_migrate_signal(verbosity=0, interactive=False, db=connection.alias)
    assert_tally_is_exact()
    tally.install()
    assert_tally_is_exact()
    # The triggers are in place: a new plan is counted without another install.
    PlanFactory(dimension=areas[1][0], priority_area=areas[1][1])
    assert_tally_is_exact()


def test_a_flush_leaves_no_negative_rows(areas):
    for dimension, area in areas:
        PlanFactory(dimension=dimension, priority_area=area)
    # A flush may empty the tally before the plans: taking one off then creates nothing.
    PublishedPlanTally.objects.all().delete()
    Plan.objects.all().delete()
    assert not PublishedPlanTally.objects.filter(plans__lt=0).exists()
    assert tally.published_counts("status") == {}


@pytest.mark.parametrize("count", [3, 30])
def test_each_read_is_one_query_whatever_the_plans(areas, django_assert_num_queries, count):
    for index in range(count):
        dimension, area = areas[index % len(areas)]
        PlanFactory(dimension=dimension, priority_area=area, slug=f"p-{index}")
    PlanFactory(dimension=areas[0][0], publish_at=timezone.now() + datetime.timedelta(days=1))
    fields, order = ["dimension", "priority_area"], ["dimension__position", "priority_area__name"]
    with django_assert_num_queries(1):
        assert tally.published_total() == count
    with django_assert_num_queries(1):
        assert sum(tally.published_counts("dimension", "kind").values()) == count
    with django_assert_num_queries(1):
        groups = tally.ordered_group_counts(fields, order, status=PlanStatus.DRAFT)
    assert sum(number for _, _, number in groups) == count
