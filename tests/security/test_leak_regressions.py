"""The leaks the leak test found, one by one (see test_leaks.py for the sweep)."""

import datetime

import pytest
from django.utils import timezone

from core.publishing import PublicationStatus
from plans.models import Coordination, CoordinationRole
from tests.factories import ChairmanshipFactory, MeasureFactory, PlanFactory, member_state

pytestmark = pytest.mark.django_db


def draft_state(name):
    return member_state(name=name, publication_status=PublicationStatus.DRAFT)


def test_unpublished_coordinators_are_not_named_on_plan_pages(client):
    plan = PlanFactory(title="Open plan")
    Coordination.objects.create(
        state=draft_state("Secret Coordinator"), plan=plan, role=CoordinationRole.COORDINATOR
    )
    Coordination.objects.create(
        state=member_state(name="Public Coordinator"),
        plan=plan,
        role=CoordinationRole.CO_COORDINATOR,
    )
    for url in (plan.get_absolute_url(), "/plans/", "/plans/?format=csv"):
        text = client.get(url).content.decode()
        assert "Public Coordinator" in text, url
        assert "Secret Coordinator" not in text, url


def test_unpublished_responsible_states_are_not_named_on_plan_pages(client):
    measure = MeasureFactory(title="Training")
    measure.responsible_states.add(draft_state("Secret Responsible"), member_state(name="Doer"))
    html = client.get(measure.plan.get_absolute_url()).content.decode()
    assert "Doer" in html
    assert "Secret Responsible" not in html


def test_a_chair_not_yet_published_is_not_named(client):
    year = timezone.localdate().year
    ChairmanshipFactory(state=member_state(name="Past Chair"), start_year=year - 2, end_year=None)
    ChairmanshipFactory(state=draft_state("Secret Chair"), start_year=year, end_year=year + 1)
    for url in ("/", "/members/"):
        html = client.get(url).content.decode()
        assert "Secret Chair" not in html, url
        assert "Past Chair" in html, url


def test_staff_preview_of_a_member_is_never_stored(staff_client):
    state = draft_state("Draft State")
    response = staff_client.get(state.get_absolute_url())
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    html = response.content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert "Preview: not published" in html
    listing = staff_client.get("/members/")
    assert "Draft State" in listing.content.decode()
    assert "no-store" in listing["Cache-Control"]


def test_published_member_pages_stay_cacheable(client):
    state = member_state(name="Open State")
    state.publish_at = timezone.now() - datetime.timedelta(days=1)
    state.save()
    for url in (state.get_absolute_url(), "/members/"):
        response = client.get(url)
        assert "no-store" not in response.get("Cache-Control", ""), url
        assert 'name="robots"' not in response.content.decode(), url
