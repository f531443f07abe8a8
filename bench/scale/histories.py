"""Plan status histories that the workflow itself would accept.

Every history is a road through plans.workflow.TRANSITIONS from "draft", found by
walking ``allowed_next_statuses``; nothing here is hand-written, so a change to the
state machine changes what is generated. The longest road has five steps
(draft → agreed by SWG → approved by SOC → in implementation → completed →
superseded), so N plans can hold at most 5 × N status changes.
"""

import bisect
import datetime
import math
from dataclasses import dataclass

from core.partial_dates import DatePrecision, normalise_partial_date
from plans.models import DecidingBody, PlanKind, PlanStatus
from plans.workflow import allowed_next_statuses

S = PlanStatus

# How often a plan ends in each status, before splitting the weight between the roads
# that end there. An archive is mostly closed plans (completed, superseded).
END_WEIGHTS = {
    S.DRAFT: 3,
    S.AGREED_BY_SWG: 3,
    S.APPROVED_BY_SOC: 6,
    S.IN_IMPLEMENTATION: 12,
    S.COMPLETED: 30,
    S.WITHDRAWN: 6,
    S.SUPERSEDED: 40,
}
DECIDING_BODY = {S.AGREED_BY_SWG: DecidingBody.SWG}  # every other decision: the SOC
FIRST_DECISION = datetime.date(1995, 1, 1)


def roads(kind):
    """Every status road from draft for this kind of plan, as tuples of to-statuses."""
    found = []

    def walk(status, road):
        found.append(road)
        for target in allowed_next_statuses(kind, status):
            walk(target, (*road, target))

    walk(S.DRAFT, ())
    return found


def weighted_roads(kind):
    """[(road, weight)]: each end status's weight shared equally by its roads."""
    by_end = {}
    for road in roads(kind):
        by_end.setdefault(road[-1] if road else S.DRAFT, []).append(road)
    return [
        (road, END_WEIGHTS[end] / len(group))
        for end, group in by_end.items()
        for road in group
        if END_WEIGHTS[end]
    ]


MAX_STEPS = max(len(road) for kind in PlanKind.values for road in roads(kind))


@dataclass
class HistoryPlan:
    kinds: list  # one PlanKind per plan
    roads: list  # one road (tuple of statuses) per plan
    requested: int  # status changes asked for
    grown: bool  # True when plans were added to reach the changes asked for

    @property
    def status_changes(self):
        return sum(len(road) for road in self.roads)


def plan_histories(rng, plans, status_changes, *, grow=True, concept_share=0.15):
    """Kinds and roads for the plans, totalling ``status_changes`` where the machine allows.

    With ``grow`` more plans are added until the total is reached; otherwise the
    number of plans stays and the total is capped by what they can hold.
    """
    choices = {kind: weighted_roads(kind) for kind in PlanKind.values}
    kinds, chosen = [], []
    remaining = status_changes
    while len(chosen) < plans or (grow and remaining > 0):
        kind = PlanKind.CONCEPT_PAPER if rng.random() < concept_share else PlanKind.ACTION_PLAN
        roads_for_kind, weights = zip(*choices[kind], strict=True)
        road = rng.choices(roads_for_kind, weights)[0]
        # A shorter prefix of a road is itself a road: the plan stopped there.
        road = road[: max(0, remaining)]
        if grow and len(chosen) >= plans and not road:
            # Growing: a plan added for its history must have one (the longest road).
            kind = PlanKind.ACTION_PLAN
            road = max(roads(kind), key=len)[:remaining]
        kinds.append(kind)
        chosen.append(road)
        remaining -= len(road)
    order = list(range(len(chosen)))
    rng.shuffle(order)  # truncated roads must not all land on the last plans
    return HistoryPlan(
        kinds=[kinds[i] for i in order],
        roads=[chosen[i] for i in order],
        requested=status_changes,
        grown=len(chosen) > plans,
    )


def plans_needed(status_changes):
    return math.ceil(status_changes / MAX_STEPS)


class Meetings:
    """Published SOC and SWG meetings with a known day, to date decisions by."""

    def __init__(self, rows):
        # rows: (kind, start_date, pk) of events
        self.by_kind = {}
        for kind, day, pk in sorted(rows, key=lambda row: (row[1], row[2])):
            dates, pks = self.by_kind.setdefault(kind, ([], []))
            dates.append(day)
            pks.append(pk)

    def latest_between(self, kind, earliest, latest):
        dates, pks = self.by_kind.get(kind, ([], []))
        index = bisect.bisect_right(dates, latest) - 1
        if index >= 0 and (earliest is None or dates[index] >= earliest):
            return dates[index], pks[index]
        return None


def dated_steps(rng, road, today, meetings, first=FIRST_DECISION):
    """[(to_status, decided_on, precision, deciding_body, meeting_pk)] for a road.

    Dates never go back and never lie in the future (the workflow refuses both); some
    are known only to the month or year, a few not at all, and many are the day of an
    SOC or SWG meeting where the decision was taken.
    """
    span = (today - first).days
    raw = sorted(first + datetime.timedelta(days=rng.randrange(span)) for _ in road)
    steps, previous = [], None
    for status, day in zip(road, raw, strict=True):
        body = DECIDING_BODY.get(status, DecidingBody.SOC)
        meeting = None
        roll = rng.random()
        if roll < 0.03:
            steps.append((status, None, DatePrecision.DAY, body, None))
            continue
        if roll < 0.10:
            precision = DatePrecision.YEAR
        elif roll < 0.20:
            precision = DatePrecision.MONTH
        else:
            precision = DatePrecision.DAY
            if rng.random() < 0.5:
                found = meetings.latest_between(body, previous, day)
                if found:
                    day, meeting = found
        # A month or year may start before the previous decision's day: the workflow
        # accepts that, as the decision may fall anywhere in it.
        day = normalise_partial_date(day, precision)
        previous = max(day, previous) if previous else day
        steps.append((status, day, precision, body, meeting))
    return steps
