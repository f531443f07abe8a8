from django.apps import AppConfig
from django.db.models.signals import post_migrate


def install_plan_tally(using, **kwargs):
    from . import tally

    tally.install(using)


class PlansConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "plans"

    def ready(self):
        # After every migrate and flush: see plans/tally.py.
        post_migrate.connect(install_plan_tally, sender=self, dispatch_uid="plans-tally")
