"""Real CICA members, observers and chairmanships for the demo site (idempotent)."""

import datetime
import json
from pathlib import Path

from babel import Locale
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from core.partial_dates import DatePrecision, parse_partial_date
from core.publishing import PublicationStatus

from .models import Chairmanship, Participant, StatusChange

DATA_FILE = Path(__file__).resolve().parent / "data" / "demo.json"
RUSSIAN = Locale("ru")


def russian_name(iso_code):
    """A state's short name in Russian from the Unicode CLDR data Babel ships (None for an
    organisation or an unknown code): a maintained source, nothing translated by us."""
    return RUSSIAN.territories.get(iso_code) if iso_code else None


@transaction.atomic
def load():
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    for entry in data["participants"]:
        participant, _ = Participant.objects.update_or_create(
            slug=slugify(entry["name"]),
            defaults={
                "name_en": entry["name"],
                "name_ru": russian_name(entry["iso_code"]),
                "kind": entry["kind"],
                "iso_code": entry["iso_code"],
                "official_name": entry["official_name"],
                "founding_member": entry.get("founding_member", False),
                "publication_status": PublicationStatus.PUBLISHED,
            },
        )
        participant.status_changes.all().delete()
        _publish_from_first_date(participant, entry["history"])
        for step in entry["history"]:
            if step["date"]:
                date, precision = parse_partial_date(step["date"])
                precision = step.get("precision") or precision
            else:
                date, precision = None, DatePrecision.DAY
            StatusChange.objects.create(
                participant=participant,
                status=step["status"],
                date=date,
                precision=precision,
                note=step.get("note", ""),
            )
    for chair in data["chairmanships"]:
        Chairmanship.objects.update_or_create(
            state=Participant.objects.get(name=chair["state"]),
            start_year=chair["from"],
            defaults={"end_year": chair["to"]},
        )
    return {
        "participants": Participant.objects.count(),
        "chairmanships": Chairmanship.objects.count(),
    }


def _publish_from_first_date(participant, history):
    """A state is published from its first dated status, not from the moment the demo was
    loaded; one whose history has no date keeps the moment it was first loaded."""
    dates = [parse_partial_date(step["date"])[0] for step in history if step["date"]]
    if dates:
        moment = timezone.make_aware(datetime.datetime.combine(min(dates), datetime.time()))
        Participant.objects.filter(pk=participant.pk).exclude(publish_at=moment).update(
            publish_at=moment
        )
