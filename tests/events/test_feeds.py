import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from core.publishing import PublicationStatus
from tests.factories import EventFactory, ParticipantFactory

from .conftest import NOW

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def feed_events():
    host = ParticipantFactory(name="Azerbaijan")
    EventFactory(
        title="Baku summit",
        start_date=NOW.date() + datetime.timedelta(days=40),
        city="Baku",
        hosts=[host],
    )
    EventFactory(title="Soon SOC", kind="soc", start_date=NOW.date() + datetime.timedelta(days=2))
    EventFactory(title="Old summit", start_date=datetime.date(2002, 6, 4))
    EventFactory(title="Draft SOC", publication_status=PublicationStatus.DRAFT)


def test_rss_lists_upcoming_public_events_soonest_first(client, feed_events):
    response = client.get(reverse("events:feed_rss"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    items = ET.fromstring(response.content).findall("./channel/item")
    assert [item.findtext("title") for item in items] == ["Soon SOC", "Baku summit"]
    baku = items[1]
    assert baku.findtext("link").endswith("/events/baku-summit/")
    assert "Hosted by Azerbaijan" in baku.findtext("description")
    assert "Baku" in baku.findtext("description")


def test_atom_feed(client, feed_events):
    response = client.get(reverse("events:feed_atom"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    entries = ET.fromstring(response.content).findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Soon SOC", "Baku summit"]
    assert all(entry.findtext(f"{ATOM}updated") for entry in entries)


def test_feed_descriptions_escape_event_data(client):
    EventFactory(title="Summit", summary="<script>alert(1)</script>", start_date=NOW.date())
    item = ET.fromstring(client.get(reverse("events:feed_rss")).content).find("./channel/item")
    description = item.findtext("description")
    assert "<script>" not in description
    assert "&lt;script&gt;" in description and "<br>" in description
