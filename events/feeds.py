"""RSS and Atom feeds of upcoming events."""

from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from core.feeds import RequestHostFeed
from core.queries import keys_first

from .models import Event

FEED_SIZE = 50


class UpcomingEventsFeed(RequestHostFeed):
    title = _("CICA: upcoming events")
    description = _("Summits, ministerial meetings and other CICA meetings that are coming up.")
    # A short HTML description of each event: when, where, who hosts, then the summary.
    description_template = "events/_feed_item_description.html"

    def link(self):
        return self.absolute(reverse("events:list"))

    def item_link(self, item):
        return self.absolute(item.get_absolute_url())

    def items(self):
        return keys_first(Event.objects.published().upcoming().with_hosts(), 0, FEED_SIZE)

    def item_title(self, item):
        if item.status != "scheduled":
            return f"{item.title} ({item.get_status_display()})"
        return item.title

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.get_kind_display()]


class UpcomingEventsAtomFeed(UpcomingEventsFeed):
    feed_type = Atom1Feed
    subtitle = UpcomingEventsFeed.description
