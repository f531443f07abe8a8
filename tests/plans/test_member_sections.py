import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from core.publishing import PublicationStatus
from plans import member_sections
from plans.models import CoordinationRole
from tests.factories import (
    CoordinationFactory,
    DimensionFactory,
    PlanFactory,
    PriorityAreaFactory,
    member_state,
)

pytestmark = pytest.mark.django_db
CO = CoordinationRole.CO_COORDINATOR


def test_member_page_lists_what_the_state_coordinates_and_co_coordinates(client):
    russia = member_state(name="Russia")
    ict = PriorityAreaFactory(name="Security of and in the use of ICT")
    human = DimensionFactory(name="Human dimension")
    CoordinationFactory(state=russia, plan=None, priority_area=ict)
    CoordinationFactory(state=russia, plan=PlanFactory(title="SMEs action plan 2016–2018"))
    CoordinationFactory(state=russia, plan=None, dimension=human, role=CO)
    CoordinationFactory(
        state=russia,
        plan=PlanFactory(title="Secret draft", publication_status=PublicationStatus.DRAFT),
    )
    html = client.get(russia.get_absolute_url()).content.decode()
    coordinates = html[html.index(">Coordinates<") : html.index(">Co-coordinates<")]
    co_coordinates = html[html.index(">Co-coordinates<") :]
    assert "Security of and in the use of ICT" in coordinates
    assert "SMEs action plan 2016–2018" in coordinates
    assert "Human dimension" in co_coordinates
    assert "Human dimension" not in coordinates
    assert "Secret draft" not in html


def test_staff_see_their_draft_plans_on_the_member_page(staff_client):
    state = member_state(name="Thailand")
    CoordinationFactory(
        state=state,
        plan=PlanFactory(title="Draft paper", publication_status=PublicationStatus.DRAFT),
    )
    assert "Draft paper" in staff_client.get(state.get_absolute_url()).content.decode()


def test_a_state_without_roles_shows_no_section():
    state = member_state(name="Quietland")
    html = Client().get(state.get_absolute_url()).content.decode()
    assert "Co-coordinates" not in html and ">Coordinates<" not in html


@pytest.mark.parametrize("count", [3, 60])
def test_section_uses_one_query(django_assert_num_queries, count):
    state = member_state(name="Busyland")
    for index in range(count):
        area = PriorityAreaFactory()
        CoordinationFactory(
            state=state, plan=None, priority_area=area, role=CO if index % 2 else "coordinator"
        )
        CoordinationFactory(state=state, plan=PlanFactory(dimension=area.dimension))
        CoordinationFactory(state=state, plan=None, dimension=DimensionFactory())
    with django_assert_num_queries(1):
        context = member_sections.context_for(state, AnonymousUser())
    coordinates = context["plan_roles_coordinates"].count("<li>")
    co_coordinates = context["plan_roles_co_coordinates"].count("<li>")
    assert coordinates + co_coordinates == 3 * count
    assert coordinates == 3 * count - count // 2


@pytest.mark.parametrize("count", [3, 60])
def test_member_page_query_count_is_constant(client, django_assert_max_num_queries, count):
    state = member_state(name="Target")
    for _ in range(count):
        CoordinationFactory(state=state, plan=PlanFactory())
    # the members app's 3 queries + 1 for the plan roles
    with django_assert_max_num_queries(6):
        assert client.get(state.get_absolute_url()).status_code == 200
