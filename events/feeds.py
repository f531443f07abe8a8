"""RSS and Atom feeds of upcoming events."""

import copy

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from core.queries import keys_first
from members.models import Participant

from .models import Event

FEED_SIZE = 50


class UpcomingEventsFeed(Feed):
    title = _("CICA: upcoming events")
    description = _("Summits, ministerial meetings and other CICA meetings that are coming up.")

    def __call__(self, request, *args, **kwargs):
        # Links on the host the feed was asked for: Django's default is the Site row's
        # domain (example.com unless edited). A copy per request keeps the instance shared.
        feed = copy.copy(self)
        feed.request = request
        return Feed.__call__(feed, request, *args, **kwargs)

    def link(self):
        return self.request.build_absolute_uri(reverse("events:list"))

    def feed_url(self):
        return self.request.build_absolute_uri(self.request.path)

    def item_link(self, item):
        return self.request.build_absolute_uri(item.get_absolute_url())

    def items(self):
        upcoming = Event.objects.published().upcoming()
        return keys_first(upcoming, 0, FEED_SIZE).prefetch_related(
            Prefetch("hosts", queryset=Participant.objects.published().order_by("name"))
        )

    def item_title(self, item):
        if item.status != "scheduled":
            return f"{item.title} ({item.get_status_display()})"
        return item.title

    def item_description(self, item):
        """A short HTML description: when, where, who hosts, then the summary."""
        lines = [item.when_display]
        if item.place_display:
            lines.append(item.place_display)
        hosts = ", ".join(host.name for host in item.hosts.all())
        if hosts:
            lines.append(_("Hosted by %(hosts)s") % {"hosts": hosts})
        if item.summary:
            lines.append(item.summary)
        return "<br>".join(escape(str(line)) for line in lines)

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.get_kind_display()]


class UpcomingEventsAtomFeed(UpcomingEventsFeed):
    feed_type = Atom1Feed
    subtitle = UpcomingEventsFeed.description
