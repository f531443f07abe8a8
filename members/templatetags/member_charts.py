"""The member list's drawings: {% growth_chart_svg %} and {% region_chart_svg %}.

The geometry comes from members.charts; the SVG from the templates named below.
``prefix`` keeps the ids of two drawings on one page apart; ``variant`` is wide or narrow.
"""

from django import template

register = template.Library()


@register.inclusion_tag("members/_growth_chart_svg.html")
def growth_chart_svg(chart, growth, prefix, variant):
    """``growth``: the (year, count) points the chart was laid out from."""
    return {"chart": chart, "growth": growth, "prefix": prefix, "variant": variant}


@register.inclusion_tag("members/_region_chart_svg.html")
def region_chart_svg(chart, prefix, variant):
    return {"chart": chart, "prefix": prefix, "variant": variant}
