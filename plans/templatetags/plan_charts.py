"""{% status_chart_svg chart prefix variant %} and {% timeline_svg timeline prefix variant %}."""

from django import template

from plans import chart_svg

register = template.Library()
register.simple_tag(chart_svg.status_chart_svg, name="status_chart_svg")
register.simple_tag(chart_svg.timeline_svg, name="timeline_svg")
