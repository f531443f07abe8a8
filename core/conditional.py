"""ETag and Last-Modified from the content versions of the page cache (core/page_cache.py),
known before anything is drawn: a conditional request whose copy is current is answered
304 with no query and no rendering.

Both are read before the answer is drawn, so they can only be older than what it shows,
never newer: a client whose copy predates a save always gets the new answer. Every save
bumps the version of its app (and again when its transaction commits), so it changes
the ETag; the language, host, address and day are part of it, as of the page cache's key.

Last-Modified is the moment of the last such bump (or midnight, when "upcoming" moves,
whichever is later). HTTP dates count whole seconds: a client sending only
If-Modified-Since may keep a copy drawn within the second before a save until the next
change; clients sending If-None-Match (which takes precedence) never do.
"""

import datetime
import time

from django.utils import timezone
from django.utils.cache import get_conditional_response, quote_etag
from django.utils.http import http_date

from .page_cache import page_key, request_content_state

# Addresses that show no content (the OpenAPI description) change only with the code:
# their ETag is their bytes' hash (ConditionalGetMiddleware), and this their Last-Modified.
STARTED = time.time()


def content_validators(request):
    """(ETag, Last-Modified in epoch seconds) of what a GET of this address shows, each
    None when it cannot be known beforehand (a 404, the cache unreachable)."""
    shown, versions, changed = request_content_state(request)
    if shown is None:
        return None, None
    if not shown:
        return None, STARTED
    if versions is None or changed is None:
        return None, None
    # The page cache's key for this address and these versions: a cached answer and its
    # ETag change together.
    etag = quote_etag(page_key(request, versions).partition(":")[2][:32])
    midnight = datetime.datetime.combine(
        timezone.localdate(), datetime.time.min, tzinfo=timezone.get_current_timezone()
    )
    return etag, max(changed, midnight.timestamp())


def set_validators(response, etag, last_modified):
    if etag:
        response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    return response


def conditional_response(get_response, request):
    """The answer to a GET or HEAD with its validators: 304 (or 412) when the client's
    copy is current, without calling get_response; else get_response's answer."""
    etag, last_modified = content_validators(request)
    not_modified = get_conditional_response(
        request, etag=etag, last_modified=last_modified and int(last_modified)
    )
    response = not_modified if not_modified is not None else get_response(request)
    if response.status_code in (200, 304):
        set_validators(response, etag, last_modified)
    return response
