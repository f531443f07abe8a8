"""The current calendar file holds the CALENDAR_MAX_EVENTS events nearest to today: every
event not over, soonest first, then the most recent ones, in date order."""

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

# The events of make_events() nearest to today, nearest first: those not over (last day
# today or later) soonest first, then those over, most recent first. Not in the window:
# the event of 2027 (before 1 January of last year), the draft and the month-only one.
NEAREST = [
    "Long course",
    "Day 0 #6",
    "Day 0 #7",
    "Day 1 #8",
    "Ministerial",
    "Day 5 #9",
    "Day 5 #10",
    "Day 9 #11",
    "Day 400 #12",
    "Day -2 #4",
    "Day -2 #5",
    "Day -40 #3",
    "Day -300 #2",
    "Day -400 #1",
]


def make_events():
    days = [-900, -400, -300, -40, -2, -2, 0, 0, 1, 5, 5, 9, 400]
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
    EventFactory(title="Ministerial", kind="ministerial", start_date=TODAY + datetime.timedelta(3))
    return events


def in_date_order(titles):
    events = {event.title: event for event in Event.objects.filter(title__in=titles)}
    return sorted(titles, key=lambda title: (events[title].start_date, events[title].pk))


def calendar_titles(client, **params):
    response = client.get(reverse("events:calendar_ics"), params)
    assert response.status_code == 200
    return [str(event["SUMMARY"]) for event in Calendar.from_ical(response.content).walk("VEVENT")]


@pytest.mark.parametrize("limit", [1, 3, 5, 8, 9, 10, 11, 14, 200])
def test_the_file_holds_the_nearest_events_in_date_order(client, monkeypatch, limit):
    make_events()
    monkeypatch.setattr(event_views, "CALENDAR_MAX_EVENTS", limit)
    assert calendar_titles(client) == in_date_order(NEAREST[:limit])


@pytest.mark.parametrize("limit", [2, 8, 11])
def test_a_file_of_some_kinds_holds_the_nearest_of_those(client, monkeypatch, limit):
    make_events()
    monkeypatch.setattr(event_views, "CALENDAR_MAX_EVENTS", limit)
    summits = [title for title in NEAREST if title != "Ministerial"]
    assert calendar_titles(client, kind="summit") == in_date_order(summits[:limit])
    assert calendar_titles(client, kind="ministerial") == ["Ministerial"]


def test_the_choice_and_the_rows_come_in_two_queries(monkeypatch, django_assert_num_queries):
    make_events()
    monkeypatch.setattr(event_views, "CALENDAR_MAX_EVENTS", 5)
    with django_assert_num_queries(2):  # the keys of both halves, then the rows
        rows = list(event_views.calendar_events(today=TODAY).values_list("title", flat=True))
    # Every event not over, soonest first, up to five: the file lists them by date.
    assert rows == ["Long course", "Day 0 #6", "Day 0 #7", "Day 1 #8", "Ministerial"]
