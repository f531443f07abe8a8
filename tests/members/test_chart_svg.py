"""The member list's growth and region charts, as drawn by their SVG templates."""

from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from members.charts import NARROW_REGION_LAYOUT, WIDE_REGION_LAYOUT, growth_chart, region_chart
from members.regions import RegionGroup
from tests.factories import member_state
from tests.pictures.drawings import (
    assert_numbers_parse,
    by_class,
    drawings_in,
    labelled_by,
    parse,
    pseudo_translated,
    text_of,
)

NARROW_GROWTH = {"width": 360, "height": 200, "padding": 16}


def draw_growth(points, **size):
    chart = growth_chart(points, **size)
    context = {"chart": chart, "growth": points, "prefix": "growth-wide", "variant": "wide"}
    return parse(render_to_string("members/_growth_chart_svg.html", context))


GROWTH = [
    [(1999, None), (2000, None), (2002, 16), (2003, 16)],
    [(year, year - 1990 if year % 4 else None) for year in range(1992, 2027)],
    [(2010, 0)],
]


@pytest.mark.parametrize("points", GROWTH)
@pytest.mark.parametrize("size", [{}, NARROW_GROWTH])
def test_growth_chart_draws_a_bar_per_known_year_and_a_question_mark_per_unknown(points, size):
    svg = draw_growth(points, **size)
    title, _ = labelled_by(svg)
    assert title == "Member states by year"
    assert_numbers_parse(svg)
    known = [(str(year), count) for year, count in points if count is not None]
    bars = by_class(svg, "chart__bar", "rect")
    assert [text_of(bar.find("title")) for bar in bars] == [f"{y}: {c}" for y, c in known]
    unknown = [mark for mark in by_class(svg, "chart__value") if text_of(mark) == "?"]
    assert len(unknown) == len(points) - len(known)
    assert len(by_class(svg, "chart__axis", "line")) == 1


def test_growth_chart_labels_every_third_year_and_the_last():
    points = [(year, year - 2000) for year in range(2001, 2011)]  # ten years
    svg = draw_growth(points)
    years = [text_of(label) for label in by_class(svg, "chart__label")]
    assert years == ["2001", "2004", "2007", "2010"]
    figures = [text_of(value) for value in by_class(svg, "chart__value")]
    assert figures == ["1", "4", "7", "10"]


def test_growth_chart_bars_grow_with_the_count_from_one_baseline():
    svg = draw_growth([(2001, 5), (2002, 10)])
    low, high = by_class(svg, "chart__bar", "rect")
    assert float(high.get("height")) == pytest.approx(2 * float(low.get("height")), abs=0.2)
    baselines = {round(float(bar.get("y")) + float(bar.get("height")), 1) for bar in (low, high)}
    axis = by_class(svg, "chart__axis", "line")[0]
    assert baselines == {float(axis.get("y1"))}


def test_growth_chart_description_says_the_first_year_and_the_highest_count():
    _, description = labelled_by(draw_growth(GROWTH[0]))
    assert description == (
        "Bar chart of the number of CICA member states each year from 1999; the highest "
        "is 16. The table below gives the figures."
    )


def test_an_empty_growth_chart_is_still_a_titled_picture():
    svg = draw_growth([])
    assert labelled_by(svg)[0] == "Member states by year"
    assert by_class(svg, "chart__bar") == []


def test_growth_chart_words_come_from_the_catalogue():
    with pseudo_translated():
        svg = draw_growth(GROWTH[0])
    title, description = labelled_by(svg)
    assert title == "«Member states by year»"
    assert description.startswith("«Bar chart of the number of CICA member states each year")
    assert description.endswith("from 1999; the highest is 16. The table below gives the figures.»")


def test_growth_chart_numbers_are_not_localized(settings):
    settings.USE_THOUSAND_SEPARATOR = True
    points = [(year, 1000 + year) for year in range(2001, 2008)]
    with translation.override("ru"):  # a decimal comma and a space between thousands
        svg = draw_growth(points, **NARROW_GROWTH)
    assert_numbers_parse(svg)
    assert [text_of(value) for value in by_class(svg, "chart__value")] == ["3001", "3004", "3007"]
    # The years stay years ("2001", not "2 001") in the Russian description.
    assert "1999" not in labelled_by(svg)[1] and "с 2001 г.;" in labelled_by(svg)[1]


HOSTILE = '<script>alert("x")</script>'
LONG = "A state whose name is far too long to fit in a narrow panel of the chart"


def region_groups():
    states = [SimpleNamespace(name=name) for name in ("Kazakhstan", HOSTILE, LONG, "Türkiye")]
    return [
        RegionGroup(code="143", name="Central Asia", states=states[:2]),
        RegionGroup(code="145", name="Western Asia & Co", states=states[2:]),
        RegionGroup(
            code="999", name="Nowhere in the layout", states=[SimpleNamespace(name="Solo")]
        ),
    ]


def draw_regions(groups, layout):
    chart = region_chart(groups, layout)
    context = {"chart": chart, "prefix": "regions-wide", "variant": "wide"}
    return render_to_string("members/_region_chart_svg.html", context)


@pytest.mark.parametrize("layout", [WIDE_REGION_LAYOUT, NARROW_REGION_LAYOUT])
def test_region_chart_draws_a_panel_per_region_and_a_dot_per_state(layout):
    groups = region_groups()
    svg = parse(draw_regions(groups, layout))
    assert labelled_by(svg)[0] == "Member states by region"
    assert "region-chart" in svg.get("class").split()
    assert_numbers_parse(svg)
    panels = by_class(svg, "region-chart__panel", "g")
    assert [text_of(by_class(panel, "region-chart__count")[0]) for panel in panels] == [
        str(len(group.states)) for group in groups
    ]
    for panel, group in zip(panels, groups, strict=True):
        assert len(by_class(panel, "region-chart__dot", "circle")) == len(group.states)
        assert len(by_class(panel, "region-chart__state")) == len(group.states)
        assert len(by_class(panel, "region-chart__box", "rect")) == 1
        assert len(by_class(panel, "region-chart__header", "rect")) == 1


def test_region_chart_escapes_names_and_shortens_only_what_does_not_fit():
    drawn = draw_regions(region_groups(), NARROW_REGION_LAYOUT)
    assert "<script>" not in drawn and "&lt;script&gt;" in drawn
    assert "Western Asia &amp; Co" in drawn
    svg = parse(drawn)
    states = [text_of(state) for state in by_class(svg, "region-chart__state")]
    assert states[0] == "Kazakhstan" and states[3] == "Türkiye"
    assert states[2].endswith("…") and len(states[2]) < len(LONG)
    _, description = labelled_by(svg)
    assert f" Central Asia: Kazakhstan, {HOSTILE}." in description  # whole names, as text
    assert f" Western Asia & Co: {LONG}, Türkiye." in description


def test_region_chart_without_regions_is_still_a_titled_picture():
    svg = parse(draw_regions([], WIDE_REGION_LAYOUT))
    assert labelled_by(svg)[0] == "Member states by region"
    assert by_class(svg, "region-chart__panel") == []


def test_region_chart_words_come_from_the_catalogue():
    with pseudo_translated():
        svg = parse(draw_regions(region_groups()[:1], WIDE_REGION_LAYOUT))
    title, description = labelled_by(svg)
    assert title == "«Member states by region»"
    assert description.startswith("«Member states grouped by sub-region")
    assert description.endswith("» Central Asia: Kazakhstan, " + HOSTILE + ".")


@pytest.mark.django_db
def test_the_member_list_draws_four_pictures_with_ids_of_their_own(client):
    member_state(name="Kazakhstan", iso_code="KZ", year=2001)
    member_state(name="Egypt <b>", slug="egypt", iso_code="EG", year=2004)
    html = client.get(reverse("members:list")).content.decode()
    drawings = drawings_in(html)
    assert [svg.get("aria-labelledby").split()[0] for svg in drawings] == [
        "growth-wide-title",
        "growth-narrow-title",
        "regions-wide-title",
        "regions-narrow-title",
    ]
    ids = [element.get("id") for svg in drawings for element in svg.iter() if element.get("id")]
    assert len(ids) == len(set(ids)) == 8
    for growth in drawings[:2]:
        # The chart starts at the first accession, not at a fixed year.
        assert [text_of(bar) for bar in by_class(growth, "chart__bar")][:4] == [
            "2001: 1",
            "2002: 1",
            "2003: 1",
            "2004: 2",
        ]
    for regions in drawings[2:]:
        states = [text_of(state) for state in by_class(regions, "region-chart__state")]
        assert sorted(states) == ["Egypt <b>", "Kazakhstan"]
