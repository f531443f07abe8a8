"""Real CICA meetings for the demo site (idempotent), linked to the plan decisions they took
and to the documents they adopted.

Runs after plans.demo (see load_demo). Without the plans demo the events still load and the
decision links are skipped; running load_demo again once plans exist adds them.
"""

import datetime
import json
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from core.partial_dates import DatePrecision, parse_partial_date
from core.publishing import PublicationStatus
from members.models import Participant
from plans.models import StatusChange

from .models import Event, EventDocument

DATA_FILE = Path(__file__).resolve().parent / "data" / "demo.json"


def link_decisions(event, decisions):
    """Set ``meeting`` on the plan status changes decided at ``event``; returns how many.

    ``decisions`` are {"plan": <plan slug>, "to_status": <status>} from the data file. Only a
    change decided in the event's year is linked, so a later decision of the same kind on
    the same plan is not claimed by the wrong meeting. Missing plans are skipped. The plans
    concerned become the event's "plans discussed".
    """
    linked, plans = 0, []
    for decision in decisions:
        changes = StatusChange.objects.filter(
            plan__slug=decision["plan"],
            to_status=decision["to_status"],
            decided_on__year=event.start_date.year,
        ).select_related("plan")
        for change in changes:
            plans.append(change.plan)
        linked += changes.update(meeting=event)
    if plans:
        event.plans.add(*plans)
    return linked


def published_from(event, day):
    """The start of the event's first known day at the venue: a meeting of 2010 is not
    "published" on the day the demo was loaded. An event still ahead keeps the moment it
    was first loaded, so that it is public now and a second run changes nothing."""
    if day > timezone.localdate():
        return event.publish_at if event.pk else timezone.now()
    return datetime.datetime.combine(day, datetime.time(), tzinfo=event.zone)


def _save_event(entry, states):
    event = Event.objects.filter(slug=entry["slug"]).first() or Event(slug=entry["slug"])
    start_date, precision = parse_partial_date(entry["date"])
    end_date = entry.get("end_date")
    values = {
        "title": entry["title"],
        "kind": entry["kind"],
        "status": entry.get("status", "scheduled"),
        "start_date": start_date,
        "end_date": datetime.date.fromisoformat(end_date) if end_date else None,
        "date_precision": precision,
        "starts_at": None,
        "ends_at": None,
        "timezone": entry["timezone"],
        "city": entry["city"],
        "venue": entry.get("venue", ""),
        "summary": entry["summary"],
        "source_url": entry.get("source_url", ""),
        "publication_status": PublicationStatus.PUBLISHED,
    }
    for name, value in values.items():
        setattr(event, name, value)
    event.publish_at = published_from(event, start_date)
    # save() leaves sequence and updated_at alone when nothing changed: a second run is a no-op
    # for calendar subscribers too.
    event.save()
    event.hosts.set([states[name] for name in entry["hosts"]])
    return event


def _save_documents(event, documents):
    for document in documents:
        EventDocument.objects.update_or_create(
            event=event,
            title=document["title"],
            defaults={"kind": document["kind"], "source_url": document["source_url"]},
        )


@transaction.atomic
def load():
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    host_names = {name for entry in data["events"] for name in entry["hosts"]}
    states = {state.name: state for state in Participant.objects.filter(name__in=host_names)}
    missing = host_names - states.keys()
    if missing:
        raise LookupError(f"Load the members demo first; missing: {', '.join(sorted(missing))}")
    for entry in data["events"]:
        event = _save_event(entry, states)
        link_decisions(event, entry.get("decisions", []))
        _save_documents(event, entry.get("documents", []))
    slugs = [entry["slug"] for entry in data["events"]]
    events = Event.objects.filter(slug__in=slugs)
    return {
        "events": events.count(),
        "events with a known day": events.filter(date_precision=DatePrecision.DAY).count(),
        "documents": EventDocument.objects.filter(event__slug__in=slugs).count(),
        "decisions linked": StatusChange.objects.filter(meeting__slug__in=slugs).count(),
    }
