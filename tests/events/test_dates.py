import datetime
import zoneinfo

import pytest

from events.dates import format_day_range, utc_offset_label
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def timed(zone_name, start, end=None):
    zone = zoneinfo.ZoneInfo(zone_name)
    return EventFactory(
        timezone=zone_name,
        starts_at=start.replace(tzinfo=zone),
        ends_at=end.replace(tzinfo=zone) if end else None,
    )


def test_almaty_event_shows_wall_time_with_utc_offset_and_zone():
    event = timed(
        "Asia/Almaty", datetime.datetime(2030, 6, 4, 14), datetime.datetime(2030, 6, 4, 16)
    )
    assert event.when_display == "4 June 2030, 14:00–16:00 (UTC+05:00, Asia/Almaty)"
    assert event.when_iso == "2030-06-04T14:00+05:00"


def test_time_stays_the_venue_time_whatever_the_site_zone(settings):
    event = timed("Asia/Almaty", datetime.datetime(2030, 6, 4, 14))
    settings.TIME_ZONE = "America/New_York"
    event.refresh_from_db()
    assert "14:00 (UTC+05:00, Asia/Almaty)" in event.when_display


@pytest.mark.parametrize(
    "month, label",
    [(1, "09:30 (UTC-05:00, America/New_York)"), (7, "09:30 (UTC-04:00, America/New_York)")],
)
def test_daylight_saving_zone_offset_follows_the_date(month, label):
    event = timed("America/New_York", datetime.datetime(2030, month, 15, 9, 30))
    assert event.when_display.endswith(label)


def test_an_event_across_a_daylight_saving_change_shows_both_offsets():
    # Europe/Berlin leaves summer time on 27 October 2030.
    event = timed(
        "Europe/Berlin", datetime.datetime(2030, 10, 26, 10), datetime.datetime(2030, 10, 28, 12)
    )
    text = event.when_display
    assert "26 October 2030, 10:00 (UTC+02:00)" in text
    assert "28 October 2030, 12:00 (UTC+01:00)" in text
    assert text.endswith("Europe/Berlin")


def test_half_hour_offsets_are_kept():
    moment = datetime.datetime(2030, 1, 1, 12, tzinfo=zoneinfo.ZoneInfo("Asia/Kolkata"))
    assert utc_offset_label(moment) == "UTC+05:30"
    assert utc_offset_label(datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC)) == "UTC+00:00"


def test_multi_day_timed_event():
    event = timed("Asia/Baku", datetime.datetime(2030, 6, 4, 10), datetime.datetime(2030, 6, 5, 13))
    assert event.when_display == "4 June 2030, 10:00 – 5 June 2030, 13:00 (UTC+04:00, Asia/Baku)"


@pytest.mark.parametrize(
    "start, end, text",
    [
        (datetime.date(2030, 6, 4), None, "4 June 2030"),
        (datetime.date(2030, 6, 4), datetime.date(2030, 6, 6), "4–6 June 2030"),
        (datetime.date(2030, 6, 30), datetime.date(2030, 7, 2), "30 June – 2 July 2030"),
        (
            datetime.date(2030, 12, 30),
            datetime.date(2031, 1, 2),
            "30 December 2030 – 2 January 2031",
        ),
    ],
)
def test_all_day_ranges(start, end, text):
    assert format_day_range(start, end) == text
    event = EventFactory(start_date=start, end_date=end)
    assert event.is_all_day
    assert event.when_display == text
    assert event.when_iso == start.isoformat()


@pytest.mark.parametrize(
    "date, precision, text, iso",
    [
        (datetime.date(2010, 6, 1), "month", "June 2010", "2010-06"),
        (datetime.date(2006, 1, 1), "year", "2006", "2006"),
    ],
)
def test_partly_known_dates_show_only_what_is_known(date, precision, text, iso):
    event = EventFactory(start_date=date, date_precision=precision)
    assert event.when_display == text
    assert event.when_iso == iso
