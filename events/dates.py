"""How an event's dates read on the page: as far as they are known, in the venue's zone.

A timed event shows the wall-clock time at the venue with the UTC offset and the zone name
("4 June 2030, 14:00–16:00 (UTC+05:00, Asia/Almaty)"), so that nobody has to guess whose
14:00 it is. An all-day event shows its days, a month-only event only its month.
"""

from django.utils.translation import gettext as _

from core.date_formats import clock_time, day_and_month, full_date
from core.partial_dates import DatePrecision, format_partial_date

DASH = "\N{EN DASH}"


def utc_offset_label(moment):
    """'UTC+05:00' for an aware datetime (minutes kept: India is UTC+05:30)."""
    minutes = int(moment.utcoffset().total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, minutes = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


format_day = full_date


def format_day_range(start, end):
    """'4 June 2030', '4–6 June 2030', '30 June – 2 July 2030', '30 Dec 2030 – 2 Jan 2031'."""
    if not end or end == start:
        return format_day(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}{DASH}{format_day(end)}"
    if start.year == end.year:
        return f"{day_and_month(start)} {DASH} {format_day(end)}"
    return f"{format_day(start)} {DASH} {format_day(end)}"


# The wall-clock time at the venue, as it is: the venue's zone is named beside it.
format_time = clock_time


def describe_when(event):
    if event.starts_at is None:
        if event.date_precision == DatePrecision.DAY:
            return format_day_range(event.start_date, event.end_date)
        return format_partial_date(event.start_date, event.date_precision)
    return _describe_timed(event)


def _describe_timed(event):
    start, end = event.local_start, event.local_end
    zone_name = event.timezone
    if end is None:
        return f"{format_day(start)}, {format_time(start)} ({utc_offset_label(start)}, {zone_name})"
    same_offset = start.utcoffset() == end.utcoffset()
    if start.date() == end.date() and same_offset:
        return (
            f"{format_day(start)}, {format_time(start)}{DASH}{format_time(end)} "
            f"({utc_offset_label(start)}, {zone_name})"
        )
    if same_offset:
        return (
            f"{format_day(start)}, {format_time(start)} {DASH} "
            f"{format_day(end)}, {format_time(end)} ({utc_offset_label(start)}, {zone_name})"
        )
    # Daylight saving time changes during the event: each end gets its own offset.
    return _("%(start)s (%(start_offset)s) – %(end)s (%(end_offset)s), %(zone)s") % {
        "start": f"{format_day(start)}, {format_time(start)}",
        "start_offset": utc_offset_label(start),
        "end": f"{format_day(end)}, {format_time(end)}",
        "end_offset": utc_offset_label(end),
        "zone": zone_name,
    }


def machine_date(event):
    """A valid HTML <time datetime> value for the start, as precise as it is known."""
    if event.starts_at is not None:
        return event.local_start.isoformat(timespec="minutes")
    if event.date_precision == DatePrecision.MONTH:
        return event.start_date.strftime("%Y-%m")
    if event.date_precision in (DatePrecision.YEAR, DatePrecision.BY_YEAR):
        return f"{event.start_date.year:04d}"
    return event.start_date.isoformat()
