"""What every feed of the site shares (events, publications, status decisions)."""

import copy

from django.contrib.syndication.views import Feed


class RequestHostFeed(Feed):
    """A feed whose links are on the host it was asked for: Django's default is the Site
    row's domain (example.com unless edited). ``self.request`` is the request, on a copy
    of the feed made for it, so the instance the URLconf shares holds no request state."""

    def __call__(self, request, *args, **kwargs):
        feed = copy.copy(self)
        feed.request = request
        return Feed.__call__(feed, request, *args, **kwargs)

    def absolute(self, path):
        return self.request.build_absolute_uri(path)

    def feed_url(self):
        return self.absolute(self.request.path)
