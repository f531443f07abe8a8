"""The plan list's rows, written in Python, equal the template they replace (kept in
reference_templates/plan_list.html)."""

import datetime
from pathlib import Path

import pytest
import time_machine
from django.utils import translation

from core.partial_dates import DatePrecision
from plans.models import CoordinationRole, MeasureStatus, PlanKind, PlanStatus
from plans.workflow import record_status_change
from tests.factories import (
    CoordinationFactory,
    DimensionFactory,
    MeasureFactory,
    PlanFactory,
    PriorityAreaFactory,
    member_state,
    plan_with_status,
)
from tests.reference_templates import page_and_reference

pytestmark = pytest.mark.django_db
REFERENCE = Path(__file__).parent / "reference_templates" / "plan_list.html"
TODAY = datetime.datetime(2024, 6, 15, 12, tzinfo=datetime.UTC)


def list_both_ways(client, params=None):
    return page_and_reference(client, "/plans/", REFERENCE, params)


@pytest.fixture
def listed_plans():
    """Escaped names and titles; roles on the plan, its area and its dimension, with
    co-coordinators; plans without roles, period or decision date; a decision known
    only to the year; measures on some plans. Made at the frozen date, so that they
    are published by then."""
    traveller = time_machine.travel(TODAY, tick=False)
    traveller.start()
    economic = DimensionFactory(name='Economic & "environmental" <dimension>', position=0)
    human = DimensionFactory(name="Human dimension", position=1)
    area = PriorityAreaFactory(dimension=economic, name="Energy <security> & co")
    ruritania = member_state(name="Ruritania & <Co>")
    freedonia = member_state(name="Freedonia")
    CoordinationFactory(plan=None, dimension=human, state=freedonia)
    CoordinationFactory(
        plan=None, priority_area=area, state=ruritania, role=CoordinationRole.CO_COORDINATOR
    )
    CoordinationFactory(plan=None, priority_area=area, state=freedonia)
    for index, status in enumerate(PlanStatus):
        plan = plan_with_status(
            status,
            decided_on=datetime.date(2023, 5, 1 + index),
            title=f"Plan <{index}> & co",
            dimension=economic if index % 2 else human,
            priority_area=area if index % 3 == 0 else None,
            start_year=2016 + index if index % 2 else None,
            end_year=2019 + index if index % 3 else None,
        )
        if index % 2:
            CoordinationFactory(plan=plan, state=ruritania, role=CoordinationRole.CO_COORDINATOR)
            CoordinationFactory(plan=plan, state=freedonia)
        if index == 1:
            MeasureFactory(plan=plan, status=MeasureStatus.DONE)
            MeasureFactory(plan=plan)
    undated = PlanFactory(title="No decision yet", dimension=human, kind=PlanKind.CONCEPT_PAPER)
    yearly = PlanFactory(title="Decided some year", dimension=economic)
    record_status_change(
        yearly, PlanStatus.AGREED_BY_SWG, datetime.date(2021, 1, 1), precision=DatePrecision.YEAR
    )
    assert undated.status_decided_on is None
    yield
    traveller.stop()


@time_machine.travel(TODAY, tick=False)
@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("sort", ["dimension", "-period", "title"])
def test_rows_are_byte_for_byte_the_template(client, listed_plans, language, sort):
    with translation.override(language):
        written, expected = list_both_ways(client, {"sort": sort})
    assert written == expected
    assert "Ruritania &amp; &lt;Co&gt;" in written and "<Co>" not in written
    assert "Plan &lt;3&gt; &amp; co" in written
    assert "plan-progress-cell" in written  # the measures column is shown


@time_machine.travel(TODAY, tick=False)
def test_rows_without_the_measures_column_are_the_template_too(client, listed_plans):
    written, expected = list_both_ways(client, {"q": "No decision"})
    assert written == expected
    assert "No decision yet" in written
    assert "plan-progress-cell" not in written


def test_an_empty_list_is_the_template_too(client):
    written, expected = list_both_ways(client)
    assert written == expected
    assert "No plan matches these filters." in written
