"""Every public page for search engines: fixed pages, About pages and published content.

/sitemap.xml is an index of sections (/sitemap-plans.xml), each a sitemap of one app
(plans/sitemaps.py, ...) split into pages of its ``limit`` (/sitemap-plans.xml?p=2), so
that no file grows with the archive (issue 7).

The two views are django.contrib.sitemaps.views.index and .sitemap with one difference:
addresses name the host the visitor asked for. Django's take the Site row's domain, and
this site answers on several hosts (tests/security/test_demo_site_sweep.py). They are not
wrapped in cache_page: the page cache (core/page_cache.py) keeps them for visitors and
drops them when content changes, whereas cache_page would go on listing a withdrawn item
until it expired (tests/security/test_leaks.py).

Each item is listed in English and in Russian, each address with the hreflang
alternates of both and x-default (core/sitemaps.py LanguagesSitemap: Django's i18n).

The templates (templates/sitemaps/) are Django's without what this site does not use
({% spaceless %}) and with dates as ISO 8601 moments rather than
through the date filter: a page of 1,000 events took 54 ms of CPU through them against
77 ms through Django's, most of it the template. Pages hold 500 addresses (the apps'
``limit``): 25 ms a page without the cache, an index of 174 entries 10 ms, at full scale.
"""

from django.contrib.flatpages.sitemaps import FlatPageSitemap
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.contrib.sites.requests import RequestSite
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import http_date

from core import page_cache
from core.sitemaps import LanguagesSitemap
from events.sitemaps import EventSitemap
from members.sitemaps import ParticipantSitemap
from plans.sitemaps import PlanSitemap
from publications.sitemaps import PublicationSitemap

CONTENT_TYPE = "application/xml"


class FixedPagesSitemap(LanguagesSitemap):
    priority = 0.8
    pages = [
        ("home", "daily"),
        ("members:list", "monthly"),
        ("plans:list", "weekly"),
        ("plans:status_board", "weekly"),
        ("events:list", "daily"),
        ("events:past", "weekly"),
        ("publications:list", "daily"),
    ]

    def items(self):
        return self.pages

    def location(self, page):
        return reverse(page[0])

    def changefreq(self, page):
        return page[1]


class AboutPagesSitemap(LanguagesSitemap, FlatPageSitemap):
    priority = 0.6
    changefreq = "monthly"

    def items(self):
        return super().items().filter(url__startswith="/about/").order_by("url")

    def location(self, page):
        # A flat page's own get_absolute_url is its stored URL, the same in every language.
        subpath = page.url.removeprefix("/about/")
        return reverse("about-page", args=[subpath]) if subpath else reverse("about")


SITEMAPS = {
    "pages": FixedPagesSitemap,
    "about": AboutPagesSitemap,
    "members": ParticipantSitemap,
    "plans": PlanSitemap,
    "events": EventSitemap,
    "publications": PublicationSitemap,
}


@x_robots_tag
def index(request):
    """Each section's address, and one per further page of it, with its latest change."""
    entries = []
    for section, sitemap_class in SITEMAPS.items():
        sitemap = sitemap_class()
        location = request.build_absolute_uri(reverse("sitemap-section", args=[section]))
        lastmod = sitemap.get_latest_lastmod()
        entries.append(SitemapIndexItem(location, lastmod))
        for page in range(2, sitemap.paginator.num_pages + 1):
            entries.append(SitemapIndexItem(f"{location}?p={page}", lastmod))
    return TemplateResponse(
        request, "sitemaps/index.xml", {"sitemaps": entries}, content_type=CONTENT_TYPE
    )


@x_robots_tag
def section(request, section):
    """One page of a section (?p=2), with Last-Modified when every item on it is dated."""
    if section not in SITEMAPS:
        raise Http404("No such sitemap.")
    sitemap = SITEMAPS[section]()
    page = request.GET.get("p", 1)

    def draw():
        urls = sitemap.get_urls(page=page, site=RequestSite(request), protocol=request.scheme)
        body = render_to_string("sitemaps/section.xml", {"urlset": urls}, request)
        return body, getattr(sitemap, "latest_lastmod", None)

    # A page of 500 addresses, each with its alternates, is costly and changes rarely:
    # drawn again only after a save of the content it lists (the index shows everything).
    try:
        body, latest = page_cache.request_fragment(request, f"sitemap-{section}", [page], draw)
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404("No such page of this sitemap.") from error
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    if latest is not None:
        response.headers["Last-Modified"] = http_date(latest.timestamp())
    return response
