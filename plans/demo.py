"""Real CICA dimensions, priority areas, coordinators and plans for the demo site (idempotent).

Runs after members.demo: coordinating states are looked up by name. Status
decisions go through plans.workflow with the dates and precision that are
known; unknown dates stay empty.
"""

import datetime
import json
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from core.partial_dates import DatePrecision, parse_partial_date
from core.publishing import PublicationStatus
from members.models import Participant

from .models import (
    Coordination,
    CoordinationRole,
    Dimension,
    Plan,
    PriorityArea,
    StatusChange,
)
from .workflow import record_status_change

DATA_FILE = Path(__file__).resolve().parent / "data" / "demo.json"


@transaction.atomic
def load():
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    states = {state.name: state for state in Participant.objects.states()}
    for position, entry in enumerate(data["dimensions"], start=1):
        dimension, _ = Dimension.objects.update_or_create(
            slug=entry["slug"],
            defaults={
                "name_en": entry["name"],
                # The Russian names of the dimensions as CICA's and Kazakhstan's Russian
                # pages give them (shared facts file), not translated by us.
                "name_ru": entry.get("name_ru"),
                "position": position,
            },
        )
        _ensure_roles(entry, states, dimension=dimension)
        for area_entry in entry["priority_areas"]:
            area, _ = PriorityArea.objects.update_or_create(
                slug=area_entry.get("slug") or slugify(area_entry["name"]),
                defaults={
                    "dimension": dimension,
                    "name": area_entry["name"],
                    "note": area_entry.get("note", ""),
                },
            )
            _ensure_roles(area_entry, states, priority_area=area)
    for entry in data["plans"]:
        plan = _load_plan(entry)
        _ensure_roles(entry, states, plan=plan)
        _replay_history(plan, entry["history"])
        _publish_from_own_date(plan, entry)
    return {
        "dimensions": Dimension.objects.count(),
        "priority areas": PriorityArea.objects.count(),
        "coordination roles": Coordination.objects.count(),
        "plans": Plan.objects.count(),
        "plans with a decision date": Plan.objects.exclude(status_decided_on=None).count(),
        "status changes": StatusChange.objects.count(),
    }


def _publish_from_own_date(plan, entry):
    """publish_at is the plan's first dated decision (or the start of its period), not the
    moment the demo was loaded: a paper of 2007 is not news of today."""
    dates = [parse_partial_date(step["date"])[0] for step in entry["history"] if step["date"]]
    if not dates and entry.get("start_year"):
        dates = [datetime.date(entry["start_year"], 1, 1)]
    if dates:
        moment = timezone.make_aware(datetime.datetime.combine(min(dates), datetime.time()))
        Plan.objects.filter(pk=plan.pk).exclude(publish_at=moment).update(publish_at=moment)


def _load_plan(entry):
    area_slug = entry.get("priority_area")
    predecessor_slug = entry.get("predecessor")
    plan, _ = Plan.objects.update_or_create(
        slug=entry["slug"],
        defaults={
            "kind": entry["kind"],
            "dimension": Dimension.objects.get(slug=entry["dimension"]),
            "priority_area": PriorityArea.objects.get(slug=area_slug) if area_slug else None,
            "title": entry["title"],
            "summary": entry.get("summary", ""),
            "start_year": entry.get("start_year"),
            "end_year": entry.get("end_year"),
            "predecessor": Plan.objects.get(slug=predecessor_slug) if predecessor_slug else None,
            "publication_status": PublicationStatus.PUBLISHED,
        },
    )
    return plan


def _ensure_roles(entry, states, **subject):
    roles = [(CoordinationRole.COORDINATOR, name) for name in entry.get("coordinators", [])]
    roles += [(CoordinationRole.CO_COORDINATOR, name) for name in entry.get("co_coordinators", [])]
    for role, name in roles:
        if name not in states:
            raise LookupError(f"No state named {name!r}: load the members demo first.")
        # get_or_create: roles added by staff are left alone, ours are not duplicated.
        Coordination.objects.get_or_create(state=states[name], role=role, **subject)


def _replay_history(plan, steps):
    """Record the steps not yet recorded; leave a history that staff have taken elsewhere."""
    recorded = list(plan.status_changes.order_by("step"))
    wanted = [step["to"] for step in steps]
    if [change.to_status for change in recorded] != wanted[: len(recorded)]:
        return
    _correct_dates(plan, recorded, steps)
    for step in steps[len(recorded) :]:
        if step["date"]:
            decided_on, precision = parse_partial_date(step["date"])
        else:
            decided_on, precision = None, DatePrecision.DAY
        record_status_change(
            plan,
            step["to"],
            decided_on,
            precision=precision,
            deciding_body=step.get("body", ""),
            note=step.get("note", ""),
        )


def _correct_dates(plan, recorded, steps):
    """Give steps the demo recorded earlier the dates the facts file has since corrected
    (a paper "approved in 2023" is now known to the day). Steps staff recorded are theirs."""
    for change, step in zip(recorded, steps, strict=False):
        if change.recorded_by_id is not None:
            continue
        if step["date"]:
            decided_on, precision = parse_partial_date(step["date"])
        else:
            decided_on, precision = None, DatePrecision.DAY
        wanted = {
            "decided_on": decided_on,
            "decided_on_precision": precision,
            "deciding_body": step.get("body", ""),
            "note": step.get("note", ""),
        }
        if all(getattr(change, name) == value for name, value in wanted.items()):
            continue
        StatusChange.objects.filter(pk=change.pk).update(**wanted)
        if change.step == len(recorded):
            Plan.objects.filter(pk=plan.pk).update(
                status_decided_on=decided_on,
                status_decided_precision=precision if decided_on else "",
            )
