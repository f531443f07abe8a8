from core.sitemaps import LanguagesSitemap

from .models import Participant


class ParticipantSitemap(LanguagesSitemap):
    changefreq = "monthly"
    # Addresses per sitemap page; the site's index lists every page (cica_site/sitemaps.py).
    limit = 500

    def items(self):
        # In key order, so that each page keeps its items; only what an entry shows.
        return Participant.objects.published().only("slug").order_by("pk")
