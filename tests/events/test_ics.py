import datetime

import pytest
import time_machine
from django.urls import reverse
from icalendar import Calendar

from cica_site.publishing import PublicationStatus
from events.models import Event
from tests.factories import EventFactory

from .conftest import ALMATY, NOW

pytestmark = pytest.mark.django_db


def fetch(client, url=None, **params):
    response = client.get(url or reverse("events:calendar_ics"), params)
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response, Calendar.from_ical(response.content)


def by_uid(calendar):
    return {str(component["UID"]): component for component in calendar.walk("VEVENT")}


@pytest.fixture
def calendar_events():
    return {
        "summit": EventFactory(title="Summit", kind="summit", start_date=datetime.date(2030, 6, 4)),
        "forum": EventFactory(
            title="Business forum",
            kind="business_forum",
            start_date=datetime.date(2030, 6, 30),
            end_date=datetime.date(2030, 7, 2),
        ),
        "timed": EventFactory(
            title="Ministerial",
            kind="ministerial",
            city="Astana",
            venue="Palace of Peace",
            starts_at=datetime.datetime(2030, 9, 1, 14, 0, tzinfo=ALMATY),
            ends_at=datetime.datetime(2030, 9, 1, 18, 0, tzinfo=ALMATY),
        ),
        "past": EventFactory(title="First summit", start_date=datetime.date(2002, 6, 4)),
        "cancelled": EventFactory(title="Called off", kind="soc", status="cancelled"),
        "postponed": EventFactory(title="Moved", kind="soc", status="postponed"),
        "draft": EventFactory(title="Draft", publication_status=PublicationStatus.DRAFT),
        "later": EventFactory(
            title="Announced tomorrow", publish_at=NOW + datetime.timedelta(days=1)
        ),
        "month_only": EventFactory(
            title="Istanbul summit", start_date=datetime.date(2010, 6, 1), date_precision="month"
        ),
    }


def uid(event):
    return f"event-{event.pk}@s-cica.org"


def test_every_public_event_with_a_known_day_and_nothing_else(client, calendar_events):
    _, calendar = fetch(client)
    events = by_uid(calendar)
    # The 2002 summit is older than last year: it is in the calendar of its year (the
    # whole calendar is bounded since issue 7, see tests/perf/test_calendar_bounds.py).
    expected = ["summit", "forum", "timed", "cancelled", "postponed"]
    assert set(events) == {uid(calendar_events[name]) for name in expected}
    _, calendar_2002 = fetch(client, year=2002)
    assert set(by_uid(calendar_2002)) == {uid(calendar_events["past"])}
    assert str(calendar["VERSION"]) == "2.0" and "PRODID" in calendar
    for component in events.values():
        for required in [
            "DTSTAMP",
            "LAST-MODIFIED",
            "SEQUENCE",
            "DTSTART",
            "DTEND",
            "SUMMARY",
            "STATUS",
            "URL",
        ]:
            assert required in component, required


def test_statuses(client, calendar_events):
    events = by_uid(fetch(client)[1])
    assert events[uid(calendar_events["cancelled"])]["STATUS"] == "CANCELLED"
    assert events[uid(calendar_events["postponed"])]["STATUS"] == "TENTATIVE"
    assert events[uid(calendar_events["summit"])]["STATUS"] == "CONFIRMED"


def test_all_day_events_are_date_values_with_exclusive_end(client, calendar_events):
    events = by_uid(fetch(client)[1])
    summit = events[uid(calendar_events["summit"])]
    assert summit["DTSTART"].params["VALUE"] == "DATE"
    assert summit.start == datetime.date(2030, 6, 4)
    assert not isinstance(summit.start, datetime.datetime)
    assert summit.end == datetime.date(2030, 6, 5)
    forum = events[uid(calendar_events["forum"])]
    assert (forum.start, forum.end) == (datetime.date(2030, 6, 30), datetime.date(2030, 7, 3))


def test_timed_events_carry_the_venue_zone_and_a_vtimezone(client, calendar_events):
    response, calendar = fetch(client)
    timed = by_uid(calendar)[uid(calendar_events["timed"])]
    assert timed["DTSTART"].params["TZID"] == "Asia/Almaty"
    assert b"DTSTART;TZID=Asia/Almaty:20300901T140000" in response.content
    assert timed.start == datetime.datetime(2030, 9, 1, 9, 0, tzinfo=datetime.UTC)
    assert timed.end - timed.start == datetime.timedelta(hours=4)
    assert [zone.tz_name for zone in calendar.timezones] == ["Asia/Almaty"]
    assert calendar.get_missing_tzids() == set()
    assert str(timed["LOCATION"]) == "Palace of Peace, Astana"


def test_uids_and_content_are_stable_across_requests(client, calendar_events):
    first, _ = fetch(client)
    with time_machine.travel(NOW + datetime.timedelta(hours=3), tick=False):
        second, _ = fetch(client)
    assert first.content == second.content


def test_sequence_and_last_modified_change_when_an_event_changes(client, calendar_events):
    summit = calendar_events["summit"]
    before = by_uid(fetch(client)[1])[uid(summit)]
    later = NOW + datetime.timedelta(days=1)
    with time_machine.travel(later, tick=False):
        summit.refresh_from_db()
        summit.status = "cancelled"
        summit.save()
        after = by_uid(fetch(client)[1])[uid(summit)]
    assert int(after["SEQUENCE"]) == int(before["SEQUENCE"]) + 1
    assert after["LAST-MODIFIED"].dt == later
    assert after["DTSTAMP"].dt == later
    assert after["STATUS"] == "CANCELLED"
    assert after["UID"] == before["UID"]


def test_kind_filtered_feed(client, calendar_events):
    _, calendar = fetch(client, kind=["summit", "ministerial"])
    expected = {uid(calendar_events[name]) for name in ["summit", "timed"]}
    assert set(by_uid(calendar)) == expected
    _, calendar_2002 = fetch(client, kind=["summit", "ministerial"], year=2002)
    assert set(by_uid(calendar_2002)) == {uid(calendar_events["past"])}
    assert "Summit" in str(calendar["X-WR-CALNAME"])


@pytest.mark.parametrize("query", ["kind=banquet", "kind=summit&kind=nope", "kind="])
def test_unknown_kind_is_400(client, query):
    response = client.get(f"{reverse('events:calendar_ics')}?{query}")
    assert response.status_code == 400
    assert b"Unknown event kind" in response.content


def test_per_event_file(client, calendar_events):
    summit = calendar_events["summit"]
    response, calendar = fetch(client, summit.get_ics_url())
    assert response["Content-Disposition"] == f'attachment; filename="{summit.slug}.ics"'
    assert list(by_uid(calendar)) == [uid(summit)]
    assert (
        str(by_uid(calendar)[uid(summit)]["URL"]) == f"http://testserver{summit.get_absolute_url()}"
    )


@pytest.mark.parametrize("name", ["draft", "later", "month_only"])
def test_per_event_file_404_for_unpublished_or_undated(client, calendar_events, name):
    assert client.get(calendar_events[name].get_ics_url()).status_code == 404


def test_empty_calendar_still_has_the_component_rfc_5545_requires(client):
    Event.objects.all().delete()
    _, calendar = fetch(client)
    assert calendar.walk("VEVENT") == []
    assert [zone.tz_name for zone in calendar.timezones] == ["Asia/Almaty"]


def test_each_zone_gets_one_vtimezone_and_repeated_files_are_identical(client, calendar_events):
    EventFactory(
        title="Tashkent meeting",
        kind="soc",
        timezone="Asia/Tashkent",
        starts_at=datetime.datetime(2030, 10, 1, 10, 0, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2030, 10, 1, 12, 0, tzinfo=datetime.UTC),
    )
    # The zones' VTIMEZONE components are worked out once per process and reused
    # (events.ics.vtimezone): a second file must not lose or repeat them.
    first, calendar = fetch(client)
    second, _ = fetch(client)
    assert sorted(zone.tz_name for zone in calendar.timezones) == ["Asia/Almaty", "Asia/Tashkent"]
    assert calendar.get_missing_tzids() == set()
    assert first.content == second.content
