"""The About pages (flatpages staff edit later), written from the real facts (idempotent)."""

import json
from pathlib import Path

from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.db import transaction

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_pages():
    return json.loads((DATA_DIR / "about.json").read_text(encoding="utf-8"))["pages"]


@transaction.atomic
def load():
    site = Site.objects.get(pk=settings.SITE_ID)
    for page in read_pages():
        flatpage, _ = FlatPage.objects.update_or_create(
            url=page["url"],
            defaults={
                "title": page["title"],
                "content": (DATA_DIR / page["file"]).read_text(encoding="utf-8"),
                "registration_required": False,
                "template_name": "",
            },
        )
        flatpage.sites.add(site)
    return {"about pages": FlatPage.objects.filter(url__startswith="/about/").count()}
