"""The current calendar file's events: nearest_keys() picks what its ordering defines."""

import datetime

import pytest

from core.partial_dates import DatePrecision
from core.publishing import PublicationStatus
from core.queries import keys_first
from events import views as event_views
from events.models import Event
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2030, 6, 10)


def defined_choice(events, limit):
    """The first ``limit`` of the window in nearest_ordering(), as one sort gives them."""
    window = event_views.calendar_window(events, TODAY)
    ordered = window.order_by(*event_views.nearest_ordering(TODAY))
    return list(keys_first(ordered, 0, limit).values_list("pk", flat=True))


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


@pytest.mark.parametrize("limit", [1, 3, 5, 8, 11, 200])
def test_the_choice_is_the_ordering_cut_at_the_limit(monkeypatch, limit):
    make_events()
    monkeypatch.setattr(event_views, "CALENDAR_MAX_EVENTS", limit)
    events = Event.objects.published().calendar_ready()
    chosen = event_views.nearest_keys(events, TODAY)
    assert chosen == defined_choice(events, limit)
    # The window: 12 of the 13 dated events, the long course and the ministerial.
    assert len(chosen) == min(limit, 14)
    summits = events.filter(kind="summit")
    assert event_views.nearest_keys(summits, TODAY) == defined_choice(summits, limit)


def test_the_file_lists_the_chosen_by_date(monkeypatch, django_assert_num_queries):
    make_events()
    monkeypatch.setattr(event_views, "CALENDAR_MAX_EVENTS", 5)
    with django_assert_num_queries(2):  # the keys of both halves, then the rows
        rows = list(event_views.calendar_events(today=TODAY).values_list("title", flat=True))
    # Every event not over, soonest first, up to five: the file lists them by date.
    assert rows == ["Long course", "Day 0 #6", "Day 0 #7", "Day 1 #8", "Ministerial"]
