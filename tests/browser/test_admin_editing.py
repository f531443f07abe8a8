"""Editor traps in the plan form, in Chromium: the slug keeps a period's dash, and the
priority areas offered are those of the dimension chosen."""

import pytest

from plans.models import Dimension
from tests.browser.conftest import log_in, screenshot, staff_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def plan_form(demo, page):
    staff_user("chief", superuser=True)
    log_in(page, demo, "chief")
    page.goto(demo + "/admin/plans/plan/add/")
    page.wait_for_load_state("load")
    return page


@pytest.mark.parametrize("dash", ["\u2013", "-", "\u2014"])
def test_slug_from_a_title_keeps_the_period_dash(plan_form, dash):
    plan_form.locator("#id_title_en").press_sequentially(f"Action plan on energy 2027{dash}2029")
    assert plan_form.locator("#id_slug").input_value() == "action-plan-on-energy-2027-2029"


def test_priority_areas_offered_are_the_dimensions(plan_form, screenshot_dir):
    dimension = (
        Dimension.objects.filter(priority_areas__isnull=False).distinct().order_by("pk").last()
    )
    expected = sorted(dimension.priority_areas.values_list("name", flat=True))
    others = set(
        Dimension.objects.exclude(pk=dimension.pk).values_list("priority_areas__name", flat=True)
    ) - {None}
    assert others, "the demo data has areas in other dimensions"
    plan_form.locator("#id_dimension").select_option(str(dimension.pk))
    plan_form.locator(".field-priority_area .select2-selection").click()
    options = plan_form.locator(".select2-results__option:not(.loading-results)")
    options.first.wait_for()
    plan_form.wait_for_load_state("networkidle")
    offered = sorted(options.all_inner_texts())
    screenshot(plan_form, screenshot_dir, "admin-plan-priority-areas")
    assert offered == expected
    assert not others & set(offered)
