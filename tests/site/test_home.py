import datetime

import pytest
import time_machine

from core.publishing import PublicationStatus
from plans.models import PlanStatus
from tests.factories import (
    ChairmanshipFactory,
    PublicationFactory,
    PublicationsEventFactory,
    PublicationsPlanFactory,
    member_state,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.datetime(2025, 6, 15, 12, 0, tzinfo=datetime.UTC)


def main_of(response):
    text = response.content.decode()
    return text[text.index("<main") : text.index("</main>")]


def populate(count):
    for index in range(count):
        state = member_state(name=f"Member {index:03d}", year=2002)
        ChairmanshipFactory(state=state, start_year=1990 + index, end_year=1990 + index)
        PublicationFactory(title=f"Publication {index:03d}")
        PublicationsEventFactory(start_date=datetime.date(2025, 7, 1) + datetime.timedelta(index))
        PublicationsPlanFactory(status=list(PlanStatus)[index % len(PlanStatus)].value)


@time_machine.travel(TODAY, tick=False)
def test_home_shows_latest_publications_next_events_plan_summary_members_and_chair(client):
    azerbaijan = member_state(name="Azerbaijan", year=1992)
    member_state(name="Kazakhstan", year=1992)
    ChairmanshipFactory(state=azerbaijan, start_year=2024, end_year=2026)
    PublicationFactory(title="Old news", posted_on=datetime.date(2020, 1, 1))
    PublicationFactory(title="Fresh news", posted_on=datetime.date(2025, 6, 1))
    PublicationFactory(title="Draft news", publication_status=PublicationStatus.DRAFT)
    PublicationsEventFactory(title="Past meeting", start_date=datetime.date(2025, 6, 1))
    PublicationsEventFactory(title="Next SOC meeting", start_date=datetime.date(2025, 9, 10))
    PublicationsEventFactory(title="Soon SWG meeting", start_date=datetime.date(2025, 7, 1))
    PublicationsEventFactory(
        title="Draft meeting",
        start_date=datetime.date(2025, 8, 1),
        publication_status=PublicationStatus.DRAFT,
    )
    PublicationsPlanFactory(status=PlanStatus.APPROVED_BY_SOC)
    PublicationsPlanFactory(status=PlanStatus.APPROVED_BY_SOC)
    PublicationsPlanFactory(status=PlanStatus.IN_IMPLEMENTATION)
    PublicationsPlanFactory(status=PlanStatus.COMPLETED, publication_status=PublicationStatus.DRAFT)

    response = client.get("/")
    assert response.status_code == 200
    main = main_of(response)
    assert main.index("Fresh news") < main.index("Old news")
    assert "Draft news" not in main
    assert main.index("Soon SWG meeting") < main.index("Next SOC meeting")
    assert "Past meeting" not in main and "Draft meeting" not in main
    assert '<th scope="row">Approved by SOC</th><td>2</td>' in main
    assert '<th scope="row">In implementation</th><td>1</td>' in main
    assert "Completed" not in main
    assert 'href="/plans/status/"' in main
    assert '<span class="stat">2</span> member states' in main
    assert 'Current chair: <a href="/members/azerbaijan/">Azerbaijan</a> (2024–2026)' in main
    assert 'href="/about/"' in main


def test_home_without_any_content_is_calm(client):
    response = client.get("/")
    assert response.status_code == 200
    main = main_of(response)
    assert "Nothing published yet." in main
    assert "No upcoming events announced." in main
    assert "No plans published yet." in main


@time_machine.travel(TODAY, tick=False)
@pytest.mark.parametrize("count", [3, 30])
def test_home_query_count_is_constant(client, django_assert_max_num_queries, count):
    populate(count)
    # members, chair, publications, events, plan status counts (tally less scheduled plans)
    with django_assert_max_num_queries(5):
        assert client.get("/").status_code == 200
