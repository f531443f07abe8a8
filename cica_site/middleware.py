import logging
import math
import re

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers
from rest_framework.exceptions import Throttled

from core import page_cache
from core.api import AnonymousRateThrottle
from core.conditional import conditional_response
from core.page_cache import patch_public_cache_control
from core.preview import never_store

logger = logging.getLogger(__name__)


class SecurityHeadersMiddleware:
    """Headers Django's SecurityMiddleware does not set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class CacheHeadersMiddleware:
    """Every page says how long it may be kept, whether or not the page cache stored it.

    Anonymous pages: browsers ask again each time and a shared proxy keeps them seconds,
    so a publish is seen on the next request (core.page_cache.patch_public_cache_control).
    A request with a session (staff, who may see drafts) or a response setting a cookie
    is never stored anywhere. A view that set its own Cache-Control keeps it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        if settings.SESSION_COOKIE_NAME in request.COOKIES or response.cookies:
            never_store(response)
        else:
            patch_public_cache_control(response)
        return response


class DatabaseUnavailableMiddleware:
    """A friendly 503 in the site's frame while the database cannot be reached.

    Nothing is kept between requests: once the database answers again, the next
    request is served normally, with no restart.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, (OperationalError, InterfaceError)) or (
            isinstance(exception, DatabaseError) and "connection" in str(exception).lower()
        ):
            logger.error("Database unavailable: %s", exception)
            return unavailable_response()
        return None


def unavailable_response():
    # Rendered without the request: context processors would touch the database.
    html = loader.render_to_string("503.html")
    response = HttpResponse(html, status=503)
    response["Retry-After"] = "30"
    response["Cache-Control"] = "no-store"
    return response


def is_api_request(request):
    return re.match(settings.API_URLS_REGEX, request.path_info) is not None


class ApiConditionalMiddleware:
    """API answers (settings.API_URLS_REGEX) carry ETag and Last-Modified from the content
    versions, and a conditional GET whose copy is current is answered 304 before any
    query (core/conditional.py). Before the rate limit: revalidating costs no limit."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and is_api_request(request):
            return conditional_response(self.get_response, request)
        return self.get_response(request)


class ApiRateLimitMiddleware:
    """The anonymous rate limit of the API (core.api.AnonymousRateThrottle), counted in the
    shared cache: 429 with Retry-After past it. A middleware before the page cache rather
    than REST framework's throttle_classes, which a cached answer never reaches.

    While the cache is unreachable nothing is counted and every request is let through,
    as the page cache serves from the database then.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "OPTIONS" or not is_api_request(request):
            return self.get_response(request)
        throttle = AnonymousRateThrottle()
        if page_cache.cache_call(lambda: throttle.allow_request(request, None), default=True):
            return self.get_response(request)
        wait = throttle.wait()
        error = Throttled(wait)
        response = JsonResponse({"detail": str(error.detail)}, status=error.status_code)
        response["Retry-After"] = str(math.ceil(wait or 1))
        # Another client behind the same shared proxy is not over the limit.
        add_never_cache_headers(response)
        return response
