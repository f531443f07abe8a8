"""The status board's chart (plans.charts.status_board_chart) written as SVG.

Same bytes as the template it replaces (tests/plans/test_chart_svg.py renders that
template, kept there, and compares).
"""

from django.utils.safestring import SafeString
from django.utils.translation import gettext

from cica_site.svg import added, number, text


def _row(row, bar_height):
    label = text(row.label)
    segments = "".join(
        f'\n        <rect x="{number(segment.x)}" y="{number(row.y)}" '
        f'width="{number(segment.width)}" height="{bar_height}" '
        f'class="status-fill status-fill--{text(segment.status)}">'
        f"<title>{label}, {text(segment.label)}: {number(segment.count)}</title></rect>\n        "
        for segment in row.segments
    )
    return (
        f'\n      <g>\n        <text x="8" y="{number(row.text_y)}" '
        f'class="chart__label status-chart__label">{label}</text>\n        {segments}\n'
        f'        <text x="{number(row.total_x)}" y="{number(row.total_y)}" '
        f'class="chart__value">{number(row.total)}</text>\n      </g>\n      '
    )


def _legend_item(item):
    return (
        f'\n      <g>\n        <rect x="{number(item.x)}" y="{number(item.y)}" width="12" '
        f'height="12" class="status-fill status-fill--{text(item.status)}"/>\n'
        f'        <text x="{added(item.x, 18)}" y="{added(item.y, 11)}" '
        f'class="chart__label">{text(item.label)}</text>\n      </g>\n      '
    )


def status_chart_svg(chart, prefix, variant):
    prefix = text(prefix)
    bar_height = number(chart.bar_height)
    totals = "".join(f" {text(row.label)}: {number(row.total)}." for row in chart.rows)
    rows = "".join(_row(row, bar_height) for row in chart.rows)
    legend = "".join(_legend_item(item) for item in chart.legend)
    description = gettext(
        "Stacked bars, one per dimension, split by status. The table above gives the same figures."
    )
    return SafeString(
        "\n\n"
        f'    <svg viewBox="0 0 {number(chart.width)} {number(chart.height)}" role="img" '
        f'aria-labelledby="{prefix}-title {prefix}-desc" '
        f'class="chart__svg picture--{text(variant)}">\n'
        f'      <title id="{prefix}-title">{text(gettext("Plans by dimension and status"))}'
        "</title>\n"
        f'      <desc id="{prefix}-desc">{text(description)}{totals}</desc>\n'
        f"      {rows}\n      {legend}\n    </svg>\n\n"
    )
