from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from . import published_rows


class CountedSitemap(Sitemap):
    """The published items of a model whose published rows the database counts
    (core/published_rows.py), with the time each last changed."""

    model = None
    # Addresses per sitemap page; the site's index lists every page (cica_site/sitemaps.py).
    limit = 500

    def items(self):
        # In key order, so that each page keeps its items; only what an entry shows.
        return self.model.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        # Django's default reads every item to find the latest.
        return self.items().aggregate(latest=Max("updated_at"))["latest"]

    @property
    def paginator(self):
        # The number of pages from the database's counter, not a COUNT over every row.
        paginator = super().paginator
        paginator.count = published_rows.published_total(self.model)
        return paginator
