"""The real publications for the demo site, starting with the seed interview (idempotent)."""

import datetime
import json
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from core.publishing import PublicationStatus
from events.models import Event
from members.models import Participant
from plans.models import Plan

from .models import Publication

DATA_DIR = Path(__file__).resolve().parent / "data"
DATA_FILE = DATA_DIR / "demo.json"


def read_entries():
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))["publications"]


@transaction.atomic
def load():
    linked = {"related plans": 0, "related events": 0, "related states": 0}
    for entry in read_entries():
        posted_on = datetime.date.fromisoformat(entry["posted_on"])
        posted_at = timezone.make_aware(datetime.datetime.combine(posted_on, datetime.time()))
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
    return {"publications": Publication.objects.count(), **linked}
