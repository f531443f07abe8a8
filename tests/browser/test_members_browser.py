import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sorting_member_table_by_year(demo, page):
    page.goto(demo + "/members/")
    page.get_by_role("link", name="Member since").click()
    page.wait_for_url("**sort=year**")
    first_state = page.locator("table.data-table tbody tr td a").first.inner_text()
    assert first_state == "Afghanistan"  # founding members come first
    page.get_by_role("link", name="Member since").click()
    page.wait_for_url("**sort=-year**")
    assert page.locator("table.data-table tbody tr td a").first.inner_text() == "Kuwait"
