"""What a visitor does, clicked through in a real browser on the demo data."""

import datetime
import re

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.browser.site_pages import MEETING, PLAN, PUBLICATION

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PLAN_TITLE = "Action plan on the development of small and medium enterprises 2016–2018"
MEETING_TITLE = "Senior Officials Committee, 13 January 2016"


def test_from_home_to_a_plan_its_approving_meeting_and_the_calendar_file(demo, page):
    page.goto(demo + "/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Action plans").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Concept papers and action plans")

    page.get_by_label("Dimension").select_option(label="Economic dimension")
    page.get_by_label("Status:", exact=True).select_option(label="Approved by SOC")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"dimension=economic.*status=approved_soc"))
    # The SME concept paper and action plan, and the tourism, agriculture and transport
    # corridor papers of 2022.
    expect(page.get_by_role("status")).to_contain_text("5 plans found.")
    rows = page.locator("table.plan-table tbody tr")
    expect(rows).to_have_count(5)
    expect(rows.filter(has_text="Environmental")).to_have_count(0)

    page.get_by_role("link", name=PLAN_TITLE).click()
    page.wait_for_url(f"**{PLAN}")
    expect(page.get_by_role("heading", level=1)).to_have_text(PLAN_TITLE)
    history = page.locator("section[aria-labelledby=history-heading]")
    timeline = history.get_by_role("img", name="Time line of the status decisions")
    expect(timeline).to_be_visible()
    expect(history.locator("ol.plan-history > li")).to_have_count(2)
    expect(history.locator("ol.plan-history > li").first).to_contain_text("Date not known")

    history.get_by_role("link", name=MEETING_TITLE).click()
    page.wait_for_url(f"**{MEETING}")
    expect(page.get_by_role("heading", level=1)).to_have_text(MEETING_TITLE)
    decisions = page.locator("section[aria-labelledby=decisions-heading]")
    expect(decisions.get_by_role("link", name=PLAN_TITLE)).to_be_visible()

    add_to_calendar = page.get_by_role("link", name=re.compile("^Add to calendar"))
    with page.expect_download() as download_info:
        add_to_calendar.click()
    assert download_info.value.suggested_filename == "soc-smes-action-plan-2016-01-13.ics"
    response = page.request.get(demo + add_to_calendar.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"].startswith("text/calendar")
    [event] = Calendar.from_ical(response.body()).walk("VEVENT")
    assert str(event["SUMMARY"]) == MEETING_TITLE
    assert event.decoded("DTSTART") == datetime.date(2016, 1, 13)
    assert str(event["URL"]) == demo + MEETING


def test_search_for_a_word_and_open_the_result(demo, page):
    page.goto(demo + "/events/")
    page.get_by_role("searchbox", name="Search the site").fill("panacea")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=panacea")
    expect(page.get_by_role("status")).to_have_text("1 result for “panacea”.")
    page.get_by_role("link", name="Dulat Bakishev: CICA is not a panacea for all sores").click()
    page.wait_for_url(f"**{PUBLICATION}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("not a panacea")


def test_print_a_publication_without_navigation_and_with_the_text_intact(
    demo, page, screenshot_dir
):
    page.goto(demo + PUBLICATION)
    body_on_screen = page.locator(".publication__body").inner_text()
    # The Print button opens the browser's print dialog (replaced here by a counter).
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    page.get_by_role("button", name="Print").click()
    assert page.evaluate("window.printed") == 1

    page.emulate_media(media="print")
    for hidden in (
        "header.site-header",
        "nav.primary-nav",
        "nav.breadcrumbs",
        "footer.site-footer",
        ".header-search",
        "button.publication__print",
        "a.publication__back",
        "aside.related",
    ):
        expect(page.locator(hidden)).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Dulat Bakishev: CICA is not a panacea for all sores"
    )
    expect(page.locator(".publication__date")).to_have_text("Posted on: 3 March 2020")
    assert page.locator(".publication__body").inner_text() == body_on_screen
    assert len(body_on_screen) > 5000
    screenshot(page, screenshot_dir, "publication-print")
    page.emulate_media(media="screen")
    expect(page.locator("header.site-header")).to_be_visible()


def test_a_member_state_page(demo, page):
    page.goto(demo + "/members/")
    page.get_by_role("table").get_by_role("link", name="Kazakhstan").click()
    page.wait_for_url("**/members/kazakhstan/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kazakhstan")
    expect(page.locator(".eyebrow")).to_contain_text("Member state")
    facts = page.locator("dl.facts")
    expect(facts).to_contain_text("KZ")
    expect(facts).to_contain_text("Founding member")
    expect(page.get_by_role("heading", name="Status history")).to_be_visible()
    expect(page.get_by_role("heading", name="Chairmanship of CICA")).to_be_visible()
    expect(page.get_by_role("heading", name="Events hosted")).to_be_visible()


def test_month_calendar_goes_back_and_forth(demo, page, phone_page):
    page.goto(demo + MEETING)
    page.get_by_role("link", name="See the month's calendar").click()
    page.wait_for_url("**/events/2016/1/")
    calendar = page.locator("table.month-calendar")
    meeting_day = calendar.locator("td", has=page.locator('time[datetime="2016-01-13"]'))
    expect(meeting_day.get_by_role("link", name=MEETING_TITLE)).to_be_visible()

    page.get_by_role("link", name="Previous: December 2015").click()
    page.wait_for_url("**/events/2015/12/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Events in December 2015")
    page.get_by_role("link", name="Next: January 2016").click()
    page.wait_for_url("**/events/2016/1/")
    page.get_by_role("link", name="Next: February 2016").click()
    page.wait_for_url("**/events/2016/2/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Events in February 2016")
    expect(page.locator("table.month-calendar tbody a")).to_have_count(0)

    # A phone shows the grid with a mark on the busy day, and the events listed below it.
    phone_page.goto(demo + "/events/2016/1/")
    expect(phone_page.locator("table.month-calendar").get_by_role("link")).to_have_count(0)
    agenda = phone_page.locator("section.month-agenda")
    expect(agenda).to_contain_text("Wednesday 13 January")
    expect(agenda.get_by_role("link", name=MEETING_TITLE)).to_be_visible()
