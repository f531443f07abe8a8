"""One format for each kind of date on every page (issue 20): a day reads "3 March 2020",
a month "March 2020", a year "2020", and a moment names the site's zone. Pages once wrote
"March 03, 2020", "March 3, 2020" and "Dec. 1, 2026" beside "13 October 2022"."""

import datetime
import re
import zoneinfo

import pytest
import time_machine
from django.template import Context, Template
from django.test import Client
from django.urls import reverse

from core import date_formats
from plans.models import PlanStatus
from tests.factories import (
    EventFactory,
    MeasureFactory,
    PlanDocumentFactory,
    PublicationFactory,
    StaffUserFactory,
    plan_with_status,
)
from tests.staff.admin_forms import change_form_data, change_url

pytestmark = pytest.mark.django_db
MARCH_3 = datetime.date(2020, 3, 3)
NOW = datetime.datetime(2030, 6, 10, 12, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Almaty"))
# "March 03, 2020", "March 3, 2020", "Dec. 1, 2026", "Mar. 3": month before day, or
# Django's abbreviations with a full stop.
AMERICAN_DATE = re.compile(r"\b(?:[A-Z][a-z]+\.? \d{1,2}, \d{4}|[A-Z][a-z]{2}\. \d{1,2}\b)")


def visible_text(response):
    """The page's main content, without tags and attributes (machine dates live there)."""
    assert response.status_code == 200
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"<[^>]+>", " ", main)


def assert_one_format(text, *expected):
    for date in expected:
        assert date in text
    assert not AMERICAN_DATE.search(text), AMERICAN_DATE.search(text).group()


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def test_plan_page_decisions_measures_and_documents(client):
    plan = plan_with_status(PlanStatus.APPROVED_BY_SOC, decided_on=MARCH_3, title="Tourism")
    MeasureFactory(plan=plan, title="Forum", due_date=datetime.date(2026, 12, 1))
    PlanDocumentFactory(plan=plan, title="Text", date=datetime.date(2022, 10, 13))
    text = visible_text(client.get(plan.get_absolute_url()))
    assert_one_format(text, "3 March 2020", "1 December 2026", "13 October 2022")


def test_event_pages_days_months_and_years(client):
    dated = EventFactory(title="Summit", start_date=datetime.date(2030, 12, 1))
    EventFactory(title="Istanbul", start_date=datetime.date(2010, 6, 1), date_precision="month")
    EventFactory(title="Almaty", start_date=datetime.date(2006, 1, 1), date_precision="year")
    assert_one_format(visible_text(client.get(dated.get_absolute_url())), "1 December 2030")
    assert_one_format(visible_text(client.get(reverse("events:list"))), "1 December 2030")
    past = visible_text(client.get(reverse("events:past")))
    assert_one_format(past, "June 2010", "2006")


def test_publication_pages_home_and_search_results(client):
    publication = PublicationFactory(title="Chairmanship handed over", posted_on=MARCH_3)
    for url in (
        publication.get_absolute_url(),
        reverse("publications:list"),
        reverse("search") + "?q=chairmanship",
    ):
        assert_one_format(visible_text(client.get(url)), "3 March 2020")
    html = client.get(reverse("home")).content.decode()
    assert "3 March 2020" in html and not AMERICAN_DATE.search(html)


def test_the_named_formats_and_the_filters_agree():
    template = Template(
        "{% load cica %}{{ day }}|{{ day|date:'YEAR_MONTH_FORMAT' }}|"
        "{{ day|partial_date:'year' }}|{{ moment|site_datetime }}"
    )
    moment = datetime.datetime(2030, 3, 3, 9, 5, tzinfo=datetime.UTC)  # UTC+05:00
    rendered = template.render(Context({"day": MARCH_3, "moment": moment}))
    assert rendered == "3 March 2020|March 2020|2020|3 March 2030, 14:05 (Asia/Almaty)"
    assert date_formats.full_date(MARCH_3) == "3 March 2020"
    assert date_formats.month_and_year(MARCH_3) == "March 2020"
    assert date_formats.site_time(moment) == "14:05 (Asia/Almaty)"


def test_the_edit_conflict_gives_the_time_in_the_site_zone_as_history_does():
    event = EventFactory(title="Conflict")
    amina, bolat = Client(), Client()
    amina.force_login(StaffUserFactory(username="amina"))
    bolat.force_login(StaffUserFactory(username="bolat"))
    amina_form, bolat_form = change_form_data(amina, event), change_form_data(bolat, event)
    # 09:05 UTC is 14:05 in Almaty (UTC+05:00).
    with time_machine.travel(datetime.datetime(2030, 3, 3, 9, 5, tzinfo=datetime.UTC)):
        amina_form["summary"] = "Amina's summary"
        assert amina.post(change_url(event), amina_form).status_code == 302
    bolat_form["summary"] = "Bolat's summary"
    refused = bolat.post(change_url(event), bolat_form).content.decode()
    assert "amina changed this item on 3 March 2030, 14:05 (Asia/Almaty)" in refused
    assert "09:05" not in refused

    history_url = reverse("admin:events_event_history", args=[event.pk])
    history = bolat.get(history_url).content.decode()
    assert "3 March 2030, 14:05" in history
    assert "Dates and times are in the site's time zone, Asia/Almaty." in history
