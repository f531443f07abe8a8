from core.sitemaps import CountedSitemap

from .models import Publication


class PublicationSitemap(CountedSitemap):
    model = Publication
    changefreq = "monthly"
