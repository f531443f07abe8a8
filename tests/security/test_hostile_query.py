"""Hostile query strings on every public page, feed and export: never a 5xx, never raw markup."""

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from events.models import EventKind
from plans.filters import SORT_ORDERS as PLAN_SORTS
from plans.models import PlanKind, PlanStatus
from publications.models import PublicationKind

from .hostile import (
    MARKUP_PAYLOADS,
    assert_sane_response,
    catalogue,
    encode_query,
    hostile_value,
    query_pairs,
)

pytestmark = pytest.mark.django_db

THIS_YEAR = datetime.date.today().year
RECENT_YEARS = [str(year) for year in range(THIS_YEAR - 2, THIS_YEAR + 1)]
EVENT_FILTERS = {
    "kind": EventKind.values,
    "year": [str(THIS_YEAR), "2016", "2018"],
    "host": ["hostland"],
    "dimension": ["economic"],
    "page": ["1", "2", "last"],
}

# Every public URL with the query parameters it reads, and valid values for them.
PAGES = {
    "/": {},
    "/members/": {"sort": ["name", "-name", "year", "-year"]},
    "/members/hostland/": {},
    "/plans/": {
        "q": ["small", "trade"],
        "dimension": ["economic"],
        "priority_area": ["small-business"],
        "kind": PlanKind.values,
        "status": PlanStatus.values,
        "coordinator": ["hostland"],
        "year": ["2021", "2024"],
        "sort": list(PLAN_SORTS),
        "page": ["1", "2", "last"],
        "format": ["csv"],
    },
    "/plans/status/": {},
    "/plans/small-business-plan/": {},
    "/plans/small-business-plan/feed/": {},
    "/plans/decisions/feed/atom/": {},
    "/plans/decisions/dimension/economic/feed/": {},
    "/plans/decisions/state/hostland/feed/atom/": {},
    "/events/": EVENT_FILTERS,
    "/events/past/": EVENT_FILTERS,
    "/events/2016/3/": {},
    "/events/summit-ahead/": {},
    "/events/summit-ahead.ics": {},
    "/events/calendar.ics": {"kind": EventKind.values},
    "/events/feed/rss/": {},
    "/events/feed/atom/": {},
    "/publications/": {
        "kind": PublicationKind.values,
        "year": RECENT_YEARS,
        "page": ["1", "2", "last"],
    },
    "/publications/news-0/": {},
    "/publications/feed/rss/": {},
    "/publications/feed/atom/": {},
    "/publications/feed/speech/rss/": {},
    "/publications/feed/interview/atom/": {},
    "/search/": {"q": ["small business", "summit", "hostland"]},
    "/sitemap.xml": {"p": ["1", "2"]},
    "/robots.txt": {},
    "/about/": {},
    "/about/secretariat/": {},
    "/.well-known/security.txt": {},
}

# Headers a scraper or attacker controls, sent now and then with the hostile query.
hostile_headers = st.fixed_dictionaries(
    {},
    optional={
        "HTTP_ACCEPT_LANGUAGE": st.sampled_from(
            ["ru", "*", "xx-YY;q=2", "ru;q=abc,<b>", "a" * 500]
        ),
        "HTTP_IF_NONE_MATCH": st.sampled_from(['"abc"', "*", 'W/"x", <svg>', "\x00"]),
        "HTTP_IF_MODIFIED_SINCE": st.sampled_from(
            ["Thu, 01 Jan 1970 00:00:00 GMT", "yesterday", "Mon, 99 Foo 99999 99:99:99 GMT"]
        ),
        "HTTP_REFERER": st.sampled_from(["https://evil.example/", "javascript:alert(1)"]),
        "HTTP_X_FORWARDED_PROTO": st.sampled_from(["https", "gopher"]),
    },
)


def test_every_public_url_is_listed(small_site, client):
    """The table above is complete: every path answers normally with no query at all."""
    for path in PAGES:
        response = client.get(path)
        assert response.status_code == 200, path


FILTERED_PAGES = [path for path, params in PAGES.items() if params]
OTHER_PAGES = [path for path, params in PAGES.items() if not params]


def check_query(client, path, data):
    pairs = data.draw(query_pairs(PAGES[path]), label="query")
    headers = data.draw(hostile_headers, label="headers")
    url = f"{path}?{encode_query(pairs)}"
    response = client.get(url, **headers)
    assert_sane_response(response, [forbidden for _name, (_v, forbidden) in pairs], url)


@pytest.mark.parametrize("path", FILTERED_PAGES)
@given(data=st.data())
def test_hostile_query_strings_on_pages_with_parameters(small_site, client, path, data):
    check_query(client, path, data)


# Pages that read no parameter only need to show that stray ones change nothing.
@pytest.mark.parametrize("path", OTHER_PAGES)
@settings(max_examples=max(5, settings().max_examples // 4))
@given(data=st.data())
def test_hostile_query_strings_on_other_pages(small_site, client, path, data):
    check_query(client, path, data)


@pytest.mark.parametrize("path", FILTERED_PAGES)
def test_every_fixed_hostile_value_in_every_parameter(small_site, client, path):
    """The whole catalogue, deterministically, in every parameter at once and repeated
    around a valid value (Django reads the last one, django-filter may read the list)."""
    params = PAGES[path]
    for value, forbidden in catalogue():
        pairs = []
        for name, valid in params.items():
            hostile = (name, (value, forbidden))
            pairs += [hostile, (name, (valid[0].encode(), None)), hostile]
        url = f"{path}?{encode_query(pairs)}"
        assert_sane_response(client.get(url), [forbidden], url)


@given(value=hostile_value(), name=st.text(min_size=1, max_size=30))
def test_hostile_parameter_names(small_site, client, value, name):
    url = f"/plans/?{encode_query([(name, value)])}"
    assert_sane_response(client.get(url), [value[1]], url)


def test_markup_payloads_are_echoed_escaped_not_dropped(small_site, client):
    """The escaping check bites: the search page shows the query, escaped."""
    payload = MARKUP_PAYLOADS[0][0].format(m="zqechoed")
    response = client.get("/search/", {"q": payload})
    html = response.content.decode()
    assert "&lt;script&gt;zqechoed" in html
    assert "<script>zqechoed" not in html
