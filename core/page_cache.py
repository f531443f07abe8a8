"""Whole-page cache for anonymous visitors, shared by every app server through Redis.

Each content app (members, plans, events, publications, the About pages and the site
they belong to) has a version in the cache, which every save or delete of one of its
models bumps. A page's key holds the versions of the apps whose content it shows
(settings.PAGE_CACHE_SHOWS, by URL name or namespace), so a save empties only the
pages that show what changed, and shows on the next request on every server.

What other apps' pages show of an app's content (a state's name and link in a plan's
coordinators, say) has a version of its own, "<app>.listed": a model that names those
fields in ``listed_fields`` bumps it only when one of them changes, so an edit of a
state's summary empties the member pages and leaves the plan and event pages cached.
A model that names none bumps both versions on every save.

Scheduled items: beside each version the moment of its next scheduled
publication is kept, and the first request after it bumps that app's version.
Anyone with a session cookie (staff, previews) bypasses the cache entirely, and only
plain 200 responses without cookies or private cache headers are stored.

Fragments are cached the same way: see core/templatetags/content_cache.py.
"""

import functools
import hashlib
import logging
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, set_response_etag
from simple_history.models import HistoricalChanges

from .publishing import Publishable

logger = logging.getLogger(__name__)

CONTENT_APPS = (
    "members",
    "plans",
    "events",
    "publications",
    "flatpages",
    "sites",
    "cica_site",  # the Secretariat contact on its About page
)
UNCACHED_PREFIXES = ("/admin/", "/static/", "/media/")
NO_SCHEDULED_CHANGE = float("inf")
# What a shared proxy may serve without asking again: a publish reaches visitors through
# it within seconds. Browsers revalidate every time; the ETag makes that a 304.
SHARED_CACHE_SECONDS = 5


LISTED = ".listed"
CONTENT_VERSIONS = (*CONTENT_APPS, *(f"{app_label}{LISTED}" for app_label in CONTENT_APPS))


def version_key(label):
    return f"content:version:{label}"


def next_change_key(label):
    return f"content:next-change:{label}"


def changed_at_key(label):
    return f"content:changed-at:{label}"


# After a cache failure the cache is skipped for a few seconds, so that a Redis that hangs
# does not make every request wait for the socket timeout. A failure also means a save may
# have happened without bumping its version: every version is bumped as soon as Redis
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


# For other users of the shared cache (the API's rate limit): the same outage rule.
cache_call = _safe


def read(key):
    """The cached value, or None when it is not cached or Redis is unreachable."""
    return _safe(lambda: cache.get(key))


def store(key, value, timeout):
    _safe(lambda: cache.set(key, value, timeout))


def next_scheduled_change(app_label):
    """Epoch seconds of the app's next future publish_at of published content, or infinity."""
    now = timezone.now()
    upcoming = []
    for model in apps.get_app_config(app_label).get_models():
        if issubclass(model, Publishable):
            moment = (
                model._default_manager.scheduled(now)
                .order_by("publish_at")
                .values_list("publish_at", flat=True)
                .first()
            )
            if moment:
                upcoming.append(moment.timestamp())
    return min(upcoming, default=NO_SCHEDULED_CHANGE)


def _bump(app_label):
    """The app's new version. The moment is written first: a request that reads the new
    version finds it (the API's Last-Modified, core/conditional.py)."""
    cache.set(changed_at_key(app_label), time.time(), None)
    key = version_key(app_label)
    try:
        return cache.incr(key)
    except ValueError:
        # No version yet (a new or emptied Redis): start from the clock, past any version
        # an earlier Redis held.
        cache.add(key, int(time.time() * 1000), None)
        return cache.get(key)


def bump_content_version(*labels):
    """Empties the cached pages that show these versions' content (all when none is named).

    Cheap enough for every save: the next scheduled moment is found on the next request.
    """

    def bump():
        for label in labels or CONTENT_VERSIONS:
            _bump(label)
        return True

    bumped = _safe(bump, default=False)
    if bumped and not labels:
        _outage["bump_pending"] = False
    return bumped


def content_versions(app_labels):
    """{app label: version} for these apps, or None while the cache is unreachable.

    Bumps the version of an app whose scheduled item is now due. One round trip to Redis
    when nothing is due.
    """
    state = content_state(app_labels)
    return None if state is None else state[0]


def content_state(app_labels):
    """({app label: version}, epoch seconds of the last change of any of them), or None
    while the cache is unreachable: both in the same round trip to Redis.

    The moment is read with the versions: it is never older than what they name (a bump
    writes its moment before its version, and one made here counts from now). An app
    whose moment is not kept yet counts from now too: later than its last change, never
    earlier.
    """
    if _outage["bump_pending"] and not bump_content_version():
        return None
    if not app_labels:  # robots.txt: no content, no round trip
        return {}, None
    keys = [version_key(label) for label in app_labels]
    keys += [next_change_key(label) for label in app_labels]
    keys += [changed_at_key(label) for label in app_labels]
    stored = _safe(lambda: cache.get_many(keys))
    if stored is None:
        return None
    versions, found, missing_moments = {}, {}, {}
    changed_at = max(
        (stored[changed_at_key(label)] for label in app_labels if changed_at_key(label) in stored),
        default=None,
    )
    for app_label in app_labels:
        version = stored.get(version_key(app_label))
        # (the version it was found for, the moment): one found before a save committed
        # belongs to an older version, and is found again.
        found_for, moment = stored.get(next_change_key(app_label), (None, None))
        if version is None or (found_for == version and time.time() >= moment):
            version = _safe(functools.partial(_bump, app_label))
            if version is None:
                return None
            changed_at = max(changed_at or 0, time.time())
        elif changed_at_key(app_label) not in stored:
            missing_moments[changed_at_key(app_label)] = time.time()
        if found_for != version:
            moment = next_scheduled_change(app_label.removesuffix(LISTED))
            found[next_change_key(app_label)] = (version, moment)
        versions[app_label] = version
    if missing_moments:
        # add(), not set(): a bump elsewhere since the read keeps its own moment.
        _safe(lambda: [cache.add(key, now, None) for key, now in missing_moments.items()])
        changed_at = max(changed_at or 0, *missing_moments.values())
    if found:
        _safe(lambda: cache.set_many(found, None))
    return versions, changed_at


def _listed_values(instance):
    return tuple(getattr(instance, name) for name in instance.listed_fields)


def _remember_listed_values(sender, instance, raw=False, **kwargs):
    """Before an edit of a model that names its listed fields: their stored values."""
    if raw or instance._state.adding or not hasattr(sender, "listed_fields"):
        return
    stored = sender._default_manager.filter(pk=instance.pk).values_list(*sender.listed_fields)
    instance._listed_before = stored.first()


def _content_changed(sender, using, signal, instance=None, action="post_", created=False, **kwargs):
    app_label = sender._meta.app_label
    if app_label not in CONTENT_APPS or not action.startswith("post_"):
        return
    if issubclass(sender, HistoricalChanges):
        return  # the edit it records bumps what it must; the history shows in the admin only
    labels = (app_label, f"{app_label}{LISTED}")
    # Only an edit of the instance itself can leave the listed fields as they were: a
    # delete, or a change of its links (m2m_changed, sent for the link table), cannot.
    before = instance.__dict__.pop("_listed_before", None) if instance is not None else None
    if (
        signal is post_save
        and not created
        and before is not None
        and before == _listed_values(instance)
    ):
        labels = (app_label,)  # nothing other apps' pages show has changed
    bump_content_version(*labels)
    # Again once the transaction commits: a page rendered meanwhile by another request,
    # from the database as it was before the commit, must not stay cached under the new
    # version. (Outside a transaction this runs at once, a harmless second bump; tests'
    # transactions never commit.)
    transaction.on_commit(functools.partial(bump_content_version, *labels), using=using)


def _settings_changed(setting, **kwargs):
    # Tests swap the cache backend: an outage of the old one says nothing of the new one.
    if setting == "CACHES":
        _outage.update(until=0.0, bump_pending=False)
    if setting == "ROOT_URLCONF":
        _page_names.cache_clear()


def connect_signals():
    pre_save.connect(_remember_listed_values, dispatch_uid="page-cache-listed-values")
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_content_changed, dispatch_uid=f"page-cache-{signal!r}")
    setting_changed.connect(_settings_changed, dispatch_uid="page-cache-settings")


def _without_language_prefix(request):
    """/ru/admin/ -> /admin/: the prefix LocaleMiddleware read the language from."""
    path = request.path
    prefix = f"/{getattr(request, 'LANGUAGE_CODE', '')}/"
    return path[len(prefix) - 1 :] if path.startswith(prefix) else path


def is_cacheable_request(request):
    return getattr(settings, "PAGE_CACHE_ENABLED", True) and _is_anonymous_read(request)


def is_fragment_cacheable_request(request):
    """Fragments ({% content_cache %}) have a switch of their own: with the page cache
    off, a page is drawn for every request, but from the fragments still cached."""
    return getattr(settings, "FRAGMENT_CACHE_ENABLED", True) and _is_anonymous_read(request)


def _is_anonymous_read(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not _without_language_prefix(request).startswith(UNCACHED_PREFIXES)
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


# Resolving a path takes 20 to 40 microseconds, about 1% of a cache hit: once per path.
# The language is part of the key: whether /ru/plans/ resolves depends on the language
# LocaleMiddleware activated.
@functools.lru_cache(maxsize=4096)
def _page_names(path, urlconf, language):
    """The URL name and namespace of the page at this path, or None if there is none."""
    try:
        match = resolve(path, urlconf)
    except Resolver404:
        return None
    return match.view_name, match.namespace


def content_shown_by(request):
    """The apps whose content the page shows, or None for a URL that names no page."""
    names = _page_names(
        request.path_info, getattr(request, "urlconf", None), translation.get_language()
    )
    if names is None:
        return None
    shows = settings.PAGE_CACHE_SHOWS
    for name in names:
        if name in shows:
            return shows[name]
    return CONTENT_APPS


def request_content_versions(request):
    """(content_shown_by(request), content_versions of it): read once per request, so the
    API's validators (core/conditional.py) and the page cache share one round trip to
    Redis. Within a request they must agree anyway: the ETag names the cached answer."""
    shown, versions, _changed_at = request_content_state(request)
    return shown, versions


def request_content_state(request):
    """(shown, versions, moment of the last change) of the request's page, as
    content_state reads them (versions and moment None while the cache is unreachable,
    all None for an address that names no page): once per request."""
    if not hasattr(request, "_content_state"):
        shown = content_shown_by(request)
        state = None if shown is None else content_state(shown)
        versions, changed_at = state if state is not None else (None, None)
        request._content_state = (shown, versions, changed_at)
    return request._content_state


def _key(kind, versions, *parts):
    raw = "|".join(
        [
            *(f"{label}.{versions[label]}" for label in sorted(versions)),
            timezone.localdate().isoformat(),  # "upcoming" and "past" move at midnight
            *(str(part) for part in parts),
        ]
    )
    return f"{kind}:" + hashlib.sha256(raw.encode()).hexdigest()


def page_key(request, versions):
    # The language LocaleMiddleware chose: one page per language at the same address.
    language = getattr(request, "LANGUAGE_CODE", "")
    return _key("page", versions, language, request.get_host(), request.get_full_path())


def fragment_key(name, versions, language, host, vary_on):
    return _key("fragment", versions, name, language, host, *vary_on)


def request_fragment(request, name, vary_on, draw, timeout=600):
    """draw(), or what it gave before for the same content: cached under the versions of
    the content the request's page shows, the language, the host and scheme (for
    absolute links), the day and ``vary_on``. Drawn, not cached, for staff and while
    the cache is unreachable. For fragments drawn in Python ({% content_cache %} is the
    templates' way)."""
    if not is_fragment_cacheable_request(request):
        return draw()
    _shown, versions = request_content_versions(request)
    if versions is None:
        return draw()
    key = fragment_key(
        name,
        versions,
        getattr(request, "LANGUAGE_CODE", ""),
        request.get_host(),
        [request.scheme, request.META.get("SCRIPT_NAME", ""), *vary_on],
    )
    value = read(key)
    if value is None:
        value = draw()
        store(key, value, timeout)
    return value


def patch_public_cache_control(response):
    """Short for shared caches, and browsers ask again each time (a 304 when unchanged).

    A view that says for how long its answer keeps (security.txt) is left alone.
    """
    if "max-age" not in response.get("Cache-Control", ""):
        patch_cache_control(
            response, public=True, max_age=0, s_maxage=SHARED_CACHE_SECONDS, must_revalidate=True
        )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.timeout = getattr(settings, "PAGE_CACHE_SECONDS", 600)

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        shown, versions = request_content_versions(request)
        if shown is None:  # a 404: never cached
            return self.get_response(request)
        if versions is None:
            return self.get_response(request)
        key = page_key(request, versions)
        cached = read(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if is_cacheable_response(response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            patch_public_cache_control(response)
            # The ETag goes in with the page: hits then skip hashing the whole body
            # again in ConditionalGetMiddleware (a third of a hit's time for a large
            # calendar or sitemap file).
            if not response.has_header("ETag"):
                set_response_etag(response)
            store(key, response, self.timeout)
            response["X-Page-Cache"] = "miss"
        return response
