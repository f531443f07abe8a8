import pytest
from django.core.management import call_command

from tests.browser.conftest import horizontal_overflow, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(live_server):
    call_command("load_demo", verbosity=0)
    return live_server.url


@pytest.mark.parametrize("path", ["/members/", "/members/kazakhstan/", "/"])
def test_member_pages_fit_and_pass_axe(demo, page, phone_page, axe, screenshot_dir, path):
    name = path.strip("/").replace("/", "-") or "home"
    for viewport, tab in (("1280", page), ("375", phone_page)):
        response = tab.goto(demo + path)
        assert response.status == 200
        tab.screenshot(path=str(screenshot_dir / f"{name}-{viewport}.png"), full_page=True)
        assert horizontal_overflow(tab) <= 0, f"{path} overflows at {viewport}px"
    assert serious_violations(axe, page) == []


def test_skip_link_is_first_tab_stop_and_moves_focus(demo, page):
    page.goto(demo + "/members/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    assert page.evaluate("getComputedStyle(document.activeElement).top") != "-64px", (
        "skip link must become visible when focused"
    )
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#content"


def test_sorting_member_table_by_year(demo, page):
    page.goto(demo + "/members/")
    page.get_by_role("link", name="Member since").click()
    page.wait_for_url("**sort=year**")
    first_state = page.locator("table.data-table tbody tr td a").first.inner_text()
    assert first_state == "Afghanistan"  # founding members ("by 2002") come first
    page.get_by_role("link", name="Member since").click()
    page.wait_for_url("**sort=-year**")
    assert page.locator("table.data-table tbody tr td a").first.inner_text() == "Kuwait"
