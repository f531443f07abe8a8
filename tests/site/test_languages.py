"""English at the addresses it always had, Russian under /ru/ (issue 21).

Every page type answers under /ru/ in Russian; the switch and the hreflang alternates
lead to the same page (object, filters, page number) in the other language; the page
cache keeps one page per language; bad language input falls back to English.
"""

import datetime
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import resolve, reverse
from django.utils import translation

from core import slug_urls
from tests.factories import (
    CoordinationFactory,
    EventFactory,
    PlanFactory,
    PublicationFactory,
    member_state,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    """One published item of each content type, and an About page."""
    state = member_state(name="Coordinating State")
    plan = PlanFactory(
        title="Water Security Plan", title_ru="План водной безопасности", slug="water-security-plan"
    )
    CoordinationFactory(state=state, plan=plan)
    event = EventFactory(
        title="Summit of Waters", start_date=datetime.date(2030, 6, 4), hosts=[state]
    )
    publication = PublicationFactory(title="News of Waters", slug="news-of-waters")
    page = FlatPage.objects.create(url="/about/", title="About CICA", content="<p>About.</p>")
    page.sites.add(Site.objects.get_current())
    return {"state": state, "plan": plan, "event": event, "publication": publication}


def html_lang(response):
    return re.search(r'<html lang="([\w-]+)"', response.text)[1]


def switch_links(response):
    """{hreflang: href} of the language switch's links."""
    nav = re.search(r'<nav class="language-switch".*?</nav>', response.text, re.S)[0]
    return dict(
        (lang, href.replace("&amp;", "&"))
        for href, lang in re.findall(r'<a href="([^"]*)" hreflang="([\w-]+)" lang="\2">', nav)
    )


def alternates(response):
    """{hreflang: href} of the page's <link rel="alternate" hreflang>."""
    return {
        lang: href.replace("&amp;", "&")
        for lang, href in re.findall(
            r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]*)">', response.text
        )
    }


def html_pages(site):
    event = site["event"]
    return [
        "/",
        "/members/",
        site["state"].get_absolute_url(),
        "/plans/",
        "/plans/status/",
        site["plan"].get_absolute_url(),
        "/events/",
        "/events/past/",
        f"/events/{event.start_date.year}/{event.start_date.month}/",
        event.get_absolute_url(),
        "/publications/",
        site["publication"].get_absolute_url(),
        "/search/?q=water",
        "/about/",
    ]


def test_every_page_type_answers_in_russian_under_ru(client, site):
    for path in html_pages(site):
        english = client.get(path)
        russian = client.get(f"/ru{path}")
        assert english.status_code == russian.status_code == 200, path
        assert (html_lang(english), english["Content-Language"]) == ("en", "en"), path
        assert (html_lang(russian), russian["Content-Language"]) == ("ru", "ru"), path


def test_feeds_calendars_csv_and_admin_answer_under_ru(client, site):
    paths = [
        "/events/feed/rss/",
        "/events/feed/atom/",
        "/events/calendar.ics",
        site["event"].get_ics_url(),
        "/publications/feed/rss/",
        "/publications/feed/atom/",
        "/publications/feed/news/rss/",
        "/plans/?format=csv",
    ]
    for path in paths:
        english, russian = client.get(path), client.get(f"/ru{path}")
        assert english.status_code == russian.status_code == 200, path
        assert english["Content-Type"] == russian["Content-Type"], path
        assert russian["Content-Language"] == "ru", path
    login = client.get("/ru/admin/login/")
    assert login.status_code == 200 and html_lang(login) == "ru"
    assert client.get("/ru/admin/")["Location"].startswith("/ru/admin/login/")


def test_russian_pages_link_to_russian_pages_and_feeds(client, site):
    event, plan = site["event"].get_absolute_url(), site["plan"].get_absolute_url()
    feed = client.get("/ru/events/feed/rss/").text
    assert f"<link>http://testserver/ru{event}</link>" in feed
    assert "<language>ru</language>" in feed
    assert "<language>en</language>" in client.get("/events/feed/rss/").text
    page = client.get("/ru/plans/").text
    assert 'href="/ru/members/"' in page and 'action="/ru/search/"' in page
    assert f'href="/ru{plan}"' in page
    assert 'href="/members/"' not in page


def test_english_urls_are_unchanged(site):
    assert reverse("plans:list") == "/plans/"
    assert site["plan"].get_absolute_url() == "/plans/water-security-plan/"
    with translation.override("ru"):
        assert reverse("plans:list") == "/ru/plans/"
        assert site["plan"].get_absolute_url() == "/ru/plans/water-security-plan/"
    assert reverse("sitemap") == "/sitemap.xml"


def test_detail_addresses_are_cached_per_language(site):
    slug_urls._url_parts.cache_clear()
    assert slug_urls.slug_url("plans:detail", "a-plan") == "/plans/a-plan/"
    with translation.override("ru"):
        assert slug_urls.slug_url("plans:detail", "a-plan") == "/ru/plans/a-plan/"
        assert slug_urls.slug_url_function("events:detail")("x") == "/ru/events/x/"
    assert slug_urls.slug_url("plans:detail", "a-plan") == "/plans/a-plan/"


def test_the_switch_leads_to_the_same_object_in_the_other_language(client, site):
    for path in html_pages(site):
        assert switch_links(client.get(path)) == {"ru": f"/ru{path}"}, path
        assert switch_links(client.get(f"/ru{path}")) == {"en": path}, path


def test_the_switch_keeps_filters_sort_and_page_number(client, site):
    query = f"?dimension={site['plan'].dimension.slug}&status=draft&sort=-title&page=1"
    assert switch_links(client.get(f"/plans/{query}")) == {"ru": f"/ru/plans/{query}"}
    assert switch_links(client.get(f"/ru/plans/{query}")) == {"en": f"/plans/{query}"}


def test_the_switch_names_each_language_in_itself_and_marks_the_current_one(client, site):
    english = client.get("/plans/").text
    assert '<span aria-current="true" lang="en">English</span>' in english
    assert '<a href="/ru/plans/" hreflang="ru" lang="ru">Русский</a>' in english
    russian = client.get("/ru/plans/").text
    assert '<span aria-current="true" lang="ru">Русский</span>' in russian
    assert '<a href="/plans/" hreflang="en" lang="en">English</a>' in russian


def test_the_switch_escapes_the_query_string(client, site):
    html = client.get('/plans/?q="><script>alert(1)</script>').text
    assert "<script>alert(1)" not in html
    assert "/ru/plans/?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E" in html


def test_each_page_names_its_alternates_and_x_default(client, site):
    plan = site["plan"].get_absolute_url()
    expected = {
        "en": f"http://testserver{plan}",
        "ru": f"http://testserver/ru{plan}",
        "x-default": f"http://testserver{plan}",
    }
    assert alternates(client.get(plan)) == expected
    assert alternates(client.get(f"/ru{plan}")) == expected
    assert alternates(client.get("/ru/plans/?page=1&status=draft")) == {
        "en": "http://testserver/plans/?page=1&status=draft",
        "ru": "http://testserver/ru/plans/?page=1&status=draft",
        "x-default": "http://testserver/plans/?page=1&status=draft",
    }


def render_alternates(path, **context):
    request = RequestFactory().get(path)
    request.resolver_match = resolve(path)
    template = Template("{% load languages %}{% language_alternates %}")
    return template.render(Context({"request": request, **context}))


def test_a_detail_view_may_announce_only_the_languages_its_item_exists_in(site):
    plan = site["plan"].get_absolute_url()
    only_english = render_alternates(plan, content_languages=["en"])
    assert 'hreflang="ru"' not in only_english
    assert f'hreflang="en" href="http://testserver{plan}"' in only_english
    assert f'hreflang="x-default" href="http://testserver{plan}"' in only_english
    both = render_alternates(plan, content_languages=("en", "ru"))
    assert 'hreflang="ru"' in both and 'hreflang="x-default"' in both


def test_a_missing_page_offers_each_language_home_and_no_alternates(client, site):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert switch_links(response) == {"ru": "/ru/"}
    assert alternates(response) == {}
    assert switch_links(client.get("/ru/no-such-page/")) == {"en": "/"}


def test_the_404_of_a_draft_names_its_address_in_no_language(client, site):
    plan = site["plan"]
    plan.publication_status = "draft"
    plan.save()
    response = client.get("/ru/plans/water-security-plan/?page=2")
    assert response.status_code == 404
    assert switch_links(response) == {"en": "/"}
    assert alternates(response) == {}
    assert "water-security-plan" not in response.text


# --- bad input ---------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["xx", "en", "de", "zz-zz", "ru_RU"])
def test_an_unknown_or_default_language_prefix_is_a_404(client, site, prefix):
    response = client.get(f"/{prefix}/plans/")
    assert response.status_code == 404
    assert html_lang(response) == "en"


@pytest.mark.parametrize("prefix", ["ru-xx", "RU"])
def test_a_variant_of_russian_as_prefix_is_a_404_in_russian(client, site, prefix):
    # Django reads the language from the prefix, but only /ru/ itself names the pages.
    response = client.get(f"/{prefix}/plans/")
    assert response.status_code == 404
    assert html_lang(response) == "ru"


@pytest.mark.parametrize("value", ["xx", "", "ru;drop", "../../etc", "e" * 300])
def test_a_language_parameter_or_bad_cookie_falls_back_to_english(client, site, value):
    client.cookies["django_language"] = value
    response = client.get(f"/plans/?language={value}")
    assert response.status_code == 200
    assert html_lang(response) == "en" and response["Content-Language"] == "en"


def test_a_russian_cookie_or_browser_does_not_change_an_english_url(client, site):
    client.cookies["django_language"] = "ru"
    response = client.get("/plans/", HTTP_ACCEPT_LANGUAGE="ru-RU,ru;q=0.9")
    # Served in English, not redirected: an English address always shows English.
    assert response.status_code == 200
    assert html_lang(response) == "en" and response["Content-Language"] == "en"
    assert html_lang(client.get("/ru/plans/", HTTP_ACCEPT_LANGUAGE="en")) == "ru"


def test_a_bad_accept_language_header_falls_back_to_english(client, site):
    for header in ["xx", "*;q=x", "ru-" + "x" * 500, ",,,;;;"]:
        response = client.get("/plans/", HTTP_ACCEPT_LANGUAGE=header)
        assert response.status_code == 200 and html_lang(response) == "en", header


def test_robots_txt_keeps_crawlers_out_of_both_admins_and_searches(client):
    lines = client.get("/robots.txt").text.splitlines()
    for path in ("/admin/", "/ru/admin/", "/search/", "/ru/search/"):
        assert f"Disallow: {path}" in lines


# --- caches ------------------------------------------------------------------------


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


def test_the_page_cache_keeps_one_page_per_language(client, site, page_cache_on):
    def get(path):
        response = client.get(path)
        return response["X-Page-Cache"], html_lang(response), response["Content-Language"]

    for path in ("/plans/", site["event"].get_absolute_url(), "/events/calendar.ics"):
        if path.endswith(".ics"):
            assert client.get(path)["X-Page-Cache"] == "miss"
            assert client.get(f"/ru{path}")["X-Page-Cache"] == "miss"
            assert client.get(f"/ru{path}")["Content-Language"] == "ru"
            continue
        assert get(path) == ("miss", "en", "en")
        assert get(f"/ru{path}") == ("miss", "ru", "ru")
        assert get(path) == ("hit", "en", "en")
        assert get(f"/ru{path}") == ("hit", "ru", "ru")


def test_a_save_empties_both_languages_pages(client, site, page_cache_on):
    for path in ("/plans/", "/ru/plans/"):
        client.get(path)
    plan = site["plan"]
    plan.title_en, plan.title_ru = "Renamed Water Plan", "Переименованный план"
    plan.save()
    for path, title in (("/plans/", "Renamed Water Plan"), ("/ru/plans/", "Переименованный план")):
        response = client.get(path)
        assert response["X-Page-Cache"] == "miss" and title in response.text, path


def test_the_russian_admin_is_never_cached(client, site, page_cache_on):
    for _ in range(2):
        response = client.get("/ru/admin/login/")
        assert response.status_code == 200 and "X-Page-Cache" not in response


def test_shared_caches_see_a_different_address_per_language(client, site, page_cache_on):
    english, russian = client.get("/plans/"), client.get("/ru/plans/")
    assert english["ETag"] != russian["ETag"]
    assert urlsplit(english.wsgi_request.build_absolute_uri()).path == "/plans/"


# --- sitemap -----------------------------------------------------------------------

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def sitemap_urls(client, section, page=1):
    """{address: {hreflang: alternate}} of one page of a sitemap section."""
    root = ET.fromstring(client.get(f"/sitemap-{section}.xml?p={page}").content)
    return {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        for url in root.findall(f"{SITEMAP}url")
    }


def test_the_sitemap_lists_both_languages_with_alternates(client, site):
    host = "http://testserver"
    expected_paths = {
        "pages": "/plans/",
        "about": "/about/",
        "members": site["state"].get_absolute_url(),
        "plans": site["plan"].get_absolute_url(),
        "events": site["event"].get_absolute_url(),
        "publications": site["publication"].get_absolute_url(),
    }
    for section, path in expected_paths.items():
        urls = sitemap_urls(client, section)
        both = {"en": host + path, "ru": f"{host}/ru{path}", "x-default": host + path}
        assert urls[host + path] == both, section
        assert urls[f"{host}/ru{path}"] == both, section
        for address in urls:
            assert client.get(address.removeprefix(host)).status_code == 200, address


def test_the_sitemap_index_is_one_for_both_languages(client, site):
    assert client.get("/ru/sitemap.xml").status_code == 404
    index = client.get("/sitemap.xml").text
    assert "/ru/" not in index and "sitemap-plans.xml" in index


def test_a_sitemap_page_reads_only_the_items_it_lists(
    client, site, monkeypatch, django_assert_max_num_queries
):
    from cica_site import sitemaps

    monkeypatch.setattr(sitemaps.PublicationSitemap, "limit", 3)
    for index in range(4):
        PublicationFactory(slug=f"more-{index}")
    # Five publications in two languages: ten addresses, pages of three. An item's two
    # addresses may fall on two pages; every address is listed once.
    listed = []
    for page in (1, 2, 3, 4):
        with django_assert_max_num_queries(3):
            listed += list(sitemap_urls(client, "publications", page))
    assert len(listed) == len(set(listed)) == 10
    assert client.get("/sitemap-publications.xml?p=5").status_code == 404
