import datetime

import pytest
from django.utils import timezone

from core.publishing import PublicationStatus
from tests.factories import EventFactory, PublicationFactory, plan_with_status

pytestmark = pytest.mark.django_db


def test_admin_home_shows_drafts_scheduled_plans_events_and_changes(staff_client):
    PublicationFactory(title="Draft statement", publication_status=PublicationStatus.DRAFT)
    PublicationFactory(
        title="Scheduled speech", publish_at=timezone.now() + datetime.timedelta(days=2)
    )
    EventFactory(
        title="SOC next week", start_date=timezone.localdate() + datetime.timedelta(days=7)
    )
    EventFactory(title="Far away", start_date=timezone.localdate() + datetime.timedelta(days=90))
    plan_with_status("approved_soc")
    ready = PublicationFactory(title="Ready to go", publication_status=PublicationStatus.DRAFT)
    staff_client.post(
        "/admin/publications/publication/",
        {"action": "publish_selected", "_selected_action": [ready.pk]},
    )
    response = staff_client.get("/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Draft statement" in html
    assert "Scheduled speech" in html
    assert "SOC next week" in html and "Far away" not in html
    recent = html[html.index("Recent changes") :]
    assert "staff" in recent and "Ready to go" in recent
    board = response.context["board"]
    counts = {row["status"]: row["count"] for row in board["plans_by_status"]}
    assert counts["approved_soc"] == 1 and counts["draft"] == 0


def test_admin_home_query_count_is_bounded(staff_client, django_assert_max_num_queries):
    for index in range(30):
        PublicationFactory(title=f"Draft {index}", publication_status=PublicationStatus.DRAFT)
    with django_assert_max_num_queries(20):
        assert staff_client.get("/admin/").status_code == 200
