import datetime

import pytest

from cica_site.publishing import PublicationStatus
from events import member_sections
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
