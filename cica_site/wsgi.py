"""
WSGI config for cica_site project.

It exposes the WSGI callable as a module-level variable named ``application``.

For more information on this file, see
https://docs.djangoproject.com/en/5.2/howto/deployment/wsgi/
"""

import gc
import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cica_site.settings")

application = get_wsgi_application()

# The site refuses to serve without a real key; gunicorn and runserver both load this.
if settings.SECRET_KEY_PROBLEM:
    raise ImproperlyConfigured(settings.SECRET_KEY_PROBLEM)

# Garbage collection took 2 to 8% of a page's time (issue 7): most of it walking the
# hundred thousand objects of Django, the apps and their modules, which live as long as
# the process. Import the views now, then move all of that out of the collector's
# sight, and let the youngest generation grow larger before it is collected: a
# request's garbage mostly dies with it, by reference counting.
url_patterns = get_resolver().url_patterns
gc.collect()
gc.freeze()
gc.set_threshold(10_000, 10, 10)
