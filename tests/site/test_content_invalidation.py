"""A save empties the cached pages that show what changed, and only those.

What each page shows is declared in settings.PAGE_CACHE_SHOWS; tests/site/test_page_cache.py
covers the cache itself (hits, ETags, sessions, two servers).
"""

import datetime
import re

import pytest
import time_machine
from django.conf import settings
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import URLResolver, get_resolver

from core import page_cache
from core.publishing import PublicationStatus
from tests.factories import (
    CoordinationFactory,
    EventFactory,
    PlanFactory,
    PublicationFactory,
    member_state,
)

pytestmark = pytest.mark.django_db

# Mid-morning: minutes later is still the same day (the day is part of every key).
MORNING = datetime.datetime(2026, 3, 10, 9, 0, tzinfo=datetime.UTC)
# EventFactory's day, 4 June 2030: its month page shows events only.
EVENT_MONTH = "/events/2030/6/"


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.FRAGMENT_CACHE_ENABLED = True


@pytest.fixture
def site():
    """A state coordinating a plan, an event and a publication, all published."""
    state = member_state(name="Coordinating State")
    plan = PlanFactory(title="Water Security Plan")
    CoordinationFactory(state=state, plan=plan)
    event = EventFactory(title="Summit of Waters", hosts=[state])
    publication = PublicationFactory(title="News of Waters")
    return state, plan, event, publication


def cache_states(client, urls):
    """{url: X-Page-Cache} for one more request to each URL."""
    return {url: client.get(url)["X-Page-Cache"] for url in urls}


def fill(client, urls):
    for url in urls:
        assert client.get(url).status_code == 200, url
    assert set(cache_states(client, urls).values()) == {"hit"}


def test_a_plan_save_leaves_pages_that_show_no_plans_cached(client, site):
    state, plan, _event, publication = site
    showing_plans = ["/plans/", plan.get_absolute_url(), "/plans/status/", "/"]
    not_showing_plans = [
        EVENT_MONTH,
        "/events/calendar.ics",
        "/events/feed/rss/",
        "/publications/",
        "/publications/feed/rss/",
        "/members/",
    ]
    fill(client, showing_plans + not_showing_plans)

    plan.title = "Renamed Water Plan"
    plan.save()

    assert cache_states(client, not_showing_plans) == dict.fromkeys(not_showing_plans, "hit")
    assert "Renamed Water Plan" in client.get(plan.get_absolute_url()).content.decode()
    assert "Renamed Water Plan" in client.get("/plans/").content.decode()


def test_a_member_save_empties_the_plan_pages_that_name_it(client, site):
    state, plan, event, _publication = site
    urls = ["/plans/", plan.get_absolute_url(), event.get_absolute_url(), "/publications/"]
    fill(client, urls)

    state.name = "Renamed State"
    state.save()

    for url in ["/plans/", plan.get_absolute_url(), event.get_absolute_url()]:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss", url
        assert "Renamed State" in response.content.decode(), url
        assert "Coordinating State" not in response.content.decode(), url
    assert client.get("/publications/")["X-Page-Cache"] == "hit"


def test_a_state_summary_edit_empties_its_own_pages_and_leaves_those_naming_it(client, site):
    state, plan, event, _publication = site
    others = ["/plans/", plan.get_absolute_url(), event.get_absolute_url(), "/events/"]
    fill(client, [state.get_absolute_url(), "/members/", *others])

    state.refresh_from_db()  # as the admin reads it before saving
    state.summary = "A summary written today."
    state.save()

    response = client.get(state.get_absolute_url())
    assert response["X-Page-Cache"] == "miss"
    assert "A summary written today." in response.content.decode()
    assert client.get("/members/")["X-Page-Cache"] == "miss"
    assert cache_states(client, others) == dict.fromkeys(others, "hit")


def test_a_state_becoming_a_draft_leaves_no_page_naming_it(client, site):
    state, plan, event, _publication = site
    fill(client, [plan.get_absolute_url(), event.get_absolute_url()])

    state.refresh_from_db()
    state.publication_status = PublicationStatus.DRAFT
    state.save()

    for url in [plan.get_absolute_url(), event.get_absolute_url()]:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss", url
        assert "Coordinating State" not in response.content.decode(), url


def test_an_event_save_leaves_the_plan_list_cached_not_the_plan_page(client, site):
    _state, plan, event, _publication = site
    fill(client, ["/plans/", plan.get_absolute_url(), "/plans/status/"])

    event.title = "Renamed Summit"
    event.save()

    assert cache_states(client, ["/plans/", "/plans/status/"]) == {
        "/plans/": "hit",
        "/plans/status/": "hit",
    }
    assert client.get(plan.get_absolute_url())["X-Page-Cache"] == "miss"
    assert "Renamed Summit" in client.get(event.get_absolute_url()).content.decode()


def test_a_publication_save_empties_the_home_page_and_its_own_pages(client, site):
    _state, plan, _event, publication = site
    fill(client, ["/", "/publications/", publication.get_absolute_url(), plan.get_absolute_url()])

    PublicationFactory(title="Fresh News")

    assert "Fresh News" in client.get("/").content.decode()
    assert "Fresh News" in client.get("/publications/").content.decode()
    assert client.get(plan.get_absolute_url())["X-Page-Cache"] == "hit"


def test_a_withdrawn_plan_leaves_the_publication_that_links_it(client, site):
    _state, plan, _event, publication = site
    publication.related_plans.add(plan)
    url = publication.get_absolute_url()
    assert "Water Security Plan" in client.get(url).content.decode()
    assert client.get(url)["X-Page-Cache"] == "hit"

    plan.publication_status = PublicationStatus.WITHDRAWN
    plan.save()

    assert "Water Security Plan" not in client.get(url).content.decode()


def test_a_scheduled_plan_appears_at_its_moment_and_other_pages_stay_cached(client, site):
    with time_machine.travel(MORNING, tick=False) as traveller:
        PlanFactory(
            title="Scheduled Plan",
            publish_at=MORNING + datetime.timedelta(minutes=5),
            publication_status=PublicationStatus.PUBLISHED,
        )
        fill(client, ["/plans/", EVENT_MONTH, "/publications/"])
        assert "Scheduled Plan" not in client.get("/plans/").content.decode()

        traveller.shift(datetime.timedelta(minutes=4))  # pages keep for 10 minutes
        assert client.get("/plans/")["X-Page-Cache"] == "hit"

        traveller.shift(datetime.timedelta(minutes=1, seconds=1))
        response = client.get("/plans/")
        assert response["X-Page-Cache"] == "miss"
        assert "Scheduled Plan" in response.content.decode()
        assert cache_states(client, [EVENT_MONTH, "/publications/"]) == {
            EVENT_MONTH: "hit",
            "/publications/": "hit",
        }


def test_a_scheduled_event_appears_at_its_moment(client):
    with time_machine.travel(MORNING, tick=False) as traveller:
        EventFactory(
            title="Scheduled Summit",
            publish_at=MORNING + datetime.timedelta(minutes=5),
            publication_status=PublicationStatus.PUBLISHED,
        )
        assert "Scheduled Summit" not in client.get(EVENT_MONTH).content.decode()
        traveller.shift(datetime.timedelta(minutes=4, seconds=59))
        assert client.get(EVENT_MONTH)["X-Page-Cache"] == "hit"
        traveller.shift(datetime.timedelta(seconds=2))
        assert "Scheduled Summit" in client.get(EVENT_MONTH).content.decode()


def test_each_language_has_its_own_cached_page(client, site):
    def get(path, accept_language="en"):
        response = client.get(path, HTTP_ACCEPT_LANGUAGE=accept_language)
        return response["X-Page-Cache"], re.search(r'<html lang="(\w+)">', response.text)[1]

    assert get("/ru/members/") == ("miss", "ru")
    assert get("/members/") == ("miss", "en")
    assert get("/ru/members/") == ("hit", "ru")
    # The address says the language: a browser preferring Russian gets the English page.
    assert get("/members/", accept_language="ru") == ("hit", "en")


def test_a_page_cached_before_the_save_commits_is_not_served_after_it(
    client, django_capture_on_commit_callbacks
):
    state = member_state(name="Before Commit")
    stale = HttpResponse(client.get("/members/").content)
    request = RequestFactory().get("/members/")
    request.LANGUAGE_CODE = "en"

    with django_capture_on_commit_callbacks(execute=True):
        state.name = "After Commit"
        state.save()
        # Another server renders the page now, from the database as it was before the
        # commit, and caches it under the versions the save has just bumped.
        versions = page_cache.content_versions(settings.PAGE_CACHE_SHOWS["members"])
        page_cache.store(page_cache.page_key(request, versions), stale, 600)
        assert client.get("/members/")["X-Page-Cache"] == "hit"

    html = client.get("/members/").content.decode()
    assert "After Commit" in html and "Before Commit" not in html


def url_names(resolver=None, prefix=""):
    """Every URL name ("plans:detail") and namespace ("plans") of the site."""
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            namespace = f"{prefix}{pattern.namespace}" if pattern.namespace else ""
            if namespace:
                yield namespace
            yield from url_names(pattern, f"{namespace}:" if namespace else prefix)
        elif pattern.name:
            yield prefix + pattern.name


def test_what_each_page_shows_names_real_pages_and_content_apps():
    names = set(url_names())
    for page, shown in settings.PAGE_CACHE_SHOWS.items():
        assert page in names, page
        assert set(shown) <= set(page_cache.CONTENT_VERSIONS), page


def test_member_page_after_an_event_save_draws_only_the_events_section_again(client, site):
    state, plan, event, _ = site
    url = state.get_absolute_url()
    with CaptureQueriesContext(connection) as first:
        assert client.get(url)["X-Page-Cache"] == "miss"
    event.title = "Summit of Rivers"
    event.save()
    with CaptureQueriesContext(connection) as again:
        response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "Summit of Rivers" in response.content.decode()
    assert "Water Security Plan" in response.content.decode()
    # The plans section came from its fragment: its query (the state's roles) was not run.
    reads_of_roles = [q for q in again.captured_queries if "plans_coordination" in q["sql"]]
    assert [q for q in first.captured_queries if "plans_coordination" in q["sql"]]
    assert reads_of_roles == []
    assert len(again.captured_queries) < len(first.captured_queries)


def test_a_state_deleted_after_an_unchanged_save_leaves_no_page_naming_it(client, site):
    _state, _plan, event, _publication = site
    host = member_state(name="Departing State")
    event.hosts.add(host)
    host.summary = "Edited first."
    host.save()  # nothing other pages show changed
    fill(client, [event.get_absolute_url()])

    host.delete()

    response = client.get(event.get_absolute_url())
    assert response["X-Page-Cache"] == "miss"
    assert "Departing State" not in response.content.decode()


def test_hosts_changed_after_an_unchanged_save_of_the_state_empty_pages_listing_events(
    client, site
):
    state, plan, event, _publication = site
    state.refresh_from_db()
    state.summary = "Edited first."
    state.save()
    fill(client, [state.get_absolute_url()])

    state.hosted_events.remove(event)  # from the state's side: the instance saved above

    assert client.get(state.get_absolute_url())["X-Page-Cache"] == "miss"
