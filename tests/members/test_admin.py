import pytest
from django.urls import reverse

from members.models import Participant
from tests.factories import ChairmanshipFactory, member_state

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["participant", "chairmanship"])
def test_changelist_and_add_form_open_for_staff(staff_client, model):
    state = member_state(name="Adminland")
    ChairmanshipFactory(state=state)
    changelist = staff_client.get(reverse(f"admin:members_{model}_changelist"))
    assert changelist.status_code == 200
    assert "Adminland" in changelist.content.decode()
    assert staff_client.get(reverse(f"admin:members_{model}_add")).status_code == 200


def test_changelist_filters_and_search(staff_client):
    member_state(name="Filterland", year=2006)
    url = reverse("admin:members_participant_changelist")
    for params in [
        {"current_status__exact": "member"},
        {"accession_year": "2006"},
        {"accession_year": "not-a-year"},
        {"q": "Filter"},
    ]:
        response = staff_client.get(url, params)
        assert response.status_code == 200
        assert "Filterland" in response.content.decode()


def test_staff_adds_a_state_with_its_history_inline(staff_client):
    response = staff_client.post(
        reverse("admin:members_participant_add"),
        {
            "kind": "state",
            "name_en": "Newland",
            "slug": "newland",
            "official_name_en": "Republic of Newland",
            "iso_code": "NL",
            "summary_en": "",
            "website": "",
            "publication_status": "published",
            "publish_at_0": "2026-01-01",
            "publish_at_1": "00:00:00",
            "status_changes-TOTAL_FORMS": "1",
            "status_changes-INITIAL_FORMS": "0",
            "status_changes-0-status": "member",
            "status_changes-0-date": "2024-01-01",
            "status_changes-0-precision": "year",
            "status_changes-0-note_en": "",
            "chairmanships-TOTAL_FORMS": "0",
            "chairmanships-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    newland = Participant.objects.get(slug="newland")
    assert newland.current_status == "member"
    assert newland.accession_display == "2024"


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("admin:members_participant_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
