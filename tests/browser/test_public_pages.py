"""Every public page type, as a desk and a phone browser show it.

Each page at 1280 and 375 px: a screenshot in the screenshot folder, no horizontal
overflow on either width, no serious or critical axe-core finding, and the structure
screen reader users rely on (one h1, labelled controls, table headers, named pictures).
"""

import pytest

from tests.browser.conftest import horizontal_overflow, screenshot, serious_violations
from tests.browser.site_pages import PUBLIC_PAGES, SECTIONS, pages_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Problems axe-core does not report as serious, or checks more leniently than we want.
STRUCTURE_PROBLEMS = """() => {
  const problems = [];
  const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
  const h1s = document.querySelectorAll("h1");
  if (h1s.length !== 1) problems.push(`${h1s.length} h1 elements`);
  if (document.querySelectorAll("main").length !== 1) problems.push("not exactly one <main>");
  document.querySelectorAll("nav").forEach((nav) => {
    if (!nav.getAttribute("aria-label") && !nav.getAttribute("aria-labelledby"))
      problems.push("a <nav> without a name");
  });
  document.querySelectorAll("input, select, textarea").forEach((field) => {
    if (["hidden", "submit", "button"].includes(field.type) || !visible(field)) return;
    const named = field.labels.length || field.getAttribute("aria-label")
      || field.getAttribute("aria-labelledby");
    if (!named) problems.push(`unlabelled ${field.tagName.toLowerCase()} ${field.name}`);
  });
  document.querySelectorAll("table").forEach((table, index) => {
    const headers = table.querySelectorAll("th");
    if (!headers.length) problems.push(`table ${index} has no header cells`);
    headers.forEach((th) => {
      if (!th.closest("thead") && !th.getAttribute("scope"))
        problems.push(`table ${index}: a body header without scope: ${th.textContent.trim()}`);
    });
  });
  document.querySelectorAll("svg[role=img]").forEach((svg, index) => {
    const title = svg.querySelector(":scope > title");
    if (!title || !title.textContent.trim()) problems.push(`picture ${index} has no <title>`);
    // A description, a caption, or visible text next to the picture (a progress figure).
    const nextToIt = svg.parentElement.textContent.replace(svg.textContent, "").trim();
    const described = svg.querySelector(":scope > desc")?.textContent.trim()
      || svg.closest("figure")?.querySelector("figcaption") || nextToIt;
    if (!described) problems.push(`picture ${index} has no text alternative`);
  });
  document.querySelectorAll("img").forEach((img) => {
    if (!img.hasAttribute("alt")) problems.push(`img without alt: ${img.src}`);
  });
  return problems;
}"""


def test_every_page_type_is_in_a_section():
    assert sorted(name for names in SECTIONS.values() for name in names) == sorted(
        name for name, _, _ in PUBLIC_PAGES
    )


@pytest.mark.parametrize("section", SECTIONS)
def test_pages_fit_both_widths_and_pass_accessibility_checks(
    demo, page, phone_page, axe, screenshot_dir, section
):
    for name, path, status in pages_of(section):
        for tab in (page, phone_page):
            width = tab.viewport_size["width"]
            response = tab.goto(demo + path)
            assert response.status == status, path
            screenshot(tab, screenshot_dir, name)
            assert horizontal_overflow(tab) <= 0, f"{path} is wider than the screen at {width}px"
            assert serious_violations(axe, tab) == [], f"{path} at {width}px"
            assert tab.evaluate(STRUCTURE_PROBLEMS) == [], f"{path} at {width}px"
