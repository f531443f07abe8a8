"""The event lists drawn anew (page cache off) from their cached filter form and items.

Each fragment is keyed by the versions of what it shows ({% content_cache %}): a save
of an event or of a host state's name draws it again, a second visit does not.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import EventFactory, member_state

from .conftest import NOW

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments_only")]
LIST_URL = reverse("events:list")
PAST_URL = reverse("events:past")
SOON = NOW.date() + datetime.timedelta(days=3)


@pytest.fixture
def hosted_event():
    state = member_state(name="Hosting State")
    return state, EventFactory(title="Summit of Waters", start_date=SOON, hosts=[state])


def get(client, url=LIST_URL, params=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code in (200, 400)
    return response.content.decode(), len(queries)


def test_a_second_visit_reuses_the_form_and_items_and_reads_fewer_rows(client, hosted_event):
    first, first_queries = get(client)
    second, second_queries = get(client)
    assert second == first
    assert "Summit of Waters" in second and "Hosting State" in second
    # The years, host states and dimensions of the filter form are not read again.
    assert second_queries <= first_queries - 3


def test_an_event_save_draws_the_items_and_the_years_again(client, hosted_event):
    _state, event = hosted_event
    get(client)
    event.title = "Renamed Summit"
    event.save()
    EventFactory(title="Far summit", start_date=datetime.date(2034, 5, 1))
    content, _queries = get(client)
    assert "Renamed Summit" in content and "Summit of Waters" not in content
    assert '<option value="2034">2034</option>' in content


def test_a_host_renamed_shows_in_the_items_and_the_host_filter(client, hosted_event):
    state, _event = hosted_event
    get(client)
    state.name = "Renamed State"
    state.save()
    content, _queries = get(client)
    assert content.count("Renamed State") == 2  # the item's hosts, the filter's option
    assert "Hosting State" not in content


def test_each_filter_asked_for_has_its_own_form(client, hosted_event):
    get(client)
    year = str(SOON.year)
    filtered, _queries = get(client, params={"year": year})
    assert f'<option value="{year}" selected>' in filtered
    assert "Clear filters" in filtered
    unfiltered, _queries = get(client)
    assert f'<option value="{year}" selected>' not in unfiltered
    assert "Clear filters" not in unfiltered


def test_an_unknown_year_is_a_form_error_each_time(client, hosted_event):
    for _ in range(2):
        content, _queries = get(client, params={"year": "1850"})
        assert 'id="id_year_error"' in content
    assert 'id="id_year_error"' not in get(client)[0]


def test_past_events_share_the_form_and_show_their_own_items(client, hosted_event):
    EventFactory(title="Old meeting", start_date=NOW.date() - datetime.timedelta(days=30))
    upcoming, _queries = get(client)
    past, _queries = get(client, url=PAST_URL)
    assert "Old meeting" in past and "Old meeting" not in upcoming
    assert "Summit of Waters" in upcoming and "Summit of Waters" not in past
