"""Every public page type, as a desk and a phone browser show it, in English and Russian.

Each page at 1280 and 375 px, at its English address and at its Russian one (/ru/...):
a screenshot in the screenshot folder (``<page>-<width>.png``, ``<page>-ru-<width>.png``),
no horizontal overflow on either width, no serious or critical axe-core finding, and the
structure screen reader users rely on (one h1, labelled controls, table headers, named
pictures). A Russian page marks every English part it shows with lang="en".
"""

import pytest

from tests.browser.conftest import horizontal_overflow, screenshot, serious_violations
from tests.browser.site_pages import LANGUAGES, PUBLIC_PAGES, SECTIONS, pages_of

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


# Visible text in Latin letters on a Russian page that no element marks as English.
# Names that read the same in both languages (CICA, file formats, ISO codes), addresses
# (e-mail, web, a query string) and what the visitor typed are not words of a language.
UNMARKED_ENGLISH = r"""() => {
  const sameInBothLanguages =
    /^(CICA|ISO|RSS|Atom|iCalendar|CSV|PDF|DOCX|API|JSON|CORS|OpenAPI|[A-Z]{2})$/;
  const typed = [...document.querySelectorAll("input[name=q]")].map((i) => i.value).find(Boolean);
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!element || element.closest("script, style, code, [lang^=en]")) continue;
    if (!element.getClientRects().length) continue;  // not shown
    const addresses = /\S+@\S+|https?:\/\/\S+|\?\w+=\S*|\S+\.(ics|xml|csv)\b/g;
    let text = node.textContent.replace(addresses, "");
    if (typed) text = text.split(typed).join("");
    const words = (text.match(/[A-Za-z][A-Za-z'’-]+/g) || []).filter(
      (word) => !sameInBothLanguages.test(word)
    );
    if (words.length) found.push(node.textContent.trim().slice(0, 80));
  }
  return [...new Set(found)];
}"""


# Text that sticks out of the page's content column (into the margin, or beyond the
# screen where the page hides it): a long Russian word in a narrow grid column. Tables
# that scroll sideways on purpose are left out.
TEXT_OUTSIDE_THE_COLUMN = r"""() => {
  const main = document.querySelector("main");
  const outer = main.getBoundingClientRect();
  const style = getComputedStyle(main);
  const column = {
    left: outer.left + parseFloat(style.paddingLeft),
    right: outer.right - parseFloat(style.paddingRight),
  };
  const found = [];
  for (const element of document.querySelectorAll("main *")) {
    if (element.closest(".table-scroll, svg, .visually-hidden")) continue;
    const ownText = [...element.childNodes].some(
      (node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim()
    );
    if (!ownText) continue;
    const range = document.createRange();
    range.selectNodeContents(element);
    const box = range.getBoundingClientRect();
    if (box.width && (box.right > column.right + 1 || box.left < column.left - 1))
      found.push(`${element.tagName.toLowerCase()} "${element.textContent.trim().slice(0, 40)}"`);
  }
  return found;
}"""


def test_every_page_type_is_in_a_section():
    assert sorted(name for names in SECTIONS.values() for name in names) == sorted(
        name for name, _, _ in PUBLIC_PAGES
    )


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("section", SECTIONS)
def test_pages_fit_both_widths_and_pass_accessibility_checks(
    demo, page, phone_page, axe, screenshot_dir, section, language
):
    problems = []  # every page's findings at once, rather than the first one only
    for name, path, status in pages_of(section, language):
        for tab in (page, phone_page):
            where = f"{path} at {tab.viewport_size['width']}px"
            response = tab.goto(demo + path)
            assert response.status == status, path
            screenshot(tab, screenshot_dir, name)
            if horizontal_overflow(tab) > 0:
                problems.append(f"{where}: wider than the screen")
            problems += [
                f"{where}: outside the content column: {text}"
                for text in tab.evaluate(TEXT_OUTSIDE_THE_COLUMN)
            ]
            problems += [f"{where}: {finding}" for finding in serious_violations(axe, tab)]
            problems += [f"{where}: {finding}" for finding in tab.evaluate(STRUCTURE_PROBLEMS)]
            if tab.locator("html").get_attribute("lang") != language:
                problems.append(f"{where}: <html lang> is not {language}")
            if language != "en":
                problems += [
                    f"{where}: English not marked lang=en: {text}"
                    for text in tab.evaluate(UNMARKED_ENGLISH)
                ]
    assert problems == [], "\n".join(problems)
