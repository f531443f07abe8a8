"""The status board's chart and a plan's time line, as drawn by their SVG templates."""

import datetime
from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from core.partial_dates import DatePrecision
from plans.charts import status_board_chart, status_timeline_chart
from plans.models import PlanStatus, StatusChange
from tests.factories import DimensionFactory, plan_with_status
from tests.pictures.drawings import (
    assert_numbers_parse,
    by_class,
    drawings_in,
    labelled_by,
    parse,
    pseudo_translated,
    text_of,
)

STATUSES = list(PlanStatus)


def board_rows(counts):
    """Rows as the status board view builds them: (dimension name, a count per status)."""
    return [
        {
            "dimension": SimpleNamespace(name=name),
            "cells": list(zip(STATUSES, cells, strict=False)),
            "total": sum(cells),
        }
        for name, cells in counts
    ]


def draw_status_chart(counts, prefix="status-chart", variant="wide", **layout):
    chart = status_board_chart(board_rows(counts), STATUSES, **layout)
    context = {"chart": chart, "prefix": prefix, "variant": variant}
    return render_to_string("plans/_status_chart_svg.html", context)


ROWS = [
    [],
    [("Military-political", [0, 0, 0])],
    [
        ("Economic & environmental", [3, 0, 12, 1, 7, 0, 2]),
        ("Human dimension", [1, 1, 1, 1, 1, 1, 1]),
        ("New challenges and threats", [0, 0, 0, 0, 0, 0, 40]),
    ],
]
LAYOUTS = [{}, {"width": 360, "compact": True}]


@pytest.mark.parametrize("counts", ROWS)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_status_chart_has_a_segment_per_counted_status_and_a_key_entry_per_status(counts, layout):
    svg = parse(draw_status_chart(counts, **layout))
    title, description = labelled_by(svg)
    assert title == "Plans by dimension and status"
    assert_numbers_parse(svg)
    rows = [group for group in svg.findall("g") if by_class(group, "status-chart__label")]
    assert [text_of(by_class(row, "status-chart__label")[0]) for row in rows] == [
        name for name, _ in counts
    ]
    for row, (name, cells) in zip(rows, counts, strict=True):
        segments = by_class(row, "status-fill", "rect")
        assert len(segments) == sum(1 for count in cells if count)
        assert text_of(by_class(row, "chart__value")[0]) == str(sum(cells))
        assert description.count(f" {name}: {sum(cells)}.") == 1
    key = [group for group in svg.findall("g") if not by_class(group, "status-chart__label")]
    assert [text_of(group.find("text")) for group in key] == [
        str(status.label) for status in STATUSES
    ]


def test_a_segment_names_its_dimension_status_and_count_and_is_as_wide_as_its_share():
    svg = parse(draw_status_chart([("Economic", [0, 0, 3, 1, 0, 0, 0])]))
    segments = by_class(svg, "status-fill", "rect")[:2]  # the bar's; the key's follow
    assert [text_of(segment.find("title")) for segment in segments] == [
        "Economic, Approved by SOC: 3",
        "Economic, In implementation: 1",
    ]
    assert [segment.get("class") for segment in segments] == [
        "status-fill status-fill--approved_soc",
        "status-fill status-fill--in_implementation",
    ]
    widths = [float(segment.get("width")) for segment in segments]
    assert widths[0] == pytest.approx(3 * widths[1], abs=0.2)


def test_a_hostile_dimension_name_comes_out_escaped():
    name = '<script>alert("x")</script> & co'
    drawn = draw_status_chart([(name, [1, 0, 0, 0, 0, 0, 0])])
    assert "<script>" not in drawn
    assert "&lt;script&gt;" in drawn and "&amp; co" in drawn
    svg = parse(drawn)
    assert text_of(by_class(svg, "status-chart__label")[0]) == name
    assert f" {name}: 1." in labelled_by(svg)[1]


def test_status_chart_words_come_from_the_catalogue():
    with pseudo_translated():
        svg = parse(draw_status_chart([("Economic", [0, 2, 0, 0, 0, 0, 0])]))
    title, description = labelled_by(svg)
    assert title == "«Plans by dimension and status»"
    assert description.startswith("«Stacked bars, one per dimension")
    assert description.endswith("» Economic: 2.")  # a name is data: not looked up
    assert text_of(by_class(svg, "status-fill", "rect")[0]) == "Economic, «Agreed by SWG»: 2"
    assert text_of(by_class(svg, "chart__label")[-1]) == "«Superseded»"


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_key_leaves_room_for_long_russian_labels(layout):
    from core.charts import text_width

    with translation.override("ru"):  # "Одобрено Комитетом старших должностных лиц"
        chart = status_board_chart(board_rows([("Economic", [1] * 7)]), STATUSES, **layout)
        for item, after in zip(chart.legend, chart.legend[1:], strict=False):
            if after.y == item.y:
                assert after.x - item.text_x >= text_width(item.label, 11), item.label
        assert all(item.text_x + text_width(item.label, 11) <= chart.width for item in chart.legend)


def test_coordinates_and_figures_are_not_localized(settings):
    settings.USE_THOUSAND_SEPARATOR = True
    with translation.override("ru"):  # a decimal comma and a space between thousands
        drawn = draw_status_chart([("Economic", [1234, 0, 7, 0, 0, 0, 0])], width=333)
    svg = parse(drawn)
    assert_numbers_parse(svg)
    assert any("." in rect.get("width") for rect in svg.iter("rect"))
    assert text_of(by_class(svg, "chart__value")[0]) == "1241"


def change(step, to_status, day=None, precision=DatePrecision.DAY):
    return StatusChange(
        step=step, to_status=to_status, decided_on=day, decided_on_precision=precision
    )


def draw_timeline(changes, width=720, prefix="timeline-wide", variant="wide"):
    timeline = status_timeline_chart(changes, width=width)
    context = {"timeline": timeline, "prefix": prefix, "variant": variant}
    return timeline, render_to_string("plans/_timeline_svg.html", context)


HISTORY = [
    change(1, PlanStatus.AGREED_BY_SWG),
    change(2, PlanStatus.APPROVED_BY_SOC, datetime.date(2016, 1, 13)),
    change(3, PlanStatus.IN_IMPLEMENTATION, datetime.date(2017, 3, 1), DatePrecision.MONTH),
    change(4, PlanStatus.COMPLETED),
    change(5, PlanStatus.SUPERSEDED, datetime.date(2024, 1, 1), DatePrecision.YEAR),
    change(6, PlanStatus.COMPLETED),
]


@pytest.mark.parametrize("width", [720, 360])
def test_timeline_draws_a_step_per_decision_in_the_shape_its_date_allows(width):
    timeline, drawn = draw_timeline(HISTORY, width=width)
    svg = parse(drawn)
    title, _ = labelled_by(svg)
    assert title == "Time line of the status decisions"
    assert_numbers_parse(svg)
    assert "timeline-chart" in svg.get("class").split()
    steps = by_class(svg, "timeline-chart__step", "g")
    assert [step.get("class").split()[1] for step in steps] == [
        "timeline-chart__step--unknown",
        "timeline-chart__step--point",
        "timeline-chart__step--span",
        "timeline-chart__step--unknown",
        "timeline-chart__step--span",
        "timeline-chart__step--unknown",
    ]
    point, month = steps[1], steps[2]
    assert [circle.get("class") for circle in point.iter("circle")] == [
        "status-fill status-fill--approved_soc"
    ]
    assert [rect.get("class") for rect in month.iter("rect")] == [
        "status-fill status-fill--in_implementation"
    ]
    for unknown in (steps[0], steps[3], steps[5]):
        assert len(by_class(unknown, "timeline-chart__unknown", "line")) == 1
        assert len(by_class(unknown, "timeline-chart__cap", "path")) == 2
    labels = [text_of(by_class(step, "timeline-chart__label")[0]) for step in steps]
    assert labels[1] == "Approved by SOC: 13 January 2016"
    years = [text_of(label) for label in by_class(svg, "timeline-chart__year")]
    assert years == [year for _, year in timeline.ticks]
    assert len(by_class(svg, "timeline-chart__grid", "line")) == len(years)
    assert len(by_class(svg, "chart__axis", "line")) == 1


def test_timeline_description_says_the_span_and_every_step():
    _, drawn = draw_timeline(HISTORY[:2])
    _, description = labelled_by(parse(drawn))
    assert description == (
        "From 2015 to 2016. "
        "Step 1, Agreed by SWG: date unknown, on or before 13 January 2016. "
        "Step 2, Approved by SOC: 13 January 2016. "
        "The list below gives the details."
    )


def test_timeline_words_come_from_the_catalogue():
    with pseudo_translated():
        _, drawn = draw_timeline(HISTORY[1:2])
    title, description = labelled_by(parse(drawn))
    assert title == "«Time line of the status decisions»"
    assert description == (
        "«From 2015 to 2017.» «Step 2, «Approved by SOC»: 13 «January» 2016.» "
        "«The list below gives the details.»"
    )


@pytest.mark.django_db
def test_the_status_board_draws_its_chart_wide_and_narrow_with_ids_of_their_own(client):
    plan_with_status(PlanStatus.APPROVED_BY_SOC, dimension=DimensionFactory(name="Economic <b>"))
    html = client.get(reverse("plans:status_board")).content.decode()
    drawings = drawings_in(html)
    assert [svg.get("class").split()[-1] for svg in drawings] == [
        "picture--wide",
        "picture--narrow",
    ]
    ids = [element.get("id") for svg in drawings for element in svg.iter() if element.get("id")]
    assert len(ids) == len(set(ids)) == 4
    for svg in drawings:
        assert labelled_by(svg)[0] == "Plans by dimension and status"
        labels = [text_of(label) for label in by_class(svg, "status-chart__label")]
        assert "Economic <b>" in labels
        assert "Economic <b>, Approved by SOC: 1" in [
            text_of(rect) for rect in by_class(svg, "status-fill", "rect")
        ]


@pytest.mark.django_db
def test_a_plan_page_draws_its_time_line_wide_and_narrow(client):
    plan = plan_with_status(PlanStatus.IN_IMPLEMENTATION, decided_on=datetime.date(2021, 5, 4))
    html = client.get(plan.get_absolute_url()).content.decode()
    drawings = [svg for svg in drawings_in(html) if "timeline-chart" in svg.get("class")]
    assert [svg.get("aria-labelledby") for svg in drawings] == [
        "timeline-wide-title timeline-wide-desc",
        "timeline-narrow-title timeline-narrow-desc",
    ]
    for svg in drawings:
        assert len(by_class(svg, "timeline-chart__step", "g")) == plan.status_changes.count()
        assert "In implementation: 4 May 2021" in labelled_by(svg)[1]


def test_timeline_labels_fit_a_phone_in_russian():
    from core.charts import text_width
    from plans.charts import TIMELINE_FONT

    changes = [
        change(1, PlanStatus.AGREED_BY_SWG),
        change(2, PlanStatus.APPROVED_BY_SOC, datetime.date(2016, 1, 13)),
    ]
    with translation.override("ru"):
        timeline = status_timeline_chart(changes, width=340)
    for mark in timeline.marks:
        assert mark.text_x + text_width(mark.label, TIMELINE_FONT) <= timeline.right, mark.label
    assert timeline.marks[1].label.startswith("Одобрено Комитетом")
    assert timeline.marks[1].label.endswith("\N{HORIZONTAL ELLIPSIS}")
    # The whole text stays in the description read out with the picture.
    assert "13 января 2016 г." in timeline.marks[1].description
