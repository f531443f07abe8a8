from django.apps import AppConfig


class CicaSiteConfig(AppConfig):
    name = "cica_site"
    verbose_name = "CICA site"

    def ready(self):
        from . import checks  # noqa: F401  (registers the deploy checks)
