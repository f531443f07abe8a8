import datetime
import xml.etree.ElementTree as ET

import pytest

from core.publishing import PublicationStatus
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def rss_items(response):
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return channel, channel.findall("item")


def atom_entries(response):
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    return feed, feed.findall(f"{ATOM}entry")


def test_rss_feed_lists_published_items_newest_first(client):
    PublicationFactory(title="Older & wiser", posted_on=datetime.date(2019, 1, 1))
    PublicationFactory(
        title="Newer", slug="newer", posted_on=datetime.date(2020, 3, 3), author="Press Office"
    )
    channel, items = rss_items(client.get("/publications/feed/rss/"))
    assert channel.findtext("title") == "CICA publications"
    assert channel.findtext("link") == "http://testserver/publications/"
    assert [item.findtext("title") for item in items] == ["Newer", "Older & wiser"]
    newest = items[0]
    assert newest.findtext("link") == "http://testserver/publications/newer/"
    assert newest.findtext("description") == "A short standfirst."
    assert "03 Mar 2020" in newest.findtext("pubDate")
    assert newest.findtext("category") == "News"


def test_atom_feed_parses_and_has_entries(client):
    PublicationFactory(title="Atom item", slug="atom-item")
    feed, entries = atom_entries(client.get("/publications/feed/atom/"))
    assert feed.findtext(f"{ATOM}title") == "CICA publications"
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Atom item"]
    link = entries[0].find(f"{ATOM}link").get("href")
    assert link == "http://testserver/publications/atom-item/"
    assert entries[0].findtext(f"{ATOM}updated")


@pytest.mark.parametrize("format_", ["rss", "atom"])
def test_feed_per_kind_has_only_that_kind(client, format_):
    PublicationFactory(title="The interview", kind="interview")
    PublicationFactory(title="The speech", kind="speech")
    response = client.get(f"/publications/feed/interview/{format_}/")
    assert response.status_code == 200
    if format_ == "rss":
        channel, items = rss_items(response)
        assert channel.findtext("title") == "CICA publications: Interview"
        titles = [item.findtext("title") for item in items]
    else:
        _feed, entries = atom_entries(response)
        titles = [entry.findtext(f"{ATOM}title") for entry in entries]
    assert titles == ["The interview"]


@pytest.mark.parametrize("kind", ["gossip", "INTERVIEW", "press-release", "0"])
def test_unknown_kind_feed_is_404(client, kind):
    assert client.get(f"/publications/feed/{kind}/rss/").status_code == 404
    assert client.get(f"/publications/feed/{kind}/atom/").status_code == 404


def test_press_release_kind_feed_exists(client):
    PublicationFactory(title="Released", kind="press_release")
    _channel, items = rss_items(client.get("/publications/feed/press_release/rss/"))
    assert [item.findtext("title") for item in items] == ["Released"]


@pytest.mark.parametrize(
    "url",
    [
        "/publications/feed/rss/",
        "/publications/feed/atom/",
        "/publications/feed/news/rss/",
        "/publications/feed/news/atom/",
    ],
)
def test_feeds_never_carry_drafts_or_scheduled_items(client, url):
    PublicationFactory(title="Public news")
    PublicationFactory(title="Zqx draft", publication_status=PublicationStatus.DRAFT)
    PublicationFactory(
        title="Zqx scheduled", publish_at=datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC)
    )
    PublicationFactory(title="Zqx withdrawn", publication_status=PublicationStatus.WITHDRAWN)
    content = client.get(url).content.decode()
    ET.fromstring(content)
    assert "Public news" in content
    assert "Zqx" not in content


def test_markup_in_titles_is_escaped_in_the_xml(client):
    PublicationFactory(title="<script>alert(1)</script> & more")
    content = client.get("/publications/feed/rss/").content.decode()
    assert "<script>" not in content
    _channel, items = rss_items(client.get("/publications/feed/rss/"))
    assert items[0].findtext("title") == "<script>alert(1)</script> & more"


@pytest.mark.parametrize("count", [3, 40])
def test_feed_query_count_is_constant(client, django_assert_max_num_queries, count):
    for index in range(count):
        PublicationFactory(kind="news" if index % 2 else "speech")
    for url in ("/publications/feed/rss/", "/publications/feed/news/atom/"):
        with django_assert_max_num_queries(2):
            assert client.get(url).status_code == 200
