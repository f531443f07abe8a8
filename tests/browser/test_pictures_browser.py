"""The pictures as a browser draws them: the right size for the screen, legible text,
and a screenshot of each in the screenshot folder (picture-<name>-<width>.png)."""

import datetime

import pytest
from playwright.sync_api import expect

from core.partial_dates import DatePrecision
from plans.models import MeasureStatus, PlanStatus
from plans.workflow import record_status_change
from tests.browser.site_pages import PLAN
from tests.factories import MeasureFactory, PlanFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# (name, page, CSS selector of the picture)
PICTURES = [
    ("membership-growth", "/members/", "#growth-heading ~ figure svg"),
    ("regions", "/members/", "svg.region-chart"),
    ("status-board", "/plans/status/", "figure.status-chart svg"),
    ("plan-timeline", PLAN, "svg.timeline-chart"),
]

SMALLEST_TEXT = """(svg) => Math.min(...[...svg.querySelectorAll("text")]
  .map((text) => text.getBoundingClientRect().height).filter((height) => height > 0))"""


def visible_pictures(page, selector):
    return [svg for svg in page.locator(selector).all() if svg.is_visible()]


def test_one_drawing_per_screen_size_with_legible_text(demo, page, phone_page, screenshot_dir):
    for name, path, selector in PICTURES:
        for tab, variant in ((page, "wide"), (phone_page, "narrow")):
            width = tab.viewport_size["width"]
            tab.goto(demo + path)
            # The other size is display: none, so hidden from screen readers too.
            [svg] = visible_pictures(tab, selector)
            assert f"picture--{variant}" in svg.get_attribute("class"), (name, width)
            assert svg.get_attribute("role") == "img"
            assert svg.evaluate("(svg) => svg.querySelector(':scope > title').textContent.trim()")
            box = svg.bounding_box()
            assert width * 0.5 < box["width"] <= width, (name, width)
            assert svg.evaluate(SMALLEST_TEXT) >= 10, f"text too small in {name} at {width}px"
            svg.screenshot(path=str(screenshot_dir / f"picture-{name}-{width}.png"))


def test_progress_bars_in_the_plan_list_and_on_the_plan_page(demo, page, screenshot_dir):
    plan = PlanFactory(title="Action plan with measures", start_year=2024, end_year=2026)
    record_status_change(plan, PlanStatus.AGREED_BY_SWG, None)
    record_status_change(plan, PlanStatus.APPROVED_BY_SOC, datetime.date(2024, 3, 1))
    record_status_change(
        plan, PlanStatus.IN_IMPLEMENTATION, datetime.date(2024, 1, 1), precision=DatePrecision.YEAR
    )
    for status in [MeasureStatus.DONE] * 3 + [MeasureStatus.PLANNED, MeasureStatus.CANCELLED]:
        MeasureFactory(plan=plan, status=status)

    page.goto(demo + "/plans/")
    row = page.locator("table.plan-table tbody tr", has_text="Action plan with measures")
    bar = row.get_by_role("img", name="75% of measures done")
    expect(bar).to_be_visible()
    expect(row).to_contain_text("75% (3 of 4)")
    track, done = bar.locator("rect").all()
    assert done.bounding_box()["width"] == pytest.approx(
        0.75 * track.bounding_box()["width"], abs=1
    )
    row.screenshot(path=str(screenshot_dir / "picture-progress-list-row-1280.png"))

    row.get_by_role("link", name="Action plan with measures").click()
    figure = page.locator("figure.plan-progress")
    expect(figure.get_by_role("img", name="75% of measures done")).to_be_visible()
    expect(figure).to_contain_text("3 of 4 measures done (1 cancelled measure not counted)")
    figure.screenshot(path=str(screenshot_dir / "picture-progress-plan-1280.png"))

    # The time line: a dashed range for the undated step, a bar for the year-only one.
    timeline = page.get_by_role("img", name="Time line of the status decisions")
    expect(timeline.locator(".timeline-chart__step--unknown line")).to_have_count(1)
    expect(timeline.locator(".timeline-chart__step--span rect")).to_have_count(1)
    expect(timeline.locator(".timeline-chart__step--point circle")).to_have_count(1)
    expect(timeline.locator(".timeline-chart__step--unknown text")).to_have_text(
        "Agreed by SWG: date unknown"
    )
    timeline.screenshot(path=str(screenshot_dir / "picture-plan-timeline-three-steps-1280.png"))
