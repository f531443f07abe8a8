"""axe-core on the staff's main admin forms, with the repairs of templates/admin and
static/js/admin-a11y.js in place."""

import pytest

from plans.models import Plan
from publications.models import Publication, PublicationKind
from tests.browser.conftest import log_in, screenshot, serious_violations, staff_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SETTLED = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


def checked(page, axe, url):
    page.goto(url)
    page.wait_for_load_state("load")
    page.evaluate(SETTLED)  # widgets built on load are repaired on the next frame
    return serious_violations(axe, page)


def test_login_page(demo, page, axe, screenshot_dir):
    assert checked(page, axe, demo + "/admin/login/") == []
    assert page.get_by_role("heading", level=1).count() == 1
    screenshot(page, screenshot_dir, "admin-login")


def test_main_admin_forms(demo, page, axe, screenshot_dir):
    staff_user("chief", superuser=True)
    log_in(page, demo, "chief")
    publication = Publication.objects.get(kind=PublicationKind.INTERVIEW)
    plan = Plan.objects.get(slug="smes-action-plan-2016-2018")
    forms = {
        "admin-index": "/admin/",
        "admin-publication-add": "/admin/publications/publication/add/",
        "admin-publication-change": f"/admin/publications/publication/{publication.pk}/change/",
        "admin-plan-change": f"/admin/plans/plan/{plan.pk}/change/",
        "admin-plan-status": f"/admin/plans/plan/{plan.pk}/status/",
        "admin-participant-change": "/admin/members/participant/?q=Kazakhstan",
    }
    for name, path in forms.items():
        if name == "admin-participant-change":  # open it from the list, as staff do
            page.goto(demo + path)
            page.get_by_role("link", name="Kazakhstan", exact=True).click()
            path = page.url.removeprefix(demo)
        assert checked(page, axe, demo + path) == [], name
        screenshot(page, screenshot_dir, name)


def test_autocomplete_and_date_fields_are_named(demo, page):
    staff_user("chief", superuser=True)
    log_in(page, demo, "chief")
    page.goto(demo + "/admin/publications/publication/add/")
    page.wait_for_load_state("load")
    page.evaluate(SETTLED)
    # The related-states autocomplete is a combobox named by its field label.
    assert page.get_by_role("searchbox", name="Related states").count() == 1
    assert page.get_by_label("Date:").first.get_attribute("id") == "id_publish_at_0"
    assert page.get_by_label("Time:").first.get_attribute("id") == "id_publish_at_1"
