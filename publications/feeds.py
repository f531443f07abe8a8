"""RSS and Atom feeds of publications, all kinds or one kind."""

import datetime

from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from core.feeds import RequestHostFeed

from .models import Publication, PublicationKind

FEED_LENGTH = 20


class LatestPublicationsFeed(RequestHostFeed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, kind=None):
        if kind is not None and kind not in PublicationKind.values:
            raise Http404("No such kind of publication.")
        return kind

    def title(self, kind):
        if kind:
            return _("CICA publications: %(kind)s") % {"kind": PublicationKind(kind).label}
        return _("CICA publications")

    def description(self, kind):
        return _(
            "News, press releases, interviews, speeches, statements and articles from "
            "the Secretariat of the Conference on Interaction and Confidence Building "
            "Measures in Asia."
        )

    subtitle = description

    def link(self, kind):
        path = reverse("publications:list")
        return self.absolute(f"{path}?kind={kind}" if kind else path)

    def items(self, kind):
        publications = Publication.objects.published().defer("body")
        if kind:
            publications = publications.of_kind(kind)
        return publications.order_by("-posted_on", "-pk")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Feed readers show the description as HTML; ours is plain text.
        return escape(item.description)

    def item_link(self, item):
        return self.absolute(item.get_absolute_url())

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.posted_on, datetime.time()))

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.author or None

    def item_categories(self, item):
        return [str(item.get_kind_display())]


class AtomPublicationsFeed(LatestPublicationsFeed):
    feed_type = Atom1Feed
