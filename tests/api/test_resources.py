"""The read-only API under /api/v1/: each resource, its filters, links, partial dates,
pagination and errors, in English and under /ru/ in Russian."""

import datetime

import pytest

from core.partial_dates import DatePrecision
from plans.filters import SORT_ORDERS
from plans.models import Plan, PlanStatus
from plans.workflow import record_status_change
from tests.factories import (
    ChairmanshipFactory,
    CoordinationFactory,
    DimensionFactory,
    EventDocumentFactory,
    EventFactory,
    MeasureFactory,
    PlanDocumentFactory,
    PlanFactory,
    PriorityAreaFactory,
    PublicationFactory,
    member_state,
    plan_with_status,
)

pytestmark = pytest.mark.django_db


def get_json(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, (path, response.content[:500])
    assert response["Content-Type"] == "application/json"
    return response.json()


def slugs(data):
    return [row["slug"] for row in data["results"]]


def test_the_root_lists_every_resource(client):
    data = get_json(client, "/api/v1/")
    assert set(data) == {
        "states",
        "dimensions",
        "priority-areas",
        "plans",
        "decisions",
        "events",
        "publications",
    }
    assert data["plans"] == "http://testserver/api/v1/plans/"


def test_a_state_with_status_history_chairmanships_and_links(client):
    state = member_state(name="Kazakhstan", year=2002)
    ChairmanshipFactory(state=state, start_year=2002, end_year=2010)
    data = get_json(client, "/api/v1/states/kazakhstan/")
    assert data["name"] == "Kazakhstan"
    assert data["status"] == "member"
    assert data["accession"] == {"date": "2002", "precision": "year", "text": "2002"}
    assert data["status_history"][0]["date"]["precision"] == "year"
    assert data["chairmanships"] == [
        {"start_year": 2002, "end_year": 2010, "start_date": None, "end_date": None}
    ]
    assert data["url"] == "http://testserver/members/kazakhstan/"
    assert data["api_url"] == "http://testserver/api/v1/states/kazakhstan/"


def test_states_are_filtered_by_status_and_sorted(client):
    member_state(name="Alpha", year=2010)
    member_state(name="Beta", year=2002)
    observer = member_state(name="Gamma", year=2012)
    observer.status_changes.update(status="observer")
    observer.sync_from_history()
    assert slugs(get_json(client, "/api/v1/states/?status=observer")) == ["gamma"]
    assert slugs(get_json(client, "/api/v1/states/?status=member&sort=year")) == ["beta", "alpha"]
    errors = get_json(client, "/api/v1/states/?status=former", status=400)
    assert list(errors) == ["status"]


def test_dimensions_with_their_priority_areas_and_coordinators(client):
    dimension = DimensionFactory(name="Economic", slug="economic")
    area = PriorityAreaFactory(dimension=dimension, name="Trade", slug="trade")
    CoordinationFactory(state=member_state(name="Turkey"), plan=None, dimension=dimension)
    data = get_json(client, "/api/v1/dimensions/economic/")
    assert [a["slug"] for a in data["priority_areas"]] == ["trade"]
    assert data["coordinators"][0]["state"]["slug"] == "turkey"
    assert data["url"] == "http://testserver/plans/?dimension=economic"
    areas = get_json(client, f"/api/v1/priority-areas/?dimension={dimension.slug}")
    assert slugs(areas) == [area.slug]
    assert get_json(client, "/api/v1/priority-areas/?dimension=nowhere", status=400).keys() == {
        "dimension"
    }


def test_a_plan_with_history_measures_documents_and_coordinators(client):
    state = member_state(name="India")
    meeting = EventFactory(title="SOC Almaty", slug="soc-almaty", kind="soc")
    plan = PlanFactory(title="Water plan", slug="water-plan")
    record_status_change(plan, PlanStatus.AGREED_BY_SWG, None, deciding_body="swg")
    record_status_change(
        plan,
        PlanStatus.APPROVED_BY_SOC,
        datetime.date(2023, 12, 1),
        precision=DatePrecision.MONTH,
        deciding_body="soc",
        meeting=meeting,
    )
    CoordinationFactory(state=state, plan=plan)
    done = MeasureFactory(plan=plan, status="done", event=meeting)
    done.responsible_states.set([state])
    MeasureFactory(plan=plan)
    PlanDocumentFactory(plan=plan, title="The plan")
    data = get_json(client, "/api/v1/plans/water-plan/")
    assert data["status"] == "approved_soc"
    assert data["status_decided"] == {
        "date": "2023-12",
        "precision": "month",
        "text": "December 2023",
    }
    history = data["status_history"]
    assert [step["to_status"] for step in history] == ["agreed_swg", "approved_soc"]
    assert history[0]["decided_on"] is None
    assert history[1]["deciding_body"] == "soc"
    assert history[1]["meeting"]["api_url"] == "http://testserver/api/v1/events/soc-almaty/"
    assert data["coordinators"] == [
        {
            "state": {
                "name": "India",
                "slug": "india",
                "url": "http://testserver/members/india/",
                "api_url": "http://testserver/api/v1/states/india/",
            },
            "role": "coordinator",
            "role_label": "Coordinator",
            "start_year": None,
            "end_year": None,
            "level": "plan",
        }
    ]
    assert data["progress"] == {"total": 2, "done": 1, "cancelled": 0, "percent": 50}
    assert data["measures"][0]["responsible_states"][0]["slug"] == "india"
    assert data["documents"][0]["file"].startswith("http://testserver/media/plans/")


def test_plans_are_filtered_as_on_the_plan_list(client):
    dimension = DimensionFactory(slug="security")
    kept = plan_with_status(PlanStatus.COMPLETED, dimension=dimension, title="Border water")
    plan_with_status(PlanStatus.COMPLETED, title="Border roads")
    plan_with_status(PlanStatus.DRAFT, dimension=dimension, title="Other water")
    data = get_json(client, "/api/v1/plans/?dimension=security&status=completed&q=water")
    assert slugs(data) == [kept.slug]
    html = client.get("/plans/?dimension=security&status=completed&q=water")
    assert kept.title in html.content.decode()
    assert get_json(client, "/api/v1/plans/?year=abc", status=400).keys() == {"year"}
    assert get_json(client, "/api/v1/plans/?sort=random", status=400).keys() == {"sort"}


def test_decisions_since_a_day_count_partly_dated_decisions_that_may_fall_then(client):
    day = plan_with_status(PlanStatus.APPROVED_BY_SOC, decided_on=datetime.date(2024, 3, 5))
    year = PlanFactory()
    record_status_change(
        year, PlanStatus.AGREED_BY_SWG, datetime.date(2024, 1, 1), precision=DatePrecision.YEAR
    )
    old = plan_with_status(PlanStatus.AGREED_BY_SWG, decided_on=datetime.date(2023, 12, 31))
    data = get_json(client, "/api/v1/decisions/?decided_after=2024-02-01")
    assert [row["plan"]["slug"] for row in data["results"]] == [day.slug, year.slug]
    assert data["results"][1]["decided_on"] == {
        "date": "2024",
        "precision": "year",
        "text": "2024",
    }
    before = get_json(client, "/api/v1/decisions/?decided_before=2023-12-31&status=agreed_swg")
    assert [row["plan"]["slug"] for row in before["results"]] == [old.slug]
    assert get_json(client, "/api/v1/decisions/?decided_after=yesterday", status=400) == {
        "decided_after": ["Enter a valid date."]
    }
    one = data["results"][0]
    assert get_json(client, one["api_url"].removeprefix("http://testserver"))["id"] == one["id"]


def test_events_with_hosts_dates_documents_and_decisions(client):
    host = member_state(name="Mongolia")
    event = EventFactory(
        title="Old SOC",
        slug="old-soc",
        kind="soc",
        start_date=datetime.date(2010, 6, 1),
        date_precision=DatePrecision.MONTH,
        hosts=[host],
    )
    EventDocumentFactory(event=event, title="Declaration")
    plan = plan_with_status(PlanStatus.AGREED_BY_SWG, decided_on=datetime.date(2010, 6, 1))
    plan.status_changes.update(meeting=event)
    event.plans.set([plan])
    EventFactory(slug="later", start_date=datetime.date(2011, 1, 1), kind="summit")
    data = get_json(client, "/api/v1/events/old-soc/")
    assert data["start"] == {"date": "2010-06", "precision": "month", "text": "June 2010"}
    assert data["hosts"][0]["slug"] == "mongolia"
    assert data["plans_discussed"][0]["slug"] == plan.slug
    assert data["decisions"][0]["plan"]["slug"] == plan.slug
    assert data["documents"][0]["title"] == "Declaration"
    assert slugs(get_json(client, "/api/v1/events/?kind=soc&year=2010")) == ["old-soc"]
    assert slugs(get_json(client, "/api/v1/events/?when=past")) == ["later", "old-soc"]
    assert get_json(client, "/api/v1/events/?kind=party", status=400).keys() == {"kind"}


def test_publications_with_kind_and_year_filters(client):
    PublicationFactory(slug="news-2023", kind="news", posted_on=datetime.date(2023, 5, 2))
    PublicationFactory(slug="speech-2024", kind="speech", posted_on=datetime.date(2024, 5, 2))
    assert slugs(get_json(client, "/api/v1/publications/?year=2023")) == ["news-2023"]
    assert slugs(get_json(client, "/api/v1/publications/?kind=speech")) == ["speech-2024"]
    assert get_json(client, "/api/v1/publications/?year=1990", status=400).keys() == {"year"}
    data = get_json(client, "/api/v1/publications/news-2023/")
    assert data["posted"]["date"] == "2023-05-02"
    assert "<p>First paragraph.</p>" in data["body_html"]


def test_pages_are_bounded_stable_and_linked(client):
    for number in range(7):
        PublicationFactory(slug=f"item-{number}", posted_on=datetime.date(2024, 1, 1))
    first = get_json(client, "/api/v1/publications/?page_size=3")
    assert first["count"] == 7 and len(first["results"]) == 3
    assert first["previous"] is None
    second = get_json(client, first["next"].removeprefix("http://testserver"))
    assert second["previous"] is not None
    # Same day for all: the order still holds from one request to the next (by key).
    assert slugs(first) == ["item-6", "item-5", "item-4"]
    assert slugs(second) == ["item-3", "item-2", "item-1"]
    big = get_json(client, "/api/v1/publications/?page_size=100000")
    assert len(big["results"]) == 7
    get_json(client, "/api/v1/publications/?page=9", status=404)


def test_russian_text_under_ru(client):
    PlanFactory(slug="p")
    data = get_json(client, "/ru/api/v1/plans/p/")
    assert data["kind_label"] == "План действий"
    assert data["url"] == "http://testserver/ru/plans/p/"
    assert data["api_url"] == "http://testserver/ru/api/v1/plans/p/"


def test_unknown_objects_are_json_404s(client):
    assert "detail" in get_json(client, "/api/v1/plans/nothing/", status=404)
    get_json(client, "/api/v1/decisions/abc/", status=404)


def walk_pages(client, path):
    """Every slug of a list, page after page through its next links."""
    found, page = [], get_json(client, path)
    count = page["count"]
    while True:
        found += slugs(page)
        if page["next"] is None:
            break
        page = get_json(client, page["next"].removeprefix("http://testserver"))
    assert count == len(found)
    return found


@pytest.mark.parametrize(
    "filters",
    ["", "&dimension=second", "&kind=action_plan", "&q=plan", "&sort=title", "&sort=-dimension"],
)
def test_plan_pages_follow_the_lists_order_across_dimensions_and_areas(client, filters):
    """Sorted by dimension (the default) a page reads only the groups of plans it shows,
    their sizes from the tally or counted: the pages still hold every plan once, in order."""
    first = DimensionFactory(slug="first", position=1)
    second = DimensionFactory(slug="second", position=2)
    areas = [
        PriorityAreaFactory(dimension=first, name="Beta", slug="beta"),
        PriorityAreaFactory(dimension=first, name="Alpha", slug="alpha"),
        PriorityAreaFactory(dimension=second, name="Gamma", slug="gamma"),
    ]
    for number in range(11):
        area = areas[number % 3]
        PlanFactory(dimension=area.dimension, priority_area=area, title=f"Plan {10 - number:02d}")
    PlanFactory(dimension=second, priority_area=None, title="Plan without area")
    hidden = PlanFactory(dimension=first, priority_area=areas[0], title="Plan draft")
    hidden.publication_status = "draft"
    hidden.save()

    sort = filters.partition("sort=")[2] or "dimension"
    query = dict(part.split("=") for part in filters.split("&") if part)
    expected = Plan.objects.published().order_by(*SORT_ORDERS[sort])
    if "dimension" in query:
        expected = expected.filter(dimension__slug=query["dimension"])
    found = walk_pages(client, f"/api/v1/plans/?page_size=2{filters}")
    assert found == list(expected.values_list("slug", flat=True))
    assert hidden.slug not in found
