"""The member list's charts (members.charts) written as SVG.

Same bytes as the templates they replace (tests/members/test_chart_svg.py renders those
templates, kept there, and compares).
"""

from django.utils.safestring import SafeString
from django.utils.translation import gettext

from core.svg import added, number, svg_heading, text


def region_chart_svg(chart, prefix, variant):
    states_by_region = "".join(
        f" {text(panel.name)}: {', '.join(text(state.name) for state in panel.states)}."
        for panel in chart.panels
    )
    panels = "".join(
        f'\n  <g class="region-chart__panel">\n'
        f'    <rect x="{number(panel.x)}" y="{number(panel.y)}" width="{number(panel.width)}" '
        f'height="{number(panel.height)}" rx="4" class="region-chart__box"/>\n'
        f'    <rect x="{number(panel.x)}" y="{number(panel.y)}" width="{number(panel.width)}" '
        f'height="28" rx="4" class="region-chart__header"/>\n'
        f'    <text x="{number(panel.title_x)}" y="{number(panel.title_y)}" '
        f'class="region-chart__title">{text(panel.title)}</text>\n'
        f'    <text x="{number(panel.count_x)}" y="{number(panel.title_y)}" text-anchor="end" '
        f'class="region-chart__count">{number(panel.count)}</text>\n    '
        + "".join(
            f'\n    <circle cx="{number(state.dot_x)}" cy="{number(state.dot_y)}" r="3.5" '
            f'class="region-chart__dot"/>\n'
            f'    <text x="{number(state.x)}" y="{number(state.y)}" '
            f'class="region-chart__state">{text(state.text)}</text>\n    '
            for state in panel.states
        )
        + "\n  </g>\n  "
        for panel in chart.panels
    )
    description = text(
        gettext(
            "Member states grouped by sub-region of the United Nations geoscheme, "
            "each region placed roughly where it lies."
        )
    )
    heading = svg_heading(
        "",
        chart,
        prefix,
        variant,
        "region-chart",
        gettext("Member states by region"),
        description + states_by_region,
    )
    return SafeString(f"{heading}  {panels}\n</svg>\n\n")


def _bar(bar, chart):
    if bar.value is None:
        drawn = f'<text x="{number(bar.x)}" y="{added(bar.y, "-4")}" class="chart__value">?</text>'
    else:
        drawn = (
            f'<rect x="{number(bar.x)}" y="{number(bar.y)}" width="{number(bar.width)}" '
            f'height="{number(bar.height)}" class="chart__bar">'
            f"<title>{text(bar.label)}: {number(bar.value)}</title></rect>"
        )
    labels = ""
    if bar.show_label:
        labels = (
            f'<text x="{number(bar.x)}" y="{added(chart.height, "-8")}" '
            f'class="chart__label">{text(bar.label)}</text>\n      '
        )
        if bar.value is not None:
            labels += (
                f'<text x="{number(bar.x)}" y="{added(bar.y, "-4")}" '
                f'class="chart__value">{number(bar.value)}</text>'
            )
    return f"\n    <g>\n      {drawn}\n      {labels}\n    </g>\n    "


def growth_chart_svg(chart, growth, prefix, variant):
    first = growth[0][0] if growth else ""
    # As {% blocktranslate %}: the values are escaped, the translation is not.
    description = gettext(
        "Bar chart of the number of CICA member states each year from %(first)s; the "
        "highest is %(count)s. The table below gives the figures."
    ) % {"first": number(first), "count": number(chart.maximum)}
    bars = "".join(_bar(bar, chart) for bar in chart.bars)
    heading = svg_heading(
        "  ", chart, prefix, variant, "", gettext("Member states by year"), description
    )
    return SafeString(
        f'{heading}    <line x1="20" x2="{number(chart.width)}" y1="{number(chart.baseline)}" '
        f'y2="{number(chart.baseline)}" class="chart__axis"/>\n'
        f"    {bars}\n  </svg>\n\n"
    )
