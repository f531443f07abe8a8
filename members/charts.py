"""Server-rendered SVG charts: readable without JavaScript, with a text alternative."""

from dataclasses import dataclass

from core.charts import fit_text, rounded, text_width


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: int | None
    show_label: bool

    @property
    def value_y(self):
        """Baseline of the figure (or "?") just above the bar."""
        return rounded(self.y - 4)


@dataclass
class BarChart:
    width: int
    height: int
    baseline: float
    bars: list
    maximum: int

    @property
    def label_y(self):
        """Baseline of the year labels, below the bars."""
        return self.height - 8


def growth_chart(points, width=720, height=240, padding=28):
    """Lay out one bar per year; the template draws them."""
    if not points:
        return BarChart(width, height, height - padding, [], 0)
    maximum = max((value for _, value in points if value is not None), default=0) or 1
    slot = (width - 2 * padding) / len(points)
    usable_height = height - 2 * padding
    bars = []
    for index, (year, value) in enumerate(points):
        bar_height = usable_height * (value or 0) / maximum
        bars.append(
            Bar(
                x=round(padding + index * slot + slot * 0.15, 1),
                y=round(height - padding - bar_height, 1),
                width=round(slot * 0.7, 1),
                height=round(bar_height, 1),
                label=str(year),
                value=value,
                show_label=index % 3 == 0 or index == len(points) - 1,
            )
        )
    return BarChart(width, height, height - padding, bars, maximum)


# The regional grouping: one panel per UN sub-region, placed roughly where the region lies
# (west to east, north to south). A schematic, not a map: no borders, no tiles.
@dataclass(frozen=True)
class RegionLayout:
    width: int
    columns: int
    positions: dict  # M49 code -> (row, column)
    gap: int = 12


WIDE_REGION_LAYOUT = RegionLayout(
    width=720,
    columns=4,
    positions={
        "151": (0, 1),
        "143": (0, 2),
        "030": (0, 3),
        "015": (1, 0),
        "145": (1, 1),
        "034": (1, 2),
        "035": (1, 3),
    },
)
NARROW_REGION_LAYOUT = RegionLayout(
    width=360,
    columns=2,
    gap=10,
    positions={
        "151": (0, 0),
        "143": (0, 1),
        "145": (1, 0),
        "034": (1, 1),
        "015": (2, 0),
        "030": (2, 1),
        "035": (3, 1),
    },
)
PANEL_HEADER = 28
PANEL_PADDING = 8
STATE_LINE = 19
STATE_FONT = 13


@dataclass
class StateLabel:
    name: str
    text: str
    x: float
    y: float
    dot_x: float
    dot_y: float


@dataclass
class RegionPanel:
    code: str
    name: str
    count: int
    x: float
    y: float
    width: float
    height: float
    title: str
    title_x: float
    title_y: float
    count_x: float
    states: list

    @property
    def state_names(self):
        return [state.name for state in self.states]


@dataclass
class RegionChart:
    width: int
    height: float
    panels: list


def _place(groups, layout):
    """{code: (row, column)}: the layout's place, else the first free cell."""
    places = {}
    taken = {layout.positions[g.code] for g in groups if g.code in layout.positions}
    free = ((row, col) for row in range(len(groups) + 4) for col in range(layout.columns))
    for group in groups:
        if group.code in layout.positions:
            places[group.code] = layout.positions[group.code]
            continue
        cell = next(cell for cell in free if cell not in taken)
        taken.add(cell)
        places[group.code] = cell
    return places


def _panel_height(group):
    return PANEL_HEADER + 2 * PANEL_PADDING + len(group.states) * STATE_LINE


def region_chart(groups, layout=WIDE_REGION_LAYOUT):
    """Lay out the panels of ``members.regions.group_by_subregion`` for one layout."""
    places = _place(groups, layout)
    column_width = (layout.width - (layout.columns - 1) * layout.gap) / layout.columns
    rows = sorted({row for row, _ in places.values()})
    row_height = {
        row: max(_panel_height(g) for g in groups if places[g.code][0] == row) for row in rows
    }
    row_top, top = {}, 0
    for row in rows:  # rows without a region take no room
        row_top[row] = top
        top += row_height[row] + layout.gap
    panels = []
    for group in groups:
        row, column = places[group.code]
        x = rounded(column * (column_width + layout.gap))
        y = row_top[row]
        text_room = column_width - 2 * PANEL_PADDING - 14
        panels.append(
            RegionPanel(
                code=group.code,
                name=str(group.name),
                count=len(group.states),
                x=x,
                y=y,
                width=rounded(column_width),
                height=row_height[row],
                title=fit_text(
                    group.name,
                    column_width - 2 * PANEL_PADDING - text_width(len(group.states), 13) - 6,
                    13,
                ),
                title_x=rounded(x + PANEL_PADDING),
                title_y=y + 19,
                count_x=rounded(x + column_width - PANEL_PADDING),
                states=[
                    StateLabel(
                        name=state.name,
                        text=fit_text(state.name, text_room, STATE_FONT),
                        x=rounded(x + PANEL_PADDING + 14),
                        y=y + PANEL_HEADER + PANEL_PADDING + index * STATE_LINE + 14,
                        dot_x=rounded(x + PANEL_PADDING + 4),
                        dot_y=y + PANEL_HEADER + PANEL_PADDING + index * STATE_LINE + 9.5,
                    )
                    for index, state in enumerate(group.states)
                ],
            )
        )
    return RegionChart(layout.width, max(top - layout.gap, 0), panels)
