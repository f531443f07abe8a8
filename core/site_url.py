"""The site's own address, for links that leave the page they are on (the admin's
"View on site").

It comes from configuration (DJANGO_SITE_URL, e.g. ``https://www.s-cica.org``); when
that is not set (development) a link is left relative, so the browser resolves it on
the host the request came to. The Sites framework's row (``example.com`` unless edited)
is never consulted: it is a database default nobody is asked to keep right.
"""

from django.conf import settings


def on_site(path):
    """``path`` on the configured public host, or as given when none is configured."""
    base = getattr(settings, "SITE_URL", "")
    return f"{base}{path}" if base else path
