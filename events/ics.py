"""iCalendar (RFC 5545) output of events.

Choices worth knowing:
- UID is ``event-<pk>@<UID_DOMAIN>``: stable whatever host name served the feed, so a
  subscribed calendar updates an event instead of duplicating it.
- No METHOD is sent, so DTSTAMP is, per RFC 5545 3.8.7.2, the moment the event's
  information last changed: the same as LAST-MODIFIED (``Event.updated_at``). The feed is
  therefore byte-identical between two requests until an event changes.
- SEQUENCE is ``Event.sequence``, bumped by ``Event.save`` whenever public data change.
- STATUS: cancelled -> CANCELLED, postponed -> TENTATIVE, scheduled -> CONFIRMED.
- All-day events are DATE values with an exclusive DTEND (the day after the last day).
  Timed events carry TZID=<venue zone> and the calendar gets the matching VTIMEZONE.
- An empty calendar holds one VTIMEZONE (the site's zone): RFC 5545 wants a component.
- Events known only to the month or year are left out: a calendar entry needs a day, and
  spreading one over the whole month would show a month-long meeting that never was.
  The web pages still list them.
- The VEVENTs and the VCALENDAR around them are written directly as text by
  events.ics_writer, with icalendar's escaping, folding and property order: its
  objects took about 0.3 ms an event, 150 ms of a 500-event calendar. icalendar still
  works out the VTIMEZONEs, whose text each process keeps (``vtimezone``).
  tests/events/test_ics.py reads the files back with icalendar's parser.
- The events are models read with only the columns used here
  (``EventQuerySet.for_calendar``).
"""

import datetime
import functools

from django.conf import settings
from icalendar import Timezone

from . import ics_writer
from .models import EventStatus

UID_DOMAIN = getattr(settings, "EVENTS_ICS_UID_DOMAIN", "s-cica.org")
PRODID = "-//CICA Secretariat//Events//EN"
CALENDAR_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}
CONTENT_TYPE = "text/calendar; charset=utf-8"


def event_uid(event):
    return f"event-{event.pk}@{UID_DOMAIN}"


def _as_utc(moment):
    return moment.astimezone(datetime.UTC).replace(microsecond=0)


def _description(event, url):
    parts = [event.summary.strip(), url]
    if event.status == EventStatus.POSTPONED:
        parts.insert(0, str(EventStatus.POSTPONED.label))
    return "\n\n".join(part for part in parts if part)


def event_properties(event, absolute_url):
    """One VEVENT's values (the arguments of events.ics_writer.vevent, named as those of
    icalendar's ``Event.new``), or None for an event whose day is not known."""
    if not event.has_known_day:
        return None
    if event.starts_at is not None:
        start = event.local_start
        end = event.local_end
    else:
        start = event.start_date
        end = (event.end_date or event.start_date) + datetime.timedelta(days=1)
    stamp = _as_utc(event.updated_at)
    return {
        "uid": event_uid(event),
        "stamp": stamp,
        "last_modified": stamp,
        "sequence": event.sequence,
        "summary": event.title,
        "start": start,
        "end": end,
        "status": CALENDAR_STATUS.get(event.status, "CONFIRMED"),
        "location": event.place_display or None,
        "description": _description(event, absolute_url),
        "categories": [str(event.get_kind_display())],
        "url": absolute_url,
    }


def build_calendar(events, absolute_url_for, name):
    """The calendar as bytes. ``absolute_url_for(event)`` gives each event's page address."""
    components = []
    tzids = set()
    timed_years = []
    for event in events:
        properties = event_properties(event, absolute_url_for(event))
        if properties is None:
            continue
        components.append(ics_writer.vevent(**properties))
        if event.starts_at is not None:
            tzids.add(ics_writer.tzid(properties["start"]))
            tzids.add(ics_writer.tzid(properties["end"]))
            timed_years.append(event.start_date.year)
            timed_years.append((event.end_date or event.start_date).year)
    tzids.discard(None)
    if not components:
        # RFC 5545 wants at least one component: an empty calendar carries the site's zone.
        components.append(_whole_vtimezone(settings.TIME_ZONE))
    elif tzids:
        # VTIMEZONE rules only for the years the events need, not the library's 1970-2038.
        first_year = max(min(timed_years) - 1, 1)
        last_year = min(max(timed_years) + 2, 9999)
        for position, tzid in enumerate(sorted(tzids)):
            zone = vtimezone(tzid, first_year, last_year)
            if zone is not None:
                components.insert(position, zone)
    return ics_writer.vcalendar(
        prodid=PRODID,
        version="2.0",
        name=name,
        uid=f"calendar@{UID_DOMAIN}",
        components=components,
    )


@functools.lru_cache(maxsize=256)
def vtimezone(tzid, first_year, last_year):
    """The VTIMEZONE of a zone over whole years as text, or None for a zone the library
    doesn't know.

    Working out a zone's transitions takes icalendar about 30 ms, far more than the rest
    of a one-event file; the result depends only on these arguments and the installed
    zone data, so each process works it out and writes it once.
    """
    try:
        component = Timezone.from_tzid(
            tzid,
            first_date=datetime.date(first_year, 1, 1),
            last_date=datetime.date(last_year, 1, 1),
        )
    except ValueError:
        return None
    return component.to_ical()


@functools.lru_cache(maxsize=8)
def _whole_vtimezone(tzid):
    # The empty calendar's zone over the library's default years, 1970-2038.
    return Timezone.from_tzid(tzid).to_ical()
