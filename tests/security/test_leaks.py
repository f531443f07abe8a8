"""Nothing unpublished reaches an anonymous visitor: pages, feeds, ICS, CSV, sitemap, search.

See leak_world.py for what is hidden and how it is tied to published items.
"""

import re
from pprint import pformat

import pytest
from django.test import Client

from core.publishing import PublicationStatus
from publications.models import Publication
from tests.factories import PublicationFactory

from .hostile import body_of
from .leak_world import LEAK, SHOWN, build_world, create_then_delete_one_of_each

pytestmark = pytest.mark.django_db

# Hidden text is stored in lower case; a capitalised copy (capfirst, title) is a leak too.
# Search queries are sent in capitals, so their echo ("ZQLEAK...") is not mistaken for one.
LEAK_PATTERN = re.compile(r"[zZ]qleak[a-z]*")


def text_of(response):
    text = body_of(response).decode("utf-8", "replace")
    # iCalendar folds long lines ("\r\n "): unfold before looking.
    return text.replace("\r\n ", "").replace("\n ", "")


def leaks_in(client, urls, expected_status=200):
    """{url: [markers found]} over the URLs, each fetched once."""
    found = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == expected_status, f"{url} -> {response.status_code}"
        hits = sorted(set(LEAK_PATTERN.findall(text_of(response))))
        if hits:
            found[url] = hits
    return found


def assert_no_leaks(client, urls):
    found = leaks_in(client, urls)
    assert not found, "hidden items shown to visitors:\n" + pformat(found)


def hidden_urls_answer_not_found(client, hidden_urls):
    for url, marker in hidden_urls.items():
        response = client.get(url)
        # A "registration required" About page sends visitors to log in; the rest is 404.
        assert response.status_code in (302, 404), f"{url} -> {response.status_code}"
        assert marker not in text_of(response), url


@pytest.fixture
def world():
    return build_world()


def test_controls_are_visible_so_the_check_can_bite(client, world):
    """Published items carrying ``zqshown`` do show where hidden ones must not."""
    pages = {url: text_of(client.get(url)) for url in world.public_pages()}
    everything = "\n".join(pages.values())
    for control in world.controls:
        assert control in everything, control
    assert f"{SHOWN}plan" in pages["/plans/?format=csv"]
    assert f"{SHOWN}summit" in pages["/events/calendar.ics"]
    assert f"{SHOWN}news" in pages["/publications/feed/rss/"]
    assert f"{SHOWN}host" in pages["/sitemap-members.xml"]
    assert f"{SHOWN}plan" in text_of(client.get(f"/search/?q={SHOWN.upper()}PLAN"))


def test_draft_scheduled_withdrawn_items_leak_nowhere(client, world):
    assert_no_leaks(client, world.public_pages())
    hidden_urls_answer_not_found(client, world.hidden_urls)


def test_deleted_items_leak_nowhere(client, world):
    urls, delete_all = create_then_delete_one_of_each(world)
    before = "\n".join(text_of(client.get(url)) for url in world.public_pages())
    assert f"{LEAK}eventdeleted" in before  # a cancelled event is still listed, marked so
    delete_all()
    assert_no_leaks(client, world.public_pages())
    hidden_urls_answer_not_found(client, urls)


class TestWithThePageCache:
    @pytest.fixture(autouse=True)
    def _page_cache_on(self, settings):
        settings.PAGE_CACHE_ENABLED = True
        settings.FRAGMENT_CACHE_ENABLED = True

    def test_staff_previews_are_not_served_to_visitors(self, staff_client, world):
        for url in world.hidden_urls:
            response = staff_client.get(url)
            if url.endswith(".ics") or "othersite" in url:
                continue  # calendar files and other sites' pages: not even for staff
            assert response.status_code == 200, url
            if not url.startswith("/about/"):  # About pages have no draft state
                assert "no-store" in response["Cache-Control"], url
                assert '<meta name="robots" content="noindex">' in response.content.decode()
        for url in world.public_pages():
            staff_client.get(url)
        visitor = Client()
        for _round in ("first, filling the cache", "second, from the cache"):
            assert_no_leaks(visitor, world.public_pages())
            hidden_urls_answer_not_found(visitor, world.hidden_urls)

    def test_deleted_and_withdrawn_items_leave_the_cache(self, client, world):
        urls, delete_all = create_then_delete_one_of_each(world)
        withdrawn = PublicationFactory(
            title=f"{LEAK}publicationwithdrawnlater", slug=f"{LEAK}publicationwithdrawnlater"
        )
        cached = "\n".join(text_of(client.get(url)) for url in world.public_pages())
        assert f"{LEAK}eventdeleted" in cached and f"{LEAK}publicationwithdrawnlater" in cached
        assert client.get("/events/")["X-Page-Cache"] == "hit"

        delete_all()
        withdrawn.publication_status = PublicationStatus.WITHDRAWN
        withdrawn.save()
        assert not Publication.objects.published().filter(pk=withdrawn.pk).exists()
        assert_no_leaks(client, world.public_pages())
        hidden_urls_answer_not_found(client, {**urls, withdrawn.get_absolute_url(): LEAK})
