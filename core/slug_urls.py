"""Detail-page addresses of slugged content, without a full reverse() per item.

A month of events, the member list or a sitemap file link to hundreds of items, and
reverse() costs tens of microseconds each. The address of a detail page is a fixed
prefix and suffix around the slug, so the URL is reversed once with a placeholder
(per view name, URLconf, script prefix and language: Russian addresses
start with /ru/) and the slug put in its place. Slugs that
are not plain ASCII slug characters take the ordinary reverse(), which quotes them.
"""

import functools
import re

from django.core.signals import setting_changed
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

PLACEHOLDER = "slug-url-placeholder"
PLAIN_SLUG = re.compile(r"[-\w]+", re.ASCII)


@functools.lru_cache(maxsize=64)
def _url_parts(viewname, urlconf, script_prefix, language):
    before, after = reverse(viewname, urlconf=urlconf, kwargs={"slug": PLACEHOLDER}).split(
        PLACEHOLDER
    )
    return before, after


def slug_url(viewname, slug):
    """reverse(viewname, kwargs={"slug": slug}), the same string, faster."""
    if not PLAIN_SLUG.fullmatch(slug):
        return reverse(viewname, kwargs={"slug": slug})
    before, after = _url_parts(viewname, get_urlconf(), get_script_prefix(), get_language())
    return before + slug + after


def slug_url_function(viewname):
    """slug_url for many slugs of one view (a month of events): the URLconf, script
    prefix and language, per-request values behind context-local lookups, are read once."""
    before, after = _url_parts(viewname, get_urlconf(), get_script_prefix(), get_language())

    def url(slug):
        if not PLAIN_SLUG.fullmatch(slug):
            return reverse(viewname, kwargs={"slug": slug})
        return before + slug + after

    return url


def _urls_changed(setting, **kwargs):
    if setting == "ROOT_URLCONF":
        _url_parts.cache_clear()


setting_changed.connect(_urls_changed, dispatch_uid="slug-urls-root-urlconf")
