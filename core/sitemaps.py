from collections.abc import Sequence

from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Max, QuerySet

from . import published_rows


class ItemsInLanguages(Sequence):
    """(item, language) for every item in each language, the list Django's Sitemap.i18n
    paginates, read a page at a time: Django's own reads every item of the section for
    each page. ``items`` is sliced by item (a queryset: LIMIT/OFFSET); ``count`` is the
    number of items."""

    def __init__(self, items, languages, count):
        self.items, self.languages, self.count_of_items = items, list(languages), count

    def __len__(self):
        return self.count_of_items * len(self.languages)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            if not 0 <= index < len(self):
                raise IndexError(index)
            return self[index : index + 1][0]
        start, stop, _step = index.indices(len(self))
        per_item = len(self.languages)
        first, last = start // per_item, -(-stop // per_item)
        pairs = [(item, code) for item in self.items[first:last] for code in self.languages]
        return pairs[start - first * per_item : stop - first * per_item]


class LanguagesSitemap(Sitemap):
    """Each item's address in every language of the site, each with its hreflang
    alternates and x-default (English): django.contrib.sitemaps' i18n, paginated
    without reading the whole section. ``limit`` counts addresses, not items."""

    i18n = True
    alternates = True
    x_default = True

    def item_count(self, items):
        return items.count() if isinstance(items, QuerySet) else len(items)

    @property
    def paginator(self):
        items = self.items()
        pairs = ItemsInLanguages(items, self._languages(), self.item_count(items))
        return Paginator(pairs, self.limit)


class CountedSitemap(LanguagesSitemap):
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

    def item_count(self, items):
        # From the database's counter, not a COUNT over every row.
        return published_rows.published_total(self.model)
