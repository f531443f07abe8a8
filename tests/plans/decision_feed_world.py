"""Decisions to read the feeds of status decisions on (tests of plans/feeds.py)."""

import datetime
import xml.etree.ElementTree as ET

from core.partial_dates import DatePrecision
from plans.models import PlanStatus
from plans.workflow import record_status_change
from tests.factories import (
    CoordinationFactory,
    DimensionFactory,
    EventFactory,
    PlanFactory,
    PriorityAreaFactory,
    member_state,
)

ATOM = "{http://www.w3.org/2005/Atom}"
NOW = datetime.datetime(2024, 6, 15, 12, tzinfo=datetime.UTC)


def build_world():
    """A dimension with a plan coordinated by a state (through its priority area) that
    the SOC approved at a published meeting, and a plan of another dimension."""
    state = member_state(name="Kazakhstan", slug="kazakhstan")
    dimension = DimensionFactory(name="Economic dimension", slug="economic")
    area = PriorityAreaFactory(dimension=dimension, name="Energy", slug="energy")
    CoordinationFactory(state=state, plan=None, priority_area=area)
    meeting = EventFactory(title="SOC meeting in Astana", slug="soc-astana")
    plan = PlanFactory(
        title="Action Plan on Energy", slug="energy-plan", dimension=dimension, priority_area=area
    )
    record_status_change(
        plan,
        PlanStatus.AGREED_BY_SWG,
        datetime.date(2019, 1, 1),
        precision=DatePrecision.YEAR,
        deciding_body="swg",
    )
    record_status_change(
        plan,
        PlanStatus.APPROVED_BY_SOC,
        datetime.date(2020, 3, 3),
        deciding_body="soc",
        meeting=meeting,
        note="Adopted unanimously.",
    )
    other = PlanFactory(title="Plan on Food", slug="food-plan", priority_area=None)
    record_status_change(
        other, PlanStatus.WITHDRAWN, datetime.date(2021, 5, 1), precision=DatePrecision.MONTH
    )
    return {"state": state, "dimension": dimension, "plan": plan, "other": other}


def feed_urls(kind):
    return {
        "all": ["/plans/decisions/feed/", "/plans/decisions/feed/atom/"],
        "dimension": [
            "/plans/decisions/dimension/economic/feed/",
            "/plans/decisions/dimension/economic/feed/atom/",
        ],
        "state": [
            "/plans/decisions/state/kazakhstan/feed/",
            "/plans/decisions/state/kazakhstan/feed/atom/",
        ],
        "plan": ["/plans/energy-plan/feed/", "/plans/energy-plan/feed/atom/"],
    }[kind]


def entries(response):
    """[{title, link, description, date}] of an RSS or Atom response."""
    root = ET.fromstring(response.content)
    if root.tag == "rss":
        return [
            {
                "title": item.findtext("title"),
                "link": item.findtext("link"),
                "description": item.findtext("description"),
                "date": item.findtext("pubDate"),
                "categories": [c.text for c in item.findall("category")],
            }
            for item in root.iter("item")
        ]
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "description": entry.findtext(f"{ATOM}summary"),
            "date": entry.findtext(f"{ATOM}published"),
            "categories": [c.get("term") for c in entry.findall(f"{ATOM}category")],
        }
        for entry in root.iter(f"{ATOM}entry")
    ]


def titles(url, client):
    response = client.get(url)
    assert response.status_code == 200, url
    return [entry["title"] for entry in entries(response)]
