"""The language switch in a real browser: from the keyboard, on a filtered list."""

import re

import pytest

from plans.models import Dimension
from tests.browser.conftest import PHONE, screenshot, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOCUSED_HREFLANG = "() => document.activeElement && document.activeElement.hreflang"


def tab_to(page, hreflang, limit=60):
    """Press Tab until the switch's link to that language has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED_HREFLANG) == hreflang:
            return
    raise AssertionError(f"Tab never reached the link to {hreflang}")


def test_switching_language_on_a_filtered_plan_list_keeps_the_filters(
    demo, page, axe, screenshot_dir
):
    dimension = Dimension.objects.order_by("position").first()
    query = f"?dimension={dimension.slug}&sort=-title"
    page.goto(f"{demo}/plans/{query}")
    assert page.locator("html").get_attribute("lang") == "en"

    tab_to(page, "ru")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == f"{demo}/ru/plans/{query}"
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.locator("select[name=dimension]").input_value() == dimension.slug
    assert page.locator("input[name=sort]").input_value() == "-title"
    current = page.locator(".language-switch [aria-current]")
    assert current.inner_text() == "Русский" and current.get_attribute("lang") == "ru"
    assert serious_violations(axe, page) == []
    screenshot(page, screenshot_dir, "plans-filtered-ru")

    tab_to(page, "en")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == f"{demo}/plans/{query}"
    assert page.locator("select[name=dimension]").input_value() == dimension.slug


def test_the_switch_fits_a_phone_and_leads_to_the_same_plan(demo, new_context, screenshot_dir):
    page = new_context(PHONE).new_page()
    page.goto(f"{demo}/plans/?page=1")
    link = page.get_by_role("link", name="Русский")
    assert link.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    screenshot(page, screenshot_dir, "plans-switch-en")
    link.click()
    page.wait_for_url(re.compile(r"/ru/plans/\?page=1$"))
    screenshot(page, screenshot_dir, "plans-switch-ru")
