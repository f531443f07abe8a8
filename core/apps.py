from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _install_published_row_counters(using, **kwargs):
    from .published_rows import install

    install(using)


def _sync_roles(sender, **kwargs):
    from .staff.roles import sync_roles

    sync_roles()


class CoreConfig(AppConfig):
    """Building blocks every content app stands on; imports no content app."""

    name = "core"
    verbose_name = _("CICA core")

    def ready(self):
        # Models added after the roles migration get their permissions granted too.
        post_migrate.connect(_sync_roles, sender=self, dispatch_uid="cica_sync_roles")
        # After every migrate and flush: see core/published_rows.py.
        post_migrate.connect(
            _install_published_row_counters, sender=self, dispatch_uid="cica_published_rows"
        )
        from . import pg_parameters
        from .page_cache import connect_signals

        connection_created.connect(pg_parameters.install, dispatch_uid="cica_pg_parameters")
        connect_signals()
