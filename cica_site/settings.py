"""Settings for the CICA Secretariat site.

Everything that differs between a laptop and production comes from the
environment; the defaults are the safe production ones.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
_WEAK_KEY_MARKERS = ("django-insecure", "change-me", "changeme", "secret")
# Why the site may not serve with this key, or "" when it may. The check is made by
# cica_site.wsgi, which gunicorn and runserver load, and not here: management commands
# that sign nothing (makemigrations --check, migrate, collectstatic, check) must run on
# a machine or in a build step that has no key.
SECRET_KEY_PROBLEM = ""
if not DEBUG and (
    len(SECRET_KEY) < 40 or any(marker in SECRET_KEY.lower() for marker in _WEAK_KEY_MARKERS)
):
    SECRET_KEY_PROBLEM = (
        "DJANGO_SECRET_KEY must be set to a long random value (40+ characters) when "
        "DJANGO_DEBUG is off. Generate one with: python -c "
        '"import secrets; print(secrets.token_urlsafe(50))"'
    )
    # Django refuses to read an empty key, so nothing is ever signed with a weak one.
    SECRET_KEY = ""
if DEBUG and not SECRET_KEY:
    # Development only: a per-checkout key kept out of git, so sessions survive restarts.
    _dev_key_file = BASE_DIR / ".dev_secret_key"
    if not _dev_key_file.exists():
        import secrets

        _dev_key_file.write_text(secrets.token_urlsafe(50))
    SECRET_KEY = _dev_key_file.read_text().strip()

# The public site's address, scheme and host with no path (https://www.s-cica.org): the
# admin's "View on site" links lead there. Unset (development), they stay on the host
# the admin was opened on. The Sites framework's row is never used for addresses.
SITE_URL = os.environ.get("DJANGO_SITE_URL", "").strip().rstrip("/")

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")

INSTALLED_APPS = [
    # Translated model fields (core/bilingual.py); before the admin, as it requires.
    "modeltranslation",
    # The admin as the Secretariat's (cica_site/admin_site.py).
    "cica_site.apps.SecretariatAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Form widgets render through TEMPLATES, so templates/ can fix their markup
    # (templates/admin/widgets/split_datetime.html gives each input a label).
    "django.forms",
    # About pages staff edit (flatpages needs sites), the sitemap, and full-text search
    # on PostgreSQL (harmless on SQLite: it only registers lookups for PostgreSQL).
    "django.contrib.sites",
    "cica_site.apps.AboutPagesConfig",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_filters",
    # The read-only JSON API (cica_site/api_urls.py) and its OpenAPI description.
    "rest_framework",
    "drf_spectacular",
    # CORS headers on the API only (CORS_URLS_REGEX below).
    "corsheaders",
    "simple_history",
    "axes",
    "csp",
    "core",
    "cica_site",
    "members",
    "plans",
    "events",
    "publications",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # As high as possible: its headers go on every API answer (304, 429, errors), and it
    # answers preflight requests itself.
    "corsheaders.middleware.CorsMiddleware",
    "cica_site.middleware.SecurityHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "cica_site.middleware.DatabaseUnavailableMiddleware",
    # ETag and 304 answers for every page, cached or not.
    "django.middleware.http.ConditionalGetMiddleware",
    # Cache-Control on every response: seconds in shared caches, never for staff.
    "cica_site.middleware.CacheHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions, before CommonMiddleware (Django's order); before the page cache,
    # whose keys hold the language it activates from the address.
    "django.middleware.locale.LocaleMiddleware",
    # The API (/api/, /ru/api/): 304 from the content versions, then the rate limit, both
    # before the page cache so that they hold for cached answers too.
    "cica_site.middleware.ApiConditionalMiddleware",
    "cica_site.middleware.ApiRateLimitMiddleware",
    "core.page_cache.AnonymousPageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: it turns a lockout into a response.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "cica_site.urls"
# One site. Flatpages use it; feeds, the sitemap and canonical links take the host from
# the request instead, so the Site row's domain never leaks into public URLs.
SITE_ID = 1

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

WSGI_APPLICATION = "cica_site.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
# Prepared statements on PostgreSQL: a query the site runs again and again is planned
# once per connection, not on every request; planning took longer than running most of
# the pages' queries (issue 7: the plan page's SQL 4.1 -> 1.4 ms). Django leaves them
# off for connection poolers in transaction mode; set DJANGO_DB_PREPARED_STATEMENTS=0
# behind such a pooler.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool(
    "DJANGO_DB_PREPARED_STATEMENTS", True
):
    DATABASES["default"]["OPTIONS"] = {
        "server_side_binding": True,
        # psycopg's own default: a query run five times on a connection is prepared.
        "prepare_threshold": 5,
        # Options given in DATABASE_URL (?sslmode=require) are kept.
        **DATABASES["default"].get("OPTIONS", {}),
    }

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "cica",
            # Fail fast when Redis is down: pages are then served from the database.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# CICA's two working languages. English lives at the unprefixed addresses it always had,
# Russian under /ru/ (cica_site/urls.py): the address alone says the language, so a
# browser's Accept-Language or a stale cookie never changes what an English URL shows.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ru", _("Russian"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The named date and number formats of each language (cica_site/formats/<language>/).
FORMAT_MODULE_PATH = ["cica_site.formats"]
TIME_ZONE = "Asia/Almaty"
USE_I18N = True
# Content is written in both working languages, whatever LANGUAGES offers visitors:
# a column per language (core/bilingual.py), English required, Russian falling back to it.
MODELTRANSLATION_LANGUAGES = ("en", "ru")
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# Slugs come from the English title, whatever language the admin is used in.
MODELTRANSLATION_PREPOPULATE_LANGUAGE = "en"
# The About pages' language columns: migrations of our own for the contrib app.
MIGRATION_MODULES = {"flatpages": "cica_site.flatpages_migrations"}
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# HTTPS and browser protections. Behind a TLS-terminating proxy set
# DJANGO_SECURE_PROXY_SSL_HEADER=1 (it must strip X-Forwarded-Proto from clients).
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
if env_bool("DJANGO_SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
# Our pages need no inline script or style: everything comes from /static/.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Whole-page cache for anonymous visitors (see core/page_cache.py).
PAGE_CACHE_ENABLED = env_bool("DJANGO_PAGE_CACHE", True)
PAGE_CACHE_SECONDS = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS", "600"))
# Fragments that show content ({% content_cache %}, keyed by its versions), on or off
# apart from the page cache: with the page cache off, every page is drawn again but
# reuses the fragments whose content has not changed.
FRAGMENT_CACHE_ENABLED = env_bool("DJANGO_FRAGMENT_CACHE", True)
# The content apps whose content each page shows, by URL name or else namespace: a save
# of one of their models empties the cached pages that show it and no other. "x.listed"
# is what other apps' pages show of x (names, titles, links; see core/page_cache.py). A
# page not named here (home, search, sitemaps) shows everything.
PAGE_CACHE_SHOWS = {
    "members": ["members"],
    # Its sections: the plans the state coordinates, the events it hosts.
    "members:detail": ["members", "plans.listed", "events.listed"],
    # Coordinators' names, in the table and the filter.
    "plans": ["plans", "members.listed"],
    "plans:status_board": ["plans"],
    # Responsible states, the measures' events, the meetings that decided.
    "plans:detail": ["plans", "members.listed", "events.listed"],
    # Feeds of status decisions: the meetings that decided; a state's feed is there
    # only while the state is published.
    **{
        f"plans:{feed}_decisions_{kind}": ["plans", "members.listed", "events.listed"]
        for feed in ("plan", "dimension", "state")
        for kind in ("rss", "atom")
    },
    "plans:decisions_rss": ["plans", "events.listed"],
    "plans:decisions_atom": ["plans", "events.listed"],
    # Host states; the filter by dimension of the plans discussed; the plans discussed.
    "events": ["events", "members.listed", "plans.listed"],
    "events:month": ["events"],
    "events:calendar_ics": ["events"],
    "events:detail_ics": ["events"],
    # "Hosted by ..." in each item.
    "events:feed_rss": ["events", "members.listed"],
    "events:feed_atom": ["events", "members.listed"],
    "publications": ["publications"],
    # Related states, plans and events.
    "publications:detail": ["publications", "members.listed", "plans.listed", "events.listed"],
    # Flatpages, each on its sites; the Secretariat contact (cica_site) on its page.
    "about": ["flatpages", "sites", "cica_site"],
    "about-page": ["flatpages", "sites", "cica_site"],
    # The API's description and its documentation page show no content.
    "api:schema": [],
    "api:docs": [],
    "robots": [],
    "security-txt": [],
}

# The read-only API: JSON only (no browsable pages, whose forms would need sessions),
# anonymous, described by drf-spectacular.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # The client's address for the rate limit: the last one the front proxies added to
    # X-Forwarded-For (1: one reverse proxy, as in production); 0 takes REMOTE_ADDR.
    "NUM_PROXIES": int(os.environ.get("DJANGO_NUM_PROXIES", "1")),
}
# Every API address, in each language (/api/, /ru/api/).
_OTHER_LANGUAGES = "|".join(code for code, _name in LANGUAGES if code != LANGUAGE_CODE)
API_URLS_REGEX = rf"^/(?:(?:{_OTHER_LANGUAGES})/)?api/"
# Anonymous requests per client address to the API (REST framework's "N/s|min|hour|day"),
# counted in the default cache (Redis with REDIS_URL: shared by every app server); empty
# for no limit. core.api.AnonymousRateThrottle.
API_RATE_LIMIT = os.environ.get("DJANGO_API_RATE_LIMIT", "300/min") or None
# Any site may read the API from a browser: anonymous GETs only, never with credentials.
CORS_URLS_REGEX = API_URLS_REGEX
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_HEADERS = ("accept", "accept-language", "if-modified-since", "if-none-match")
CORS_EXPOSE_HEADERS = ("ETag", "Retry-After")
SPECTACULAR_SETTINGS = {
    "TITLE": "CICA Secretariat open data API",
    "DESCRIPTION": (
        "Read-only, public data of the Conference on Interaction and Confidence Building "
        "Measures in Asia: member states and observers, dimensions, action plans and "
        "their status decisions, events and publications. Russian text under /ru/api/v1/."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # One name per vocabulary, wherever it appears (a field or a filter).
    "ENUM_NAME_OVERRIDES": {
        "ParticipantKindEnum": "members.models.ParticipantKind",
        "ParticipationStatusEnum": "members.models.ParticipationStatus",
        "ListedParticipationStatusEnum": "members.filters.LISTED_STATUS_CHOICES",
        "PlanKindEnum": "plans.choices.PlanKind",
        "PlanStatusEnum": "plans.choices.PlanStatus",
        "DecidingBodyEnum": "plans.choices.DecidingBody",
        "CoordinationRoleEnum": "plans.choices.CoordinationRole",
        "MeasureStatusEnum": "plans.choices.MeasureStatus",
        "DocumentLanguageEnum": "plans.models.DOCUMENT_LANGUAGES",
        "EventKindEnum": "events.models.EventKind",
        "EventStatusEnum": "events.models.EventStatus",
        "EventDocumentKindEnum": "events.models.EventDocumentKind",
        "PublicationKindEnum": "publications.models.PublicationKind",
        "DatePrecisionEnum": "core.partial_dates.DatePrecision",
    },
}

# bench/ runs only: exposes a bare view as the throughput ceiling.
BENCH_MODE = env_bool("DJANGO_BENCH", False)

# "Registration required" About pages send visitors to the admin login.
LOGIN_URL = "admin:login"

# Where security researchers report problems (security.txt): a mailto: or https: URL.
SECURITY_CONTACT = os.environ.get("DJANGO_SECURITY_CONTACT", "")

# Staff logins: throttle repeated failures per username and address; sessions expire.
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("DJANGO_LOGIN_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
SESSION_COOKIE_AGE = int(os.environ.get("DJANGO_SESSION_SECONDS", str(8 * 60 * 60)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Uploaded documents and images.
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
