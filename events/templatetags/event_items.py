"""{{ event|event_item }}: one event of an event list, written in Python.

The upcoming and past lists and a member state's page show 25 events and more; through
an included template each took about 100 us, a fifth of those pages' time.
"""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from events.models import EventStatus

register = template.Library()

CANCELLED_CLASS = SafeString(" event-item--cancelled")


@register.filter
def event_item(event):
    """The <li> of one event (put it in an <ol class="event-list"> under an h2); its
    hosts as prefetched by the view."""
    status = ""
    if event.status != EventStatus.SCHEDULED:
        status = format_html(
            ' <span class="badge event-status event-status--{}">{}</span>',
            event.status,
            event.get_status_display(),
        )
    meta = format_html("{}", event.get_kind_display())
    if event.place_display:
        meta = format_html("{} · {}", meta, event.place_display)
    hosts = event.hosts.all()
    if hosts:
        names = format_html_join(", ", "{}", ((host.name,) for host in hosts))
        meta = format_html("{} · {} {}", meta, gettext("Hosted by"), names)
    return format_html(
        '\n<li class="event-item{}">\n'
        '  <h3 class="event-item__title"><a href="{}">{}</a></h3>\n'
        '  <p class="event-item__when"><time datetime="{}">{}</time>{}</p>\n'
        '  <p class="event-item__meta muted">{}</p>\n'
        "</li>\n",
        CANCELLED_CLASS if event.is_cancelled else "",
        event.get_absolute_url(),
        event.title,
        event.when_iso,
        event.when_display,
        status,
        meta,
    )
