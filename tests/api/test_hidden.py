"""Drafts, scheduled and withdrawn items, and private fields, never appear in the API:
not at their own address, not in a list, not nested inside a published object."""

import datetime

import pytest
from django.utils import timezone

from core.publishing import PublicationStatus
from plans.models import PlanStatus
from plans.workflow import record_status_change
from tests.factories import (
    CoordinationFactory,
    EventFactory,
    MeasureFactory,
    ParticipantFactory,
    PlanFactory,
    PublicationFactory,
    UserFactory,
    member_state,
)

pytestmark = pytest.mark.django_db

HIDDEN_WAYS = {
    "draft": {"publication_status": PublicationStatus.DRAFT},
    "withdrawn": {"publication_status": PublicationStatus.WITHDRAWN},
    "scheduled": {"publish_at": timezone.now() + datetime.timedelta(days=3)},
}

LISTS = [
    "/api/v1/states/?page_size=100",
    "/api/v1/dimensions/?page_size=100",
    "/api/v1/priority-areas/?page_size=100",
    "/api/v1/plans/?page_size=100",
    "/api/v1/decisions/?page_size=100",
    "/api/v1/events/?page_size=100",
    "/api/v1/publications/?page_size=100",
]


@pytest.fixture(params=list(HIDDEN_WAYS))
def world(request):
    """Published objects linked to hidden ones of every kind (all named "Secret ...")."""
    hidden = HIDDEN_WAYS[request.param]
    clerk = UserFactory(username="clerk-who-recorded")
    secret_state = member_state(name="Secret state", **hidden)
    secret_event = EventFactory(title="Secret meeting", slug="secret-meeting", **hidden)
    secret_plan = PlanFactory(title="Secret plan", slug="secret-plan", **hidden)
    record_status_change(secret_plan, PlanStatus.AGREED_BY_SWG, datetime.date(2024, 5, 1))
    secret_publication = PublicationFactory(
        title="Secret publication", slug="secret-publication", **hidden
    )

    state = member_state(name="Open state")
    event = EventFactory(title="Open meeting", slug="open-meeting", hosts=[state, secret_state])
    event.plans.set([secret_plan])
    plan = PlanFactory(title="Open plan", slug="open-plan", predecessor=secret_plan)
    record_status_change(
        plan,
        PlanStatus.AGREED_BY_SWG,
        datetime.date(2024, 5, 1),
        meeting=secret_event,
        recorded_by=clerk,
    )
    CoordinationFactory(state=secret_state, plan=plan)
    CoordinationFactory(state=secret_state, plan=None, dimension=plan.dimension)
    CoordinationFactory(state=secret_state, plan=None, priority_area=plan.priority_area)
    measure = MeasureFactory(plan=plan, event=secret_event)
    measure.responsible_states.set([state, secret_state])
    publication = PublicationFactory(title="Open publication", slug="open-publication")
    publication.related_states.set([secret_state])
    publication.related_plans.set([secret_plan])
    publication.related_events.set([secret_event])
    return {
        "hidden": [secret_state, secret_event, secret_plan, secret_publication],
        "shown": [state, event, plan, publication],
        "clerk": clerk,
    }


def api_detail(obj):
    kind = {"Participant": "states", "Event": "events", "Plan": "plans"}.get(
        type(obj).__name__, "publications"
    )
    return f"/api/v1/{kind}/{obj.slug}/"


def test_hidden_items_have_no_address(client, world):
    for obj in world["hidden"]:
        assert client.get(api_detail(obj)).status_code == 404, obj
        assert client.get("/ru" + api_detail(obj)).status_code == 404, obj


def test_hidden_items_and_private_fields_appear_nowhere(client, world):
    pages = LISTS + [api_detail(obj) for obj in world["shown"]]
    pages += [f"{path}&q=Secret" for path in LISTS if path.startswith("/api/v1/plans/")]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        body = response.content.decode()
        assert "Secret" not in body, path
        assert "secret-" not in body, path
        assert "clerk-who-recorded" not in body and "recorded" not in body, path
        assert "publication_status" not in body and "publish_at" not in body, path
    # The published objects are there, so the test looked at the right pages.
    assert "Open plan" in client.get("/api/v1/plans/").content.decode()
    assert "open-meeting" in client.get("/api/v1/events/").content.decode()


def test_filters_do_not_reveal_hidden_items(client, world):
    # A hidden state is no coordinator or host one may filter by: a 400, as on the pages.
    assert client.get("/api/v1/plans/?coordinator=secret-state").status_code == 400
    assert client.get("/api/v1/events/?host=secret-state").status_code == 400
    decisions = client.get("/api/v1/decisions/?plan=secret-plan").json()
    assert decisions["count"] == 0


def test_an_unpublished_organisation_is_not_listed(client):
    ParticipantFactory(name="Secret organisation", kind="organisation", publication_status="draft")
    assert "Secret" not in client.get("/api/v1/states/").content.decode()
