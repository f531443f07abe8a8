from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate


def _install_published_row_counters(using, **kwargs):
    from .published_rows import install

    install(using)


def _sync_roles(sender, **kwargs):
    from .staff.roles import sync_roles

    sync_roles()


class CicaSiteConfig(AppConfig):
    name = "cica_site"
    verbose_name = "CICA site"

    def ready(self):
        # Models added after the roles migration get their permissions granted too.
        post_migrate.connect(_sync_roles, sender=self, dispatch_uid="cica_sync_roles")
        # After every migrate and flush: see cica_site/published_rows.py.
        post_migrate.connect(
            _install_published_row_counters, sender=self, dispatch_uid="cica_published_rows"
        )
        from . import (
            checks,  # noqa: F401  (registers the deploy checks)
            pg_parameters,
            pg_timestamps,
        )

        connection_created.connect(pg_timestamps.install, dispatch_uid="cica_pg_timestamps")
        connection_created.connect(pg_parameters.install, dispatch_uid="cica_pg_parameters")
        from .page_cache import connect_signals

        connect_signals()
