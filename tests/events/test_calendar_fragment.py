"""The calendar file drawn anew (page cache off): keys first, and the events' rows read and
the file built only when it is not cached for those events, their content, the kinds
asked for and the site's address."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from tests.factories import EventFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments_only")]
URL = reverse("events:calendar_ics")


@pytest.fixture
def summit():
    soon = datetime.date(2099, 6, 1)  # ahead, whenever the test runs
    EventFactory(title="Ministerial meeting", kind="ministerial", start_date=soon)
    return EventFactory(title="Summit", kind="summit", start_date=soon)


def summaries(response):
    assert response.status_code == 200
    return sorted(
        str(item["SUMMARY"]) for item in Calendar.from_ical(response.content).walk("VEVENT")
    )


def test_a_second_fetch_reads_only_the_keys(client, summit, django_assert_num_queries):
    first = client.get(URL)
    with django_assert_num_queries(1):
        second = client.get(URL)
    assert second.content == first.content
    assert summaries(second) == ["Ministerial meeting", "Summit"]


def test_a_saved_event_shows_at_once(client, summit):
    client.get(URL)
    summit.title = "Sixth Summit"
    summit.save()
    assert summaries(client.get(URL)) == ["Ministerial meeting", "Sixth Summit"]


def test_each_choice_of_kinds_and_each_site_address_has_its_own(client, settings, summit):
    settings.ALLOWED_HOSTS = ["testserver", "events.example.org"]
    assert summaries(client.get(URL)) == ["Ministerial meeting", "Summit"]
    assert summaries(client.get(URL, {"kind": "summit"})) == ["Summit"]
    elsewhere = client.get(URL, headers={"host": "events.example.org"}).content.decode()
    assert "http://events.example.org/events/" in elsewhere.replace("\r\n ", "")
