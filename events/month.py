"""The month grid: weeks as rows, Monday first, events placed on every day they cover."""

import calendar
import datetime
from dataclasses import dataclass, field

from django.utils.dates import MONTHS, WEEKDAYS, WEEKDAYS_ABBR
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString

from core.markup import escaped

from .models import EventStatus

# CICA dates from 1992. Bounding the calendar keeps every grid within datetime.date's range
# and ends the previous/next chain that crawlers would otherwise follow for ever.
FIRST_YEAR, LAST_YEAR = 1900, 2199


@dataclass
class Day:
    date: datetime.date
    in_month: bool
    is_today: bool
    events: list = field(default_factory=list)

    @property
    def iso(self):
        return self.date.isoformat()


def month_or_none(year, month):
    """The first day of the month, or None when the year or month cannot be shown."""
    if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12):
        return None
    return datetime.date(year, month, 1)


def previous_month(first):
    if first.month == 1:
        return month_or_none(first.year - 1, 12)
    return first.replace(month=first.month - 1)


def next_month(first):
    if first.month == 12:
        return month_or_none(first.year + 1, 1)
    return first.replace(month=first.month + 1)


def month_grid(first, events, today):
    """Weeks (lists of seven Days) of the month starting on ``first``.

    ``events`` have a known day; each goes on the days of this month it covers. Days of the
    neighbouring months fill the first and last weeks and stay empty.
    """
    weeks = [
        [Day(date=day, in_month=day.month == first.month, is_today=day == today) for day in week]
        for week in calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(
            first.year, first.month
        )
    ]
    days_by_date = {day.date: day for week in weeks for day in week if day.in_month}
    for event in events:
        day = max(event.start_date, first)
        last = event.end_date or event.start_date
        while day <= last and day in days_by_date:
            days_by_date[day].events.append(event)
            day += datetime.timedelta(days=1)
    return weeks


def weekday_headers():
    """(full name, abbreviation) Monday to Sunday, translated."""
    return [(WEEKDAYS[index], WEEKDAYS_ABBR[index]) for index in range(7)]


def month_name(first):
    return MONTHS[first.month]


CANCELLED_CLASS = SafeString(' class="is-cancelled"')


def event_item_html(event):
    """The <li> naming an event, as the grid and the day-by-day list both show it.

    Written once per event in Python: a busy month lists a hundred events twice, and
    through the template each took about 30 us, a third of the page's time.
    """
    status = ""
    if event.status != EventStatus.SCHEDULED:
        status = format_html(' <span class="muted">({})</span>', event.get_status_display())
    return format_html(
        '<li{}><a href="{}">{}</a>{}</li>',
        CANCELLED_CLASS if event.is_cancelled else "",
        event.get_absolute_url(),
        event.title,
        status,
    )


# The grid's rows and the day-by-day list, written in Python: through the template's
# nested loops the 42 cells of a month took 40% of the page's time. The bytes are those
# the template gave (tests/events/test_month_html.py compares them).
DAY_CLASS = "month-calendar__day"
OUTSIDE_CLASS = " month-calendar__day--outside"
BUSY_CLASS = " month-calendar__day--busy"
TODAY = ' aria-current="date"'


def _event_items(day):
    return "".join(event.item_html for event in day.events)


def _grid_cell(day):
    if day.in_month:
        number = str(day.date.day)
    else:
        number = (
            f'<span class="visually-hidden">{escaped(date_format(day.date, "j F"))}'
            f'</span><span aria-hidden="true">{day.date.day}</span>'
        )
    events = ""
    if day.events:
        events = f'<ul class="month-calendar__events">{_event_items(day)}</ul>'
    return (
        f'\n      <td class="{DAY_CLASS}{"" if day.in_month else OUTSIDE_CLASS}'
        f'{BUSY_CLASS if day.events else ""}"{TODAY if day.is_today else ""}>\n'
        f'        <time class="month-calendar__date" datetime="{day.iso}">{number}</time>\n'
        f"        {events}\n      </td>\n      "
    )


def grid_rows_html(weeks):
    """The <tr> of each week of the grid (inside its <tbody>)."""
    rows = (
        "\n    <tr>\n      " + "".join(_grid_cell(day) for day in week) + "\n    </tr>\n    "
        for week in weeks
    )
    return SafeString("".join(rows))


def agenda_html(weeks):
    """The <li> of each day of the month with events, for the day-by-day list."""
    items = (
        '\n    <li class="month-agenda__day">\n'
        f'      <time class="month-agenda__date" datetime="{day.iso}">'
        f"{escaped(date_format(day.date, 'l j F'))}</time>\n"
        f'      <ul class="month-agenda__events">{_event_items(day)}</ul>\n'
        "    </li>\n    "
        for week in weeks
        for day in week
        if day.in_month and day.events
    )
    return SafeString("".join(items))
