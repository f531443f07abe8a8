"""Hostile path segments: slugs with odd characters, huge years and months, traversal."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from .hostile import NUMBERS, RAW_BYTES, assert_sane_response, encode_segment, hostile_value

pytestmark = pytest.mark.django_db

# {} is the hostile segment; the valid slug shows the route is the one we think.
SLUG_ROUTES = {
    "/members/{}/": "hostland",
    "/plans/{}/": "small-business-plan",
    "/plans/{}/feed/atom/": "small-business-plan",
    "/plans/decisions/dimension/{}/feed/": "economic",
    "/plans/decisions/state/{}/feed/atom/": "hostland",
    "/events/{}/": "summit-ahead",
    "/events/{}.ics": "summit-ahead",
    "/publications/{}/": "news-0",
    "/publications/feed/{}/rss/": "news",
    "/publications/feed/{}/atom/": "speech",
    "/about/{}/": "secretariat",
    "/about/{}": "secretariat/",
    "/{}/": "members",
    "/static/{}": "css/site.css",
    "/admin/{}/": "members",
}

slug_like = st.from_regex(r"[-a-zA-Z0-9_]{1,80}", fullmatch=True)
segment = st.one_of(
    slug_like.map(lambda s: (s.encode(), None)),
    st.integers(min_value=300, max_value=12_000).map(lambda n: (b"a" * n, None)),
    st.sampled_from([b"..", b".", b"%2e%2e", b"..%2f..%2fsettings.py", b"~", b"-", b"_"]).map(
        lambda value: (value, None)
    ),
    st.sampled_from(RAW_BYTES).map(lambda value: (value, None)),
    hostile_value(),
)
number = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.integers(min_value=0, max_value=13).map(str),
    st.integers(min_value=1, max_value=3000).map(lambda n: f"{n:06d}"),
    st.sampled_from(NUMBERS),
)


def test_valid_segments_answer(small_site, client):
    for template, valid in SLUG_ROUTES.items():
        url = template.format(valid)
        expected = 302 if url.startswith("/admin/") else 200
        assert client.get(url).status_code == expected, url


@pytest.mark.parametrize("template", SLUG_ROUTES)
@given(value=segment)
def test_hostile_slugs(small_site, client, template, value):
    raw, forbidden = value
    url = template.format(encode_segment(raw))
    assert_sane_response(client.get(url), [forbidden], url)


@given(year=number, month=number)
def test_hostile_months(small_site, client, year, month):
    url = f"/events/{year}/{month}/"
    response = client.get(url)
    assert_sane_response(response, [], url)
    if not (year.isdigit() and month.isdigit()):
        assert response.status_code == 404


@pytest.mark.parametrize(
    ("year", "month"),
    [("0", "1"), ("1899", "12"), ("2200", "1"), ("2024", "0"), ("2024", "13"), ("9" * 5000, "1")],
)
def test_months_outside_the_calendar_are_not_found(small_site, client, year, month):
    assert client.get(f"/events/{year}/{month}/").status_code == 404


def test_calendar_edges_link_no_further(small_site, client):
    first = client.get("/events/1900/1/").content.decode()
    last = client.get("/events/2199/12/").content.decode()
    assert "/events/1899/12/" not in first
    assert "/events/2200/1/" not in last
