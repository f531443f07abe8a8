"""What the Secretariat's staff do in the admin, in real browser sessions.

Each person is a separate browser context (their own cookies); visitors are a context
that never logged in.
"""

import re

import pytest
from playwright.sync_api import expect

from core.staff.roles import EDITOR, PUBLISHER
from plans.models import Plan
from publications.models import Publication, PublicationKind
from tests.browser.conftest import log_in, screenshot, staff_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Secretariat opens a public reading room"
SLUG = "secretariat-opens-a-public-reading-room"
STAFF_ZONE = {"timezone_id": "Asia/Almaty"}  # the Secretariat's own clock


def test_editor_drafts_previews_publisher_publishes_visitors_see_it(
    demo, new_context, screenshot_dir
):
    staff_user("editor", role=EDITOR)
    staff_user("publisher", role=PUBLISHER)
    editor = new_context(**STAFF_ZONE).new_page()
    log_in(editor, demo, "editor")

    editor.goto(demo + "/admin/publications/publication/add/")
    editor.get_by_label("Kind:").select_option(label="News")
    editor.get_by_label("Title [en]:").press_sequentially(TITLE)
    expect(editor.get_by_label("Slug:")).to_have_value(SLUG)  # filled in as the title is typed
    editor.get_by_label("Standfirst [en]:").fill("Documents of CICA are open to readers.")
    editor.get_by_label("Body (Markdown) [en]:").fill("The reading room opens on weekdays.")
    expect(editor.get_by_label("Publication status:")).to_have_count(0)  # editors cannot publish
    editor.get_by_role("button", name="Save and continue editing").click()
    expect(editor.locator("ul.messagelist")).to_contain_text("was added successfully")
    publication = Publication.objects.get(slug=SLUG)
    assert publication.publication_status == "draft"

    public_url = demo + publication.get_absolute_url()
    editor.goto(public_url)
    expect(editor.get_by_role("status")).to_have_text("Preview: not published")
    expect(editor.get_by_role("heading", level=1)).to_have_text(TITLE)
    assert editor.locator('meta[name="robots"]').get_attribute("content") == "noindex"
    screenshot(editor, screenshot_dir, "staff-preview")

    visitor = new_context().new_page()
    assert visitor.goto(public_url).status == 404

    publisher = new_context(**STAFF_ZONE).new_page()
    log_in(publisher, demo, "publisher")
    publisher.goto(demo + "/admin/publications/publication/?publication_status__exact=draft")
    publisher.get_by_role("link", name=TITLE).click()
    publisher.get_by_label("Publication status:").select_option(label="Published")
    publisher.get_by_role("button", name="Save", exact=True).click()
    expect(publisher.locator("ul.messagelist")).to_contain_text("was changed successfully")

    assert visitor.goto(public_url).status == 200
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(visitor.get_by_text("Preview: not published")).to_have_count(0)
    visitor.goto(demo + "/publications/")
    expect(visitor.get_by_role("link", name=TITLE)).to_be_visible()


def test_publisher_records_a_status_decision_that_appears_on_the_public_time_line(
    demo, new_context, screenshot_dir
):
    staff_user("publisher", role=PUBLISHER)
    plan = Plan.objects.get(slug="smes-action-plan-2016-2018")
    publisher = new_context(**STAFF_ZONE).new_page()
    log_in(publisher, demo, "publisher")
    publisher.goto(f"{demo}/admin/plans/plan/{plan.pk}/change/")
    publisher.get_by_role("link", name="Record: In implementation").click()
    publisher.wait_for_url(re.compile(r"/status/\?to=in_implementation$"))
    expect(publisher.get_by_label("New status:")).to_have_value("in_implementation")
    publisher.get_by_label("Decided on:").fill("2016-06-01")
    publisher.get_by_label("Date known to:").select_option(label="month only")
    publisher.get_by_label("Deciding body:").select_option(label="Senior Officials Committee")
    publisher.get_by_label("Note:").fill("Recorded in a browser test.")
    screenshot(publisher, screenshot_dir, "staff-record-decision")
    publisher.get_by_role("button", name="Record the decision").click()
    expect(publisher.locator("ul.messagelist")).to_contain_text(
        "Recorded: Approved by SOC → In implementation."
    )

    visitor = new_context().new_page()
    visitor.goto(demo + plan.get_absolute_url())
    expect(visitor.locator(".plan__status .badge")).to_have_text("In implementation")
    steps = visitor.locator("ol.plan-history > li")
    expect(steps).to_have_count(3)
    expect(steps.last).to_contain_text("June 2016")
    expect(steps.last).to_contain_text("In implementation")
    expect(steps.last).to_contain_text("Recorded in a browser test.")
    timeline = visitor.get_by_role("img", name="Time line of the status decisions")
    expect(timeline.locator("text.timeline-chart__label").last).to_have_text(
        "In implementation: June 2016"
    )
    screenshot(visitor, screenshot_dir, "plan-after-decision")


def test_second_of_two_concurrent_saves_is_refused_and_keeps_its_input(demo, new_context):
    staff_user("amina", role=PUBLISHER)
    staff_user("boris", role=PUBLISHER)
    # The demo interview, published.
    publication = Publication.objects.get(kind=PublicationKind.INTERVIEW)
    change_url = f"{demo}/admin/publications/publication/{publication.pk}/change/"
    amina = new_context(**STAFF_ZONE).new_page()
    boris = new_context(**STAFF_ZONE).new_page()
    log_in(amina, demo, "amina")
    log_in(boris, demo, "boris")
    amina.goto(change_url)
    boris.goto(change_url)  # both have the same version open

    amina.get_by_label("Standfirst [en]:").fill("Standfirst written by Amina.")
    amina.get_by_role("button", name="Save and continue editing").click()
    expect(amina.locator("ul.messagelist")).to_contain_text("was changed successfully")

    boris.get_by_label("Standfirst [en]:").fill("Standfirst written by Boris.")
    boris.get_by_role("button", name="Save and continue editing").click()
    expect(boris.locator(".errornote").first).to_be_visible()
    expect(boris.locator("#content")).to_contain_text(
        re.compile(r"amina changed this item on .+, after you opened it")
    )
    expect(boris.get_by_label("Standfirst [en]:")).to_have_value("Standfirst written by Boris.")
    publication.refresh_from_db()
    assert publication.standfirst == "Standfirst written by Amina."

    # Having seen the conflict, saving again is a deliberate choice and goes through.
    boris.get_by_role("button", name="Save and continue editing").click()
    expect(boris.locator("ul.messagelist")).to_contain_text("was changed successfully")
    publication.refresh_from_db()
    assert publication.standfirst == "Standfirst written by Boris."
