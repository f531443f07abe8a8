"""The one way a plan's status changes.

The admin, the demo loader and the tests all call ``record_status_change``.
``Plan.status`` and ``Plan.status_decided_on`` are written nowhere else, so the
current status is always the ``to_status`` of the plan's last ``StatusChange``.
"""

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.partial_dates import DatePrecision, format_partial_date, normalise_partial_date

from .models import DecidingBody, Plan, PlanKind, PlanStatus, StatusChange

S = PlanStatus

# Where a plan may go from each status. Withdrawal is possible from any open
# status; a newer text may supersede an approved, running or completed one.
TRANSITIONS = {
    S.DRAFT: [S.AGREED_BY_SWG, S.WITHDRAWN],
    S.AGREED_BY_SWG: [S.APPROVED_BY_SOC, S.WITHDRAWN],
    S.APPROVED_BY_SOC: [S.IN_IMPLEMENTATION, S.WITHDRAWN, S.SUPERSEDED],
    S.IN_IMPLEMENTATION: [S.COMPLETED, S.WITHDRAWN, S.SUPERSEDED],
    S.COMPLETED: [S.SUPERSEDED],
    S.WITHDRAWN: [],
    S.SUPERSEDED: [],
}

# A concept paper is a framework, not a programme: its road ends at approval.
ACTION_PLAN_ONLY = {S.IN_IMPLEMENTATION, S.COMPLETED}


class StatusChangeError(ValidationError):
    """A status change was refused; nothing was changed."""


class TransitionNotAllowed(StatusChangeError):
    def __init__(self, plan, from_status, to_status):
        self.plan, self.from_status, self.to_status = plan, from_status, to_status
        super().__init__(
            _("“%(plan)s” cannot go from “%(from)s” to “%(to)s”."),
            code="transition_not_allowed",
            params={
                "plan": plan,
                "from": S(from_status).label,
                "to": S(to_status).label if to_status in S.values else to_status,
            },
        )


class DecisionDateError(StatusChangeError):
    pass


def allowed_next_statuses(kind, status):
    """The statuses a plan of this kind may move to from this status, in workflow order."""
    return [
        target
        for target in TRANSITIONS.get(status, [])
        if not (kind == PlanKind.CONCEPT_PAPER and target in ACTION_PLAN_ONLY)
    ]


def is_allowed(kind, from_status, to_status):
    return to_status in allowed_next_statuses(kind, from_status)


def record_status_change(
    plan,
    to_status,
    decided_on=None,
    *,
    precision=DatePrecision.DAY,
    deciding_body="",
    meeting=None,
    note="",
    recorded_by=None,
):
    """Move the plan to ``to_status`` and append the decision to its history.

    ``decided_on`` is the date of the decision (None if unknown), known to
    ``precision``. Raises ``TransitionNotAllowed`` or ``DecisionDateError``
    (both ``ValidationError``) and then changes nothing. Returns the new
    ``StatusChange``; ``plan`` is updated in place.
    """
    if precision not in DatePrecision.values:
        raise StatusChangeError(_("Unknown date precision."), code="invalid_precision")
    if deciding_body not in DecidingBody.values and deciding_body != "":
        raise StatusChangeError(_("Unknown deciding body."), code="invalid_body")
    decided_on = normalise_partial_date(decided_on, precision)
    with transaction.atomic():
        # Lock the plan so two clerks recording at once cannot both append a step.
        locked = Plan.objects.select_for_update().get(pk=plan.pk)
        if not is_allowed(locked.kind, locked.status, to_status):
            raise TransitionNotAllowed(locked, locked.status, to_status)
        history = StatusChange.objects.filter(plan=locked)
        _check_decision_date(decided_on, precision, history)
        last_step = history.aggregate(last=Max("step"))["last"] or 0
        change = StatusChange.objects.create(
            plan=locked,
            step=last_step + 1,
            from_status=locked.status,
            to_status=to_status,
            decided_on=decided_on,
            decided_on_precision=precision,
            deciding_body=deciding_body,
            meeting=meeting,
            note=note,
            recorded_by=recorded_by,
        )
        current = {
            "status": to_status,
            "status_decided_on": decided_on,
            "status_decided_precision": precision if decided_on else "",
        }
        Plan.objects.filter(pk=locked.pk).update(**current)
    for field, value in current.items():
        setattr(plan, field, value)
    return change


def _check_decision_date(decided_on, precision, history):
    if decided_on is None:
        return
    today = timezone.localdate()
    if _earliest(decided_on, precision) > today:
        raise DecisionDateError(
            _("A decision cannot be dated in the future (%(date)s)."),
            code="decision_in_future",
            params={"date": format_partial_date(decided_on, precision)},
        )
    previous = history.exclude(decided_on=None).order_by("-step").first()
    if previous and _latest(decided_on, precision) < _earliest(
        previous.decided_on, previous.decided_on_precision
    ):
        raise DecisionDateError(
            _("This decision (%(date)s) cannot come before the previous one (%(previous)s)."),
            code="decision_before_previous",
            params={
                "date": format_partial_date(decided_on, precision),
                "previous": previous.decided_on_display,
            },
        )


def _earliest(day, precision):
    """The earliest day a partial date can stand for."""
    if precision == DatePrecision.BY_YEAR:
        return datetime.date.min
    return normalise_partial_date(day, precision)


def _latest(day, precision):
    """The latest day a partial date can stand for."""
    if precision in (DatePrecision.YEAR, DatePrecision.BY_YEAR):
        return datetime.date(day.year, 12, 31)
    if precision == DatePrecision.MONTH:
        return datetime.date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
    return day
