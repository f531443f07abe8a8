import datetime

import pytest
from django.utils import timezone

from core.publishing import PublicationStatus
from plans.models import Coordination, CoordinationRole
from plans.roles import attach_role_levels
from tests.factories import CoordinationFactory, ParticipantFactory, PlanFactory

pytestmark = pytest.mark.django_db
CO = CoordinationRole.CO_COORDINATOR


def names(roles):
    return [(role.state.name, role.role) for role in roles]


def test_roles_of_each_level_list_coordinators_first_then_by_name():
    plan = PlanFactory()
    other_plan = PlanFactory(dimension=plan.dimension, priority_area=plan.priority_area)
    for name, role in [("Azerbaijan", CO), ("Russia", None), ("China", None), ("Bahrain", CO)]:
        CoordinationFactory(
            plan=plan, state=ParticipantFactory(name=name), role=role or "coordinator"
        )
    CoordinationFactory(
        plan=None, priority_area=plan.priority_area, state=ParticipantFactory(name="Qatar"), role=CO
    )
    CoordinationFactory(plan=None, dimension=plan.dimension, state=ParticipantFactory(name="Egypt"))
    CoordinationFactory(plan=other_plan, state=ParticipantFactory(name="Iraq"))

    [with_roles] = attach_role_levels([plan])
    (own, own_roles), (area, area_roles), (dimension, dimension_roles) = with_roles.role_levels
    assert (own, area, dimension) == (plan, plan.priority_area, plan.dimension)
    assert names(own_roles) == [
        ("China", "coordinator"),
        ("Russia", "coordinator"),
        ("Azerbaijan", CO),
        ("Bahrain", CO),
    ]
    assert names(area_roles) == [("Qatar", CO)]
    assert names(dimension_roles) == [("Egypt", "coordinator")]


def test_roles_of_unpublished_or_scheduled_states_are_left_out():
    plan = PlanFactory()
    CoordinationFactory(plan=plan, state=ParticipantFactory(name="Shown"))
    CoordinationFactory(
        plan=plan,
        state=ParticipantFactory(name="Draft", publication_status=PublicationStatus.DRAFT),
    )
    CoordinationFactory(
        plan=plan,
        state=ParticipantFactory(
            name="Later", publish_at=timezone.now() + datetime.timedelta(days=1)
        ),
    )
    [with_roles] = attach_role_levels([plan])
    assert names(with_roles.role_levels[0][1]) == [("Shown", "coordinator")]


def test_a_page_of_plans_takes_one_query(django_assert_num_queries):
    plans = [PlanFactory() for _ in range(5)]
    for plan in plans:
        CoordinationFactory(plan=plan)
    with django_assert_num_queries(1):
        attached = attach_role_levels(plans)
    assert all(len(plan.role_levels[0][1]) == 1 for plan in attached)
    assert attach_role_levels([]) == []


def facts(role):
    """What the lists and the plan page read of a role and its state."""
    return (
        role.pk,
        role.role,
        role.get_role_display(),
        role.period,
        (role.plan_id, role.priority_area_id, role.dimension_id),
        role.state.pk,
        role.state.name,
        role.state.get_absolute_url(),
        role.state.is_published,
        role.state.publish_at,
    )


def test_roles_read_in_one_query_equal_the_models_the_orm_reads(django_assert_num_queries):
    plan = PlanFactory()
    made = [
        CoordinationFactory(
            plan=plan, state=ParticipantFactory(name="Kazakhstan"), start_year=2016, end_year=2018
        ),
        CoordinationFactory(plan=None, priority_area=plan.priority_area, role=CO, start_year=2020),
        CoordinationFactory(plan=None, dimension=plan.dimension),
    ]
    with django_assert_num_queries(1):
        [with_roles] = attach_role_levels([plan])
        seen = [facts(role) for _subject, level in with_roles.role_levels for role in level]
    expected = [
        facts(role)
        for role in Coordination.objects.select_related("state").filter(
            pk__in=[role.pk for role in made]
        )
    ]
    assert all(row[-2] for row in expected)  # every state published
    assert sorted(seen) == sorted(expected)
    assert all(timezone.is_aware(row[-1]) for row in seen)
