import datetime
import itertools
import re

import pytest
import time_machine
from django.urls import reverse

from core.publishing import PublicationStatus
from plans.models import Plan, PlanKind, PlanStatus
from plans.workflow import record_status_change
from tests.factories import DimensionFactory, PlanFactory, PriorityAreaFactory, plan_with_status

pytestmark = pytest.mark.django_db
BOARD_URL = reverse("plans:status_board")
# Frozen "today" for the time-dependent sections.
TODAY = datetime.datetime(2024, 6, 15, 12, tzinfo=datetime.UTC)


def test_board_is_not_taken_for_a_plan_slug(client):
    assert reverse("plans:status_board") == "/plans/status/"
    assert client.get(BOARD_URL).status_code == 200


def test_reserved_slug_is_refused_for_a_plan():
    plan = PlanFactory.build(slug="status", dimension=DimensionFactory(), priority_area=None)
    with pytest.raises(Exception) as raised:
        plan.full_clean()
    assert "slug" in raised.value.message_dict


def test_matrix_counts_equal_the_database(client):
    dimensions = [DimensionFactory(position=index) for index in range(3)]
    statuses = list(PlanStatus)
    for index, (dimension, status) in enumerate(itertools.product(dimensions, statuses * 2)):
        if index % 3:
            plan_with_status(status, dimension=dimension, priority_area=None)
    PlanFactory(
        dimension=dimensions[0], priority_area=None, publication_status=PublicationStatus.DRAFT
    )
    response = client.get(BOARD_URL)
    assert response.status_code == 200
    published = Plan.objects.published()
    for row in response.context["board"].rows:
        for status, count in row["cells"]:
            assert count == published.filter(dimension=row["dimension"], status=status).count()
        assert row["total"] == published.filter(dimension=row["dimension"]).count()
    assert response.context["board"].total == published.count() == Plan.objects.count() - 1
    html = response.content.decode()
    dimension = dimensions[1]
    cell = f'href="/plans/?dimension={dimension.slug}&amp;status=approved_soc"'
    assert cell in html
    count = published.filter(dimension=dimension, status="approved_soc").count()
    listed = client.get("/plans/", {"dimension": dimension.slug, "status": "approved_soc"})
    assert listed.context["paginator"].count == count


def test_chart_is_accessible_svg_with_the_figures(client):
    dimension = DimensionFactory(name="Economic dimension")
    plan_with_status(PlanStatus.APPROVED_BY_SOC, dimension=dimension, priority_area=None)
    plan_with_status(PlanStatus.DRAFT, dimension=dimension, priority_area=None)
    html = client.get(BOARD_URL).content.decode()
    assert '<svg viewBox="0 0' in html and 'role="img"' in html
    assert '<title id="status-chart-title">' in html and "<desc" in html
    assert "Economic dimension: 2." in html
    assert "status-fill--approved_soc" in html
    assert "<script" not in html


@time_machine.travel(TODAY, tick=False)
def test_recent_changes_are_those_of_the_last_90_days(client):
    area = PriorityAreaFactory()
    recent = plan_with_status(
        PlanStatus.DRAFT, title="Recent plan", priority_area=area, dimension=area.dimension
    )
    # 17 March is exactly 90 days before 15 June: still in; the 16th is not.
    record_status_change(recent, PlanStatus.AGREED_BY_SWG, datetime.date(2024, 3, 17))
    old = plan_with_status(
        PlanStatus.DRAFT, title="Old plan", priority_area=area, dimension=area.dimension
    )
    record_status_change(old, PlanStatus.AGREED_BY_SWG, datetime.date(2024, 3, 16))
    march = plan_with_status(
        PlanStatus.DRAFT, title="March plan", priority_area=area, dimension=area.dimension
    )
    # Known only to the month: March 2024 overlaps the 90 days back from 15 June.
    record_status_change(
        march, PlanStatus.AGREED_BY_SWG, datetime.date(2024, 3, 1), precision="month"
    )
    undated = plan_with_status(
        PlanStatus.DRAFT, title="Undated plan", priority_area=area, dimension=area.dimension
    )
    record_status_change(undated, PlanStatus.AGREED_BY_SWG, None)
    response = client.get(BOARD_URL)
    titles = [plan.title for plan in response.context["board"].recently_changed]
    assert sorted(titles) == ["March plan", "Recent plan"]


@time_machine.travel(TODAY, tick=False)
def test_period_ended_without_completion(client):
    area = PriorityAreaFactory()
    common = {"priority_area": area, "dimension": area.dimension}
    plan_with_status(
        PlanStatus.APPROVED_BY_SOC, title="Overdue", start_year=2016, end_year=2018, **common
    )
    plan_with_status(
        PlanStatus.IN_IMPLEMENTATION,
        title="Ended last year",
        start_year=2021,
        end_year=2023,
        **common,
    )
    plan_with_status(PlanStatus.COMPLETED, title="Done", start_year=2016, end_year=2018, **common)
    plan_with_status(
        PlanStatus.WITHDRAWN, title="Dropped", start_year=2016, end_year=2018, **common
    )
    plan_with_status(
        PlanStatus.IN_IMPLEMENTATION, title="Running", start_year=2022, end_year=2024, **common
    )
    plan_with_status(
        PlanStatus.APPROVED_BY_SOC,
        kind=PlanKind.CONCEPT_PAPER,
        title="Paper",
        start_year=None,
        end_year=None,
        **common,
    )
    response = client.get(BOARD_URL)
    titles = [plan.title for plan in response.context["board"].period_ended]
    assert titles == ["Overdue", "Ended last year"]
    assert "before 2024" in response.content.decode()


def board_data(count):
    dimensions = [DimensionFactory() for _ in range(5)]
    statuses = list(PlanStatus)
    for index in range(count):
        plan_with_status(
            statuses[index % len(statuses)],
            dimension=dimensions[index % 5],
            priority_area=None,
            start_year=2010,
            end_year=2012,
            decided_on=datetime.date(2024, 6, 1),
        )


@pytest.mark.parametrize("count", [10, 200])
@time_machine.travel(TODAY, tick=False)
def test_board_query_count_is_constant(client, django_assert_max_num_queries, count):
    board_data(count)
    # dimensions + counts (the tally less the scheduled plans, one query: plans/tally.py)
    # + recently changed + period ended
    with django_assert_max_num_queries(4):
        response = client.get(BOARD_URL)
    assert response.status_code == 200
    assert response.context["board"].total == count


def matrix_rows(html):
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    return re.findall(r"<tr>(.*?)</tr>", body, flags=re.S)


@time_machine.travel(TODAY, tick=False)
def test_matrix_rows_link_each_count_with_escaped_names(client):
    hostile = DimensionFactory(
        name='Economic & "environmental" <dimension>', slug="économique", position=0
    )
    DimensionFactory(name="Empty dimension", slug="empty", position=1)
    plan_with_status(PlanStatus.APPROVED_BY_SOC, dimension=hostile, priority_area=None)
    plan_with_status(PlanStatus.APPROVED_BY_SOC, dimension=hostile, priority_area=None)
    plan_with_status(PlanStatus.DRAFT, dimension=hostile, priority_area=None)
    html = client.get(BOARD_URL).content.decode()
    assert "<dimension>" not in html
    hostile_row, empty_row = matrix_rows(html)
    assert (
        '<th scope="row">Economic &amp; &quot;environmental&quot; &lt;dimension&gt;</th>'
        in hostile_row
    )
    assert (
        '<td class="status-matrix__cell"><a href="/plans/?dimension=%C3%A9conomique'
        '&amp;status=approved_soc" aria-label="2 in Economic &amp; &quot;environmental&quot; '
        '&lt;dimension&gt;: Approved by SOC">2</a></td>' in hostile_row
    )
    assert hostile_row.count('<td class="status-matrix__cell">') == 2
    assert hostile_row.count("status-matrix__cell--empty") == len(PlanStatus) - 2
    assert (
        '<td class="status-matrix__total"><a href="/plans/?dimension=%C3%A9conomique">3</a></td>'
        in hostile_row
    )
    assert empty_row.count("status-matrix__cell--empty") == len(PlanStatus)
    assert '<a href="/plans/?status=approved_soc">2</a>' in html  # the column's total
    assert '<td class="status-matrix__total"><a href="/plans/">3</a></td>' in html
    # Nothing in a cell, a row or a column: plain text, not a link to an empty list.
    assert "<a" not in empty_row
    assert '<td class="status-matrix__total">0</td>' in empty_row
    assert '<td class="status-matrix__cell status-matrix__cell--empty">0</td>' in hostile_row
    assert "status=completed" not in html


@time_machine.travel(TODAY, tick=False)
def test_lists_name_each_plan_escaped_with_its_status(client):
    dimension = DimensionFactory(name="Human <dimension>")
    plan_with_status(
        PlanStatus.APPROVED_BY_SOC,
        title="<script>alert(1)</script> recent",
        slug="recent",
        decided_on=datetime.date(2024, 6, 1),
        dimension=dimension,
        priority_area=None,
    )
    plan_with_status(
        PlanStatus.IN_IMPLEMENTATION,
        title="Ended & open",
        slug="ended",
        decided_on=datetime.date(2019, 1, 1),
        start_year=2016,
        end_year=2018,
        dimension=dimension,
        priority_area=None,
    )
    html = client.get(BOARD_URL).content.decode()
    assert "<script>alert" not in html
    assert (
        '<li><a href="/plans/recent/">&lt;script&gt;alert(1)&lt;/script&gt; recent</a> '
        '<span class="badge plan-status plan-status--approved_soc">Approved by SOC</span>' in html
    )
    assert (
        '<span class="muted">1 June 2024 · <span>Human &lt;dimension&gt;</span></span></li>' in html
    )
    assert (
        '<li><a href="/plans/ended/">Ended &amp; open</a> <span class="muted">(2016–2018)</span> '
        '<span class="badge plan-status plan-status--in_implementation">In implementation</span>'
        in html
    )


def test_an_empty_board_says_so(client):
    html = client.get(BOARD_URL).content.decode()
    assert "No status has changed in this period." in html and "None." in html
    assert '<td class="status-matrix__total">0</td>' in html


def board_column_headers(html):
    thead = html.split("<thead>", 1)[1].split("</thead>", 1)[0]
    return re.findall(r'<th scope="col">([^<]*)</th>', thead)


def test_board_has_no_draft_column_when_no_public_plan_is_a_draft(client):
    # A plan being drafted is an unpublished item: the public never sees it.
    dimension = DimensionFactory()
    plan_with_status(PlanStatus.APPROVED_BY_SOC, dimension=dimension, priority_area=None)
    PlanFactory(dimension=dimension, priority_area=None, publication_status=PublicationStatus.DRAFT)
    html = client.get(BOARD_URL).content.decode()
    headers = board_column_headers(html)
    assert "Draft" not in headers
    assert "Approved by SOC" in headers and "Total" in headers
    assert "status=draft" not in html


def test_a_published_plan_still_in_draft_keeps_the_columns_adding_up(client):
    dimension = DimensionFactory()
    PlanFactory(dimension=dimension, priority_area=None)  # published, workflow status draft
    response = client.get(BOARD_URL)
    assert "Draft" in board_column_headers(response.content.decode())
    assert response.context["board"].total == 1
