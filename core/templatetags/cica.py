from django import template

from core.date_formats import site_date_time
from core.partial_dates import format_partial_date

register = template.Library()


@register.filter
def partial_date(value, precision):
    """A date as far as it is known: {{ plan.decided_on|partial_date:plan.precision }}."""
    return format_partial_date(value, precision)


@register.filter
def site_datetime(moment):
    """'3 March 2020, 14:05 (Asia/Almaty)': a moment in the site's zone, the zone named."""
    return site_date_time(moment) if moment else ""


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (for sort and page links)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"
