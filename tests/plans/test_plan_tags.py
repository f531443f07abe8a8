"""{% plans_coordinated participant %}: the plans section of a member state's page."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory

from core.publishing import PublicationStatus
from plans.models import CoordinationRole, PlanKind
from tests.factories import (
    CoordinationFactory,
    DimensionFactory,
    PlanFactory,
    PriorityAreaFactory,
    StaffUserFactory,
    member_state,
)

pytestmark = pytest.mark.django_db
CO = CoordinationRole.CO_COORDINATOR
SECTION = Template("{% load plan_tags %}{% plans_coordinated participant %}")


def section(participant, user=None):
    request = RequestFactory().get(participant.get_absolute_url())
    request.user = user or AnonymousUser()
    return SECTION.render(Context({"request": request, "participant": participant}))


def coordinates_and_co_coordinates(html):
    start, middle = html.index(">Coordinates<"), html.index(">Co-coordinates<")
    return html[start:middle], html[middle:]


def items(html):
    return re.findall(r"<li>(.*?)</li>", html)


def test_lists_the_subjects_a_state_coordinates_and_co_coordinates():
    russia = member_state(name="Russia")
    ict = PriorityAreaFactory(name="Security of and in the use of ICT", slug="ict")
    human = DimensionFactory(name="Human dimension", slug="human")
    smes = PlanFactory(title="SMEs action plan 2016–2018", slug="smes-2016")
    PlanFactory(dimension=ict.dimension, priority_area=ict)
    PlanFactory(dimension=human, priority_area=None)
    CoordinationFactory(state=russia, plan=None, priority_area=ict)
    CoordinationFactory(state=russia, plan=smes, start_year=2016, end_year=2018)
    CoordinationFactory(state=russia, plan=None, dimension=human, role=CO, start_year=2020)
    CoordinationFactory(plan=PlanFactory(title="Someone else's plan"))
    html = section(russia)
    assert '<h2 id="plan-roles-heading">Confidence-building measures</h2>' in html
    coordinates, co_coordinates = coordinates_and_co_coordinates(html)
    assert items(coordinates) == [
        f'<a href="/plans/?priority_area=ict">Security of and in the use of ICT</a> '
        f'<span class="muted">(priority area, {ict.dimension.name})</span>',
        '<a href="/plans/smes-2016/">SMEs action plan 2016–2018</a> '
        '<span class="muted">(action plan)</span> <span class="muted">2016–2018</span>',
    ]
    assert items(co_coordinates) == [
        '<a href="/plans/?dimension=human">Human dimension</a> '
        '<span class="muted">(dimension)</span> <span class="muted">2020–</span>',
    ]
    assert "Someone else" not in html


def test_a_subject_without_published_plans_is_named_not_linked():
    kyrgyzstan = member_state(name="Kyrgyzstan")
    trade = PriorityAreaFactory(name="Trade and investment", slug="trade")
    military = DimensionFactory(name="Military-political dimension", slug="military")
    PlanFactory(dimension=military, priority_area=None, publication_status=PublicationStatus.DRAFT)
    CoordinationFactory(state=kyrgyzstan, plan=None, priority_area=trade, role=CO)
    CoordinationFactory(state=kyrgyzstan, plan=None, dimension=military)
    coordinates, co_coordinates = coordinates_and_co_coordinates(section(kyrgyzstan))
    assert items(coordinates) == [
        '<span>Military-political dimension</span> <span class="muted">(dimension)</span>'
    ]
    assert items(co_coordinates) == [
        "<span>Trade and investment</span>"
        f' <span class="muted">(priority area, {trade.dimension.name})</span>'
    ]


def test_dimensions_then_priority_areas_then_plans_each_in_dimension_order():
    state = member_state(name="Kazakhstan")
    first = DimensionFactory(name="Zeta dimension", position=1)
    second = DimensionFactory(name="Alpha dimension", position=2)
    for dimension in (second, first):
        CoordinationFactory(
            state=state, plan=PlanFactory(title=f"Plan of {dimension.name}", dimension=dimension)
        )
        area = PriorityAreaFactory(name=f"Area of {dimension.name}", dimension=dimension)
        CoordinationFactory(state=state, plan=None, priority_area=area)
        CoordinationFactory(state=state, plan=None, dimension=dimension)
    html = section(state)
    names = [re.sub(r"<[^>]+>", "", item.split(" <span")[0]) for item in items(html)]
    assert names == [
        "Zeta dimension",
        "Alpha dimension",
        "Area of Zeta dimension",
        "Area of Alpha dimension",
        "Plan of Zeta dimension",
        "Plan of Alpha dimension",
    ]


def test_names_and_titles_are_escaped():
    state = member_state(name="Hostland")
    dimension = DimensionFactory(name='Economic & "environmental" <dimension>')
    area = PriorityAreaFactory(name="Trade & <investment>", dimension=dimension)
    PlanFactory(dimension=dimension, priority_area=area)
    CoordinationFactory(state=state, plan=None, priority_area=area)
    CoordinationFactory(
        state=state,
        plan=PlanFactory(title="<script>alert(1)</script>", kind=PlanKind.CONCEPT_PAPER),
        role=CO,
    )
    html = section(state)
    assert "<script>" not in html and "<investment>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;</a>" in html
    assert "Trade &amp; &lt;investment&gt;</a>" in html
    assert "(priority area, Economic &amp; &quot;environmental&quot; &lt;dimension&gt;)" in html
    assert '<span class="muted">(concept paper)</span>' in html


def test_draft_plans_are_hidden_from_visitors_and_shown_to_staff_who_may_preview():
    state = member_state(name="Thailand")
    draft = PlanFactory(title="Draft paper", publication_status=PublicationStatus.DRAFT)
    CoordinationFactory(state=state, plan=draft)
    assert "Draft paper" not in section(state)
    assert section(state).strip() == ""  # its only role is hidden: no section at all
    assert "Draft paper" in section(state, user=StaffUserFactory())


def test_a_state_without_roles_shows_no_section():
    state = member_state(name="Quietland")
    assert section(state).strip() == ""


def test_renders_without_a_request_as_for_a_visitor():
    state = member_state(name="Nowhere")
    CoordinationFactory(
        state=state, plan=PlanFactory(title="Draft", publication_status=PublicationStatus.DRAFT)
    )
    CoordinationFactory(state=state, plan=PlanFactory(title="Shown plan"))
    html = SECTION.render(Context({"participant": state}))
    assert "Shown plan" in html and "Draft" not in html


@pytest.mark.parametrize("count", [3, 60])
def test_one_query_whatever_the_number_of_roles(django_assert_num_queries, count):
    state = member_state(name="Busyland")
    for index in range(count):
        area = PriorityAreaFactory()
        CoordinationFactory(
            state=state, plan=None, priority_area=area, role=CO if index % 2 else "coordinator"
        )
        CoordinationFactory(state=state, plan=PlanFactory(dimension=area.dimension))
        CoordinationFactory(state=state, plan=None, dimension=DimensionFactory())
    with django_assert_num_queries(1):
        html = section(state)
    coordinates, co_coordinates = coordinates_and_co_coordinates(html)
    assert len(items(coordinates)) == 3 * count - count // 2
    assert len(items(co_coordinates)) == count // 2
