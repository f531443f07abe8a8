"""The member list drawn anew (page cache off) from its cached fragment: the states, the
charts and the observers are read and drawn again only after a save of the members'
content, and never for staff, who see drafts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.publishing import PublicationStatus
from tests.factories import PlanFactory, member_state

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments_only")]


def get(client, path="/members/"):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return response.content.decode(), {query["sql"] for query in queries}


def reads_states(queries):
    return any('FROM "members_participant"' in sql for sql in queries)


def test_a_second_visit_reads_no_state_and_shows_the_same(client):
    member_state(name="Kazakhstan")
    first, first_queries = get(client)
    second, second_queries = get(client)
    assert second == first
    assert "Kazakhstan" in second
    assert reads_states(first_queries)
    assert not reads_states(second_queries)


def test_a_state_saved_or_unpublished_shows_at_once(client):
    state = member_state(name="Kazakhstan")
    get(client)
    state.name = "Republic of Kazakhstan"
    state.save()
    assert "Republic of Kazakhstan" in get(client)[0]
    state.publication_status = PublicationStatus.DRAFT
    state.save()
    assert "Kazakhstan" not in get(client)[0]


def test_a_plan_save_keeps_the_fragment(client):
    member_state(name="Kazakhstan")
    plan = PlanFactory()
    get(client)
    plan.title = "Renamed plan"
    plan.save()
    assert not reads_states(get(client)[1])


def test_each_sort_has_its_own(client):
    member_state(name="Azerbaijan", year=2010)
    member_state(name="Kazakhstan", year=2000)
    by_name, _queries = get(client)
    by_year, _queries = get(client, "/members/?sort=year")
    assert by_name.index("Azerbaijan") < by_name.index("Kazakhstan")
    assert by_year.index("Kazakhstan") < by_year.index("Azerbaijan")


def test_staff_see_drafts_not_the_visitors_fragment(client, admin_client):
    member_state(name="Kazakhstan")
    member_state(name="Draft State", publication_status=PublicationStatus.DRAFT)
    assert "Draft State" not in get(client)[0]
    assert "Draft State" in admin_client.get("/members/").content.decode()
    assert "Draft State" not in get(client)[0]
