"""Staff enter Russian beside English; lists and the admin home show what lacks it."""

import pytest

from core.publishing import PublicationStatus
from plans.models import Plan
from tests.factories import EventFactory, ParticipantFactory, PlanFactory, PublicationFactory
from tests.staff.admin_forms import change_form_data, change_url

pytestmark = pytest.mark.django_db


def test_the_change_form_takes_russian_beside_english_and_the_history_keeps_it(staff_client):
    plan = PlanFactory(title="Action Plan on Energy")
    page = staff_client.get(change_url(plan))
    assert {"title_en", "title_ru", "summary_ru", "body_ru"} <= set(
        page.context["adminform"].form.fields
    )
    # The edit-conflict check's hidden field is still in the page.
    assert 'name="edit_base_version"' in page.content.decode()
    data = change_form_data(staff_client, plan)
    data["title_ru"] = "План действий в области энергетики"
    data["summary_ru"] = "Краткое содержание."
    response = staff_client.post(change_url(plan), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    plan.refresh_from_db()
    assert plan.title_en == "Action Plan on Energy"
    assert plan.title_ru == "План действий в области энергетики"
    newest, previous = plan.history.all()[:2]
    changed = {change.field for change in newest.diff_against(previous).changes}
    assert {"title_ru", "summary_ru"} <= changed
    history = staff_client.get(change_url(plan).replace("/change/", "/history/")).content.decode()
    assert "План действий в области энергетики" in history


def test_each_list_shows_and_filters_by_the_russian_version(staff_client):
    PlanFactory(title="Translated plan", title_ru="Переведённый план")
    PlanFactory(title="English-only plan")
    url = "/admin/plans/plan/"
    page = staff_client.get(url).content.decode()
    assert "column-russian_version" in page and "russian=no" in page
    missing = staff_client.get(url + "?russian=no").content.decode()
    assert "English-only plan" in missing and "Translated plan" not in missing
    present = staff_client.get(url + "?russian=yes").content.decode()
    assert "Translated plan" in present and "English-only plan" not in present


@pytest.mark.parametrize(
    "url",
    [
        "/admin/members/participant/",
        "/admin/events/event/",
        "/admin/publications/publication/",
        "/admin/plans/dimension/",
        "/admin/flatpages/flatpage/",
    ],
)
def test_every_content_list_offers_the_russian_version_filter(staff_client, url):
    assert staff_client.get(url + "?russian=no").status_code == 200
    page = staff_client.get(url)
    assert "?russian=no" in page.content.decode()
    assert "russian_version" in page.context["cl"].list_display


def test_the_admin_search_finds_russian_text(staff_client):
    ParticipantFactory(name="Kazakhstan", name_ru="Казахстан")
    page = staff_client.get("/admin/members/participant/?q=Казахстан").content.decode()
    assert "Kazakhstan" in page


def test_the_admin_home_counts_published_items_missing_russian_per_type(staff_client):
    PublicationFactory(title="No Russian")
    PublicationFactory(title="Both", title_ru="Оба")
    PublicationFactory(title="Draft", publication_status=PublicationStatus.DRAFT)
    EventFactory(title="Event", title_ru="Событие")
    response = staff_client.get("/admin/")
    rows = {str(row["label"]): row for row in response.context["board"]["missing_russian"]}
    assert rows["publications"]["count"] == 1
    assert rows["events"]["count"] == 0
    assert "russian=no" in rows["publications"]["url"]
    assert "Published without a Russian version" in response.content.decode()
    assert Plan.objects.count() == 0  # nothing else was made
