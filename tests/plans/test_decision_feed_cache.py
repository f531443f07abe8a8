"""Cached feeds of status decisions empty when what they show changes (PAGE_CACHE_SHOWS)."""

import datetime

import pytest
import time_machine

from core.publishing import PublicationStatus
from events.models import Event
from plans.models import PlanStatus
from plans.workflow import record_status_change
from tests.factories import PlanFactory

from .decision_feed_world import NOW, build_world

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.FRAGMENT_CACHE_ENABLED = True
    with time_machine.travel(NOW, tick=False):
        yield


def test_a_renamed_meeting_shows_in_the_cached_feeds(client):
    build_world()
    urls = ["/plans/decisions/feed/", "/plans/energy-plan/feed/atom/"]
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit"
    meeting = Event.objects.get(slug="soc-astana")
    meeting.title = "Renamed meeting"
    meeting.save()
    for url in urls:
        assert "Renamed meeting" in client.get(url).content.decode(), url


def test_a_new_decision_and_an_unpublished_state_show_in_the_cached_feeds(client):
    world = build_world()
    state_feed = "/plans/decisions/state/kazakhstan/feed/"
    client.get(state_feed)
    assert client.get(state_feed)["X-Page-Cache"] == "hit"
    record_status_change(world["plan"], PlanStatus.IN_IMPLEMENTATION, datetime.date(2024, 6, 1))
    assert "Action Plan on Energy: In implementation" in client.get(state_feed).content.decode()
    world["state"].publication_status = PublicationStatus.WITHDRAWN
    world["state"].save()
    assert client.get(state_feed).status_code == 404


def test_a_withdrawn_plan_leaves_the_cached_feed(client):
    build_world()
    plan = PlanFactory(title="Soon withdrawn", slug="soon-withdrawn", priority_area=None)
    record_status_change(plan, PlanStatus.AGREED_BY_SWG, datetime.date(2024, 1, 1))
    assert "Soon withdrawn" in client.get("/plans/decisions/feed/atom/").content.decode()
    plan.publication_status = PublicationStatus.WITHDRAWN
    plan.save()
    assert "Soon withdrawn" not in client.get("/plans/decisions/feed/atom/").content.decode()
    assert client.get("/plans/soon-withdrawn/feed/").status_code == 404
