"""The API's answers drawn anew (page cache off) from cached representations.

Keys first: a list pages through keys, a detail finds its key; the objects are read and
serialized only when their representation is not cached for the content versions, the
language and the site's address. A save of what an answer shows draws it again.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import page_cache
from core.publishing import PublicationStatus
from plans.models import PlanStatus
from plans.workflow import record_status_change
from tests.factories import CoordinationFactory, MeasureFactory, PlanFactory, member_state

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments_only")]


@pytest.fixture
def plan():
    plan = PlanFactory(title="Water Security Plan", slug="water")
    CoordinationFactory(state=member_state(name="Coordinating State"), plan=plan)
    MeasureFactory(plan=plan)
    return plan


def get(client, path, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, headers=headers)
    return response, len(queries)


@pytest.mark.parametrize("path", ["/api/v1/plans/", "/api/v1/plans/water/"])
def test_a_second_request_reads_only_keys_and_answers_the_same(client, settings, plan, path):
    get(client, path)  # the representation is cached, the scheduled moments are found
    settings.FRAGMENT_CACHE_ENABLED = False
    drawn, drawn_queries = get(client, path)
    settings.FRAGMENT_CACHE_ENABLED = True
    cached, cached_queries = get(client, path)
    assert drawn.status_code == cached.status_code == 200
    assert cached.json() == drawn.json()
    assert "Coordinating State" in cached.content.decode()
    # Not read again: the plans, their roles, their measures (and on the detail its
    # history, documents, neighbours).
    assert cached_queries <= drawn_queries - 3


@pytest.mark.parametrize("path", ["/api/v1/plans/", "/api/v1/plans/water/"])
def test_a_save_draws_the_answer_again(client, plan, path):
    get(client, path)
    plan.title = "Renamed Water Plan"
    plan.save()
    response, _queries = get(client, path)
    assert "Renamed Water Plan" in response.content.decode()
    assert "Water Security Plan" not in response.content.decode()


def test_a_state_renamed_elsewhere_is_renamed_here(client, plan):
    get(client, "/api/v1/plans/")
    state = plan.coordinations.get().state
    state.name = "Renamed State"
    state.save()
    assert "Renamed State" in get(client, "/api/v1/plans/")[0].content.decode()


def test_an_unpublished_plan_leaves_list_and_address_at_once(client, plan):
    get(client, "/api/v1/plans/")
    get(client, "/api/v1/plans/water/")
    plan.publication_status = PublicationStatus.DRAFT
    plan.save()
    listed, _queries = get(client, "/api/v1/plans/")
    assert listed.json()["count"] == 0
    assert "Water Security" not in listed.content.decode()
    assert get(client, "/api/v1/plans/water/")[0].status_code == 404


def test_each_language_and_site_address_has_its_own(client, settings, plan):
    settings.ALLOWED_HOSTS = ["testserver", "data.example.org"]
    english, _queries = get(client, "/api/v1/plans/water/")
    russian, _queries = get(client, "/ru/api/v1/plans/water/")
    elsewhere, _queries = get(client, "/api/v1/plans/water/", host="data.example.org")
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    secure, _queries = get(client, "/api/v1/plans/water/", x_forwarded_proto="https")
    assert english.json()["kind_label"] == "Action plan"
    assert russian.json()["kind_label"] == "План действий"
    assert russian.json()["api_url"] == "http://testserver/ru/api/v1/plans/water/"
    assert elsewhere.json()["api_url"] == "http://data.example.org/api/v1/plans/water/"
    assert secure.json()["url"].startswith("https://testserver")


def test_while_the_cache_is_unreachable_answers_are_drawn_from_the_database(
    client, plan, monkeypatch
):
    def unreachable(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(page_cache.cache, "get_many", unreachable)
    monkeypatch.setattr(page_cache.cache, "get", unreachable)
    response, _queries = get(client, "/api/v1/plans/water/")
    assert response.status_code == 200
    assert response.json()["title"] == "Water Security Plan"


def test_the_count_of_decisions_is_kept_until_the_content_changes(client, plan):
    path = "/api/v1/decisions/?decided_after=2020-01-01"
    record_status_change(plan, PlanStatus.AGREED_BY_SWG, datetime.date(2024, 3, 1))
    first, _queries = get(client, path)
    assert first.json()["count"] == 1
    with CaptureQueriesContext(connection) as queries:
        again = client.get(path)
    assert again.json()["count"] == 1
    assert not any("COUNT(" in query["sql"] for query in queries)
    record_status_change(plan, PlanStatus.APPROVED_BY_SOC, datetime.date(2024, 6, 1))
    assert get(client, path)[0].json()["count"] == 2
    assert get(client, "/api/v1/decisions/?decided_after=2024-05-01")[0].json()["count"] == 1
