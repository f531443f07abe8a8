"""Member states grouped by UN sub-region, and the schematic drawing of the groups."""

from types import SimpleNamespace

from members.charts import NARROW_REGION_LAYOUT, WIDE_REGION_LAYOUT, region_chart
from members.regions import group_by_subregion


def states(*pairs):
    return [SimpleNamespace(name=name, iso_code=code) for name, code in pairs]


def test_states_are_grouped_by_m49_subregion_west_to_east():
    groups = group_by_subregion(
        states(
            ("Vietnam", "VN"),
            ("Egypt", "EG"),
            ("Kazakhstan", "KZ"),
            ("Iran", "IR"),
            ("Turkey", "TR"),
            ("Russia", "RU"),
            ("Azerbaijan", "AZ"),
        )
    )
    assert [(str(g.name), [s.name for s in g.states]) for g in groups] == [
        ("Northern Africa", ["Egypt"]),
        ("Eastern Europe", ["Russia"]),
        ("Western Asia", ["Azerbaijan", "Turkey"]),
        ("Central Asia", ["Kazakhstan"]),
        ("Southern Asia", ["Iran"]),  # the UN classes Iran in Southern Asia
        ("South-eastern Asia", ["Vietnam"]),
    ]


def test_a_state_without_a_known_code_is_not_guessed():
    groups = group_by_subregion(states(("Atlantis", ""), ("Utopia", "XX"), ("Qatar", "qa")))
    assert [(g.code, [s.name for s in g.states]) for g in groups] == [
        ("145", ["Qatar"]),
        ("unclassified", ["Atlantis", "Utopia"]),
    ]


def test_wide_layout_places_regions_roughly_where_they_lie():
    groups = group_by_subregion(
        states(("Egypt", "EG"), ("Russia", "RU"), ("Iraq", "IQ"), ("Jordan", "JO"), ("China", "CN"))
    )
    chart = region_chart(groups, WIDE_REGION_LAYOUT)
    panels = {panel.name: panel for panel in chart.panels}
    column_width = (720 - 3 * 12) / 4
    # Eastern Europe above Western Asia, Northern Africa to its left, Eastern Asia far right.
    assert panels["Eastern Europe"].x == panels["Western Asia"].x == round(column_width + 12, 1)
    assert panels["Eastern Europe"].y == 0
    assert panels["Western Asia"].y == panels["Northern Africa"].y > panels["Eastern Europe"].y
    assert panels["Northern Africa"].x == 0
    assert panels["Eastern Asia"].x == round(3 * (column_width + 12), 1)
    assert chart.width == 720


def test_panels_grow_with_their_states_and_a_row_shares_one_height():
    groups = group_by_subregion(
        states(("Egypt", "EG"), ("Iraq", "IQ"), ("Jordan", "JO"), ("Qatar", "QA"), ("Iran", "IR"))
    )
    chart = region_chart(groups, WIDE_REGION_LAYOUT)
    panels = {panel.name: panel for panel in chart.panels}
    west = panels["Western Asia"]
    # header 28 + padding 2 x 8 + three lines of 19
    assert west.height == 28 + 16 + 3 * 19
    assert panels["Northern Africa"].height == panels["Southern Asia"].height == west.height
    assert [s.name for s in west.states] == ["Iraq", "Jordan", "Qatar"]
    assert [s.y for s in west.states] == [west.y + 50, west.y + 69, west.y + 88]
    assert west.count == 3
    # Only the second layout row is used: the drawing is one row high.
    assert chart.height == west.height


def test_narrow_layout_uses_two_columns_and_keeps_every_state():
    groups = group_by_subregion(
        states(("Egypt", "EG"), ("Russia", "RU"), ("Iraq", "IQ"), ("Iran", "IR"), ("China", "CN"))
    )
    chart = region_chart(groups, NARROW_REGION_LAYOUT)
    assert chart.width == 360
    assert {panel.x for panel in chart.panels} == {0, 185.0}
    assert sorted(s.name for p in chart.panels for s in p.states) == [
        "China",
        "Egypt",
        "Iran",
        "Iraq",
        "Russia",
    ]
    assert all(panel.x + panel.width <= 360 for panel in chart.panels)


def test_a_region_without_a_place_in_the_layout_takes_a_free_cell():
    groups = group_by_subregion(states(("Atlantis", ""), ("Egypt", "EG")))
    chart = region_chart(groups, WIDE_REGION_LAYOUT)
    cells = {(panel.x, panel.y) for panel in chart.panels}
    assert len(cells) == 2  # no two panels on top of each other


def test_long_names_are_shortened_to_fit_their_panel():
    groups = group_by_subregion(states(("The Very Long Official Name of a State", "JO")))
    label = region_chart(groups, WIDE_REGION_LAYOUT).panels[0].states[0]
    assert label.name == "The Very Long Official Name of a State"
    assert label.text.endswith("…") and len(label.text) < len(label.name)
