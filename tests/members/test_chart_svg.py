"""The member list's charts, written in Python, equal the templates they replace."""

from pathlib import Path

import pytest
from django.template import Context, Engine
from django.utils import translation

from members.chart_svg import growth_chart_svg, region_chart_svg
from members.charts import NARROW_REGION_LAYOUT, WIDE_REGION_LAYOUT, growth_chart, region_chart
from members.regions import RegionGroup
from members.views import MemberListView

REFERENCE = Path(__file__).parent / "reference_templates"


def reference(name, **context):
    template = Engine.get_default().from_string((REFERENCE / name).read_text())
    return template.render(Context(context))


class State:
    def __init__(self, name):
        self.name = name


GROWTH = [
    [],
    [(1999, None), (2000, None), (2002, 16), (2003, 16)],
    [(year, year - 1990 if year % 4 else None) for year in range(1992, 2027)],
    [(2010, 0)],
]


@pytest.mark.parametrize("points", GROWTH)
@pytest.mark.parametrize("size", [{}, {"width": 360, "height": 200, "padding": 16}])
@pytest.mark.parametrize("language", ["en", "ru"])
def test_growth_chart_is_the_templates_drawing(points, size, language):
    chart = growth_chart(points, **size)
    with translation.override(language):
        written = growth_chart_svg(chart, points, "growth-wide", "wide")
        expected = reference(
            "_growth_chart.html", chart=chart, growth=points, prefix="growth-wide", variant="wide"
        )
    assert written == expected
    assert written.count("<rect") == sum(point[1] is not None for point in points)


def region_groups():
    names = [
        "Kazakhstan",
        'Côte "d\'Ivoire" & <Sons>',
        "A state whose name is far too long to fit in a narrow panel of the chart",
        "Türkiye",
    ]
    return [
        RegionGroup(code="143", name="Central Asia", states=[State(n) for n in names[:2]]),
        RegionGroup(code="145", name="Western Asia & Co", states=[State(n) for n in names[2:]]),
        RegionGroup(code="999", name="Nowhere in the layout", states=[State("Solo")]),
        RegionGroup(code="030", name="Eastern Asia", states=[]),
    ]


@pytest.mark.parametrize("layout", [WIDE_REGION_LAYOUT, NARROW_REGION_LAYOUT])
@pytest.mark.parametrize("groups", [region_groups, list])
def test_region_chart_is_the_templates_drawing(layout, groups):
    chart = region_chart(groups(), layout)
    written = region_chart_svg(chart, "regions-wide", "narrow")
    expected = reference("_region_chart.html", chart=chart, prefix="regions-wide", variant="narrow")
    assert written == expected
    if chart.panels:
        assert "&amp; &lt;Sons&gt;" in written and "<Sons>" not in written


@pytest.mark.django_db
def test_the_member_list_draws_the_demo_data_as_the_templates_did(client):
    from django.core.management import call_command

    call_command("load_demo", verbosity=0)
    response = client.get("/members/")
    html = response.content.decode()
    context = response.context
    for chart, prefix, variant in [
        (context["growth_chart"], "growth-wide", "wide"),
        (context["growth_chart_narrow"], "growth-narrow", "narrow"),
    ]:
        drawn = reference(
            "_growth_chart.html",
            chart=chart,
            growth=context["growth"],
            prefix=prefix,
            variant=variant,
        )
        assert drawn in html
    for chart, prefix, variant in [
        (context["region_chart_wide"], "regions-wide", "wide"),
        (context["region_chart_narrow"], "regions-narrow", "narrow"),
    ]:
        assert reference("_region_chart.html", chart=chart, prefix=prefix, variant=variant) in html
    assert isinstance(response.context["view"], MemberListView)
