import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from core.publishing import PublicationStatus
from plans.filters import coordinating_states
from plans.models import CoordinationRole, Dimension, Plan, PlanKind, PlanStatus, PriorityArea
from tests.factories import (
    CoordinationFactory,
    DimensionFactory,
    ParticipantFactory,
    PlanFactory,
    PriorityAreaFactory,
    plan_with_status,
)

pytestmark = pytest.mark.django_db
LIST_URL = reverse("plans:list")


@pytest.fixture
def catalogue():
    """Two dimensions, plans in several statuses, kinds, periods and coordinators."""
    economic = DimensionFactory(name="Economic dimension", slug="economic", position=3)
    human = DimensionFactory(name="Human dimension", slug="human", position=5)
    smes = PriorityAreaFactory(dimension=economic, name="Small enterprises", slug="smes")
    tourism = PriorityAreaFactory(dimension=economic, name="Tourism", slug="tourism")
    russia = ParticipantFactory(name="Russia")
    tajikistan = ParticipantFactory(name="Tajikistan")
    uzbekistan = ParticipantFactory(name="Uzbekistan")
    plans = {
        "smes_plan": plan_with_status(
            PlanStatus.APPROVED_BY_SOC,
            dimension=economic,
            priority_area=smes,
            title="SMEs action plan",
            slug="smes-plan",
            start_year=2016,
            end_year=2018,
        ),
        "smes_paper": plan_with_status(
            PlanStatus.APPROVED_BY_SOC,
            kind=PlanKind.CONCEPT_PAPER,
            dimension=economic,
            priority_area=smes,
            title="SMEs concept paper",
            slug="smes-paper",
            start_year=None,
            end_year=None,
            summary="Framework for enterprise cooperation.",
        ),
        "tourism_plan": plan_with_status(
            PlanStatus.DRAFT,
            dimension=economic,
            priority_area=tourism,
            title="Tourism action plan",
            slug="tourism-plan",
            start_year=2024,
            end_year=2026,
        ),
        "human_paper": plan_with_status(
            PlanStatus.WITHDRAWN,
            kind=PlanKind.CONCEPT_PAPER,
            dimension=human,
            priority_area=None,
            title="Human dimension paper",
            slug="human-paper",
            start_year=None,
            end_year=None,
        ),
    }
    CoordinationFactory(state=russia, plan=plans["smes_plan"])
    CoordinationFactory(state=tajikistan, plan=None, priority_area=tourism)
    CoordinationFactory(
        state=uzbekistan, plan=None, dimension=human, role=CoordinationRole.CO_COORDINATOR
    )
    PlanFactory(
        dimension=economic,
        priority_area=smes,
        title="Secret draft plan",
        publication_status=PublicationStatus.DRAFT,
    )
    return plans


def titles(response):
    return [plan.title for plan in response.context["plans"]]


def test_list_shows_published_plans_with_status_and_coordinators(client, catalogue):
    response = client.get(LIST_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert sorted(titles(response)) == sorted(p.title for p in catalogue.values())
    assert "Secret draft plan" not in html
    assert "Approved by SOC" in html
    assert "Russia" in html and "Tajikistan" in html and "Uzbekistan" in html
    assert 'for="id_dimension"' in html and 'for="id_year"' in html


def test_coordinator_choices_are_the_published_states_with_a_role(client, catalogue):
    ParticipantFactory(name="No role", slug="no-role")
    hidden = ParticipantFactory(
        name="Unpublished coordinator",
        slug="unpublished",
        publication_status=PublicationStatus.DRAFT,
    )
    CoordinationFactory(state=hidden, plan=catalogue["smes_plan"])
    html = client.get(LIST_URL).content.decode()
    start = html.index('name="coordinator"')
    options = html[start : html.index("</select>", start)]
    assert [
        slug for slug in ("russia", "tajikistan", "uzbekistan") if f'value="{slug}"' in options
    ] == [
        "russia",
        "tajikistan",
        "uzbekistan",
    ]
    assert 'value="no-role"' not in options and 'value="unpublished"' not in options


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"dimension": "human"}, ["Human dimension paper"]),
        ({"priority_area": "tourism"}, ["Tourism action plan"]),
        ({"kind": "concept_paper"}, ["Human dimension paper", "SMEs concept paper"]),
        ({"status": "approved_soc"}, ["SMEs action plan", "SMEs concept paper"]),
        ({"status": "draft"}, ["Tourism action plan"]),
        ({"coordinator": "russia"}, ["SMEs action plan"]),
        ({"coordinator": "tajikistan"}, ["Tourism action plan"]),
        ({"coordinator": "uzbekistan"}, ["Human dimension paper"]),
        ({"year": "2017"}, ["SMEs action plan"]),
        ({"year": "2016"}, ["SMEs action plan"]),
        ({"year": "2019"}, []),
        ({"year": "2025"}, ["Tourism action plan"]),
        ({"q": "framework"}, ["SMEs concept paper"]),
        ({"q": "tourism"}, ["Tourism action plan"]),
        ({"q": "HUMAN"}, ["Human dimension paper"]),
        (
            {"dimension": "economic", "kind": "action_plan", "status": "approved_soc"},
            ["SMEs action plan"],
        ),
        (
            {"dimension": "economic", "q": ""},
            ["SMEs action plan", "SMEs concept paper", "Tourism action plan"],
        ),
    ],
)
def test_filters(client, catalogue, params, expected):
    response = client.get(LIST_URL, params)
    assert response.status_code == 200
    assert sorted(titles(response)) == sorted(expected)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"dimension": "no-such-dimension"}, "dimension"),
        ({"priority_area": "nowhere"}, "priority_area"),
        ({"kind": "novel"}, "kind"),
        ({"status": "lost"}, "status"),
        ({"coordinator": "atlantis"}, "coordinator"),
        ({"year": "last year"}, "year"),
        ({"year": "1800"}, "year"),
        ({"year": "2017.5"}, "year"),
        ({"year": "99999999999999999999999"}, "year"),
        ({"q": "x" * 300}, "q"),
        ({"dimension": "economic", "status": "bogus"}, "status"),
    ],
)
def test_invalid_filter_shows_the_form_error_and_no_results(client, catalogue, params, field):
    response = client.get(LIST_URL, params)
    assert response.status_code == 400
    assert field in response.context["filter_form"].errors
    html = response.content.decode()
    assert 'role="alert"' in html
    assert 'class="errorlist' in html
    assert titles(response) == []
    assert "SMEs action plan" not in html


@pytest.mark.parametrize(
    ("sort", "first", "last"),
    [
        ("title", "Human dimension paper", "Tourism action plan"),
        ("-title", "Tourism action plan", "Human dimension paper"),
        ("dimension", "SMEs action plan", "Human dimension paper"),
        ("-dimension", "Human dimension paper", "SMEs concept paper"),
        ("period", "SMEs action plan", "SMEs concept paper"),
        ("-period", "Tourism action plan", "SMEs concept paper"),
        ("decided", "Human dimension paper", "Tourism action plan"),
        ("bogus", "SMEs action plan", "Human dimension paper"),
        ("title;DROP TABLE plans_plan", "SMEs action plan", "Human dimension paper"),
    ],
)
def test_sorting_with_a_whitelist(client, catalogue, sort, first, last):
    response = client.get(LIST_URL, {"sort": sort})
    assert response.status_code == 200
    listed = titles(response)
    assert (listed[0], listed[-1]) == (first, last)


def make_plans(count):
    dimension = DimensionFactory()
    area = PriorityAreaFactory(dimension=dimension)
    states = [ParticipantFactory() for _ in range(3)]
    for index in range(count):
        plan = PlanFactory(dimension=dimension, priority_area=area)
        CoordinationFactory(plan=plan, state=states[index % 3])
    CoordinationFactory(plan=None, priority_area=area, state=states[0])
    CoordinationFactory(plan=None, dimension=dimension, state=states[1])
    return dimension


def test_pagination_and_bad_page(client):
    make_plans(45)
    first = client.get(LIST_URL)
    assert len(first.context["plans"]) == 20
    assert "Page 1 of 3" in first.content.decode()
    third = client.get(LIST_URL, {"page": 3})
    assert len(third.context["plans"]) == 5
    assert client.get(LIST_URL, {"page": 99}).status_code == 404
    assert client.get(LIST_URL, {"page": "abc"}).status_code == 404


@pytest.mark.parametrize("count", [10, 200])
def test_list_query_count_is_constant(client, django_assert_max_num_queries, count):
    dimension = make_plans(count)
    state = Plan.objects.first().coordinations.get().state
    # group counts + group order (core.pagination, in place of one COUNT) + page
    # + measure counts of the page + the roles of the page + 3 filter choice lists (+1 per
    # lookup filter used, +1 for the dimensions and priority areas whose name matches).
    with django_assert_max_num_queries(8):
        assert client.get(LIST_URL).status_code == 200
    filtered = {"coordinator": state.slug, "dimension": dimension.slug, "year": 2021, "q": "plan"}
    with django_assert_max_num_queries(11):
        response = client.get(LIST_URL, filtered)
    assert response.status_code == 200
    assert len(response.context["plans"]) == min(count, 20)


def read_csv(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.parametrize(
    "params",
    [{}, {"dimension": "economic"}, {"status": "approved_soc", "sort": "-title"}, {"q": "SMEs"}],
)
def test_csv_export_is_exactly_the_filtered_list(client, catalogue, params):
    page = client.get(LIST_URL, params)
    export = client.get(LIST_URL, {**params, "format": "csv"})
    assert export.status_code == 200
    assert export["Content-Type"].startswith("text/csv")
    assert 'attachment; filename="cica-plans-' in export["Content-Disposition"]
    rows = read_csv(export)
    assert rows[0][0] == "Title"
    assert [row[0] for row in rows[1:]] == titles(page)


def test_csv_export_holds_every_page_and_the_coordinators(client):
    make_plans(45)
    rows = read_csv(client.get(LIST_URL, {"format": "csv"}))
    assert len(rows) == 1 + 45
    assert all(row[8] for row in rows[1:])
    assert rows[1][9].startswith("http://testserver/plans/action-plan-")


def test_csv_cells_cannot_run_as_spreadsheet_formulas(client):
    plan_with_status(PlanStatus.DRAFT, title='=HYPERLINK("http://evil")')
    rows = read_csv(client.get(LIST_URL, {"format": "csv"}))
    assert rows[1][0].startswith("'=")


@pytest.mark.parametrize("params", [{"dimension": "nope"}, {"year": "soon"}])
def test_csv_with_invalid_filters_is_a_400_with_a_message(client, catalogue, params):
    response = client.get(LIST_URL, {**params, "format": "csv"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert "Invalid filter" in response.content.decode()


@pytest.mark.parametrize("count", [10, 200])
def test_csv_query_count_is_constant(client, django_assert_max_num_queries, count):
    make_plans(count)
    with django_assert_max_num_queries(5):
        assert client.get(LIST_URL, {"format": "csv"}).status_code == 200


def test_coordinator_options_are_the_published_states_with_a_role(django_assert_num_queries):
    later = timezone.now() + datetime.timedelta(hours=1)
    for name, fields in [
        ("Zimbabwe-like", {}),
        ("Azerbaijan", {}),
        ("Draftland", {"publication_status": PublicationStatus.DRAFT}),
        ("Laterland", {"publish_at": later}),
        ("Organisation", {"kind": "organisation", "iso_code": ""}),
    ]:
        CoordinationFactory(state=ParticipantFactory(name=name, **fields))
    ParticipantFactory(name="No roles")
    with django_assert_num_queries(1):
        options = list(coordinating_states())
    assert [state.name for state in options] == ["Azerbaijan", "Zimbabwe-like"]


def test_dimension_and_area_options_in_their_order(django_assert_num_queries):
    second = DimensionFactory(name="Second", position=2)
    first = DimensionFactory(name="First", position=1)
    PriorityAreaFactory(name="Zeta", dimension=first)
    PriorityAreaFactory(name="Alpha", dimension=second)
    PriorityAreaFactory(name="Beta", dimension=first)
    with django_assert_num_queries(2):
        dimensions = list(Dimension.objects.published())
        areas = list(PriorityArea.objects.published())
    assert [d.name for d in dimensions] == ["First", "Second"]
    assert [a.name for a in areas] == ["Beta", "Zeta", "Alpha"]
