"""{% status_chart_svg chart prefix variant %}: one drawing of the status board chart.

The geometry comes from plans.charts; the SVG from templates/plans/_status_chart_svg.html.
"""

from django import template

register = template.Library()


@register.inclusion_tag("plans/_status_chart_svg.html")
def status_chart_svg(chart, prefix, variant):
    """``prefix`` keeps the ids of two drawings on one page apart; ``variant`` is wide or narrow."""
    return {"chart": chart, "prefix": prefix, "variant": variant}
