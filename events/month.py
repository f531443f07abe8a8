"""The month grid's dates: weeks as rows, Monday first, events placed on every day they
cover. templates/events/event_month.html draws it."""

import calendar
import datetime
from dataclasses import dataclass, field

from django.utils.dates import MONTHS, WEEKDAYS, WEEKDAYS_ABBR

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
