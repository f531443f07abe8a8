"""Feeds, calendars and CSV in the requested language, titles in it where they exist."""

import datetime

import pytest
from django.utils import timezone, translation

from tests.factories import EventFactory, PlanFactory, PublicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_after_each_request():
    yield
    translation.activate("en")


def test_publication_feeds_in_russian_use_russian_titles_where_they_exist(client):
    PublicationFactory(title="Summit statement", title_ru="Заявление саммита")
    PublicationFactory(title="English only news")
    for feed in ("/ru/publications/feed/rss/", "/ru/publications/feed/atom/"):
        text = client.get(feed).content.decode()
        assert "Заявление саммита" in text and "Summit statement" not in text
        assert "English only news" in text
        assert "/ru/publications/" in text
    english = client.get("/publications/feed/rss/").content.decode()
    assert "Summit statement" in english and "Заявление саммита" not in english


def test_event_feed_and_calendars_in_russian(client):
    event = EventFactory(
        title="Ministerial Council",
        title_ru="Совещание министров",
        start_date=timezone.localdate() + datetime.timedelta(days=10),
    )
    rss = client.get("/ru/events/feed/rss/").content.decode()
    assert "Совещание министров" in rss
    calendar = client.get("/ru/events/calendar.ics").content.decode()
    assert "SUMMARY:Совещание министров" in calendar
    single = client.get(f"/ru/events/{event.slug}.ics").content.decode()
    assert "SUMMARY:Совещание министров" in single
    assert "SUMMARY:Ministerial Council" in client.get("/events/calendar.ics").content.decode()


def test_plan_csv_in_russian(client):
    PlanFactory(title="Action Plan on Energy", title_ru="План действий в области энергетики")
    PlanFactory(title="English-only plan")
    response = client.get("/ru/plans/", {"format": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content if response.streaming else [response.content])
    text = text.decode("utf-8-sig")
    assert "План действий в области энергетики" in text and "English-only plan" in text
    assert "Action Plan on Energy" not in text
