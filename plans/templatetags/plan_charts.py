"""{% status_chart_svg chart prefix variant %}."""

from django import template

from plans import chart_svg

register = template.Library()
register.simple_tag(chart_svg.status_chart_svg, name="status_chart_svg")
