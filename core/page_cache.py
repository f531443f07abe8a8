"""Whole-page cache for anonymous visitors, shared by every app server through Redis.

Keys carry a content version. Any save or delete of content bumps it, so a change
shows on the next request on every server. Scheduled items are handled the same way:
the moment of the next scheduled publication is kept beside the version, and the
first request after it bumps the version. Anyone with a session cookie (staff,
previews) bypasses the cache entirely, and only plain 200 responses without cookies
or private cache headers are stored.
"""

import hashlib
import logging
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.cache import patch_cache_control, set_response_etag

from .publishing import Publishable

logger = logging.getLogger(__name__)

VERSION_KEY = "content:version"
NEXT_CHANGE_KEY = "content:next-change"
CONTENT_APPS = {"members", "plans", "events", "publications", "flatpages", "sites"}
UNCACHED_PREFIXES = ("/admin/", "/static/", "/media/")
NO_SCHEDULED_CHANGE = float("inf")


# After a cache failure the cache is skipped for a few seconds, so that a Redis that hangs
# does not make every request wait for the socket timeout. A failure also means a save may
# have happened without bumping the version: the version is bumped as soon as Redis
# answers again, before any cached page is served (else pages cached before the outage,
# withdrawn items included, would be served until they expire).
RETRY_AFTER_SECONDS = 5
_outage = {"until": 0.0, "bump_pending": False}


def _safe(operation, default=None):
    """The cache is an accelerator: when Redis is down, serve from the database."""
    if time.monotonic() < _outage["until"]:
        return default
    try:
        return operation()
    except Exception as error:  # noqa: BLE001 - any cache failure must not break a page
        logger.warning("Page cache unavailable: %s", error)
        _outage.update(until=time.monotonic() + RETRY_AFTER_SECONDS, bump_pending=True)
        return default


def next_scheduled_change():
    """Epoch seconds of the next future publish_at of published content, or infinity."""
    now = timezone.now()
    upcoming = []
    for model in apps.get_models():
        if issubclass(model, Publishable) and not model._meta.abstract:
            moment = (
                model._default_manager.scheduled(now)
                .order_by("publish_at")
                .values_list("publish_at", flat=True)
                .first()
            )
            if moment:
                upcoming.append(moment.timestamp())
    return min(upcoming, default=NO_SCHEDULED_CHANGE)


def bump_content_version():
    """Cheap enough for every save: the next scheduled moment is found on the next request."""

    def bump():
        try:
            cache.incr(VERSION_KEY)
        except ValueError:
            cache.set(VERSION_KEY, int(time.time() * 1000), None)
        cache.delete(NEXT_CHANGE_KEY)
        _outage["bump_pending"] = False
        return True

    return _safe(bump, default=False)


def current_content_version():
    if _outage["bump_pending"] and not bump_content_version():
        return None
    values = _safe(lambda: cache.get_many([VERSION_KEY, NEXT_CHANGE_KEY]), default=None)
    if values is None:
        return None
    version = values.get(VERSION_KEY)
    next_change = values.get(NEXT_CHANGE_KEY)
    if version is None or (next_change is not None and time.time() >= next_change):
        bump_content_version()
        version = _safe(lambda: cache.get(VERSION_KEY))
        next_change = None
    if next_change is None and version is not None:
        _safe(lambda: cache.set(NEXT_CHANGE_KEY, next_scheduled_change(), None))
    return version


def _content_changed(sender, **kwargs):
    if sender._meta.app_label in CONTENT_APPS:
        bump_content_version()


def _cache_settings_changed(setting, **kwargs):
    # Tests swap the cache backend: an outage of the old one says nothing of the new one.
    if setting == "CACHES":
        _outage.update(until=0.0, bump_pending=False)


def connect_signals():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_content_changed, dispatch_uid=f"page-cache-{signal!r}")
    setting_changed.connect(_cache_settings_changed, dispatch_uid="page-cache-settings")


def is_cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(UNCACHED_PREFIXES)
    )


def is_cacheable_response(response):
    cache_control = response.get("Cache-Control", "")
    # Vary (Cookie, Accept-Language) needs no care here: requests with a session
    # bypass the cache and the language is part of the key.
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


def page_key(request, version):
    raw = "|".join(
        [
            str(version),
            timezone.localdate().isoformat(),  # "upcoming" and "past" move at midnight
            getattr(request, "LANGUAGE_CODE", ""),
            request.get_host(),
            request.get_full_path(),
        ]
    )
    return "page:" + hashlib.sha256(raw.encode()).hexdigest()


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.timeout = getattr(settings, "PAGE_CACHE_SECONDS", 600)

    def __call__(self, request):
        if not getattr(settings, "PAGE_CACHE_ENABLED", True) or not is_cacheable_request(request):
            return self.get_response(request)
        version = current_content_version()
        if version is None:
            return self.get_response(request)
        key = page_key(request, version)
        cached = _safe(lambda: cache.get(key))
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if is_cacheable_response(response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            patch_cache_control(response, public=True, max_age=60)
            # The ETag goes in with the page: hits then skip hashing the whole body
            # again in ConditionalGetMiddleware (a third of a hit's time for a large
            # calendar or sitemap file).
            if not response.has_header("ETag"):
                set_response_etag(response)
            _safe(lambda: cache.set(key, response, self.timeout))
            response["X-Page-Cache"] = "miss"
        return response
