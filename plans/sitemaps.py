from django.contrib.sitemaps import Sitemap

from . import tally
from .models import Plan


class PlanSitemap(Sitemap):
    changefreq = "weekly"
    # Addresses per sitemap page; the site's index lists every page (cica_site/sitemaps.py).
    limit = 500

    def items(self):
        # In key order, so that each page keeps its items; only what an entry shows.
        return Plan.objects.published().only("slug").order_by("pk")

    @property
    def paginator(self):
        # The number of pages from the tally, not a COUNT over every plan.
        paginator = super().paginator
        paginator.count = tally.published_total()
        return paginator
