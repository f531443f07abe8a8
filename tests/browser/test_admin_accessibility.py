"""axe-core on the staff's main admin forms, with the repairs of templates/admin and
static/js/admin-a11y.js in place, in English and in Russian (/ru/admin/...): screenshots
``admin-<form>-<width>.png`` and ``admin-<form>-ru-<width>.png`` at 1280 and 375 px."""

import pytest

from members.models import Participant
from plans.models import Plan
from publications.models import Publication, PublicationKind
from tests.browser.conftest import (
    PHONE,
    horizontal_overflow,
    log_in,
    screenshot,
    serious_violations,
    staff_user,
)
from tests.browser.site_pages import LANGUAGES, in_language

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


@pytest.mark.parametrize("language", LANGUAGES)
def test_main_admin_forms(demo, page, new_context, axe, screenshot_dir, language):
    staff_user("chief", superuser=True)
    log_in(page, demo, "chief")
    phone = new_context(PHONE, storage_state=page.context.storage_state()).new_page()
    publication = Publication.objects.get(kind=PublicationKind.INTERVIEW)
    plan = Plan.objects.get(slug="smes-action-plan-2016-2018")
    forms = {
        "admin-index": "/admin/",
        "admin-plan-add": "/admin/plans/plan/add/",
        "admin-publication-add": "/admin/publications/publication/add/",
        "admin-publication-change": f"/admin/publications/publication/{publication.pk}/change/",
        "admin-plan-change": f"/admin/plans/plan/{plan.pk}/change/",
        "admin-plan-status": f"/admin/plans/plan/{plan.pk}/status/",
        "admin-participant-change": "/admin/members/participant/?q=Kazakhstan",
    }
    suffix = "" if language == "en" else f"-{language}"
    problems = []
    for name, path in forms.items():
        path = in_language(path, language)
        if name == "admin-participant-change":  # open it from the list, as staff do
            page.goto(demo + path)
            shown = (
                "Kazakhstan"
                if language == "en"
                else Participant.objects.get(slug="kazakhstan").name_ru
            )
            page.get_by_role("link", name=shown, exact=True).click()
            path = page.url.removeprefix(demo)
        problems += [f"{path}: {finding}" for finding in checked(page, axe, demo + path)]
        assert page.locator("html").get_attribute("lang") == language, path
        screenshot(page, screenshot_dir, name + suffix)
        # Staff on a phone: the admin may scroll its wide lists, but its forms must not
        # need sideways scrolling to be read.
        phone.goto(demo + path)
        phone.wait_for_load_state("load")
        screenshot(phone, screenshot_dir, name + suffix)
        if name != "admin-participant-change" and horizontal_overflow(phone) > 0:
            problems.append(f"{path}: wider than the screen at 375px")
    assert problems == [], "\n".join(problems)


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
