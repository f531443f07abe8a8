"""The month page drawn anew (page cache off) from its cached calendar.

The grid, the day-by-day list and the undated events are one fragment keyed by the
events' version, the month and the day: read and drawn once while no event changes.
"""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import EventFactory

from .conftest import NOW

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments_only")]
JUNE = reverse("events:month", kwargs={"year": 2030, "month": 6})
JULY = reverse("events:month", kwargs={"year": 2030, "month": 7})


def get(client, url=JUNE):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_a_second_visit_reads_no_event(client):
    EventFactory(title="Summit of Waters", start_date=datetime.date(2030, 6, 4))
    first, first_queries = get(client)
    second, second_queries = get(client)
    assert second == first
    assert "Summit of Waters" in second and "June 2030: 1 event with a known day" in second
    assert first_queries >= 2 and second_queries == 0


def test_an_event_save_shows_on_the_next_visit(client):
    event = EventFactory(title="Summit of Waters", start_date=datetime.date(2030, 6, 4))
    get(client)
    event.title = "Renamed Summit"
    event.save()
    EventFactory(
        title="Some day in June", start_date=datetime.date(2030, 6, 1), date_precision="month"
    )
    content, _queries = get(client)
    assert "Renamed Summit" in content and "Summit of Waters" not in content
    assert "Also this month (exact day not known)" in content and "Some day in June" in content


def test_each_month_has_its_own_calendar(client):
    EventFactory(title="In July", start_date=datetime.date(2030, 7, 4))
    june, _queries = get(client)
    july, _queries = get(client, JULY)
    assert "In July" in july and "In July" not in june


def test_today_moves_at_midnight(client):
    assert 'datetime="2030-06-10">' in get(client)[0].split('aria-current="date"')[1][:80]
    with time_machine.travel(NOW + datetime.timedelta(days=1), tick=False):
        content, _queries = get(client)
    assert 'datetime="2030-06-11">' in content.split('aria-current="date"')[1][:80]
