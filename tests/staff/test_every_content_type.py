"""The workflow base works the same for every content admin: conflicts, history, CSV."""

import csv
import io

import pytest
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.test import Client
from django.urls import reverse

from tests.factories import (
    EventFactory,
    ParticipantFactory,
    PlanFactory,
    PublicationFactory,
    StaffUserFactory,
)
from tests.staff.admin_forms import change_form_data, change_url

pytestmark = pytest.mark.django_db


def about_page():
    page = FlatPage.objects.create(url="/about/test/", title="About test", content="Text")
    page.sites.add(Site.objects.get_current())
    return page


# (factory, a text field staff edit: its English column, as the admin form names it)
CONTENT = {
    "participant": (lambda: ParticipantFactory(name="Editland"), "official_name_en"),
    "plan": (lambda: PlanFactory(title="Edit plan"), "summary_en"),
    "event": (lambda: EventFactory(title="Edit event"), "summary_en"),
    "publication": (lambda: PublicationFactory(title="Edit publication"), "standfirst_en"),
    "flatpage": (about_page, "content_en"),
}


def two_staff():
    first, second = Client(), Client()
    first.force_login(StaffUserFactory(username="amina"))
    second.force_login(StaffUserFactory(username="bolat"))
    return first, second


@pytest.mark.parametrize("model", list(CONTENT))
def test_second_concurrent_save_is_refused(model):
    make, field = CONTENT[model]
    item = make()
    amina, bolat = two_staff()
    amina_form = change_form_data(amina, item)
    bolat_form = change_form_data(bolat, item)

    amina_form[field] = "Amina's text"
    assert amina.post(change_url(item), amina_form).status_code == 302
    bolat_form[field] = "Bolat's text"
    refused = bolat.post(change_url(item), bolat_form)
    assert refused.status_code == 200
    html = refused.content.decode()
    assert "amina changed this item" in html
    assert "Bolat&#x27;s text" in html or "Bolat's text" in html
    item.refresh_from_db()
    assert getattr(item, field) == "Amina's text"


@pytest.mark.parametrize("model", list(CONTENT))
def test_history_is_kept_field_by_field(model):
    make, field = CONTENT[model]
    item = make()
    amina, _ = two_staff()
    data = change_form_data(amina, item)
    data[field] = "Changed through the admin"
    assert amina.post(change_url(item), data).status_code == 302
    newest = item.history.order_by("-history_id").first()
    assert newest.history_user.username == "amina"
    changed = [change.field for change in newest.diff_against(newest.prev_record).changes]
    assert field in changed
    opts = item._meta
    history_page = amina.get(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[item.pk])
    )
    assert history_page.status_code == 200
    assert "amina" in history_page.content.decode()


@pytest.mark.parametrize("model", list(CONTENT))
def test_csv_export_of_every_changelist(staff_client, model):
    make, _field = CONTENT[model]
    item = make()
    opts = item._meta
    label = getattr(item, "title", None) or item.name
    response = staff_client.get(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_export_csv"), {"q": label}
    )
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 2, rows
    assert label in " ".join(rows[1]) or getattr(item, "url", "") in rows[1]
