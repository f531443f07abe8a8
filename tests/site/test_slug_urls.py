import pytest
from django.test import override_settings
from django.urls import NoReverseMatch, reverse, set_script_prefix

from core.slug_urls import slug_url, slug_url_function

VIEWS = [
    "members:detail",
    "plans:detail",
    "events:detail",
    "events:detail_ics",
    "publications:detail",
]


@pytest.mark.parametrize("viewname", VIEWS)
@pytest.mark.parametrize("slug", ["kazakhstan", "third-cica-summit", "a_b-2030", "2030"])
def test_slug_url_equals_reverse(viewname, slug):
    assert slug_url(viewname, slug) == reverse(viewname, kwargs={"slug": slug})
    assert slug_url_function(viewname)(slug) == reverse(viewname, kwargs={"slug": slug})


@pytest.mark.parametrize("slug", ["ünïcode", "a b/c", ""])
def test_a_slug_the_url_pattern_refuses_is_refused_as_by_reverse(slug):
    with pytest.raises(NoReverseMatch):
        reverse("events:detail", kwargs={"slug": slug})
    with pytest.raises(NoReverseMatch):
        slug_url("events:detail", slug)
    with pytest.raises(NoReverseMatch):
        slug_url_function("events:detail")(slug)


def test_slug_url_follows_the_script_prefix():
    before = slug_url("events:detail", "summit")
    try:
        set_script_prefix("/cica/")
        assert slug_url("events:detail", "summit") == "/cica" + before
        assert slug_url_function("events:detail")("summit") == "/cica" + before
        assert slug_url("events:detail", "summit") == reverse("events:detail", args=["summit"])
    finally:
        set_script_prefix("/")
    assert slug_url("events:detail", "summit") == before


def test_slug_url_follows_a_changed_urlconf():
    slug_url("events:detail", "summit")  # fills the cache with the real URLconf
    with override_settings(ROOT_URLCONF="tests.site.urls_moved_events"):
        assert slug_url("events:detail", "summit") == "/moved/summit/"
    assert slug_url("events:detail", "summit") == reverse("events:detail", args=["summit"])
