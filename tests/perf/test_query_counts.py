"""Every public page and every admin page runs the same number of queries at two sizes.

The data comes from bench/scale (the same generator as the benchmark) at a small and a
five times larger size, around hand-made probe objects (tests/perf/probes.py) that the
detail pages and change forms show. Each page is requested at both sizes and must not
run more queries at the larger one. (It may run fewer: Django skips a nested prefetch
when the rows of a page have nothing to prefetch, e.g. a page of plans that all cover a
whole dimension has no priority areas to read roles for.) Change forms must not offer
a select list that grows with the data (autocomplete widgets instead).

The apps' own tests bound the same pages with hand-made data; this module covers every
page type in one place, with data shaped like the real archive.
"""

import datetime
import re

import pytest
from django.contrib import admin
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from bench import scale
from core import page_cache

from . import probes

# The marker makes pytest-django create the test database; the data itself is made once
# for the module by the "measured" fixture.
pytestmark = pytest.mark.django_db

SMALL = scale.Counts(states=4, plans=30, status_changes=80, measures=40, events=80, publications=30)
LARGE = scale.Counts(
    states=12, plans=150, status_changes=450, measures=300, events=400, publications=150
)


def public_pages(probe):
    event, plan, state = probe["event"], probe["plan"], probe["state"]
    dimension = probe["dimension"]
    year, month = event.start_date.year, event.start_date.month
    posted = probe["publication"].posted_on
    return {
        "home": "/",
        "member list": "/members/",
        "member detail": state.get_absolute_url(),
        "plan list": "/plans/",
        "plan list page 2": "/plans/?page=2",
        "plan list filtered": f"/plans/?dimension={probe['dimension'].slug}&status=approved_soc",
        "plan list text": "/plans/?q=water",
        "plan list by title": "/plans/?sort=-title",
        "plan list by decision": "/plans/?sort=-decided",
        "plan list by period": "/plans/?sort=period",
        "plan csv": "/plans/?format=csv",
        "plan csv filtered": f"/plans/?status=completed&coordinator={state.slug}&format=csv",
        "plan detail": plan.get_absolute_url(),
        "status board": reverse("plans:status_board"),
        "decisions rss": "/plans/decisions/feed/",
        "decisions atom": "/plans/decisions/feed/atom/",
        "decisions of a dimension rss": f"/plans/decisions/dimension/{dimension.slug}/feed/",
        "decisions of a state atom": f"/plans/decisions/state/{state.slug}/feed/atom/",
        "decisions of a plan rss": f"{plan.get_absolute_url()}feed/",
        "decisions of a plan atom": f"{plan.get_absolute_url()}feed/atom/",
        "event list": "/events/",
        "event list filtered": f"/events/?kind=soc&year={year + 1}",
        "past events": "/events/past/",
        "past events by host": f"/events/past/?host={state.slug}&dimension=probe-dimension",
        "event detail": event.get_absolute_url(),
        "calendar month": f"/events/{year}/{month}/",
        "event ics": event.get_ics_url(),
        "calendar ics": "/events/calendar.ics",
        # The probe event's year: a year with events at both sizes (an empty one reads no rows).
        "calendar ics of a year": f"/events/calendar.ics?year={year}",
        "calendar ics by kind": "/events/calendar.ics?kind=soc&kind=summit",
        "events rss": "/events/feed/rss/",
        "events atom": "/events/feed/atom/",
        "publication list": "/publications/",
        "publication list filtered": f"/publications/?kind=news&year={posted.year}",
        "publication detail": probe["publication"].get_absolute_url(),
        "publications rss": "/publications/feed/rss/",
        "publications atom": "/publications/feed/atom/",
        "publications of a kind rss": "/publications/feed/news/rss/",
        "search": "/search/?q=water+security",
        "search without hits": "/search/?q=zzyzx",
        "sitemap index": "/sitemap.xml",
        **{f"sitemap {name}": f"/sitemap-{name}.xml" for name in SITEMAP_SECTIONS},
        "about": "/about/",
        "about subpage": "/about/structure/",
        "robots.txt": "/robots.txt",
        **api_pages(probe),
    }


def api_pages(probe):
    """The API's lists (the largest page allowed) and the probes' own addresses."""
    return {
        "api states": "/api/v1/states/?page_size=100",
        "api state": f"/api/v1/states/{probe['state'].slug}/",
        "api dimensions": "/api/v1/dimensions/",
        "api priority areas": "/api/v1/priority-areas/?page_size=100",
        "api plans": "/api/v1/plans/?page_size=100",
        "api plans filtered": f"/api/v1/plans/?coordinator={probe['state'].slug}&sort=-decided",
        "api plan": f"/api/v1/plans/{probe['plan'].slug}/",
        "api decisions": "/api/v1/decisions/?page_size=100",
        "api decisions since": "/api/v1/decisions/?decided_after=2020-01-01&page_size=100",
        "api events": "/api/v1/events/?page_size=100",
        "api events upcoming": "/api/v1/events/?when=upcoming&page_size=100",
        "api event": f"/api/v1/events/{probe['event'].slug}/",
        "api publications": "/api/v1/publications/?page_size=100",
        "api publication": f"/api/v1/publications/{probe['publication'].slug}/",
    }


SITEMAP_SECTIONS = ["pages", "about", "members", "plans", "events", "publications"]
# One file for both languages at the root: no Russian twin.
ROOT_FILES = ("/robots.txt", "/sitemap")


def russian_pages(pages):
    """The same pages under /ru/ (issue 21): they must run the English pages' queries."""
    return {
        f"{name} in Russian": f"/ru{path}"
        for name, path in pages.items()
        if not path.startswith(ROOT_FILES)
    }


# Registered admin models, known at collection time; the change form shows a probe
# where there is one, otherwise the first object.
ADMIN_MODELS = sorted(model._meta.label for model in admin.site._registry)
PROBE_FOR = {
    "members.Participant": "state",
    "plans.Dimension": "dimension",
    "plans.PriorityArea": "area",
    "plans.Plan": "plan",
    "events.Event": "event",
    "publications.Publication": "publication",
}
# A filtered and searched changelist for the big tables.
ADMIN_QUERIES = {
    "plans.Plan": "?status__exact=approved_soc&q=water",
    "plans.StatusChange": "?to_status__exact=completed",
    "events.Event": "?kind__exact=soc&q=water",
    "publications.Publication": "?kind__exact=news&q=water",
}


def admin_pages(probe):
    pages = {"admin home": reverse("admin:index")}
    for label, model in ((m._meta.label, m) for m in admin.site._registry):
        opts = model._meta
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        pages[f"{label} changelist"] = changelist
        if label in ADMIN_QUERIES:
            pages[f"{label} changelist filtered"] = changelist + ADMIN_QUERIES[label]
        if label == "plans.StatusChange":
            obj = probe["plan"].status_changes.order_by("step").first()
        elif label in PROBE_FOR:
            obj = probe[PROBE_FOR[label]]
        else:
            obj = model._default_manager.order_by("pk").first()
        if obj is not None:
            pages[f"{label} change"] = reverse(
                f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]
            )
    pages["plans.Plan record decision"] = reverse(
        "admin:plans_plan_record_decision", args=[probe["plan"].pk]
    )
    return pages


SELECT = re.compile(r"<select\b.*?</select>", re.S)


def largest_select(html):
    return max((block.count("<option") for block in SELECT.findall(html)), default=0)


def measure(pages, client):
    results = {}
    for name, path in pages.items():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
            body = b"".join(response) if response.streaming else response.content
        results[name] = {
            "status": response.status_code,
            "queries": len(captured),
            "largest select": largest_select(body.decode("utf-8", "replace")),
        }
    return results


@pytest.fixture(scope="module")
def measured(django_db_setup, django_db_blocker):
    """{size: {page: result}}, all inside one transaction that is rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        probe = probes.build()
        staff = Client()
        staff.force_login(probe["staff"])
        results = {}
        for size, counts in (("warm-up", SMALL), ("small", SMALL), ("large", LARGE)):
            # The warm-up fills per-process caches (content types, the Site row) that
            # would otherwise count as queries of the first page to need them.
            scale.reset()
            scale.seed(counts, log=lambda *args: None)
            # The first request after a save looks for each app's next scheduled publish
            # once (core/page_cache.py: the API's ETag comes from the content versions):
            # done here, so that no page pays for it.
            page_cache.content_versions(page_cache.CONTENT_VERSIONS)
            # The addresses in English: a request under /ru/ leaves Russian active.
            with translation.override("en"):
                public, staff_pages = public_pages(probe), admin_pages(probe)
            public |= russian_pages(public)
            results[size] = measure(public, Client()) | measure(staff_pages, staff)
        transaction.set_rollback(True)
    return results


def _page_names():
    """Page names for parametrisation, from the same functions the fixture uses."""

    class Stub:
        slug = "stub"

        def __init__(self):
            self.start_date = self.posted_on = datetime.date(2020, 6, 1)

        def get_absolute_url(self):
            return "/"

        def get_ics_url(self):
            return "/"

    stub = {key: Stub() for key in ("event", "plan", "state", "publication", "dimension")}
    public = public_pages(stub)
    names = list(public | russian_pages(public))
    names.append("admin home")
    for label in ADMIN_MODELS:
        names.append(f"{label} changelist")
        if label in ADMIN_QUERIES:
            names.append(f"{label} changelist filtered")
        names.append(f"{label} change")
    names.append("plans.Plan record decision")
    return names


@pytest.mark.parametrize("page", _page_names())
def test_same_number_of_queries_at_two_sizes(measured, page):
    small, large = measured["small"].get(page), measured["large"].get(page)
    if small is None and large is None and page.endswith(" change"):
        pytest.skip("no object of this kind to open (login records, for example)")
    assert small is not None and large is not None, f"{page} was measured at one size only"
    assert small["status"] == large["status"] == 200, (small, large)
    assert large["queries"] <= small["queries"], (
        f"{page}: {small['queries']} queries with {SMALL}, {large['queries']} with {LARGE}"
    )


@pytest.mark.parametrize("page", [name for name in _page_names() if name.endswith(" change")])
def test_no_select_list_grows_with_the_data(measured, page):
    """Plans, events, states and publications are chosen by autocomplete, not listed."""
    small, large = measured["small"].get(page), measured["large"].get(page)
    if small is None or large is None:
        pytest.skip("no object of this kind to open")
    assert small["largest select"] == large["largest select"], (small, large)


def _russian_page_names():
    return [name.removesuffix(" in Russian") for name in _page_names() if "in Russian" in name]


@pytest.mark.parametrize("page", _russian_page_names())
def test_a_russian_page_runs_the_queries_of_the_english_one(measured, page):
    for size in ("small", "large"):
        english, russian = measured[size][page], measured[size][f"{page} in Russian"]
        assert russian["status"] == english["status"] == 200, (size, english, russian)
        assert russian["queries"] == english["queries"], (size, english, russian)
