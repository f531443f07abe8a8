"""The page cache through a Redis outage: no stale page afterwards, no waiting meanwhile.

bench/fault_redis.py shows the same with a real Redis frozen and thawed under gunicorn.
"""

from contextlib import contextmanager

import pytest
from django.core.cache import caches

from core import page_cache
from core.publishing import PublicationStatus
from plans.models import Plan
from tests.factories import PlanFactory, member_state

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings, monkeypatch):
    settings.PAGE_CACHE_ENABLED = True
    settings.FRAGMENT_CACHE_ENABLED = True
    monkeypatch.setattr(page_cache, "_outage", {"until": 0.0, "bump_pending": False})


@contextmanager
def redis_unreachable(calls):
    """Every cache operation fails, as with a Redis that is down or hangs."""

    def fail(*args, **kwargs):
        calls.append(args)
        raise ConnectionError("Redis is not answering")

    with pytest.MonkeyPatch.context() as patch:
        for name in ("get", "get_many", "set", "add", "incr", "delete"):
            patch.setattr(caches["default"], name, fail)
        yield


def test_a_change_saved_during_an_outage_is_not_hidden_by_a_page_cached_before(client, monkeypatch):
    monkeypatch.setattr(page_cache, "RETRY_AFTER_SECONDS", 0)
    state = member_state(name="Cached State", summary="Before the outage.")
    url = state.get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"

    with redis_unreachable(calls=[]):
        state.publication_status = PublicationStatus.WITHDRAWN
        state.save()  # the version bump cannot reach Redis
        assert client.get(url).status_code == 404

    # Redis is back with its old pages: the first request bumps the version first.
    response = client.get(url)
    assert response.status_code == 404
    assert "Cached State" not in client.get("/members/").content.decode()


def test_after_an_outage_the_pages_of_every_content_app_are_fresh(client, monkeypatch):
    """The server that saved may not be the one that answers next: all versions move."""
    monkeypatch.setattr(page_cache, "RETRY_AFTER_SECONDS", 0)
    plan = PlanFactory(title="Plan Before The Outage")
    pages = ["/plans/", plan.get_absolute_url(), "/members/"]
    for url in pages:
        client.get(url)
    assert {client.get(url)["X-Page-Cache"] for url in pages} == {"hit"}

    with redis_unreachable(calls=[]):
        assert client.get("/members/").status_code == 200
        # Saved on another server, which could not bump the version either (an update
        # sends no signal).
        Plan.objects.filter(pk=plan.pk).update(title="Plan Saved During The Outage")

    for url in pages:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss", url
    assert "Plan Saved During The Outage" in client.get("/plans/").content.decode()


def test_while_redis_hangs_requests_stop_waiting_for_it(client):
    member_state(name="Patient State")
    calls = []
    with redis_unreachable(calls):
        assert client.get("/members/").status_code == 200
        tried = len(calls)
        for _ in range(3):
            response = client.get("/members/")
            assert response.status_code == 200
            assert "Patient State" in response.content.decode()
        assert len(calls) == tried, "the cache was tried again within the retry delay"


def test_the_cache_is_used_again_once_redis_answers(client, monkeypatch):
    monkeypatch.setattr(page_cache, "RETRY_AFTER_SECONDS", 0)
    member_state(name="Returning State")
    with redis_unreachable(calls=[]):
        assert "X-Page-Cache" not in client.get("/members/")
    assert client.get("/members/")["X-Page-Cache"] == "miss"
    assert client.get("/members/")["X-Page-Cache"] == "hit"
