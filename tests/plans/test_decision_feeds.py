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
)

from .decision_feed_world import NOW, build_world, entries, feed_urls, titles

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


def test_a_decision_known_to_be_by_a_year_says_so(client):
    plan = PlanFactory(title="Old plan", slug="old-plan", priority_area=None)
    record_status_change(
        plan, PlanStatus.AGREED_BY_SWG, datetime.date(2009, 6, 1), precision=DatePrecision.BY_YEAR
    )
    for url in ("/plans/old-plan/feed/", "/plans/old-plan/feed/atom/"):
        (entry,) = entries(client.get(url))
        assert '<time datetime="2009">by 2009</time>' in entry["description"]
        assert entry["date"] is None
    assert "<pubDate>" not in client.get("/plans/old-plan/feed/").content.decode()
