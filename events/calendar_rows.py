"""The calendar file's events read as rows, not as models.

A calendar file holds up to 200 events (events.views.CALENDAR_MAX_EVENTS). Made into
models, with every column and the snapshot Event.from_db keeps for save(), they took
about 14 us each, a fifth of the file's time (issue 7). A row holds only the columns
events.ics.event_properties reads, and answers to it with the model's own properties.
"""

from collections import namedtuple

from .models import Event, EventKind

CALENDAR_COLUMNS = (
    "pk",
    "title",
    "slug",
    "kind",
    "status",
    "start_date",
    "end_date",
    "date_precision",
    "starts_at",
    "ends_at",
    "timezone",
    "city",
    "venue",
    "summary",
    "sequence",
    "updated_at",
)
KIND_LABELS = dict(EventKind.choices)


class CalendarRow(namedtuple("CalendarRowColumns", CALENDAR_COLUMNS)):
    __slots__ = ()

    # The model's properties: they read only the columns above.
    has_known_day = Event.has_known_day
    zone = Event.zone
    local_start = Event.local_start
    local_end = Event.local_end
    place_display = Event.place_display

    def get_kind_display(self):
        return KIND_LABELS.get(self.kind, self.kind)


def calendar_rows(events):
    """The events of queryset ``events`` as CalendarRows, in its order; one query."""
    return map(CalendarRow._make, events.values_list(*CALENDAR_COLUMNS))
