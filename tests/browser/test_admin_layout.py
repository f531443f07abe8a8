"""The admin at 1280 px: nothing staff need is pushed off the screen, squeezed or covered.

Measured in Chromium on the demo data, with a screenshot of each page to look at.
"""

import pytest

from plans.models import Plan
from tests.browser.conftest import log_in, screenshot, staff_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTH = 1280


def box(locator):
    found = locator.bounding_box()
    assert found, "not drawn"
    return found


def overlap(a, b):
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


@pytest.fixture
def chief(demo, page):
    staff_user("chief", superuser=True)
    log_in(page, demo, "chief")
    return page


def test_admin_home_headers_read_across(demo, chief, screenshot_dir):
    chief.goto(demo + "/admin/")
    screenshot(chief, screenshot_dir, "admin-home")
    # The dashboard's "Plans" column header reads across too.
    header = box(chief.locator("#staff-dashboard th", has_text="Plans").first)
    assert header["width"] > header["height"]
    assert "CICA Secretariat" in chief.title()
    assert chief.locator("#site-name").inner_text().strip() == "CICA Secretariat"
    caption = box(chief.locator("#content-main .app-plans caption").first)
    # "PLANS" on one line, not one letter per line.
    line_height = chief.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.app-plans caption')).lineHeight)"
        " || 20"
    )
    assert caption["width"] >= 150
    assert caption["height"] <= 2.5 * line_height


def test_plan_changelist_shows_every_column(demo, chief, screenshot_dir):
    chief.goto(demo + "/admin/plans/plan/")
    screenshot(chief, screenshot_dir, "admin-plan-changelist")
    # The table scrolls inside its box: a column past the box's edge is out of sight.
    visible = box(chief.locator("#changelist .results"))
    for column in ("status_label", "period_label", "publication_status"):
        header = box(chief.locator(f"#result_list th.column-{column}"))
        right = header["x"] + header["width"]
        assert right <= min(WIDTH, visible["x"] + visible["width"]) + 0.5, column
    assert chief.evaluate("document.documentElement.scrollWidth") <= WIDTH


def test_plan_form_keeps_long_titles_and_the_status_readable(demo, chief, screenshot_dir):
    plan = max(Plan.objects.all(), key=lambda plan: len(plan.title))
    chief.goto(f"{demo}/admin/plans/plan/{plan.pk}/change/")
    screenshot(chief, screenshot_dir, "admin-plan-change")
    title = chief.locator("#id_title_en")
    # The whole title is in view: the field is as wide as its text.
    assert title.evaluate("input => input.scrollWidth <= input.clientWidth"), plan.title
    area = chief.locator(".field-priority_area .select2-selection__rendered")
    assert area.evaluate("span => span.scrollWidth <= span.clientWidth"), plan.priority_area
    label = box(chief.locator(".field-status_summary label").first)
    decision = box(chief.locator(".field-status_summary .readonly strong").first)
    buttons = chief.locator(".field-status_summary a.button").all()
    assert buttons
    for button in buttons:
        assert not overlap(label, box(button))
        assert not overlap(decision, box(button))
    assert not overlap(label, decision)


def test_time_zone_note_only_beside_date_and_time(demo, new_context, screenshot_dir):
    staff_user("chief", superuser=True)
    # A browser five hours behind the site's Almaty time.
    page = new_context(timezone_id="Europe/London").new_page()
    log_in(page, demo, "chief")
    page.goto(demo + "/admin/events/event/add/")
    page.wait_for_load_state("load")
    publish_at_note = page.locator(".field-publish_at .timezonewarning")
    assert publish_at_note.is_visible()
    assert "behind server time" in publish_at_note.inner_text()
    date_notes = page.locator(".field-start_date .timezonewarning")
    assert date_notes.count() == 0 or not date_notes.first.is_visible()
    screenshot(page, screenshot_dir, "admin-event-add-time-zone")
