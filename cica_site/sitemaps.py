"""Every public page for search engines: fixed pages, About pages and published content.

/sitemap.xml is a sitemap index: one sitemap per section (/sitemap-plans.xml), each
split into pages of SECTION_LIMIT addresses (/sitemap-plans.xml?p=2), so that no file
grows with the archive (issue 7). The index costs two queries per section whatever the
number of items (a count and the latest change), a section page two (a count and the page).
"""

from django.contrib.flatpages.sitemaps import FlatPageSitemap
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem, _get_latest_lastmod, sitemap
from django.contrib.sites.requests import RequestSite
from django.db.models import Max
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.http import http_date

from events.models import Event
from members.models import Participant
from plans.models import Plan
from publications.models import Publication

# Pages of other apps that may or may not exist yet are listed only if they resolve.
FIXED_PAGES = [
    ("home", "daily"),
    ("members:list", "monthly"),
    ("plans:list", "weekly"),
    ("plans:status_board", "weekly"),
    ("events:list", "daily"),
    ("events:past", "weekly"),
    ("publications:list", "daily"),
]


# Addresses per sitemap file; the protocol allows 50,000, smaller files are quicker to make.
SECTION_LIMIT = 5000


class RequestSiteSitemap(Sitemap):
    """Absolute URLs on the host the sitemap was asked for, not the Site row's domain."""

    limit = SECTION_LIMIT

    def __init__(self, request):
        self.request = request

    def get_urls(self, page=1, site=None, protocol=None):
        return super().get_urls(page=page, site=RequestSite(self.request), protocol=protocol)


class UpdatedAtMixin:
    """lastmod from updated_at; for the index, one MAX query instead of reading every item."""

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class FixedPagesSitemap(RequestSiteSitemap):
    priority = 0.8

    def items(self):
        pages = []
        for name, changefreq in FIXED_PAGES:
            try:
                pages.append((reverse(name), changefreq))
            except NoReverseMatch:
                continue
        return pages

    def location(self, item):
        return item[0]

    def changefreq(self, item):
        return item[1]


class AboutPagesSitemap(RequestSiteSitemap, FlatPageSitemap):
    priority = 0.6
    changefreq = "monthly"

    def items(self):
        return super().items().filter(url__startswith="/about/").order_by("url")


class MembersSitemap(RequestSiteSitemap):
    changefreq = "monthly"

    def items(self):
        return Participant.objects.published().only("slug").order_by("pk")


class PlansSitemap(RequestSiteSitemap):
    changefreq = "weekly"

    def items(self):
        return Plan.objects.published().only("slug").order_by("pk")


class EventsSitemap(UpdatedAtMixin, RequestSiteSitemap):
    changefreq = "weekly"

    def items(self):
        return Event.objects.published().only("slug", "updated_at").order_by("pk")


class PublicationsSitemap(UpdatedAtMixin, RequestSiteSitemap):
    changefreq = "monthly"

    def items(self):
        return Publication.objects.published().only("slug", "updated_at").order_by("pk")


SITEMAPS = {
    "pages": FixedPagesSitemap,
    "about": AboutPagesSitemap,
    "members": MembersSitemap,
    "plans": PlansSitemap,
    "events": EventsSitemap,
    "publications": PublicationsSitemap,
}


def _sitemaps(request):
    return {name: cls(request) for name, cls in SITEMAPS.items()}


def sitemap_index(request):
    """django.contrib.sitemaps.views.index, with addresses on the requested host."""
    entries, latest, every_section_dated = [], None, True
    for section, site in _sitemaps(request).items():
        location = request.build_absolute_uri(reverse("sitemap-section", args=[section]))
        lastmod = site.get_latest_lastmod()
        if lastmod is None:
            every_section_dated = False
        else:
            latest = _get_latest_lastmod(latest, lastmod)
        entries.append(SitemapIndexItem(location, lastmod))
        for page in range(2, site.paginator.num_pages + 1):
            entries.append(SitemapIndexItem(f"{location}?p={page}", lastmod))
    headers = {"X-Robots-Tag": "noindex, noodp, noarchive"}
    if every_section_dated and latest:
        headers["Last-Modified"] = http_date(latest.timestamp())
    return TemplateResponse(
        request,
        "sitemap_index.xml",
        {"sitemaps": entries},
        content_type="application/xml",
        headers=headers,
    )


def sitemap_section(request, section):
    if section not in SITEMAPS:
        raise Http404("No such sitemap.")
    return sitemap(request, sitemaps=_sitemaps(request), section=section)
