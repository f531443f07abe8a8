"""Dates that may be known only to the month or the year.

A partial date is stored as a real ``date`` (the first day of what is known)
plus a precision, so it still sorts and filters, but it is shown only as far as
it is known: "2010", not a made-up "1 January 2010".
"""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.date_formats import full_date, month_and_year, year_only


class DatePrecision(models.TextChoices):
    DAY = "day", _("exact day")
    MONTH = "month", _("month only")
    YEAR = "year", _("year only")
    BY_YEAR = "by_year", _("by that year (exact date unknown)")


def format_partial_date(value, precision):
    """The date as far as it is known, in the site's one format for each kind of date
    (core.date_formats): "3 March 2020", "March 2020", "2020", "by 2020"."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return year_only(value)
    if precision == DatePrecision.BY_YEAR:
        return _("by %(year)s") % {"year": value.year}
    if precision == DatePrecision.MONTH:
        return month_and_year(value)
    return full_date(value)


def normalise_partial_date(value, precision):
    """The canonical stored date for a precision: the first day of the known period."""
    if value is None:
        return None
    if precision in (DatePrecision.YEAR, DatePrecision.BY_YEAR):
        return datetime.date(value.year, 1, 1)
    if precision == DatePrecision.MONTH:
        return datetime.date(value.year, value.month, 1)
    return value


def parse_partial_date(text):
    """'2010', '2023-12' or '2008-08-23' -> (date, precision)."""
    text = str(text).strip()
    parts = text.split("-")
    if len(parts) == 1:
        return datetime.date(int(parts[0]), 1, 1), DatePrecision.YEAR
    if len(parts) == 2:
        return datetime.date(int(parts[0]), int(parts[1]), 1), DatePrecision.MONTH
    return datetime.date.fromisoformat(text), DatePrecision.DAY
