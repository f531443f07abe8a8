"""The status board's chart, written in Python, equals the template it replaces."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.template import Context, Engine
from django.utils import translation

from plans.chart_svg import status_chart_svg
from plans.charts import status_board_chart
from plans.models import PlanStatus

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
