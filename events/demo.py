"""Real CICA meetings for the demo site (idempotent), linked to the plan decisions they took.

Runs after plans.demo (see load_demo). Without the plans demo the events still load and the
decision links are skipped; running load_demo again once plans exist adds them.
"""

import json
from pathlib import Path

from django.db import transaction

from core.partial_dates import parse_partial_date
from core.publishing import PublicationStatus
from members.models import Participant
from plans.models import StatusChange

from .models import Event

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


def _save_event(entry, states):
    event = Event.objects.filter(slug=entry["slug"]).first() or Event(slug=entry["slug"])
    start_date, precision = parse_partial_date(entry["date"])
    values = {
        "title": entry["title"],
        "kind": entry["kind"],
        "status": entry.get("status", "scheduled"),
        "start_date": start_date,
        "end_date": None,
        "date_precision": precision,
        "starts_at": None,
        "ends_at": None,
        "timezone": entry["timezone"],
        "city": entry["city"],
        "venue": entry.get("venue", ""),
        "summary": entry["summary"],
        "publication_status": PublicationStatus.PUBLISHED,
    }
    for name, value in values.items():
        setattr(event, name, value)
    # save() leaves sequence and updated_at alone when nothing changed: a second run is a no-op
    # for calendar subscribers too.
    event.save()
    event.hosts.set([states[name] for name in entry["hosts"]])
    return event


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
    slugs = [entry["slug"] for entry in data["events"]]
    return {
        "events": Event.objects.filter(slug__in=slugs).count(),
        "decisions linked": StatusChange.objects.filter(meeting__slug__in=slugs).count(),
    }
