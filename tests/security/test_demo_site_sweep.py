"""Every public page of the real demo data: sane answers, links on the visitor's host only."""

import re

import pytest
from django.contrib.sites.models import Site
from django.core.management import call_command

from .hostile import assert_sane_response, body_of
from .public_pages import public_pages

pytestmark = pytest.mark.django_db

# Whatever the Site row says must not reach public URLs: the site answers on many hosts.
SITE_ROW_DOMAIN = "site-row.invalid"


@pytest.fixture
def demo_site(settings):
    settings.ALLOWED_HOSTS = ["cica.example.org"]
    call_command("load_demo", verbosity=0)
    Site.objects.filter(pk=settings.SITE_ID).update(domain=SITE_ROW_DOMAIN)


def test_every_demo_page_answers_and_names_no_other_host_of_ours(client, demo_site):
    for path in public_pages():
        response = client.get(path, HTTP_HOST="cica.example.org")
        assert_sane_response(response, [], path)
        assert response.status_code == 200, path
        text = body_of(response).decode()
        for other in (SITE_ROW_DOMAIN, "example.com", "testserver"):
            assert other not in text, (path, other)


def test_feeds_link_to_the_requested_host(client, demo_site):
    for path in ("/events/feed/rss/", "/events/feed/atom/", "/publications/feed/atom/"):
        text = client.get(path, HTTP_HOST="cica.example.org").content.decode()
        links = re.findall(r"https?://[^/\s\"'<>]+/(?:events|publications)/", text)
        assert links, path
        assert all(link.startswith("http://cica.example.org/") for link in links), path


def test_the_sitemap_lists_every_fixed_page(client, demo_site):
    text = client.get("/sitemap-pages.xml", HTTP_HOST="cica.example.org").content.decode()
    for path in ("/", "/members/", "/plans/", "/plans/status/", "/events/", "/events/past/"):
        assert f"<loc>http://cica.example.org{path}</loc>" in text, path
    assert "<loc>http://cica.example.org/publications/</loc>" in text
