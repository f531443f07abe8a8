"""Who may do what, for every content type: anonymous, editor, publisher, superuser."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from core.publishing import PublicationStatus
from core.staff.roles import EDITOR, PUBLISHER
from tests.factories import (
    EventFactory,
    ParticipantFactory,
    PlanFactory,
    PublicationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

CONTENT = {
    "participant": ("members", ParticipantFactory),
    "plan": ("plans", PlanFactory),
    "event": ("events", EventFactory),
    "publication": ("publications", PublicationFactory),
}
ROLES = ["anonymous", "editor", "publisher", "superuser"]


def client_for(role):
    client = Client()
    if role == "anonymous":
        return client
    user = UserFactory(username=role, is_staff=True, is_superuser=role == "superuser")
    if role in ("editor", "publisher"):
        user.groups.add(Group.objects.get(name=EDITOR if role == "editor" else PUBLISHER))
    client.force_login(user)
    return client


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model", list(CONTENT))
def test_changelist_and_add_form(role, model):
    app, _factory = CONTENT[model]
    client = client_for(role)
    changelist = client.get(reverse(f"admin:{app}_{model}_changelist"))
    add = client.get(reverse(f"admin:{app}_{model}_add"))
    if role == "anonymous":
        assert changelist.status_code == 302 and add.status_code == 302
    else:
        assert changelist.status_code == 200 and add.status_code == 200


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model", list(CONTENT))
def test_publish_and_unpublish_actions(role, model):
    app, factory = CONTENT[model]
    draft = factory(publication_status=PublicationStatus.DRAFT)
    live = factory(publication_status=PublicationStatus.PUBLISHED)
    client = client_for(role)
    url = reverse(f"admin:{app}_{model}_changelist")
    client.post(url, {"action": "publish_selected", "_selected_action": [draft.pk]})
    client.post(url, {"action": "unpublish_selected", "_selected_action": [live.pk]})
    draft.refresh_from_db(), live.refresh_from_db()
    may_publish = role in ("publisher", "superuser")
    assert (draft.publication_status == PublicationStatus.PUBLISHED) is may_publish
    assert (live.publication_status == PublicationStatus.WITHDRAWN) is may_publish


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model", list(CONTENT))
def test_delete_is_for_superusers_only(role, model):
    app, factory = CONTENT[model]
    item = factory(publication_status=PublicationStatus.DRAFT)
    client = client_for(role)
    response = client.post(reverse(f"admin:{app}_{model}_delete", args=[item.pk]), {"post": "yes"})
    exists = type(item).objects.filter(pk=item.pk).exists()
    assert exists is (role != "superuser")
    if role in ("editor", "publisher"):
        assert response.status_code == 403


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model", list(CONTENT))
def test_preview_of_drafts(role, model):
    _app, factory = CONTENT[model]
    draft = factory(publication_status=PublicationStatus.DRAFT)
    response = client_for(role).get(draft.get_absolute_url())
    if role == "anonymous":
        assert response.status_code == 404
        return
    assert response.status_code == 200
    html = response.content.decode()
    assert "Preview: not published" in html
    assert '<meta name="robots" content="noindex">' in html
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"


@pytest.mark.parametrize("model", list(CONTENT))
def test_published_pages_carry_no_preview_banner(staff_client, model):
    _app, factory = CONTENT[model]
    item = factory()
    html = staff_client.get(item.get_absolute_url()).content.decode()
    assert "Preview: not published" not in html


@pytest.mark.parametrize("role", ROLES)
def test_recording_a_plan_status_decision(role):
    plan = PlanFactory(publication_status=PublicationStatus.DRAFT)
    client = client_for(role)
    url = reverse("admin:plans_plan_record_decision", args=[plan.pk])
    response = client.post(url, {"to_status": "agreed_swg", "precision": "day"})
    plan.refresh_from_db()
    if role in ("publisher", "superuser"):
        assert response.status_code == 302
        assert plan.status == "agreed_swg"
    else:
        assert plan.status == "draft"
        assert response.status_code in (302, 403)
        if role == "editor":
            assert response.status_code == 403
            page = client.get(reverse("admin:plans_plan_change", args=[plan.pk]))
            assert "Record: Agreed by SWG" not in page.content.decode()
