"""The current calendar file holds the CALENDAR_UPCOMING events ahead soonest first and the
CALENDAR_RECENT most recent past ones, however old, in date order (issue 20: a window of
"last year onward" left the demo calendar empty)."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from core.partial_dates import DatePrecision
from core.publishing import PublicationStatus
from events import views as event_views
from events.models import Event
from tests.factories import EventFactory

from .conftest import NOW

pytestmark = pytest.mark.django_db
TODAY = NOW.date()

# The events of make_events() not over (last day today or later), soonest first.
AHEAD = [
    "Long course",
    "Day 0 #6",
    "Day 0 #7",
    "Day 1 #8",
    "Ministerial",
    "Day 5 #9",
    "Day 5 #10",
    "Day 9 #11",
    "Day 400 #12",
]
# Those over, the one that ended last first (the later made first on the same day):
# however old, they are in the calendar.
BEHIND = ["Day -2 #5", "Day -2 #4", "Day -40 #3", "Day -300 #2", "Day -400 #1", "Day -9000 #0"]


def make_events():
    days = [-9000, -400, -300, -40, -2, -2, 0, 0, 1, 5, 5, 9, 400]
    events = [
        EventFactory(title=f"Day {offset} #{index}", start_date=TODAY + datetime.timedelta(offset))
        for index, offset in enumerate(days)
    ]
    # Begun before today, not over: ahead, by its start.
    EventFactory(
        title="Long course",
        start_date=TODAY - datetime.timedelta(3),
        end_date=TODAY + datetime.timedelta(2),
    )
    EventFactory(title="Draft", start_date=TODAY, publication_status=PublicationStatus.DRAFT)
    EventFactory(title="Month only", start_date=TODAY, date_precision=DatePrecision.MONTH)
    EventFactory(
        title="Old year only",
        start_date=datetime.date(2006, 1, 1),
        date_precision=DatePrecision.YEAR,
    )
    EventFactory(title="Ministerial", kind="ministerial", start_date=TODAY + datetime.timedelta(3))
    return events


def in_date_order(titles):
    events = {event.title: event for event in Event.objects.filter(title__in=titles)}
    return sorted(titles, key=lambda title: (events[title].start_date, events[title].pk))


def calendar_titles(client, **params):
    response = client.get(reverse("events:calendar_ics"), params)
    assert response.status_code == 200
    return [str(event["SUMMARY"]) for event in Calendar.from_ical(response.content).walk("VEVENT")]


@pytest.mark.parametrize(("upcoming", "recent"), [(1, 1), (3, 0), (5, 2), (9, 6), (100, 100)])
def test_the_file_holds_the_next_events_and_the_latest_past_ones_in_date_order(
    client, monkeypatch, upcoming, recent
):
    make_events()
    monkeypatch.setattr(event_views, "CALENDAR_UPCOMING", upcoming)
    monkeypatch.setattr(event_views, "CALENDAR_RECENT", recent)
    expected = in_date_order(AHEAD[:upcoming] + BEHIND[:recent])
    assert calendar_titles(client) == expected


def test_with_the_default_bounds_every_dated_public_event_is_in_and_nothing_else(client):
    make_events()
    titles = calendar_titles(client)
    assert titles == in_date_order(AHEAD + BEHIND)
    # Known only to the month or year, or a draft: on the pages, never in a calendar.
    assert not {"Month only", "Old year only", "Draft"} & set(titles)


def test_an_archive_of_only_old_events_still_fills_the_calendar(client):
    for year in (1999, 2002, 2004):
        EventFactory(title=f"Summit {year}", kind="summit", start_date=datetime.date(year, 6, 4))
    assert calendar_titles(client) == ["Summit 1999", "Summit 2002", "Summit 2004"]
    assert calendar_titles(client, kind=["summit", "ministerial"]) == [
        "Summit 1999",
        "Summit 2002",
        "Summit 2004",
    ]


@pytest.mark.parametrize("upcoming", [2, 8, 11])
def test_a_file_of_some_kinds_holds_the_nearest_of_those(client, monkeypatch, upcoming):
    make_events()
    monkeypatch.setattr(event_views, "CALENDAR_UPCOMING", upcoming)
    monkeypatch.setattr(event_views, "CALENDAR_RECENT", 2)
    ahead = [title for title in AHEAD if title != "Ministerial"]
    expected = in_date_order(ahead[:upcoming] + BEHIND[:2])
    assert calendar_titles(client, kind="summit") == expected
    assert calendar_titles(client, kind="ministerial") == ["Ministerial"]


@pytest.mark.parametrize("size", [5, 60])
def test_the_choice_and_the_rows_come_in_two_queries_at_any_scale(
    monkeypatch, django_assert_num_queries, size
):
    make_events()
    for index in range(size):
        EventFactory(title=f"Extra {index}", start_date=TODAY - datetime.timedelta(500 + index))
    monkeypatch.setattr(event_views, "CALENDAR_UPCOMING", 5)
    monkeypatch.setattr(event_views, "CALENDAR_RECENT", 1)
    with django_assert_num_queries(2):  # the keys of both halves, then the rows
        keys = event_views.calendar_event_keys(today=TODAY)
        rows = list(event_views.calendar_events(keys).values_list("title", flat=True))
    # Five events not over, soonest first, and the last one over: listed by date.
    assert rows == ["Long course", "Day -2 #5", "Day 0 #6", "Day 0 #7", "Day 1 #8", "Ministerial"]
