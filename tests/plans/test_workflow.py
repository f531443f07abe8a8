import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from core.partial_dates import DatePrecision
from plans.models import DecidingBody, PlanKind, PlanStatus, StatusChange
from plans.workflow import (
    TRANSITIONS,
    DecisionDateError,
    StatusChangeError,
    TransitionNotAllowed,
    allowed_next_statuses,
    record_status_change,
)
from tests.factories import PlanFactory, StaffUserFactory, plan_with_status

pytestmark = pytest.mark.django_db
S = PlanStatus

ACTION_PLAN_TRANSITIONS = [
    (S.DRAFT, S.AGREED_BY_SWG),
    (S.DRAFT, S.WITHDRAWN),
    (S.AGREED_BY_SWG, S.APPROVED_BY_SOC),
    (S.AGREED_BY_SWG, S.WITHDRAWN),
    (S.APPROVED_BY_SOC, S.IN_IMPLEMENTATION),
    (S.APPROVED_BY_SOC, S.WITHDRAWN),
    (S.APPROVED_BY_SOC, S.SUPERSEDED),
    (S.IN_IMPLEMENTATION, S.COMPLETED),
    (S.IN_IMPLEMENTATION, S.WITHDRAWN),
    (S.IN_IMPLEMENTATION, S.SUPERSEDED),
    (S.COMPLETED, S.SUPERSEDED),
]
CONCEPT_PAPER_TRANSITIONS = [
    (start, end)
    for start, end in ACTION_PLAN_TRANSITIONS
    if S.IN_IMPLEMENTATION not in (start, end) and S.COMPLETED not in (start, end)
]


def history(plan):
    return list(plan.status_changes.order_by("step").values_list("from_status", "to_status"))


def test_the_table_is_exactly_the_documented_transitions():
    listed = {(start, end) for start, ends in TRANSITIONS.items() for end in ends}
    assert listed == set(ACTION_PLAN_TRANSITIONS)
    assert allowed_next_statuses(PlanKind.CONCEPT_PAPER, S.APPROVED_BY_SOC) == [
        S.WITHDRAWN,
        S.SUPERSEDED,
    ]


@pytest.mark.parametrize(("start", "end"), ACTION_PLAN_TRANSITIONS)
def test_every_allowed_transition_of_an_action_plan(start, end):
    plan = plan_with_status(start, kind=PlanKind.ACTION_PLAN)
    before = plan.status_changes.count()
    user = StaffUserFactory()
    change = record_status_change(
        plan,
        end,
        datetime.date(2021, 3, 4),
        deciding_body=DecidingBody.SOC,
        note="Decided.",
        recorded_by=user,
    )
    plan.refresh_from_db()
    assert plan.status == end
    assert plan.status_decided_on == datetime.date(2021, 3, 4)
    assert plan.status_decided_precision == DatePrecision.DAY
    assert plan.status_changes.count() == before + 1
    assert (change.from_status, change.to_status, change.step) == (start, end, before + 1)
    assert change.recorded_by == user
    assert change.recorded_at is not None


@pytest.mark.parametrize(("start", "end"), CONCEPT_PAPER_TRANSITIONS)
def test_every_allowed_transition_of_a_concept_paper(start, end):
    plan = plan_with_status(start, kind=PlanKind.CONCEPT_PAPER)
    record_status_change(plan, end, datetime.date(2021, 3, 4))
    plan.refresh_from_db()
    assert plan.status == end


@pytest.mark.parametrize(
    ("kind", "start", "end"),
    [
        (PlanKind.ACTION_PLAN, S.DRAFT, S.APPROVED_BY_SOC),
        (PlanKind.ACTION_PLAN, S.DRAFT, S.COMPLETED),
        (PlanKind.ACTION_PLAN, S.DRAFT, S.DRAFT),
        (PlanKind.ACTION_PLAN, S.DRAFT, S.SUPERSEDED),
        (PlanKind.ACTION_PLAN, S.AGREED_BY_SWG, S.IN_IMPLEMENTATION),
        (PlanKind.ACTION_PLAN, S.AGREED_BY_SWG, S.DRAFT),
        (PlanKind.ACTION_PLAN, S.APPROVED_BY_SOC, S.COMPLETED),
        (PlanKind.ACTION_PLAN, S.IN_IMPLEMENTATION, S.APPROVED_BY_SOC),
        (PlanKind.ACTION_PLAN, S.COMPLETED, S.IN_IMPLEMENTATION),
        (PlanKind.ACTION_PLAN, S.COMPLETED, S.WITHDRAWN),
        (PlanKind.ACTION_PLAN, S.WITHDRAWN, S.DRAFT),
        (PlanKind.ACTION_PLAN, S.WITHDRAWN, S.AGREED_BY_SWG),
        (PlanKind.ACTION_PLAN, S.SUPERSEDED, S.APPROVED_BY_SOC),
        (PlanKind.ACTION_PLAN, S.APPROVED_BY_SOC, "bogus"),
        (PlanKind.CONCEPT_PAPER, S.APPROVED_BY_SOC, S.IN_IMPLEMENTATION),
        (PlanKind.CONCEPT_PAPER, S.APPROVED_BY_SOC, S.COMPLETED),
    ],
)
def test_disallowed_transition_raises_and_changes_nothing(kind, start, end):
    plan = plan_with_status(start, kind=kind)
    plan.refresh_from_db()
    before = (plan.status, plan.status_decided_on, history(plan))
    with pytest.raises(TransitionNotAllowed) as raised:
        record_status_change(plan, end, datetime.date(2021, 3, 4))
    assert isinstance(raised.value, ValidationError)
    assert "cannot go from" in raised.value.messages[0]
    plan.refresh_from_db()
    assert (plan.status, plan.status_decided_on, history(plan)) == before


def test_current_status_is_always_the_last_step_of_a_consistent_history():
    plan = plan_with_status(S.DRAFT)
    road = [S.AGREED_BY_SWG, S.APPROVED_BY_SOC, S.IN_IMPLEMENTATION, S.COMPLETED, S.SUPERSEDED]
    for index, status in enumerate(road):
        record_status_change(plan, status, datetime.date(2015 + index, 1, 1))
        plan.refresh_from_db()
        changes = list(plan.status_changes.order_by("step"))
        assert plan.status == changes[-1].to_status
        assert plan.status_decided_on == changes[-1].decided_on
        assert [c.step for c in changes] == list(range(1, len(changes) + 1))
        assert changes[0].from_status == S.DRAFT
        for previous, following in zip(changes, changes[1:], strict=False):
            assert following.from_status == previous.to_status


def test_a_stale_plan_object_cannot_record_a_step_twice():
    plan = plan_with_status(S.DRAFT)
    stale_copy = type(plan).objects.get(pk=plan.pk)
    record_status_change(plan, S.AGREED_BY_SWG, datetime.date(2021, 1, 1))
    # The copy still says "draft"; the locked row in the database decides.
    with pytest.raises(TransitionNotAllowed):
        record_status_change(stale_copy, S.AGREED_BY_SWG, datetime.date(2021, 1, 2))
    assert plan.status_changes.count() == 1


def test_the_passed_plan_is_updated_in_place():
    plan = plan_with_status(S.DRAFT)
    record_status_change(plan, S.AGREED_BY_SWG, datetime.date(2023, 12, 19), precision="month")
    assert plan.status == S.AGREED_BY_SWG
    assert plan.status_decided_on == datetime.date(2023, 12, 1)
    assert plan.status_decided_display == "December 2023"


def test_unknown_dates_are_kept_unknown():
    plan = plan_with_status(S.DRAFT)
    change = record_status_change(plan, S.AGREED_BY_SWG, None)
    plan.refresh_from_db()
    assert change.decided_on is None
    assert plan.status_decided_on is None
    assert plan.status_decided_precision == ""
    assert plan.status == S.AGREED_BY_SWG


@time_machine.travel(datetime.datetime(2024, 6, 1, 12, tzinfo=datetime.UTC), tick=False)
def test_a_decision_cannot_be_in_the_future():
    plan = plan_with_status(S.DRAFT)
    with pytest.raises(DecisionDateError):
        record_status_change(plan, S.AGREED_BY_SWG, datetime.date(2024, 6, 20))
    assert plan.status_changes.count() == 0
    # The current month, known only to the month, is not "in the future".
    record_status_change(plan, S.AGREED_BY_SWG, datetime.date(2024, 6, 20), precision="month")
    assert plan.status_changes.count() == 1


def test_a_decision_cannot_come_before_the_previous_one():
    plan = plan_with_status(S.AGREED_BY_SWG, decided_on=datetime.date(2023, 12, 15))
    with pytest.raises(DecisionDateError) as raised:
        record_status_change(plan, S.APPROVED_BY_SOC, datetime.date(2023, 11, 30))
    assert "15 December 2023" in raised.value.messages[0]
    plan.refresh_from_db()
    assert plan.status == S.AGREED_BY_SWG
    # December 2023 may be after the 15th: partial dates that can overlap are accepted.
    record_status_change(plan, S.APPROVED_BY_SOC, datetime.date(2023, 12, 1), precision="month")
    plan.refresh_from_db()
    assert plan.status == S.APPROVED_BY_SOC


def test_unknown_precision_or_body_is_refused():
    plan = plan_with_status(S.DRAFT)
    with pytest.raises(StatusChangeError):
        record_status_change(plan, S.AGREED_BY_SWG, None, precision="week")
    with pytest.raises(StatusChangeError):
        record_status_change(plan, S.AGREED_BY_SWG, None, deciding_body="parliament")
    assert StatusChange.objects.filter(plan=plan).count() == 0


def test_a_new_plan_is_always_a_draft_without_history():
    plan = PlanFactory(status=S.COMPLETED, status_decided_on=datetime.date(2020, 1, 1))
    plan.refresh_from_db()
    assert (plan.status, plan.status_decided_on) == (S.DRAFT, None)
    assert plan.status_changes.count() == 0


def test_saving_a_plan_never_overwrites_the_recorded_status():
    plan = plan_with_status(S.DRAFT)
    stale_copy = type(plan).objects.get(pk=plan.pk)
    record_status_change(plan, S.AGREED_BY_SWG, datetime.date(2021, 1, 1))
    stale_copy.title = "Retitled"
    stale_copy.status = S.COMPLETED
    stale_copy.save()
    plan.refresh_from_db()
    assert plan.title == "Retitled"
    assert plan.status == S.AGREED_BY_SWG
    assert plan.status_decided_on == datetime.date(2021, 1, 1)
