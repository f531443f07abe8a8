"""{% events_hosted participant %}: the events section of a member state's page."""

import datetime

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext

from core.publishing import PublicationStatus
from events.templatetags import event_tags
from tests.factories import EventFactory, ParticipantFactory, member_state

from .conftest import NOW

pytestmark = pytest.mark.django_db
SECTION = Template("{% load event_tags %}{% events_hosted participant %}")


def section(rf, participant):
    request = rf.get(participant.get_absolute_url())
    return SECTION.render(Context({"participant": participant, "request": request}))


def test_lists_the_published_events_hosted_newest_first(rf):
    kazakhstan = member_state(name="Kazakhstan", year=2002)
    china = member_state(name="China", year=2002)
    first = EventFactory(
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
    EventFactory(
        title="Announced tomorrow",
        hosts=[kazakhstan],
        publish_at=NOW + datetime.timedelta(days=1),
    )
    EventFactory(title="Shanghai summit", hosts=[china])
    html = section(rf, kazakhstan)
    assert '<h2 id="events-hosted-heading">Events hosted</h2>' in html
    assert html.index("Sixth CICA Summit") < html.index("First CICA Summit")
    assert "October 2022" in html and "4 June 2002" in html
    assert f'<a href="{first.get_absolute_url()}">First CICA Summit</a>' in html
    assert html.count('<li class="event-item">') == 2
    for hidden in ("Draft meeting", "Announced tomorrow", "Shanghai summit"):
        assert hidden not in html
    # Every one is listed: no "most recent" note.
    assert "most recent" not in html


def test_each_event_names_its_published_hosts(rf):
    host = member_state(name="Turkey")
    co_host = ParticipantFactory(name="Azerbaijan")
    hidden = ParticipantFactory(name="Hidden host", publication_status=PublicationStatus.DRAFT)
    EventFactory(
        title="Joint forum",
        kind="business_forum",
        city="Baku",
        status="cancelled",
        hosts=[host, hidden, co_host],
    )
    html = section(rf, host)
    assert "Hosted by <span>Azerbaijan</span>, <span>Turkey</span></p>" in html
    assert "Hidden host" not in html
    assert '<li class="event-item event-item--cancelled">' in html
    assert '<span class="badge event-status event-status--cancelled">Cancelled</span>' in html


def test_hostile_text_is_escaped(rf):
    host = member_state(name="Hostland")
    co_host = ParticipantFactory(name="<b>Co</b>-host")
    EventFactory(
        title="<script>alert(1)</script>",
        city="Ba<i>ku</i>",
        hosts=[host, co_host],
    )
    html = section(rf, host)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Ba&lt;i&gt;ku&lt;/i&gt;" in html
    assert "&lt;b&gt;Co&lt;/b&gt;-host" in html and "<b>" not in html


def test_no_section_for_a_state_that_hosted_nothing(rf, django_assert_num_queries):
    state = member_state(name="Quietland")
    EventFactory(title="Draft only", hosts=[state], publication_status=PublicationStatus.DRAFT)
    with django_assert_num_queries(1):
        html = section(rf, state)
    assert html.strip() == ""


def test_only_the_latest_are_listed_with_links_to_all(rf, monkeypatch):
    monkeypatch.setattr(event_tags, "HOSTED_LIMIT", 3)
    state = member_state(name="Busy land")
    for day in range(1, 6):
        EventFactory(title=f"Hosted {day}", start_date=datetime.date(2020, 1, day), hosts=[state])
    html = section(rf, state)
    assert [f"Hosted {day}" in html for day in range(1, 6)] == [False, False, True, True, True]
    assert "The 3 most recent events are listed." in html
    assert f'<a href="/events/?host={state.slug}">upcoming</a>' in html
    assert f'<a href="/events/past/?host={state.slug}">past</a>' in html


def test_two_queries_whatever_the_number_of_events(rf):
    state = member_state(name="Busyland")
    others = [ParticipantFactory(name=f"Co-host {index}") for index in range(3)]

    def add_events(start, stop):
        for index in range(start, stop):
            EventFactory(title=f"Meeting {index:02d}", hosts=[state, *others[: index % 4]])

    counts = []
    for start, stop in ((0, 3), (3, 40)):
        add_events(start, stop)
        with CaptureQueriesContext(connection) as captured:
            html = section(rf, state)
        counts.append(len(captured))
        assert html.count('<li class="event-item">') == min(stop, event_tags.HOSTED_LIMIT)
    assert counts == [2, 2]  # the events, then their published hosts
