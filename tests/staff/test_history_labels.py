"""History shows what the form shows: choice labels, names of related rows, a dash for
nothing, never a literal "None"."""

import re

import pytest
from django.urls import reverse

from core.publishing import PublicationStatus
from tests.factories import EventFactory, ParticipantFactory, PlanFactory, PriorityAreaFactory

pytestmark = pytest.mark.django_db


def changes(client, admin_name, obj):
    html = client.get(reverse(f"admin:{admin_name}_history", args=[obj.pk])).content.decode()
    table = html.split('id="change-history"', 1)[1].split("</table>", 1)[0]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", table)).replace("&nbsp;", " ")
    return text.replace("&rarr;", "→")


def test_plan_history_shows_labels_names_and_dashes(staff_client):
    plan = PlanFactory(publication_status=PublicationStatus.DRAFT, priority_area=None)
    plan.publication_status = PublicationStatus.PUBLISHED
    plan.priority_area = PriorityAreaFactory(dimension=plan.dimension, name="Energy security")
    plan.save()
    text = changes(staff_client, "plans_plan", plan)
    assert re.search(r"publication status: Draft +→ +Published", text, re.I), text
    assert re.search(r"priority area: — +→ +Energy security", text, re.I), text
    assert "None" not in text
    assert "draft → published" not in text


def test_kinds_and_empty_values_of_an_event(staff_client):
    event = EventFactory(city="")
    event.city = "Astana"
    event.publication_status = PublicationStatus.WITHDRAWN
    event.save()
    text = changes(staff_client, "events_event", event)
    assert re.search(r"city( \[en\])?: — +→ +Astana", text, re.I), text
    assert re.search(r"Published +→ +Withdrawn", text), text
    assert "None" not in text


def test_a_change_with_no_user_shows_a_dash(staff_client):
    state = ParticipantFactory()
    state.official_name = "Republic of Somewhere"
    state.save()
    text = changes(staff_client, "members_participant", state)
    assert "None" not in text


@pytest.mark.parametrize(
    "path",
    [
        "/admin/plans/plan/abc/history/",
        "/admin/events/event/{event}/change/history/",
        "/admin/members/participant/x/history/",
        "/admin/publications/publication/zz/history/",
        "/admin/events/event/{event}/history/abc/",
        "/admin/events/event/{event}/history/999999/",
        "/admin/flatpages/flatpage/about/history/",
    ],
)
def test_a_history_address_naming_no_record_is_a_404(staff_client, path):
    event = EventFactory()
    response = staff_client.get(path.format(event=event.pk))
    assert response.status_code == 404


def test_a_real_history_version_still_opens(staff_client):
    event = EventFactory()
    version = event.history.latest()
    url = reverse("admin:events_event_simple_history", args=[event.pk, version.pk])
    assert staff_client.get(url).status_code == 200
