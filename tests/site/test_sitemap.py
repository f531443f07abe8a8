import datetime
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.utils.http import http_date

from cica_site import demo as site_demo
from core.publishing import PublicationStatus
from members import demo as members_demo
from publications import demo as publications_demo
from tests.factories import (
    ParticipantFactory,
    PublicationFactory,
    PublicationsEventFactory,
    PublicationsPlanFactory,
)

pytestmark = pytest.mark.django_db

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_entries(client):
    """Every address in the sitemap: /sitemap.xml is an index of section sitemaps (issue 7)."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    entries = {}
    for section in ET.fromstring(response.content).findall(f"{NS}sitemap"):
        location = urlsplit(section.findtext(f"{NS}loc"))
        assert location.netloc == "testserver"
        page = client.get(location.path + (f"?{location.query}" if location.query else ""))
        assert page.status_code == 200
        root = ET.fromstring(page.content)
        entries |= {
            url.findtext(f"{NS}loc"): url.findtext(f"{NS}lastmod")
            for url in root.findall(f"{NS}url")
        }
    return entries


def test_sitemap_lists_every_public_page_and_each_answers_200(client):
    members_demo.load()
    publications_demo.load()
    site_demo.load()
    plan = PublicationsPlanFactory(slug="drugs-concept-paper")
    event = PublicationsEventFactory(slug="third-cica-summit")
    entries = sitemap_entries(client)
    paths = {urlsplit(loc).path for loc in entries}
    for expected in (
        "/",
        "/members/",
        "/plans/",
        "/events/",
        "/publications/",
        "/about/",
        "/about/structure/",
        "/about/secretariat/",
        "/members/kazakhstan/",
        "/members/united-nations/",
        plan.get_absolute_url(),
        event.get_absolute_url(),
        "/publications/dulat-bakishev-cica-is-not-a-panacea-for-all-sores/",
    ):
        assert expected in paths, expected
    assert all(loc.startswith("http://testserver/") for loc in entries)
    for path in sorted(paths):
        assert client.get(path).status_code == 200, path


def test_lastmod_is_given_where_known(client):
    publication = PublicationFactory(slug="dated")
    event = PublicationsEventFactory(slug="dated-event")
    entries = {urlsplit(loc).path: lastmod for loc, lastmod in sitemap_entries(client).items()}
    assert datetime.datetime.fromisoformat(entries["/publications/dated/"]) == (
        publication.updated_at
    )
    assert datetime.datetime.fromisoformat(entries["/events/dated-event/"]) == event.updated_at


def test_the_index_gives_the_latest_change_of_dated_sections(client):
    PublicationFactory(slug="older")
    newer = PublicationFactory(slug="newer")
    ParticipantFactory(slug="undated")
    root = ET.fromstring(client.get("/sitemap.xml").content)
    lastmods = {
        urlsplit(entry.findtext(f"{NS}loc")).path: entry.findtext(f"{NS}lastmod")
        for entry in root.findall(f"{NS}sitemap")
    }
    assert datetime.datetime.fromisoformat(lastmods["/sitemap-publications.xml"]) == (
        newer.updated_at
    )
    assert lastmods["/sitemap-members.xml"] is None


def test_sitemap_uses_the_requested_host_not_the_site_row(client):
    PublicationFactory(slug="hosted")
    entries = sitemap_entries(client)
    assert "http://testserver/publications/hosted/" in entries
    assert not any("example.com" in loc for loc in entries)


@pytest.mark.parametrize(
    "extra",
    [
        {"publication_status": PublicationStatus.DRAFT},
        {"publication_status": PublicationStatus.WITHDRAWN},
        {"publish_at": datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC)},
    ],
)
def test_unpublished_items_are_not_in_the_sitemap(client, extra):
    ParticipantFactory(slug="zqx-state", **extra)
    PublicationsPlanFactory(slug="zqx-plan", **extra)
    PublicationsEventFactory(slug="zqx-event", **extra)
    PublicationFactory(slug="zqx-publication", **extra)
    assert not any("zqx" in loc for loc in sitemap_entries(client))


@pytest.mark.parametrize("count", [2, 25])
def test_sitemap_query_count_is_constant(client, django_assert_max_num_queries, count):
    site_demo.load()
    for _ in range(count):
        ParticipantFactory()
        PublicationsPlanFactory()
        PublicationsEventFactory()
        PublicationFactory()
    # The index: per section a count, and the latest change where known (events,
    # publications); plus the Site lookup. A section page: its rows (the fixed and About
    # pages, built by Django's Sitemap, a count too).
    with django_assert_max_num_queries(9):
        assert client.get("/sitemap.xml").status_code == 200
    for section in ("pages", "about", "members", "plans", "events", "publications"):
        with django_assert_max_num_queries(3):
            assert client.get(f"/sitemap-{section}.xml").status_code == 200


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_a_dated_section_sends_last_modified_of_its_newest_item(client):
    PublicationFactory(slug="older")
    newer = PublicationFactory(slug="newer")
    response = client.get("/sitemap-publications.xml")
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, noodp, noarchive"
    assert response["Last-Modified"] == http_date(newer.updated_at.timestamp())
    # Members carry no change date: no Last-Modified rather than a wrong one.
    ParticipantFactory(slug="undated")
    assert "Last-Modified" not in client.get("/sitemap-members.xml")


@pytest.mark.parametrize("page", ["abc", "0", "2", "-1"])
def test_a_section_page_that_does_not_exist_is_404(client, page):
    PublicationFactory(slug="only-one")
    assert client.get(f"/sitemap-publications.xml?p={page}").status_code == 404


def test_a_section_split_into_pages_lists_each_item_once(client, monkeypatch):
    from cica_site import sitemaps

    for cls in sitemaps.SITEMAPS.values():
        monkeypatch.setattr(cls, "limit", 2)
    for index in range(5):
        PublicationFactory(slug=f"paged-{index}")
    # Five items in two languages: ten addresses, two a page.
    index_xml = client.get("/sitemap.xml").content.decode()
    assert "/sitemap-publications.xml?p=5" in index_xml
    assert "/sitemap-publications.xml?p=6" not in index_xml
    pages = []
    for page in (1, 2, 3, 4, 5):
        response = client.get(f"/sitemap-publications.xml?p={page}")
        assert response.status_code == 200
        pages.append(
            [
                urlsplit(loc.text).path
                for loc in ET.fromstring(response.content).iter()
                if loc.tag.endswith("loc")
            ]
        )
    assert [len(page) for page in pages] == [2, 2, 2, 2, 2]
    assert sorted(sum(pages, [])) == sorted(
        f"{prefix}/publications/paged-{index}/" for index in range(5) for prefix in ("", "/ru")
    )
    assert client.get("/sitemap-publications.xml?p=6").status_code == 404
    assert client.get("/sitemap-members.xml?p=1").status_code == 200  # empty section: page 1


@pytest.mark.usefixtures("fragments_only")
class TestSectionFragment:
    """A section page drawn anew (page cache off) from its cached fragment: read and drawn
    again only after a save of the content."""

    def test_a_second_fetch_reads_nothing_and_a_save_shows(self, client, django_assert_num_queries):
        publication = PublicationFactory(slug="first-news")
        first = client.get("/sitemap-publications.xml")
        with django_assert_num_queries(0):
            second = client.get("/sitemap-publications.xml")
        assert second.content == first.content
        assert "/publications/first-news/" in second.content.decode()
        assert second["Last-Modified"] == first["Last-Modified"]
        publication.slug = "renamed-news"
        publication.save()
        assert (
            "/publications/renamed-news/"
            in client.get("/sitemap-publications.xml").content.decode()
        )
        assert client.get("/sitemap-publications.xml?p=9").status_code == 404
