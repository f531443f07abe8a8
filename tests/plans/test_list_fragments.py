"""The plan list drawn anew (page cache off) from its cached filter form and rows.

Each fragment is keyed by the versions of what it shows ({% content_cache %}): a save
of a plan or of a state's name draws it again, a second visit does not.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plans.models import PlanStatus
from tests.factories import CoordinationFactory, MeasureFactory, PlanFactory, member_state

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments_only")]
LIST_URL = reverse("plans:list")


@pytest.fixture
def coordinated_plan():
    state = member_state(name="Coordinating State")
    plan = PlanFactory(title="Water Security Plan")
    CoordinationFactory(state=state, plan=plan)
    MeasureFactory(plan=plan)
    return state, plan


def get(client, params=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST_URL, params or {})
    assert response.status_code in (200, 400)
    return response.content.decode(), len(queries)


def test_a_second_visit_reuses_the_form_and_rows_and_reads_fewer_rows(client, coordinated_plan):
    first, first_queries = get(client)
    second, second_queries = get(client)
    assert second == first
    assert "Water Security Plan" in second and "Coordinating State" in second
    # The filter form's three option lists are not read again.
    assert second_queries <= first_queries - 3


def test_a_plan_save_draws_the_rows_again(client, coordinated_plan):
    _state, plan = coordinated_plan
    get(client)
    plan.title = "Renamed Water Plan"
    plan.save()
    content, _queries = get(client)
    assert "Renamed Water Plan" in content
    assert "Water Security Plan" not in content


def test_a_state_renamed_shows_in_the_rows_and_the_coordinator_filter(client, coordinated_plan):
    state, _plan = coordinated_plan
    get(client)
    state.name = "Renamed State"
    state.save()
    content, _queries = get(client)
    assert content.count("Renamed State") == 2  # the row's coordinators, the filter's option
    assert "Coordinating State" not in content


def test_each_filter_asked_for_has_its_own_form(client, coordinated_plan):
    get(client)
    filtered, _queries = get(client, {"status": PlanStatus.APPROVED_BY_SOC})
    assert f'<option value="{PlanStatus.APPROVED_BY_SOC}" selected>' in filtered
    assert "Clear filters" in filtered
    unfiltered, _queries = get(client)
    assert f'<option value="{PlanStatus.APPROVED_BY_SOC}" selected>' not in unfiltered
    assert '<option value="" selected>All statuses</option>' in unfiltered
    assert "Clear filters" not in unfiltered


def test_an_invalid_filter_shows_its_error_then_a_valid_one_does_not(client, coordinated_plan):
    invalid, _queries = get(client, {"year": "not a year"})
    assert "Some filters are not valid" in invalid
    valid, _queries = get(client, {"year": 2021})
    assert "Some filters are not valid" not in valid
    assert "Some filters are not valid" in get(client, {"year": "not a year"})[0]


def test_each_page_has_its_own_rows(client):
    for number in range(25):
        PlanFactory(title=f"Plan {number:02d}")
    first, _queries = get(client)
    second, _queries = get(client, {"page": 2})
    assert "Plan 00" in first and "Plan 00" not in second
    assert "Plan 24" in second and "Plan 24" not in first
