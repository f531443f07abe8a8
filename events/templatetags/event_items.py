"""{{ event|event_item }}: one event of an event list, written in Python.

The upcoming and past lists and a member state's page show 25 events and more; through
an included template each took about 100 us, a fifth of those pages' time.
"""

from django import template
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from core.markup import escaped
from events.models import EventStatus

register = template.Library()

CANCELLED_CLASS = " event-item--cancelled"


@register.filter
def event_item(event):
    """The <li> of one event (put it in an <ol class="event-list"> under an h2); its
    hosts' names as events.host_names.with_host_names gives them."""
    # f-strings and escaped(): format_html's own work for each of the seven
    # values cost about as much again as the item (tests/events/test_views.py).
    status = ""
    if event.status != EventStatus.SCHEDULED:
        status = (
            f' <span class="badge event-status event-status--{escaped(event.status)}">'
            f"{escaped(event.get_status_display())}</span>"
        )
    meta = escaped(event.get_kind_display())
    place = event.place_display
    if place:
        meta = f"{meta} · {escaped(place)}"
    if event.host_names:
        names = ", ".join(escaped(name) for name in event.host_names)
        meta = f"{meta} · {escaped(gettext('Hosted by'))} {names}"
    return SafeString(
        f'\n<li class="event-item{CANCELLED_CLASS if event.is_cancelled else ""}">\n'
        f'  <h3 class="event-item__title"><a href="{escaped(event.get_absolute_url())}">'
        f"{escaped(event.title)}</a></h3>\n"
        f'  <p class="event-item__when"><time datetime="{escaped(event.when_iso)}">'
        f"{escaped(event.when_display)}</time>{status}</p>\n"
        f'  <p class="event-item__meta muted">{meta}</p>\n'
        "</li>\n"
    )
