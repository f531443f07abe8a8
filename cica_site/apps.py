from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.contrib.flatpages import apps as flatpages_apps
from django.utils.translation import gettext_lazy as _


class CicaSiteConfig(AppConfig):
    name = "cica_site"
    verbose_name = _("CICA site")

    def ready(self):
        from . import checks  # noqa: F401  (registers the deploy checks)


# Named in INSTALLED_APPS by their full path; default = False keeps this module's
# own app config the one "cica_site" means.
class SecretariatAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "cica_site.admin_site.SecretariatAdminSite"


class AboutPagesConfig(flatpages_apps.FlatPagesConfig):
    default = False
    # Staff edit the pages under /about/ with flatpages: the admin calls them so.
    verbose_name = _("About pages")
