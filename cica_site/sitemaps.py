"""Every public page for search engines: fixed pages, About pages and published content.

/sitemap.xml is a sitemap index: one sitemap per section (/sitemap-plans.xml), each
split into pages of SECTION_LIMIT addresses (/sitemap-plans.xml?p=2), so that no file
grows with the archive (issue 7). The index costs two queries per section whatever the
number of items (a count and the latest change), a section page two (a count and the page).
"""

import datetime
from xml.sax.saxutils import escape

from django.contrib.flatpages.sitemaps import FlatPageSitemap
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem, _get_latest_lastmod
from django.contrib.sites.requests import RequestSite
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import conditional_escape
from django.utils.http import http_date
from django.utils.timezone import template_localtime

from core import published_rows
from core.slug_urls import slug_url_function
from events.models import Event
from members.models import Participant
from plans import tally
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


# Addresses per sitemap file. The protocol allows 50,000; a file of 1,000 (about 130 KB)
# is written in about 10 ms without the page cache (bench/README.md), and 50,000 events
# are 50 files, all listed in the index.
SECTION_LIMIT = 1000


class RequestSiteSitemap(Sitemap):
    """Absolute URLs on the host the sitemap was asked for, not the Site row's domain."""

    limit = SECTION_LIMIT

    def __init__(self, request):
        self.request = request

    def get_urls(self, page=1, site=None, protocol=None):
        return super().get_urls(page=page, site=RequestSite(self.request), protocol=protocol)

    def xml_entries(self, page, protocol):
        """The <url> elements of one page of this section, as strings."""
        return _url_entries(self.get_urls(page=page, protocol=protocol))


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


class SlugRowsSitemap(RequestSiteSitemap):
    """Items are (slug[, updated_at]) rows of published content, oldest first.

    A section file lists thousands of addresses: reading rows instead of model
    objects, with slug_url_function instead of reverse() per item, makes it several times
    quicker to build (bench/README.md).
    """

    detail_url_name = None
    dated = False

    def published(self):
        raise NotImplementedError

    def published_total(self):
        """The number of published rows, which sets the number of pages."""
        return self.published().count()

    @property
    def paginator(self):
        paginator = super().paginator
        paginator.count = self.published_total()
        return paginator

    def items(self):
        fields = ("slug", "updated_at") if self.dated else ("slug",)
        return self.published().order_by("pk").values_list(*fields)

    def page_rows(self, page):
        """The rows of one page of the section, without counting the section first.

        The paginator would count every published row to check the page number (2.6 ms
        of the database's time for 50,000 events); a page past the end is instead found
        empty. Page 1 of an empty section is an empty sitemap, as with the paginator.
        """
        try:
            number = int(page)
        except (TypeError, ValueError) as error:
            raise PageNotAnInteger("That page number is not an integer.") from error
        if number < 1:
            raise EmptyPage("That page number is less than 1.")
        start = (number - 1) * self.limit
        rows = list(self.items()[start : start + self.limit])
        if not rows and number > 1:
            raise EmptyPage("That page contains no results.")
        return rows

    def xml_entries(self, page, protocol):
        """Like _url_entries(get_urls()), without a dict and four generator steps per
        row; the latest change of the page is kept for the Last-Modified header."""
        host = f"{self.get_protocol(protocol)}://{RequestSite(self.request).domain}"
        url_of = slug_url_function(self.detail_url_name)
        changefreq = f"<changefreq>{escape(self.changefreq)}</changefreq>"
        zone = timezone.get_current_timezone()
        entries, latest = [], None
        for row in self.page_rows(page):
            location = escape(host + url_of(row[0]))
            lastmod = row[1] if self.dated else None
            if lastmod is None:
                entries.append(f"<url><loc>{location}</loc>{changefreq}</url>\n")
                continue
            if latest is None or lastmod > latest:
                latest = lastmod
            day = _lastmod_text(lastmod, zone)
            entries.append(
                f"<url><loc>{location}</loc><lastmod>{day}</lastmod>{changefreq}</url>\n"
            )
        if self.dated:
            self.latest_lastmod = latest
        return entries

    def get_latest_lastmod(self):
        if not self.dated:
            return None
        return self.published().aggregate(latest=Max("updated_at"))["latest"]


class MembersSitemap(SlugRowsSitemap):
    changefreq = "monthly"
    detail_url_name = "members:detail"

    def published(self):
        return Participant.objects.published()


class PlansSitemap(SlugRowsSitemap):
    changefreq = "weekly"
    detail_url_name = "plans:detail"

    def published(self):
        return Plan.objects.published()

    def published_total(self):
        # The number of published plans is in the tally: no COUNT over every plan.
        return tally.published_total()


class EventsSitemap(SlugRowsSitemap):
    changefreq = "weekly"
    detail_url_name = "events:detail"
    dated = True

    def published(self):
        return Event.objects.published()

    def published_total(self):
        # Kept by the database: no COUNT over every row (core/published_rows.py).
        return published_rows.published_total(Event)


class PublicationsSitemap(SlugRowsSitemap):
    changefreq = "monthly"
    detail_url_name = "publications:detail"
    dated = True

    def published(self):
        return Publication.objects.published()

    def published_total(self):
        # Kept by the database: no COUNT over every row (core/published_rows.py).
        return published_rows.published_total(Publication)


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
    return HttpResponse(_index_xml(entries), content_type="application/xml", headers=headers)


def _index_xml(entries):
    """What Django's sitemap_index.xml template gives for ``entries``, written directly:
    through the template each of the index's hundred-odd entries took a tenth of the
    page (tests/site/test_sitemap.py compares the two)."""
    items = []
    for entry in entries:
        lastmod = ""
        if entry.last_mod:
            stamp = date_format(template_localtime(entry.last_mod), "c")
            lastmod = f"<lastmod>{conditional_escape(stamp)}</lastmod>"
        items.append(f"<sitemap><loc>{conditional_escape(entry.location)}</loc>{lastmod}</sitemap>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{''.join(items)}\n</sitemapindex>\n"
    )


def _lastmod_text(lastmod, zone):
    # As the |date:"Y-m-d" filter of Django's template: aware moments in the site's zone.
    if isinstance(lastmod, datetime.datetime):
        lastmod = lastmod.astimezone(zone) if timezone.is_aware(lastmod) else lastmod
        lastmod = lastmod.date()
    return lastmod.isoformat()


def _url_entries(urls):
    zone = timezone.get_current_timezone()
    for url in urls:
        yield f"<url><loc>{escape(url['location'])}</loc>"
        if url["lastmod"]:
            yield f"<lastmod>{_lastmod_text(url['lastmod'], zone)}</lastmod>"
        if url["changefreq"]:
            yield f"<changefreq>{escape(url['changefreq'])}</changefreq>"
        if url["priority"]:
            yield f"<priority>{escape(str(url['priority']))}</priority>"
        yield "</url>\n"


def sitemap_section(request, section):
    """The addresses of one section, a page of SECTION_LIMIT at a time (?p=2).

    Django's sitemap view renders its XML through the template engine, which takes
    most of the time for thousands of addresses; the same document is written
    here directly, with the same headers (Last-Modified when every item is dated).
    """
    if section not in SITEMAPS:
        raise Http404("No such sitemap.")
    site = SITEMAPS[section](request)
    try:
        entries = site.xml_entries(page=request.GET.get("p", 1), protocol=request.scheme)
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404("No such page of this sitemap.") from error
    body = "".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n',
            *entries,
            "</urlset>\n",
        ]
    )
    response = HttpResponse(body, content_type="application/xml")
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    latest = getattr(site, "latest_lastmod", None)
    if latest is not None:
        response["Last-Modified"] = http_date(latest.timestamp())
    return response
