"""The status board's stacked bar chart, laid out on the server (no JavaScript)."""

from dataclasses import dataclass, field

LABEL_WIDTH = 230
ROW_HEIGHT = 30
BAR_HEIGHT = 18
TOP = 10
LEGEND_HEIGHT = 60


@dataclass
class Segment:
    x: float
    width: float
    status: str
    label: str
    count: int


@dataclass
class ChartRow:
    label: str
    y: float
    text_y: float
    total: int
    total_x: float
    segments: list = field(default_factory=list)


@dataclass
class LegendItem:
    x: float
    y: float
    status: str
    label: str


@dataclass
class StackedChart:
    width: int
    height: int
    rows: list
    legend: list
    maximum: int
    bar_height: int = BAR_HEIGHT


def status_board_chart(rows, statuses, width=720):
    """One bar per dimension, split by status; ``rows`` as built by the status board view."""
    plot_width = width - LABEL_WIDTH - 40
    maximum = max((row["total"] for row in rows), default=0)
    scale = plot_width / maximum if maximum else 0
    chart_rows = []
    for index, row in enumerate(rows):
        y = TOP + index * ROW_HEIGHT
        x = LABEL_WIDTH
        chart_row = ChartRow(
            label=row["dimension"].name,
            y=y,
            text_y=y + BAR_HEIGHT - 4,
            total=row["total"],
            total_x=round(LABEL_WIDTH + row["total"] * scale + 6, 1),
        )
        for status, count in row["cells"]:
            if count:
                segment_width = round(count * scale, 1)
                chart_row.segments.append(
                    Segment(round(x, 1), segment_width, status.value, status.label, count)
                )
                x += segment_width
        chart_rows.append(chart_row)
    legend_top = TOP + len(rows) * ROW_HEIGHT + 14
    legend = [
        LegendItem(
            x=10 + (index % 4) * 175,
            y=legend_top + (index // 4) * 22,
            status=s.value,
            label=s.label,
        )
        for index, s in enumerate(statuses)
    ]
    height = legend_top + LEGEND_HEIGHT
    return StackedChart(width, height, chart_rows, legend, maximum)
