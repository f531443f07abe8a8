"""The pictures on the pages: each an SVG with role="img", a title and a text alternative."""

import datetime
import re

import pytest
from django.urls import reverse

from plans.charts import status_board_chart
from plans.models import MeasureStatus, PlanStatus
from tests.factories import MeasureFactory, PlanFactory, member_state, plan_with_status

pytestmark = pytest.mark.django_db


def svg_images(html):
    return re.findall(r'<svg [^>]*role="img"[^>]*>.*?</svg>', html, flags=re.S)


def test_plan_page_draws_its_time_line_with_unknown_dates_said_so(client):
    plan = plan_with_status(PlanStatus.APPROVED_BY_SOC, decided_on=datetime.date(2016, 1, 13))
    html = client.get(plan.get_absolute_url()).content.decode()
    drawings = [svg for svg in svg_images(html) if "timeline-chart" in svg]
    assert len(drawings) == 2  # wide and narrow
    for svg in drawings:
        assert "<title id=" in svg and "<desc id=" in svg
        assert "Agreed by SWG: date unknown, on or before 13 January 2016" in svg
        assert "Approved by SOC: 13 January 2016" in svg
    assert html.count('class="timeline plan-history"') == 1  # the list stays: the text version


def test_plan_without_any_known_date_gets_a_sentence_not_a_drawing(client):
    plan = plan_with_status(PlanStatus.APPROVED_BY_SOC, decided_on=None)
    html = client.get(plan.get_absolute_url()).content.decode()
    assert "timeline-chart" not in html
    assert "No decision date is known, so no time line is drawn." in html


def test_draft_plan_has_neither(client):
    html = client.get(PlanFactory().get_absolute_url()).content.decode()
    assert "timeline-chart" not in html and "no time line is drawn" not in html


def test_plan_list_shows_progress_bars_when_a_plan_has_measures(client):
    plan = plan_with_status(PlanStatus.IN_IMPLEMENTATION, title="Plan with measures")
    MeasureFactory(plan=plan, status=MeasureStatus.DONE)
    MeasureFactory(plan=plan, status=MeasureStatus.IN_PROGRESS)
    MeasureFactory(plan=plan, status=MeasureStatus.CANCELLED)
    PlanFactory(title="Plan without measures")
    html = client.get(reverse("plans:list")).content.decode()
    assert "Measures done" in html
    bars = [svg for svg in svg_images(html) if "plan-progress__bar" in svg]
    assert len(bars) == 1
    assert "<title>50% of measures done</title>" in bars[0]
    assert 'class="plan-progress__done" x="0" y="0" width="50"' in bars[0]
    assert "50% (1 of 2)" in html  # the cancelled measure does not count


def test_plan_list_has_no_progress_column_when_no_plan_has_measures(client):
    PlanFactory()
    html = client.get(reverse("plans:list")).content.decode()
    assert "Measures done" not in html and "plan-progress__bar" not in html


@pytest.mark.parametrize("measures_per_plan", [1, 6])
def test_plan_list_progress_costs_one_query_whatever_the_measures(
    client, django_assert_max_num_queries, measures_per_plan
):
    for index in range(5):
        plan = PlanFactory()
        MeasureFactory.create_batch(index * measures_per_plan, plan=plan, status=MeasureStatus.DONE)
    # The list's queries (tests/plans/test_list.py): the page's measure counts are one.
    with django_assert_max_num_queries(10):
        response = client.get(reverse("plans:list"))
    assert response.status_code == 200
    assert response.context["paginator"].count == 5
    counted = sorted(plan.list_progress.total for plan in response.context["plans"])
    assert counted == [index * measures_per_plan for index in range(5)]


def test_status_board_draws_a_wide_and_a_compact_chart(client):
    plan_with_status(PlanStatus.APPROVED_BY_SOC)
    html = client.get(reverse("plans:status_board")).content.decode()
    assert '<title id="status-chart-title">' in html
    assert '<title id="status-chart-narrow-title">' in html
    assert len([svg for svg in svg_images(html) if "picture--narrow" in svg]) == 1


def test_compact_status_chart_puts_names_above_the_bars():
    rows = [
        {"dimension": type("D", (), {"name": "Economic dimension"})(), "cells": [], "total": 2},
        {"dimension": type("D", (), {"name": "Human dimension"})(), "cells": [], "total": 1},
    ]
    wide = status_board_chart(rows, list(PlanStatus))
    compact = status_board_chart(rows, list(PlanStatus), width=360, compact=True)
    assert all(row.text_y > row.y for row in wide.rows)  # beside the bar
    assert all(row.text_y < row.y for row in compact.rows)  # above it
    assert compact.rows[1].y - compact.rows[0].y == wide.rows[1].y - wide.rows[0].y + 16
    # Two legend entries per line instead of four: seven statuses take four lines.
    assert len({item.y for item in compact.legend}) == 4
    assert all(item.x + 175 <= 360 + 10 for item in compact.legend)
    assert compact.height > compact.legend[-1].y


def test_member_list_groups_member_states_by_region(client):
    member_state(name="Kazakhstan", iso_code="KZ")
    member_state(name="Egypt", iso_code="EG")
    html = client.get(reverse("members:list")).content.decode()
    section = html[html.index('id="regions-heading"') :]
    assert "Central Asia" in section and "Northern Africa" in section
    assert '<a href="/members/kazakhstan/">Kazakhstan</a>' in section
    drawings = [svg for svg in svg_images(html) if "region-chart" in svg]
    assert len(drawings) == 2
    assert all("Central Asia: Kazakhstan." in svg for svg in drawings)
