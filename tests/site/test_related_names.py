"""with_published_names reads by plain SQL what its ORM definition gives."""

import datetime

import pytest
import time_machine

from core.publishing import PublicationStatus
from core.related_names import published_name_rows, published_names_query
from tests.factories import EventFactory, MeasureFactory, ParticipantFactory

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 5, 1, 12, tzinfo=datetime.UTC)


def make_states():
    return [
        ParticipantFactory(name="Oman"),
        ParticipantFactory(name="China"),
        ParticipantFactory(name="Draftland", publication_status=PublicationStatus.DRAFT),
        ParticipantFactory(name="Laterland", publish_at=NOW + datetime.timedelta(hours=1)),
        ParticipantFactory(name="Azerbaijan"),
    ]


@time_machine.travel(NOW, tick=False)
def test_event_hosts_as_the_orm_query_gives_them():
    oman, china, draft, later, azerbaijan = make_states()
    events = [
        EventFactory(title="Shared", hosts=[oman, draft, china, later]),
        EventFactory(title="Alone", hosts=[azerbaijan]),
        EventFactory(title="Unhosted"),
    ]
    EventFactory(title="Not asked for", hosts=[oman])
    rows = published_name_rows(events, "hosts")
    assert rows == list(published_names_query(events, "hosts"))
    assert rows == [
        (events[1].pk, "Azerbaijan"),
        (events[0].pk, "China"),
        (events[0].pk, "Oman"),
    ]
    with time_machine.travel(NOW + datetime.timedelta(hours=2), tick=False):
        later_rows = published_name_rows(events[:1], "hosts")
        assert later_rows == list(published_names_query(events[:1], "hosts"))
        assert [name for _, name in later_rows] == ["China", "Laterland", "Oman"]


@time_machine.travel(NOW, tick=False)
def test_responsible_states_as_the_orm_query_gives_them():
    oman, china, draft, later, azerbaijan = make_states()
    measures = [MeasureFactory(title="Seminar"), MeasureFactory(title="Workshop")]
    measures[0].responsible_states.set([china, draft, oman])
    measures[1].responsible_states.set([later, azerbaijan])
    rows = published_name_rows(measures, "responsible_states")
    assert rows == list(published_names_query(measures, "responsible_states"))
    assert sorted(rows) == sorted(
        [(measures[0].pk, "China"), (measures[0].pk, "Oman"), (measures[1].pk, "Azerbaijan")]
    )
