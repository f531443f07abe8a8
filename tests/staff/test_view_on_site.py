"""The admin's "View on site": the configured host, the request's host in development,
never the Sites framework's row; drafts open as a preview staff can see."""

import re

import pytest
from django.contrib.sites.models import Site
from django.core import checks
from django.urls import reverse

from core.publishing import PublicationStatus
from tests.factories import EventFactory, ParticipantFactory, PlanFactory, PublicationFactory

pytestmark = pytest.mark.django_db

FACTORIES = {
    "members_participant": lambda **kw: ParticipantFactory(slug="vland", **kw),
    "plans_plan": lambda **kw: PlanFactory(slug="plan-2027-2029", **kw),
    "events_event": lambda **kw: EventFactory(slug="the-meeting", **kw),
    "publications_publication": lambda **kw: PublicationFactory(slug="the-news", **kw),
}


def view_on_site_href(client, admin_name, obj):
    html = client.get(reverse(f"admin:{admin_name}_change", args=[obj.pk])).content.decode()
    match = re.search(r'<a href="([^"]*)" class="viewsitelink"', html)
    assert match, "no View on site link"
    return match.group(1)


@pytest.fixture(autouse=True)
def _site_row_left_at_its_default():
    Site.objects.update_or_create(pk=1, defaults={"domain": "example.com", "name": "example"})


@pytest.mark.parametrize("admin_name", list(FACTORIES))
def test_published_item_opens_on_the_configured_host(staff_client, settings, admin_name):
    settings.SITE_URL = "https://www.s-cica.org"
    obj = FACTORIES[admin_name]()
    href = view_on_site_href(staff_client, admin_name, obj)
    assert href == f"https://www.s-cica.org{obj.get_absolute_url()}"


@pytest.mark.parametrize("admin_name", list(FACTORIES))
def test_without_configuration_the_link_stays_on_the_request_host(staff_client, admin_name):
    obj = FACTORIES[admin_name]()
    href = view_on_site_href(staff_client, admin_name, obj)
    # Relative: the browser resolves it on the host the admin was opened on.
    assert href == obj.get_absolute_url()
    assert "example.com" not in href
    assert staff_client.get(href, HTTP_HOST="localhost").status_code == 200


@pytest.mark.parametrize("admin_name", list(FACTORIES))
def test_a_draft_opens_as_a_preview_staff_can_see(staff_client, client, settings, admin_name):
    settings.SITE_URL = "https://www.s-cica.org"
    obj = FACTORIES[admin_name](publication_status=PublicationStatus.DRAFT)
    href = view_on_site_href(staff_client, admin_name, obj)
    # The preview is on the admin's own host, where the staff session is.
    assert href == obj.get_absolute_url()
    preview = staff_client.get(href)
    assert preview.status_code == 200
    assert "Preview" in preview.content.decode()
    assert preview["X-Robots-Tag"] == "noindex"
    staff_client.logout()
    assert client.get(href).status_code == 404


def test_about_page_opens_on_the_configured_host(staff_client, settings):
    from django.contrib.flatpages.models import FlatPage

    settings.SITE_URL = "https://www.s-cica.org"
    page = FlatPage.objects.create(url="/about/test/", title="Test", content="Text")
    page.sites.add(Site.objects.get_current())
    href = view_on_site_href(staff_client, "flatpages_flatpage", page)
    assert href == "https://www.s-cica.org/about/test/"


@pytest.mark.parametrize("value", ["www.s-cica.org", "ftp://x.org", "https://x.org/path"])
def test_a_site_url_that_is_not_an_origin_is_refused(settings, value):
    settings.SITE_URL = value
    errors = [e for e in checks.run_checks() if e.id == "cica_site.E002"]
    assert errors


def test_an_origin_passes_the_check(settings):
    settings.SITE_URL = "https://www.s-cica.org"
    assert not [e for e in checks.run_checks() if e.id == "cica_site.E002"]
