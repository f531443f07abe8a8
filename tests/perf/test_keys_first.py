"""keys_first and KeysFirstPaginator give the rows a plain slice gives, in its order."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.core.paginator import EmptyPage, InvalidPage, Paginator
from django.db.models import Count, Prefetch
from django.urls import reverse
from icalendar import Calendar

from core.pagination import KeysFirstPaginator
from core.queries import keys_first
from events import views as event_views
from events.models import Event
from members.models import Participant
from tests.factories import EventFactory, member_state

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2030, 6, 10, 12, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Almaty"))


@pytest.fixture
def events():
    """Upcoming and past events, several on one day (the sort's ties), some drafts."""
    host = member_state(name="Hostland")
    made = []
    for index in range(23):
        day = NOW.date() + datetime.timedelta(days=index // 3 - 2)
        made.append(
            EventFactory(
                title=f"Event {index:02d}",
                start_date=day,
                hosts=[host] if index % 2 else [],
                publication_status="draft" if index % 7 == 0 else "published",
            )
        )
    return made


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("start,stop", [(0, 4), (3, 11), (10, 40), (30, 40)])
def test_keys_first_equals_the_slice(events, start, stop):
    upcoming = Event.objects.published().upcoming()
    expected = list(upcoming[start:stop])
    assert list(keys_first(upcoming, start, stop)) == expected
    if start == 0:
        assert len(expected) == 4 and all(not event.is_over for event in expected)


@time_machine.travel(NOW, tick=False)
def test_keys_first_keeps_related_tables_prefetches_and_deferred_columns(
    events, django_assert_num_queries
):
    upcoming = (
        Event.objects.published()
        .upcoming()
        .prefetch_related(Prefetch("hosts", queryset=Participant.objects.order_by("name")))
        .defer("body")
    )
    with django_assert_num_queries(2):  # the rows (keys in a subquery), then the hosts
        rows = list(keys_first(upcoming, 0, 10))
        hosts = [[host.name for host in event.hosts.all()] for event in rows]
    assert hosts == [[host.name for host in event.hosts.all()] for event in upcoming[:10]]
    assert all("body" in event.get_deferred_fields() for event in rows)


def test_keys_first_refuses_annotated_querysets(events):
    with pytest.raises(ValueError):
        keys_first(Event.objects.annotate(host_count=Count("hosts")), 0, 5)


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("per_page,orphans", [(4, 0), (5, 2), (50, 0)])
def test_keys_first_pages_equal_plain_pages(events, per_page, orphans):
    upcoming = Event.objects.published().upcoming()
    plain = Paginator(upcoming, per_page, orphans=orphans)
    keyed = KeysFirstPaginator(upcoming, per_page, orphans=orphans)
    assert keyed.num_pages == plain.num_pages
    for number in plain.page_range:
        assert list(keyed.page(number)) == list(plain.page(number))


@time_machine.travel(NOW, tick=False)
def test_event_list_pages_through_every_upcoming_event_once(client, events, monkeypatch):
    monkeypatch.setattr(event_views.EventListView, "paginate_by", 4)
    listed, page = [], 1
    while True:
        response = client.get(reverse("events:list"), {"page": page})
        assert response.status_code == 200
        listed += [event.pk for event in response.context["events"]]
        if not response.context["page_obj"].has_next():
            break
        page += 1
    assert listed == [event.pk for event in Event.objects.published().upcoming()]
    assert len(listed) == len(set(listed)) > 8


@time_machine.travel(NOW, tick=False)
def test_a_year_calendar_keeps_its_earliest_events_in_date_order(client, monkeypatch):
    monkeypatch.setattr(event_views, "CALENDAR_MAX_EVENTS", 3)
    days = [datetime.date(2028, month, 1) for month in (9, 2, 5, 2, 12)]
    made = [EventFactory(title=f"Y{index}", start_date=day) for index, day in enumerate(days)]
    EventFactory(title="Other year", start_date=datetime.date(2027, 12, 30))
    kept = sorted(made, key=lambda event: (event.start_date, event.pk))[:3]
    response = client.get(reverse("events:calendar_ics"), {"year": 2028})
    assert response.status_code == 200
    uids = [str(c["UID"]) for c in Calendar.from_ical(response.content).walk("VEVENT")]
    assert uids == [f"event-{event.pk}@s-cica.org" for event in kept]


@time_machine.travel(NOW, tick=False)
def test_a_page_and_the_list_length_come_in_one_query(events, django_assert_num_queries):
    upcoming = Event.objects.published().upcoming()
    plain = Paginator(upcoming, 4)
    expected_rows, expected_count = list(plain.page(2)), plain.count
    keyed = KeysFirstPaginator(upcoming, 4)
    with django_assert_num_queries(1):
        page = keyed.page(2)
        rows = list(page)
        count, num_pages = keyed.count, keyed.num_pages
        assert page.has_next() and page.has_previous()
    assert rows == expected_rows
    assert count == expected_count > 8 and num_pages == plain.num_pages


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("number", [0, -1, "abc", 2.5, None, 99, "1" * 40, 2**62])
def test_numbers_the_plain_paginator_refuses_are_refused(events, number):
    upcoming = Event.objects.published().upcoming()
    with pytest.raises(InvalidPage) as plain:
        Paginator(upcoming, 4).page(number)
    with pytest.raises(InvalidPage) as keyed:
        KeysFirstPaginator(upcoming, 4).page(number)
    assert type(keyed.value) is type(plain.value)
    assert str(keyed.value) == str(plain.value)


@pytest.mark.parametrize("allow_empty", [True, False])
def test_an_empty_list(allow_empty):
    empty = Event.objects.published().upcoming()
    plain = Paginator(empty, 4, allow_empty_first_page=allow_empty)
    keyed = KeysFirstPaginator(empty, 4, allow_empty_first_page=allow_empty)
    if allow_empty:
        assert list(keyed.page(1)) == list(plain.page(1)) == []
        assert keyed.count == 0 and keyed.num_pages == plain.num_pages == 1
    else:
        with pytest.raises(EmptyPage):
            plain.page(1)
        with pytest.raises(EmptyPage):
            keyed.page(1)


@time_machine.travel(NOW, tick=False)
def test_the_last_page_and_orphans_count_first(events):
    upcoming = Event.objects.published().upcoming()
    keyed = KeysFirstPaginator(upcoming, 4)
    last = keyed.page(keyed.num_pages)
    assert list(last) == list(Paginator(upcoming, 4).page(keyed.num_pages))
    assert not last.has_next()
