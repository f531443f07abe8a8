"""What every response tells browsers and shared proxies about keeping it.

A publish must show on a visitor's next request, and through a shared proxy within
seconds; what staff see (drafts among it) must never be kept by any cache.
"""

import pytest

from core.publishing import PublicationStatus
from tests.factories import PublicationFactory, member_state

pytestmark = pytest.mark.django_db

PUBLIC = {"public", "max-age=0", "s-maxage=5", "must-revalidate"}


def directives(response):
    return {part.strip() for part in response["Cache-Control"].split(",")}


@pytest.mark.parametrize("page_cache", [True, False])
def test_anonymous_pages_are_revalidated_by_browsers_and_kept_seconds_by_proxies(
    client, settings, page_cache
):
    settings.PAGE_CACHE_ENABLED = page_cache
    state = member_state(name="Proxyland")
    publication = PublicationFactory()
    for url in ("/", "/members/", state.get_absolute_url(), publication.get_absolute_url()):
        response = client.get(url)
        assert response.status_code == 200, url
        assert directives(response) == PUBLIC, url


def test_a_publish_is_seen_on_the_next_anonymous_request(client, settings):
    settings.PAGE_CACHE_ENABLED = True
    publication = PublicationFactory(
        title="Soon public", publication_status=PublicationStatus.DRAFT
    )
    assert "Soon public" not in client.get("/publications/").content.decode()
    publication.publication_status = PublicationStatus.PUBLISHED
    publication.save()
    response = client.get("/publications/")
    assert "Soon public" in response.content.decode()
    assert directives(response) == PUBLIC


def test_anonymous_not_found_pages_are_not_kept_long(client):
    response = client.get("/members/no-such-state/")
    assert response.status_code == 404
    assert directives(response) == PUBLIC


@pytest.mark.parametrize("page_cache", [True, False])
def test_staff_pages_are_never_stored(staff_client, settings, page_cache):
    settings.PAGE_CACHE_ENABLED = page_cache
    publication = PublicationFactory()
    for url in ("/", "/members/", publication.get_absolute_url()):
        response = staff_client.get(url)
        assert response.status_code == 200, url
        assert {"private", "no-store"} <= directives(response), url
        assert "public" not in directives(response), url


def test_a_view_that_says_how_long_its_answer_keeps_keeps_it(client):
    assert "max-age=86400" in client.get("/.well-known/security.txt")["Cache-Control"]
