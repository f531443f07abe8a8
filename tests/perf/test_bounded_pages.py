"""What changed so that pages stay small and fast at scale, and still say the same thing."""

import datetime
import itertools
import xml.etree.ElementTree as ET
import zoneinfo

import pytest
import time_machine
from django.urls import reverse
from icalendar import Calendar

from cica_site import sitemaps
from core.queries import years_with
from events import views as event_views
from events.models import Event
from events.templatetags import event_tags
from plans import views as plan_views
from plans.models import PlanStatus
from publications.models import Publication
from tests.factories import (
    EventFactory,
    PlanFactory,
    PublicationFactory,
    member_state,
    plan_with_status,
)

pytestmark = pytest.mark.django_db
ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")
NOW = datetime.datetime(2030, 6, 10, 12, 0, tzinfo=ALMATY)
ZONES = ["Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Almaty", "America/Los_Angeles"]


@time_machine.travel(NOW, tick=False)
def test_upcoming_and_past_split_events_exactly_whatever_the_venue_zone():
    """The last_date bounds added for the index change no result (see events.models)."""
    events = []
    for index, (zone, hours) in enumerate(itertools.product(ZONES, range(-40, 41, 7))):
        start = NOW + datetime.timedelta(hours=hours)
        local = start.astimezone(zoneinfo.ZoneInfo(zone))
        events.append(
            EventFactory(
                title=f"Timed {index}",
                timezone=zone,
                starts_at=local - datetime.timedelta(hours=2),
                ends_at=local,
            )
        )
    for days in range(-3, 4):
        events.append(
            EventFactory(title=f"All day {days}", start_date=NOW.date() + datetime.timedelta(days))
        )
    upcoming = set(Event.objects.upcoming().values_list("pk", flat=True))
    past = set(Event.objects.past().values_list("pk", flat=True))
    assert upcoming == {event.pk for event in events if not event.is_over}
    assert past == {event.pk for event in events if event.is_over}
    ordered = list(Event.objects.upcoming())
    # Soonest first; on a day, all-day events before timed ones.
    assert ordered == sorted(
        ordered, key=lambda e: (e.start_date, e.starts_at is not None, e.starts_at or NOW, e.pk)
    )


def calendar_uids(client, **params):
    response = client.get(reverse("events:calendar_ics"), params)
    assert response.status_code == 200
    return [str(c["UID"]) for c in Calendar.from_ical(response.content).walk("VEVENT")]


@time_machine.travel(NOW, tick=False)
def test_the_calendar_holds_the_latest_past_events_and_each_year_on_request(client, monkeypatch):
    monkeypatch.setattr(event_views, "CALENDAR_RECENT", 2)
    oldest = EventFactory(title="Oldest", start_date=datetime.date(1999, 9, 14))
    old = EventFactory(title="Old", start_date=datetime.date(2002, 6, 4))
    last_year = EventFactory(title="Last year", start_date=datetime.date(2029, 1, 1))
    ahead = EventFactory(title="Ahead", start_date=datetime.date(2033, 5, 5))
    uids = calendar_uids(client)
    assert uids == [f"event-{e.pk}@s-cica.org" for e in (old, last_year, ahead)]
    assert calendar_uids(client, year=1999) == [f"event-{oldest.pk}@s-cica.org"]
    assert client.get(reverse("events:calendar_ics"), {"year": "1066"}).status_code == 400
    assert client.get(reverse("events:calendar_ics"), {"year": "soon"}).status_code == 400


@time_machine.travel(NOW, tick=False)
def test_a_full_calendar_keeps_the_events_nearest_today(client, monkeypatch):
    monkeypatch.setattr(event_views, "CALENDAR_UPCOMING", 3)
    monkeypatch.setattr(event_views, "CALENDAR_RECENT", 1)
    today = NOW.date()
    dates = [today + datetime.timedelta(days=offset) for offset in (-300, -2, 1, 5, 9, 400)]
    events = [EventFactory(title=f"E{index}", start_date=day) for index, day in enumerate(dates)]
    kept = events[1:5]  # the most recent past event, then the next three
    assert calendar_uids(client) == [f"event-{e.pk}@s-cica.org" for e in kept]


def test_the_sitemap_index_pages_large_sections(client, monkeypatch):
    for cls in sitemaps.SITEMAPS.values():
        monkeypatch.setattr(cls, "limit", 3)
    published = [PublicationFactory(slug=f"news-{n}") for n in range(7)]
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locations = [e.findtext(f"{ns}loc") for e in ET.fromstring(response.content)]
    pages = [loc for loc in locations if "sitemap-publications" in loc]
    # Seven items in two languages: 14 addresses, three a page.
    assert pages == ["http://testserver/sitemap-publications.xml"] + [
        f"http://testserver/sitemap-publications.xml?p={page}" for page in range(2, 6)
    ]
    listed = []
    for page in pages:
        body = client.get(page.removeprefix("http://testserver")).content
        listed += [e.findtext(f"{ns}loc") for e in ET.fromstring(body)]
    assert sorted(listed) == sorted(
        f"http://testserver{prefix}/publications/news-{n}/"
        for n in range(7)
        for prefix in ("", "/ru")
    )
    assert len(published) == 7
    assert client.get("/sitemap-publications.xml?p=6").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_years_with_equals_distinct_years():
    for year in (1999, 2003, 2003, 2020, 2021):
        PublicationFactory(posted_on=datetime.date(year, 5, 1))
    PublicationFactory(posted_on=datetime.date(2010, 1, 1), publication_status="draft")
    published = Publication.objects.published()
    assert years_with(published, "posted_on") == [2021, 2020, 2003, 1999]
    assert years_with(Publication.objects.all(), "posted_on") == [2021, 2020, 2010, 2003, 1999]
    assert years_with(published.filter(kind="speech"), "posted_on") == []


def test_member_page_lists_the_latest_events_hosted_and_links_to_all(client, monkeypatch):
    monkeypatch.setattr(event_tags, "HOSTED_LIMIT", 3)
    state = member_state(name="Hostland")
    for day in range(1, 6):
        EventFactory(title=f"Hosted {day}", start_date=datetime.date(2020, 1, day), hosts=[state])
    html = client.get(state.get_absolute_url()).content.decode()
    assert "Hosted 5" in html and "Hosted 3" in html and "Hosted 2" not in html
    assert "The 3 most recent events are listed." in html
    assert f'href="/events/past/?host={state.slug}"' in html
    past = client.get(f"/events/past/?host={state.slug}")
    assert len(past.context["events"]) == 5


@time_machine.travel(datetime.datetime(2024, 6, 15, 12, tzinfo=datetime.UTC), tick=False)
def test_board_lists_are_bounded_and_say_so(client, monkeypatch):
    monkeypatch.setattr(plan_views, "BOARD_LIST_LIMIT", 2)
    for index in range(3):
        plan_with_status(
            PlanStatus.APPROVED_BY_SOC, title=f"Recent {index}", slug=f"recent-{index}",
            decided_on=datetime.date(2024, 6, 1 + index), start_year=2015, end_year=2016,
        )  # fmt: skip
    PlanFactory(title="Draft open", slug="draft-open", start_year=2010, end_year=2011)
    response = client.get(reverse("plans:status_board"))
    assert [plan.title for plan in response.context["board"].recently_changed] == [
        "Recent 2",
        "Recent 1",
    ]
    assert response.context["board"].recently_changed_more
    assert [plan.title for plan in response.context["board"].period_ended] == [
        "Draft open",
        "Recent 0",
    ]
    html = response.content.decode()
    assert "Only the 2 most recent decisions are listed." in html
    assert "Only the 2 whose period ended longest ago are listed." in html
