"""One way of writing each kind of date, for code and templates alike.

The patterns are the named formats of cica_site/formats/<language>/formats.py
(FORMAT_MODULE_PATH), so English reads "3 March 2020", "March 2020", "2020" and Russian in
its own grammar. Code asks for a kind of date here, templates for the same named formats
(``|date:"YEAR_MONTH_FORMAT"``, ``{{ day }}``) or the filters of core/templatetags/cica.py;
neither writes a pattern of its own.

A moment (a date-time) is shown in the site's time zone (settings.TIME_ZONE) with the zone
named, "3 March 2020, 14:05 (Asia/Almaty)": staff compare the time in a message with the
times of the History page, and a time without its zone is a guess.
"""

from django.utils import formats, timezone
from django.utils.translation import pgettext


def full_date(value):
    """'3 March 2020'."""
    return formats.date_format(value, "DATE_FORMAT")


def month_and_year(value):
    """'March 2020'."""
    return formats.date_format(value, "YEAR_MONTH_FORMAT")


def year_only(value):
    """'2020' (Russian writes a year alone as a date: '2020 г.')."""
    return pgettext("a date known only to the year", "%(year)s") % {"year": value.year}


def day_and_month(value):
    """'3 March', for the first day of a range within one year."""
    return formats.date_format(value, "MONTH_DAY_FORMAT")


def clock_time(value):
    """'14:05' of a time or of a date-time as it is (no zone conversion)."""
    return formats.time_format(value, "TIME_FORMAT")


def site_zone_name():
    """The zone the site shows moments in, by name ('Asia/Almaty')."""
    return timezone.get_current_timezone_name()


def site_date_time(moment):
    """'3 March 2020, 14:05 (Asia/Almaty)': an aware moment in the site's zone, named."""
    local = timezone.localtime(moment)
    return f"{formats.date_format(local, 'DATETIME_FORMAT')} ({site_zone_name()})"


def site_time(moment):
    """'14:05 (Asia/Almaty)': the time of an aware moment in the site's zone, named."""
    return f"{clock_time(timezone.localtime(moment))} ({site_zone_name()})"
