"""RSS and Atom feeds of status decisions: all plans, a dimension, a coordinating state,
one plan (plans/feeds.py)."""

import datetime
import xml.etree.ElementTree as ET

import pytest
import time_machine
from django.utils import timezone, translation

from core.partial_dates import DatePrecision
from core.publishing import PublicationStatus
from plans.models import Plan, PlanStatus
from plans.workflow import record_status_change
from tests.factories import (
    CoordinationFactory,
    DimensionFactory,
    EventFactory,
    ParticipantFactory,
    PlanFactory,
    PriorityAreaFactory,
    member_state,
)

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
NOW = datetime.datetime(2024, 6, 15, 12, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _frozen_and_english_after():
    with time_machine.travel(NOW, tick=False):
        yield
    translation.activate("en")


@pytest.fixture
def world():
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


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (
            "all",
            [
                "Plan on Food: Withdrawn",
                "Action Plan on Energy: Approved by SOC",
                "Action Plan on Energy: Agreed by SWG",
            ],
        ),
        (
            "dimension",
            ["Action Plan on Energy: Approved by SOC", "Action Plan on Energy: Agreed by SWG"],
        ),
        (
            "state",
            ["Action Plan on Energy: Approved by SOC", "Action Plan on Energy: Agreed by SWG"],
        ),
        (
            "plan",
            ["Action Plan on Energy: Approved by SOC", "Action Plan on Energy: Agreed by SWG"],
        ),
    ],
)
def test_every_feed_in_both_formats_lists_its_decisions_most_recent_first(
    client, world, kind, expected
):
    rss, atom = feed_urls(kind)
    response = client.get(rss)
    assert response["Content-Type"].startswith("application/rss+xml")
    assert [entry["title"] for entry in entries(response)] == expected
    response = client.get(atom)
    assert response["Content-Type"].startswith("application/atom+xml")
    assert [entry["title"] for entry in entries(response)] == expected


@pytest.mark.parametrize(
    ("url", "title", "link"),
    [
        ("/plans/decisions/feed/", "CICA action plans: status decisions", "/plans/status/"),
        (
            "/plans/decisions/dimension/economic/feed/",
            "CICA action plans: status decisions in the dimension “Economic dimension”",
            "/plans/?dimension=economic",
        ),
        (
            "/plans/decisions/state/kazakhstan/feed/",
            "CICA action plans: status decisions on plans coordinated by Kazakhstan",
            "/members/kazakhstan/",
        ),
        (
            "/plans/energy-plan/feed/",
            "CICA: status decisions on “Action Plan on Energy”",
            "/plans/energy-plan/",
        ),
    ],
)
def test_feed_names_its_subject_and_links_to_its_page(client, world, url, title, link):
    channel = ET.fromstring(client.get(url).content).find("channel")
    assert channel.findtext("title") == title
    assert channel.findtext("link") == f"http://testserver{link}"


def test_an_entry_names_plan_status_body_meeting_and_date(client, world):
    response = client.get("/plans/energy-plan/feed/")
    approved = entries(response)[0]
    assert approved["link"] == "http://testserver/plans/energy-plan/#decision-2"
    text = approved["description"]
    assert "New status: Approved by SOC (was: Agreed by SWG)" in text
    assert "Decided by: Senior Officials Committee, at SOC meeting in Astana" in text
    assert '<time datetime="2020-03-03">3 March 2020</time>' in text
    assert "Adopted unanimously." in text
    assert approved["categories"] == ["Approved by SOC"]
    assert approved["date"].startswith("Tue, 03 Mar 2020 00:00:00 ")  # in the site's zone
    # The plan page has the anchor the entry links to.
    page = client.get("/plans/energy-plan/").content.decode()
    assert 'id="decision-2"' in page


def test_a_partial_date_is_shown_as_far_as_it_is_known_and_never_given_a_day(client, world):
    for url in feed_urls("all"):
        by_title = {entry["title"]: entry for entry in entries(client.get(url))}
        year = by_title["Action Plan on Energy: Agreed by SWG"]
        assert '<time datetime="2019">2019</time>' in year["description"]
        assert year["date"] is None
        month = by_title["Plan on Food: Withdrawn"]
        assert '<time datetime="2021-05">May 2021</time>' in month["description"]
        assert month["date"] is None
        assert by_title["Action Plan on Energy: Approved by SOC"]["date"] is not None
    atom = client.get("/plans/decisions/feed/atom/").content.decode()
    assert "2019-01-01" not in atom and "2021-05-01" not in atom


def test_undated_decision_says_so_and_comes_last(client, world):
    plan = PlanFactory(title="Undated plan", slug="undated", priority_area=None)
    record_status_change(plan, PlanStatus.AGREED_BY_SWG, None)
    last = entries(client.get("/plans/decisions/feed/"))[-1]
    assert last["title"] == "Undated plan: Agreed by SWG"
    assert "Date not known" in last["description"] and last["date"] is None


def test_hidden_plans_and_meetings_never_appear(client, world):
    draft = PlanFactory(
        title="Draft plan",
        slug="draft-plan",
        priority_area=None,
        publication_status=PublicationStatus.DRAFT,
    )
    scheduled = PlanFactory(
        title="Scheduled plan",
        slug="scheduled-plan",
        dimension=world["dimension"],
        priority_area=None,
        publish_at=timezone.now() + datetime.timedelta(days=1),
    )
    withdrawn = PlanFactory(
        title="Unpublished plan",
        slug="unpublished-plan",
        publication_status=PublicationStatus.WITHDRAWN,
    )
    secret_meeting = EventFactory(
        title="Secret meeting", slug="secret", publication_status=PublicationStatus.DRAFT
    )
    for plan in (draft, scheduled, withdrawn):
        record_status_change(plan, PlanStatus.AGREED_BY_SWG, datetime.date(2024, 1, 1))
        CoordinationFactory(state=world["state"], plan=plan)
    public = PlanFactory(title="Public plan", slug="public-plan", priority_area=None)
    record_status_change(
        public,
        PlanStatus.AGREED_BY_SWG,
        datetime.date(2024, 2, 1),
        deciding_body="swg",
        meeting=secret_meeting,
    )
    urls = [
        *feed_urls("all"),
        *feed_urls("dimension"),
        *feed_urls("state"),
        *feed_urls("plan"),
    ]
    for url in urls:
        text = client.get(url).content.decode()
        for hidden in ("Draft plan", "Scheduled plan", "Unpublished plan", "Secret meeting"):
            assert hidden not in text, (url, hidden)
    for plan in (draft, scheduled, withdrawn):
        assert client.get(f"/plans/{plan.slug}/feed/").status_code == 404
        assert client.get(f"/plans/{plan.slug}/feed/atom/").status_code == 404
    text = client.get("/plans/public-plan/feed/").content.decode()
    assert "Public plan: Agreed by SWG" in text and "Special Working Group" in text


def test_scheduled_plan_appears_once_due(client, world):
    plan = PlanFactory(
        title="Soon public",
        slug="soon",
        priority_area=None,
        publish_at=timezone.now() + datetime.timedelta(hours=1),
    )
    record_status_change(plan, PlanStatus.AGREED_BY_SWG, datetime.date(2024, 1, 1))
    assert "Soon public" not in titles("/plans/decisions/feed/", client)[0]
    with time_machine.travel(NOW + datetime.timedelta(hours=2), tick=False):
        assert titles("/plans/decisions/feed/", client)[0] == "Soon public: Agreed by SWG"


@pytest.mark.parametrize(
    "url",
    [
        "/plans/decisions/dimension/no-such-dimension/feed/",
        "/plans/decisions/dimension/no-such-dimension/feed/atom/",
        "/plans/decisions/state/no-such-state/feed/",
        "/plans/decisions/state/no-such-state/feed/atom/",
        "/plans/decisions/state/draft-state/feed/",
        "/plans/decisions/state/scheduled-state/feed/atom/",
        "/plans/decisions/state/an-organisation/feed/",
        "/plans/no-such-plan/feed/",
        "/plans/no-such-plan/feed/atom/",
        "/plans/status/feed/",
    ],
)
def test_unknown_or_hidden_subject_is_404(client, world, url):
    ParticipantFactory(
        name="Draft state", slug="draft-state", publication_status=PublicationStatus.DRAFT
    )
    ParticipantFactory(
        name="Scheduled state",
        slug="scheduled-state",
        publish_at=timezone.now() + datetime.timedelta(days=1),
    )
    ParticipantFactory(name="An organisation", slug="an-organisation", kind="organisation")
    assert client.get(url).status_code == 404


def test_decisions_is_a_reserved_plan_slug():
    plan = PlanFactory.build(slug="decisions", dimension=DimensionFactory(), priority_area=None)
    with pytest.raises(Exception) as raised:
        plan.full_clean()
    assert "slug" in raised.value.message_dict
    assert Plan.objects.filter(slug="decisions").count() == 0


def test_russian_feeds_in_russian(client, world):
    plan = world["plan"]
    plan.title_ru = "План действий в области энергетики"
    plan.save()
    response = client.get("/ru/plans/energy-plan/feed/")
    text = response.content.decode()
    assert "<language>ru</language>" in text
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title") == (
        "СВМДА: решения о статусе документа «План действий в области энергетики»"
    )
    first = entries(response)[0]
    assert first["link"] == "http://testserver/ru/plans/energy-plan/#decision-2"
    assert first["title"].startswith("План действий в области энергетики: ")
    assert "Approved by SOC" not in first["title"]
    assert "3 марта 2020" in first["description"]
    # Where there is no Russian title, the English one.
    russian_all = titles("/ru/plans/decisions/feed/atom/", client)
    assert russian_all[0].startswith("Plan on Food: ")


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


@pytest.mark.parametrize("count", [3, 40])
def test_query_count_does_not_grow_with_the_decisions(
    client, world, django_assert_max_num_queries, count
):
    meeting = EventFactory(title="Another meeting", slug="another")
    for _ in range(count):
        plan = PlanFactory(dimension=world["dimension"], priority_area=None)
        CoordinationFactory(state=world["state"], plan=plan)
        record_status_change(
            plan, PlanStatus.AGREED_BY_SWG, datetime.date(2022, 1, 1), meeting=meeting
        )
    client.get("/plans/decisions/feed/")  # Django's Site row, read once per process
    # The subject, the decisions with their plans, their meetings; a state's roles.
    for kind, queries in (("all", 2), ("dimension", 3), ("state", 4), ("plan", 3)):
        for url in feed_urls(kind):
            with django_assert_max_num_queries(queries):
                assert client.get(url).status_code == 200


def test_a_dimension_with_a_unicode_slug_has_its_feed(client):
    dimension = DimensionFactory(name="Économique", slug="économique")
    plan = PlanFactory(title="Plan économique", dimension=dimension, priority_area=None)
    record_status_change(plan, PlanStatus.AGREED_BY_SWG, datetime.date(2024, 1, 1))
    board = client.get("/plans/status/").content.decode()
    assert 'href="/plans/decisions/dimension/%C3%A9conomique/feed/"' in board
    feed = "/plans/decisions/dimension/%C3%A9conomique/feed/atom/"
    assert titles(feed, client) == ["Plan économique: Agreed by SWG"]
