"""System checks of the site's own settings."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def check_secret_key_is_real(app_configs, **kwargs):
    """`check --deploy` fails, not just warns, when the site would refuse to serve."""
    if settings.SECRET_KEY_PROBLEM:
        return [checks.Error(settings.SECRET_KEY_PROBLEM, id="cica_site.E001")]
    return []
