"""The status board's matrix rows and plan lists, written in Python, equal the template
they replace (kept in reference_templates/status_board.html)."""

import datetime
from pathlib import Path

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from plans import views as plan_views
from plans.models import PlanStatus
from tests.factories import DimensionFactory, PriorityAreaFactory, plan_with_status
from tests.reference_templates import page_and_reference

pytestmark = pytest.mark.django_db
REFERENCE = Path(__file__).parent / "reference_templates" / "status_board.html"
TODAY = datetime.datetime(2024, 6, 15, 12, tzinfo=datetime.UTC)


def board_both_ways(client):
    return page_and_reference(client, reverse("plans:status_board"), REFERENCE)


@pytest.fixture
def board_plans():
    """Escaped names and titles, a slug to URL-encode, counts in the thousands' range
    of no cell (they are small), plans in both lists, some decisions known only to the
    year. Made at the frozen date, so that they are published by then."""
    traveller = time_machine.travel(TODAY, tick=False)
    traveller.start()
    economic = DimensionFactory(name='Economic & "environmental" <dimension>', position=0)
    human = DimensionFactory(name="Human dimension", slug="human-dimension", position=1)
    DimensionFactory(name="Empty dimension", position=2)
    area = PriorityAreaFactory(dimension=human)
    statuses = list(PlanStatus)
    for index, status in enumerate(statuses * 2):
        dimension = economic if index % 2 else human
        plan_with_status(
            status,
            decided_on=datetime.date(2024, 5, 1 + index),
            title=f"Plan <{index}> & co",
            dimension=dimension,
            priority_area=area if dimension == human else None,
            start_year=2016 + index % 4,
            end_year=2018 + index % 4 if index % 3 else None,
        )
    yield
    traveller.stop()


@time_machine.travel(TODAY, tick=False)
@pytest.mark.parametrize("language", ["en", "ru"])
def test_board_is_byte_for_byte_the_template(client, board_plans, language):
    with translation.override(language):
        written, expected = board_both_ways(client)
    assert written == expected
    assert "Economic &amp; &quot;environmental&quot; &lt;dimension&gt;" in written
    assert "<dimension>" not in written and "Plan &lt;3&gt; &amp; co" in written
    assert written.count("status-matrix__cell--empty") > 0
    assert written.count('<td class="status-matrix__cell') == 3 * len(PlanStatus)


@time_machine.travel(TODAY, tick=False)
def test_board_with_lists_cut_short_and_with_no_plans(client, board_plans, monkeypatch):
    monkeypatch.setattr(plan_views, "BOARD_LIST_LIMIT", 2)
    written, expected = board_both_ways(client)
    assert written == expected
    assert "Only the 2 most recent decisions are listed." in written


def test_an_empty_board_is_the_template_too(client):
    written, expected = board_both_ways(client)
    assert written == expected
    assert "No status has changed in this period." in written
