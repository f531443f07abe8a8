"""Keyboard use: the skip link, every control reachable with Tab, focus always visible."""

import pytest

from tests.browser.site_pages import MEETING, PLAN, PUBLICATION

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Marks every control a keyboard user must be able to reach; returns how many.
MARK_CONTROLS = """() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, '
    + '[tabindex]:not([tabindex="-1"])';
  // Inside a closed <details> only its summary can be reached until it is opened.
  const folded = (el) => {
    const details = el.closest("details:not([open])");
    return !!details && !(el.tagName === "SUMMARY" && el.parentElement === details);
  };
  const shown = (el) => el.getClientRects().length > 0
    && getComputedStyle(el).visibility !== "hidden" && !folded(el);
  const controls = [...document.querySelectorAll(selector)]
    .filter((el) => !el.disabled && shown(el));
  controls.forEach((el, index) => { el.dataset.tabWalk = index; });
  return controls.length;
}"""

FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  return {
    mark: el.dataset.tabWalk ?? null,
    what: `${el.tagName.toLowerCase()} "${(el.textContent || el.name || "").trim().slice(0, 40)}"`,
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
    ring: style.boxShadow !== "none",
  };
}"""


def walk_with_tab(page):
    """Tab through the whole page once; returns (controls marked, focus stops)."""
    count = page.evaluate(MARK_CONTROLS)
    stops = []
    for _ in range(count + 3):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None or (stops and focused["mark"] == stops[0]["mark"]):
            break  # back to the address bar or the top: one full round
        stops.append(focused)
    return count, stops


KEYBOARD_PAGES = [
    "/",
    "/plans/",
    PLAN,
    "/members/",
    "/events/2016/1/",
    MEETING,
    PUBLICATION,
    "/search/?q=cica",
]


def test_every_control_is_reached_by_tab_and_shows_focus(demo, page):
    for path in KEYBOARD_PAGES:
        page.goto(demo + path)
        count, stops = walk_with_tab(page)
        reached = {stop["mark"] for stop in stops}
        missed = {str(index) for index in range(count)} - reached
        assert count > 10, path
        assert not missed, f"{len(missed)} of {count} controls not reachable with Tab on {path}"
        invisible = [stop["what"] for stop in stops if not (stop["outline"] or stop["ring"])]
        assert invisible == [], f"focus not visible on {path}"
        assert stops[0]["what"] == 'a "Skip to main content"', path


def test_skip_link_is_first_tab_stop_shows_itself_and_moves_focus_to_the_content(demo, page):
    page.goto(demo + "/members/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to main content"
    box = skip.bounding_box()
    assert box["y"] >= 0 and box["height"] > 20, "the focused skip link must be on screen"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#content"
    assert page.evaluate("document.activeElement.id") == "content"
    # The next Tab continues inside the content, past the header and navigation.
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('main')")


def test_filters_work_from_the_keyboard(demo, page):
    page.goto(demo + "/plans/")
    page.get_by_label("Dimension").focus()
    page.keyboard.press("ArrowDown")  # the first dimension after "All dimensions"
    for _ in range(5):  # priority area, kind, status, coordinating state, year
        page.keyboard.press("Tab")
    page.keyboard.type("2017")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Apply filters"
    page.keyboard.press("Enter")
    page.wait_for_url("**year=2017**")
    assert "dimension=military-political" in page.url
    assert page.get_by_label("Dimension").input_value() == "military-political"
    assert page.get_by_label("Year").input_value() == "2017"


def test_the_folded_list_of_regions_opens_from_the_keyboard(demo, page):
    page.goto(demo + "/members/")
    summary = page.get_by_text("The regions as a list")
    summary.focus()
    page.keyboard.press("Enter")
    assert page.locator("details.region-details").get_attribute("open") is not None
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.region-list') !== null")
