from core.sitemaps import LanguagesSitemap

from . import tally
from .models import Plan


class PlanSitemap(LanguagesSitemap):
    changefreq = "weekly"
    # Addresses per sitemap page; the site's index lists every page (cica_site/sitemaps.py).
    limit = 500

    def items(self):
        # In key order, so that each page keeps its items; only what an entry shows.
        return Plan.objects.published().only("slug").order_by("pk")

    def item_count(self, items):
        # From the tally, not a COUNT over every plan.
        return tally.published_total()
