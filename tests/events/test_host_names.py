import datetime

import pytest
import time_machine

from core.publishing import PublicationStatus
from events.host_names import with_host_names
from tests.factories import EventFactory, ParticipantFactory

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 5, 1, 12, tzinfo=datetime.UTC)


@time_machine.travel(NOW, tick=False)
def test_published_hosts_by_name_in_one_query(django_assert_num_queries):
    oman = ParticipantFactory(name="Oman")
    china = ParticipantFactory(name="China")
    draft = ParticipantFactory(name="Draftland", publication_status=PublicationStatus.DRAFT)
    later = ParticipantFactory(name="Laterland", publish_at=NOW + datetime.timedelta(hours=1))
    shared = EventFactory(title="Shared", hosts=[oman, draft, china, later])
    alone = EventFactory(title="Alone", hosts=[oman])
    unhosted = EventFactory(title="Unhosted")
    events = [shared, alone, unhosted]
    with django_assert_num_queries(1):
        assert with_host_names(events) == events
    names = {event.title: event.host_names for event in events}
    assert names == {"Shared": ["China", "Oman"], "Alone": ["Oman"], "Unhosted": []}
    # The host published at its time shows from then on.
    with time_machine.travel(NOW + datetime.timedelta(hours=2), tick=False):
        assert with_host_names([shared])[0].host_names == ["China", "Laterland", "Oman"]


def test_no_events_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert with_host_names([]) == []
