"""Synthetic content at scale, for performance work only (``bench/seed_scale.py``).

Everything made here is marked: titles begin "Synthetic", slugs "synthetic-", states
are "Synthetic state N" with no ISO code, cities and venues are "Synthetic city N".
Most items are published; about 3% are drafts, 2% scheduled within the next 30 days
and 1% withdrawn, so the publication filters have something to filter.

Plan histories follow plans.workflow exactly (see histories.py). Because a plan can
take at most five steps, the status changes asked for may need more plans than asked
for: by default plans are added until the total is reached (``grow``); otherwise the
number of plans stays and the status changes are capped. Either way ``seed`` reports
what it did.
"""

import random
import time
from dataclasses import asdict, dataclass, replace

from django.db import connection, transaction
from django.db.models import Q

from core import page_cache, published_rows
from events.models import Event, EventDocument
from members.models import Chairmanship, Participant
from members.models import StatusChange as MemberStatusChange
from plans import tally
from plans.models import Coordination, Dimension, Measure, Plan, PriorityArea, StatusChange
from publications.models import Publication

from . import content
from .histories import MAX_STEPS, plan_histories
from .plans import PlanBuilder
from .text import SLUG_PREFIX


@dataclass(frozen=True)
class Counts:
    states: int = 60
    plans: int = 20_000
    status_changes: int = 200_000
    measures: int = 100_000
    events: int = 50_000
    publications: int = 20_000

    def with_overrides(self, **overrides):
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


DEFAULT = Counts()
QUICK = Counts(states=6, plans=40, status_changes=120, measures=80, events=150, publications=50)


def content_changed():
    """Tell the page cache that content changed: pages cached before must not be served.

    bulk_create and raw deletes send no save signals, so the site's own invalidation
    never hears of seeded rows. Every model seeding touches may have changed.
    """
    page_cache.bump_content_version()


def synthetic(model):
    return model._default_manager.filter(slug__startswith=SLUG_PREFIX)


def synthetic_present():
    return any(synthetic(model).exists() for model in (Participant, Plan, Event, Publication))


@transaction.atomic
def reset():
    """Delete every synthetic row (and links to them) without loading them into memory.

    Plain DELETE statements in dependency order: the ORM's delete() would fetch each
    row and write a history record for it, which takes far longer than seeding did.
    """
    states, plans = synthetic(Participant), synthetic(Plan)
    events, publications = synthetic(Event), synthetic(Publication)
    dimensions, areas = synthetic(Dimension), synthetic(PriorityArea)
    # Links from real content to synthetic items are set to nothing, not deleted.
    StatusChange.objects.filter(meeting__in=events).exclude(plan__in=plans).update(meeting=None)
    Measure.objects.filter(event__in=events).exclude(plan__in=plans).update(event=None)
    Plan.objects.filter(predecessor__in=plans).exclude(pk__in=plans).update(predecessor=None)
    deletions = [
        Publication.related_states.through.objects.filter(
            Q(publication__in=publications) | Q(participant__in=states)
        ),
        Publication.related_plans.through.objects.filter(
            Q(publication__in=publications) | Q(plan__in=plans)
        ),
        Publication.related_events.through.objects.filter(
            Q(publication__in=publications) | Q(event__in=events)
        ),
        publications,
        Measure.responsible_states.through.objects.filter(
            Q(measure__plan__in=plans) | Q(participant__in=states)
        ),
        Measure.objects.filter(plan__in=plans),
        StatusChange.objects.filter(plan__in=plans),
        Coordination.objects.filter(
            Q(plan__in=plans)
            | Q(state__in=states)
            | Q(dimension__in=dimensions)
            | Q(priority_area__in=areas)
        ),
        Event.plans.through.objects.filter(Q(event__in=events) | Q(plan__in=plans)),
        Event.hosts.through.objects.filter(Q(event__in=events) | Q(participant__in=states)),
        EventDocument.objects.filter(event__in=events),
        plans,
        events,
        MemberStatusChange.objects.filter(participant__in=states),
        Chairmanship.objects.filter(state__in=states),
        states,
        areas,
        dimensions,
    ]
    deleted = 0
    for queryset in deletions:
        # QuerySet._raw_delete: one DELETE ... WHERE, no signals, no per-row history.
        deleted += queryset._raw_delete(queryset.db)
    content_changed()
    return deleted


def seed(counts, *, random_seed=7, grow=True, log=print):
    """Fill the database; returns a report dict (what was made, how long it took)."""
    rng = random.Random(random_seed)
    started = time.monotonic()
    histories = plan_histories(rng, counts.plans, counts.status_changes, grow=grow)
    ctx = content.Context(rng)
    timings = {}

    def timed(name, function, *args):
        began = time.monotonic()
        with transaction.atomic():
            function(*args)
        timings[name] = round(time.monotonic() - began, 1)
        log(f"  {name}: {timings[name]}s")

    timed("states", content.seed_states, ctx, counts.states)
    taxonomy = content.ensure_taxonomy(ctx)
    timed("events", content.seed_events, ctx, counts.events)
    timed("plans", PlanBuilder(ctx, taxonomy, histories, counts.measures).build)
    timed("publications", content.seed_publications, ctx, counts.publications)
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        began = time.monotonic()
        with connection.cursor() as cursor:
            # The counters' triggers updated a few rows once for each row inserted, in
            # one transaction each: a tally of 276 rows was left on 618 pages, which
            # every count read whole. Rewritten compact, as one update at a time (HOT
            # pruning) keeps them in use.
            cursor.execute(f"VACUUM FULL {tally.TALLY_TABLE}, {published_rows.COUNTER_TABLE}")
            # Fresh statistics and visibility maps, as autovacuum would give later.
            cursor.execute("VACUUM ANALYZE")
        timings["vacuum analyze"] = round(time.monotonic() - began, 1)
        log(f"  vacuum analyze: {timings['vacuum analyze']}s")
    content_changed()
    return {
        "requested": asdict(counts),
        "created": ctx.created,
        "history_note": history_note(counts, histories),
        "seconds": round(time.monotonic() - started, 1),
        "timings": timings,
    }


def history_note(counts, histories):
    made = histories.status_changes
    plans = len(histories.roads)
    if histories.grown:
        return (
            f"{counts.status_changes:,} status changes need more than {counts.plans:,} plans: a "
            f"plan's history has at most {MAX_STEPS} steps in the workflow, and most plans stop "
            f"earlier. Plans were added until the total was reached: {plans:,} plans hold "
            f"{made:,} status changes ({made / plans:.1f} per plan)."
        )
    if made < counts.status_changes:
        return (
            f"Capped: {counts.plans:,} plans hold {made:,} status changes, not the "
            f"{counts.status_changes:,} asked for (at most {MAX_STEPS} steps per plan in the "
            f"workflow, and most plans stop earlier)."
        )
    return f"{plans:,} plans hold {made:,} status changes."
