"""The status board's chart (plans.charts.status_board_chart) written as SVG.

Same bytes as the template it replaces (tests/plans/test_chart_svg.py renders that
template, kept there, and compares).
"""

from django.utils.safestring import SafeString
from django.utils.translation import gettext

from core.svg import added, number, svg_heading, text


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
    bar_height = number(chart.bar_height)
    totals = "".join(f" {text(row.label)}: {number(row.total)}." for row in chart.rows)
    rows = "".join(_row(row, bar_height) for row in chart.rows)
    legend = "".join(_legend_item(item) for item in chart.legend)
    description = gettext(
        "Stacked bars, one per dimension, split by status. The table above gives the same figures."
    )
    heading = svg_heading(
        "    ",
        chart,
        prefix,
        variant,
        "",
        gettext("Plans by dimension and status"),
        text(description) + totals,
    )
    return SafeString(f"{heading}      {rows}\n      {legend}\n    </svg>\n\n")


def _timeline_mark(mark):
    status = text(mark.status)
    if mark.shape == "point":
        drawn = (
            f'<circle cx="{number(mark.x)}" cy="{number(mark.y)}" r="7" '
            f'class="status-fill status-fill--{status}"/>'
        )
    elif mark.shape == "span":
        drawn = (
            f'<rect x="{number(mark.x)}" y="{number(mark.bar_y)}" width="{number(mark.width)}" '
            f'height="12" rx="3" class="status-fill status-fill--{status}"/>'
        )
    else:
        drawn = (
            f'<line x1="{number(mark.x)}" x2="{number(mark.x_end)}" y1="{number(mark.y)}" '
            f'y2="{number(mark.y)}" class="timeline-chart__unknown"/>\n'
            f'      <path d="{text(mark.start_cap)}" class="timeline-chart__cap"/>\n'
            f'      <path d="{text(mark.end_cap)}" class="timeline-chart__cap"/>'
        )
    return (
        f'\n    <g class="timeline-chart__step timeline-chart__step--{text(mark.shape)}">\n'
        f'      <text x="{number(mark.text_x)}" y="{number(mark.text_y)}" '
        f'class="timeline-chart__label">{text(mark.label)}</text>\n'
        f"      \n      {drawn}\n      \n    </g>\n    "
    )


def timeline_svg(timeline, prefix, variant):
    """One drawing of a plan's time line (plans.charts.status_timeline_chart)."""
    # As {% blocktranslate %}: the values are escaped, the translations are not.
    span = gettext("From %(first)s to %(last)s.") % {
        "first": text(f"{timeline.first_year:d}"),
        "last": text(f"{timeline.last_year:d}"),
    }
    steps = "".join(
        " "
        + gettext("Step %(step)s, %(description)s.")
        % {"step": number(mark.step), "description": text(mark.description)}
        for mark in timeline.marks
    )
    ticks = "".join(
        f'\n    <line x1="{number(x)}" x2="{number(x)}" y1="0" y2="{number(timeline.axis_y)}" '
        f'class="timeline-chart__grid"/>\n'
        f'    <text x="{number(x)}" y="{number(timeline.tick_label_y)}" text-anchor="middle" '
        f'class="chart__label timeline-chart__year">{number(year)}</text>\n    '
        for x, year in timeline.ticks
    )
    marks = "".join(_timeline_mark(mark) for mark in timeline.marks)
    details = text(gettext("The list below gives the details."))
    heading = svg_heading(
        "  ",
        timeline,
        prefix,
        variant,
        "timeline-chart",
        gettext("Time line of the status decisions"),
        f"{span}{steps} {details}",
    )
    return SafeString(
        f"{heading}    {ticks}\n"
        f'    <line x1="{number(timeline.left)}" x2="{number(timeline.right)}" '
        f'y1="{number(timeline.axis_y)}" y2="{number(timeline.axis_y)}" class="chart__axis"/>\n'
        f"    {marks}\n  </svg>\n\n"
    )
