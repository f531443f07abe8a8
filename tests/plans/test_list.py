import csv
import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from core.publishing import PublicationStatus
from plans.filters import coordinating_states
from plans.models import (
    CoordinationRole,
    Dimension,
    MeasureStatus,
    Plan,
    PlanKind,
    PlanStatus,
    PriorityArea,
)
from tests.factories import (
    CoordinationFactory,
    DimensionFactory,
    MeasureFactory,
    ParticipantFactory,
    PlanFactory,
    PriorityAreaFactory,
    plan_with_status,
)

pytestmark = pytest.mark.django_db
LIST_URL = reverse("plans:list")
CO, COORDINATOR = CoordinationRole.CO_COORDINATOR, CoordinationRole.COORDINATOR
ONE_DAY = datetime.timedelta(days=1)


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
    # group counts and order (the tally, in place of a COUNT) + the page's plans with their
    # measure counts + the roles of their three levels (one query) + 3 filter choice lists
    # (+1 per lookup filter used, +1 for the dimensions and priority areas whose name
    # matches, +1 for the groups of a list the tally does not count).
    with django_assert_max_num_queries(6):
        assert client.get(LIST_URL).status_code == 200
    filtered = {"coordinator": state.slug, "dimension": dimension.slug, "year": 2021, "q": "plan"}
    with django_assert_max_num_queries(9):
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


def table_rows(html):
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    return re.findall(r"<tr>(.*?)</tr>", body, flags=re.S)


def cells(row):
    return [cell.strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)]


def test_each_row_shows_its_plan_escaped_with_links_and_labels(client):
    dimension = DimensionFactory(name='Economic & "environmental" <dimension>', slug="economic")
    area = PriorityAreaFactory(dimension=dimension, name="Energy <security> & co")
    plan = plan_with_status(
        PlanStatus.APPROVED_BY_SOC,
        decided_on=datetime.date(2023, 5, 4),
        title="<script>alert(1)</script> & plan",
        slug="hostile-plan",
        dimension=dimension,
        priority_area=area,
        start_year=2016,
        end_year=2019,
    )
    CoordinationFactory(plan=plan, state=ParticipantFactory(name="Ruritania & <Co>"))
    html = client.get(LIST_URL).content.decode()
    assert "<script>alert" not in html and "<Co>" not in html and "<security>" not in html
    [row] = table_rows(html)
    assert cells(row) == [
        "<span>Economic &amp; &quot;environmental&quot; &lt;dimension&gt;</span>"
        '<br><span class="muted">Energy &lt;security&gt; &amp; co</span>',
        '<a href="/plans/hostile-plan/">&lt;script&gt;alert(1)&lt;/script&gt; &amp; plan</a>'
        '<br><span class="muted">Action plan</span>',
        "2016–2019",
        "4 May 2023",
        '<span class="badge plan-status plan-status--approved_soc">Approved by SOC</span>',
        "<span>Ruritania &amp; &lt;Co&gt;</span>",
    ]
    labels = re.findall(r'<td data-label="([^"]*)"', row)
    assert labels == ["Dimension", "Period", "Status decided on", "Status", "Coordinators"]
    assert '<td class="plan-table__title">' in row


def test_a_row_without_period_decision_or_coordinators_shows_dashes(client):
    plan_with_status(
        PlanStatus.DRAFT, kind=PlanKind.CONCEPT_PAPER, priority_area=None, start_year=None,
        end_year=None,
    )  # fmt: skip
    [row] = table_rows(client.get(LIST_URL).content.decode())
    dimension, title, period, decided, status, coordinators = cells(row)
    assert "<br>" not in dimension
    assert title.endswith('<span class="muted">Concept paper</span>')
    assert (period, decided, coordinators) == ("—", "—", "—")
    assert "plan-status--draft" in status


def test_coordinators_are_the_nearest_levels_published_states_coordinators_first(client):
    area = PriorityAreaFactory()
    own = PlanFactory(title="A own roles", dimension=area.dimension, priority_area=area)
    of_area = PlanFactory(title="B area roles", dimension=area.dimension, priority_area=area)
    of_dimension = PlanFactory(title="C dimension roles", dimension=area.dimension)
    for name, role in [("Qatar", CO), ("Russia", COORDINATOR), ("China", COORDINATOR)]:
        CoordinationFactory(plan=own, state=ParticipantFactory(name=name), role=role)
    CoordinationFactory(plan=own, state=ParticipantFactory(name="Bahrain"), role=CO)
    CoordinationFactory(
        plan=own, state=ParticipantFactory(name="Draftland", publication_status="draft")
    )
    CoordinationFactory(
        plan=own,
        state=ParticipantFactory(name="Laterland", publish_at=timezone.now() + ONE_DAY),
    )
    CoordinationFactory(plan=None, priority_area=area, state=ParticipantFactory(name="Egypt"))
    CoordinationFactory(
        plan=None, dimension=area.dimension, state=ParticipantFactory(name="India"), role=CO
    )
    elsewhere = PlanFactory(title="D elsewhere")
    CoordinationFactory(plan=elsewhere, state=ParticipantFactory(name="Iraq"))
    html = client.get(LIST_URL, {"sort": "title"}).content.decode()
    shown = {cells(row)[1].split(">")[1].split("<")[0]: cells(row)[5] for row in table_rows(html)}
    co = ' <span class="muted">(co)</span>'
    assert shown == {
        own.title: f"<span>China</span>, <span>Russia</span>, <span>Bahrain</span>{co},"
        f" <span>Qatar</span>{co}",
        of_area.title: "<span>Egypt</span>",
        of_dimension.title: f"<span>India</span>{co}",
        "D elsewhere": "<span>Iraq</span>",
    }
    assert "Draftland" not in html and "Laterland" not in html


def test_progress_column_counts_each_plans_measures(client):
    counted = plan_with_status(PlanStatus.IN_IMPLEMENTATION, title="A counted", slug="a")
    for status in (MeasureStatus.DONE, MeasureStatus.PLANNED, MeasureStatus.CANCELLED):
        MeasureFactory(plan=counted, status=status)
    all_cancelled = plan_with_status(PlanStatus.IN_IMPLEMENTATION, title="B cancelled", slug="b")
    MeasureFactory(plan=all_cancelled, status=MeasureStatus.CANCELLED)
    plan_with_status(PlanStatus.IN_IMPLEMENTATION, title="C none", slug="c")
    MeasureFactory(plan=PlanFactory(title="Z other"), status=MeasureStatus.DONE)
    html = client.get(LIST_URL, {"sort": "title"}).content.decode()
    assert '<th scope="col" class="plan-table__plain-header">Measures done</th>' in html
    progress = [cells(row)[6] for row in table_rows(html)]
    assert "<title>50% of measures done</title>" in progress[0]
    assert 'class="plan-progress__done" x="0" y="0" width="50"' in progress[0]
    assert "<span>50% (1 of 2)</span>" in progress[0]
    assert progress[1:3] == ["—", "—"]
    assert "100% (1 of 1)" in progress[3]


def test_no_progress_column_when_no_plan_on_the_page_has_counted_measures(client):
    plan = plan_with_status(PlanStatus.IN_IMPLEMENTATION)
    MeasureFactory(plan=plan, status=MeasureStatus.CANCELLED)
    html = client.get(LIST_URL).content.decode()
    assert "Measures done" not in html and "plan-progress" not in html
    assert all(len(cells(row)) == 6 for row in table_rows(html))


def test_measure_counts_of_the_queryset():
    plans = [PlanFactory() for _ in range(3)]
    for status in (MeasureStatus.DONE, MeasureStatus.DONE, MeasureStatus.CANCELLED, "planned"):
        MeasureFactory(plan=plans[0], status=status)
    MeasureFactory(plan=plans[1], status=MeasureStatus.CANCELLED)
    counted = Plan.objects.filter(pk__in=[p.pk for p in plans]).with_measure_counts()
    assert {
        plan.pk: (plan.measures_total, plan.measures_done, plan.measures_cancelled)
        for plan in counted
    } == {plans[0].pk: (4, 2, 1), plans[1].pk: (1, 0, 1), plans[2].pk: (0, 0, 0)}


def test_an_empty_list_says_so(client):
    response = client.get(LIST_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "0 plans found." in html and "No plan matches these filters." in html
    assert "<table" not in html and "format=csv" not in html


def test_csv_rows_hold_every_column(client, catalogue):
    rows = {row[0]: row for row in read_csv(client.get(LIST_URL, {"format": "csv"}))}
    # The list's columns come first, in their order (the API's follow: test_plan_csv.py).
    assert rows["Title"][:10] == [
        "Title",
        "Kind",
        "Dimension",
        "Priority area",
        "Period from",
        "Period to",
        "Status",
        "Status decided on",
        "Coordinators",
        "Address",
    ]
    smes_plan = catalogue["smes_plan"]
    assert rows["SMEs action plan"][:10] == [
        "SMEs action plan",
        "Action plan",
        "Economic dimension",
        "Small enterprises",
        "2016",
        "2018",
        "Approved by SOC",
        smes_plan.status_decided_display,
        "Russia (Coordinator)",
        "http://testserver/plans/smes-plan/",
    ]
    assert rows["Tourism action plan"][8] == "Tajikistan (Coordinator)"
    assert rows["Human dimension paper"][3:6] == ["", "", ""]
    assert rows["Human dimension paper"][8] == "Uzbekistan (Co-coordinator)"


def test_roles_of_the_three_levels_are_read_in_one_query(django_assert_num_queries):
    area = PriorityAreaFactory()
    other_area = PriorityAreaFactory(dimension=area.dimension)
    own = PlanFactory(dimension=area.dimension, priority_area=area)
    of_area = PlanFactory(dimension=area.dimension, priority_area=other_area)
    CoordinationFactory(plan=own, state=ParticipantFactory(name="Qatar"))
    CoordinationFactory(plan=None, priority_area=area, state=ParticipantFactory(name="Egypt"))
    CoordinationFactory(plan=None, priority_area=other_area, state=ParticipantFactory(name="Iraq"))
    CoordinationFactory(
        plan=None, dimension=area.dimension, state=ParticipantFactory(name="India"), role=CO
    )
    CoordinationFactory(plan=PlanFactory(), state=ParticipantFactory(name="Oman"))
    with django_assert_num_queries(2):
        plans = {
            plan.pk: plan
            for plan in Plan.objects.filter(pk__in=[own.pk, of_area.pk]).for_list().with_roles()
        }
    names = lambda roles: [role.state.name for role in roles]  # noqa: E731
    assert names(plans[own.pk].published_roles) == ["Qatar"]
    assert names(plans[own.pk].priority_area.published_roles) == ["Egypt"]
    assert names(plans[of_area.pk].published_roles) == []
    assert names(plans[of_area.pk].priority_area.published_roles) == ["Iraq"]
    for plan in plans.values():
        assert names(plan.dimension.published_roles) == ["India"]
    assert names(plans[of_area.pk].effective_coordinations()) == ["Iraq"]
