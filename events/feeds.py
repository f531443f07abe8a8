"""RSS and Atom feeds of upcoming events."""

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from members.models import Participant

from .models import Event

FEED_SIZE = 50


class UpcomingEventsFeed(Feed):
    title = _("CICA: upcoming events")
    link = reverse_lazy("events:list")
    description = _("Summits, ministerial meetings and other CICA meetings that are coming up.")

    def items(self):
        return (
            Event.objects.published()
            .upcoming()
            .prefetch_related(
                Prefetch("hosts", queryset=Participant.objects.published().order_by("name"))
            )[:FEED_SIZE]
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
