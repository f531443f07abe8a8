"""Synthetic plans with their status histories, measures, coordinators and meetings."""

import datetime

from django.utils import translation

from core.publishing import PublicationStatus
from events.models import Event
from plans.models import (
    Coordination,
    CoordinationRole,
    Measure,
    MeasureStatus,
    Plan,
    PlanKind,
    PlanStatus,
    StatusChange,
)

from . import text
from .content import BATCH, chunks, width
from .histories import FIRST_DECISION, Meetings, dated_steps

S = PlanStatus
M = MeasureStatus
# Measures belong to action plans that got as far as approval.
HAS_MEASURES = {S.APPROVED_BY_SOC, S.IN_IMPLEMENTATION}
MEASURE_STATUSES = {
    S.APPROVED_BY_SOC: {M.PLANNED: 1},
    S.IN_IMPLEMENTATION: {M.PLANNED: 3, M.IN_PROGRESS: 4, M.DONE: 3, M.CANCELLED: 1},
    S.COMPLETED: {M.DONE: 9, M.CANCELLED: 1},
    S.SUPERSEDED: {M.DONE: 6, M.CANCELLED: 2, M.IN_PROGRESS: 2},
    S.WITHDRAWN: {M.CANCELLED: 6, M.DONE: 2, M.PLANNED: 2},
}
COORDINATED_SHARE = 0.05


def measure_counts(rng, kinds, roads, total):
    """How many measures each plan gets: spread over action plans that were approved."""
    eligible = [
        index
        for index, (kind, road) in enumerate(zip(kinds, roads, strict=True))
        if kind == PlanKind.ACTION_PLAN and HAS_MEASURES & set(road)
    ] or list(range(len(roads)))
    counts = [0] * len(roads)
    if not eligible:
        return counts
    base, extra = divmod(total, len(eligible))
    rng.shuffle(eligible)
    for position, index in enumerate(eligible):
        counts[index] = base + (1 if position < extra else 0)
    return counts


class PlanBuilder:
    def __init__(self, ctx, taxonomy, history_plan, measures):
        self.ctx, self.rng = ctx, ctx.rng
        self.taxonomy = taxonomy
        self.history = history_plan
        self.measures = measure_counts(self.rng, history_plan.kinds, history_plan.roads, measures)
        self.meetings = Meetings(ctx.meeting_rows)
        self.superseded_waiting = []  # pks of superseded plans without a successor yet
        total = len(history_plan.roads)
        self.digits = width(total)
        # Links from events to the plans they discussed: about 0.3 per event.
        self.links_per_plan = 0.3 * len(ctx.event_pks) / total if total else 0
        with translation.override("en"):
            self.kind_labels = {kind: str(kind.label).lower() for kind in PlanKind}

    def build(self):
        ctx, rng = self.ctx, self.rng
        # Plans are inserted in the order they were drafted, as a real archive grows:
        # rows of the same years sit together on disk.
        drafts = []
        for kind, road in zip(self.history.kinds, self.history.roads, strict=True):
            steps = dated_steps(rng, road, ctx.today, self.meetings)
            dated = [day for _status, day, *_rest in steps if day]
            drafted = (
                dated[0]
                if dated
                else FIRST_DECISION
                + datetime.timedelta(days=rng.randrange((ctx.today - FIRST_DECISION).days))
            )
            drafts.append((drafted, kind, steps))
        drafts.sort(key=lambda draft: draft[0])
        for numbers in chunks(len(drafts)):
            self._chunk(numbers, drafts)

    def _chunk(self, numbers, drafts):
        ctx, rng = self.ctx, self.rng
        plans, histories = [], []
        for index in numbers:
            drafted, kind, steps = drafts[index]
            plans.append(self._plan(index, kind, steps, drafted))
            histories.append(steps)
        Plan.objects.bulk_create(plans, batch_size=BATCH)
        changes, measures, coordinations, links = [], [], [], []
        for index, plan, steps in zip(numbers, plans, histories, strict=True):
            changes += self._status_changes(plan, steps)
            measures += self._measures(plan, self.measures[index])
            coordinations += self._coordinations(plan)
            links += self._event_links(plan)
            if plan.status == S.SUPERSEDED:
                self.superseded_waiting.append(plan.pk)
            if plan.publication_status == PublicationStatus.PUBLISHED:
                ctx.published_plan_pks.append(plan.pk)
        StatusChange.objects.bulk_create(changes, batch_size=BATCH)
        Measure.objects.bulk_create(measures, batch_size=BATCH)
        responsible = [
            Measure.responsible_states.through(measure_id=measure.pk, participant_id=state)
            for measure in measures
            for state in rng.sample(ctx.state_pks, min(len(ctx.state_pks), rng.choice([1, 1, 2])))
        ]
        Measure.responsible_states.through.objects.bulk_create(responsible, batch_size=BATCH)
        Coordination.objects.bulk_create(coordinations, batch_size=BATCH)
        Event.plans.through.objects.bulk_create(links, batch_size=BATCH)
        for name, rows in (
            ("plans", plans),
            ("plan status changes", changes),
            ("measures", measures),
            ("measure responsible states", responsible),
            ("plan coordinations", coordinations),
            ("event-plan links", links),
        ):
            ctx.count(name, len(rows))

    def _plan(self, index, kind, steps, drafted):
        ctx, rng = self.ctx, self.rng
        dimension, areas = rng.choice(self.taxonomy)
        topic = rng.choice(text.TOPICS)
        start_year = end_year = None
        if kind == PlanKind.ACTION_PLAN:
            start_year = drafted.year + rng.choice([0, 0, 1])
            end_year = start_year + rng.randrange(1, 5)
        last = steps[-1] if steps else None
        status, publish_at = ctx.publication_state(ctx.moment(drafted))
        predecessor = None
        if self.superseded_waiting and rng.random() < 0.5:
            predecessor = self.superseded_waiting.pop(rng.randrange(len(self.superseded_waiting)))
        return Plan(
            kind=kind,
            dimension_id=dimension,
            priority_area_id=rng.choice(areas) if areas and rng.random() < 0.8 else None,
            title=f"{text.TITLE_PREFIX} {self.kind_labels[kind]} {index + 1:0{self.digits}d} "
            f"on {topic}",
            slug=f"{text.SLUG_PREFIX}plan-{index + 1:0{self.digits}d}",
            summary=text.paragraph(rng, topic, self.kind_labels[kind], 2),
            body=text.paragraph(rng, topic, self.kind_labels[kind], 5),
            start_year=start_year,
            end_year=end_year,
            predecessor_id=predecessor,
            # The workflow's invariant: the current status is the last step's.
            status=last[0] if last else S.DRAFT,
            status_decided_on=last[1] if last else None,
            status_decided_precision=last[2] if last and last[1] else "",
            publication_status=status,
            publish_at=publish_at,
        )

    def _status_changes(self, plan, steps):
        changes, previous = [], S.DRAFT
        for step, (status, day, precision, body, meeting) in enumerate(steps, start=1):
            changes.append(
                StatusChange(
                    plan=plan,
                    step=step,
                    from_status=previous,
                    to_status=status,
                    decided_on=day,
                    decided_on_precision=precision,
                    deciding_body=body,
                    meeting_id=meeting,
                    note=f"{text.TITLE_PREFIX} decision.",
                )
            )
            previous = status
        return changes

    def _measures(self, plan, count):
        rng = self.rng
        weights = MEASURE_STATUSES.get(plan.status, {M.PLANNED: 1})
        first = plan.start_year or self.ctx.today.year
        last = max(plan.end_year or first, first)
        measures = []
        for number in range(1, count + 1):
            due = datetime.date(rng.randrange(first, last + 1), rng.randrange(1, 13), 28)
            measures.append(
                Measure(
                    plan=plan,
                    title=f"{text.TITLE_PREFIX} measure {number} of {plan.slug}",
                    due_date=due if rng.random() < 0.9 else None,
                    status=self.ctx.weighted(weights),
                    event_id=rng.choice(self.ctx.event_pks)
                    if self.ctx.event_pks and rng.random() < 0.1
                    else None,
                )
            )
        return measures

    def _coordinations(self, plan):
        rng, states = self.rng, self.ctx.state_pks
        if rng.random() >= COORDINATED_SHARE or not states:
            return []
        picked = rng.sample(states, min(len(states), 2))
        roles = [Coordination(state_id=picked[0], role=CoordinationRole.COORDINATOR, plan=plan)]
        if len(picked) > 1 and rng.random() < 0.3:
            roles.append(
                Coordination(state_id=picked[1], role=CoordinationRole.CO_COORDINATOR, plan=plan)
            )
        return roles

    def _event_links(self, plan):
        rng, events = self.rng, self.ctx.event_pks
        whole, fraction = divmod(self.links_per_plan, 1)
        count = min(len(events), int(whole) + (1 if rng.random() < fraction else 0))
        return [
            Event.plans.through(event_id=event, plan_id=plan.pk)
            for event in rng.sample(events, count)
        ]
