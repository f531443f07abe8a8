"""Settings for the test suite: production settings with a throwaway key and fast hashing."""

import os
import secrets

os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))

from .settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests render templates without running collectstatic.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
# Serve static files from the finders: tests run without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# The test client speaks plain HTTP; the redirect itself is covered in tests/site/test_security.py.
SECURE_SSL_REDIRECT = False
# Page tests measure the views themselves; tests/site/test_page_cache.py and
# test_content_cache_tag.py turn the caches on.
PAGE_CACHE_ENABLED = False
FRAGMENT_CACHE_ENABLED = False
# No API rate limit but in tests/api/test_http.py, which sets a tiny one.
API_RATE_LIMIT = None
