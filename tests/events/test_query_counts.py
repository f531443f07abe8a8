"""Every events page costs a fixed number of queries, with 10 events or 300."""

import datetime

import pytest
import time_machine
from django.contrib.sites.models import Site
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import EventDocumentFactory, EventFactory, ParticipantFactory

from . import plan_helpers
from .conftest import ALMATY, NOW

pytestmark = pytest.mark.django_db
TODAY = NOW.date()

# Decisions cannot be dated in the future: record them as if in July 2030.
DECISIONS_RECORDED_LATER = time_machine.travel(datetime.datetime(2030, 7, 1, tzinfo=datetime.UTC))


def add_events(start, stop, states, plans, target):
    """Events spread over past, future and this month, with hosts, plans and a few oddities."""
    for index in range(start, stop):
        if index % 5 == 0:
            when = {"start_date": datetime.date(2030, 6, 1) + datetime.timedelta(days=index % 30)}
        elif index % 2:
            when = {"start_date": TODAY + datetime.timedelta(days=index)}
        else:
            when = {"start_date": TODAY - datetime.timedelta(days=index * 3)}
        if index % 7 == 0:
            start_at = datetime.datetime.combine(when["start_date"], datetime.time(14), ALMATY)
            when = {"starts_at": start_at, "ends_at": start_at + datetime.timedelta(hours=3)}
        elif index % 11 == 0:
            when["date_precision"] = "month"
        elif index % 3 == 0:
            when["end_date"] = when["start_date"] + datetime.timedelta(days=2)
        EventFactory(
            title=f"Event {index:04d}",
            kind=["summit", "soc", "ministerial"][index % 3],
            status="cancelled" if index % 13 == 0 else "scheduled",
            hosts=states[: 1 + index % len(states)],
            plans=[plans[index % len(plans)]],
            **when,
        )
        # The target event grows too: more hosts, plans, decisions and documents.
        plan = plans[index % len(plans)]
        target.plans.add(plan)
        if index % 10 == 0:
            EventDocumentFactory(event=target)
            decided = plan_helpers.plan(f"decided-{index:04d}")
            with DECISIONS_RECORDED_LATER:
                plan_helpers.decision(decided, datetime.date(2030, 6, 20), meeting=target)


def pages(target, host):
    """(URL, most queries allowed)."""
    # Lists: count, page, hosts, the filter form's years, hosts and dimensions, and the
    # calendars offered (events.views.calendar_examples). The upcoming list counts its
    # events in the page's query (KeysFirstPaginator).
    return [
        (reverse("events:list"), 6),
        (reverse("events:list") + "?kind=soc&dimension=economic", 6),
        (reverse("events:past"), 7),
        (reverse("events:past") + f"?host={host.slug}&year=2030", 8),
        (target.get_absolute_url(), 5),
        (reverse("events:month", kwargs={"year": 2030, "month": 6}), 2),
        # The current calendar file: the keys of the events ahead and behind, the rows.
        (reverse("events:calendar_ics"), 2),
        (reverse("events:calendar_ics") + "?kind=summit&kind=soc", 2),
        # The keys, then the rows (only when the file is not cached).
        (reverse("events:calendar_ics") + "?year=2030", 2),
        (target.get_ics_url(), 1),
        (reverse("events:feed_rss"), 2),
        (reverse("events:feed_atom"), 2),
        # The member page: its own queries plus two for "Events hosted".
        (host.get_absolute_url(), 6),
    ]


def query_counts(client, urls, django_assert_max_num_queries):
    counts = {}
    for url, most in urls:
        with django_assert_max_num_queries(most):
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(captured)
    return counts


def test_query_counts_stay_the_same_from_10_to_300_events(client, django_assert_max_num_queries):
    states = [ParticipantFactory(name=f"Host {index}") for index in range(4)]
    for state in states:
        state.status_changes.create(status="member", date=datetime.date(2002, 1, 1))
    plans = [plan_helpers.plan(f"plan-{index}", dimension_slug="economic") for index in range(5)]
    target = EventFactory(title="Target", start_date=datetime.date(2030, 6, 20), hosts=states)
    urls = pages(target, states[0])
    Site.objects.get_current()  # the feeds read it once per process, then from memory

    add_events(0, 10, states, plans, target)
    with_10 = query_counts(client, urls, django_assert_max_num_queries)
    add_events(10, 300, states, plans, target)
    with_300 = query_counts(client, urls, django_assert_max_num_queries)

    assert with_300 == with_10
    html = client.get(target.get_absolute_url()).content.decode()
    assert html.count("Approved by SOC") == 30  # one decision every tenth event
