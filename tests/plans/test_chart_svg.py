"""The status board's chart, written in Python, equals the template it replaces."""

import datetime
from pathlib import Path

import pytest
from django.core.management import call_command
from django.template import Context, Engine
from django.utils import translation

from core.partial_dates import DatePrecision
from plans.chart_svg import status_chart_svg, timeline_svg
from plans.charts import status_board_chart, status_timeline_chart
from plans.models import Plan, PlanStatus, StatusChange

REFERENCE = Path(__file__).parent / "reference_templates" / "_status_chart.html"


def reference(**context):
    template = Engine.get_default().from_string(REFERENCE.read_text())
    return template.render(Context(context))


class Dimension:
    def __init__(self, name):
        self.name = name


def board_rows(counts):
    statuses = list(PlanStatus)
    return [
        {
            "dimension": Dimension(name),
            "cells": [(status, count) for status, count in zip(statuses, cells, strict=False)],
            "total": sum(cells),
        }
        for name, cells in counts
    ]


ROWS = [
    [],
    [("Military-political", [0, 0, 0])],
    [
        ("Economic & <environmental>", [3, 0, 12, 1, 7, 0, 2]),
        ('"Human" dimension', [1, 1, 1, 1, 1, 1, 1]),
        ("New challenges and threats", [0, 0, 0, 0, 0, 0, 40]),
    ],
]


@pytest.mark.parametrize("counts", ROWS)
@pytest.mark.parametrize("options", [{}, {"width": 360, "compact": True}])
@pytest.mark.parametrize("language", ["en", "ru"])
def test_status_chart_is_the_templates_drawing(counts, options, language):
    statuses = list(PlanStatus)
    with translation.override(language):
        chart = status_board_chart(board_rows(counts), statuses, **options)
        written = status_chart_svg(chart, "status-chart", "narrow")
        assert written == reference(chart=chart, prefix="status-chart", variant="narrow")
    assert written.count("status-fill--") == len(statuses) + sum(
        count > 0 for _, cells in counts for count in cells
    )


@pytest.mark.django_db
def test_the_board_draws_the_demo_data_as_the_template_did(client):
    call_command("load_demo", verbosity=0)
    response = client.get("/plans/status/")
    html = response.content.decode()
    for chart, prefix, variant in [
        (response.context["chart"], "status-chart", "wide"),
        (response.context["chart_narrow"], "status-chart-narrow", "narrow"),
    ]:
        assert reference(chart=chart, prefix=prefix, variant=variant) in html
    assert "<svg" in html


def change(step, to_status, day=None, precision=DatePrecision.DAY):
    return StatusChange(
        step=step, to_status=to_status, decided_on=day, decided_on_precision=precision
    )


TIMELINES = [
    [change(1, PlanStatus.APPROVED_BY_SOC, datetime.date(2016, 1, 13))],
    [
        change(1, PlanStatus.AGREED_BY_SWG),
        change(2, PlanStatus.APPROVED_BY_SOC, datetime.date(2016, 1, 13)),
        change(3, PlanStatus.IN_IMPLEMENTATION, datetime.date(2017, 3, 1), DatePrecision.MONTH),
        change(4, PlanStatus.COMPLETED),
        change(5, PlanStatus.SUPERSEDED, datetime.date(2024, 1, 1), DatePrecision.YEAR),
        change(6, PlanStatus.COMPLETED),
    ],
    [
        change(1, PlanStatus.AGREED_BY_SWG, datetime.date(2002, 1, 1), DatePrecision.BY_YEAR),
        change(2, PlanStatus.APPROVED_BY_SOC, datetime.date(2004, 6, 1), DatePrecision.MONTH),
    ],
]


@pytest.mark.parametrize("changes", TIMELINES)
@pytest.mark.parametrize("width", [720, 360])
@pytest.mark.parametrize("language", ["en", "ru"])
def test_timeline_is_the_templates_drawing(changes, width, language):
    with translation.override(language):
        timeline = status_timeline_chart(changes, width=width)
        written = timeline_svg(timeline, "timeline-wide", "wide")
        expected = reference_timeline(timeline=timeline, prefix="timeline-wide", variant="wide")
    assert written == expected
    assert written.count('class="timeline-chart__step ') == len(changes)


def reference_timeline(**context):
    template = Engine.get_default().from_string(
        (REFERENCE.parent / "_timeline_svg.html").read_text()
    )
    return template.render(Context(context))


@pytest.mark.django_db
def test_the_plan_pages_draw_their_time_lines_as_the_template_did(client):
    call_command("load_demo", verbosity=0)
    drawn = 0
    for plan in Plan.objects.published():
        response = client.get(plan.get_absolute_url())
        html = response.content.decode()
        for name, prefix in [
            ("timeline_wide", "timeline-wide"),
            ("timeline_narrow", "timeline-narrow"),
        ]:
            timeline = response.context[name]
            if timeline is not None:
                variant = prefix.removeprefix("timeline-")
                assert reference_timeline(timeline=timeline, prefix=prefix, variant=variant) in html
                drawn += 1
    assert drawn >= 2
