"""Every calendar the events pages offer holds events (issue 20): the links are chosen from
the data, and events known only to the month or year are said to be left out."""

import datetime
import re
from html import unescape

import pytest
from django.core.management import call_command
from django.urls import reverse
from icalendar import Calendar

from core.partial_dates import DatePrecision
from core.publishing import PublicationStatus
from events import views as event_views
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db
CALENDAR_LINK = re.compile(r'href="(/events/calendar\.ics[^"]*)"')
LEFT_OUT_NOTE = "Events known only by their month or year are listed on these pages"


def calendar_links(client, page):
    response = client.get(reverse(page))
    assert response.status_code == 200
    # The page's <link rel="alternate"> and its list both offer the whole calendar.
    hrefs = CALENDAR_LINK.findall(response.content.decode())
    return list(dict.fromkeys(unescape(href) for href in hrefs))


def vevent_summaries(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return [str(event["SUMMARY"]) for event in Calendar.from_ical(response.content).walk("VEVENT")]


def old_archive():
    """Meetings as CICA's archive has them: long ago, some only to the month or year."""
    EventFactory(
        title="First ministerial", kind="ministerial", start_date=datetime.date(1999, 9, 14)
    )
    EventFactory(title="First summit", kind="summit", start_date=datetime.date(2002, 6, 4))
    EventFactory(title="Second summit", start_date=datetime.date(2006, 1, 1), date_precision="year")
    EventFactory(title="Third summit", start_date=datetime.date(2010, 6, 1), date_precision="month")
    EventFactory(title="SOC meeting", kind="soc", start_date=datetime.date(2008, 4, 20))
    EventFactory(
        title="Unpublished 1995",
        start_date=datetime.date(1995, 3, 1),
        publication_status=PublicationStatus.DRAFT,
    )


@pytest.mark.parametrize("page", ["events:list", "events:past"])
def test_every_calendar_link_leads_to_a_calendar_with_events(client, page):
    old_archive()
    links = calendar_links(client, page)
    assert links == [
        "/events/calendar.ics",
        "/events/calendar.ics?kind=summit&kind=ministerial",
        # The first year with a public event on a known day, not a fixed example.
        "/events/calendar.ics?year=1999",
    ]
    everything = vevent_summaries(client, links[0])
    assert everything == ["First ministerial", "First summit", "SOC meeting"]
    assert vevent_summaries(client, links[1]) == ["First ministerial", "First summit"]
    assert vevent_summaries(client, links[2]) == ["First ministerial"]


def test_events_known_only_to_the_month_or_year_are_listed_and_said_to_be_left_out(client):
    old_archive()
    past = client.get(reverse("events:past")).content.decode()
    assert "Third summit" in past and "June 2010" in past
    assert "Second summit" in past
    assert LEFT_OUT_NOTE in past
    for url in calendar_links(client, "events:past") + ["/events/calendar.ics?year=2010"]:
        summaries = vevent_summaries(client, url)
        assert "Third summit" not in summaries and "Second summit" not in summaries
    detail = client.get(reverse("events:detail", args=["third-summit"])).content.decode()
    assert "left out of the calendars" in detail


def test_without_summits_or_dated_events_their_links_are_not_offered(client):
    EventFactory(title="SOC meeting", kind="soc", start_date=datetime.date(2008, 4, 20))
    assert calendar_links(client, "events:list") == [
        "/events/calendar.ics",
        "/events/calendar.ics?year=2008",
    ]
    EventFactory._meta.model.objects.all().delete()
    EventFactory(title="Month only", start_date=datetime.date(2010, 6, 1), date_precision="month")
    assert calendar_links(client, "events:list") == ["/events/calendar.ics"]
    assert LEFT_OUT_NOTE in client.get(reverse("events:list")).content.decode()


@pytest.mark.parametrize("extra", [0, 40])
def test_the_calendars_offered_cost_one_query_at_any_scale(django_assert_num_queries, extra):
    old_archive()
    for index in range(extra):
        EventFactory(
            title=f"Extra {index}",
            kind="soc",
            start_date=datetime.date(2011, 1, 1) + datetime.timedelta(days=index),
            date_precision=DatePrecision.DAY if index % 2 else DatePrecision.MONTH,
        )
    with django_assert_num_queries(1):
        offered = event_views.calendar_examples()
    assert offered["example_year"] == 1999 and offered["has_meetings"] is True


def test_the_demo_data_gives_calendars_with_events(client):
    call_command("load_demo", verbosity=0)
    for page in ("events:list", "events:past"):
        links = calendar_links(client, page)
        assert len(links) == 3
        for url in links:
            assert vevent_summaries(client, url), url
