"""The About pages (flatpages staff edit later) and the Secretariat contact, written from
the real facts (idempotent)."""

import json
from pathlib import Path

from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.db import transaction

from core.partial_dates import DatePrecision, parse_partial_date

from .models import Secretariat, SecretariatHead

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
    load_secretariat()
    return {
        "about pages": FlatPage.objects.filter(url__startswith="/about/").count(),
        "heads of the Secretariat": SecretariatHead.objects.count(),
    }


def partial_date(text, by=False):
    if not text:
        return None, DatePrecision.DAY
    date, precision = parse_partial_date(text)
    return date, DatePrecision.BY_YEAR if by else precision


def load_secretariat():
    """The one contact row and the heads over time; what staff added is kept."""
    data = json.loads((DATA_DIR / "secretariat.json").read_text(encoding="utf-8"))
    contact = {field: data[field] for field in ("address", "email", "phone", "office_hours")}
    secretariat = Secretariat.objects.first()
    if secretariat is None:
        secretariat = Secretariat.objects.create(**contact)
    for order, head in enumerate(data["heads"], start=1):
        started, started_precision = partial_date(head["from"], by=head.get("from_by", False))
        ended, ended_precision = partial_date(head["to"])
        SecretariatHead.objects.update_or_create(
            secretariat=secretariat,
            name=head["name"],
            title=head["title"],
            defaults={
                "order": order * 10,
                "started": started,
                "started_precision": started_precision,
                "ended": ended,
                "ended_precision": ended_precision,
            },
        )
