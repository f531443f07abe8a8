import datetime
import zoneinfo

import pytest
from django.contrib import admin
from django.contrib.admin.sites import AdminSite
from django.test import RequestFactory
from django.urls import reverse

from core.publishing import PublicationStatus
from events.admin import EventAdmin
from events.models import Event
from plans.models import Plan
from tests.factories import EventDocumentFactory, EventFactory, ParticipantFactory

from . import plan_helpers

pytestmark = pytest.mark.django_db
CHANGELIST = "admin:events_event_changelist"


def form_data(**overrides):
    data = {
        "title_en": "Senior Officials Committee 2030",
        "slug": "soc-2030",
        "kind": "soc",
        "status": "scheduled",
        "date_precision": "day",
        "start_date": "",
        "end_date": "",
        "timezone": "Asia/Almaty",
        "starts_at_0": "",
        "starts_at_1": "",
        "ends_at_0": "",
        "ends_at_1": "",
        "city_en": "Astana",
        "venue_en": "",
        "organiser_en": "",
        "summary_en": "",
        "body_en": "",
        "publication_status": "published",
        "publish_at_0": "2030-01-01",
        "publish_at_1": "00:00:00",
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def test_changelist_filters_search_and_date_hierarchy(staff_client):
    host = ParticipantFactory(name="Azerbaijan")
    EventFactory(title="Baku summit", start_date=datetime.date(2026, 5, 1), hosts=[host])
    EventFactory(
        title="Old SOC", kind="soc", start_date=datetime.date(2008, 8, 23), status="cancelled"
    )
    url = reverse(CHANGELIST)
    cases = {
        "": {"Baku summit", "Old SOC"},
        "kind__exact=soc": {"Old SOC"},
        "status__exact=cancelled": {"Old SOC"},
        f"hosts__id__exact={host.pk}": {"Baku summit"},
        "year=2026": {"Baku summit"},
        "year=not-a-year": {"Baku summit", "Old SOC"},
        "year=99999": {"Baku summit", "Old SOC"},
        "q=Baku": {"Baku summit"},
        "q=azerbaijan": {"Baku summit"},
        "start_date__year=2008": {"Old SOC"},
    }
    for query, expected in cases.items():
        response = staff_client.get(f"{url}?{query}")
        assert response.status_code == 200, query
        html = response.content.decode()
        assert {title for title in ["Baku summit", "Old SOC"] if title in html} == expected, query


def test_add_form_opens_with_autocomplete_hosts(staff_client):
    response = staff_client.get(reverse("admin:events_event_add"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="admin-autocomplete"' in html and 'data-field-name="hosts"' in html
    assert 'data-field-name="plans"' in html  # the plans admin is searchable
    assert 'name="documents-TOTAL_FORMS"' in html


def test_staff_adds_a_timed_event_in_the_venue_time_zone(staff_client):
    response = staff_client.post(
        reverse("admin:events_event_add"),
        form_data(
            timezone="Asia/Baku",
            starts_at_0="2030-09-01",
            starts_at_1="14:00",
            ends_at_0="2030-09-01",
            ends_at_1="17:30",
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    event = Event.objects.get(slug="soc-2030")
    baku = zoneinfo.ZoneInfo("Asia/Baku")
    assert event.starts_at == datetime.datetime(2030, 9, 1, 14, 0, tzinfo=baku)
    assert event.ends_at == datetime.datetime(2030, 9, 1, 17, 30, tzinfo=baku)
    assert event.start_date == datetime.date(2030, 9, 1)
    change = staff_client.get(
        reverse("admin:events_event_change", args=[event.pk])
    ).content.decode()
    assert 'name="starts_at_1" value="14:00:00"' in change


def test_staff_adds_an_all_day_event_with_a_document(staff_client, tmp_path):
    upload = tmp_path / "agenda.pdf"
    upload.write_bytes(b"%PDF-1.4 agenda")
    with upload.open("rb") as handle:
        response = staff_client.post(
            reverse("admin:events_event_add"),
            form_data(
                start_date="2030-10-01",
                end_date="2030-10-02",
                **{
                    "documents-TOTAL_FORMS": "1",
                    "documents-0-kind": "agenda",
                    "documents-0-title_en": "Agenda",
                    "documents-0-file": handle,
                },
            ),
        )
    assert response.status_code == 302, response.content.decode()[:3000]
    event = Event.objects.get(slug="soc-2030")
    assert event.is_all_day and event.end_date == datetime.date(2030, 10, 2)
    assert event.documents.get().title == "Agenda"


@pytest.mark.parametrize(
    "overrides, error",
    [
        ({}, "Give a start date or a start time."),
        ({"slug": "past", "start_date": "2030-10-01"}, "reserved"),
        ({"start_date": "2030-10-05", "end_date": "2030-10-01"}, "cannot end before it starts"),
    ],
)
def test_add_form_errors(staff_client, overrides, error):
    response = staff_client.post(reverse("admin:events_event_add"), form_data(**overrides))
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not Event.objects.filter(slug="soc-2030").exists()


def test_duplicate_as_draft_action(staff_client):
    host = ParticipantFactory(name="Kazakhstan")
    plan = plan_helpers.plan("drugs-concept-paper")
    event = EventFactory(
        title="Senior Officials Committee 2028",
        slug="soc-2028",
        start_date=datetime.date(2028, 2, 29),
        end_date=datetime.date(2028, 3, 1),
        hosts=[host],
        plans=[plan],
        status="cancelled",
    )
    EventDocumentFactory(event=event)
    EventFactory(slug="soc-2029", title="Taken")
    response = staff_client.post(
        reverse(CHANGELIST),
        {"action": "duplicate_as_draft", "_selected_action": [event.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert "Created 1 draft" in response.content.decode()
    copy = Event.objects.get(title="Senior Officials Committee 2029")
    assert copy.slug == "soc-2029-2"
    assert copy.publication_status == PublicationStatus.DRAFT
    assert copy.status == "scheduled"
    assert (copy.start_date, copy.end_date) == (
        datetime.date(2029, 2, 28),
        datetime.date(2029, 3, 1),
    )
    assert list(copy.hosts.all()) == [host] and list(copy.plans.all()) == [plan]
    assert copy.documents.count() == 0
    assert event.documents.count() == 1


def test_duplicate_keeps_the_venue_wall_clock_time_across_daylight_saving():
    from events.duplication import duplicate_as_draft

    berlin = zoneinfo.ZoneInfo("Europe/Berlin")
    event = EventFactory(
        title="Workshop",
        timezone="Europe/Berlin",
        starts_at=datetime.datetime(2030, 3, 30, 10, tzinfo=berlin),  # winter time (UTC+1)
    )
    copy = duplicate_as_draft(event)
    # 30 March 2031 is summer time (UTC+2): still 10:00 at the venue.
    assert copy.local_start.replace(tzinfo=None) == datetime.datetime(2031, 3, 30, 10)
    assert copy.slug == "workshop-2031" and copy.title == "Workshop"


def test_plans_use_autocomplete_once_a_searchable_plan_admin_exists():
    request = RequestFactory().get("/")
    site = AdminSite(name="test-admin")
    assert EventAdmin(Event, site).get_autocomplete_fields(request) == ["hosts"]

    class PlanAdmin(admin.ModelAdmin):
        search_fields = ["title"]

    site.register(Plan, PlanAdmin)
    assert EventAdmin(Event, site).get_autocomplete_fields(request) == ["hosts", "plans"]


def test_non_staff_cannot_open_the_admin(client):
    EventFactory()
    response = client.get(reverse(CHANGELIST))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_hosts_autocomplete_answers(staff_client):
    ParticipantFactory(name="Azerbaijan")
    response = staff_client.get(
        "/admin/autocomplete/",
        {"app_label": "events", "model_name": "event", "field_name": "hosts", "term": "Azer"},
    )
    assert response.status_code == 200
    assert [item["text"] for item in response.json()["results"]] == ["Azerbaijan"]
