import datetime
import hashlib

import pytest
import time_machine
from django.core.cache import caches
from django.test import override_settings
from django.utils import timezone

from core.publishing import PublicationStatus
from tests.factories import member_state

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.FRAGMENT_CACHE_ENABLED = True


REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/7",  # this suite's own Redis database
        "KEY_PREFIX": "cica-test",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
}
REDIS_DOWN = {
    "default": {
        **REDIS["default"],
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
    }
}


def test_second_anonymous_request_is_served_from_cache(client, django_assert_num_queries):
    member_state(name="Cacheland")
    first = client.get("/members/")
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/members/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "public" in second["Cache-Control"]


def test_browsers_ask_again_each_time_and_shared_caches_keep_a_page_seconds(client):
    """A publish shows on the next request, and through a shared proxy within 5 seconds."""
    member_state(name="Proxyland")
    for response in (client.get("/members/"), client.get("/members/")):
        directives = {part.strip() for part in response["Cache-Control"].split(",")}
        assert directives == {"public", "max-age=0", "s-maxage=5", "must-revalidate"}
    assert client.get("/members/", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_a_view_that_says_how_long_its_answer_keeps_is_left_alone(client):
    response = client.get("/.well-known/security.txt")
    assert response["X-Page-Cache"] == "miss"
    assert "max-age=86400" in response["Cache-Control"]


def test_a_change_shows_on_the_next_request(client):
    state = member_state(name="Before")
    assert "Before" in client.get("/members/").content.decode()
    state.name = "After"
    state.save()
    html = client.get("/members/").content.decode()
    assert "After" in html and ">Before<" not in html


def test_deleting_shows_on_the_next_request(client):
    state = member_state(name="Gone Soon")
    assert "Gone Soon" in client.get("/members/").content.decode()
    state.delete()
    assert "Gone Soon" not in client.get("/members/").content.decode()


def test_scheduled_item_appears_at_its_time_without_a_save(client):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        member_state(
            name="Scheduled State",
            publish_at=start + datetime.timedelta(minutes=5),
            publication_status=PublicationStatus.PUBLISHED,
        )
        member_state(name="Visible State")
        assert "Scheduled State" not in client.get("/members/").content.decode()
        # Within the 10 minutes a page keeps: the moment, not the expiry, brings it.
        traveller.shift(datetime.timedelta(minutes=4, seconds=59))
        assert client.get("/members/")["X-Page-Cache"] == "hit"
        traveller.shift(datetime.timedelta(seconds=2))
        assert "Scheduled State" in client.get("/members/").content.decode()


def test_requests_with_a_session_bypass_the_cache(staff_client):
    member_state(name="Staffland")
    staff_client.get("/members/")
    response = staff_client.get("/members/")
    assert "X-Page-Cache" not in response


def test_admin_is_never_cached(staff_client, client):
    assert "X-Page-Cache" not in client.get("/admin/login/")


def test_conditional_get_answers_304(client):
    member_state(name="Etagland")
    response = client.get("/members/")
    etag = response["ETag"]
    again = client.get("/members/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""


def test_a_cached_page_keeps_the_etag_of_its_content(client):
    member_state(name="Etagland")
    miss = client.get("/members/")
    hit = client.get("/members/")
    assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    assert hit["ETag"] == miss["ETag"] == f'"{hashlib.md5(hit.content).hexdigest()}"'
    assert client.get("/members/", HTTP_IF_NONE_MATCH=hit["ETag"]).status_code == 304
    member_state(name="Newland")
    changed = client.get("/members/")
    assert "Newland" in changed.content.decode()
    assert changed["ETag"] != miss["ETag"]
    assert client.get("/members/", HTTP_IF_NONE_MATCH=miss["ETag"]).status_code == 200


def test_errors_are_not_cached(client):
    assert client.get("/members/nowhere/").status_code == 404
    assert "X-Page-Cache" not in client.get("/members/nowhere/")


@override_settings(CACHES=REDIS)
def test_version_bump_is_seen_through_a_second_redis_connection(client):
    """Two app servers share Redis: a save through one invalidates pages on the other."""
    from core import page_cache

    caches["default"].clear()
    member_state(name="Shared One")
    client.get("/members/")
    other_server = caches.create_connection("default")
    seen_before = other_server.get(page_cache.version_key("members"))
    member_state(name="Shared Two")
    assert other_server.get(page_cache.version_key("members")) != seen_before
    assert "Shared Two" in client.get("/members/").content.decode()
    caches["default"].clear()


@override_settings(CACHES=REDIS)
def test_through_redis_a_save_empties_only_the_pages_that_show_it(client):
    caches["default"].clear()
    member_state(name="Redisland")
    pages = ["/members/", "/publications/", "/robots.txt"]
    for url in pages:
        assert client.get(url)["X-Page-Cache"] == "miss", url
    member_state(name="Second Redisland")
    states = {url: client.get(url)["X-Page-Cache"] for url in pages}
    assert states == {"/members/": "miss", "/publications/": "hit", "/robots.txt": "hit"}
    assert "Second Redisland" in client.get("/members/").content.decode()
    caches["default"].clear()


@override_settings(CACHES=REDIS_DOWN)
def test_site_keeps_serving_when_redis_is_down(client):
    member_state(name="Redisless")
    response = client.get("/members/")
    assert response.status_code == 200
    assert "Redisless" in response.content.decode()
    assert "X-Page-Cache" not in response
