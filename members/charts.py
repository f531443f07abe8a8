"""Server-rendered SVG charts: readable without JavaScript, with a text alternative."""

from dataclasses import dataclass


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: int | None
    show_label: bool


@dataclass
class BarChart:
    width: int
    height: int
    baseline: float
    bars: list
    maximum: int


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
