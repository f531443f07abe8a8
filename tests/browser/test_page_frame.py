"""The page frame as a desk browser draws it: no band below the footer on short pages."""

import pytest

from tests.browser.conftest import PHONE, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOOTER_GAP = """() => {
  const footer = document.querySelector("footer.site-footer").getBoundingClientRect();
  return {
    gap: window.innerHeight - footer.bottom,
    page: document.documentElement.scrollHeight,
    window: window.innerHeight,
  };
}"""


@pytest.mark.parametrize("path", ["/search/", "/search/?q=zzqx", "/no-such-page/"])
def test_the_footer_ends_at_the_bottom_of_the_window_on_a_short_page(
    demo, page, screenshot_dir, path
):
    page.goto(f"{demo}{path}")
    measured = page.evaluate(FOOTER_GAP)
    # A short page: it fits in the window, and the footer reaches its bottom edge.
    assert measured["page"] <= measured["window"], measured
    assert abs(measured["gap"]) < 1, measured
    screenshot(
        page, screenshot_dir, "short-page-" + path.strip("/").replace("/", "-").replace("?q=", "-")
    )


def test_a_long_page_keeps_its_footer_after_the_content(demo, page):
    page.goto(f"{demo}/members/")
    measured = page.evaluate(FOOTER_GAP)
    assert measured["page"] > measured["window"]
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    assert abs(page.evaluate(FOOTER_GAP)["gap"]) < 1


def test_secretariat_contact_at_both_widths(demo, new_context, screenshot_dir):
    for viewport in ({"width": 1280, "height": 900}, PHONE):
        tab = new_context(viewport).new_page()
        tab.goto(f"{demo}/about/secretariat/")
        assert tab.locator("section.secretariat-contact address").inner_text().strip() == (
            "Astana, Kazakhstan"
        )
        screenshot(tab, screenshot_dir, "about-secretariat")
