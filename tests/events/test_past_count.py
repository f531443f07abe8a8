"""The unfiltered past events are counted as the published events less the upcoming
ones (events.views.PastEventsPaginator): the same number as counting them."""

import datetime

import pytest

from core.publishing import PublicationStatus
from events.models import Event
from events.views import PastEventsPaginator
from tests.factories import EventFactory

from .conftest import ALMATY, NOW

pytestmark = pytest.mark.django_db
TODAY = NOW.date()
HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def archive():
    day = datetime.timedelta(days=1)
    EventFactory(title="Long ago", start_date=datetime.date(2002, 6, 4))
    EventFactory(title="Yesterday", start_date=TODAY - day)
    EventFactory(title="Today, all day", start_date=TODAY)
    EventFactory(title="Tomorrow", start_date=TODAY + day)
    EventFactory(title="Over an hour ago", starts_at=NOW - 3 * HOUR, ends_at=NOW - HOUR)
    EventFactory(title="Still on", starts_at=NOW - HOUR, ends_at=NOW + HOUR)
    EventFactory(title="Started, no end", starts_at=NOW - HOUR, ends_at=None)
    EventFactory(title="This month", start_date=TODAY.replace(day=1), date_precision="month")
    EventFactory(title="Last year", start_date=datetime.date(2029, 1, 1), date_precision="year")
    EventFactory(title="Draft", start_date=TODAY - day, publication_status=PublicationStatus.DRAFT)
    EventFactory(title="Scheduled", start_date=TODAY - day, publish_at=NOW + HOUR)
    EventFactory(
        title="Over in Tokyo",
        starts_at=datetime.datetime(2030, 6, 10, 9, tzinfo=ALMATY),
        ends_at=datetime.datetime(2030, 6, 10, 11, tzinfo=ALMATY),
        timezone="Asia/Tokyo",
    )


def test_the_count_is_the_number_of_past_events(client, archive):
    past = Event.objects.published().past()
    expected = past.count()
    assert expected == 5
    response = client.get("/events/past/")
    assert response.status_code == 200
    assert isinstance(response.context["paginator"], PastEventsPaginator)
    assert response.context["paginator"].count == expected
    assert len(response.context["events"]) == expected
    shown = {event.title for event in response.context["events"]}
    assert shown == set(past.values_list("title", flat=True))


def test_filtered_lists_count_what_matches(client, archive):
    EventFactory(title="Old SOC", kind="soc", start_date=datetime.date(2003, 1, 1))
    response = client.get("/events/past/", {"kind": "soc"})
    assert not isinstance(response.context["paginator"], PastEventsPaginator)
    assert response.context["paginator"].count == 1


def test_a_page_number_alone_is_not_a_filter(client, archive):
    response = client.get("/events/past/", {"page": "1"})
    assert isinstance(response.context["paginator"], PastEventsPaginator)
    assert response.context["paginator"].count == 5
