"""The real publications for the demo site (idempotent): the seed interview, and CICA's own
press releases and news items as their title, date and our one-line summary, each linked to
CICA's page as its source (their text is CICA's, not ours to copy)."""

import datetime
import json
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from core.partial_dates import parse_partial_date
from core.publishing import PublicationStatus
from events.models import Event
from members.models import Participant
from plans.models import Plan

from .models import Publication

DATA_DIR = Path(__file__).resolve().parent / "data"
DATA_FILE = DATA_DIR / "demo.json"


def read_entries():
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))["publications"]


def read_press_releases():
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))["press_releases"]


def _published_from(day):
    """The item's own day, not the moment the demo was loaded."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def load_press_releases():
    for entry in read_press_releases():
        posted_on, precision = parse_partial_date(entry["posted_on"])
        Publication.objects.update_or_create(
            slug=entry["slug"],
            defaults={
                "kind": entry["kind"],
                "title": entry["title"],
                "standfirst": entry["summary"],
                "posted_on": posted_on,
                "posted_precision": entry["precision"],
                "source_url": entry["source_url"],
                "publication_status": PublicationStatus.PUBLISHED,
                "publish_at": _published_from(posted_on),
            },
        )
    return Publication.objects.exclude(source_url="").count()


@transaction.atomic
def load():
    linked = {"related plans": 0, "related events": 0, "related states": 0}
    with_source = load_press_releases()
    for entry in read_entries():
        posted_on = datetime.date.fromisoformat(entry["posted_on"])
        posted_at = _published_from(posted_on)
        publication, _ = Publication.objects.update_or_create(
            slug=entry["slug"],
            defaults={
                "kind": entry["kind"],
                "title": entry["title"],
                "standfirst": entry["standfirst"],
                "body": (DATA_DIR / entry["body_file"]).read_text(encoding="utf-8"),
                "posted_on": posted_on,
                "author": entry["author"],
                "speaker": entry["speaker"],
                "publication_status": PublicationStatus.PUBLISHED,
                "publish_at": posted_at,
            },
        )
        # Linked to whatever the other demo loaders created; missing items are skipped.
        plans = Plan.objects.filter(slug__in=entry["related_plans"])
        states = Participant.objects.filter(slug__in=entry["related_states"])
        events = Event.objects.none()
        for wanted in entry["related_events"]:
            events |= Event.objects.filter(kind=wanted["kind"], start_date__year=wanted["year"])
        publication.related_plans.set(plans)
        publication.related_states.set(states)
        publication.related_events.set(events)
        linked["related plans"] += publication.related_plans.count()
        linked["related events"] += publication.related_events.count()
        linked["related states"] += publication.related_states.count()
    return {
        "publications": Publication.objects.count(),
        "linked to their source": with_source,
        **linked,
    }
