import datetime
import zoneinfo

import pytest
import time_machine
from django.core.exceptions import ValidationError

from core.partial_dates import DatePrecision
from core.publishing import PublicationStatus
from events.models import Event
from tests.factories import EventFactory

from .conftest import ALMATY, NOW

pytestmark = pytest.mark.django_db
TODAY = NOW.date()  # 2030-06-10


def titles(queryset):
    return [event.title for event in queryset]


def test_upcoming_and_past_split_at_the_frozen_date():
    EventFactory(title="Yesterday", start_date=TODAY - datetime.timedelta(days=1))
    EventFactory(title="Today", start_date=TODAY)
    EventFactory(title="Next month", start_date=TODAY + datetime.timedelta(days=30))
    EventFactory(title="Tomorrow", start_date=TODAY + datetime.timedelta(days=1))
    EventFactory(title="Last year", start_date=datetime.date(2029, 3, 1))
    EventFactory(
        title="Still going",
        start_date=TODAY - datetime.timedelta(days=2),
        end_date=TODAY + datetime.timedelta(days=1),
    )
    upcoming = Event.objects.published().upcoming()
    assert titles(upcoming) == ["Still going", "Today", "Tomorrow", "Next month"]
    assert titles(Event.objects.published().past()) == ["Yesterday", "Last year"]


def test_an_event_moves_to_the_past_when_its_day_is_over():
    EventFactory(title="Today", start_date=TODAY)
    assert titles(Event.objects.upcoming()) == ["Today"]
    with time_machine.travel(datetime.datetime(2030, 6, 11, 0, 1, tzinfo=ALMATY), tick=False):
        assert titles(Event.objects.upcoming()) == []
        assert titles(Event.objects.past()) == ["Today"]


def test_a_timed_event_is_past_once_it_has_ended():
    EventFactory(
        title="Morning session",
        starts_at=datetime.datetime(2030, 6, 10, 9, 0, tzinfo=ALMATY),
        ends_at=datetime.datetime(2030, 6, 10, 11, 0, tzinfo=ALMATY),
    )
    EventFactory(
        title="Afternoon session",
        starts_at=datetime.datetime(2030, 6, 10, 14, 0, tzinfo=ALMATY),
        ends_at=datetime.datetime(2030, 6, 10, 16, 0, tzinfo=ALMATY),
    )
    assert titles(Event.objects.upcoming()) == ["Afternoon session"]
    assert titles(Event.objects.past()) == ["Morning session"]


def test_month_and_year_precision_events_stay_upcoming_until_their_period_is_over():
    EventFactory(title="This month", start_date=TODAY, date_precision=DatePrecision.MONTH)
    EventFactory(title="This year", start_date=TODAY, date_precision=DatePrecision.YEAR)
    EventFactory(title="Last month", start_date=datetime.date(2030, 5, 1), date_precision="month")
    this_month = Event.objects.get(title="This month")
    assert this_month.start_date == datetime.date(2030, 6, 1)
    assert this_month.last_date == datetime.date(2030, 6, 30)
    assert Event.objects.get(title="This year").last_date == datetime.date(2030, 12, 31)
    assert set(titles(Event.objects.upcoming())) == {"This month", "This year"}
    assert titles(Event.objects.past()) == ["Last month"]


def test_drafts_and_scheduled_publication_are_not_published():
    EventFactory(title="Draft", publication_status=PublicationStatus.DRAFT)
    EventFactory(title="Later", publish_at=NOW + datetime.timedelta(hours=1))
    EventFactory(title="Public")
    assert titles(Event.objects.published()) == ["Public"]


def test_timed_event_days_follow_the_venue_zone():
    # 23:30 in New York on 1 March is already 2 March in UTC and in Almaty.
    new_york = zoneinfo.ZoneInfo("America/New_York")
    event = EventFactory(
        timezone="America/New_York",
        start_date=datetime.date(2000, 1, 1),
        starts_at=datetime.datetime(2030, 3, 1, 23, 30, tzinfo=new_york),
        ends_at=datetime.datetime(2030, 3, 2, 1, 0, tzinfo=new_york),
    )
    event.refresh_from_db()
    assert event.start_date == datetime.date(2030, 3, 1)
    assert event.end_date == datetime.date(2030, 3, 2)
    assert event.local_start.hour == 23


def test_sequence_and_last_modified_change_only_with_public_data(frozen_now):
    event = EventFactory(title="SOC")
    created_at = event.updated_at
    assert event.sequence == 0
    event.refresh_from_db()
    with time_machine.travel(NOW + datetime.timedelta(hours=1), tick=False):
        event.save()
    event.refresh_from_db()
    assert (event.sequence, event.updated_at) == (0, created_at)
    with time_machine.travel(NOW + datetime.timedelta(hours=2), tick=False):
        event.city = "Astana"
        event.save()
    event.refresh_from_db()
    assert event.sequence == 1
    assert event.updated_at == NOW + datetime.timedelta(hours=2)
    fresh = Event.objects.get(pk=event.pk)
    fresh.status = "cancelled"
    fresh.save(update_fields=["status"])
    fresh.refresh_from_db()
    assert fresh.sequence == 2


def test_sequence_is_bumped_from_a_deferred_or_unloaded_instance():
    event = EventFactory()
    partial = Event.objects.only("pk", "title").get(pk=event.pk)
    partial.title = "Renamed"
    partial.save()
    assert Event.objects.get(pk=event.pk).sequence == 1
    detached = Event.objects.get(pk=event.pk)
    del detached._loaded_public_values
    detached.venue = "Palace of Independence"
    detached.save()
    assert Event.objects.get(pk=event.pk).sequence == 2


@pytest.mark.parametrize(
    "values, field",
    [
        ({"slug": "past"}, "slug"),
        ({"end_date": datetime.date(2030, 6, 1)}, "end_date"),
        ({"date_precision": "month", "end_date": datetime.date(2030, 6, 20)}, "end_date"),
        (
            {
                "starts_at": datetime.datetime(2030, 6, 4, 14, tzinfo=ALMATY),
                "ends_at": datetime.datetime(2030, 6, 4, 13, tzinfo=ALMATY),
            },
            "ends_at",
        ),
        ({"ends_at": datetime.datetime(2030, 6, 4, 13, tzinfo=ALMATY)}, "ends_at"),
    ],
)
def test_clean_rejects_inconsistent_events(values, field):
    event = Event(
        **{"title": "X", "slug": "x", "kind": "soc", "start_date": datetime.date(2030, 6, 4)}
        | values
    )
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert field in error.value.message_dict


def test_string_and_urls():
    event = EventFactory(title="First CICA Summit", slug="first-summit")
    assert str(event) == "First CICA Summit"
    assert event.get_absolute_url() == "/events/first-summit/"
    assert event.get_ics_url() == "/events/first-summit.ics"
