"""System checks of the site's own settings."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def check_secret_key_is_real(app_configs, **kwargs):
    """`check --deploy` fails, not just warns, when the site would refuse to serve."""
    if settings.SECRET_KEY_PROBLEM:
        return [checks.Error(settings.SECRET_KEY_PROBLEM, id="cica_site.E001")]
    return []


@checks.register()
def check_site_url(app_configs, **kwargs):
    """DJANGO_SITE_URL is put before every "View on site" path: it must be an origin."""
    from urllib.parse import urlsplit

    url = settings.SITE_URL
    if not url:
        return []
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc or parts.path or parts.query:
        return [
            checks.Error(
                f"DJANGO_SITE_URL must be a scheme and host such as https://www.s-cica.org, "
                f"not {url!r}.",
                id="cica_site.E002",
            )
        ]
    return []
