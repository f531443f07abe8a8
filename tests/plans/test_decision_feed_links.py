"""Pages link to the feeds of status decisions and advertise them in <head>."""

import datetime

import pytest
import time_machine
from django.utils import translation

from plans.models import PlanStatus
from plans.workflow import record_status_change
from tests.factories import DimensionFactory, ParticipantFactory, PlanFactory

from .decision_feed_world import NOW, build_world, titles

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen_and_english_after():
    with time_machine.travel(NOW, tick=False):
        yield
    translation.activate("en")


@pytest.fixture
def world():
    return build_world()


@pytest.mark.parametrize(
    ("page", "rss", "atom"),
    [
        ("/plans/energy-plan/", "/plans/energy-plan/feed/", "/plans/energy-plan/feed/atom/"),
        ("/plans/status/", "/plans/decisions/feed/", "/plans/decisions/feed/atom/"),
        (
            "/members/kazakhstan/",
            "/plans/decisions/state/kazakhstan/feed/",
            "/plans/decisions/state/kazakhstan/feed/atom/",
        ),
    ],
)
def test_pages_advertise_and_link_their_feeds(client, world, page, rss, atom):
    html = client.get(page).content.decode()
    head = html.split("</head>")[0]
    assert '<link rel="alternate" type="application/rss+xml"' in head
    assert f'href="{rss}"' in head and f'href="{atom}"' in head
    body = html.split("</head>")[1]
    assert f'<a href="{rss}" type="application/rss+xml">RSS</a>' in body
    assert f'<a href="{atom}" type="application/atom+xml">Atom</a>' in body


def test_status_board_links_every_dimension_feed(client, world):
    html = client.get("/plans/status/").content.decode()
    assert 'href="/plans/decisions/dimension/economic/feed/"' in html
    assert 'href="/plans/decisions/dimension/economic/feed/atom/"' in html


def test_russian_pages_advertise_russian_feeds(client, world):
    head = client.get("/ru/plans/energy-plan/").content.decode().split("</head>")[0]
    assert 'href="/ru/plans/energy-plan/feed/atom/"' in head


def test_an_organisation_page_advertises_no_decision_feed(client):
    organisation = ParticipantFactory(
        name="An organisation", slug="an-organisation", kind="organisation"
    )
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert "/plans/decisions/" not in html


def test_a_dimension_with_a_unicode_slug_has_its_feed(client):
    dimension = DimensionFactory(name="Économique", slug="économique")
    plan = PlanFactory(title="Plan économique", dimension=dimension, priority_area=None)
    record_status_change(plan, PlanStatus.AGREED_BY_SWG, datetime.date(2024, 1, 1))
    board = client.get("/plans/status/").content.decode()
    assert 'href="/plans/decisions/dimension/%C3%A9conomique/feed/"' in board
    feed = "/plans/decisions/dimension/%C3%A9conomique/feed/atom/"
    assert titles(feed, client) == ["Plan économique: Agreed by SWG"]
