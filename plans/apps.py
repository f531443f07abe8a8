from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def install_plan_tally(using, **kwargs):
    from . import tally

    tally.install(using)


class PlansConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "plans"
    verbose_name = _("Action plans and concept papers")

    def ready(self):
        # After every migrate and flush: see plans/tally.py.
        post_migrate.connect(install_plan_tally, sender=self, dispatch_uid="plans-tally")
