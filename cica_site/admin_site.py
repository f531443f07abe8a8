"""The admin as the CICA Secretariat's: its name, and each person's sections.

The Sites framework and the login-attempt records are machinery that only a superuser
looks after (cica_site/admin.py shows them to superusers only); the flat pages are
the About pages, and staff see them under that name.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _


class SecretariatAdminSite(admin.AdminSite):
    site_header = _("CICA Secretariat")
    site_title = _("CICA Secretariat")
    index_title = _("Site content")
    # Django's navigation sidebar repeats the home page's list and takes 280 of a
    # 1280 px screen: a plan list's status and period columns were pushed out of view.
    # The breadcrumbs lead home.
    enable_nav_sidebar = False

    # Model entries of the admin home named as staff know them: {label: plural name}.
    entry_names = {"flatpages.FlatPage": _("About pages")}

    def _build_app_dict(self, request, label=None):
        app_dict = super()._build_app_dict(request, label)
        apps = [app_dict] if label else app_dict.values()
        for app in apps:
            for entry in app.get("models", []):
                name = self.entry_names.get(entry["model"]._meta.label)
                if name:
                    entry["name"] = name
        return app_dict
