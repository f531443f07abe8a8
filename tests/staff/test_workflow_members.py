"""Staff workflow (roles, history, edit conflicts, CSV, throttling) on member states."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from core.publishing import PublicationStatus
from core.staff.roles import EDITOR, PUBLISHER
from tests.factories import UserFactory, member_state
from tests.staff import admin_forms

pytestmark = pytest.mark.django_db


def staff_in(group_name, username):
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor():
    return staff_in(EDITOR, "editor")


@pytest.fixture
def publisher():
    return staff_in(PUBLISHER, "publisher")


def change_form_data(client, participant):
    return admin_forms.change_form_data(client, participant)


def test_roles_exist_after_migrations():
    assert Group.objects.filter(name__in=[EDITOR, PUBLISHER]).count() == 2
    publisher_perms = set(
        Group.objects.get(name=PUBLISHER).permissions.values_list("codename", flat=True)
    )
    editor_perms = set(
        Group.objects.get(name=EDITOR).permissions.values_list("codename", flat=True)
    )
    assert "publish_participant" in publisher_perms
    assert "publish_participant" not in editor_perms
    assert "change_participant" in editor_perms
    assert "delete_participant" not in editor_perms | publisher_perms
    # About pages are public as soon as they are saved: publishers only.
    assert "change_flatpage" not in editor_perms and "view_flatpage" in editor_perms
    assert {"add_flatpage", "change_flatpage"} <= publisher_perms


@pytest.mark.parametrize(
    ("who", "can_publish"), [("editor", False), ("publisher", True), ("superuser", True)]
)
def test_publish_action_permission_matrix(client, editor, publisher, who, can_publish):
    users = {
        "editor": editor,
        "publisher": publisher,
        "superuser": UserFactory(username="root", is_staff=True, is_superuser=True),
    }
    draft = member_state(name="Draftland", publication_status=PublicationStatus.DRAFT)
    client.force_login(users[who])
    changelist = reverse("admin:members_participant_changelist")
    page = client.get(changelist)
    assert page.status_code == 200
    assert ("publish_selected" in page.content.decode()) is can_publish
    response = client.post(
        changelist, {"action": "publish_selected", "_selected_action": [draft.pk]}
    )
    draft.refresh_from_db()
    assert (draft.publication_status == PublicationStatus.PUBLISHED) is can_publish
    if not can_publish:
        # The action is unknown to an editor: refused by the server, not only hidden.
        assert response.status_code in (200, 302, 403)


def test_anonymous_cannot_reach_admin_actions(client):
    draft = member_state(name="Hiddenland", publication_status=PublicationStatus.DRAFT)
    response = client.post(
        reverse("admin:members_participant_changelist"),
        {"action": "publish_selected", "_selected_action": [draft.pk]},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.publication_status == PublicationStatus.DRAFT


def test_editor_cannot_publish_through_the_form(client, editor):
    draft = member_state(name="Formland", publication_status=PublicationStatus.DRAFT)
    client.force_login(editor)
    data = change_form_data(client, draft)
    data["publication_status"] = PublicationStatus.PUBLISHED
    data["official_name_en"] = "Edited by editor"
    response = client.post(reverse("admin:members_participant_change", args=[draft.pk]), data)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.official_name == "Edited by editor"
    assert draft.publication_status == PublicationStatus.DRAFT


def test_editor_may_view_but_not_change_a_published_item(client, editor):
    published = member_state(name="Liveland")
    client.force_login(editor)
    url = reverse("admin:members_participant_change", args=[published.pk])
    assert client.get(url).status_code == 200
    data = {"name_en": "Hacked", "slug": "liveland", "kind": "state"}
    assert client.post(url, data).status_code == 403
    published.refresh_from_db()
    assert published.name == "Liveland"


def test_second_concurrent_save_is_refused_and_keeps_input(client, publisher):
    state = member_state(name="Conflictland")
    other = staff_in(PUBLISHER, "colleague")
    client.force_login(publisher)
    mine = change_form_data(client, state)

    from django.test import Client

    colleague = Client()
    colleague.force_login(other)
    theirs = change_form_data(colleague, state)
    theirs["official_name_en"] = "Their version"
    url = reverse("admin:members_participant_change", args=[state.pk])
    assert colleague.post(url, theirs).status_code == 302

    mine["official_name_en"] = "My version"
    refused = client.post(url, mine)
    assert refused.status_code == 200
    html = refused.content.decode()
    assert "colleague changed this item" in html
    assert 'value="My version"' in html
    state.refresh_from_db()
    assert state.official_name == "Their version"

    # Saving again after seeing the warning is a deliberate choice and goes through.
    again = refused.context["adminform"].form.data.copy()
    assert client.post(url, again).status_code == 302
    state.refresh_from_db()
    assert state.official_name == "My version"


def test_history_records_who_changed_what_and_revert_restores(client, publisher):
    state = member_state(name="Historyland")
    client.force_login(publisher)
    url = reverse("admin:members_participant_change", args=[state.pk])
    data = change_form_data(client, state)
    data["official_name_en"] = "Second name"
    assert client.post(url, data).status_code == 302

    newest = state.history.order_by("-history_id").first()
    assert newest.history_user == publisher
    delta = newest.diff_against(newest.prev_record)
    assert [change.field for change in delta.changes] == ["official_name_en"]

    history_page = client.get(reverse("admin:members_participant_history", args=[state.pk]))
    assert history_page.status_code == 200
    history_html = history_page.content.decode()
    assert "publisher" in history_html
    assert "Second name" in history_html

    first = state.history.order_by("history_id").first()
    revert_url = reverse(
        "admin:members_participant_simple_history", args=[state.pk, first.history_id]
    )
    revert_form = client.get(revert_url)
    assert revert_form.status_code == 200
    form = revert_form.context["adminform"].form
    revert_data = admin_forms.form_data(form)
    revert_data["_change_history"] = "1"
    assert client.post(revert_url, revert_data).status_code == 302
    state.refresh_from_db()
    assert state.official_name == first.official_name


def test_csv_export_follows_the_changelist_filter(staff_client):
    member_state(name="Csvland", year=2006)
    observer = member_state(name="Otherland", year=2010)
    observer.status_changes.update(status="observer")
    observer.sync_from_history()
    url = reverse("admin:members_participant_export_csv")
    response = staff_client.get(url, {"current_status__exact": "member"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    names = [row[0] for row in rows[1:]]
    assert names == ["Csvland"]
    assert rows[0][0].lower() == "name"


def test_csv_export_neutralises_formulas(staff_client):
    member_state(name="=HYPERLINK(1)")
    response = staff_client.get(reverse("admin:members_participant_export_csv"))
    body = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK(1)" in body


def test_csv_export_refused_to_anonymous(client):
    response = client.get(reverse("admin:members_participant_export_csv"))
    assert response.status_code == 302


def test_repeated_failed_logins_are_throttled(client, settings):
    UserFactory(username="target", is_staff=True)
    login = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(login, {"username": "target", "password": "wrong"})
    locked = client.post(login, {"username": "target", "password": "correct-horse-battery-staple"})
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_correct_login_works_before_the_limit(client):
    UserFactory(username="okuser", is_staff=True)
    response = client.post(
        reverse("admin:login"),
        {"username": "okuser", "password": "correct-horse-battery-staple", "next": "/admin/"},
    )
    assert response.status_code == 302
    assert client.session.get("_auth_user_id")


def test_staff_sessions_expire(settings):
    assert settings.SESSION_COOKIE_AGE <= 12 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
