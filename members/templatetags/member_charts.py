"""{% region_chart_svg chart prefix variant %} and {% growth_chart_svg ... %}."""

from django import template

from members import chart_svg

register = template.Library()
register.simple_tag(chart_svg.region_chart_svg, name="region_chart_svg")
register.simple_tag(chart_svg.growth_chart_svg, name="growth_chart_svg")
