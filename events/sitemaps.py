from core.sitemaps import CountedSitemap

from .models import Event


class EventSitemap(CountedSitemap):
    model = Event
    changefreq = "weekly"
