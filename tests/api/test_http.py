"""The API's HTTP: conditional requests (ETag, Last-Modified, 304), Cache-Control like the
pages, CORS for anonymous GETs from any site, and the anonymous rate limit (429)."""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.utils.http import http_date

from core.publishing import PublicationStatus
from tests.factories import PlanFactory, PublicationFactory

pytestmark = pytest.mark.django_db

PUBLIC = {"public", "max-age=0", "s-maxage=5", "must-revalidate"}
NOON = datetime.datetime(2025, 6, 2, 12, 0, tzinfo=datetime.UTC)


def directives(response):
    return {part.strip() for part in response["Cache-Control"].split(",")}


@pytest.mark.parametrize("page_cache", [False, True])
@pytest.mark.parametrize(
    "path", ["/api/v1/plans/", "/ru/api/v1/plans/", "/api/v1/plans/water-plan/", "/api/v1/"]
)
def test_answers_carry_validators_and_the_pages_cache_control(client, settings, path, page_cache):
    settings.PAGE_CACHE_ENABLED = page_cache
    PlanFactory(slug="water-plan")
    response = client.get(path)
    assert response.status_code == 200
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"].endswith(" GMT")
    assert directives(response) == PUBLIC
    if not path.startswith("/ru/"):
        # As the pages: an unprefixed address answers in the browser's language.
        assert "Accept-Language" in response["Vary"]


@pytest.mark.parametrize("page_cache", [False, True])
def test_a_current_copy_is_304_without_a_query_and_a_save_changes_the_etag(
    client, settings, page_cache, django_assert_num_queries
):
    settings.PAGE_CACHE_ENABLED = page_cache
    plan = PlanFactory(title="Water security")
    first = client.get("/api/v1/plans/")
    etag = first["ETag"]
    with django_assert_num_queries(0):
        again = client.get("/api/v1/plans/", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert directives(again) == PUBLIC

    plan.title = "Water and energy security"
    plan.save()
    changed = client.get("/api/v1/plans/", headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert changed.json()["results"][0]["title"] == "Water and energy security"
    assert (
        client.get("/api/v1/plans/", headers={"If-None-Match": changed["ETag"]}).status_code == 304
    )


def test_publishing_a_draft_changes_the_etag_of_the_list(client):
    publication = PublicationFactory(publication_status=PublicationStatus.DRAFT)
    etag = client.get("/api/v1/publications/")["ETag"]
    publication.publication_status = PublicationStatus.PUBLISHED
    publication.save()
    response = client.get("/api/v1/publications/", headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert response.json()["count"] == 1


def test_if_modified_since_is_304_until_a_save(client):
    with time_machine.travel(NOON, tick=False) as traveller:
        plan = PlanFactory()
        first = client.get("/api/v1/plans/")
        last_modified = first["Last-Modified"]
        assert last_modified == http_date(NOON.timestamp())
        traveller.shift(60)
        same = client.get("/api/v1/plans/", headers={"If-Modified-Since": last_modified})
        assert same.status_code == 304
        assert same["Last-Modified"] == last_modified

        plan.title = "Renamed"
        plan.save()
        changed = client.get("/api/v1/plans/", headers={"If-Modified-Since": last_modified})
        assert changed.status_code == 200
        assert changed["Last-Modified"] == http_date(NOON.timestamp() + 60)


def test_a_scheduled_item_coming_due_moves_last_modified_to_that_request(client):
    """The moment of change is read with the versions: when a request finds a scheduled
    publication due, its answer is dated then, so an older copy is not kept."""
    with time_machine.travel(NOON, tick=False) as traveller:
        PublicationFactory(
            publication_status=PublicationStatus.PUBLISHED,
            publish_at=NOON + datetime.timedelta(hours=1),
        )
        first = client.get("/api/v1/publications/")
        assert first.json()["count"] == 0
        traveller.shift(2 * 60 * 60)
        due = client.get(
            "/api/v1/publications/", headers={"If-Modified-Since": first["Last-Modified"]}
        )
        assert due.status_code == 200
        assert due.json()["count"] == 1
        assert due["Last-Modified"] == http_date(NOON.timestamp() + 2 * 60 * 60)
        again = client.get(
            "/api/v1/publications/", headers={"If-Modified-Since": due["Last-Modified"]}
        )
        assert again.status_code == 304


def test_the_language_is_part_of_the_etag(client):
    PlanFactory()
    english = client.get("/api/v1/plans/")["ETag"]
    russian = client.get("/ru/api/v1/plans/", headers={"If-None-Match": english})
    assert russian.status_code == 200
    assert russian["ETag"] != english


def test_the_openapi_description_is_revalidated_too(client):
    first = client.get("/api/v1/schema/")
    assert first.status_code == 200
    assert first["Last-Modified"]
    again = client.get("/api/v1/schema/", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304


# --- CORS -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/api/v1/plans/", "/ru/api/v1/states/"])
def test_any_site_may_read_the_api_without_credentials(client, path):
    response = client.get(path, headers={"Origin": "https://research.example"})
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    exposed = response["Access-Control-Expose-Headers"].lower()
    assert "etag" in exposed and "retry-after" in exposed


def test_a_preflight_allows_conditional_gets_only(client):
    response = client.options(
        "/api/v1/decisions/",
        headers={
            "Origin": "https://research.example",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "if-none-match",
        },
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    methods = {method.strip() for method in response["Access-Control-Allow-Methods"].split(",")}
    assert methods == {"GET", "HEAD", "OPTIONS"}
    assert "if-none-match" in response["Access-Control-Allow-Headers"]


def test_pages_and_the_admin_carry_no_cors_headers(client):
    for path in ("/plans/", "/ru/plans/", "/admin/login/"):
        response = client.get(path, headers={"Origin": "https://research.example"})
        assert "Access-Control-Allow-Origin" not in response, path


# --- Rate limit -------------------------------------------------------------------------


@pytest.fixture
def tiny_rate(settings):
    settings.API_RATE_LIMIT = "2/min"
    return settings


def test_past_the_rate_limit_the_api_answers_429_with_retry_after(client, tiny_rate):
    with time_machine.travel(NOON, tick=False) as traveller:
        for _ in range(2):
            assert client.get("/api/v1/plans/").status_code == 200
        traveller.shift(15)
        refused = client.get("/api/v1/plans/", headers={"Origin": "https://research.example"})
        assert refused.status_code == 429
        assert refused["Retry-After"] == "45"
        assert "detail" in refused.json()
        # Not kept by a shared proxy for other clients; readable by other sites' scripts.
        assert "no-store" in directives(refused)
        assert refused["Access-Control-Allow-Origin"] == "*"
        # Another address has a count of its own; pages are not limited.
        assert client.get("/api/v1/plans/", REMOTE_ADDR="192.0.2.7").status_code == 200
        assert client.get("/plans/").status_code == 200
        traveller.shift(46)
        assert client.get("/api/v1/plans/").status_code == 200


def test_the_limit_holds_for_cached_answers_and_in_every_language(client, tiny_rate):
    tiny_rate.PAGE_CACHE_ENABLED = True
    assert client.get("/api/v1/plans/").status_code == 200
    assert client.get("/api/v1/plans/")["X-Page-Cache"] == "hit"
    assert client.get("/ru/api/v1/plans/").status_code == 429


def test_the_count_is_kept_in_the_shared_cache(client, tiny_rate):
    # The default cache is Redis when REDIS_URL is set, the same for every app server:
    # emptying it forgets the count.
    for _ in range(2):
        client.get("/api/v1/events/")
    assert client.get("/api/v1/events/").status_code == 429
    assert cache.get("throttle_anon_127.0.0.1")
    cache.clear()
    assert client.get("/api/v1/events/").status_code == 200


def test_behind_the_proxy_the_limit_is_per_client_address(client, tiny_rate):
    # NUM_PROXIES=1: the address our proxy added last, not one the client wrote before it.
    for forged in ("198.51.100.1", "198.51.100.2"):
        forwarded = f"{forged}, 203.0.113.9"
        response = client.get("/api/v1/plans/", headers={"X-Forwarded-For": forwarded})
        assert response.status_code == 200
    forwarded = "198.51.100.3, 203.0.113.9"
    assert client.get("/api/v1/plans/", headers={"X-Forwarded-For": forwarded}).status_code == 429
    other = "198.51.100.3, 203.0.113.10"
    assert client.get("/api/v1/plans/", headers={"X-Forwarded-For": other}).status_code == 200
