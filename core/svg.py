"""Writing the site's SVG charts in Python, as their templates did, byte for byte.

A chart repeats a few elements for every state, bar or segment; rendered through the
template engine the member list's four drawings took over a third of its time (issue 7).
These helpers give what a template gives for a value inside {% localize off %}.
"""

from django.utils.formats import localize
from django.utils.html import conditional_escape


def number(value):
    """{{ value }} under {% localize off %}: '12.5', never '12,5'."""
    if type(value) is int or (type(value) is float and "e" not in repr(value)):
        return str(value)
    return conditional_escape(localize(value, use_l10n=False))


def added(value, argument):
    """{{ value|add:argument }}: whole numbers added, as the add filter does."""
    try:
        return number(int(value) + int(argument))
    except (ValueError, TypeError):
        return conditional_escape(value + argument)


text = conditional_escape


def svg_heading(indent, chart, prefix, variant, kind, title, description):
    """A chart's <svg> tag, <title> and <desc> lines as the chart templates wrote them.

    ``kind`` is the chart's own class (or ""), ``description`` HTML already escaped.
    """
    prefix = text(prefix)
    kind_class = f"{kind} " if kind else ""
    return (
        "\n\n"
        f'{indent}<svg viewBox="0 0 {number(chart.width)} {number(chart.height)}" role="img" '
        f'aria-labelledby="{prefix}-title {prefix}-desc" '
        f'class="chart__svg {kind_class}picture--{text(variant)}">\n'
        f'{indent}  <title id="{prefix}-title">{text(title)}</title>\n'
        f'{indent}  <desc id="{prefix}-desc">{description}</desc>\n'
    )
