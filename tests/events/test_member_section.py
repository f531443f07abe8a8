import datetime

import pytest
from django.utils import timezone

from core.publishing import PublicationStatus
from events import member_sections
from events.models import Event
from tests.factories import EventFactory, member_state

pytestmark = pytest.mark.django_db


def test_member_page_lists_events_hosted_newest_first(client):
    kazakhstan = member_state(name="Kazakhstan", year=2002)
    china = member_state(name="China", year=2002)
    EventFactory(
        title="First CICA Summit", start_date=datetime.date(2002, 6, 4), hosts=[kazakhstan]
    )
    EventFactory(
        title="Sixth CICA Summit",
        start_date=datetime.date(2022, 10, 1),
        date_precision="month",
        hosts=[kazakhstan],
    )
    EventFactory(
        title="Draft meeting", hosts=[kazakhstan], publication_status=PublicationStatus.DRAFT
    )
    EventFactory(title="Shanghai summit", hosts=[china])
    html = client.get(kazakhstan.get_absolute_url()).content.decode()
    assert "Events hosted" in html
    assert html.index("Sixth CICA Summit") < html.index("First CICA Summit")
    assert "October 2022" in html and "4 June 2002" in html
    assert "Draft meeting" not in html and "Shanghai summit" not in html


def test_no_section_for_a_state_that_hosted_nothing(client):
    state = member_state(name="Quietland")
    assert "Events hosted" not in client.get(state.get_absolute_url()).content.decode()


def test_context_costs_two_queries_whatever_the_number(django_assert_num_queries):
    state = member_state(name="Busyland")
    for index in range(25):
        EventFactory(title=f"Meeting {index}", hosts=[state])
    with django_assert_num_queries(2):
        context = member_sections.context_for(state, None)
        assert len(context["events_hosted"]) == 25
        assert context["events_hosted"][0].host_names == ["Busyland"]


def test_hosted_events_read_in_sql_are_the_querysets(django_assert_num_queries):
    state = member_state(name="Hostland")
    other = member_state(name="Elsewhere")
    day = datetime.date(2024, 5, 1)
    for index in range(6):
        EventFactory(title=f"Same day {index}", start_date=day, hosts=[state, other])
    EventFactory(title="Older", start_date=datetime.date(2001, 1, 1), hosts=[state])
    EventFactory(title="Draft", hosts=[state], publication_status=PublicationStatus.DRAFT)
    EventFactory(
        title="Scheduled",
        hosts=[state],
        publish_at=timezone.now() + datetime.timedelta(days=1),
    )
    EventFactory(title="Not ours", hosts=[other])
    for limit in (3, 50):
        with django_assert_num_queries(1):
            read = member_sections.hosted_events(state, limit)
        expected = list(
            Event.objects.published().filter(hosts=state).order_by("-start_date", "-pk")[:limit]
        )
        assert [(e.pk, e.title, e.start_date, e.publish_at) for e in read] == [
            (e.pk, e.title, e.start_date, e.publish_at) for e in expected
        ]
    assert len(read) == 7
