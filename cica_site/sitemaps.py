"""Every public page for search engines: fixed pages, About pages and published content."""

from django.contrib.flatpages.sitemaps import FlatPageSitemap
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap
from django.contrib.sites.requests import RequestSite
from django.urls import NoReverseMatch, reverse

from events.models import Event
from members.models import Participant
from plans.models import Plan
from publications.models import Publication

# Pages of other apps that may or may not exist yet are listed only if they resolve.
FIXED_PAGES = [
    ("home", "daily"),
    ("members:list", "monthly"),
    ("plans:list", "weekly"),
    ("plans:status", "weekly"),
    ("events:list", "daily"),
    ("events:past", "weekly"),
    ("publications:list", "daily"),
]


class RequestSiteSitemap(Sitemap):
    """Absolute URLs on the host the sitemap was asked for, not the Site row's domain."""

    def __init__(self, request):
        self.request = request

    def get_urls(self, page=1, site=None, protocol=None):
        return super().get_urls(page=page, site=RequestSite(self.request), protocol=protocol)


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


class EventsSitemap(RequestSiteSitemap):
    changefreq = "weekly"

    def items(self):
        return Event.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, event):
        return event.updated_at


class PublicationsSitemap(RequestSiteSitemap):
    changefreq = "monthly"

    def items(self):
        return Publication.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, publication):
        return publication.updated_at


SITEMAPS = {
    "pages": FixedPagesSitemap,
    "about": AboutPagesSitemap,
    "members": MembersSitemap,
    "plans": PlansSitemap,
    "events": EventsSitemap,
    "publications": PublicationsSitemap,
}


def sitemap_xml(request):
    return sitemap(request, sitemaps={name: cls(request) for name, cls in SITEMAPS.items()})
