"""A plan's Markdown body on its public page, at 1280 and 375 px: formatted, not shown
as syntax, and no wider than the screen."""

import pytest

from tests.browser.conftest import DESKTOP, PHONE, horizontal_overflow, screenshot
from tests.factories import PlanFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY = """## Objectives

The plan **strengthens** cooperation between the member states:

1. exchange of experience in a long list of fields such as disaster risk reduction;
2. joint training.

See [the CICA site](https://www.s-cica.org/) for the adopted text.

> Adopted by the Senior Officials Committee.
"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
def test_plan_body_reads_as_formatted_text(live_server, new_context, screenshot_dir, viewport):
    plan = PlanFactory(title="Action plan on formatting 2027–2029", body=BODY)
    page = new_context(viewport).new_page()
    page.goto(live_server.url + plan.get_absolute_url())
    body = page.locator(".plan__body")
    assert body.get_by_role("heading", name="Objectives").is_visible()
    assert body.locator("ol > li").count() == 2
    assert body.locator("strong", has_text="strengthens").is_visible()
    assert body.get_by_role("link", name="the CICA site").is_visible()
    assert "##" not in body.inner_text() and "**" not in body.inner_text()
    assert horizontal_overflow(page) <= 0
    screenshot(page, screenshot_dir, "plan-markdown-body")
