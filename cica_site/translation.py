"""The About pages (django.contrib.flatpages) and the Secretariat contact in English and
Russian (core/bilingual.py). The About pages' migrations live in
cica_site/flatpages_migrations (settings.MIGRATION_MODULES)."""

from django.contrib.flatpages.models import FlatPage

from core.bilingual import register

from .models import Secretariat, SecretariatHead

register(FlatPage, ["title", "content"])
register(Secretariat, ["address", "office_hours"])
register(SecretariatHead, ["name", "title"])
