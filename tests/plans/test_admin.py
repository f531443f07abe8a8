import datetime

import pytest
import time_machine
from django.contrib.admin import AdminSite
from django.contrib.admin.models import LogEntry
from django.contrib.admin.widgets import AutocompleteSelect
from django.urls import reverse

from core.publishing import PublicationStatus
from events.models import Event
from plans.forms import StatusDecisionForm
from plans.models import Plan, PlanKind, PlanStatus, StatusChange
from tests.factories import (
    CoordinationFactory,
    DimensionFactory,
    MeasureFactory,
    ParticipantFactory,
    PlanFactory,
    PriorityAreaFactory,
    UserFactory,
    plan_with_status,
)

pytestmark = pytest.mark.django_db


def decision_url(plan):
    return reverse("admin:plans_plan_record_decision", args=[plan.pk])


@pytest.mark.parametrize("model", ["plan", "dimension", "priorityarea", "statuschange"])
def test_changelists_open_for_staff(staff_client, model):
    plan = plan_with_status(PlanStatus.APPROVED_BY_SOC, title="Listed plan")
    CoordinationFactory(plan=None, dimension=plan.dimension)
    CoordinationFactory(plan=None, priority_area=plan.priority_area)
    response = staff_client.get(reverse(f"admin:plans_{model}_changelist"))
    assert response.status_code == 200
    expected = {
        "plan": "Listed plan",
        "dimension": plan.dimension.name,
        "priorityarea": plan.priority_area.name,
        "statuschange": "Listed plan",
    }[model]
    assert expected in response.content.decode()


def test_plan_changelist_filters_and_search(staff_client):
    russia = ParticipantFactory(name="Russia")
    plan = plan_with_status(PlanStatus.APPROVED_BY_SOC, title="SMEs action plan")
    CoordinationFactory(plan=plan, state=russia)
    other = plan_with_status(PlanStatus.DRAFT, title="Other plan", kind=PlanKind.CONCEPT_PAPER)
    url = reverse("admin:plans_plan_changelist")
    for params in [
        {"dimension__id__exact": plan.dimension.pk},
        {"status__exact": "approved_soc"},
        {"kind__exact": "action_plan"},
        {"coordinator": russia.pk},
        {"q": "SMEs"},
    ]:
        html = staff_client.get(url, params).content.decode()
        assert "SMEs action plan" in html, params
        assert other.title not in html, params
    assert staff_client.get(url, {"coordinator": "not-a-state"}).status_code == 200


def test_add_form_opens_and_creates_a_draft_with_inlines(staff_client):
    dimension = DimensionFactory()
    area = PriorityAreaFactory(dimension=dimension)
    state = ParticipantFactory(name="Russia")
    assert staff_client.get(reverse("admin:plans_plan_add")).status_code == 200
    response = staff_client.post(
        reverse("admin:plans_plan_add"),
        {
            "kind": "action_plan",
            "title_en": "New action plan",
            "slug": "new-action-plan",
            "dimension": dimension.pk,
            "priority_area": area.pk,
            "summary_en": "",
            "body_en": "",
            "start_year": "2025",
            "end_year": "2027",
            "predecessor": "",
            "publication_status": "published",
            "publish_at_0": "2025-01-01",
            "publish_at_1": "00:00:00",
            "status": "completed",  # not a form field: ignored
            "coordinations-TOTAL_FORMS": "1",
            "coordinations-INITIAL_FORMS": "0",
            "coordinations-0-state": state.pk,
            "coordinations-0-role": "coordinator",
            "coordinations-0-start_year": "2025",
            "coordinations-0-end_year": "",
            "measures-TOTAL_FORMS": "1",
            "measures-INITIAL_FORMS": "0",
            "measures-0-title_en": "Business forum",
            "measures-0-responsible_states": [state.pk],
            "measures-0-due_date": "2026-05-01",
            "measures-0-status": "planned",
            "measures-0-event": "",
            "documents-TOTAL_FORMS": "0",
            "documents-INITIAL_FORMS": "0",
            "status_changes-TOTAL_FORMS": "0",
            "status_changes-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    plan = Plan.objects.get(slug="new-action-plan")
    assert plan.status == PlanStatus.DRAFT
    assert plan.status_changes.count() == 0
    assert plan.coordinations.get().state == state
    assert list(plan.measures.get().responsible_states.all()) == [state]


def test_priority_area_of_another_dimension_is_refused(staff_client):
    area = PriorityAreaFactory()
    other_dimension = DimensionFactory()
    plan = PlanFactory.build(dimension=other_dimension, priority_area=area, slug="mismatch")
    with pytest.raises(Exception) as raised:
        plan.full_clean()
    assert "priority_area" in raised.value.message_dict


def test_change_page_shows_read_only_history_and_next_steps(staff_client):
    plan = plan_with_status(PlanStatus.APPROVED_BY_SOC)
    MeasureFactory(plan=plan)
    response = staff_client.get(reverse("admin:plans_plan_change", args=[plan.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "status history (append-only)" in html.lower() or "Status history (append-only)" in html
    assert 'name="status_changes-0-note"' not in html
    assert 'name="status_changes-0-DELETE"' not in html
    assert f"{decision_url(plan)}?to=in_implementation" in html
    assert f"{decision_url(plan)}?to=superseded" in html
    assert "?to=completed" not in html


def test_staff_record_a_decision_through_the_form(staff_client, staff_user):
    plan = plan_with_status(PlanStatus.AGREED_BY_SWG, decided_on=datetime.date(2015, 12, 1))
    page = staff_client.get(decision_url(plan), {"to": "approved_soc"})
    assert page.status_code == 200
    html = page.content.decode()
    assert '<option value="approved_soc" selected>' in html
    assert 'value="completed"' not in html
    response = staff_client.post(
        decision_url(plan),
        {
            "to_status": "approved_soc",
            "decided_on": "2016-01-13",
            "precision": "day",
            "deciding_body": "silence",
            "meeting": "",
            "note": "Silence procedure ended.",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:plans_plan_change", args=[plan.pk])
    plan.refresh_from_db()
    assert plan.status == PlanStatus.APPROVED_BY_SOC
    change = plan.status_changes.last()
    assert change.recorded_by == staff_user
    assert change.decided_on == datetime.date(2016, 1, 13)
    assert change.deciding_body == "silence"
    assert LogEntry.objects.filter(object_id=str(plan.pk)).exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"to_status": "completed"}, "Select a valid choice"),
        ({"to_status": "approved_soc", "decided_on": "2999-01-01"}, "future"),
        ({"to_status": "approved_soc", "decided_on": "2010-01-01"}, "cannot come before"),
        ({"to_status": "approved_soc", "decided_on": "13/13/2016"}, "Enter a valid date"),
        ({"to_status": "approved_soc", "decided_on": "", "precision": "year"}, "precision"),
    ],
)
@time_machine.travel(datetime.datetime(2024, 6, 1, 12, tzinfo=datetime.UTC), tick=False)
def test_refused_decision_shows_an_error_and_changes_nothing(staff_client, data, message):
    plan = plan_with_status(PlanStatus.AGREED_BY_SWG, decided_on=datetime.date(2015, 6, 1))
    response = staff_client.post(
        decision_url(plan),
        {
            "precision": "day",
            "deciding_body": "",
            "note": "",
            "meeting": "",
            "decided_on": "",
            **data,
        },
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.AGREED_BY_SWG
    assert plan.status_changes.count() == 1


def test_final_status_offers_no_further_step(staff_client):
    plan = plan_with_status(PlanStatus.WITHDRAWN)
    html = staff_client.get(decision_url(plan)).content.decode()
    assert "This status is final" in html
    assert 'name="to_status"' not in html


def test_history_cannot_be_changed_or_deleted_by_staff(staff_client):
    plan = plan_with_status(PlanStatus.AGREED_BY_SWG)
    change = plan.status_changes.get()
    change_url = reverse("admin:plans_statuschange_change", args=[change.pk])
    assert staff_client.get(change_url).status_code == 200  # read-only view
    tampered = staff_client.post(change_url, {"to_status": "completed", "note": "edited"})
    assert tampered.status_code == 403
    delete_url = reverse("admin:plans_statuschange_delete", args=[change.pk])
    assert staff_client.post(delete_url, {"post": "yes"}).status_code == 403
    assert staff_client.get(reverse("admin:plans_statuschange_add")).status_code == 403
    change.refresh_from_db()
    assert (change.to_status, change.note) == (PlanStatus.AGREED_BY_SWG, "")
    assert StatusChange.objects.count() == 1


def test_decision_form_needs_staff(client):
    plan = plan_with_status(PlanStatus.DRAFT)
    response = client.get(decision_url(plan))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(UserFactory(is_staff=False))
    response = client.post(decision_url(plan), {"to_status": "agreed_swg", "precision": "day"})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT


def test_unknown_plan_in_decision_url_redirects(staff_client):
    response = staff_client.get(reverse("admin:plans_plan_record_decision", args=[999999]))
    assert response.status_code == 302


def make_event(kind, title):
    return Event.objects.create(
        title=title,
        slug=title.lower().replace(" ", "-"),
        kind=kind,
        start_date=datetime.date(2016, 1, 13),
        publication_status=PublicationStatus.PUBLISHED,
    )


def test_meeting_is_a_select_of_deciding_meetings_without_an_events_admin():
    soc = make_event("soc", "SOC meeting")
    make_event("experts", "Experts meeting")
    plan = plan_with_status(PlanStatus.AGREED_BY_SWG, decided_on=None)
    form = StatusDecisionForm(plan=plan, admin_site=AdminSite(name="bare"))
    field = form.fields["meeting"]
    assert not isinstance(field.widget, AutocompleteSelect)
    assert list(field.queryset) == [soc]
    assert "SOC meeting (13 January 2016)" in str(form["meeting"])


def test_meeting_uses_autocomplete_once_events_are_searchable_in_the_admin():
    site = AdminSite(name="with-events")
    site.register(Event, search_fields=["title"])
    plan = plan_with_status(PlanStatus.DRAFT)
    form = StatusDecisionForm(plan=plan, admin_site=site)
    assert isinstance(form.fields["meeting"].widget, AutocompleteSelect)


def test_decision_recorded_with_its_meeting(staff_client):
    soc = make_event("soc", "SOC meeting")
    plan = plan_with_status(PlanStatus.AGREED_BY_SWG, decided_on=None)
    response = staff_client.post(
        decision_url(plan),
        {
            "to_status": "approved_soc",
            "decided_on": "2016-01-13",
            "precision": "day",
            "deciding_body": "soc",
            "meeting": soc.pk,
            "note": "",
        },
    )
    assert response.status_code == 302
    assert plan.status_changes.last().meeting == soc


def test_priority_area_autocomplete_is_limited_to_the_dimension_chosen(staff_client):
    energy = PriorityAreaFactory(name="Energy area")
    other = PriorityAreaFactory(name="Energy elsewhere")
    assert energy.dimension != other.dimension
    query = {
        "app_label": "plans",
        "model_name": "plan",
        "field_name": "priority_area",
        "term": "Energy",
    }
    url = reverse("admin:autocomplete")
    unfiltered = staff_client.get(url, query).json()["results"]
    assert {r["text"] for r in unfiltered} == {"Energy area", "Energy elsewhere"}
    limited = staff_client.get(url, {**query, "dimension": energy.dimension_id}).json()
    assert [r["text"] for r in limited["results"]] == ["Energy area"]
    # Anything else given as the dimension leaves the list as it was, never an error.
    odd = staff_client.get(url, {**query, "dimension": "x'1"})
    assert odd.status_code == 200 and len(odd.json()["results"]) == 2
